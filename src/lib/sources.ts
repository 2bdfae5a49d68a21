/** The files a figure comes from, each with its year, as one line ("oes_31080.xlsx (2023); …"). */
export function sourceFiles(sources: readonly { fileName: string; year: number | null }[]): string {
	return sources.map((s) => `${s.fileName}${s.year ? ` (${s.year})` : ''}`).join('; ');
}

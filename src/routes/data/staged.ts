import type { UploadPreview } from '$lib/server/import/preview';
import type { JobView } from '$lib/server/jobs';

// The answers' shapes, from the server code that makes them (types only: nothing server-side
// reaches the browser).
export type Preview = UploadPreview & { id: string };
export type Job = JobView;
export type Report = NonNullable<JobView['report']>;

/** A staged upload on this page: its preview and the editor's choices for it. */
export interface Staged {
	id: string;
	file: string;
	size: number;
	preview: Preview | null;
	error: string | null;
	busy: boolean;
	kind: string;
	/** our field → their column */
	fields: Record<string, string>;
	year: string;
	remember: boolean;
	/** Replace figures already imported for the same area-years and groups. */
	replace: boolean;
}

/** A card for a file just uploaded (or staged again), before its preview arrives. */
export function newStaged(f: { id: string; file: string; size: number }, year = ''): Staged {
	return {
		...f,
		preview: null,
		error: null,
		busy: true,
		kind: '',
		fields: {},
		year,
		remember: true,
		replace: false
	};
}

/** The editor's choices as the API takes them: their column → our field. */
export function columnMap(s: Staged): Record<string, string> {
	const map: Record<string, string> = {};
	for (const [field, column] of Object.entries(s.fields)) if (column) map[column] = field;
	return map;
}

export function hasMapping(s: Staged): boolean {
	return Object.keys(columnMap(s)).length > 0;
}

/** Fills the mapping form from the mapping the server applied (saved, or the one just tried). */
export function applyMapping(s: Staged, applied: Record<string, string>): void {
	s.fields = Object.fromEntries(Object.entries(applied).map(([col, field]) => [field, col]));
}

export function bytes(n: number, nf: { format(n: number): string }): string {
	if (n >= 1024 * 1024) return `${nf.format(Math.round((n / 1024 / 1024) * 10) / 10)} MB`;
	if (n >= 1024) return `${nf.format(Math.round(n / 1024))} KB`;
	return `${nf.format(n)} B`;
}

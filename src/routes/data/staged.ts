import { guessFields } from '$lib/domain/field-synonyms';
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
	/** our field → their column, or CONSTANT when every row gets the value in `constants` */
	fields: Record<string, string>;
	/** our field → the value every row gets (for a file without that column) */
	constants: Record<string, string>;
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
		constants: {},
		year,
		remember: true,
		replace: false
	};
}

/** The mapping choice "the same value for every row" (no header cell can be this). */
export const CONSTANT = '\u0000same';

/**
 * The editor's choices as the API takes them: their column → our field, and `=value` → our
 * field for a value every row gets.
 */
export function columnMap(s: Staged): Record<string, string> {
	const map: Record<string, string> = {};
	for (const [field, column] of Object.entries(s.fields)) {
		if (column === CONSTANT) {
			const value = (s.constants[field] ?? '').trim();
			if (value !== '') map[`=${value}`] = field;
		} else if (column) map[column] = field;
	}
	return map;
}

export function hasMapping(s: Staged): boolean {
	return Object.keys(columnMap(s)).length > 0;
}

/** Fills the mapping form from the mapping the server applied (saved, or the one just tried). */
export function applyMapping(s: Staged, applied: Record<string, string>): void {
	s.fields = {};
	s.constants = {};
	for (const [column, field] of Object.entries(applied)) {
		if (column.startsWith('=')) {
			s.fields[field] = CONSTANT;
			s.constants[field] = column.slice(1);
		} else s.fields[field] = column;
	}
}

/**
 * The format chosen (or detected): keep the choices that apply to it, drop the others, and
 * pre-select the columns whose names obviously match the fields still open.
 */
export function guessMapping(s: Staged): void {
	const target = s.preview?.targets.find((t) => t.id === s.kind);
	const header = s.preview?.table?.header ?? [];
	if (!target) return;
	const fields = [...target.required, ...target.optional];
	const kept = Object.fromEntries(
		Object.entries(s.fields).filter(([field, column]) => fields.includes(field) && column)
	);
	const used = new Set(Object.values(kept));
	const guess = guessFields(
		fields.filter((f) => !kept[f]),
		header.filter((h) => !used.has(h))
	);
	s.fields = { ...guess, ...kept };
}

export function bytes(n: number, nf: { format(n: number): string }): string {
	if (n >= 1024 * 1024) return `${nf.format(Math.round((n / 1024 / 1024) * 10) / 10)} MB`;
	if (n >= 1024) return `${nf.format(Math.round(n / 1024))} KB`;
	return `${nf.format(n)} B`;
}

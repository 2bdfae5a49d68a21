/**
 * Writes rows as CSV (RFC 4180). Text cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) get a leading apostrophe; numbers are written as numbers.
 */
import type { CsvCell } from '../domain/columns';

export type { CsvCell };

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula, made inert (CSV and XLSX alike). */
export const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = neutralise(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * `notes` become one-cell lines starting with `#` before the header (what the table is, its
 * sources): a spreadsheet shows them above the table; a parser skips lines starting with `#`.
 */
export function toCsv(
	header: readonly string[],
	rows: readonly (readonly CsvCell[])[],
	notes: readonly string[] = []
): string {
	const lines = [...notes.map((n) => csvCell(`# ${n}`)), header.map(csvCell).join(',')];
	for (const row of rows) lines.push(row.map(csvCell).join(','));
	return lines.join('\r\n') + '\r\n';
}

export function csvResponse(body: string, fileName: string): Response {
	return download(body, 'text/csv; charset=utf-8', fileName);
}

/** An answer the browser saves as `fileName` (characters outside [\w.-] become `_`). */
export function download(body: BodyInit, contentType: string, fileName: string): Response {
	return new Response(body, {
		headers: {
			'content-type': contentType,
			'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`
		}
	});
}

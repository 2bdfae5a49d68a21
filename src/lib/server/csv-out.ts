/**
 * Writes rows as CSV (RFC 4180). Text cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) get a leading apostrophe; numbers are written as numbers.
 */
import type { CsvCell } from '../domain/columns';

export type { CsvCell };

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	let text = value;
	if (FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	const lines = [header.map(csvCell).join(',')];
	for (const row of rows) lines.push(row.map(csvCell).join(','));
	return lines.join('\r\n') + '\r\n';
}

export function csvResponse(body: string, fileName: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`
		}
	});
}

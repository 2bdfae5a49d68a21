/**
 * Writes tables as an XLSX workbook (exceljs). Text is neutralised like the CSV's (csv-out.ts):
 * exceljs stores strings as strings, but a user who edits a cell starting with `=` in a
 * spreadsheet turns it into a formula, and other readers are less careful.
 */
import ExcelJS from 'exceljs';
import type { CsvCell } from '../domain/columns';
import { neutralise } from './csv-out';

export interface Sheet {
	name: string;
	header?: readonly string[];
	rows: readonly (readonly CsvCell[])[];
}

const cellValue = (v: CsvCell): string | number | boolean | null =>
	v === null || v === undefined
		? null
		: typeof v === 'string'
			? neutralise(v)
			: typeof v === 'number' && !Number.isFinite(v)
				? null
				: v;

export async function toXlsx(sheets: readonly Sheet[]): Promise<ArrayBuffer> {
	const book = new ExcelJS.Workbook();
	for (const s of sheets) {
		const sheet = book.addWorksheet(s.name);
		if (s.header) {
			sheet.addRow(s.header.map(neutralise)).font = { bold: true };
			sheet.views = [{ state: 'frozen', ySplit: 1 }];
		}
		for (const row of s.rows) sheet.addRow(row.map(cellValue));
	}
	// exceljs types its answer as a Node Buffer; copied out as a plain ArrayBuffer for Response.
	return new Uint8Array(await book.xlsx.writeBuffer()).slice().buffer;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

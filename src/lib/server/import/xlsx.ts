/**
 * Streaming reader for XLSX workbooks (exceljs WorkbookReader): sheets in workbook order, rows as
 * arrays of text so every adapter sees the same shape as from a CSV. Numbers become their shortest
 * decimal text; codes stored as text cells keep their leading zeros.
 */
import ExcelJS from 'exceljs';
import type { SheetSink } from './rows';

type CellValue = ExcelJS.CellValue;

export function cellText(value: CellValue | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('result' in value) return cellText(value.result as CellValue);
		if ('text' in value) return String(value.text);
		if ('error' in value) return String(value.error);
	}
	return String(value);
}

export async function readWorkbook(path: string, sink: SheetSink): Promise<void> {
	const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
		sharedStrings: 'cache',
		hyperlinks: 'ignore',
		styles: 'ignore',
		worksheets: 'emit',
		entries: 'emit'
	});
	for await (const worksheet of workbook) {
		const name = (worksheet as unknown as { name?: string }).name ?? '';
		const rowSink = sink.sheet(name);
		let stopped = rowSink === null;
		for await (const row of worksheet) {
			if (stopped) continue; // drain the sheet so the zip stream can move on
			const values = row.values as CellValue[];
			const cells: string[] = [];
			for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
			if (rowSink!(cells, row.number) === false) stopped = true;
		}
	}
}

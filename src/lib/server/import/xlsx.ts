/**
 * Streaming reader for XLSX workbooks (exceljs WorkbookReader): sheets in workbook order, rows as
 * arrays of text so every adapter sees the same shape as from a CSV. Numbers become their shortest
 * decimal text; codes stored as text cells keep their leading zeros.
 */
import type ExcelJS from 'exceljs';
import { createReadStream, statSync } from 'node:fs';
import type { Heartbeat, SheetSink } from './rows';
import { checkWorkbook } from './zip';

type CellValue = ExcelJS.CellValue;

/**
 * exceljs is loaded on the first workbook, not at start: loading it costs more than half a second
 * of CPU, which every `npm run import` of a CSV (and the server's start) would otherwise pay.
 */
async function excel(): Promise<typeof ExcelJS> {
	return (await import('exceljs')).default;
}

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

/**
 * exceljs's streaming reader sometimes fails ("reading 'sheets'") on workbooks that store
 * `xl/workbook.xml` after their sheets, as exceljs itself writes them: it looks up a sheet's name
 * before the workbook part is parsed. That happens before any sheet is handed over, so the
 * workbook is then read whole instead (only for workbooks whose parts expand to little enough to
 * hold in memory).
 */
const IN_MEMORY_LIMIT = 32 * 1024 * 1024;

/**
 * Reads every sheet of a workbook into `sink`. The zip is checked first (see zip.ts): a workbook
 * cut short, damaged or expanding past the limits throws a WorkbookError before exceljs sees it.
 */
export async function readWorkbook(
	path: string,
	sink: SheetSink,
	progress?: { bytes: number },
	heartbeat?: Heartbeat
): Promise<void> {
	const expanded = await checkWorkbook(path, statSync(path).size, () => {
		if (heartbeat) heartbeat.beats++;
	});
	let delivered = false;
	try {
		await readStreaming(
			path,
			{
				sheet: (name) => {
					delivered = true;
					return sink.sheet(name);
				}
			},
			progress
		);
	} catch (e) {
		const race = e instanceof TypeError && /reading 'sheets'/.test(e.message);
		if (!race || delivered || expanded > IN_MEMORY_LIMIT) throw e;
		await readInMemory(path, sink);
	}
}

async function readStreaming(
	path: string,
	sink: SheetSink,
	progress?: { bytes: number }
): Promise<void> {
	// Loaded before the stream opens: a stream flowing while this waits would lose its first bytes.
	const ExcelJS = await excel();
	let input: string | ReturnType<typeof createReadStream> = path;
	if (progress) {
		input = createReadStream(path);
		input.on('data', (chunk) => (progress.bytes += chunk.length));
	}
	const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
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
			if (rowSink!(rowCells(row.values as CellValue[]), row.number) === false) stopped = true;
		}
	}
}

function rowCells(values: CellValue[]): string[] {
	const cells: string[] = [];
	for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
	return cells;
}

async function readInMemory(path: string, sink: SheetSink): Promise<void> {
	const ExcelJS = await excel();
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(path);
	for (const worksheet of workbook.worksheets) {
		const rowSink = sink.sheet(worksheet.name);
		if (rowSink === null) continue;
		const rows: { cells: string[]; number: number }[] = [];
		worksheet.eachRow((row, number) =>
			rows.push({ cells: rowCells(row.values as CellValue[]), number })
		);
		for (const row of rows) if (rowSink(row.cells, row.number) === false) break;
	}
}

/**
 * The comparison as CSV and XLSX: read back, every figure matches the JSON answer of the same
 * request, each measure carries its source files and years, and a format the API does not offer answers 400.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { seededDb, type TempDb } from '../helpers/db';
import { callHandler } from '../helpers/routes';
import { cellText } from '../../src/lib/server/import/xlsx';
import type { CompareReport } from '../../src/lib/server/reports/views/compare';

let t: TempDb;
vi.mock('$lib/server/db', () => ({ getDb: () => t.db }));
const route = () => import('../../src/routes/api/compare/+server');
const get = async (path: string) => callHandler(await route(), new URL(path, 'http://localhost'));

beforeAll(async () => {
	t = await seededDb([
		'data/reference/digital-jobs-categories.csv',
		'data/sample/national_M2021_dl.xlsx',
		'data/sample/oews_MSA_M2021_los_angeles.csv',
		'data/sample/bls_ep_occupation_2022-32.xlsx',
		'data/sample/cpsaat11_2021.xlsx'
	]);
}, 180_000);
afterAll(() => t?.close());

type Row = Record<string, string>;
/** The CSV's notes (lines starting with #) and its table. */
function readCsv(text: string): { notes: string[]; rows: Row[] } {
	const lines = text.split('\r\n');
	const notes = lines.filter((l) => /^"?# /.test(l));
	const parsed = Papa.parse<Row>(lines.slice(notes.length).join('\r\n'), {
		header: true,
		skipEmptyLines: true
	});
	expect(parsed.errors).toEqual([]);
	return { notes, rows: parsed.data };
}

async function readXlsx(body: ArrayBuffer): Promise<{ about: string[]; rows: Row[] }> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(body);
	const sheet = book.getWorksheet('Comparison')!;
	const values: string[][] = [];
	const width = sheet.columnCount;
	sheet.eachRow((row) => {
		const cells: string[] = [];
		for (let i = 1; i <= width; i++) {
			const v = row.getCell(i).value;
			// Flags are spreadsheet booleans; the CSV writes them as true/false.
			cells.push(typeof v === 'boolean' ? String(v) : cellText(v));
		}
		values.push(cells);
	});
	const [header, ...data] = values;
	const about: string[] = [];
	book.getWorksheet('About')!.eachRow((row) => about.push(cellText(row.getCell(1).value)));
	return { about, rows: data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

describe('GET /api/compare?format=csv|xlsx', () => {
	let report: CompareReport;
	beforeAll(async () => {
		report = (await (await get('/api/compare?areas=31080,99')).json()) as CompareReport;
	});

	it('CSV: one row per area and occupation with sources and years, the figures of the JSON', async () => {
		const res = await get('/api/compare?areas=31080,99&format=csv');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(res.headers.get('content-disposition')).toBe(
			'attachment; filename="compare-31080-99-2021.csv"'
		);
		const { notes, rows } = readCsv(await res.text());
		expect(notes.join('\n')).toMatch(/Sources: .*oews_MSA_M2021_los_angeles\.csv/);
		expect(notes.join('\n')).toMatch(/location quotient is 1 by definition/);

		const la = rows.filter((r) => r.area_code === '31080' && r.row_type === 'occupation');
		const laJson = report.occupations.filter((o) => o.byArea[0] !== null);
		expect(la).toHaveLength(laJson.length);
		const devs = la.find((r) => r.soc === '15-1252')!;
		const devsJson = report.occupations.find((o) => o.soc === '15-1252')!.byArea[0]!;
		expect(Number(devs.employment)).toBe(devsJson.employment);
		expect(devs.employment).not.toBe('');
		expect(Number(devs.median_annual_wage)).toBe(devsJson.medianAnnualWage);
		expect(devs.employment_source).toBe('oews_MSA_M2021_los_angeles.csv; national_M2021_dl.xlsx');
		expect(devs.employment_year).toBe('2021');
		expect(devs.openings_source).toContain('bls_ep_occupation_2022-32.xlsx');
		expect(devs.openings_year).toBe('2021; 2022');

		const total = rows.find((r) => r.area_code === '31080' && r.row_type === 'all-occupations')!;
		expect(total.soc).toBe('00-0000');
		expect(Number(total.employment)).toBe(report.areas[0]!.total.employment);
		expect(total.location_quotient).toBe('');

		// Each group's share of the area's digital jobs, as on the page's area card, with its source.
		const groups = rows.filter(
			(r) => r.area_code === '31080' && r.row_type === 'digital-representation'
		);
		const groupsJson = report.areas[0]!.digitalRepresentation;
		expect(groupsJson.length).toBeGreaterThan(0);
		expect(groups.map((g) => g.title)).toEqual(groupsJson.map((g) => g.group));
		for (const [i, g] of groups.entries()) {
			expect(Number(g.group_share_of_digital_jobs)).toBe(groupsJson[i]!.shareOfDigitalJobs);
			expect(Number(g.group_baseline_share)).toBe(groupsJson[i]!.baseline);
			expect(g.group_geography).toBe(report.areas[0]!.representationGeography);
			expect(g.group_source).toMatch(/\.(csv|xlsx)/);
			expect(g.employment).toBe('');
		}
		expect(devs.group_share_of_digital_jobs).toBe('');

		// The nation's quotient is 1 (the JSON leaves it unpublished, as OEWS does).
		const usDevs = rows.find((r) => r.area_code === '99' && r.soc === '15-1252')!;
		expect(usDevs.location_quotient).toBe('1');
		expect(usDevs.area_year).toBe('2021');
	});

	it('XLSX: the same table with an About sheet', async () => {
		const res = await get('/api/compare?areas=31080,99&format=xlsx');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toBe(
			'attachment; filename="compare-31080-99-2021.xlsx"'
		);
		const { about, rows } = await readXlsx(await res.arrayBuffer());
		const csv = readCsv(await (await get('/api/compare?areas=31080,99&format=csv')).text());
		expect(rows).toEqual(csv.rows);
		expect(about.map((a) => `# ${a}`)).toEqual(csv.notes.map((n) => n.replace(/^"|"$/g, '')));
	});

	it('a bad format answers 400 naming the allowed ones; no format keeps the JSON', async () => {
		const res = await get('/api/compare?areas=31080,99&format=pdf');
		expect(res.status).toBe(400);
		const body = (await res.json()) as { error: { message: string } };
		expect(body.error.message).toBe('format must be one of: json, csv, xlsx, not "pdf".');
		const plain = await get('/api/compare?areas=31080,99');
		expect(plain.headers.get('content-type')).toMatch(/application\/json/);
	});
});

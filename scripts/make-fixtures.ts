/**
 * Rebuilds the small OEWS test fixtures in tests/fixtures/oews/ from the real BLS files bundled in
 * data/sample/ (npx tsx scripts/make-fixtures.ts). Rows are copied as published; only the
 * selection, and in the "lowercase" variant the header spelling, differ from the originals.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { cellText } from '../src/lib/server/import/xlsx';

const OUT = 'tests/fixtures/oews';
const LA = 'data/sample/oews_MSA_M2021_los_angeles.csv';

// Los Angeles 2021: the total, two major groups, every 15-12xx code, and rows with each marker.
const la = Papa.parse<string[]>(readFileSync(LA, 'utf8'), { skipEmptyLines: true }).data;
const [header, ...body] = la as [string[], ...string[][]];
const keep = body.filter(
	(r) =>
		['00-0000', '11-0000', '15-0000', '11-1011', '11-1031', '29-1228', '53-7062'].includes(r[8]!) ||
		r[8]!.startsWith('15-12')
);
const csvCut = Papa.unparse([header, ...keep], { newline: '\r\n' });
writeFileSync(`${OUT}/MSA_M2021_la_cut.csv`, csvCut + '\r\n');
const lowerHeader = header.map((h) => (h === 'O_GROUP' ? 'occ_group' : h.toLowerCase()));
writeFileSync(
	`${OUT}/MSA_M2021_la_cut_lowercase.csv`,
	Papa.unparse([lowerHeader, ...keep], { newline: '\n' }) + '\n'
);

// The same rows as an XLSX sheet with numbers as numeric cells, as BLS publishes MSA files.
async function laXlsx() {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('MSA_M2021_dl');
	ws.addRow(header);
	for (const r of keep) {
		ws.addRow(
			r.map((c, i) => {
				const numeric = i >= 11 && i <= 29 && /^[\d,.]+$/.test(c);
				return numeric ? Number(c.replaceAll(',', '')) : c;
			})
		);
	}
	await wb.xlsx.writeFile(`${OUT}/MSA_M2021_la_cut.xlsx`);
}

/** Copies the header and the chosen OCC_CODE rows of a national workbook, with its Field Descriptions. */
async function nationalCut(source: string, target: string, codes: string[]) {
	const input = new ExcelJS.Workbook();
	await input.xlsx.readFile(source);
	const out = new ExcelJS.Workbook();
	for (const sheet of input.worksheets) {
		if (sheet.name.startsWith('national_')) {
			const ws = out.addWorksheet(sheet.name);
			sheet.eachRow((row, n) => {
				const values = (row.values as ExcelJS.CellValue[]).slice(1);
				const code = cellText(values[8]);
				if (n === 1 || codes.includes(code)) ws.addRow(values);
			});
		} else if (sheet.name === 'Field Descriptions') {
			const ws = out.addWorksheet(sheet.name);
			sheet.eachRow((row) => ws.addRow((row.values as ExcelJS.CellValue[]).slice(1)));
		}
	}
	await out.xlsx.writeFile(target);
}

await laXlsx();
await nationalCut('data/sample/national_M2021_dl.xlsx', `${OUT}/national_M2021_cut.xlsx`, [
	'00-0000',
	'11-0000',
	'11-1011',
	'13-1020',
	'15-0000',
	'15-1252',
	'15-1253',
	'29-1228'
]);
await nationalCut('data/sample/national_M2020_dl.xlsx', `${OUT}/national_M2020_cut.xlsx`, [
	'00-0000',
	'11-1011',
	'13-1020',
	'15-1245',
	'15-1256',
	'15-1257',
	'29-1228'
]);
console.log('fixtures written to', OUT);

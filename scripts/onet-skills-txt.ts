/**
 * Converts O*NET's `Skills.xlsx` into the tab-separated `Skills.txt` layout O*NET also publishes
 * (same 15 columns, same order, one header row, LF line ends), so the bundle stays small and the
 * importer reads one format for every O*NET table:
 *
 *   npx tsx scripts/onet-skills-txt.ts PATH/TO/Skills.xlsx data/sample/onet/Skills.txt
 *
 * Numbers are written as the workbook stores them (no rounding); blank cells stay empty; text
 * cells are copied as they are. A cell holding a tab or a line break would break the layout, so
 * the script stops on one instead of altering it.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';

const EXPECTED = [
	'O*NET-SOC Code',
	'Title',
	'Element ID',
	'Element Name',
	'Scale ID',
	'Scale Name',
	'Data Value',
	'N',
	'Standard Error',
	'Lower CI Bound',
	'Upper CI Bound',
	'Recommend Suppress',
	'Not Relevant',
	'Date',
	'Domain Source'
];

const [input, output] = process.argv.slice(2);
if (!input || !output) {
	console.error('usage: npx tsx scripts/onet-skills-txt.ts Skills.xlsx Skills.txt');
	process.exit(2);
}

function text(value: ExcelJS.CellValue, where: string): string {
	if (value === null || value === undefined) return '';
	let out: string;
	if (typeof value === 'number') out = String(value);
	else if (typeof value === 'string') out = value;
	else if (value instanceof Date)
		throw new Error(`${where}: a date cell; expected text such as 08/2023`);
	else if (typeof value === 'object' && 'richText' in value)
		out = value.richText.map((r) => r.text).join('');
	else throw new Error(`${where}: unexpected cell ${JSON.stringify(value)}`);
	if (/[\t\r\n]/.test(out)) throw new Error(`${where}: a tab or line break inside the cell`);
	return out;
}

const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(input);
const sheet = workbook.worksheets[0];
if (!sheet) throw new Error(`${input}: no worksheet`);
const lines: string[] = [];
sheet.eachRow((row, r) => {
	const cells: string[] = [];
	for (let c = 1; c <= EXPECTED.length; c++) {
		cells.push(text(row.getCell(c).value, `${input} row ${r}, column ${c}`));
	}
	if (r === 1 && cells.join('\t') !== EXPECTED.join('\t')) {
		throw new Error(
			`${input}: header is ${JSON.stringify(cells)}, expected ${JSON.stringify(EXPECTED)}`
		);
	}
	lines.push(cells.join('\t'));
});
writeFileSync(output, lines.join('\n') + '\n');
console.log(`${output}: ${lines.length - 1} data rows`);

import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { csvCell, toCsv } from '../../../src/lib/server/csv-out';
import { toXlsx } from '../../../src/lib/server/xlsx-out';

describe('csvCell', () => {
	it.each([
		['plain', 'plain'],
		['a, b', '"a, b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
		['+1', "'+1"],
		['-cmd', "'-cmd"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', `"'\rx"`]
	])('%j → %j', (input, out) => expect(csvCell(input)).toBe(out));

	it('writes numbers, including negatives, as numbers', () => {
		expect(csvCell(-12.5)).toBe('-12.5');
		expect(csvCell(0)).toBe('0');
		expect(csvCell(null)).toBe('');
		expect(csvCell(Number.NaN)).toBe('');
	});
});

describe('toCsv', () => {
	it('writes a header and CRLF-terminated rows', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					[1, 'x'],
					[null, 'y, z']
				]
			)
		).toBe('a,b\r\n1,x\r\n,"y, z"\r\n');
	});

	it('puts notes before the header as one-cell lines starting with #', () => {
		expect(toCsv(['a'], [[1]], ['Sources: x.csv', 'Area: Boston, MA'])).toBe(
			'# Sources: x.csv\r\n"# Area: Boston, MA"\r\na\r\n1\r\n'
		);
	});
});

describe('toXlsx', () => {
	it('writes text a spreadsheet would run as inert text, and numbers as numbers', async () => {
		const body = await toXlsx([
			{
				name: 'T',
				header: ['name', '=h'],
				rows: [
					['=HYPERLINK("x")', -3],
					['@SUM(A1)', null]
				]
			}
		]);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(body);
		const sheet = book.getWorksheet('T')!;
		expect(sheet.getRow(1).values).toEqual([undefined, 'name', "'=h"]);
		expect(sheet.getCell('A2').value).toBe(`'=HYPERLINK("x")`);
		expect(sheet.getCell('B2').value).toBe(-3);
		expect(sheet.getCell('A3').value).toBe("'@SUM(A1)");
		expect(sheet.getCell('B3').value).toBe(null);
	});
});

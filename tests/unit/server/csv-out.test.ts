import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/lib/server/csv-out';

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
});

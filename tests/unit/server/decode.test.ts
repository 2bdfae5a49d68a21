/**
 * Reading UTF-8 in chunks: a character whose bytes straddle two reads, and a byte-order mark
 * at the start, come out as the text the file holds.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDelimited } from '../../../src/lib/server/import/csv';
import { inspectFile } from '../../../src/lib/server/import/file-info';

const dir = mkdtempSync(join(tmpdir(), 'rlm-decode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rowsOf(text: string, bom = false): Promise<string[][]> {
	const path = join(dir, 'file.csv');
	const body = Buffer.from(text, 'utf8');
	writeFileSync(path, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
	const info = await inspectFile(path);
	const rows: string[][] = [];
	await readDelimited(path, info.encoding, (cells) => {
		rows.push(cells);
	});
	return rows;
}

describe('UTF-8 read in chunks', () => {
	// Reads are 256 KB: pad so that each multi-byte character starts 1 or 2 bytes before a read ends.
	const READ = 1 << 18;
	it.each([
		['a 2-byte character', 'Á', 1],
		['a 3-byte character', '€', 1],
		['a 3-byte character, 2 bytes early', '€', 2],
		['a 4-byte character', '𝄞', 3]
	])('%s across the end of a read', async (_name, char, before) => {
		const header = 'code,title\n';
		const prefix = 'x,';
		const padding = 'a'.repeat(READ - header.length - prefix.length - before);
		const rows = await rowsOf(`${header}${prefix}${padding}${char}z\ny,${char}\n`);
		expect(rows).toEqual([
			['code', 'title'],
			['x', `${padding}${char}z`],
			['y', char]
		]);
	});

	it('drops a byte-order mark before the header, and keeps one elsewhere', async () => {
		expect(await rowsOf('code,title\n1,\uFEFFx\n', true)).toEqual([
			['code', 'title'],
			['1', '\uFEFFx']
		]);
	});
});

describe('rows read a piece at a time', () => {
	// Far past the first piece, after quoted line breaks, so the row's place in its piece and the
	// physical line both have to be carried over correctly.
	// Every seventh row of the first 15,000 holds a quoted line break; the rest have no quotes.
	const lines = (n: number) =>
		Array.from({ length: n }, (_, i) =>
			i % 7 === 0 && i < 15_000 ? `${i},"two\nlines"` : `${i},plain ${i}`
		);

	it('keeps every row, with quoted line breaks, across many pieces', async () => {
		const body = lines(20_000);
		const rows = await rowsOf(`code,title\n${body.join('\n')}\n`);
		expect(rows).toHaveLength(20_001);
		expect(rows[7 * 1000 + 1]).toEqual([String(7 * 1000), 'two\nlines']);
		expect(rows.at(-1)).toEqual(['19999', 'plain 19999']);
	});

	it('names the physical line of a quote that is never closed, deep in the file', async () => {
		const body = lines(20_000);
		// The rows before it are 15,000 + 2,143 lines (a line break in each seventh row); nothing
		// after it closes the quote.
		body[15_000] = '15000,"never closed';
		const path = join(dir, 'broken.csv');
		writeFileSync(path, `code,title\n${body.join('\n')}\n`);
		const info = await inspectFile(path);
		const seen: number[] = [];
		const failure = await readDelimited(path, info.encoding, (_cells, line) => {
			seen.push(line);
		}).catch((e: unknown) => e);
		expect(failure).toMatchObject({ line: 1 + 15_000 + 1 + Math.ceil(15_000 / 7) });
		expect((failure as Error).message).toMatch(/never closed/);
		expect(seen.at(-1)).toBe((failure as { line: number }).line - 1);
	});
});

describe('the line of each row, read a piece at a time', () => {
	/** Each row's line as its cells say: one line, plus the line feeds its cells hold. */
	function expectedLines(rows: string[][]): number[] {
		let line = 1;
		return rows.map((cells) => {
			const here = line;
			line += 1 + cells.reduce((n, c) => n + c.split('\n').length - 1, 0);
			return here;
		});
	}

	async function linesOf(text: string) {
		const path = join(dir, 'lines.csv');
		writeFileSync(path, text);
		const rows: string[][] = [];
		const lines: number[] = [];
		await readDelimited(path, 'utf-8', (cells, line) => {
			rows.push(cells);
			lines.push(line);
		});
		return { rows, lines };
	}

	/** A header and `n` rows, lines ended by `end`; the rows `broken` picks hold a line feed. */
	const body = (n: number, broken: (i: number) => boolean, end: string) =>
		['code,title,flag']
			.concat(
				Array.from({ length: n }, (_, i) =>
					broken(i) ? `${i},"two\nlines",x` : `${i},"Title ${i}, All Other",y`
				)
			)
			.join(end);

	it.each([
		['LF, no line break in any cell', body(50_000, () => false, '\n') + '\n'],
		['LF, a quoted line break late in the file', body(50_000, (i) => i === 40_000, '\n') + '\n'],
		['CRLF, quoted line breaks', body(50_000, (i) => i % 997 === 0, '\r\n') + '\r\n'],
		// CR line ends with a line feed in every row: as many feeds as rows, none ending one.
		['CR, a line feed in every row', body(50_000, () => true, '\r') + '\r'],
		// One piece; a quoted line break in the last row, which has no line break after it.
		['a small file whose last row has no line break', body(20, (i) => i === 19, '\n')],
		['a small file ending in a line break', body(20, (i) => i === 5, '\n') + '\n']
	])('%s', async (_what, text) => {
		const { rows, lines } = await linesOf(text);
		expect(rows.length).toBeGreaterThan(20);
		expect(lines).toEqual(expectedLines(rows));
	});
});

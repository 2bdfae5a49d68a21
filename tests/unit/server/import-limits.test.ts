/**
 * The limits checked on raw bytes (CSV cells and records, and when the exact scan starts), the
 * encoding landmarks of a file,
 * and the width of OEWS area codes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	RecordLimits,
	SUSPECT_CHARS,
	exactScans,
	readDelimited
} from '../../../src/lib/server/import/csv';
import { inspectFile, utf8Landmarks } from '../../../src/lib/server/import/file-info';
import { MAX_CELL_BYTES, MAX_ROW_BYTES, ReadError } from '../../../src/lib/server/import/rows';
import { areaWidthProblem } from '../../../src/lib/server/import/sources/bls-oews';

/** Feeds `text` to a RecordLimits in chunks of `size` bytes; the error it throws, or null. */
function scan(text: string | Buffer, size = 7, delimiter = ','): ReadError | null {
	const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
	const limits = new RecordLimits(delimiter.charCodeAt(0));
	try {
		for (let i = 0; i < bytes.length; i += size) limits.scan(bytes.subarray(i, i + size));
	} catch (e) {
		if (e instanceof ReadError) return e;
		throw e;
	}
	return null;
}

describe('RecordLimits', () => {
	const long = 'x'.repeat(MAX_CELL_BYTES + 1);

	it('lets cells up to the limit through, whatever the chunking', () => {
		const cell = 'x'.repeat(MAX_CELL_BYTES);
		for (const size of [1, 3, 65_536]) expect(scan(`a,b\n1,${cell}\n`, size)).toBeNull();
	});

	it.each([
		['an unquoted cell', `a,b\n1,${long}\n`, 2, 2],
		[
			'a quoted cell never closed, across lines',
			`a,b\n1,"x\n${'y,z\n'.repeat(MAX_CELL_BYTES / 4)}`,
			2,
			2
		],
		['after CR-only line ends', `a,b\r1,2\r3,${long}\r`, 3, 2],
		['after CRLF line ends', `a,b\r\n1,2\r\n${long}\r\n`, 3, 1],
		['after a quoted cell holding a line break', `a,b\n"1\n2",3\n4,${long}`, 4, 2]
	])('names the line and column where %s begins', (_what, text, line, column) => {
		const error = scan(text, 4096);
		expect(error).toBeInstanceOf(ReadError);
		expect(error).toMatchObject({ line, column });
		expect(error!.message).toMatch(/holds more than 100,000 characters/);
	});

	it('reads "" inside quotes and a quote followed by spaces as papaparse does', () => {
		// `"a""b"  ,` closes the field at the comma: the next cells start afresh.
		const text = `"a""b"  ,${'x'.repeat(100)}\n`.repeat(10_000);
		expect(scan(text, 1000)).toBeNull();
		// A quote followed by a letter does not close the field: what follows is still inside it.
		expect(scan(`"a"b,${'c,'.repeat(MAX_CELL_BYTES)}`, 1000)).toMatchObject({ line: 1, column: 1 });
	});

	it('refuses a record over the row limit, at the line it begins', () => {
		const error = scan(`a,b\n${'x,'.repeat(MAX_ROW_BYTES / 2 + 1)}\n`, 65_536);
		expect(error).toMatchObject({ line: 2, column: null });
		expect(error!.message).toMatch(/this row is longer than 4 MB/);
	});

	it('uses the delimiter it is given', () => {
		expect(scan(`a;b\n1;${'x,'.repeat(MAX_CELL_BYTES / 2 + 1)}\n`, 4096, ';')).toMatchObject({
			line: 2,
			column: 2
		});
		expect(scan(`a;b\n1;${'x;'.repeat(MAX_CELL_BYTES / 2)}\n`, 4096, ';')).toBeNull();
	});
});

describe('encoding landmarks', () => {
	it.each([
		['ASCII then é in UTF-8', [0x61, 0xc3, 0xa9], 1, -1],
		['a lone Latin-1 é', [0x61, 0xe9, 0x62], -1, 1],
		['both, Latin-1 first', [0xe9, 0x20, 0xc3, 0xa9], 2, 0],
		['an overlong form is not UTF-8', [0xc0, 0xaf, 0x61], -1, 0],
		['a surrogate is not UTF-8', [0xed, 0xa0, 0x80], -1, 0],
		['😀 is UTF-8', [0xf0, 0x9f, 0x98, 0x80], 0, -1]
	])('%s', (_what, bytes, multibyte, invalid) => {
		expect(utf8Landmarks(Uint8Array.from(bytes))).toEqual({ multibyte, invalid });
	});

	const inspect = async (content: Buffer) => {
		const dir = mkdtempSync(join(tmpdir(), 'rlm-encoding-'));
		try {
			const path = join(dir, 'f.csv');
			writeFileSync(path, content);
			return await inspectFile(path);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	};

	it('finds the lines of a mixed file, even chunks apart', async () => {
		const filler = Buffer.from('a,b\n'.repeat(600_000)); // 2.4 MB: past the 1 MiB read chunks
		const info = await inspect(
			Buffer.concat([Buffer.from('x,Chéf\n'), filler, Buffer.from('y,Ch\xe9f\n', 'latin1')])
		);
		expect(info.encoding).toBe('windows-1252');
		expect(info.mixed).toEqual({ utf8Line: 1, otherLine: 600_002, byte: 0xe9 });
	});

	it('a Windows-1252 file says where its first non-UTF-8 byte is', async () => {
		const info = await inspect(Buffer.from('a,b\nx,Ch\xe9f\n', 'latin1'));
		expect(info).toMatchObject({ encoding: 'windows-1252', notUtf8Line: 2 });
		expect(info.mixed).toBeUndefined();
	});

	it('a UTF-8 file has neither', async () => {
		const info = await inspect(Buffer.from('a,b\nx,Chéf\n'));
		expect(info.encoding).toBe('utf-8');
		expect(info.mixed).toBeUndefined();
		expect(info.notUtf8Line).toBeUndefined();
	});
});

describe('areaWidthProblem', () => {
	const none = () => undefined;
	it.each([
		['31080', 'msa'],
		['0031080', 'msa'],
		['71650', 'msa'],
		['6', 'state'],
		['06', 'state'],
		['100001', 'nonmetro'],
		['0100001', 'nonmetro'],
		['99', 'national']
	] as const)('%s is a %s code', (raw, type) => {
		expect(areaWidthProblem(raw, type, '', none)).toBeNull();
	});

	it.each([
		['3108', 'msa', /"3108" is not a metropolitan area code: .*5 digits .*probably 31080/],
		['03108', 'msa', /"03108" is not a metropolitan area code/],
		['310800', 'msa', /5 digits/],
		['31080', 'state', /"31080" is not a state area code: state codes have 2 digits/],
		['10001', 'nonmetro', /nonmetropolitan area codes have 7 digits/]
	] as const)('%s as %s is refused', (raw, type, message) => {
		expect(areaWidthProblem(raw, type, '', none)).toMatch(message);
	});

	it('names the code the database has for the row’s area title', () => {
		const known = (title: string) => (title === 'Tucson, AZ' ? '46060' : undefined);
		expect(areaWidthProblem('4606', 'msa', 'Tucson, AZ', known)).toMatch(
			/"Tucson, AZ" is area 46060 in this database/
		);
	});
});

describe('the exact scan, started only for an unfinished record past SUSPECT_CHARS', () => {
	const dir = mkdtempSync(join(tmpdir(), 'rlm-lazy-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	/** Reads `text` as a file; its rows, the error, and how many exact scans that started. */
	async function read(text: string) {
		const path = join(dir, 'file.csv');
		writeFileSync(path, text);
		const before = exactScans.started;
		const rows: string[][] = [];
		let error: unknown = null;
		try {
			await readDelimited(path, 'utf-8', (cells) => void rows.push(cells));
		} catch (e) {
			error = e;
		}
		return { rows, error, scans: exactScans.started - before };
	}

	/** The error a scan from the first byte gives. */
	const fromTheStart = (text: string) => scan(text, 65_536);

	it('reads a sound file of many MB without one', async () => {
		const line = '"Synthetic Occupation 1, All Other",15-1252,"1,234",88.5\n';
		const { rows, error, scans } = await read('title,soc,emp,wage\n' + line.repeat(100_000));
		expect(error).toBeNull();
		expect(rows).toHaveLength(100_001);
		expect(scans).toBe(0);
	});

	it('reads a long record within the limits whole once the scan has started', async () => {
		// Two cells of 150,000 characters: within the byte limits, and unfinished at the end of
		// the first 256 KB read, so the scan starts there and finds nothing wrong.
		const cell = 'w'.repeat(150_000);
		expect(2 * cell.length).toBeGreaterThan(SUSPECT_CHARS);
		const { rows, error, scans } = await read(`a,b\n1,2\n"${cell}",${cell}\n3,4\n`);
		expect(error).toBeNull();
		expect(rows.map((r) => r.map((c) => c.length))).toEqual([
			[1, 1],
			[1, 1],
			[150_000, 150_000],
			[1, 1]
		]);
		expect(scans).toBe(1);
	});

	it.each([
		[
			'a quote lost past the first MB',
			`a,b\n${'1,2\n'.repeat(300_000)}3,"x\n${'y,z\n'.repeat(150_000)}`
		],
		[
			'a runaway cell past the first MB',
			`a,b\n${'1,2\n'.repeat(300_000)}3,${'x'.repeat(MAX_CELL_BYTES + 5)}\n`
		],
		['a row past the limit', `a,b\n${'1,2\n'.repeat(1000)}${'x,'.repeat(MAX_ROW_BYTES / 2 + 1)}\n`]
	])('refuses %s where a scan from the first byte does', async (_what, text) => {
		const expected = fromTheStart(text);
		expect(expected).toBeInstanceOf(ReadError);
		const { error, scans } = await read(text);
		expect(scans).toBe(1);
		expect(error).toBeInstanceOf(ReadError);
		expect(error).toMatchObject({
			message: expected!.message,
			line: expected!.line,
			column: expected!.column
		});
	});
});

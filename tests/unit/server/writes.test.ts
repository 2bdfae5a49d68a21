/**
 * Pieces of the import's write path: the many-rows statement form, the UTF-8 check, and the OEWS
 * adapter's memory of the codes it wrote.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectFile, unfinishedUtf8 } from '../../../src/lib/server/import/file-info';
import { WrittenCodes } from '../../../src/lib/server/import/sources/bls-oews';
import { manyRows } from '../../../src/lib/server/import/writes';

describe('manyRows', () => {
	it('repeats the values of a plain INSERT', () => {
		expect(manyRows('INSERT INTO t (a, b)\n\t VALUES (?, ?)', 3)).toBe(
			'INSERT INTO t (a, b)\n\t VALUES (?, ?), (?, ?), (?, ?)'
		);
	});
	it.each([
		'INSERT INTO t (a) VALUES (?) ON CONFLICT(a) DO NOTHING',
		"INSERT INTO t (a, b) VALUES (?, 'x')",
		'UPDATE t SET a = ? WHERE b = ?',
		'INSERT INTO t SELECT * FROM u WHERE a = ?'
	])('leaves %s row by row', (sql) => {
		expect(manyRows(sql, 8)).toBeNull();
	});
});

describe('unfinishedUtf8', () => {
	const bytes = (...b: number[]) => Uint8Array.from(b);
	it.each([
		['ASCII', bytes(0x61, 0x62), 0],
		['a whole é', bytes(0x61, 0xc3, 0xa9), 0],
		['the first byte of é', bytes(0x61, 0xc3), 1],
		['two bytes of €', bytes(0xe2, 0x82), 2],
		['a whole €', bytes(0xe2, 0x82, 0xac), 0],
		['three bytes of 😀', bytes(0xf0, 0x9f, 0x98), 3],
		['a whole 😀', bytes(0xf0, 0x9f, 0x98, 0x80), 0],
		['nothing', bytes(), 0]
	])('%s', (_what, chunk, expected) => {
		expect(unfinishedUtf8(chunk)).toBe(expected);
	});
});

describe('inspectFile encoding across read chunks (1 MiB)', () => {
	const CHUNK = 1 << 20;
	const withBytesAt = (at: number, tail: number[]) => {
		const head = Buffer.alloc(at, 0x61); // "aaa…"
		return Buffer.concat([head, Buffer.from(tail), Buffer.from('\nend\n')]);
	};
	it.each([
		['é split by the chunk boundary', withBytesAt(CHUNK - 1, [0xc3, 0xa9]), 'utf-8'],
		['😀 split by the chunk boundary', withBytesAt(CHUNK - 2, [0xf0, 0x9f, 0x98, 0x80]), 'utf-8'],
		['a lone Latin-1 é at the boundary', withBytesAt(CHUNK - 1, [0xe9]), 'windows-1252'],
		[
			'é cut short at the end of the file',
			Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0xc3])]),
			'windows-1252'
		],
		['a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n')]), 'utf-8-bom']
	])('%s', async (_what, content, expected) => {
		const dir = mkdtempSync(join(tmpdir(), 'rlm-inspect-'));
		try {
			const path = join(dir, 'f.csv');
			writeFileSync(path, content);
			expect((await inspectFile(path)).encoding).toBe(expected);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('WrittenCodes', () => {
	it('finds codes of the area being read and of areas left behind, and updates either', () => {
		const w = new WrittenCodes();
		w.set('31080', '15-1252', 10);
		w.set('31080', '00-0000', 11);
		w.set('99', '15-1252', 20);
		expect(w.get('31080', '15-1252')).toBe(10);
		expect(w.get('99', '15-1252')).toBe(20);
		expect(w.get('99', '00-0000')).toBeUndefined();
		w.set('31080', '15-1252', 12); // back to a packed area: an update in place
		w.set('31080', '11-1011', 13);
		w.set('99', '11-1011', 21);
		expect([
			w.get('31080', '15-1252'),
			w.get('31080', '11-1011'),
			w.get('31080', '00-0000')
		]).toEqual([12, 13, 11]);
		expect(w.get('99', '11-1011')).toBe(21);
		w.set('31080', 'AB-CDEF', 30); // not a SOC shape: kept aside
		expect(w.get('31080', 'AB-CDEF')).toBe(30);
		expect(w.get('99', 'AB-CDEF')).toBeUndefined();
	});

	it('agrees with a plain Map over 20,000 random writes across 30 areas', () => {
		let seed = 7;
		const rand = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % n;
		};
		const w = new WrittenCodes();
		const reference = new Map<string, number>();
		let area = '0';
		for (let i = 0; i < 20_000; i++) {
			if (rand(50) === 0) area = String(rand(30)); // mostly area by area, sometimes back
			const soc = `${String(rand(60)).padStart(2, '0')}-${String(rand(10_000)).padStart(4, '0')}`;
			expect(w.get(area, soc)).toBe(reference.get(`${area} ${soc}`));
			w.set(area, soc, i);
			reference.set(`${area} ${soc}`, i);
		}
		for (const [key, value] of reference) {
			const [a, soc] = key.split(' ') as [string, string];
			expect(w.get(a, soc)).toBe(value);
		}
	});
});

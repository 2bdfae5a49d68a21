/** Pieces of the import's write path: the many-rows statement form and the UTF-8 check. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectFile, unfinishedUtf8 } from '../../../src/lib/server/import/file-info';
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

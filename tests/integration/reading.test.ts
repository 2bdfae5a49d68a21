/**
 * Robust reading: the same OEWS rows saved with other delimiters, encodings, line endings, a
 * quoted line break and a footnote block all import to the same facts; line numbers stay physical.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importFile } from '../../src/lib/server/import/load';
import { FIXTURES, snapshot, tempDb, type TempDb } from '../helpers/db';

const DIR = join(FIXTURES, 'reading');
let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.close());

type Row = Record<string, unknown>;
const facts = (db: TempDb['db']): Row[] =>
	db.$client
		.prepare('SELECT * FROM oews_facts ORDER BY area, soc')
		.all()
		.map((r) => ({ ...(r as Row), run_id: 0, source_line: 0 }));

async function reference(): Promise<Row[]> {
	const other = tempDb();
	try {
		await importFile(other.db.$client, join(FIXTURES, 'oews', 'MSA_M2021_la_cut.csv'));
		return facts(other.db);
	} finally {
		other.close();
	}
}

describe('the same rows, saved differently', () => {
	it.each([
		'MSA_M2021_tab.tsv',
		'MSA_M2021_semicolon.csv',
		'MSA_M2021_bom.csv',
		'MSA_M2021_windows1252.csv',
		'MSA_M2021_footnotes.csv'
	])('%s imports to the same facts as the plain CSV', async (file) => {
		const r = await importFile(t.db.$client, join(DIR, file));
		expect(r).toMatchObject({ status: 'imported', rowsRead: 21, rowsImported: 21, issues: [] });
		expect(facts(t.db)).toEqual(await reference());
	});

	it('decodes Windows-1252 text (the area title keeps its accent)', async () => {
		await importFile(t.db.$client, join(DIR, 'MSA_M2021_windows1252.csv'));
		const title = t.db.$client
			.prepare("SELECT title FROM areas WHERE code = '31080'")
			.pluck()
			.get();
		expect(title).toBe('Los Ángeles-Long Beach-Anaheim, CA');
	});

	it('keeps a line break inside a quoted title, and counts physical lines after it', async () => {
		const ok = await importFile(t.db.$client, join(DIR, 'MSA_M2021_multiline_title.csv'));
		expect(ok.status).toBe('imported');
		const titles = t.db.$client
			.prepare("SELECT title FROM occupations WHERE title LIKE '%' || char(10) || '%'")
			.pluck()
			.all();
		expect(titles).toHaveLength(1);
		const lines = t.db.$client
			.prepare('SELECT source_line FROM oews_facts ORDER BY source_line')
			.pluck()
			.all();
		expect(lines.slice(0, 5)).toEqual([2, 3, 4, 6, 7]);

		const other = tempDb();
		try {
			const before = snapshot(other.db);
			const bad = await importFile(other.db.$client, join(DIR, 'MSA_M2021_multiline_then_bad.csv'));
			expect(bad.status).toBe('rejected');
			expect(bad.issues[0]).toMatchObject({ line: 7, column: 12 });
			expect(snapshot(other.db)).toEqual(before);
		} finally {
			other.close();
		}
	});
});

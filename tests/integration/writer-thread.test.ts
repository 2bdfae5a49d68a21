/**
 * Imports whose writes run on the writer thread (src/lib/server/import/writes.ts) against the
 * same imports written inline: equal reports and equal tables for real files and for the bad
 * corpus; a refused row reported on its own line wherever it falls in the batches; a database
 * that cannot be written reported as such, with nothing changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateOewsCsv } from '../../bench/gen-oews';
import {
	EARLY_WRITER_BYTES,
	importFile,
	publicReport,
	type ImportOptions
} from '../../src/lib/server/import/load';
import { WriterThread, WriterUnavailable } from '../../src/lib/server/import/writes';
import { FIXTURES, SAMPLE, snapshot, tempDb, type TempDb } from '../helpers/db';

let a: TempDb;
let b: TempDb;
beforeEach(() => {
	a = tempDb();
	b = tempDb();
});
afterEach(() => {
	a.close();
	b.close();
});

/** The test's two databases, each with the writer it imports with. */
const bothWays = () =>
	[
		[a, 'thread'],
		[b, 'inline']
	] as const;

/** Every row of the tables imports write, in a stable order, with the run timestamps blanked. */
function contents(t: TempDb) {
	const out: Record<string, unknown[]> = {};
	for (const table of [
		'areas',
		'occupations',
		'oews_facts',
		'oews_coverage',
		'completions',
		'import_runs'
	]) {
		const rows = t.db.$client.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][];
		out[table] = rows
			.map((r) => (table === 'import_runs' ? r.map((v, i) => (i >= 9 ? null : v)) : r))
			.map((r) => JSON.stringify(r))
			.sort();
	}
	return out;
}

/** Imports `files` in order into `t`, every one with the given writer; returns the reports. */
async function importAll(t: TempDb, files: string[], writer: ImportOptions['writer']) {
	const reports = [];
	for (const f of files) reports.push(publicReport(await importFile(t.db.$client, f, { writer })));
	return reports;
}

describe('writer thread and inline writes give the same database', () => {
	it.each([
		['Los Angeles 2021 (CSV, whole file)', [join(SAMPLE, 'oews_MSA_M2021_los_angeles.csv')]],
		['national 2021 (XLSX)', [join(SAMPLE, 'national_M2021_dl.xlsx')]],
		[
			'national 2020 (hybrid codes, after the hybrid structure)',
			[join(SAMPLE, 'oes_2019_hybrid_structure.xlsx'), join(SAMPLE, 'national_M2020_dl.xlsx')]
		],
		['IPEDS completions cut', [join(FIXTURES, 'ipeds/c2022_a_cut.csv')]],
		['IPEDS completions 2024 (whole file)', [join(SAMPLE, 'ipeds/c2024_a_all_institutions.csv')]]
	])('%s', async (_what, files) => {
		const started = WriterThread.started;
		const onThread = await importAll(a, files, 'thread');
		expect(WriterThread.started).toBe(started + 1);
		const inline = await importAll(b, files, 'inline');
		expect(WriterThread.started).toBe(started + 1);
		expect(onThread.every((r) => r.status === 'imported')).toBe(true);
		expect(onThread).toEqual(inline);
		expect(contents(a)).toEqual(contents(b));
	});

	it('gives the same report for every file of the bad corpus, and changes nothing', async () => {
		const dirs = [join(FIXTURES, 'bad'), join(FIXTURES, 'ipeds/bad')];
		const files = dirs.flatMap((d) =>
			readdirSync(d)
				.filter((f) => !f.endsWith('.md'))
				.map((f) => join(d, f))
		);
		expect(files.length).toBeGreaterThan(30);
		const before = snapshot(a.db);
		for (const f of files) {
			const onThread = publicReport(await importFile(a.db.$client, f, { writer: 'thread' }));
			const inline = publicReport(await importFile(b.db.$client, f, { writer: 'inline' }));
			expect(onThread, f).toEqual(inline);
			expect(onThread.status, f).toBe('rejected');
		}
		expect(snapshot(a.db)).toEqual(before);
	});
});

/** An IPEDS completions file of `rows` distinct rows, with `edit` applied to the lines. */
function completionsFile(dir: string, rows: number, edit: (lines: string[]) => void): string {
	const lines = ['UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT,CTOTALM,CTOTALW'];
	for (let i = 0; i < rows; i++) {
		const unitid = 100000 + Math.floor(i / 50);
		const cip = `11.${String(1000 + (i % 50)).slice(1)}1`;
		lines.push(
			`${unitid},${cip},1,5,${i % 97},${i % 13},${(i % 97) - (i % 13) < 0 ? 0 : (i % 97) - (i % 13)}`
		);
	}
	edit(lines);
	const path = join(dir, 'c2024_a_generated.csv');
	writeFileSync(path, lines.join('\n') + '\n');
	return path;
}

/** An OEWS MSA file of `rows` detailed occupations in one area, with `edit` applied to the lines. */
function oewsFile(dir: string, rows: number, edit: (lines: string[]) => void): string {
	const header =
		'AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,NAICS_TITLE,I_GROUP,OWN_CODE,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,EMP_PRSE,JOBS_1000,LOC_QUOTIENT,PCT_TOTAL,PCT_RPT,H_MEAN,A_MEAN,MEAN_PRSE,H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY';
	const lines = [header];
	for (let i = 0; i < rows; i++) {
		const soc = `${String(11 + Math.floor(i / 900)).padStart(2, '0')}-${String(1001 + (i % 900) * 10 + 1).padStart(4, '0')}`;
		lines.push(oewsRow(soc, 'detailed', 1000 + i));
	}
	edit(lines);
	const path = join(dir, 'MSA_M2021_generated.csv');
	writeFileSync(path, lines.join('\n') + '\n');
	return path;
}

function oewsRow(soc: string, group: string, employment: number): string {
	return `31080,"Los Angeles-Long Beach-Anaheim, CA",4,CA,000000,Cross-industry,cross-industry,1235,${soc},Occupation ${soc},${group},"${employment.toLocaleString('en-US')}",1.0,1.000,1.00,,,30.00,"62,400",0.5,14.00,15.00,22.00,37.00,60.00,"29,120","31,200","45,760","76,960","124,800",,`;
}

describe('rows the database refuses, on the writer thread', () => {
	it('reports a duplicate IPEDS row on its own line, far into the file, and writes nothing', async () => {
		// 12 values a row, 48,000 a batch: line 9,003 is in the third batch, mid-way through a
		// group of rows written by one statement.
		const path = completionsFile(a.dir, 10_000, (lines) => {
			lines[9_002] = lines[9]!;
		});
		const [unitid, cip, , award] = completionsFileLine(path, 9);
		const before = snapshot(a.db);
		for (const [t, writer] of bothWays()) {
			const r = await importFile(t.db.$client, path, { writer });
			expect(r.status).toBe('rejected');
			expect(r.issues).toEqual([
				{
					line: 9_003,
					column: null,
					message: `duplicate row: UNITID ${unitid}, CIPCODE ${cip}, AWLEVEL ${award} appears on an earlier line`
				}
			]);
		}
		expect(snapshot(a.db)).toEqual(before);
	});

	it('lists a refused row among the other problems in line order, as inline does', async () => {
		// The writer reports the duplicate (line 5) after this thread has read line 9's bad cell.
		const path = completionsFile(a.dir, 20, (lines) => {
			lines[4] = lines[2]!;
			lines[8] = lines[8]!.replace(/,(\d+),(\d+),(\d+)$/, ',many,$2,$3');
		});
		const onThread = publicReport(await importFile(a.db.$client, path, { writer: 'thread' }));
		const inline = publicReport(await importFile(b.db.$client, path, { writer: 'inline' }));
		expect(onThread.issues.map((i) => i.line)).toEqual([5, 9]);
		expect(onThread).toEqual(inline);
	});

	it('imports the generated IPEDS file whole when nothing repeats (rows in no full group too)', async () => {
		const path = completionsFile(a.dir, 10_003, () => {});
		const r = await importFile(a.db.$client, path, { writer: 'thread' });
		expect(r).toMatchObject({ status: 'imported', rowsRead: 10_003, rowsImported: 10_003 });
		const { n, total } = a.db.$client
			.prepare('SELECT count(*) AS n, sum(total) AS total FROM completions')
			.get() as { n: number; total: number };
		expect(n).toBe(10_003);
		let expected = 0;
		for (let i = 0; i < 10_003; i++) expected += i % 97;
		expect(total).toBe(expected);
	});

	it('keeps an OEWS code published as broad and as detailed once, as detailed, lines apart', async () => {
		const soc = '11-1002'; // the first generated code
		const path = oewsFile(a.dir, 3_000, (lines) => {
			// The broad row first (line 2), its detailed twin 2,500 lines later.
			lines[1] = oewsRow(soc, 'broad', 555);
			lines[2_501] = oewsRow(soc, 'detailed', 777);
		});
		for (const [t, writer] of bothWays()) {
			const r = await importFile(t.db.$client, path, { writer });
			expect(r.status).toBe('imported');
			expect(r.notes).toContain(
				'1 codes published at both the broad and the detailed level were kept once, as detailed'
			);
		}
		expect(contents(a)).toEqual(contents(b));
		const kept = a.db.$client
			.prepare('SELECT o_group, employment, source_line FROM oews_facts WHERE soc = ?')
			.get(soc);
		expect(kept).toEqual({ o_group: 'detailed', employment: 555, source_line: 2 });
	});

	it('rejects a real OEWS duplicate with the line it repeats', async () => {
		const path = oewsFile(a.dir, 3_000, (lines) => {
			lines[2_600] = lines[1_200]!;
		});
		const before = snapshot(a.db);
		const r = await importFile(a.db.$client, path, { writer: 'thread' });
		expect(r.status).toBe('rejected');
		expect(r.issues).toEqual([
			{
				line: 2_601,
				column: null,
				message: expect.stringMatching(
					/^duplicate row: area 31080, occupation \d\d-\d{4} is already on line 1201$/
				)
			}
		]);
		expect(snapshot(a.db)).toEqual(before);
	});

	it('reports a database another connection is writing to as busy, and changes nothing', async () => {
		const before = snapshot(a.db);
		const other = new Database(a.path);
		other.exec('BEGIN IMMEDIATE');
		// The importing connection's wait for a busy database is the writer's too (the server
		// waits 250 ms so that its pages keep answering); the default here is 5 s.
		a.db.$client.pragma('busy_timeout = 200');
		try {
			const started = WriterThread.started;
			const t0 = performance.now();
			const r = await importFile(a.db.$client, join(FIXTURES, 'ipeds/c2022_a_cut.csv'), {
				writer: 'thread'
			});
			expect(performance.now() - t0).toBeLessThan(4_000);
			expect(WriterThread.started).toBe(started + 1);
			expect(r.status).toBe('rejected');
			expect(r.issues).toEqual([
				{ line: null, column: null, message: expect.stringMatching(/^the database is busy/) }
			]);
		} finally {
			other.exec('ROLLBACK');
			other.close();
		}
		expect(snapshot(a.db)).toEqual(before);
		// and the same file goes in once the other writer is gone
		const again = await importFile(a.db.$client, join(FIXTURES, 'ipeds/c2022_a_cut.csv'));
		expect(again.status).toBe('imported');
	}, 20_000);
});

/** UNITID, CIPCODE, MAJORNUM, AWLEVEL of a line of a generated completions file. */
function completionsFileLine(path: string, index: number): string[] {
	return readFileSync(path, 'utf8').split('\n')[index]!.split(',');
}

describe('a writer thread that cannot start', () => {
	it('says so with WriterUnavailable (the loader then writes inline), leaving no transaction', async () => {
		const failures: string[] = [];
		const thread = new WriterThread(
			a.path,
			{ refused: () => {}, failed: (e) => failures.push(e.message) },
			{ driver: join(a.dir, 'no-such-driver.node') }
		);
		expect(() =>
			thread.begin("INSERT INTO areas (code, title, type) VALUES ('1', 'x', 'msa')", [])
		).toThrow(WriterUnavailable);
		await thread.rollback();
		expect(failures).toEqual([]);
		// the database is free: an import takes the lock at once
		const r = await importFile(a.db.$client, join(FIXTURES, 'ipeds/c2022_a_cut.csv'));
		expect(r.status).toBe('imported');
	});
});

describe('a large file’s writer thread, started before the file is read', () => {
	/** Waits for threads that were told to stop to be gone. */
	async function settled() {
		for (let i = 0; i < 100 && WriterThread.live > 0; i++)
			await new Promise((r) => setTimeout(r, 20));
		return WriterThread.live;
	}

	it('is the one the import writes on, and is stopped when the file is skipped or refused', async () => {
		const big = join(a.dir, 'oews_synthetic_M2024.csv');
		const rows = await generateOewsCsv(big, 70_000);
		expect(statSync(big).size).toBeGreaterThan(EARLY_WRITER_BYTES);
		const started = WriterThread.started;

		const imported = await importFile(a.db.$client, big);
		expect(imported).toMatchObject({ status: 'imported', rowsImported: rows });
		expect(WriterThread.started).toBe(started + 1); // the early one, not a second
		expect(await settled()).toBe(0);

		const again = await importFile(a.db.$client, big);
		expect(again.status).toBe('skipped');
		expect(WriterThread.started).toBe(started + 2);
		expect(await settled()).toBe(0);

		const unknown = join(a.dir, 'not_a_known_format.csv');
		writeFileSync(unknown, 'colour,weight\n' + 'red,12\n'.repeat(2_500_000));
		expect(statSync(unknown).size).toBeGreaterThan(EARLY_WRITER_BYTES);
		const before = snapshot(a.db);
		const refused = await importFile(a.db.$client, unknown);
		expect(refused.status).toBe('rejected');
		expect(snapshot(a.db)).toEqual(before);
		expect(WriterThread.started).toBe(started + 3);
		expect(await settled()).toBe(0);

		// The same file imported inline starts no thread at all.
		const inline = await importFile(b.db.$client, big, { writer: 'inline' });
		expect(inline.status).toBe('imported');
		expect(WriterThread.started).toBe(started + 3);
		expect(contents(a).oews_facts).toEqual(contents(b).oews_facts);
	}, 120_000);
});

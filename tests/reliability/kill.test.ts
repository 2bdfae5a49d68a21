/**
 * SIGKILL during an import loses nothing: `scripts/import.ts` importing a 100,000-row OEWS-shaped
 * CSV into a database that already holds two earlier imports is killed at seeded random points,
 * during the sha256 pre-pass, while COMMIT runs and just after it returned. After every kill the
 * database passes `PRAGMA integrity_check`, the earlier data is byte-identical, and the new run is
 * either absent (not one row of it visible) or complete; re-running the import then succeeds.
 * Figures and method: docs/RELIABILITY.md. `RELIABILITY_SEED=n` replays other kill times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateOewsCsv } from '../../bench/gen-oews';
import { createDb, type Db } from '../../src/lib/server/db/client';
import { FIXTURES, SAMPLE, snapshot } from '../helpers/db';
import { runScript } from '../helpers/process';
import {
	copyDb,
	dbFiles,
	dbFileSizes,
	seededRandom,
	spawnImport,
	type ImportChild,
	type PhaseName
} from '../helpers/reliability';

const ROWS = 100_000;
const FILE_NAME = 'oews_synthetic_M2024.csv';
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261124);
const RANDOM_KILLS = 7;
const EARLIER = [
	join(FIXTURES, 'oews/MSA_M2021_la_cut.csv'),
	join(SAMPLE, 'national_M2021_dl.xlsx')
];

type Outcome = 'absent' | 'complete';

interface Trial {
	label: string;
	/** The kill is timed from the moment the child reports this phase… */
	after: PhaseName;
	/** …plus this many ms, from the uninterrupted reference import's timings. */
	delay: () => number;
	/** What this kill must find, beyond the checks every kill gets. */
	expect?: { lastPhase?: PhaseName; outcome?: Outcome };
}

const random = seededRandom(SEED);
// One kill per equal slice of the import, at a random point inside it: spread, yet random.
const TRIALS: Trial[] = [
	{
		label: 'during the sha256 pre-pass',
		after: 'sha256',
		delay: () => 0,
		// Killed before the pre-pass finished: no transaction had begun.
		expect: { lastPhase: 'sha256', outcome: 'absent' }
	},
	...Array.from({ length: RANDOM_KILLS }, (_, i): Trial => {
		const share = (i + random()) / RANDOM_KILLS;
		return {
			label: `random, ${(share * 100).toFixed(0)}% in`,
			after: 'sha256',
			delay: () => share * reference.importMs
		};
	}),
	{ label: 'as COMMIT starts', after: 'commit', delay: () => 0 },
	// COMMIT writes the last frames to the WAL, then (over 1,000 pages) copies them into the file.
	{
		label: 'late in COMMIT (checkpoint)',
		after: 'commit',
		delay: () => 0.7 * reference.commitMs
	},
	{
		label: 'just after COMMIT returned',
		after: 'committed',
		delay: () => 0,
		expect: { outcome: 'complete' }
	}
];

interface Result {
	trial: Trial;
	/** ms after spawn / after the child reported `sha256`. */
	killedAt: number;
	killedAfterStart: number;
	lastPhase: PhaseName | 'none';
	exit: string;
	left: { db: number; wal: number };
	outcome: Outcome;
	checkMs: number;
	dbPath: string;
}

let work: string;
let file: string;
let fileRows: number;
let base: string;
let baseSnapshot: ReturnType<typeof snapshot>;
let earlierRuns: number[];
/** What an uninterrupted import of the file produced, to compare a committed run against. */
let reference: {
	importMs: number;
	commitMs: number;
	totalMs: number;
	facts: string;
	areas: string[];
	socs: string[];
};
/** earlierData() of the pre-loaded database. */
let earlierData0: Record<string, string>;
const results: Result[] = [];
/** Children still running, killed in afterAll if a test failed before its kill. */
const live = new Set<ImportChild>();

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const n = (count: number) => count.toLocaleString('en-US');

function withDb<T>(path: string, use: (db: Db) => T): T {
	const db = createDb(path);
	try {
		return use(db);
	} finally {
		db.$client.close();
	}
}

/** Hash of the new run's facts without the run id, so two databases compare equal. */
function factsHash(db: Db, runId: number): string {
	const rows = db.$client
		.prepare('SELECT * FROM oews_facts WHERE run_id = ? ORDER BY area, soc')
		.raw()
		.all(runId) as unknown[][];
	const hash = createHash('sha256');
	for (const row of rows) hash.update(JSON.stringify(row.slice(1)));
	return hash.digest('hex');
}

/**
 * Every row the earlier imports wrote, table by table: rows of the earlier runs, and the areas and
 * occupations the synthetic file does not name (those it names it updates by design, like any
 * newer OEWS file). Equal before and after a kill whatever its outcome.
 */
function earlierData(db: Db): Record<string, string> {
	const tables = db.$client
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
		.all() as { name: string }[];
	const runs = earlierRuns.join(', ');
	const out: Record<string, string> = {};
	for (const { name } of tables) {
		if (name === 'sqlite_sequence') continue; // the next run id moves on once a run commits
		const columns = (
			db.$client.prepare(`SELECT name FROM pragma_table_info('${name}')`).all() as {
				name: string;
			}[]
		).map((c) => c.name);
		let where = '';
		const params: string[] = [];
		if (name === 'import_runs') where = `WHERE id IN (${runs})`;
		else if (columns.includes('run_id')) where = `WHERE run_id IN (${runs})`;
		else if (name === 'areas') {
			where = 'WHERE code NOT IN (SELECT value FROM json_each(?))';
			params.push(JSON.stringify(reference.areas));
		} else if (name === 'occupations') {
			where = 'WHERE soc NOT IN (SELECT value FROM json_each(?))';
			params.push(JSON.stringify(reference.socs));
		}
		const rows = db.$client
			.prepare(`SELECT * FROM "${name}" ${where} ORDER BY rowid`)
			.raw()
			.all(...params);
		out[name] = `${rows.length} ${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`;
	}
	return out;
}

function syntheticRun(db: Db) {
	return db.$client.prepare('SELECT * FROM import_runs WHERE file_name = ?').get(FILE_NAME) as
		| { id: number; rows_read: number; rows_imported: number; finished_at: string | null }
		| undefined;
}

/** The checks every killed database must pass; returns whether the new run is there. */
function checkAfterKill(path: string): Outcome {
	return withDb(path, (db) => {
		expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(db.$client.pragma('foreign_key_check')).toEqual([]);
		expect(earlierData(db)).toEqual(earlierData0);
		const run = syntheticRun(db);
		if (!run) {
			// Not one row of the interrupted run may be visible anywhere.
			expect(snapshot(db)).toEqual(baseSnapshot);
			return 'absent';
		}
		expect(run).toMatchObject({ rows_read: fileRows, rows_imported: fileRows });
		expect(run.finished_at).not.toBeNull();
		const counted = db.$client
			.prepare(
				`SELECT (SELECT count(*) FROM oews_facts WHERE run_id = ?) AS facts,
				        (SELECT sum(rows) FROM oews_coverage WHERE run_id = ?) AS covered`
			)
			.get(run.id, run.id);
		expect(counted).toEqual({ facts: fileRows, covered: fileRows });
		expect(factsHash(db, run.id)).toBe(reference.facts);
		return 'complete';
	});
}

beforeAll(async () => {
	const started = performance.now();
	work = mkdtempSync(join(tmpdir(), 'rlm-kill-'));
	file = join(work, FILE_NAME);
	fileRows = await generateOewsCsv(file, ROWS);
	base = join(work, 'base.db');
	const loaded = runScript('scripts/import.ts', ['--db', base, ...EARLIER]);
	expect(loaded.code, loaded.stdout + loaded.stderr).toBe(0);
	withDb(base, (db) => {
		baseSnapshot = snapshot(db);
		earlierRuns = (db.$client.prepare('SELECT id FROM import_runs').all() as { id: number }[]).map(
			(r) => r.id
		);
	});
	expect(earlierRuns).toHaveLength(2);

	// An uninterrupted import: how long one takes, and what a complete run looks like.
	const full = join(work, 'reference.db');
	copyFileSync(base, full);
	const child = spawnImport(full, file);
	const exit = await child.exited;
	expect(exit.code, child.stdout() + child.stderr()).toBe(0);
	const at = (name: PhaseName) => child.phases.find((p) => p.name === name)!.childMs;
	withDb(full, (db) => {
		const run = syntheticRun(db)!;
		const list = (sql: string) => (db.$client.prepare(sql).pluck().all(run.id) as string[]).sort();
		reference = {
			importMs: Math.round(at('exit') - at('sha256')),
			commitMs: Math.round(at('committed') - at('commit')),
			totalMs: exit.ms,
			facts: factsHash(db, run.id),
			areas: list('SELECT area FROM oews_coverage WHERE run_id = ?'),
			socs: list('SELECT DISTINCT soc FROM oews_facts WHERE run_id = ?')
		};
	});
	earlierData0 = withDb(base, earlierData);
	// The comparison must hold for a complete run too, or it would prove nothing about one.
	expect(withDb(full, earlierData)).toEqual(earlierData0);
	console.log(
		`[kill] seed ${SEED}; ${FILE_NAME}: ${n(fileRows)} rows, ` +
			`${mb(statSync(file).size)}; base ${mb(statSync(base).size)} ` +
			`(${baseSnapshot.oews_facts?.rows} facts in ${earlierRuns.length} runs); uninterrupted ` +
			`import ${reference.totalMs} ms from spawn, ${reference.importMs} ms from sha256 start to ` +
			`exit (${child.phases.map((p) => `${p.name} ${Math.round(p.childMs - at('sha256'))}`).join(', ')}); ` +
			`setup ${Math.round(performance.now() - started)} ms`
	);
});

afterAll(() => {
	for (const child of live) child.kill();
	for (const r of results) {
		console.log(
			`[kill] ${r.trial.label.padEnd(27)} killed ${String(r.killedAt).padStart(5)} ms after spawn, ` +
				`${String(r.killedAfterStart).padStart(5)} ms after sha256 start; last phase ${r.lastPhase.padEnd(11)} ` +
				`${r.exit}; left db ${mb(r.left.db)} + wal ${mb(r.left.wal)}; ${r.outcome}; checks ${r.checkMs} ms`
		);
	}
	if (work) rmSync(work, { recursive: true, force: true });
});

async function killDuring(trial: Trial, index: number): Promise<Result> {
	const dir = join(work, `trial-${index}`);
	mkdirSync(dir);
	const dbPath = join(dir, 'import.db');
	copyFileSync(base, dbPath);
	const child: ImportChild = spawnImport(dbPath, file);
	live.add(child);
	void child.exited.then(() => live.delete(child));
	const start = await child.reached('sha256');
	if (trial.after !== 'sha256') await child.reached(trial.after);
	const delay = trial.delay();
	if (delay > 0) await sleep(delay);
	const killedAt = child.kill();
	const exit = await child.exited;
	const left = dbFileSizes(dbPath);
	// Check a copy, so the files stay as the kill left them for the re-run test to recover.
	const checked = join(dir, 'check.db');
	copyDb(dbPath, checked);
	const t0 = performance.now();
	const outcome = checkAfterKill(checked);
	for (const f of dbFiles(checked)) rmSync(f, { force: true });
	const phases = child.phases.map((p) => p.name);
	// Durability both ways: a run whose COMMIT returned is there; one that never began COMMIT isn't.
	if (phases.includes('committed')) expect(outcome).toBe('complete');
	if (!phases.includes('commit')) expect(outcome).toBe('absent');
	return {
		trial,
		killedAt,
		killedAfterStart: killedAt - start.parentMs,
		lastPhase: phases.at(-1) ?? 'none',
		exit: exit.signal ? `died of ${exit.signal}` : `exited ${exit.code} before the kill`,
		left: { db: left.db, wal: left.wal },
		outcome,
		checkMs: Math.round(performance.now() - t0),
		dbPath
	};
}

describe('SIGKILL during an import', () => {
	it.each(TRIALS.map((t, i) => [t.label, t, i] as const))(
		'kill %s: integrity ok, earlier data identical, the run absent or complete',
		async (_label, trial, index) => {
			const result = await killDuring(trial, index);
			results.push(result);
			if (trial.expect?.lastPhase) expect(result.lastPhase).toBe(trial.expect.lastPhase);
			if (trial.expect?.outcome) expect(result.outcome).toBe(trial.expect.outcome);
		}
	);

	it('re-running the import after a kill mid-transaction imports the whole file', async () => {
		// The kill that left the most uncommitted data behind in the WAL.
		const target = results
			.filter((r) => r.outcome === 'absent')
			.sort((a, b) => b.left.wal - a.left.wal)[0];
		expect(target).toBeDefined();
		const child = spawnImport(target!.dbPath, file);
		const exit = await child.exited;
		expect(exit.code, child.stderr()).toBe(0);
		expect(child.stdout()).toContain(
			`imported  ${FILE_NAME}  bls-oews 2024: ${n(fileRows)} of ${n(fileRows)} rows`
		);
		expect(checkAfterKill(target!.dbPath)).toBe('complete');
		console.log(
			`[kill] re-run after "${target!.trial.label}" (wal ${mb(target!.left.wal)} left): ` +
				`imported in ${exit.ms} ms`
		);
	});

	it('re-running after a kill that came after COMMIT reports the file as already imported', async () => {
		const target = results.find((r) => r.outcome === 'complete');
		expect(target).toBeDefined();
		const again = runScript('scripts/import.ts', ['--db', target!.dbPath, '--json', file]);
		expect(again.code).toBe(0);
		expect(JSON.parse(again.stdout).files[0]).toMatchObject({ status: 'skipped', rowsImported: 0 });
		expect(checkAfterKill(target!.dbPath)).toBe('complete');
	});
});

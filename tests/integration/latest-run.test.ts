/** "Newest run wins", as db/queries/runs.ts says it once for every read. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialsFor } from '../../src/lib/server/db/queries/credentials';
import { importRunFile } from '../../src/lib/server/db/queries/imports';
import { latestRun, newestRunOfEach } from '../../src/lib/server/db/queries/runs';
import { postingsTrendFor } from '../../src/lib/server/db/queries/sources';
import { tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.close());

function run(id: number) {
	t.db.$client
		.prepare(
			`INSERT INTO import_runs (id, source, file_name, sha256, started_at) VALUES (?, 'test', ?, ?, '')`
		)
		.run(id, `file${id}.csv`, `sha${id}`);
}

function point(runId: number, area: string, date: string) {
	t.db.$client
		.prepare(
			`INSERT INTO postings_index (run_id, area, series, date, value, basis) VALUES (?, ?, 'all', ?, 100, 'index')`
		)
		.run(runId, area, date);
}

function credential(runId: number, name: string, area: string | null, cost: number) {
	t.db.$client
		.prepare(
			`INSERT INTO credentials (run_id, name, issuer, soc, area, cost_usd, source_line) VALUES (?, ?, NULL, '15-1232', ?, ?, 2)`
		)
		.run(runId, name, area, cost);
}

describe('latestRun', () => {
	it('is the newest run holding rows of the table, or null', () => {
		expect(latestRun(t.db, 'postings_index')).toBeNull();
		[1, 2].forEach(run);
		point(1, '31080', '2024-01-01');
		point(2, '06', '2024-01-01');
		expect(latestRun(t.db, 'postings_index')).toBe(2);
		// Among areas: the newest run that wrote one of them.
		expect(latestRun(t.db, 'postings_index', ['31080'])).toBe(1);
		expect(latestRun(t.db, 'postings_index', ['31080', '06'])).toBe(2);
		expect(latestRun(t.db, 'postings_index', ['12345'])).toBeNull();
		expect(latestRun(t.db, 'postings_index', [])).toBeNull();
		// A new run changes the data version: the memoised answer is not kept.
		run(3);
		point(3, '31080', '2025-01-01');
		expect(postingsTrendFor(t.db, ['31080']).map((p) => p.runId)).toEqual([3]);
	});

	it('refuses a table that is not on its list', () => {
		expect(() => latestRun(t.db, 'import_runs' as never)).toThrow(/not a run table/);
		expect(() => newestRunOfEach('x; DROP' as never, 'c', ['a'])).toThrow(/not a run table/);
	});
});

describe('newestRunOfEach (credentials)', () => {
	it('keeps each credential from its own newest run', () => {
		[1, 2].forEach(run);
		credential(1, 'A+', null, 300);
		credential(1, 'Net+', null, 400);
		credential(2, 'A+', null, 250);
		credential(1, 'A+', '31080', 200);
		const rows = credentialsFor(t.db, '15-1232', '31080');
		expect(rows.map((r) => [r.name, r.area, r.runId, r.costUsd])).toEqual([
			['A+', '31080', 1, 200],
			['A+', null, 2, 250],
			['Net+', null, 1, 400]
		]);
	});
});

describe('importRunFile', () => {
	it("gives a run's file name and sha256, or null", () => {
		run(7);
		expect(importRunFile(t.db, 7)).toEqual({ sha256: 'sha7', fileName: 'file7.csv' });
		expect(importRunFile(t.db, 8)).toBeNull();
	});
});

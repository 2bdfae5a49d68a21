/**
 * Migration 0008 folds oews_facts' seventeen `…_status` columns into `statuses`. A database made
 * before it (migrations up to 0007, rows written the old way) must read the same after it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, MIGRATIONS_FOLDER, migrateDb, type Db } from '../../src/lib/server/db/client';
import { OEWS_MEASURES } from '../../src/lib/server/db/oews-statuses';
import { factsForRun } from '../../src/lib/server/db/queries/oews';
import { LEGISLATOR_STATUSES, LEGISLATOR_TEXT } from '../helpers/oews-statuses';

let dir: string;
let db: Db;

/** The migrations folder as it was before the fold: entries 0000–0007 only. */
function migrationsBeforeFold(): string {
	const folder = join(dir, 'migrations');
	cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
	const journalPath = join(folder, 'meta/_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
	journal.entries = journal.entries.filter((e) => e.idx <= 7);
	writeFileSync(journalPath, JSON.stringify(journal));
	return folder;
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'rlm-fold-'));
	db = createDb(join(dir, 'old.db'));
	migrateDb(db, migrationsBeforeFold());
});
afterEach(() => {
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('migration 0008: the OEWS statuses folded into one column', () => {
	it('keeps every status of rows written before it, and NULL for rows with none', () => {
		const sqlite = db.$client;
		sqlite.exec(`
			INSERT INTO import_runs (id, source, year, file_name, sha256, started_at)
			VALUES (1, 'bls-oews', 2021, 'MSA_M2021_dl.csv', 'abc', '2026-01-01T00:00:00Z');
			INSERT INTO areas (code, title, type) VALUES ('31080', 'Los Angeles-Long Beach-Anaheim, CA', 'msa');
			INSERT INTO occupations (soc, title, level) VALUES
				('11-1031', 'Legislators', 'detailed'), ('15-1252', 'Software Developers', 'detailed');`);
		const valueColumns = OEWS_MEASURES.map(([, c]) => c);
		const insert = (soc: string, values: (number | null)[], statuses: (string | null)[]) =>
			sqlite
				.prepare(
					`INSERT INTO oews_facts (run_id, area, soc, year, o_group, source_line, ${valueColumns
						.flatMap((c) => [c, `${c}_status`])
						.join(', ')}) VALUES (1, '31080', ?, 2021, 'detailed', 9, ${valueColumns
						.map(() => '?, ?')
						.join(', ')})`
				)
				.run(soc, ...values.flatMap((v, k) => [v, statuses[k]]));
		const legislators = LEGISLATOR_STATUSES;
		insert(
			'11-1031',
			legislators.map((s, k) => (s === null ? 60000 + k : null)),
			legislators
		);
		insert(
			'15-1252',
			valueColumns.map((_, k) => 1000 + k),
			valueColumns.map(() => null)
		);

		migrateDb(db);

		const columns = sqlite
			.prepare('SELECT name FROM pragma_table_info(?)')
			.pluck()
			.all('oews_facts') as string[];
		expect(columns.filter((c) => c.endsWith('_status'))).toEqual([]);
		expect(columns).toContain('statuses');
		expect(
			sqlite
				.prepare('SELECT soc, statuses, annual_mean, source_line FROM oews_facts ORDER BY soc')
				.all()
		).toEqual([
			{ soc: '11-1031', statuses: LEGISLATOR_TEXT, annual_mean: 60005, source_line: 9 },
			{ soc: '15-1252', statuses: null, annual_mean: 1005, source_line: 9 }
		]);
		const [legislator, developers] = factsForRun(db, 1, '31080');
		expect(legislator).toMatchObject({
			soc: '11-1031',
			title: 'Legislators',
			employment: null,
			employmentStatus: 'employment_not_available',
			hourlyMeanStatus: 'not_available',
			annualMean: 60005,
			annualMeanStatus: null,
			annualP75Status: 'under_half_percent',
			annualP90Status: 'top_coded'
		});
		expect(
			OEWS_MEASURES.every(
				([key]) => developers![`${key}Status` as keyof typeof developers] === null
			)
		).toBe(true);
		// The table keeps its key and its links.
		expect(() =>
			sqlite
				.prepare(
					`INSERT INTO oews_facts (run_id, area, soc, year, o_group, source_line) VALUES (1, '31080', '15-1252', 2021, 'detailed', 10)`
				)
				.run()
		).toThrow(/UNIQUE|PRIMARY KEY/);
		expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
		sqlite.exec('DELETE FROM import_runs WHERE id = 1');
		expect(sqlite.prepare('SELECT count(*) FROM oews_facts').pluck().get()).toBe(0);
	});
});

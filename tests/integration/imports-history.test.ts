/** Deleting an import run removes it and every row it imported, in one transaction. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { deleteImportRun, listImportRuns } from '../../src/lib/server/db/queries/imports';
import { importFile } from '../../src/lib/server/import/load';
import { regionReport } from '../../src/lib/server/reports/region';
import { FIXTURES, SAMPLE, snapshot, tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.close());

describe('import history', () => {
	it('lists runs newest first and deletes one with all its rows', async () => {
		await importFile(t.db.$client, join(SAMPLE, 'national_M2021_dl.xlsx'));
		const before = snapshot(t.db);
		const la = await importFile(t.db.$client, join(FIXTURES, 'oews', 'MSA_M2021_la_cut.csv'));
		const runs = listImportRuns(t.db);
		expect(runs.map((r) => r.fileName)).toEqual(['MSA_M2021_la_cut.csv', 'national_M2021_dl.xlsx']);
		expect(runs[0]).toMatchObject({
			source: 'bls-oews',
			year: 2021,
			rowsImported: 21,
			status: 'imported'
		});
		expect(regionReport(t.db, '31080').rows).toHaveLength(21);

		expect(deleteImportRun(t.db, la.runId!)).toBe(true);
		const after = snapshot(t.db);
		// Facts, coverage and the run are gone; the national data is untouched.
		expect(after.oews_facts).toEqual(before.oews_facts);
		expect(after.oews_coverage).toEqual(before.oews_coverage);
		expect(after.import_runs).toEqual(before.import_runs);
		expect(() => regionReport(t.db, '31080')).toThrow(/No area with code 31080/);
		expect(deleteImportRun(t.db, la.runId!)).toBe(false);
		// The same file can be imported again once its run is deleted.
		expect(
			(await importFile(t.db.$client, join(FIXTURES, 'oews', 'MSA_M2021_la_cut.csv'))).status
		).toBe('imported');
	});
});

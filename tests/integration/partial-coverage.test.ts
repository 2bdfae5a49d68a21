/**
 * Partial OEWS files: the bundled 396-metro file of computer occupations (May 2022) adds every
 * metro without touching Los Angeles's complete May 2021 file; a file whose groups an area-year
 * already holds never replaces them unless asked; reports say what the data cover.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../src/lib/server/import/load';
import { previewUpload } from '../../src/lib/server/import/preview';
import { CLI_ONLY } from '../../src/lib/server/import/wording';
import { gapsReport } from '../../src/lib/server/reports/views/gaps';
import { regionReport } from '../../src/lib/server/reports/region';
import { FIXTURES, SAMPLE, snapshot, tempDb, type TempDb } from '../helpers/db';

const METROS = join(SAMPLE, 'oews_MSA_M2022_computer_occupations.csv');
const LA = join(SAMPLE, 'oews_MSA_M2021_los_angeles.csv');
const LA_CUT = join(FIXTURES, 'oews/MSA_M2021_la_cut.csv');

let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.close());

const coverage = (area: string) =>
	t.db.$client
		.prepare(
			'SELECT run_id AS runId, year, rows, occ_groups AS groups FROM oews_coverage WHERE area = ? ORDER BY run_id'
		)
		.all(area) as { runId: number; year: number; rows: number; groups: string }[];

/** Data rows per area in the metro file, read straight from the CSV. */
function rowsPerArea(): Map<string, number> {
	const counts = new Map<string, number>();
	for (const line of readFileSync(METROS, 'utf8').split('\n').slice(1)) {
		const area = /^(\d+),/.exec(line)?.[1];
		if (area) counts.set(area, (counts.get(area) ?? 0) + 1);
	}
	return counts;
}

describe('the 396-metro partial file', () => {
	it('gives every metro its rows, leaves LA 2021 whole, and is skipped when imported again', async () => {
		expect((await importFile(t.db.$client, LA)).status).toBe('imported');
		const laBefore = regionReport(t.db, '31080', 2021);
		const report = await importFile(t.db.$client, METROS);
		expect(report).toMatchObject({ status: 'imported', year: 2022, issues: [], overlaps: [] });
		const expected = rowsPerArea();
		expect(expected.size).toBe(396);
		const stored = t.db.$client
			.prepare('SELECT area, rows, occ_groups AS groups FROM oews_coverage WHERE run_id = ?')
			.all(report.runId) as { area: string; rows: number; groups: string }[];
		expect(stored).toHaveLength(396);
		for (const s of stored) {
			expect(s.rows).toBe(expected.get(s.area));
			expect(s.groups).toBe('15');
		}
		// LA 2021 keeps its 735 detailed occupations; its page still opens on the complete year.
		const laAfter = regionReport(t.db, '31080');
		expect(laAfter.year).toBe(2021);
		expect(laAfter.rows).toEqual(laBefore.rows);
		expect(laAfter.rows.filter((r) => r.level === 'detailed')).toHaveLength(735);
		expect(laAfter.coverage.complete).toBe(true);
		expect(regionReport(t.db, '31080', 2022).coverage).toMatchObject({ complete: false });

		const before = snapshot(t.db);
		const again = await importFile(t.db.$client, METROS);
		expect(again.status).toBe('skipped');
		expect(snapshot(t.db)).toEqual(before);
	});

	it('says what Tucson and Washington cover, and derives or withholds what is missing', async () => {
		await importFile(t.db.$client, METROS);
		const tucson = regionReport(t.db, '46060');
		expect(tucson.year).toBe(2022);
		expect(tucson.coverage).toEqual({
			complete: false,
			groups: [{ code: '15', title: 'Computer and Mathematical Occupations' }]
		});
		expect(tucson.total.medianAnnualWage).toBeNull();
		expect(tucson.total.medianStatus).toBe('not_in_data');
		// 12,750 jobs at 33.614 per 1,000: about 379,300 jobs in all.
		expect(tucson.total.employmentStatus).toBe('derived');
		expect(tucson.total.employment).toBe(Math.round((12750 / 33.614) * 10) * 100);
		// Without the area's total the LQ shown is BLS's published one.
		const major = tucson.rows.find((r) => r.soc === '15-0000')!;
		expect(major).toMatchObject({ lq: 0.99, lqPublished: 0.99 });
		expect(major.status.lq).toBe('published');

		const dc = gapsReport(t.db, '47900');
		const dev = dc.rows.find((r) => r.soc === '15-1252')!;
		expect(dev).toMatchObject({ employment: 69360, medianAnnualWage: 134870, lq: 2.21 });
		expect(dc.regionalMedianWage).toBeNull();
		expect(dev.wageToRegionalMedian).toBeNull();
		expect(dc.digitalShareOfJobs).toBeNull();
	});

	it('marks the digital-jobs categories whose occupations lie outside SOC 15 as not covered', async () => {
		await importFile(
			t.db.$client,
			join(process.cwd(), 'data/reference/digital-jobs-categories.csv')
		);
		await importFile(t.db.$client, METROS);
		const r = gapsReport(t.db, '46060');
		expect(r.digitalUncovered['Programming and Development']).toEqual([]);
		expect(r.digitalUncovered['Networking']).toEqual([]);
		expect(r.digitalUncovered['Design']).toEqual(['27']);
		expect(r.digitalUncovered['Crosscutting']).toEqual(['11', '13']);
		expect(r.digitalUncovered['All digital jobs']).toEqual(['11', '13', '27', '29', '43', '49']);
		const programming = r.digital.find((c) => c.category === 'Programming and Development')!;
		expect(programming.employment).toBeGreaterThan(5430); // software developers alone
	});
});

describe('a file never silently replaces what an area-year holds', () => {
	it('refuses a 21-row LA 2021 file over the complete one, and writes nothing', async () => {
		await importFile(t.db.$client, LA);
		const before = snapshot(t.db);
		const r = await importFile(t.db.$client, LA_CUT);
		expect(r.status).toBe('rejected');
		expect(r.issues[0]!.message).toContain('nothing new in this file');
		expect(r.issues[0]!.message).toContain('--replace');
		expect(r.overlaps).toEqual([
			expect.objectContaining({ area: '31080', year: 2021, action: 'kept', rows: 21 })
		]);
		expect(snapshot(t.db)).toEqual(before);
		expect(regionReport(t.db, '31080').rows.filter((x) => x.level === 'detailed')).toHaveLength(
			735
		);
	});

	it('replaces only with the explicit choice, and only the groups the file holds', async () => {
		await importFile(t.db.$client, LA);
		const r = await importFile(t.db.$client, LA_CUT, { replace: true });
		expect(r.status).toBe('imported');
		expect(r.overlaps[0]).toMatchObject({ area: '31080', action: 'replaced' });
		expect(r.notes.some((n) => n.includes('replace occupation group'))).toBe(true);
		const cutGroups = coverage('31080').at(-1)!.groups.split(',');
		const after = regionReport(t.db, '31080', 2021);
		// Groups the cut holds come from it; every other group still comes from the full file.
		const fromCut = after.rows.filter((x) => cutGroups.includes(x.soc.slice(0, 2)));
		expect(fromCut.length).toBeLessThanOrEqual(21);
		expect(after.rows.length).toBeGreaterThan(fromCut.length);
		expect(after.sources.map((s) => s.fileName)).toEqual(
			expect.arrayContaining(['MSA_M2021_la_cut.csv', 'oews_MSA_M2021_los_angeles.csv'])
		);
	});

	it('adds the groups an area-year lacks and keeps the ones it has', async () => {
		await importFile(t.db.$client, LA_CUT);
		const cut = coverage('31080')[0]!;
		const r = await importFile(t.db.$client, LA);
		expect(r.status).toBe('imported');
		expect(r.overlaps[0]).toMatchObject({ area: '31080', action: 'kept' });
		const added = coverage('31080')[1]!;
		const cutGroups = cut.groups.split(',');
		expect(added.groups.split(',').some((g) => cutGroups.includes(g))).toBe(false);
		const report = regionReport(t.db, '31080', 2021);
		expect(report.coverage.complete).toBe(true);
		// The cut's own software developers row is the one kept.
		const line = (soc: string) =>
			t.db.$client
				.prepare(
					'SELECT run_id AS runId FROM oews_facts WHERE area = ? AND soc = ? ORDER BY run_id'
				)
				.all('31080', soc) as { runId: number }[];
		expect(line('15-1252')).toEqual([{ runId: cut.runId }]);
	});

	it('warns in the preview, in the words of the data page', async () => {
		await importFile(t.db.$client, LA);
		const preview = await previewUpload(t.db, LA_CUT, { fileName: 'MSA_M2021_la_cut.csv' });
		expect(preview.overlaps).toEqual([
			expect.objectContaining({ area: '31080', year: 2021, action: 'kept' })
		]);
		expect(preview.ok).toBe(false);
		for (const i of preview.issues) expect(i.message).not.toMatch(CLI_ONLY);
		expect(preview.issues[0]!.message).toContain('Replace figures already imported');
	});

	it('asks for the year through the Year box in the browser, through --year on the CLI', async () => {
		const renamed = join(t.dir, 'la.csv');
		copyFileSync(LA_CUT, renamed);
		const preview = await previewUpload(t.db, renamed, { fileName: 'la.csv' });
		expect(preview.issues[0]!.message).toContain('enter the year in the Year box');
		expect(preview.issues[0]!.message).not.toMatch(CLI_ONLY);
		const cli = await importFile(t.db.$client, renamed);
		expect(cli.issues[0]!.message).toContain('pass --year');
	});
});

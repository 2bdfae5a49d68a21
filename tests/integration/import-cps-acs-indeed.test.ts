/**
 * CPS Table 11 (both header layouts, title matching), the ACS CBSA baseline and the Indeed
 * postings-index files, on fixtures cut from the real files (scripts/fixtures/cps-acs-indeed.ts).
 * Expected values were read from the published files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../../src/lib/server/import/load';
import { titleKey } from '../../src/lib/server/import/sources/cps-table11';
import { STATE_FIPS } from '../../src/lib/server/import/sources/indeed-postings';
import { FIXTURES, SAMPLE, snapshot, tempDb, type TempDb } from '../helpers/db';

const CPS = join(FIXTURES, 'cps');
const ACS = join(FIXTURES, 'acs');
const INDEED = join(FIXTURES, 'indeed');

let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.close());

type Row = Record<string, unknown>;
const all = (sql: string, ...params: unknown[]): Row[] =>
	t.db.$client.prepare(sql).all(...params) as Row[];
const one = (sql: string, ...params: unknown[]): Row =>
	t.db.$client.prepare(sql).get(...params) as Row;

/** CPS rows of one title, keyed by group. */
function cpsRows(title: string): Record<string, Row> {
	const rows = all('SELECT * FROM occupation_demographics WHERE source_title = ?', title);
	return Object.fromEntries(rows.map((r) => [r.group as string, r]));
}

type Issue = { line: number; column: number; message: string };

/** Rejection: the issues expected (one, or a list), and not a byte of the database changed. */
async function expectRejected(path: string, ...issue: [number, number, string] | Issue[]) {
	const before = snapshot(t.db);
	const r = await importFile(t.db.$client, path);
	expect(r.status).toBe('rejected');
	const [line, column, message] = issue;
	expect(r.issues).toEqual(
		typeof line === 'number' ? [{ line, column, message }] : (issue as Issue[])
	);
	expect(snapshot(t.db)).toEqual(before);
}

describe('CPS Table 11', () => {
	// Percentages from the published tables: Women, White, Black, Asian, Hispanic.
	it.each([
		{
			layout: 'flat 2021 header, year from the file name',
			file: 'cpsaat11_2021_cut.xlsx',
			name: 'cpsaat11_2021_cut.xlsx',
			year: 2021,
			softwareThousands: 1932,
			software: { women: 19.7, white: 54.7, black: 5.4, asian: 37.1, hispanic: 5.8 },
			legislatorsThousands: 21
		},
		{
			layout: 'stacked 2022 header, year from the "Occupation | 2022" row',
			file: 'cpsaat11_2022_cut.xlsx',
			name: 'cpsaat11.xlsx',
			year: 2022,
			softwareThousands: 2085,
			software: { women: 21.5, white: 55, black: 5.7, asian: 36.4, hispanic: 5.7 },
			legislatorsThousands: 14
		}
	])('$layout', async (c) => {
		const r = await importFile(t.db.$client, join(CPS, c.file), { fileName: c.name });
		expect(r).toMatchObject({
			status: 'imported',
			source: 'bls-cps-table11',
			year: c.year,
			rowsRead: 12,
			rowsImported: 12,
			issues: []
		});
		expect(one('SELECT count(*) AS n FROM occupation_demographics')).toEqual({ n: 60 });
		const sw = cpsRows('Software developers');
		for (const [group, percent] of Object.entries(c.software)) {
			const row = sw[group]!;
			expect(row.share).toBeCloseTo(percent / 100, 12);
			expect(row.share_status).toBeNull();
			expect(row.total_employment).toBe(c.softwareThousands * 1000);
			expect(row.count).toBe(Math.round(percent * c.softwareThousands * 10));
			expect(row).toMatchObject({ area: '99', year: c.year, source_line: expect.any(Number) });
		}
		// `–` (base under 50,000): NULL with a status, never 0; the total is still published.
		for (const row of Object.values(cpsRows('Legislators'))) {
			expect(row).toMatchObject({
				share: null,
				share_status: 'not_available',
				count: null,
				total_employment: c.legislatorsThousands * 1000
			});
		}
		// The double space in the published aggregate title is tidied.
		expect(cpsRows('Management, professional, and related occupations').women).toBeDefined();
		// Nothing to match against in an empty database: every title stays unmatched, and says so.
		expect(one('SELECT count(*) AS n FROM occupation_demographics WHERE soc IS NOT NULL')).toEqual(
			{ n: 5 } // only the total row, matched as 00-0000 without titles
		);
		expect(r.notes.join('\n')).toContain('no occupation titles in the database');
		expect(r.notes.join('\n')).toContain('11 of 12 CPS occupation titles matched no SOC code');
	});

	it('reads percentages stored as text exactly as numbers', async () => {
		const rowsOf = async (file: string) => {
			const other = tempDb();
			try {
				await importFile(other.db.$client, join(CPS, file), { fileName: 'cpsaat11_2021.xlsx' });
				return other.db.$client
					.prepare('SELECT * FROM occupation_demographics ORDER BY source_line, "group"')
					.all()
					.map((row) => ({ ...(row as Row), run_id: 0 }));
			} finally {
				other.close();
			}
		};
		const numbers = await rowsOf('cpsaat11_2021_cut.xlsx');
		expect(numbers).toHaveLength(60);
		expect(await rowsOf('cpsaat11_2021_cut_text.xlsx')).toEqual(numbers);
	});

	it('matches titles to SOC codes using an OEWS national file imported first', async () => {
		const oews = await importFile(t.db.$client, join(SAMPLE, 'national_M2022_dl.xlsx'));
		expect(oews.status).toBe('imported');
		const r = await importFile(t.db.$client, join(CPS, 'cpsaat11_2022_cut.xlsx'));
		expect(r.status).toBe('imported');
		const socOf = (title: string) =>
			one(
				'SELECT DISTINCT soc, matched_by FROM occupation_demographics WHERE source_title = ?',
				title
			);
		expect(socOf('Software developers')).toEqual({ soc: '15-1252', matched_by: 'exact-title' });
		// OEWS has "Chief Executives" at the broad and the detailed level: the detailed code wins.
		expect(socOf('Chief executives')).toEqual({ soc: '11-1011', matched_by: 'exact-title' });
		expect(socOf('Computer support specialists')).toEqual({
			soc: '15-1230',
			matched_by: 'exact-title'
		});
		expect(socOf('Management occupations')).toEqual({ soc: '11-0000', matched_by: 'exact-title' });
		expect(socOf('Total, 16 years and over')).toEqual({ soc: '00-0000', matched_by: 'total' });
		expect(socOf('Database administrators and architects')).toEqual({
			soc: null,
			matched_by: null
		});
		const note = r.notes.find((n) => n.includes('matched no SOC code'));
		expect(note).toBe(
			'3 of 12 CPS occupation titles matched no SOC code and are kept with soc NULL: ' +
				'"Management, professional, and related occupations"; ' +
				'"Database administrators and architects"; "Other mathematical science occupations"'
		);
	});

	it('falls back to other title lists, and leaves a title naming two codes unmatched', async () => {
		const sqlite = t.db.$client;
		const run = sqlite
			.prepare(
				`INSERT INTO import_runs (source, file_name, sha256, status, started_at)
				 VALUES ('test', 'titles', 'test', 'imported', '2025-01-01')`
			)
			.run().lastInsertRowid;
		const title = sqlite.prepare(
			'INSERT INTO occupation_titles (run_id, soc, title, kind) VALUES (?, ?, ?, ?)'
		);
		title.run(run, '15-1242', 'Database Administrators and Architects', 'soc-direct-match');
		title.run(run, '15-1243', 'Database administrators & architects', 'soc-direct-match');
		title.run(run, '15-2099', 'Other Mathematical Science Occupations', 'onet-alternate');
		const r = await importFile(sqlite, join(CPS, 'cpsaat11_2022_cut.xlsx'));
		expect(r.status).toBe('imported');
		expect(cpsRows('Other mathematical science occupations').women).toMatchObject({
			soc: '15-2099',
			matched_by: 'alternate-title',
			share: 0.43
		});
		expect(cpsRows('Database administrators and architects').women!.soc).toBeNull();
		expect(r.notes.join('\n')).toContain(
			'"Database administrators and architects" (ambiguous: 15-1242, 15-1243)'
		);
	});

	it.each([
		[
			'Heating, Air Conditioning, & Refrigeration Mechanics',
			'heating, air conditioning, and refrigeration mechanics'
		],
		['Farmworkers and Laborers – Crop', 'farmworkers and laborers-crop'],
		['  Management,  professional\nand related ', 'management, professional and related']
	])('compares titles without case, spacing, dash or & differences: %j', (raw, key) => {
		expect(titleKey(raw)).toBe(key);
	});

	it('prefers the year printed in the table to the one in the file name', async () => {
		const r = await importFile(t.db.$client, join(CPS, 'cpsaat11_2022_cut.xlsx'), {
			fileName: 'cpsaat11_2021.xlsx'
		});
		expect(r).toMatchObject({ status: 'imported', year: 2022 });
		expect(r.notes).toContain('the table says 2022, the file name or --year 2021: 2022 used');
		expect(one('SELECT DISTINCT year FROM occupation_demographics')).toEqual({ year: 2022 });
	});

	it('asks for the year when neither the table nor the file name gives it', async () => {
		const before = snapshot(t.db);
		const r = await importFile(t.db.$client, join(CPS, 'cpsaat11_2021_cut.xlsx'), {
			fileName: 'cpsaat11.xlsx'
		});
		expect(r.status).toBe('rejected');
		expect(r.issues[0]!.message).toContain('cannot tell which year this CPS Table 11 holds');
		expect(snapshot(t.db)).toEqual(before);
	});

	it('rejects a decimal comma with its line and column, changing nothing', async () => {
		await expectRejected(
			join(CPS, 'cpsaat11_2022_bad_decimal_comma.xlsx'),
			16,
			3,
			'Women: expected a number or – (dash), found "21,5"'
		);
	});

	it('names every bad cell of a row: a negative total, a share past 100, another source’s marker', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'rlm-cps-'));
		try {
			const path = join(dir, 'cpsaat11_2021_bad_cells.csv');
			const groups = ['Women', 'White', 'Black or African American', 'Asian', 'Hispanic or Latino'];
			writeFileSync(
				path,
				[
					`Occupation,Total employed,${groups.map((g) => `Percent of total employed ${g}`).join(',')}`,
					'Chief executives,1000,30.1,80.2,–,6.4,\u2014',
					'Legislators,-5,120,*,#,1 000,',
					',3,1,1,1,1,1',
					'Sales workers, 40 ,\u00a050.5\u00a0, 2 ,3,4,5'
				].join('\n')
			);
			await expectRejected(
				path,
				{
					line: 3,
					column: 2,
					message: 'Total employed: expected thousands of persons, found "-5"'
				},
				{
					line: 3,
					column: 3,
					message: 'Women: expected a percentage from 0 to 100, found "120"'
				},
				{ line: 3, column: 4, message: 'White: expected a number or – (dash), found "*"' },
				{
					line: 3,
					column: 5,
					message: 'Black or African American: expected a number or – (dash), found "#"'
				},
				{ line: 3, column: 6, message: 'Asian: expected a number or – (dash), found "1 000"' },
				{ line: 4, column: 1, message: 'Occupation is empty' }
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('ACS 2019 CBSA baseline', () => {
	const baseline = (area: string, universe: string): Record<string, Row> =>
		Object.fromEntries(
			all('SELECT * FROM labor_force_baseline WHERE area = ? AND universe = ?', area, universe).map(
				(r) => [r.group as string, r]
			)
		);
	const RACES = ['white', 'black', 'aian', 'asian', 'nhpi', 'other-race', 'two-or-more'];
	const POPULATION = [
		'hispanic',
		'white-non-hispanic',
		'black-non-hispanic',
		'aian-non-hispanic',
		'asian-non-hispanic',
		'nhpi-non-hispanic',
		'other-race-non-hispanic',
		'two-or-more-non-hispanic'
	];
	const sum = (rows: Record<string, Row>, groups: string[]) =>
		groups.reduce((s, g) => s + ((rows[g]!.share as number | null) ?? 0), 0);

	it('writes workers 16+ and population shares for Los Angeles and Tucson', async () => {
		const r = await importFile(t.db.$client, join(ACS, 'acs1_2019_cbsa_cut.csv'));
		expect(r).toMatchObject({
			status: 'imported',
			source: 'census-acs-cbsa-baseline',
			year: 2019,
			rowsRead: 4,
			issues: []
		});
		expect(one('SELECT count(*) AS n FROM labor_force_baseline')).toEqual({ n: 4 * 18 });

		const la = baseline('31080', 'workers-16+');
		expect(la.white).toMatchObject({ share: 0.546, share_moe: 0.003, total: 6525348, year: 2019 });
		expect(la.white!.count).toBe(Math.round(0.546 * 6525348));
		expect(la.hispanic).toMatchObject({ share: 0.441, share_moe: 0.002 });
		expect(la['white-non-hispanic']!.share).toBe(0.307);
		expect(sum(la, RACES)).toBeCloseTo(0.999, 6); // one race alone + two or more ≈ 100%
		const laPop = baseline('31080', 'population');
		expect(laPop.hispanic).toMatchObject({ count: 5963061, total: 13214799, share_moe: null });
		expect(laPop.hispanic!.share).toBeCloseTo(5963061 / 13214799, 12);
		expect(sum(laPop, POPULATION)).toBeCloseTo(1, 9);

		const tucson = baseline('46060', 'workers-16+');
		expect(tucson.hispanic).toMatchObject({ share: 0.386, total: 462246 });
		// NHPI is not published for Tucson: NULL with a status, not 0.
		expect(tucson.nhpi).toMatchObject({ share: null, share_status: 'not_available', count: null });
		expect(sum(tucson, RACES)).toBeGreaterThan(0.98);
		expect(sum(tucson, RACES)).toBeLessThanOrEqual(1.001);
		expect(baseline('46060', 'population')['white-non-hispanic']!.count).toBe(535435);

		// Aberdeen, WA (a micro area): no B03002 at all, most worker groups NA.
		const aberdeen = baseline('10140', 'population');
		expect(Object.values(aberdeen).every((row) => row.share === null)).toBe(true);
		expect(aberdeen.hispanic).toMatchObject({ share_status: 'not_available', total: null });
		expect(baseline('10140', 'workers-16+').white).toMatchObject({ share: 0.907, total: 30854 });
		expect(r.notes.join('\n')).toMatch(/workers-16\+: \d+ shares not published/);
	});

	it('takes the year from --year when the file name has none', async () => {
		const path = join(ACS, 'acs1_2019_cbsa_cut.csv');
		const before = snapshot(t.db);
		const refused = await importFile(t.db.$client, path, { fileName: 'cbsa_acs_raw.csv' });
		expect(refused.issues[0]!.message).toContain('cannot tell which ACS year');
		expect(snapshot(t.db)).toEqual(before);
		const r = await importFile(t.db.$client, path, { fileName: 'cbsa_acs_raw.csv', year: 2019 });
		expect(r).toMatchObject({ status: 'imported', year: 2019 });
	});

	it('rejects a percent sign with its line and column, changing nothing', async () => {
		await expectRejected(
			join(ACS, 'acs1_2019_cbsa_bad_percent_sign.csv'),
			4,
			5,
			'S0802_C01_012E: expected a number or NA, found "54.6%"'
		);
	});
});

describe('Indeed job-postings index', () => {
	const points = (area: string, date: string) =>
		all(
			`SELECT series, value, basis, seasonally_adjusted AS sa FROM postings_index
			 WHERE area = ? AND date = ? ORDER BY series`,
			area,
			date
		);
	const TREND = /an index of postings relative to 1 February 2020 \(a trend\), not counts/;

	it('reads the national file: total and new postings, adjusted and not', async () => {
		const r = await importFile(t.db.$client, join(INDEED, 'aggregate_job_postings_US_cut.csv'));
		expect(r).toMatchObject({ status: 'imported', source: 'indeed-postings-us', rowsRead: 6 });
		expect(one('SELECT count(*) AS n FROM postings_index')).toEqual({ n: 12 });
		expect(points('99', '2022-03-04')).toEqual([
			{ series: 'all', value: 160.32, basis: 'index-feb2020-100', sa: 1 },
			{ series: 'all (not seasonally adjusted)', value: 163.93, basis: 'index-feb2020-100', sa: 0 },
			{ series: 'new postings', value: 179.05, basis: 'index-feb2020-100', sa: 1 },
			{
				series: 'new postings (not seasonally adjusted)',
				value: 184.58,
				basis: 'index-feb2020-100',
				sa: 0
			}
		]);
		expect(r.notes.join('\n')).toMatch(TREND);
	});

	it('reads the sector file: one series per Indeed sector', async () => {
		const r = await importFile(t.db.$client, join(INDEED, 'job_postings_by_sector_US_cut.csv'));
		expect(r).toMatchObject({ status: 'imported', source: 'indeed-postings-sector', rowsRead: 9 });
		expect(points('99', '2022-03-04')).toEqual([
			{ series: 'IT Operations & Helpdesk', value: 158.15, basis: 'index-feb2020-100', sa: 1 },
			{ series: 'Mathematics', value: 190.24, basis: 'index-feb2020-100', sa: 1 },
			{ series: 'Software Development', value: 230.98, basis: 'index-feb2020-100', sa: 1 }
		]);
		expect(r.notes.join('\n')).toMatch(TREND);
	});

	it.each([
		['metro_job_postings_us_cut.csv', 'pct-change-since-feb2020', 0, 76.43],
		['metro_job_postings_us_cut_index.csv', 'index-feb2020-100', 100, 176.43]
	])('reads the metro file %s with basis %s', async (file, basis, start, march2022) => {
		const r = await importFile(t.db.$client, join(INDEED, file));
		expect(r).toMatchObject({ status: 'imported', source: 'indeed-postings-metro', rowsRead: 6 });
		expect(points('46060', '2020-02-01')).toEqual([{ series: 'all', value: start, basis, sa: 1 }]);
		expect(points('46060', '2022-03-04')).toEqual([
			{ series: 'all', value: march2022, basis, sa: 1 }
		]);
		expect(points('31080', '2022-03-04')).toHaveLength(1);
		expect(r.notes.some((n) => n.includes('percent change since 1 February 2020'))).toBe(
			basis === 'pct-change-since-feb2020'
		);
	});

	it('reads the state file, storing lowercase postal codes as FIPS codes', async () => {
		const r = await importFile(t.db.$client, join(INDEED, 'state_job_postings_us_cut.csv'));
		expect(r).toMatchObject({ status: 'imported', source: 'indeed-postings-state', rowsRead: 15 });
		const areas = all(
			"SELECT area, value FROM postings_index WHERE date = '2022-03-04' ORDER BY area"
		);
		expect(areas).toEqual([
			{ area: '04', value: 194.39 },
			{ area: '06', value: 152.65 },
			{ area: '11', value: 137.73 },
			{ area: '36', value: 153.72 },
			{ area: '56', value: 145.44 }
		]);
	});

	it('knows the 50 states and DC, each with its own 2-digit FIPS code', () => {
		const codes = Object.values(STATE_FIPS);
		expect(codes).toHaveLength(51);
		expect(new Set(codes).size).toBe(51);
		expect(codes.every((c) => /^\d{2}$/.test(c))).toBe(true);
		expect([STATE_FIPS.AZ, STATE_FIPS.MA, STATE_FIPS.DC, STATE_FIPS.WY]).toEqual([
			'04',
			'25',
			'11',
			'56'
		]);
	});

	it.each([
		[
			'aggregate_job_postings_US_bad_date.csv',
			5,
			1,
			'date: expected a date like 2020-02-01, found "2/1/2020"'
		],
		[
			'state_job_postings_us_bad_state.csv',
			4,
			2,
			`state: expected a state's postal abbreviation (e.g. az), found "pr"`
		]
	])('rejects %s with its line and column, changing nothing', async (file, line, column, msg) => {
		await expectRejected(join(INDEED, file), line, column, msg);
	});
});

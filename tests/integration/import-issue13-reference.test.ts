/**
 * The issue 13 reference imports on the bundled files: the Census 2018 occupation code list (and
 * CPS Table 11 lines taking their SOC codes through it), the licensed-occupations table and the
 * HHS poverty guidelines; rejected files name line and column and leave the database unchanged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/import/load';
import { SAMPLE, seededDb, snapshot, tempDb, type TempDb } from '../helpers/db';

let t: TempDb | null = null;
afterEach(() => {
	t?.close();
	t = null;
});

const CENSUS = 'data/sample/census_2018_occupation_code_list_and_crosswalk.xlsx';
const rows = (db: TempDb, sql: string, ...params: unknown[]) =>
	db.db.$client.prepare(sql).all(...params) as Record<string, unknown>[];

describe('Census 2018 occupation code list', () => {
	it('imports the code list and gives combined CPS 2023 lines every SOC code they stand for', async () => {
		t = await seededDb(['data/sample/soc_2018_definitions.xlsx', CENSUS]);
		const [count] = rows(t, 'SELECT count(*) AS n FROM census_occ_codes');
		expect(count!.n).toBeGreaterThan(560);
		expect(
			rows(t, "SELECT code, soc FROM census_occ_codes WHERE title = 'Computer support specialists'")
		).toEqual([{ code: '1050', soc: '15-1230' }]);
		const r = await importFile(t.db.$client, join(SAMPLE, 'cpsaat11_2023.xlsx'));
		expect(r.status).toBe('imported');
		const bySoc = (soc: string) =>
			rows(
				t!,
				`SELECT source_title AS title, matched_by AS matchedBy, share, total_employment AS base
				 FROM occupation_demographics WHERE soc = ? AND "group" = 'women'`,
				soc
			);
		// Table 11 2023: computer support specialists, 687,000 employed, 26.2% women.
		for (const soc of ['15-1231', '15-1232']) {
			expect(bySoc(soc)).toEqual([
				{
					title: 'Computer support specialists',
					matchedBy: 'census-crosswalk',
					share: 0.262,
					base: 687000
				}
			]);
		}
		expect(bySoc('15-1242').map((x) => x.title)).toEqual([
			'Database administrators and architects'
		]);
		expect(bySoc('00-0000').map((x) => x.matchedBy)).toEqual(['total']);
	});
});

describe('licensed occupations and poverty guidelines', () => {
	it('imports the bundled tables', async () => {
		t = await seededDb([
			'data/reference/licensed-occupations.csv',
			'data/sample/hhs_poverty_guidelines_2019_2025.csv'
		]);
		expect(rows(t, "SELECT credential FROM licensed_occupations WHERE soc = '47-2111'")).toEqual([
			{ credential: 'state or local electrician licence' }
		]);
		// HHS 2021, 48 states: $12,880 for the first person, $4,540 for each additional one.
		expect(
			rows(
				t,
				`SELECT first_person AS first, additional_person AS more FROM poverty_guidelines
				 WHERE year = 2021 AND jurisdiction = 'contiguous'`
			)
		).toEqual([{ first: 12880, more: 4540 }]);
		const [n] = rows(t, 'SELECT count(*) AS n FROM poverty_guidelines');
		expect(n!.n).toBe(21);
	});

	it.each([
		[
			'poverty.csv',
			'year,jurisdiction,first_person,additional_person,source\n2021,contiguous,12880,4540,ok\n2022,guam,13590,4720,x\n',
			3,
			2,
			/jurisdiction/
		],
		[
			'poverty.csv',
			'year,jurisdiction,first_person,additional_person,source\n2021,contiguous,12880.5,4540,x\n',
			2,
			3,
			/first_person/
		],
		[
			'licensed.csv',
			'soc,title,credential,note\n47-2111,Electricians,licence,\n47-21,Plumbers,licence,\n',
			3,
			1,
			/soc/
		]
	])(
		'rejects %s with line and column, leaving the database as it was',
		async (name, text, line, column, what) => {
			t = tempDb();
			const path = join(t.dir, name);
			writeFileSync(path, text);
			const before = snapshot(t.db);
			const r = await importFile(t.db.$client, path);
			expect(r.status).toBe('rejected');
			expect(r.issues[0]).toMatchObject({ line, column });
			expect(r.issues[0]!.message).toMatch(what);
			expect(snapshot(t.db)).toEqual(before);
		}
	);
});

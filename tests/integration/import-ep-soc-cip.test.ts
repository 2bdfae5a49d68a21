/**
 * BLS Employment Projections (both layouts), the SOC 2018 structure, definitions and direct-match
 * titles, and the CIP 2020 ↔ SOC 2018 crosswalk: fixtures cut from the real files, the full
 * bundled files, and one malformed copy per adapter rejected with its line and column.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importFile } from '../../src/lib/server/import/load';
import { readWorkbook } from '../../src/lib/server/import/xlsx';
import { FIXTURES, SAMPLE, snapshot, tempDb, type TempDb } from '../helpers/db';

const EP = join(FIXTURES, 'ep');
const SOC = join(FIXTURES, 'soc');
const CIP = join(FIXTURES, 'cip-soc');

let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.close());

type Row = Record<string, unknown>;
const all = (sql: string, ...params: unknown[]) =>
	t.db.$client.prepare(sql).all(...params) as Row[];
const one = (sql: string, ...params: unknown[]) =>
	t.db.$client.prepare(sql).get(...params) as Row | undefined;
const projection = (soc: string) => one('SELECT * FROM projections WHERE soc = ?', soc)!;
const meta = () =>
	JSON.parse((one('SELECT meta FROM import_runs ORDER BY id DESC')!.meta as string) ?? '{}');

/** The header and data rows of one sheet, as the reader gives them (the header on row 2). */
async function readSheet(
	path: string,
	sheet: string
): Promise<{ header: string[]; rows: string[][] }> {
	let header: string[] = [];
	const rows: string[][] = [];
	await readWorkbook(path, {
		sheet: (name) =>
			name !== sheet
				? null
				: (cells, line) => {
						if (line === 2) header = cells;
						else if (line > 2 && (cells[1] ?? '') !== '') rows.push(cells);
					}
	});
	return { header, rows };
}

describe('BLS Employment Projections', () => {
	it('reads the 2024–34 layout: projections and worker characteristics from Table 1.2', async () => {
		const r = await importFile(t.db.$client, join(EP, 'occupation_2024-34_cut.xlsx'));
		expect(r).toMatchObject({
			status: 'imported',
			source: 'bls-ep-occupation',
			year: 2024,
			rowsRead: 16,
			rowsImported: 16,
			issues: []
		});
		// Thousands → persons; the indented title trimmed; years from the header.
		expect(projection('15-1252')).toMatchObject({
			area: '99',
			title: 'Software developers',
			occupation_type: 'Line item',
			base_year: 2024,
			projected_year: 2034,
			employment_base: 1_693_800,
			employment_projected: 1_961_400,
			change: 267_700,
			change_pct: 15.8,
			openings: 115_200,
			openings_status: null,
			median_wage: 133_080,
			median_wage_status: null,
			self_employed_pct: 1.6,
			entry_education: "Bachelor's degree",
			work_experience: 'None',
			job_training: 'None'
		});
		expect(projection('15-1232')).toMatchObject({
			entry_education: 'Some college, no degree',
			change: -27_000,
			job_training: 'Moderate-term on-the-job training'
		});
		expect(projection('15-1212')).toMatchObject({ employment_base: 182_800, openings: 16_000 });
		// — becomes NULL (with a status where the table has one); >=$239,200 is top-coded.
		expect(projection('27-2011')).toMatchObject({
			median_wage: null,
			median_wage_status: 'not_available'
		});
		expect(projection('11-1031')).toMatchObject({ self_employed_pct: null, median_wage: 44_810 });
		expect(projection('29-1243')).toMatchObject({
			median_wage: null,
			median_wage_status: 'top_coded'
		});
		expect(projection('15-1250')).toMatchObject({
			occupation_type: 'Summary',
			entry_education: null,
			work_experience: null,
			job_training: null
		});
		// Table 1.1 shares the header but is not read: none of its major groups beyond the cut.
		expect(one("SELECT 1 FROM projections WHERE soc = '13-0000'")).toBeUndefined();
		expect(
			all('SELECT occupation_type, count(*) AS n FROM projections GROUP BY 1 ORDER BY 1')
		).toEqual([
			{ occupation_type: 'Line item', n: 8 },
			{ occupation_type: 'Summary', n: 8 }
		]);
		expect(meta()).toMatchObject({
			layout: 'table-1.2-with-characteristics',
			baseYear: 2024,
			projectedYear: 2034,
			wageYear: 2024,
			sourceUnits: { employment: 'thousands', openings: 'thousands, annual average' },
			storedUnits: { employment: 'persons' },
			topCode: { annual: 239_200, rows: 1 }
		});
	});

	it('reads the 2022–32 layout: Table 1.2, then characteristics from Table 1.7', async () => {
		// Under its upstream name, which says 2023: the header's years win.
		const r = await importFile(t.db.$client, join(EP, 'occupation_2022-32_cut.xlsx'), {
			fileName: 'occupation_2023_final.xlsx'
		});
		expect(r).toMatchObject({ status: 'imported', year: 2022, rowsImported: 16, issues: [] });
		expect(r.notes.join(' ')).toContain('the header says 2022–2032');
		expect(projection('15-1252')).toMatchObject({
			title: 'Software developers',
			base_year: 2022,
			projected_year: 2032,
			employment_base: 1_594_500,
			openings: 136_300,
			median_wage: 127_260,
			self_employed_pct: 1.6,
			entry_education: "Bachelor's degree"
		});
		expect(projection('15-1232')).toMatchObject({
			entry_education: 'Some college, no degree',
			median_wage: 57_890
		});
		expect(projection('27-2011')).toMatchObject({
			median_wage: null,
			median_wage_status: 'not_available',
			entry_education: 'Some college, no degree'
		});
		expect(projection('29-1243')).toMatchObject({ median_wage_status: 'top_coded' });
		expect(meta()).toMatchObject({
			layout: 'table-1.2-and-table-1.7',
			sheets: ['Table 1.2', 'Table 1.7'],
			baseYear: 2022,
			projectedYear: 2032,
			wageYear: 2022,
			rows: { lineItem: 8, summary: 8 }
		});
	});

	it.each([
		['bls_ep_occupation_2024-34.xlsx', 2024, 'Table 1.2'],
		['bls_ep_occupation_2022-32.xlsx', 2022, 'Table 1.7']
	])('reads the whole %s', async (file, year, wageSheet) => {
		const path = join(SAMPLE, file);
		const r = await importFile(t.db.$client, path);
		expect(r).toMatchObject({ status: 'imported', year, rowsRead: 1113, rowsImported: 1113 });
		expect(
			all('SELECT occupation_type, count(*) AS n FROM projections GROUP BY 1 ORDER BY 1')
		).toEqual([
			{ occupation_type: 'Line item', n: 832 },
			{ occupation_type: 'Summary', n: 281 }
		]);
		// 15-1252 as the file publishes it, in thousands.
		const table = await readSheet(path, 'Table 1.2');
		const col = (re: RegExp) => table.header.findIndex((h) => re.test(h));
		const dev = table.rows.find((c) => c[1] === '15-1252')!;
		const base = Number(dev[col(new RegExp(`^Employment, ${year}$`))]);
		const openings = Number(dev[col(/^Occupational openings/)]);
		expect(base).toBeGreaterThan(1000);
		expect(projection('15-1252')).toMatchObject({
			employment_base: Math.round(base * 1000),
			openings: Math.round(openings * 1000)
		});
		expect(projection('15-1232').entry_education).toBe('Some college, no degree');
		// Every — in the wage column is a NULL with status not_available.
		const wages = wageSheet === 'Table 1.2' ? table : await readSheet(path, wageSheet);
		const w = wages.header.findIndex((h) => h.startsWith('Median annual wage'));
		const dashes = wages.rows.filter((c) => c[w] === '—').length;
		expect(dashes).toBeGreaterThan(0);
		expect(
			one(
				"SELECT count(*) AS n FROM projections WHERE median_wage IS NULL AND median_wage_status = 'not_available'"
			)!.n
		).toBe(dashes);
		expect(one('SELECT count(*) AS n FROM projections WHERE median_wage_status IS NULL')!.n).toBe(
			1113 - dashes - (meta().topCode.rows as number)
		);
	});

	it.each([
		[
			'occupation_2024-34_bad.xlsx',
			16,
			11,
			'Occupational openings, 2024–34 annual average: expected'
		],
		['occupation_2022-32_bad.xlsx', 14, 10, 'Table 1.7: Median annual wage, 2022(1): expected']
	])(
		'rejects %s with line and column, leaving the database unchanged',
		async (file, line, column, message) => {
			await importFile(t.db.$client, join(SOC, 'soc_2018_definitions_cut.xlsx'));
			const before = snapshot(t.db);
			const r = await importFile(t.db.$client, join(EP, file));
			expect(r.status).toBe('rejected');
			expect(r.issues[0]).toMatchObject({ line, column });
			expect(r.issues[0]!.message).toContain(message);
			expect(snapshot(t.db)).toEqual(before);
		}
	);
});

describe('SOC 2018 structure, definitions and direct-match titles', () => {
	it('reads the definitions cut into soc_definitions and occupations, keeping existing titles', async () => {
		// An occupation already known (e.g. from OEWS) under another title and without a parent.
		t.db.$client
			.prepare(
				"INSERT INTO occupations (soc, title, level, parent, vintage) VALUES ('15-1252', 'Software developers (OEWS)', 'detailed', NULL, '2018')"
			)
			.run();
		const r = await importFile(t.db.$client, join(SOC, 'soc_2018_definitions_cut.xlsx'));
		expect(r).toMatchObject({
			status: 'imported',
			source: 'bls-soc-2018-definitions',
			year: 2018,
			rowsImported: 31,
			issues: []
		});
		expect(all('SELECT level, count(*) AS n FROM soc_definitions GROUP BY 1 ORDER BY 1')).toEqual([
			{ level: 'broad', n: 9 },
			{ level: 'detailed', n: 18 },
			{ level: 'major', n: 2 },
			{ level: 'minor', n: 2 }
		]);
		expect(one("SELECT definition FROM soc_definitions WHERE soc = '15-1250'")!.definition).toBe(
			null
		);
		expect(one("SELECT * FROM occupations WHERE soc = '15-1252'")).toEqual({
			soc: '15-1252',
			title: 'Software developers (OEWS)',
			level: 'detailed',
			parent: '15-1250',
			vintage: '2018'
		});
		expect(one("SELECT title, parent FROM occupations WHERE soc = '15-1250'")).toEqual({
			title: 'Software and Web Developers, Programmers, and Testers',
			parent: '15-1200'
		});
		expect(r.notes.join(' ')).toContain('1 codes were already in occupations');
	});

	it('reads the whole definitions file', async () => {
		const r = await importFile(t.db.$client, join(SAMPLE, 'soc_2018_definitions.xlsx'));
		expect(r).toMatchObject({ status: 'imported', rowsRead: 1447, rowsImported: 1447 });
		expect(all('SELECT level, count(*) AS n FROM soc_definitions GROUP BY 1 ORDER BY 1')).toEqual([
			{ level: 'broad', n: 459 },
			{ level: 'detailed', n: 867 },
			{ level: 'major', n: 23 },
			{ level: 'minor', n: 98 }
		]);
		expect(one('SELECT count(*) AS n FROM soc_definitions WHERE definition IS NOT NULL')!.n).toBe(
			867
		);
		expect(one("SELECT definition FROM soc_definitions WHERE soc = '15-1252'")!.definition).toMatch(
			/^Research, design, and develop computer and network software/
		);
		expect(one("SELECT * FROM occupations WHERE soc = '15-1252'")).toEqual({
			soc: '15-1252',
			title: 'Software Developers',
			level: 'detailed',
			parent: '15-1250',
			vintage: '2018'
		});
		expect(one('SELECT count(*) AS n FROM occupations')!.n).toBe(1447);
	});

	it('reads direct-match titles: x or X marks an illustrative title, titles trimmed', async () => {
		const r = await importFile(
			t.db.$client,
			join(SOC, 'soc_2018_direct_match_title_file_cut.xlsx')
		);
		expect(r).toMatchObject({
			status: 'imported',
			source: 'bls-soc-2018-direct-match-titles',
			rowsImported: 46,
			issues: []
		});
		expect(
			all(
				"SELECT soc, count(*) AS n FROM occupation_titles WHERE kind = 'soc-direct-match' GROUP BY 1 ORDER BY 1"
			)
		).toEqual([
			{ soc: '15-1212', n: 6 },
			{ soc: '15-1232', n: 8 },
			{ soc: '15-1252', n: 18 },
			{ soc: '33-2011', n: 8 },
			{ soc: '51-8021', n: 6 }
		]);
		expect(one("SELECT note FROM occupation_titles WHERE title = 'Marine Firefighter'")!.note).toBe(
			'illustrative'
		);
		expect(one("SELECT note FROM occupation_titles WHERE title = 'Software Engineer'")!.note).toBe(
			'illustrative'
		);
		expect(
			one("SELECT note FROM occupation_titles WHERE title = 'Applications Developer'")!.note
		).toBe(null);
		expect(one("SELECT soc FROM occupation_titles WHERE title = 'Boiler Operator'")!.soc).toBe(
			'51-8021'
		);
	});

	it('reads the whole direct-match file', async () => {
		const r = await importFile(t.db.$client, join(SAMPLE, 'soc_2018_direct_match_title_file.xlsx'));
		expect(r).toMatchObject({ status: 'imported', rowsImported: 6539 });
		expect(one('SELECT count(*) AS n FROM occupation_titles')!.n).toBe(6539);
		// 2,404 x and 9 X.
		expect(one("SELECT count(*) AS n FROM occupation_titles WHERE note = 'illustrative'")!.n).toBe(
			2413
		);
	});

	it.each([
		[
			'soc_2018_definitions_bad.xlsx',
			34,
			1,
			'SOC Group: expected Major, Minor, Broad or Detailed, found "Detail"'
		],
		[
			'soc_2018_direct_match_title_file_bad.xlsx',
			15,
			4,
			'Illustrative Example: expected x or blank, found "yes"'
		]
	])(
		'rejects %s with line and column, leaving the database unchanged',
		async (file, line, column, message) => {
			await importFile(t.db.$client, join(EP, 'occupation_2024-34_cut.xlsx'));
			const before = snapshot(t.db);
			const r = await importFile(t.db.$client, join(SOC, file));
			expect(r.status).toBe('rejected');
			expect(r.issues).toEqual([{ line, column, message }]);
			expect(snapshot(t.db)).toEqual(before);
		}
	);
});

describe('CIP 2020 ↔ SOC 2018 crosswalk', () => {
	const pairs = () =>
		all('SELECT cip, soc, cip_title, soc_title FROM cip_soc ORDER BY cip, soc') as {
			cip: string;
			soc: string;
		}[];

	it('reads only the CIP-SOC sheet, drops the placeholders, keeps CIP codes as text', async () => {
		const r = await importFile(t.db.$client, join(CIP, 'CIP2020_SOC2018_Crosswalk_cut.xlsx'));
		expect(r).toMatchObject({
			status: 'imported',
			source: 'nces-cip-soc-crosswalk',
			year: 2020,
			rowsRead: 56,
			rowsImported: 52,
			issues: []
		});
		expect(r.notes).toEqual([
			'2 CIP codes without an occupation (99-9999 / NO MATCH) dropped',
			'2 occupations without a program (99.9999 / NO MATCH) dropped'
		]);
		expect(one("SELECT count(*) AS n FROM cip_soc WHERE cip = '11.0701'")!.n).toBe(13);
		expect(one("SELECT * FROM cip_soc WHERE cip = '11.0701' AND soc = '15-1252'")).toMatchObject({
			cip_title: 'Computer Science.',
			soc_title: 'Software Developers'
		});
		expect(one("SELECT count(*) AS n FROM cip_soc WHERE cip = '01.0000'")!.n).toBe(5);
		// SOC-CIP rows for 15-1252 (e.g. 11.0102) are not read.
		expect(one("SELECT 1 FROM cip_soc WHERE cip = '11.0102'")).toBeUndefined();
		expect(
			one("SELECT count(*) AS n FROM cip_soc WHERE soc = '99-9999' OR cip = '99.9999'")!.n
		).toBe(0);
	});

	it('rebuilds CIP codes that arrive as numbers (1 → 01.0000) to the same pairs', async () => {
		await importFile(t.db.$client, join(CIP, 'CIP2020_SOC2018_Crosswalk_cut.xlsx'));
		const expected = pairs();
		const other = tempDb();
		try {
			const r = await importFile(
				other.db.$client,
				join(CIP, 'CIP2020_SOC2018_Crosswalk_numeric.xlsx')
			);
			expect(r).toMatchObject({ status: 'imported', rowsImported: 52 });
			expect(r.notes.join(' ')).toContain('5 CIP codes arrived as numbers');
			expect(
				other.db.$client
					.prepare('SELECT cip, soc, cip_title, soc_title FROM cip_soc ORDER BY cip, soc')
					.all()
			).toEqual(expected);
		} finally {
			other.close();
		}
	});

	it('reads the whole crosswalk', async () => {
		const r = await importFile(t.db.$client, join(SAMPLE, 'CIP2020_SOC2018_Crosswalk.xlsx'));
		expect(r).toMatchObject({ status: 'imported', rowsRead: 6097, rowsImported: 5723 });
		expect(r.notes.join(' ')).toContain('194 CIP codes without an occupation');
		expect(r.notes.join(' ')).toContain('180 occupations without a program');
		expect(one('SELECT count(*) AS n FROM cip_soc')!.n).toBe(5723);
		expect(one("SELECT typeof(cip) AS t, cip FROM cip_soc WHERE cip = '11.0701' LIMIT 1")).toEqual({
			t: 'text',
			cip: '11.0701'
		});
		expect(
			one("SELECT count(*) AS n FROM cip_soc WHERE cip NOT GLOB '[0-9][0-9].[0-9][0-9][0-9][0-9]'")!
				.n
		).toBe(0);
	});

	it('rejects a malformed CIP code with line and column, leaving the database unchanged', async () => {
		await importFile(t.db.$client, join(SOC, 'soc_2018_definitions_cut.xlsx'));
		const before = snapshot(t.db);
		const r = await importFile(t.db.$client, join(CIP, 'CIP2020_SOC2018_Crosswalk_bad.xlsx'));
		expect(r.status).toBe('rejected');
		expect(r.issues).toEqual([
			{
				line: 20,
				column: 1,
				message: 'CIP2020Code: expected a CIP code like 11.0701, found "11.07O1"'
			}
		]);
		expect(snapshot(t.db)).toEqual(before);
	});
});

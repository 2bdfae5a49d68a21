/**
 * The O*NET 29.3 adapters on real O*NET rows: each file's cut (tests/fixtures/onet, made by
 * scripts/fixtures/onet.ts), one spoiled copy per adapter rejected with its line and column and
 * the database unchanged, and the whole Related Occupations and Occupation Data files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importFile } from '../../src/lib/server/import/load';
import { FIXTURES, SAMPLE, snapshot, tempDb, type TempDb } from '../helpers/db';

const ONET = join(FIXTURES, 'onet');
const BAD = join(ONET, 'bad');
let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.close());

const get = (sql: string, ...params: unknown[]) => t.db.$client.prepare(sql).get(...params);
const all = (sql: string, ...params: unknown[]) => t.db.$client.prepare(sql).all(...params);
const count = (sql: string, ...params: unknown[]) =>
	t.db.$client
		.prepare(sql)
		.pluck()
		.get(...params) as number;
const metaOf = (runId: number | null) =>
	JSON.parse(
		t.db.$client.prepare('SELECT meta FROM import_runs WHERE id = ?').pluck().get(runId) as string
	) as Record<string, unknown>;

describe('Occupation Data', () => {
	it('reads O*NET codes with their SOC and adds the SOC codes to occupations', async () => {
		const r = await importFile(t.db.$client, join(ONET, 'Occupation Data.txt'));
		expect(r).toMatchObject({
			status: 'imported',
			source: 'onet-occupation-data',
			year: null,
			rowsRead: 7,
			rowsImported: 7,
			issues: []
		});
		expect(metaOf(r.runId)).toEqual({ release: '29.3', occupations: 7, socs: 6, socsAdded: 6 });
		expect(r.notes[0]).toContain('recorded as 29.3');
		expect(
			get("SELECT soc, title, description FROM onet_occupations WHERE onet_code = '15-1299.08'")
		).toEqual({
			soc: '15-1299',
			title: 'Computer Systems Engineers/Architects',
			description: expect.stringMatching(/^Design and develop solutions to complex applications/)
		});
		// 11-1011.00 and 11-1011.03 share one SOC code, titled after the .00 occupation.
		expect(get("SELECT * FROM occupations WHERE soc = '11-1011'")).toEqual({
			soc: '11-1011',
			title: 'Chief Executives',
			level: 'detailed',
			parent: '11-1010',
			vintage: '2018'
		});
		// The cut holds 15-1299.08 but not 15-1299.00: the SOC takes its only occupation's title.
		expect(r.notes.join(' ')).toContain('1 SOC codes have no .00 occupation in this file');
	});

	it('never overwrites a title already in occupations (OEWS first)', async () => {
		await importFile(t.db.$client, join(FIXTURES, 'oews', 'MSA_M2021_la_cut.csv'));
		const before = count('SELECT count(*) FROM occupations');
		const r = await importFile(t.db.$client, join(ONET, 'Occupation Data.txt'));
		expect(r.status).toBe('imported');
		expect(get("SELECT title, vintage FROM occupations WHERE soc = '15-1299'")).toEqual({
			title: 'Computer Occupations, All Other',
			vintage: '2018'
		});
		// Only 21-1014 (Mental Health Counselors) is new: the LA cut has the other five.
		expect(count('SELECT count(*) FROM occupations')).toBe(before + 1);
		expect(get("SELECT title FROM occupations WHERE soc = '21-1014'")).toEqual({
			title: 'Mental Health Counselors'
		});
		expect(metaOf(r.runId)).toMatchObject({ socsAdded: 1 });
	});
});

describe('Related Occupations', () => {
	it('reads directed edges with tier and rank', async () => {
		const r = await importFile(t.db.$client, join(ONET, 'Related Occupations.txt'));
		expect(r).toMatchObject({
			status: 'imported',
			source: 'onet-related-occupations',
			rowsImported: 140
		});
		const edge = 'SELECT * FROM onet_related WHERE from_onet = ? AND to_onet = ?';
		expect(get(edge, '15-1232.00', '15-1212.00')).toMatchObject({
			from_soc: '15-1232',
			to_soc: '15-1212',
			tier: 'Primary-Long',
			rank: 9
		});
		// The reverse edge is a different, weaker relation.
		expect(get(edge, '15-1212.00', '15-1232.00')).toMatchObject({
			tier: 'Supplemental',
			rank: 17
		});
		expect(get(edge, '15-1232.00', '15-1299.08')).toMatchObject({
			to_soc: '15-1299',
			tier: 'Primary-Long',
			rank: 6
		});
		expect(
			all(
				`SELECT tier, count(*) AS n, min(rank) AS lo, max(rank) AS hi FROM onet_related
				 WHERE from_onet = '15-1232.00' GROUP BY tier ORDER BY lo`
			)
		).toEqual([
			{ tier: 'Primary-Short', n: 5, lo: 1, hi: 5 },
			{ tier: 'Primary-Long', n: 5, lo: 6, hi: 10 },
			{ tier: 'Supplemental', n: 10, lo: 11, hi: 20 }
		]);
		expect(metaOf(r.runId)).toMatchObject({
			sources: 7,
			tiers: { 'Primary-Short': 35, 'Primary-Long': 35, Supplemental: 70 }
		});
	});
});

describe('Job Zones', () => {
	it.each([
		['11-1011.00', 5, '08/2023', 'Analyst'],
		['15-1232.00', 3, '08/2023', 'Analyst'],
		['15-1252.00', 4, '11/2021', 'Analyst - Preliminary']
	])('%s is in job zone %i', async (code, zone, date, domain) => {
		const r = await importFile(t.db.$client, join(ONET, 'Job Zones.txt'));
		expect(r).toMatchObject({ status: 'imported', source: 'onet-job-zones', rowsImported: 7 });
		expect(get('SELECT * FROM onet_job_zones WHERE onet_code = ?', code)).toMatchObject({
			soc: code.slice(0, 7),
			job_zone: zone,
			date,
			domain_source: domain
		});
	});
});

describe('Education, Training, and Experience', () => {
	const ete = (code: string, scale: string, category: number) =>
		get(
			`SELECT percent, n, recommend_suppress AS suppress, element_id AS element
			 FROM onet_education WHERE onet_code = ? AND scale_id = ? AND category = ?`,
			code,
			scale,
			category
		);

	it('reads category shares from the workbook and skips the IM ratings', async () => {
		const r = await importFile(
			t.db.$client,
			join(ONET, 'Education, Training, and Experience.xlsx')
		);
		expect(r).toMatchObject({
			status: 'imported',
			source: 'onet-education-training-experience',
			rowsRead: 129,
			rowsImported: 123
		});
		expect(r.notes.join(' ')).toContain('6 IM (importance) rows skipped');
		// Computer User Support Specialists: 47.32% say a bachelor's degree is required.
		expect(ete('15-1232.00', 'RL', 6)).toEqual({
			percent: 47.32,
			n: 21,
			suppress: 1,
			element: '2.D.1'
		});
		expect(ete('15-1232.00', 'OJ', 5)).toEqual({
			percent: 20.71,
			n: 21,
			suppress: 0,
			element: '3.A.3'
		});
		const rl = count(
			"SELECT sum(percent) FROM onet_education WHERE onet_code = '15-1232.00' AND scale_id = 'RL'"
		);
		expect(rl).toBeCloseTo(100, 1);
		// Occupational-expert rows leave Recommend Suppress blank: read as N.
		expect(ete('11-1011.03', 'RL', 8)).toMatchObject({ percent: 74.07, n: 27, suppress: 0 });
		expect(r.notes.join(' ')).toContain('41 rows with a blank Recommend Suppress');
		expect(count("SELECT count(*) FROM onet_education WHERE scale_id = 'IM'")).toBe(0);
	});

	it('reads the text edition to the same rows', async () => {
		await importFile(t.db.$client, join(ONET, 'Education, Training, and Experience.xlsx'));
		const rows = () =>
			all(
				`SELECT onet_code, element_id, scale_id, category, percent, n, recommend_suppress
				 FROM onet_education WHERE run_id = (SELECT max(id) FROM import_runs)
				 ORDER BY onet_code, element_id, scale_id, category`
			);
		const fromXlsx = rows();
		const r = await importFile(t.db.$client, join(ONET, 'Education, Training, and Experience.txt'));
		expect(r).toMatchObject({ status: 'imported', rowsImported: 123 });
		expect(rows()).toEqual(fromXlsx);
	});

	it('keeps blank Data Value and N cells as NULL', async () => {
		const r = await importFile(
			t.db.$client,
			join(ONET, 'variants', 'Education, Training, and Experience blank cells.xlsx')
		);
		expect(r).toMatchObject({ status: 'imported', rowsImported: 123 });
		expect(ete('11-1011.00', 'RL', 2)).toMatchObject({ percent: null, n: null });
		expect(ete('11-1011.00', 'RL', 6)).toMatchObject({ percent: 32.29, n: 28 });
	});

	it('reads the categories, keeping the two that O*NET leaves undescribed', async () => {
		const r = await importFile(
			t.db.$client,
			join(ONET, 'Education, Training, and Experience Categories.txt')
		);
		expect(r).toMatchObject({
			status: 'imported',
			source: 'onet-education-categories',
			rowsImported: 41
		});
		const describe = (scale: string, category: number) =>
			t.db.$client
				.prepare(
					'SELECT description FROM onet_education_categories WHERE scale_id = ? AND category = ?'
				)
				.pluck()
				.get(scale, category);
		expect(describe('RL', 6)).toBe("Bachelor's Degree");
		expect(describe('OJ', 1)).toBe('None or short demonstration');
		expect(describe('RW', 1)).toBe('');
		expect(r.notes.join(' ')).toContain('kept with an empty one: RW 1, PT 1');
		expect(
			all(
				'SELECT scale_id, count(*) AS n FROM onet_education_categories GROUP BY scale_id ORDER BY scale_id'
			)
		).toEqual([
			{ scale_id: 'OJ', n: 9 },
			{ scale_id: 'PT', n: 9 },
			{ scale_id: 'RL', n: 12 },
			{ scale_id: 'RW', n: 11 }
		]);
	});
});

describe('Technology Skills', () => {
	it.each([
		['15-1252.00', 'Python', 1, 1, '43232405'],
		['15-1252.00', 'Microsoft Excel', 1, 0, '43232110'],
		['15-1252.00', 'Ada', 0, 0, '43232402'],
		['11-1011.00', 'Adobe Acrobat', 1, 0, '43232202']
	])('%s %s: hot %i, in demand %i', async (code, example, hot, inDemand, commodity) => {
		const r = await importFile(t.db.$client, join(ONET, 'Technology Skills.txt'));
		expect(r).toMatchObject({
			status: 'imported',
			source: 'onet-technology-skills',
			rowsImported: 496
		});
		expect(
			get('SELECT * FROM onet_technology_skills WHERE onet_code = ? AND example = ?', code, example)
		).toMatchObject({
			soc: code.slice(0, 7),
			hot,
			in_demand: inDemand,
			commodity_code: commodity
		});
		expect(
			count("SELECT count(*) FROM onet_technology_skills WHERE onet_code = '15-1252.00'")
		).toBe(426);
	});
});

describe('Alternate Titles', () => {
	it('adds O*NET alternate titles to occupation_titles', async () => {
		const r = await importFile(t.db.$client, join(ONET, 'Alternate Titles.xlsx'));
		expect(r).toMatchObject({
			status: 'imported',
			source: 'onet-alternate-titles',
			rowsImported: 152
		});
		const titles = (code: string) =>
			count('SELECT count(*) FROM occupation_titles WHERE onet_code = ?', code);
		expect(titles('15-1232.00')).toBe(85);
		expect(titles('15-1299.08')).toBe(29);
		expect(
			get(
				"SELECT soc, short_title, kind, note FROM occupation_titles WHERE title = 'Help Desk Analyst'"
			)
		).toEqual({ soc: '15-1232', short_title: null, kind: 'onet-alternate', note: '02,04,09,10' });
		expect(
			get("SELECT short_title, note FROM occupation_titles WHERE title LIKE 'PC Support Tech (%'")
		).toEqual({ short_title: 'PC Support Tech', note: '02,08' });
		// 29.3 lists two counselor titles twice (without and with a short title): both kept.
		expect(
			all(
				`SELECT short_title, note FROM occupation_titles
				 WHERE title = 'Licensed Mental Health Counselor (LMHC)' ORDER BY short_title`
			)
		).toEqual([
			{ short_title: null, note: '04' },
			{ short_title: 'LMHC', note: '02,04' }
		]);
		expect(r.notes.join(' ')).toContain('2 alternate titles appear twice');
	});
});

describe('malformed files', () => {
	it.each([
		[
			'Occupation Data.txt',
			4,
			1,
			'O*NET-SOC Code: expected an O*NET-SOC code like 15-1252.00, found "15-1212"'
		],
		['Related Occupations.txt', 70, 6, 'Index: expected 1 to 20, found "21"'],
		['Job Zones.txt', 5, 3, 'Job Zone: expected 1 to 5, found "9"'],
		[
			'Education, Training, and Experience.xlsx',
			93,
			8,
			'Data Value: expected a number or a blank cell, found "n/a"'
		],
		['Education, Training, and Experience Categories.txt', 7, 5, 'Category: expected 1 to 99'],
		['Technology Skills.txt', 392, 6, 'Hot Technology: expected Y or N, found "Yes"'],
		[
			'Alternate Titles.xlsx',
			37,
			1,
			'O*NET-SOC Code: expected an O*NET-SOC code like 15-1252.00, found "15-1232"'
		]
	])('rejects bad/%s at line %i, column %i', async (file, line, column, message) => {
		await importFile(t.db.$client, join(ONET, 'Job Zones.txt'));
		const before = snapshot(t.db);
		const r = await importFile(t.db.$client, join(BAD, file));
		expect(r.status).toBe('rejected');
		expect(r.source).toMatch(/^onet-/);
		expect(r.issues).toHaveLength(1);
		expect(r.issues[0]).toMatchObject({ line, column });
		expect(r.issues[0]!.message).toContain(message);
		expect(snapshot(t.db)).toEqual(before);
	});
});

describe('whole O*NET 29.3 files', () => {
	it('imports all 18,460 related-occupation edges: 923 sources × 5 / 5 / 10', async () => {
		const r = await importFile(t.db.$client, join(SAMPLE, 'onet', 'Related Occupations.txt'));
		expect(r).toMatchObject({ status: 'imported', rowsRead: 18460, rowsImported: 18460 });
		expect(r.notes.join(' ')).not.toContain('usual');
		expect(
			all(
				`SELECT ps, pl, sup, count(*) AS sources FROM (
				   SELECT from_onet,
				     sum(tier = 'Primary-Short') AS ps, sum(tier = 'Primary-Long') AS pl,
				     sum(tier = 'Supplemental') AS sup
				   FROM onet_related GROUP BY from_onet)
				 GROUP BY ps, pl, sup`
			)
		).toEqual([{ ps: 5, pl: 5, sup: 10, sources: 923 }]);
	});

	it('imports all 1,016 occupations under 867 SOC codes', async () => {
		const r = await importFile(t.db.$client, join(SAMPLE, 'onet', 'Occupation Data.txt'));
		expect(r).toMatchObject({ status: 'imported', rowsRead: 1016, rowsImported: 1016 });
		expect(count('SELECT count(DISTINCT soc) FROM onet_occupations')).toBe(867);
		expect(count('SELECT count(*) FROM occupations')).toBe(867);
		// "All Other" codes split into O*NET-only children: 15-1299.00 to .09.
		expect(count("SELECT count(*) FROM onet_occupations WHERE soc = '15-1299'")).toBe(10);
		expect(get("SELECT title FROM occupations WHERE soc = '15-1299'")).toEqual({
			title: 'Computer Occupations, All Other'
		});
	});
});

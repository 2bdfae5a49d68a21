/**
 * The occupation page's load, called as SvelteKit would: programs grouped by institution, the
 * award filter and "show all" read from the URL, and hourly wages beside annual ones, on the
 * bundled Los Angeles sample with the newest IPEDS year.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { awardGroup } from '../../src/lib/analysis/education-levels';
import { programsFeeding } from '../../src/lib/server/db/queries/occupation';
import { areaModel } from '../../src/lib/server/reports/area-model';
import type { OccupationPage } from '../../src/lib/server/reports/views/occupation';
import { seededDb, type TempDb } from '../helpers/db';
import { callLoad } from '../helpers/routes';

let t: TempDb;
vi.mock('$lib/server/db', () => ({ getDb: () => t.db }));
beforeAll(async () => {
	t = await seededDb([
		'data/sample/CIP2020_SOC2018_Crosswalk.xlsx',
		'data/sample/national_M2021_dl.xlsx',
		'data/sample/oews_MSA_M2021_los_angeles.csv',
		'data/sample/ipeds/hd2024.csv',
		'data/sample/ipeds/c2024_a_all_institutions.csv'
	]);
}, 300_000);
afterAll(() => t?.close());

const route = () =>
	import('../../src/routes/regions/[area=area]/occupations/[soc=soc]/+page.server');
async function load(soc: string, query = ''): Promise<OccupationPage> {
	const url = new URL(`/regions/31080/occupations/${soc}${query}`, 'http://localhost');
	return (await callLoad(await route(), url, { area: '31080', soc })) as OccupationPage;
}
/** Every program row the database links to the occupation in Los Angeles, uncut. */
const everyProgram = (soc: string) =>
	programsFeeding(t.db, soc, areaModel(t.db, '31080').placement, null);

describe('occupation page: programs', () => {
	it('groups Software Developers programs by institution, largest first, ten shown', async () => {
		const { programs } = await load('15-1252');
		const rows = everyProgram('15-1252');
		const institutions = new Set(rows.map((r) => r.unitid));
		expect(institutions.size).toBeGreaterThan(10);
		expect(programs).toMatchObject({
			award: null,
			all: false,
			total: rows.length,
			count: rows.length,
			institutionCount: institutions.size,
			graduates: rows.reduce((s, r) => s + r.completions, 0),
			year: 2024
		});
		expect(programs.institutions).toHaveLength(10);
		for (const inst of programs.institutions) {
			// Each group is one institution's every program, and its total is theirs.
			expect(inst.programs.map((p) => p.unitid)).toEqual(inst.programs.map(() => inst.unitid));
			expect(inst.programs).toHaveLength(rows.filter((r) => r.unitid === inst.unitid).length);
			expect(inst.completions).toBe(inst.programs.reduce((s, p) => s + p.completions, 0));
		}
		const totals = programs.institutions.map((i) => i.completions);
		expect(totals).toEqual([...totals].sort((a, b) => b - a));
	});

	it('lists every institution with ?all=1', async () => {
		const { programs } = await load('15-1252', '?all=1');
		expect(programs.all).toBe(true);
		expect(programs.institutions).toHaveLength(programs.institutionCount);
		expect(programs.institutions.flatMap((i) => i.programs)).toHaveLength(programs.total);
	});

	it('keeps only certificates with ?award=certificate, counting each award group', async () => {
		const every = await load('15-1252');
		const { programs } = await load('15-1252', '?award=certificate&all=1');
		const listed = programs.institutions.flatMap((i) => i.programs);
		expect(listed.length).toBeGreaterThan(0);
		expect(listed.length).toBeLessThan(every.programs.total);
		for (const p of listed) expect([1, 2, 4, 20, 21]).toContain(p.awardLevel);
		expect(programs.count).toBe(listed.length);
		expect(programs.byAward.certificate).toBe(listed.length);
		// The counts describe the whole list whatever the filter, so each choice says what it holds.
		expect(programs.byAward).toEqual(every.programs.byAward);
		const rows = everyProgram('15-1252');
		for (const group of ['associate', 'bachelor', 'graduate'] as const)
			expect(programs.byAward[group]).toBe(
				rows.filter((r) => awardGroup(r.awardLevel) === group).length
			);
		expect(programs.byAward.bachelor).toBeGreaterThan(0);
		expect(programs.byAward.graduate).toBeGreaterThan(0);
	});

	it('answers 400 naming the choices for an unknown award', async () => {
		await expect(load('15-1252', '?award=phd')).rejects.toMatchObject({
			status: 400,
			body: { message: expect.stringMatching(/"phd".*certificate, associate, bachelor, graduate/) }
		});
	});
});

describe('occupation page: hourly wages', () => {
	it('gives Software Developers in Los Angeles their published hourly percentiles', async () => {
		const data = await load('15-1252');
		expect(data.regional.annualOnly).toBe(false);
		expect(data.regional.hourlyOnly).toBe(false);
		// OEWS M2021, Los Angeles-Long Beach-Anaheim, 15-1252: H_PCT10 … H_PCT90 as published.
		const { percentiles, status } = data.hourly.regional;
		expect(Object.values(status)).toEqual([
			'published',
			'published',
			'published',
			'published',
			'published'
		]);
		const values = Object.values(percentiles) as number[];
		expect(values).toEqual([...values].sort((a, b) => a - b));
		// BLS's annual figures are the hourly ones at 2,080 hours, rounded to the dollar.
		for (const p of ['p10', 'p25', 'p50', 'p75'] as const)
			expect(
				Math.abs(percentiles[p]! * 2080 - data.regional.annualWagePercentiles[p]!)
			).toBeLessThan(30);
		expect(data.hourly.national?.status.p50).toBe('published');
		expect(data.hourly.cap).toBe(100);
	});
});

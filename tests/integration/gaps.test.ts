/**
 * The gaps report on the real bundled files, cross-checked against the published figures:
 * EP openings, CPS Table 11 shares, an independent sum of the IPEDS file, and conservation of
 * graduates by the allocation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { allocateSupply } from '../../src/lib/analysis/supply-gap';
import {
	cipSocLinks,
	completionsFor,
	setLivingWage
} from '../../src/lib/server/db/queries/sources';
import { compareReport } from '../../src/lib/server/reports/views/compare';
import { digitalSummary } from '../../src/lib/server/reports/views/digital';
import { gapsReport } from '../../src/lib/server/reports/views/gaps';
import { seededDb, type TempDb } from '../helpers/db';

const FILES = [
	'data/sample/oes_2019_hybrid_structure.xlsx',
	'data/sample/soc_2018_definitions.xlsx',
	'data/reference/digital-jobs-categories.csv',
	'data/sample/CIP2020_SOC2018_Crosswalk.xlsx',
	'data/sample/national_M2021_dl.xlsx',
	'data/sample/national_M2022_dl.xlsx',
	'data/sample/national_M2024_dl.xlsx',
	'data/sample/oews_MSA_M2021_los_angeles.csv',
	'data/sample/bls_ep_occupation_2024-34.xlsx',
	'data/sample/cpsaat11_2022.xlsx',
	'data/sample/acs1_2019_cbsa.csv',
	'data/sample/ipeds/hd2024.csv',
	'data/sample/ipeds/c2024_a_all_institutions.csv'
];

let t: TempDb;
beforeAll(async () => {
	t = await seededDb(FILES);
}, 300_000);
afterAll(() => t?.close());

/** EP Table 1.2, read straight from the workbook: code → openings (thousands). */
async function epOpenings(): Promise<Map<string, number>> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile('data/sample/bls_ep_occupation_2024-34.xlsx');
	const sheet = wb.getWorksheet('Table 1.2')!;
	const header = (sheet.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
	const codeCol = header.findIndex((h) => /matrix code/i.test(h));
	const openCol = header.findIndex((h) => /openings/i.test(h));
	const out = new Map<string, number>();
	sheet.eachRow((row, n) => {
		if (n <= 2) return;
		const code = String(row.getCell(codeCol).value ?? '');
		const open = row.getCell(openCol).value;
		if (/^\d{2}-\d{4}$/.test(code) && typeof open === 'number') out.set(code, open);
	});
	return out;
}

describe('demand', () => {
	it('reproduces EP published openings for the nation (area projection)', async () => {
		const published = await epOpenings();
		const report = gapsReport(t.db, '99', { year: 2024 });
		const compared = report.rows.filter((r) => published.has(r.soc));
		expect(compared.length).toBeGreaterThan(700);
		for (const r of compared) {
			expect(r.openingsMethod).toBe('area-projection');
			expect(r.openings).toBeCloseTo(published.get(r.soc)! * 1000, 6);
		}
		expect(report.rows.find((r) => r.soc === '15-1252')!.openings).toBe(115_200);
	});

	it('estimates a metro with national rates applied to its employment', () => {
		const row = gapsReport(t.db, '31080').rows.find((r) => r.soc === '15-1252')!;
		const ep = t.db.$client
			.prepare(
				"SELECT openings, employment_base AS b, employment_projected AS p FROM projections WHERE soc = '15-1252'"
			)
			.get() as { openings: number; b: number; p: number };
		expect(row.openingsMethod).toBe('national-rate');
		expect(row.openings).toBeCloseTo((49020 * ep.openings) / ((ep.b + ep.p) / 2), 6);
	});
});

describe('supply', () => {
	it('sums completions by CIP exactly as an independent pass over the raw IPEDS file', () => {
		const raw = readFileSync('data/sample/ipeds/c2024_a_all_institutions.csv', 'utf8')
			.split(/\r?\n/)
			.slice(1);
		const sums = new Map<string, number>();
		let grand = 0;
		for (const line of raw) {
			const [, cip, major, , total] = line.split(',');
			if (!cip || cip === '99' || major !== '1' || total === '' || total === undefined) continue;
			sums.set(cip, (sums.get(cip) ?? 0) + Number(total));
			grand += Number(total);
		}
		const [year] = completionsFor(t.db, { kind: 'nation' });
		expect(year!.year).toBe(2024);
		expect(year!.byCip.get('11.0701')).toBe(sums.get('11.0701'));
		expect(year!.byCip.size).toBe(sums.size);
		const ours = [...year!.byCip.values()].reduce((a, b) => a + b, 0);
		expect(ours).toBe(grand);
	});

	it('allocates every graduate exactly once (equal split and split by openings)', () => {
		const [year] = completionsFor(t.db, { kind: 'nation' });
		const { links } = cipSocLinks(t.db);
		const total = [...year!.byCip.values()].reduce((a, b) => a + b, 0);
		const openings = new Map(
			gapsReport(t.db, '99', { year: 2024 }).rows.map((r) => [r.soc, r.openings])
		);
		for (const method of ['equal', 'openings'] as const) {
			const r = allocateSupply(year!.byCip, links, method, openings);
			const allocated = [...r.bySoc.values()].reduce((a, b) => a + b, 0);
			expect(allocated + r.unallocated).toBeCloseTo(total, 6);
			expect(r.unallocated).toBeLessThan(total * 0.2);
		}
	});

	it('gives Los Angeles a supply from its own institutions and a gap', () => {
		const report = gapsReport(t.db, '31080');
		expect(report.supply.years).toEqual([2024]);
		const devs = report.rows.find((r) => r.soc === '15-1252')!;
		expect(devs.supply).toBeGreaterThan(0);
		expect(devs.supplyGap).toBeCloseTo(devs.openings! - devs.supply!, 9);
		expect(devs.supplyRatio).toBeCloseTo(devs.supply! / devs.openings!, 9);
		// The national supply is larger than one metro's.
		const nation = gapsReport(t.db, '99', { year: 2024 }).rows.find((r) => r.soc === '15-1252')!;
		expect(nation.supply!).toBeGreaterThan(devs.supply!);
	});
});

describe('representation', () => {
	it('reproduces CPS Table 11 shares for the nation', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile('data/sample/cpsaat11_2022.xlsx');
		const sheet = wb.worksheets[0]!;
		let women: number | null = null;
		let hispanic: number | null = null;
		sheet.eachRow((row) => {
			const title = String(row.getCell(1).value ?? '').trim();
			if (title === 'Software developers') {
				women = Number(row.getCell(3).value);
				hispanic = Number(row.getCell(7).value);
			}
		});
		expect(women).not.toBeNull();
		const row = gapsReport(t.db, '99', { year: 2022 }).rows.find((r) => r.soc === '15-1252')!;
		const cell = (g: string) => row.representation.find((c) => c.group === g)!;
		expect(cell('women').share).toBeCloseTo(women! / 100, 9);
		expect(cell('hispanic').share).toBeCloseTo(hispanic! / 100, 9);
		expect(cell('women').geography).toBe('national');
	});

	it('labels national shares against a regional baseline as mixed geography, with a national fallback for women', () => {
		const report = gapsReport(t.db, '31080');
		expect(report.representation.geography).toBe('mixed');
		expect(report.representation.baselineUniverse).toBe('workers-16+');
		expect(report.representation.baselineScope).toMatchObject({
			hispanic: 'regional',
			women: 'national'
		});
		const devs = report.rows.find((r) => r.soc === '15-1252')!;
		const hisp = devs.representation.find((c) => c.group === 'hispanic')!;
		expect(hisp.baseline).toBeGreaterThan(0.3); // Los Angeles workers are about 40% Hispanic
		expect(hisp.parityIndex).toBeCloseTo(hisp.share! / hisp.baseline!, 9);
		expect(hisp.flag).toBe('under-represented');
		const summary = digitalSummary(t.db, '31080');
		const h = summary.representation.find((g) => g.group === 'hispanic')!;
		expect(h.shareOfDigitalJobs).toBeLessThan(h.baseline!);
		expect(h.employmentCovered).toBeGreaterThan(100_000);
	});
});

describe('wages and the living wage', () => {
	it('compares wages with the region, the nation and a living wage once one is set', () => {
		const before = gapsReport(t.db, '31080').rows.find((r) => r.soc === '15-1232')!;
		expect(before.livingWageRatio).toBeNull();
		expect(before.wageToRegionalMedian).toBeCloseTo(61070 / 47580, 9);
		setLivingWage(t.db, '31080', 50_000, 'test threshold', 'test');
		const after = gapsReport(t.db, '31080').rows.find((r) => r.soc === '15-1232')!;
		expect(after.livingWageRatio).toBeCloseTo(after.entryAnnualWage! / 50_000, 9);
	});

	it('keeps a top-coded median as a lower bound', () => {
		const ceo = gapsReport(t.db, '31080').rows.find((r) => r.soc === '11-1011')!;
		expect(ceo.medianTopCoded).toBe(true);
		expect(ceo.medianAnnualWage).toBe(208_000);
	});
});

describe('priority and comparison', () => {
	it('scores every occupation between 0 and 100 and explains the score', () => {
		const rows = gapsReport(t.db, '31080').rows;
		const scored = rows.filter((r) => r.score !== null);
		expect(scored.length).toBeGreaterThan(600);
		for (const r of scored) {
			expect(r.score).toBeGreaterThanOrEqual(0);
			expect(r.score).toBeLessThanOrEqual(100);
		}
		const top = [...scored].sort((a, b) => b.score! - a.score!)[0]!;
		expect(Object.values(top.scoreComponents).some((v) => v !== null)).toBe(true);
		const demandOnly = gapsReport(t.db, '31080', {
			weights: { demand: 1, gap: 0, wage: 0, representation: 0 }
		}).rows;
		const best = [...demandOnly].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0]!;
		const most = [...demandOnly].sort((a, b) => (b.openings ?? -1) - (a.openings ?? -1))[0]!;
		expect(best.soc).toBe(most.soc);
	});

	it('compares areas side by side with the same measures', () => {
		const c = compareReport(t.db, ['31080', '99'], 2021);
		expect(c.areas.map((a) => [a.area.code, a.year])).toEqual([
			['31080', 2021],
			['99', 2021]
		]);
		const devs = c.occupations.find((o) => o.soc === '15-1252')!;
		expect(devs.byArea.map((r) => r?.employment)).toEqual([49020, expect.any(Number)]);
		expect(c.areas[0]!.digital.at(-1)!.category).toBe('All digital jobs');
	});
});

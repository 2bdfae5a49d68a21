/**
 * The gaps report on the real bundled files, cross-checked against the published figures: EP
 * openings (the vintage nearest the OEWS year), CPS Table 11 shares through the Census crosswalk,
 * an independent sum of the IPEDS file, conservation of graduates by the allocation, and the
 * issue 13 cases (where a training gap applies, Nursing Instructors, unscored rows, one year for
 * a comparison).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { allocateByDemand, allocatedTotal } from '../../src/lib/analysis/supply-allocation';
import {
	cipSocLinks,
	completionsFor,
	setLivingWage
} from '../../src/lib/server/db/queries/sources';
import { areaModel } from '../../src/lib/server/reports/area-model';
import { compareReport } from '../../src/lib/server/reports/views/compare';
import { digitalSummary } from '../../src/lib/server/reports/views/digital';
import { gapsReport } from '../../src/lib/server/reports/views/gaps';
import { seededDb, type TempDb } from '../helpers/db';

const FILES = [
	'data/sample/oes_2019_hybrid_structure.xlsx',
	'data/sample/soc_2018_definitions.xlsx',
	'data/reference/digital-jobs-categories.csv',
	'data/reference/licensed-occupations.csv',
	'data/sample/hhs_poverty_guidelines_2019_2025.csv',
	'data/sample/census_2018_occupation_code_list_and_crosswalk.xlsx',
	'data/sample/CIP2020_SOC2018_Crosswalk.xlsx',
	'data/sample/national_M2021_dl.xlsx',
	'data/sample/national_M2022_dl.xlsx',
	'data/sample/national_M2024_dl.xlsx',
	'data/sample/oews_MSA_M2021_los_angeles.csv',
	'data/sample/bls_ep_occupation_2022-32.xlsx',
	'data/sample/bls_ep_occupation_2024-34.xlsx',
	'data/sample/cpsaat11_2023.xlsx',
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

	it('estimates a metro with the national rates of the EP vintage nearest its OEWS year, growth and replacement apart', () => {
		const row = gapsReport(t.db, '31080').rows.find((r) => r.soc === '15-1252')!;
		const ep = t.db.$client
			.prepare(
				`SELECT openings, employment_base AS b, employment_projected AS p FROM projections
				 WHERE soc = '15-1252' AND base_year = 2022`
			)
			.get() as { openings: number; b: number; p: number };
		expect(row.openingsSource).toEqual({
			kind: 'national-rate',
			vintage: '2022–32',
			employmentYear: 2021
		});
		const scale = 49020 / ((ep.b + ep.p) / 2);
		expect(row.openings).toBeCloseTo(ep.openings * scale, 6);
		expect(row.openingsGrowth).toBeCloseTo(((ep.p - ep.b) / 10) * scale, 6);
		expect(row.openingsGrowth! + row.openingsReplacement!).toBeCloseTo(row.openings!, 6);
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

	it('allocates every graduate exactly once (split by openings and evenly)', () => {
		const [year] = completionsFor(t.db, { kind: 'nation' });
		const { links } = cipSocLinks(t.db);
		const total = [...year!.byCip.values()].reduce((a, b) => a + b, 0);
		const demand = new Map(
			gapsReport(t.db, '99', { year: 2024 }).rows.map((r) => [
				r.soc,
				{ openings: r.openings, employment: r.employment }
			])
		);
		for (const mode of ['openings', 'even'] as const) {
			const r = allocateByDemand(year!.byAward, links, demand, mode);
			expect(r.counted).toBe(total);
			expect(allocatedTotal(r)).toBeCloseTo(total, 6);
		}
		const report = gapsReport(t.db, '99', { year: 2024 });
		const allocated = report.rows.reduce((s, r) => s + (r.supply ?? 0), 0);
		// Graduates on codes the nation's OEWS table lacks stay in the crosswalk's other codes.
		expect(allocated + report.supply.unallocated!).toBeLessThanOrEqual(
			report.supply.counted! + 1e-6
		);
		expect(report.supply.counted).toBe(total);
	});

	it('shows a training gap only where training is the way in (Los Angeles, May 2021)', () => {
		const rows = new Map(gapsReport(t.db, '31080').rows.map((r) => [r.soc, r]));
		// Office Clerks, Customer Service Representatives, Restaurant Cooks: no award needed.
		for (const soc of ['43-9061', '43-4051', '35-2014']) {
			const r = rows.get(soc)!;
			expect(r.gapStatus, soc).toBe('not-applicable');
			expect(r.gapReason, soc).toBe('no-postsecondary-award-needed');
			expect(r.supplyGap, soc).toBeNull();
		}
		const devs = rows.get('15-1252')!;
		expect(devs.gapStatus).toBe('gap');
		expect(devs.supplyGap).toBeCloseTo(devs.openings! - devs.supply!, 9);
		// Electricians need a licence: a gap applies although EP says high school.
		expect(rows.get('47-2111')!.gapReason).not.toBe('no-postsecondary-award-needed');
	});

	it('gives Nursing Instructors a small fraction of the RN program under the default allocation', () => {
		const report = gapsReport(t.db, '31080');
		const [year] = completionsFor(t.db, { kind: 'cbsa', codes: ['31080'] });
		const rnProgram = year!.byCip.get('51.3801')!;
		expect(rnProgram).toBeGreaterThan(1000);
		const instructors = report.rows.find((r) => r.soc === '25-1072')!;
		const rns = report.rows.find((r) => r.soc === '29-1141')!;
		expect(instructors.supply!).toBeLessThan(rnProgram * 0.05);
		expect(rns.supply!).toBeGreaterThan(rnProgram * 0.5);
		// The even split is the sensitivity setting, on the page and in the API.
		const even = gapsReport(t.db, '31080', { allocation: 'even' });
		expect(even.supply.allocation).toBe('even');
		const evenDevs = even.rows.find((r) => r.soc === '15-1252')!;
		const devs = report.rows.find((r) => r.soc === '15-1252')!;
		expect(evenDevs.supplyGap).toBeCloseTo(devs.supplyGapEven!, 9);
		expect(report.rows.some((r) => r.signDisagrees)).toBe(true);
		for (const r of report.rows.filter((x) => x.signDisagrees)) {
			expect(Math.sign(r.supplyGap!)).toBe(-Math.sign(r.supplyGapEven!));
		}
	});

	it('gives Los Angeles a supply from its own institutions and a gap', () => {
		const report = gapsReport(t.db, '31080');
		expect(report.supply.years).toEqual([2024]);
		expect(report.vintages.parts.map((p) => `${p.source} ${p.label}`)).toEqual(
			expect.arrayContaining([
				'BLS OEWS May 2021',
				'BLS Employment Projections 2022–32',
				'CPS 2023'
			])
		);
		expect(report.vintages.mixed).toBe(true);
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
	it('reproduces CPS Table 11 2023 shares, national against national, with a margin', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile('data/sample/cpsaat11_2023.xlsx');
		const sheet = wb.worksheets[0]!;
		const line = (title: string) => {
			let found: ExcelJS.Row | null = null;
			sheet.eachRow((row) => {
				if (String(row.getCell(1).value ?? '').trim() === title) found = row;
			});
			return found! as ExcelJS.Row;
		};
		const support = line('Computer support specialists');
		const total = line('Total, 16 years and over');
		const report = gapsReport(t.db, '31080');
		expect(report.representation.geography).toBe('national');
		// 15-1232 has data: the combined CPS line stands for 15-1231 and 15-1232.
		const row = report.rows.find((r) => r.soc === '15-1232')!;
		const women = row.representation.find((c) => c.group === 'women')!;
		expect(women.scope).toBe('national');
		expect(women.share).toBeCloseTo(Number(support.getCell(3).value) / 100, 9);
		expect(women.baseline).toBeCloseTo(Number(total.getCell(3).value) / 100, 9);
		expect(women.base).toBe(Number(support.getCell(2).value) * 1000);
		expect(women.marginPoints).toBeGreaterThan(0);
		// Flags only beyond the margin.
		for (const r of report.rows) {
			for (const c of r.representation) {
				if (c.flag === 'under-represented') expect(c.gapPoints!).toBeLessThan(-c.marginPoints!);
				if (c.flag === 'within-margin')
					expect(Math.abs(c.gapPoints!)).toBeLessThanOrEqual(c.marginPoints!);
				if (c.base !== null && c.base < 50_000) expect(c.flag).toBe('too-few');
			}
		}
		const summary = digitalSummary(t.db, '31080');
		expect(summary.representationGeography).toBe('national');
		expect(summary.representationYear).toBe(2023);
	});
});

describe('wages and the family-sustaining wage', () => {
	it('uses 200% of the HHS guideline for a family of three by default, and the editor’s figure once set', () => {
		const before = gapsReport(t.db, '31080');
		// HHS 2021, 48 states: $12,880 + 2 × $4,540 = $21,960; 200% = $43,920.
		expect(before.familyWage).toMatchObject({
			source: 'hhs-poverty-guideline',
			annualWage: 43_920,
			year: 2021,
			jurisdiction: 'contiguous',
			familySize: 3
		});
		const support = before.rows.find((r) => r.soc === '15-1232')!;
		expect(support.wageToRegionalMedian).toBeCloseTo(61070 / 47580, 9);
		expect(support.livingWageRatio).toBeCloseTo(support.p25AnnualWage! / 43_920, 9);
		setLivingWage(t.db, '31080', 50_000, 'test threshold', 'test');
		const after = gapsReport(t.db, '31080');
		expect(after.familyWage).toMatchObject({ source: 'editor', annualWage: 50_000 });
		const row = after.rows.find((r) => r.soc === '15-1232')!;
		expect(row.livingWageRatio).toBeCloseTo(row.p25AnnualWage! / 50_000, 9);
	});

	it('keeps a top-coded median as a lower bound: "≥" ratios, no entry wage, a reliability flag', () => {
		const rows = areaModel(t.db, '31080').rows;
		const ceo = rows.find((r) => r.soc === '11-1011')!;
		expect(ceo.medianTopCoded).toBe(true);
		expect(ceo.medianAnnualWage).toBe(208_000);
		expect(ceo.wageToRegionalBound).toBe('at-least');
		expect(ceo.entryAnnualWage).toBeNull();
		for (const r of rows) {
			if (r.medianTopCoded) expect(r.entryAnnualWage).toBeNull();
			const prse = r.oews.prse.employment;
			if (prse !== null) {
				expect(r.reliability.employment).toBe(prse <= 12 ? 'high' : prse <= 40 ? 'medium' : 'low');
			}
		}
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
			weights: { demand: 1, unmet: 0, wage: 0, representation: 0 }
		}).rows;
		// Demand is openings per worker, not a size index.
		const rate = (r: (typeof rows)[number]) => r.openings! / r.employment!;
		const best = [...demandOnly].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0]!;
		const most = [...demandOnly]
			.filter((r) => r.score !== null)
			.sort((a, b) => rate(b) - rate(a))[0]!;
		expect(rate(best)).toBe(rate(most));
	});

	it('scores no row whose employment is suppressed, says why, and sorts those rows last', () => {
		const rows = areaModel(t.db, '31080').rows;
		const suppressed = rows.filter((r) => r.oews.status.employment === 'employment_not_available');
		expect(suppressed.length).toBeGreaterThan(0);
		for (const r of suppressed) {
			expect(r.score, r.soc).toBeNull();
			expect(r.scoreReason).toBe('employment-suppressed');
			expect(r.rank).toBeNull();
		}
		const ranked = rows.filter((r) => r.rank !== null);
		for (const r of ranked) {
			expect(r.rank!.best).toBeLessThanOrEqual(r.rank!.now);
			expect(r.rank!.worst).toBeGreaterThanOrEqual(r.rank!.now);
		}
		expect(Math.max(...ranked.map((r) => r.rank!.now))).toBe(ranked.length);
	});

	it('leads with jobs that training can fill: no job without a training route in the top twenty', () => {
		const rows = areaModel(t.db, '31080').rows.filter((r) => r.rank !== null);
		const top = rows.sort((a, b) => a.rank!.now - b.rank!.now).slice(0, 20);
		expect(top.filter((r) => r.gapStatus === 'not-applicable').map((r) => r.title)).toEqual([]);
		// Such jobs are still scored (they are not unknown), only never first for a training lever.
		const notApplicable = rows.filter((r) => r.gapStatus === 'not-applicable');
		expect(notApplicable.length).toBeGreaterThan(100);
		for (const r of notApplicable) expect(r.scoreComponents.unmet).toBe(0);
	});

	it('compares on one common year when none is given (the latest year complete in every area)', () => {
		const c = compareReport(t.db, ['31080', '99']);
		expect(c.yearChoice).toEqual({ status: 'common', year: 2021 });
		expect(new Set(c.areas.map((a) => a.year))).toEqual(new Set([2021]));
	});

	it('compares areas side by side with the same measures', () => {
		const c = compareReport(t.db, ['31080', '99'], 2021);
		expect(c.yearChoice).toEqual({ status: 'requested', year: 2021 });
		expect(c.areas.map((a) => [a.area.code, a.year])).toEqual([
			['31080', 2021],
			['99', 2021]
		]);
		const devs = c.occupations.find((o) => o.soc === '15-1252')!;
		expect(devs.byArea.map((r) => r?.employment)).toEqual([49020, expect.any(Number)]);
		expect(c.areas[0]!.digital.at(-1)!.category).toBe('All digital jobs');
	});
});

/**
 * The pathway map's node details and route training on real Los Angeles data: the local programs
 * come from the occupation page's own query, the credentials from a generic credentials CSV
 * (made-up rows in tests/fixtures/generic), only those for the area or for everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { programsFeeding } from '../../src/lib/server/db/queries/occupation';
import { placementFor } from '../../src/lib/server/db/queries/sources';
import { importFile } from '../../src/lib/server/import/load';
import { gapsReport } from '../../src/lib/server/reports/views/gaps';
import { pathwayNodeDetails, pathwaysReport } from '../../src/lib/server/reports/views/pathways';
import { ReportError } from '../../src/lib/server/reports/region';
import { FIXTURES, seededDb, type TempDb } from '../helpers/db';

const LA = '31080';
const SUPPORT = '15-1232'; // Computer User Support Specialists
const SECURITY = '15-1212'; // Information Security Analysts
const CREDENTIALS = join(FIXTURES, 'generic/credentials_los_angeles.csv');

let t: TempDb;
beforeAll(async () => {
	t = await seededDb([
		'data/reference/digital-jobs-categories.csv',
		'data/sample/CIP2020_SOC2018_Crosswalk.xlsx',
		'data/sample/national_M2021_dl.xlsx',
		'data/sample/oews_MSA_M2021_los_angeles.csv',
		'data/sample/onet/Related Occupations.txt',
		'data/sample/onet/Job Zones.txt',
		'data/sample/onet/Technology Skills.txt',
		'data/sample/onet/Skills.txt',
		'data/sample/credentials/it_credentials.csv',
		'data/sample/credentials/funding_sources.csv',
		'data/sample/bls_ep_occupation_2024-34.xlsx',
		'data/sample/ipeds/hd2024.csv',
		'data/sample/ipeds/c2024_a_all_institutions.csv',
		CREDENTIALS
	]);
}, 180_000);
afterAll(() => t.close());

describe('pathway node details', () => {
	it('lists the credentials for the area and for everywhere, not another area’s', () => {
		const d = pathwayNodeDetails(t.db, LA, SUPPORT);
		expect(d.title).toBe('Computer User Support Specialists');
		expect(d.credentials.map((c) => c.name)).toEqual([
			'Help Desk Technician Certificate', // priced, so first
			'IT Fundamentals Certification'
		]);
		expect(d.credentials[0]).toMatchObject({
			type: 'certificate',
			issuer: 'Test Valley College',
			costUsd: 1800,
			durationMonths: 6,
			url: 'https://example.org/help-desk',
			area: LA
		});
		expect(d.credentials[1]).toMatchObject({
			type: 'certification',
			issuer: 'Test Certification Body',
			costUsd: null,
			durationMonths: null,
			area: null
		});
		// The credentials file is named among the sources.
		expect(d.sources.map((s) => s.fileName)).toContain('credentials_los_angeles.csv');
	});

	it('shows the local programs of the occupation page’s query, largest first', () => {
		const d = pathwayNodeDetails(t.db, LA, SUPPORT, { programs: 5 });
		const all = programsFeeding(t.db, SUPPORT, placementFor(t.db, d.area));
		expect(all.length).toBeGreaterThan(5);
		expect(d.programs.count).toBe(all.length);
		expect(d.programs.completions).toBe(all.reduce((s, p) => s + p.completions, 0));
		expect(d.programs.year).toBe(2024);
		expect(d.programs.top).toEqual(all.slice(0, 5));
		const sizes = d.programs.top.map((p) => p.completions);
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
		// Real Los Angeles colleges with computer-support programs in IPEDS 2024.
		expect(all.map((p) => p.institution)).toEqual(
			expect.arrayContaining(['Pasadena City College', 'Cypress College'])
		);
		for (const p of all) expect(p.completions).toBeGreaterThan(0);
	});

	it('carries pay, preparation, demand and the moves with the wage change of each step', () => {
		const d = pathwayNodeDetails(t.db, LA, SUPPORT);
		const rows = new Map(gapsReport(t.db, LA).rows.map((r) => [r.soc, r]));
		const here = rows.get(SUPPORT)!;
		expect(d).toMatchObject({
			year: 2021,
			medianAnnualWage: here.medianAnnualWage,
			entryEducation: 'Some college, no degree',
			jobZone: 3,
			level: 'entry',
			openings: here.openings,
			supplyGap: here.supplyGap
		});
		expect(d.medianAnnualWage).toBe(61070);
		expect(d.skills.length).toBeGreaterThan(0);
		const toSecurity = d.leadsTo.find((m) => m.soc === SECURITY)!;
		const w = rows.get(SECURITY)!.medianAnnualWage!;
		expect(toSecurity.wageChange).toBeCloseTo((w - 61070) / 61070, 10);
		expect(toSecurity.paysMore).toBe(true);
		expect(toSecurity.direction).toBe('up');
		// Most feasible first.
		const scores = d.leadsTo.map((m) => m.feasibility);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		// The reference maps Security+ (among others) to Information Security Analysts.
		const sec = pathwayNodeDetails(t.db, LA, SECURITY);
		expect(sec.referenceCredentials.map((c) => c.id)).toContain('comptia-security-plus');
	});

	it('lists a credential imported twice once, from the newer file', async () => {
		const newer = join(t.dir, 'credentials_update.csv');
		writeFileSync(
			newer,
			'name,type,issuer,soc,cost_usd,duration_months,area\n' +
				'Help Desk Technician Certificate,certificate,Test Valley College,15-1232,1950,6,31080\n'
		);
		expect((await importFile(t.db.$client, newer)).status).toBe('imported');
		const d = pathwayNodeDetails(t.db, LA, SUPPORT);
		const helpDesk = d.credentials.filter((c) => c.name === 'Help Desk Technician Certificate');
		expect(helpDesk).toHaveLength(1);
		expect(helpDesk[0]!.costUsd).toBe(1950);
	});

	it('refuses an occupation the area does not publish', () => {
		expect(() => pathwayNodeDetails(t.db, LA, '15-9999')).toThrow(ReportError);
	});
});

describe('routes with step plans (Los Angeles, 2021)', () => {
	const SOFTWARE = '15-1252';
	const routes = (to: string, objective?: 'most-feasible' | 'pay-per-step' | 'fewest-steps') =>
		pathwaysReport(t.db, LA, { scope: { kind: 'digital' }, from: SUPPORT, to, objective }).routes;

	it.each([SECURITY, SOFTWARE])('finds routes to %s, each step within one Job Zone', (to) => {
		const found = routes(to);
		expect(found.length).toBeGreaterThan(1);
		for (const route of found) {
			expect(route.path[0]).toBe(SUPPORT);
			expect(route.path.at(-1)).toBe(to);
			for (const s of route.steps) {
				const { from, to: next } = s.preparation.jobZone;
				expect(from).not.toBeNull();
				expect(Math.abs(next! - from!)).toBeLessThanOrEqual(1);
				// Never through a catch-all ("All Other") occupation.
				expect(s.to === to || !/99$/.test(s.to)).toBe(true);
			}
		}
		// Ranked by the objective: feasibility products, largest first, and not all equal.
		const scores = found.map((r) => r.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(new Set(scores).size).toBeGreaterThan(1);
	});

	it('gives different routes or scores under different objectives', () => {
		const feasible = routes(SECURITY, 'most-feasible');
		const fewest = routes(SECURITY, 'fewest-steps');
		expect(fewest[0]!.steps.length).toBeLessThanOrEqual(feasible[0]!.steps.length);
		expect(fewest.map((r) => r.score)).toEqual(fewest.map((r) => r.steps.length));
		for (const r of routes(SECURITY, 'pay-per-step')) {
			for (const s of r.steps) expect(s.wageChange!).toBeGreaterThanOrEqual(0.1);
		}
	});

	it('lists skills to build, credentials with dated fees, programs that fit and funding', () => {
		const steps = routes(SECURITY).flatMap((r) => r.steps);
		const last = steps.find((s) => s.to === SECURITY)!;
		expect(last.skillsKnown).toBe(true);
		const withSkills = steps.filter((s) => s.skillsToBuild.length > 0);
		expect(withSkills.length).toBeGreaterThan(0);
		for (const k of withSkills.flatMap((s) => s.skillsToBuild)) {
			expect(k.toLevel - (k.fromLevel ?? 0)).toBeGreaterThanOrEqual(0.5);
		}
		const secPlus = last.credentials.find((c) => c.id === 'comptia-security-plus')!;
		expect(secPlus).toMatchObject({ feeUsd: 439, feeAsOf: '2026-06' });
		expect(secPlus.sources.length).toBeGreaterThan(0);
		// Entry-level credentials first.
		const levels = last.credentials.map((c) => c.level);
		expect(levels.indexOf('entry')).toBe(0);
		expect(last.funding.map((f) => f.id)).toContain('wioa-ita');
		expect(last.programs.groups.length).toBeGreaterThan(0);
		// Security analysts usually enter with a bachelor's: no graduate award fits by default.
		const awards = last.programs.groups.flatMap((g) => g.programs.map((p) => p.awardLevel));
		expect(awards.every((a) => [1, 2, 3, 4, 5, 20, 21].includes(a))).toBe(true);
	});

	it('has no skills part into Software Developers (O*NET 29.3 rates none for 15-1252.00)', () => {
		const into = routes(SOFTWARE)
			.flatMap((r) => r.steps)
			.filter((s) => s.to === SOFTWARE);
		expect(into.length).toBeGreaterThan(0);
		for (const s of into) {
			expect(s.parts.skills).toBeNull();
			expect(s.skillsKnown).toBe(false);
			expect(s.skillsToBuild).toEqual([]);
		}
	});

	it('keeps the focus map of Software Developers to at most 25 occupations', () => {
		const map = pathwaysReport(t.db, LA, { scope: { kind: 'focus', soc: SOFTWARE } });
		expect(map.nodes.length).toBeLessThanOrEqual(25);
		expect(map.nodes.length).toBeGreaterThan(5);
		expect(map.nodes.some((n) => n.soc === SOFTWARE)).toBe(true);
		expect(map.layout.fontSize).toBeGreaterThanOrEqual(12);
		for (const n of map.layout.nodes) {
			expect(n.box.x).toBeGreaterThanOrEqual(0);
			expect(n.box.x + n.box.width).toBeLessThanOrEqual(map.layout.width);
		}
	});
});

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
import {
	pathwayNodeDetails,
	pathwaysReport,
	routeTraining
} from '../../src/lib/server/reports/views/pathways';
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
		// Largest change first.
		const changes = d.leadsTo.map((m) => m.wageChange).filter((x) => x !== null);
		expect(changes).toEqual([...changes].sort((a, b) => b - a));
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

describe('route training', () => {
	it('gives each step its three largest programs and its credentials by name', () => {
		const report = pathwaysReport(t.db, LA, {
			scope: { kind: 'digital' },
			from: SUPPORT,
			to: SECURITY
		});
		expect(report.routes.length).toBeGreaterThan(0);
		const training = routeTraining(t.db, report.area, report.routes);
		for (const route of report.routes) {
			for (const soc of route.steps) expect(training[soc]).toBeDefined();
		}
		expect(training[SECURITY]!.credentials).toEqual(['Security Analyst Certificate']);
		expect(training[SUPPORT]!.credentials).toEqual([
			'Help Desk Technician Certificate',
			'IT Fundamentals Certification'
		]);
		const security = programsFeeding(t.db, SECURITY, placementFor(t.db, report.area));
		expect(security.length).toBeGreaterThan(3);
		expect(training[SECURITY]!.programs.top).toEqual(security.slice(0, 3));
		expect(training[SECURITY]!.programs.count).toBe(security.length);
	});
});

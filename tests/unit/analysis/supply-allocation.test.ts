import { describe, expect, it } from 'vitest';
import {
	allocateByDemand,
	allocatedTotal,
	type OccupationDemand,
	type ProgramCompletions
} from '../../../src/lib/analysis/supply-allocation';
import { awardRule } from '../../../src/lib/analysis/supply-eligibility';

const BACHELOR = 5;
const ASSOCIATE = 3;
const MASTER = 7;
const CERT = 21;

// Hand-made area: a CS program linked to three occupations, a nursing program linked to RNs and
// nursing instructors, a certificate linked to a bachelor's-level occupation only.
const links = new Map<string, string[]>([
	['11.0701', ['15-1252', '15-1211', '15-1299']],
	['51.3801', ['29-1141', '25-1072']],
	['52.0201', ['11-1021']],
	['50.0409', []]
]);
const occ = (
	openings: number | null,
	employment: number | null,
	soc: string,
	edu: string | null
): OccupationDemand => ({ openings, employment, rule: awardRule(soc, edu) });
const occupations = new Map<string, OccupationDemand>([
	['15-1252', occ(300, 3000, '15-1252', "Bachelor's degree")],
	['15-1211', occ(100, 1000, '15-1211', "Bachelor's degree")],
	['15-1299', occ(null, 500, '15-1299', "Bachelor's degree")], // openings unknown
	['29-1141', occ(900, 9000, '29-1141', "Bachelor's degree")],
	['25-1072', occ(30, 300, '25-1072', 'Doctoral or professional degree')],
	['11-1021', occ(50, 600, '11-1021', "Bachelor's degree")]
]);
const programs: ProgramCompletions[] = [
	{ cip: '11.0701', awardLevel: BACHELOR, completions: 120 },
	{ cip: '51.3801', awardLevel: ASSOCIATE, completions: 200 },
	{ cip: '51.3801', awardLevel: BACHELOR, completions: 100 },
	{ cip: '51.3801', awardLevel: MASTER, completions: 40 }, // counts nowhere: RNs cap at BSN, instructors need a doctorate
	{ cip: '52.0201', awardLevel: CERT, completions: 15 }, // below the bachelor's the occupation needs
	{ cip: '50.0409', awardLevel: BACHELOR, completions: 10 }, // linked to nothing
	{ cip: '99.9999', awardLevel: BACHELOR, completions: 5 }, // not in the crosswalk
	{ cip: '11.0701', awardLevel: BACHELOR, completions: 0 } // zero rows are skipped
];

describe('allocateByDemand', () => {
	it('splits by openings over eligible occupations and conserves every graduate', () => {
		const a = allocateByDemand(programs, links, occupations);
		// CS: 15-1299 has no openings figure, so 120 split 300:100 over the two that do.
		expect(a.bySoc.get('15-1252')).toBeCloseTo(90, 9);
		expect(a.bySoc.get('15-1211')).toBeCloseTo(30, 9);
		expect(a.bySoc.has('15-1299')).toBe(false);
		expect(a.withoutBasis.get('11.0701|5')).toEqual(['15-1299']);
		// Nursing associate's and bachelor's go to RNs only: no sub-doctoral award to 25-1072.
		expect(a.bySoc.get('29-1141')).toBeCloseTo(300, 9);
		expect(a.bySoc.has('25-1072')).toBe(false);
		expect(a.unallocated).toEqual({ 'no-linked-occupation': 15, 'award-counts-nowhere': 55 });
		expect(a.counted).toBe(490);
		expect(allocatedTotal(a)).toBeCloseTo(a.counted, 9);
	});

	it('keeps the even split as a sensitivity, still conserving graduates', () => {
		const a = allocateByDemand(programs, links, occupations, 'even');
		expect(a.bySoc.get('15-1252')).toBeCloseTo(40, 9);
		expect(a.bySoc.get('15-1211')).toBeCloseTo(40, 9);
		expect(a.bySoc.get('15-1299')).toBeCloseTo(40, 9);
		expect(allocatedTotal(a)).toBeCloseTo(490, 9);
		expect(a.contributions.get('15-1252')![0]!.basis).toBe('even');
	});

	it.each([
		[
			'employment where no occupation has openings',
			new Map<string, OccupationDemand>([
				['A', { openings: null, employment: 300 }],
				['B', { openings: null, employment: 100 }]
			]),
			{ A: 75, B: 25 },
			'employment'
		],
		[
			'even where neither openings nor employment is known',
			new Map<string, OccupationDemand>([
				['A', { openings: null, employment: null }],
				['B', { openings: null, employment: null }]
			]),
			{ A: 50, B: 50 },
			'even'
		],
		[
			'openings of zero everywhere fall through to employment',
			new Map<string, OccupationDemand>([
				['A', { openings: 0, employment: 10 }],
				['B', { openings: 0, employment: 30 }]
			]),
			{ A: 25, B: 75 },
			'employment'
		],
		[
			'occupations missing from the area fall through to even',
			new Map<string, OccupationDemand>(),
			{ A: 50, B: 50 },
			'even'
		]
	])('uses %s', (_c, occs, expected, basis) => {
		const a = allocateByDemand(
			[{ cip: 'X', awardLevel: BACHELOR, completions: 100 }],
			new Map([['X', ['A', 'B']]]),
			occs
		);
		expect(Object.fromEntries(a.bySoc)).toEqual(expected);
		expect(a.contributions.get('A')![0]!.basis).toBe(basis);
		expect(allocatedTotal(a)).toBeCloseTo(100, 9);
	});

	it('counts non-credit completions (no award level) for every linked occupation', () => {
		const a = allocateByDemand(
			[{ cip: '52.0201', awardLevel: null, completions: 15 }],
			links,
			occupations
		);
		expect(a.bySoc.get('11-1021')).toBe(15);
	});

	it('conserves graduates on a larger random area', () => {
		// Deterministic pseudo-random programs and demand: the property holds for any input.
		let seed = 7;
		const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const socs = Array.from({ length: 40 }, (_, i) => `15-${String(1000 + i)}`);
		const occs = new Map<string, OccupationDemand>(
			socs.map((s) => [
				s,
				{
					openings: rand() < 0.2 ? null : Math.round(rand() * 500),
					employment: rand() < 0.1 ? null : Math.round(rand() * 5000),
					rule: awardRule(s, rand() < 0.5 ? "Bachelor's degree" : "Associate's degree")
				}
			])
		);
		const cipLinks = new Map<string, string[]>();
		const progs: ProgramCompletions[] = [];
		for (let c = 0; c < 60; c++) {
			const cip = `11.${String(c).padStart(4, '0')}`;
			cipLinks.set(
				cip,
				socs.filter(() => rand() < 0.1)
			);
			for (const level of [CERT, ASSOCIATE, BACHELOR, MASTER]) {
				progs.push({ cip, awardLevel: level, completions: Math.round(rand() * 80) });
			}
		}
		for (const mode of ['openings', 'even'] as const) {
			const a = allocateByDemand(progs, cipLinks, occs, mode);
			const counted = progs.reduce((s, p) => s + p.completions, 0);
			expect(a.counted).toBe(counted);
			expect(allocatedTotal(a)).toBeCloseTo(counted, 6);
		}
	});
});

describe('crosswalk duplicates and empty programs', () => {
	it('does not count a duplicated crosswalk link twice, and skips programs with no graduates', () => {
		const dup = new Map([['11.0701', ['15-1252', '15-1252', '15-1211']]]);
		const demand = new Map<string, OccupationDemand>([
			['15-1252', { openings: 100, employment: 1000 }],
			['15-1211', { openings: 100, employment: 1000 }]
		]);
		const r = allocateByDemand(
			[
				{ cip: '11.0701', awardLevel: BACHELOR, completions: 10 },
				{ cip: '11.0701', awardLevel: ASSOCIATE, completions: 0 }
			],
			dup,
			demand,
			'even'
		);
		expect(r.bySoc.get('15-1252')).toBe(5);
		expect(r.bySoc.get('15-1211')).toBe(5);
		expect(r.counted).toBe(10);
		expect(allocateByDemand([], dup, demand).counted).toBe(0);
	});
});

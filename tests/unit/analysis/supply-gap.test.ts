import { describe, expect, it } from 'vitest';
import {
	allocateSupply,
	averageLatestYears,
	supplyGap
} from '../../../src/lib/analysis/supply-gap';

const completions = new Map([
	['11.0701', 120], // computer science → two occupations
	['11.1003', 30], // cybersecurity → one occupation
	['50.0409', 10] // graphic design → links to nothing here
]);
const links = new Map([
	['11.0701', ['15-1252', '15-1221']],
	['11.1003', ['15-1212']]
]);

describe('allocateSupply', () => {
	it('splits each program equally over its occupations and conserves graduates', () => {
		const r = allocateSupply(completions, links, 'equal');
		expect(Object.fromEntries(r.bySoc)).toEqual({ '15-1252': 60, '15-1221': 60, '15-1212': 30 });
		expect(r.unallocated).toBe(10);
		const total = [...r.bySoc.values()].reduce((a, b) => a + b, 0) + r.unallocated;
		expect(total).toBe(160);
		expect(r.contributions.get('15-1252')).toEqual([{ cip: '11.0701', completers: 60 }]);
	});

	it('splits by openings when asked, and conserves graduates', () => {
		const openings = new Map([
			['15-1252', 300],
			['15-1221', 100]
		]);
		const r = allocateSupply(completions, links, 'openings', openings);
		expect(r.bySoc.get('15-1252')).toBeCloseTo(90, 9);
		expect(r.bySoc.get('15-1221')).toBeCloseTo(30, 9);
		expect(r.bySoc.get('15-1212')).toBe(30); // no openings known: falls back to equal
		const total = [...r.bySoc.values()].reduce((a, b) => a + b, 0) + r.unallocated;
		expect(total).toBeCloseTo(160, 9);
	});

	it('does not count a duplicated crosswalk link twice', () => {
		const r = allocateSupply(
			new Map([['11.0701', 10]]),
			new Map([['11.0701', ['15-1252', '15-1252']]])
		);
		expect(r.bySoc.get('15-1252')).toBe(10);
	});

	it('handles no completions', () => {
		const r = allocateSupply(new Map(), links);
		expect(r.bySoc.size).toBe(0);
		expect(r.unallocated).toBe(0);
	});
});

describe('averageLatestYears', () => {
	it.each([
		[
			[
				[2022, 10],
				[2023, 20],
				[2024, 30],
				[2021, 1000]
			],
			{ value: 20, years: [2024, 2023, 2022] }
		],
		[[[2024, 30]], { value: 30, years: [2024] }],
		[[], { value: null, years: [] }]
	])('%j', (pairs, expected) => {
		expect(averageLatestYears(new Map(pairs as [number, number][]))).toEqual(expected);
	});
});

describe('supplyGap', () => {
	it.each([
		[100, 40, { gap: 60, ratio: 0.4 }],
		[100, 150, { gap: -50, ratio: 1.5 }],
		[100, null, { gap: null, ratio: null }],
		[100, 0, { gap: 100, ratio: 0 }],
		[0, 10, { gap: -10, ratio: null }],
		[null, 10, { gap: null, ratio: null }]
	])('openings %s, supply %s', (o, s, expected) => expect(supplyGap(o, s)).toEqual(expected));
});

import { describe, expect, it } from 'vitest';
import {
	chooseEpVintage,
	estimateOpeningsWithSource,
	type EpVintage
} from '../../../src/lib/analysis/openings-source';

const V2232: EpVintage = { label: '2022–32', baseYear: 2022, projectedYear: 2032 };
const V2434: EpVintage = { label: '2024–34', baseYear: 2024, projectedYear: 2034 };

describe('chooseEpVintage', () => {
	it.each([
		[2019, '2022–32'],
		[2021, '2022–32'],
		[2022, '2022–32'],
		[2023, '2022–32'], // tie: the older base
		[2024, '2024–34'],
		[2025, '2024–34']
	])('May %i → %s', (year, label) => {
		expect(chooseEpVintage(year, [V2434, V2232])!.label).toBe(label);
	});

	it('uses the only vintage there is, and none when there is none', () => {
		expect(chooseEpVintage(2021, [V2434])!.label).toBe('2024–34');
		expect(chooseEpVintage(2021, [])).toBeNull();
	});
});

describe('estimateOpeningsWithSource', () => {
	// National: 1,000 → 1,200 over ten years (growth 20 a year), 130 openings a year.
	const national = { openings: 130, employmentBase: 1000, employmentProjected: 1200 };

	it('scales growth and replacement by the area’s share of average national employment', () => {
		// Ē = 1,100; area employment 110 → scale 0.1.
		const r = estimateOpeningsWithSource({
			vintage: V2232,
			area: null,
			national,
			areaEmployment: 110,
			employmentYear: 2021
		});
		expect(r.openings).toBeCloseTo(13, 12);
		expect(r.growth).toBeCloseTo(2, 12);
		expect(r.replacement).toBeCloseTo(11, 12);
		expect(r.growth! + r.replacement!).toBeCloseTo(r.openings!, 12);
		expect(r.source).toEqual({ kind: 'national-rate', vintage: '2022–32', employmentYear: 2021 });
	});

	it('keeps a negative growth component for a shrinking occupation', () => {
		const r = estimateOpeningsWithSource({
			vintage: V2232,
			area: null,
			national: { openings: 80, employmentBase: 1000, employmentProjected: 800 },
			areaEmployment: 900,
			employmentYear: 2021
		});
		expect(r.growth).toBeCloseTo(-20, 12);
		expect(r.replacement).toBeCloseTo(100, 12);
	});

	it('lets the area’s own projections win, and says so', () => {
		const r = estimateOpeningsWithSource({
			vintage: V2232,
			area: { openings: 40, employmentBase: 300, employmentProjected: 350 },
			national,
			areaEmployment: 110,
			employmentYear: 2021
		});
		expect(r).toEqual({
			openings: 40,
			growth: 5,
			replacement: 35,
			source: { kind: 'area-projection', vintage: '2022–32', employmentYear: null }
		});
	});

	it.each([
		[
			'regional projection without an employment path',
			{ openings: 40, employmentBase: null, employmentProjected: null },
			national,
			110,
			{ openings: 40, growth: null, replacement: null }
		],
		[
			'no national row',
			null,
			null,
			110,
			{ openings: null, growth: null, replacement: null, source: null }
		],
		['suppressed area employment', null, national, null, { openings: null, source: null }],
		[
			'national openings missing',
			null,
			{ ...national, openings: null },
			110,
			{ openings: null, source: null }
		],
		[
			'zero national employment',
			null,
			{ openings: 5, employmentBase: 0, employmentProjected: 0 },
			110,
			{ openings: null }
		],
		['area employment zero', null, national, 0, { openings: 0, growth: 0, replacement: 0 }]
	])('%s', (_c, area, nat, employment, expected) => {
		const r = estimateOpeningsWithSource({
			vintage: V2232,
			area,
			national: nat,
			areaEmployment: employment,
			employmentYear: 2021
		});
		expect(r).toMatchObject(expected);
	});
});

describe('an area projection of zero', () => {
	it('keeps a published zero as zero openings, not as missing', () => {
		const r = estimateOpeningsWithSource({
			vintage: V2232,
			area: { openings: 0, employmentBase: 50, employmentProjected: 50 },
			national: { openings: 130, employmentBase: 1000, employmentProjected: 1200 },
			areaEmployment: 50,
			employmentYear: 2021
		});
		expect(r).toMatchObject({ openings: 0, growth: 0, replacement: 0 });
		expect(r.source!.kind).toBe('area-projection');
	});
});

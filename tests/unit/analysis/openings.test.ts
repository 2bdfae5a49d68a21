import { describe, expect, it } from 'vitest';
import { chooseOpenings, estimateOpenings, openingsRate } from '../../../src/lib/analysis/openings';

const national = { openings: 140_100, employmentBase: 1_795_300, employmentProjected: 2_100_000 };

describe('openingsRate and estimateOpenings', () => {
	it('applies the national rate (openings over average employment) to regional employment', () => {
		const rate = 140_100 / ((1_795_300 + 2_100_000) / 2);
		expect(openingsRate(national)).toBeCloseTo(rate, 12);
		expect(estimateOpenings(49_020, national)).toBeCloseTo(49_020 * rate, 6);
	});
	it.each([
		['zero regional employment', 0, national, 0],
		['unknown regional employment', null, national, null],
		['unknown national openings', 100, { ...national, openings: null }, null],
		['unknown base', 100, { ...national, employmentBase: null }, null],
		[
			'zero national employment',
			100,
			{ openings: 5, employmentBase: 0, employmentProjected: 0 },
			null
		]
	])('%s', (_name, regional, nat, expected) => {
		expect(estimateOpenings(regional, nat)).toBe(expected);
	});
});

describe('chooseOpenings', () => {
	it('prefers a regional projection and says so', () => {
		expect(chooseOpenings(4200, 49_020, national)).toEqual({
			openings: 4200,
			method: 'area-projection'
		});
	});
	it('falls back to the national-rate estimate', () => {
		const r = chooseOpenings(null, 1000, national);
		expect(r.method).toBe('national-rate');
		expect(r.openings).toBeGreaterThan(0);
	});
	it('says nothing when neither is possible', () => {
		expect(chooseOpenings(undefined, 1000, null)).toEqual({ openings: null, method: null });
		expect(chooseOpenings(null, null, national)).toEqual({ openings: null, method: null });
	});
	it('keeps a regional projection of zero', () => {
		expect(chooseOpenings(0, 1000, national)).toEqual({
			openings: 0,
			method: 'area-projection'
		});
	});
});

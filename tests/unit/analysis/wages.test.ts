import { describe, expect, it } from 'vitest';
import { stepPremium } from '../../../src/lib/analysis/wages';

const w = (value: number | null, topCoded = false) => ({ value, topCoded });

describe('stepPremium', () => {
	it.each([
		[
			'10% exactly pays more',
			w(50_000),
			w(55_000),
			{ premium: 0.1, paysMore: true, atLeast: false }
		],
		['9% does not', w(50_000), w(54_500), { premium: 0.09, paysMore: false, atLeast: false }],
		['a pay cut', w(60_000), w(50_000), { premium: -1 / 6, paysMore: false, atLeast: false }],
		[
			'top-coded destination clearing 10%',
			w(100_000),
			w(208_000, true),
			{ premium: 1.08, paysMore: true, atLeast: true }
		],
		[
			'top-coded destination below 10%: unknown',
			w(200_000),
			w(208_000, true),
			{ premium: 0.04, paysMore: null, atLeast: true }
		],
		[
			'top-coded origin: unknown',
			w(208_000, true),
			w(239_200),
			{ premium: null, paysMore: null, atLeast: false }
		],
		['missing wage', w(null), w(50_000), { premium: null, paysMore: null, atLeast: false }]
	])('%s', (_n, from, to, expected) => {
		const r = stepPremium(from, to);
		expect(r.paysMore).toBe(expected.paysMore);
		expect(r.atLeast).toBe(expected.atLeast);
		if (expected.premium === null) expect(r.premium).toBeNull();
		else expect(r.premium).toBeCloseTo(expected.premium, 9);
	});
});

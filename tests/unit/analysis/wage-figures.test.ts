import { describe, expect, it } from 'vitest';
import {
	boundedDifference,
	boundedRatio,
	compareWageFigures,
	lowerQuartile,
	reliability,
	wageFigure,
	type WageFigure
} from '../../../src/lib/analysis/wage-figures';

const pub = (value: number): WageFigure => ({ value, status: 'published' });
const top = (value: number): WageFigure => ({ value, status: 'top-coded' });
const none: WageFigure = { value: null, status: 'unavailable' };

describe('wageFigure', () => {
	it.each([
		[50000, false, 208000, { value: 50000, status: 'published' }],
		[null, true, 208000, { value: 208000, status: 'top-coded' }],
		[null, true, null, { value: null, status: 'unavailable' }],
		[null, false, 208000, { value: null, status: 'unavailable' }]
	])('%s, top-coded %s, cap %s', (value, topCoded, cap, expected) => {
		expect(wageFigure(value, topCoded, cap)).toEqual(expected);
	});
});

describe('boundedRatio and boundedDifference', () => {
	it.each([
		['plain', pub(100000), pub(50000), 2, 'exact'],
		['top-coded numerator: ≥', top(208000), pub(47600), 208000 / 47600, 'at-least'],
		['top-coded denominator: ≤', pub(100000), top(208000), 100000 / 208000, 'at-most'],
		['both top-coded', top(208000), top(208000), null, 'exact'],
		['unavailable', none, pub(1), null, 'exact'],
		['zero denominator', pub(1), pub(0), null, 'exact']
	])('ratio: %s', (_c, n, d, value, bound) => {
		const r = boundedRatio(n, d);
		expect(r.bound).toBe(bound);
		if (value === null) expect(r.value).toBeNull();
		else expect(r.value).toBeCloseTo(value, 12);
	});

	it.each([
		[pub(60000), pub(50000), 10000, 'exact'],
		[top(208000), pub(50000), 158000, 'at-least'],
		[pub(60000), top(208000), -148000, 'at-most'],
		[top(1), top(1), null, 'exact'],
		[none, pub(1), null, 'exact']
	])('difference %j − %j', (a, b, value, bound) => {
		expect(boundedDifference(a, b)).toEqual({ value, bound });
	});
});

describe('compareWageFigures', () => {
	it('puts caps first (tied), then published by amount, unavailable last', () => {
		const list: [string, WageFigure][] = [
			['low', pub(30000)],
			['none', none],
			['cap', top(208000)],
			['high', pub(207000)],
			['cap2', top(208000)]
		];
		const sorted = [...list].sort((a, b) => compareWageFigures(a[1], b[1])).map(([k]) => k);
		expect(sorted).toEqual(['cap', 'cap2', 'high', 'low', 'none']);
		expect(compareWageFigures(top(208000), top(239200))).toBe(0);
	});
});

describe('lowerQuartile', () => {
	it.each([
		['median published', pub(40000), pub(60000), true],
		// Internists: p25 $61,580 against a median ≥ $208,000 — not an entry wage.
		['median top-coded', pub(61580), top(208000), false],
		['median unavailable', pub(40000), none, false],
		['p25 unavailable', none, pub(60000), false]
	])('%s', (_c, p25, median, entryProxy) => {
		expect(lowerQuartile(p25, median)).toEqual({ p25, entryProxy });
	});
});

describe('reliability', () => {
	it.each([
		[0, 'high'],
		[12, 'high'],
		[12.1, 'medium'],
		[40, 'medium'],
		[44, 'low'], // LA database architects
		[null, null],
		[undefined, null],
		[Number.NaN, null],
		[-1, null]
	])('PRSE %s → %s', (prse, level) => {
		expect(reliability(prse)).toBe(level);
	});
});

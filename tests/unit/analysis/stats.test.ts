import { describe, expect, it } from 'vitest';
import { percentileRanks, ratio, sumKnown, weightedMedian } from '../../../src/lib/analysis/stats';

describe('sumKnown and ratio', () => {
	it.each([
		[[1, 2, 3], 6],
		[[1, null, 3], 4],
		[[null, undefined], null],
		[[], null],
		[[0], 0]
	])('sumKnown(%j) = %s', (xs, expected) => expect(sumKnown(xs)).toBe(expected));
	it.each([
		[6, 3, 2],
		[0, 3, 0],
		[6, 0, null],
		[null, 3, null],
		[6, null, null]
	])('ratio(%s, %s) = %s', (a, b, expected) => expect(ratio(a, b)).toBe(expected));
});

describe('weightedMedian', () => {
	it.each([
		['single', [{ value: 5, weight: 1 }], 5],
		[
			'weights decide',
			[
				{ value: 10, weight: 1 },
				{ value: 20, weight: 3 }
			],
			20
		],
		[
			'exact half takes the lower',
			[
				{ value: 10, weight: 2 },
				{ value: 20, weight: 2 }
			],
			10
		],
		[
			'unsorted input',
			[
				{ value: 30, weight: 1 },
				{ value: 10, weight: 1 },
				{ value: 20, weight: 1 }
			],
			20
		],
		[
			'unknowns skipped',
			[
				{ value: null, weight: 100 },
				{ value: 7, weight: 1 }
			],
			7
		],
		[
			'zero weights skipped',
			[
				{ value: 1, weight: 0 },
				{ value: 9, weight: 2 }
			],
			9
		],
		['nothing known', [{ value: null, weight: 1 }], null]
	])('%s', (_name, pairs, expected) => expect(weightedMedian(pairs)).toBe(expected));
});

describe('percentileRanks', () => {
	it.each([
		[
			[10, 20, 30],
			[0, 0.5, 1]
		],
		[
			[30, 10, 20],
			[1, 0, 0.5]
		],
		[
			[5, 5, 10],
			[0.25, 0.25, 1]
		],
		[
			[null, 4, 8],
			[null, 0, 1]
		],
		[[7], [0.5]],
		[[null], [null]],
		[[], []]
	])('%j → %j', (values, expected) => expect(percentileRanks(values)).toEqual(expected));
});

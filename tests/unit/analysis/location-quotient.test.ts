import { describe, expect, it } from 'vitest';
import { compareLq, locationQuotient } from '../../../src/lib/analysis/location-quotient';

describe('locationQuotient', () => {
	it.each([
		// regional, regional total, national, national total → LQ
		[100, 1000, 1000, 100000, 10],
		[50, 1000, 5000, 100000, 1],
		[10, 1000, 4000, 100000, 0.25],
		[0, 1000, 4000, 100000, 0],
		[null, 1000, 4000, 100000, null],
		[10, null, 4000, 100000, null],
		[10, 1000, null, 100000, null],
		[10, 1000, 4000, null, null],
		[10, 0, 4000, 100000, null],
		[10, 1000, 0, 100000, null]
	])('(%s/%s)/(%s/%s) = %s', (e, et, n, nt, lq) => {
		const got = locationQuotient(e, et, n, nt);
		if (lq === null) expect(got).toBeNull();
		else expect(got).toBeCloseTo(lq, 12);
	});
});

describe('compareLq', () => {
	it('counts agreement within the tolerance and skips missing pairs', () => {
		const result = compareLq(
			[
				{ computed: 1.004, published: 1.0 },
				{ computed: 1.03, published: 1.0 },
				{ computed: null, published: 1.2 },
				{ computed: 0.5, published: null },
				{ computed: 2.02, published: 2.0 }
			],
			0.02
		);
		expect(result).toEqual({
			compared: 3,
			agreeing: 2,
			rate: 2 / 3,
			maxDifference: expect.closeTo(0.03, 9)
		});
	});
	it('has no rate when nothing is comparable', () => {
		expect(compareLq([{ computed: null, published: 1 }], 0.02).rate).toBeNull();
	});
});

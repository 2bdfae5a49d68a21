/**
 * The one relatedness rule: a SOC pair listed several times (one O*NET code per listing) takes its
 * strongest listing, the best tier and the best rank within that tier, never a mix of two.
 */
import { describe, expect, it } from 'vitest';
import {
	strongerRelation,
	strongestByKey,
	type Relation
} from '../../../src/lib/domain/relatedness';

describe('strongest relation', () => {
	it.each([
		[
			'a better tier wins over a better rank',
			{ tier: 'Primary-Short', rank: 4 },
			{ tier: 'Primary-Long', rank: 1 },
			true
		],
		[
			'within a tier the lower rank wins',
			{ tier: 'Primary-Long', rank: 2 },
			{ tier: 'Primary-Long', rank: 3 },
			true
		],
		[
			'a worse tier loses whatever its rank',
			{ tier: 'Supplemental', rank: 1 },
			{ tier: 'Primary-Long', rank: 9 },
			false
		],
		[
			'an equal listing is not stronger',
			{ tier: 'Primary-Short', rank: 4 },
			{ tier: 'Primary-Short', rank: 4 },
			false
		]
	] as [string, Relation, Relation, boolean][])('%s', (_name, a, b, expected) => {
		expect(strongerRelation(a, b)).toBe(expected);
	});

	it('keeps 11-1011 → 11-3031 as Primary-Short rank 4, not Primary-Long rank 4', () => {
		// The two listings of the pair in O*NET 29.x Related Occupations (11-3031.00 and .01).
		const listings = [
			{ to: '11-3031', tier: 'Primary-Long', rank: 9 },
			{ to: '11-3031', tier: 'Primary-Short', rank: 4 },
			{ to: '11-2021', tier: 'Primary-Short', rank: 2 }
		] as const;
		expect(strongestByKey(listings, (r) => r.to)).toEqual([
			{ to: '11-3031', tier: 'Primary-Short', rank: 4 },
			{ to: '11-2021', tier: 'Primary-Short', rank: 2 }
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { parity, pooledShare } from '../../../src/lib/analysis/parity';

describe('parity', () => {
	it('computes index, gap, shortfall and z for an under-represented group', () => {
		// 1,000 workers, 20% women, baseline 47%.
		const r = parity({ share: 0.2, total: 1000, baseline: 0.47 });
		expect(r.parityIndex).toBeCloseTo(0.2 / 0.47, 12);
		expect(r.gapPoints).toBeCloseTo(-27, 9);
		expect(r.shortfall).toBeCloseTo(270, 9);
		expect(r.z).toBeCloseTo((200 - 470) / Math.sqrt(1000 * 0.47 * 0.53), 9);
		expect(r.rule80).toBe('under-represented');
		expect(r.rule2sd).toBe('under-represented');
		expect(r.flag).toBe('under-represented');
	});

	it.each([
		['near parity', { share: 0.45, total: 500, baseline: 0.47 }, 'near-parity', 'near-parity'],
		[
			'over-represented',
			{ share: 0.8, total: 5000, baseline: 0.5 },
			'over-represented',
			'over-represented'
		],
		// The rules can disagree: PI 0.7 for a small group in 200 workers is not 2 SD below.
		['80% only', { share: 0.07, total: 200, baseline: 0.1 }, 'under-represented', 'near-parity'],
		['2 SD only', { share: 0.45, total: 100000, baseline: 0.5 }, 'near-parity', 'under-represented']
	])('%s', (_n, input, rule80, rule2sd) => {
		const r = parity(input);
		expect(r.rule80).toBe(rule80);
		expect(r.rule2sd).toBe(rule2sd);
		expect(parity(input, { rule: '2-sd' }).flag).toBe(rule2sd);
	});

	it.each([
		['below the floor', { share: 0.1, total: 99, baseline: 0.5 }, 'too-few'],
		['at the floor', { share: 0.1, total: 100, baseline: 0.5 }, 'under-represented'],
		[
			'unreliable survey cell',
			{ share: 0.1, total: 10000, baseline: 0.5, unreliable: true },
			'too-few'
		],
		['no share', { share: null, total: 1000, baseline: 0.5 }, 'no-data'],
		['no baseline', { share: 0.3, total: 1000, baseline: null }, 'no-data'],
		['no total', { share: 0.3, total: null, baseline: 0.5 }, 'no-data'],
		['baseline 0', { share: 0.3, total: 1000, baseline: 0 }, 'no-data'],
		['zero workers', { share: 0, total: 0, baseline: 0.5 }, 'too-few']
	])('%s → %s', (_n, input, flag) => {
		expect(parity(input).flag).toBe(flag);
	});

	it('keeps the figures but no flag when too few', () => {
		const r = parity({ share: 0.1, total: 50, baseline: 0.5 });
		expect(r.parityIndex).toBeCloseTo(0.2, 12);
		expect(r.rule80).toBe('too-few');
	});
	it('honours a custom floor', () => {
		expect(parity({ share: 0.1, total: 150, baseline: 0.5 }, { floor: 200 }).flag).toBe('too-few');
	});
});

describe('pooledShare', () => {
	it('weights each occupation by its workers and skips unknowns', () => {
		expect(
			pooledShare([
				{ share: 0.5, total: 100 },
				{ share: 0.1, total: 300 },
				{ share: null, total: 1000 },
				{ share: 0.9, total: null }
			])
		).toEqual({ share: (50 + 30) / 400, total: 400 });
		expect(pooledShare([])).toEqual({ share: null, total: 0 });
	});
});

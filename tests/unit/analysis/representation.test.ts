import { describe, expect, it } from 'vitest';
import {
	CPS_ANNUAL_B,
	representation,
	shareStandardError,
	type RepresentationInput,
	pooledShare
} from '../../../src/lib/analysis/representation';

const national = (
	share: number | null,
	base: number | null,
	baseline: number | null
): RepresentationInput => ({
	share,
	shareBase: base,
	shareScope: 'national',
	baseline,
	baselineScope: 'national'
});

describe('shareStandardError', () => {
	it.each([
		// √(2000 × 0.5 × 0.5 / 50,000) = 0.1
		[0.5, 50_000, 2000, 0.1],
		// √(2000 × 0.2 × 0.8 / 3,200,000) = 0.01
		[0.2, 3_200_000, 2000, 0.01],
		[0, 100_000, 2000, 0],
		[0.5, 0, 2000, null],
		[null, 100_000, 2000, null],
		[0.5, null, 2000, null],
		[1.2, 100_000, 2000, null]
	])('share %s, base %s, B %s → %s', (share, base, b, se) => {
		const r = shareStandardError(share, base, b);
		if (se === null) expect(r).toBeNull();
		else expect(r).toBeCloseTo(se, 12);
	});

	it('defaults to the documented annual parameter', () => {
		expect(shareStandardError(0.5, 50_000)).toBeCloseTo(Math.sqrt(CPS_ANNUAL_B / 200_000), 12);
	});
});

describe('representation', () => {
	it.each([
		// Software developers, CPS 2023-like: 2,000 thousand workers, 22% women against 46.9%:
		// margin 1.645 × √(2000 × .22 × .78 / 2e6) × 100 ≈ 0.68 points, far below the 24.9-point gap.
		['clearly under', national(0.22, 2_000_000, 0.469), 'under-represented'],
		['clearly over', national(0.9, 1_000_000, 0.469), 'over-represented'],
		// 100,000 workers, 50% vs 46.9%: margin 1.645 × √(2000 × .25 / 1e5) × 100 ≈ 11.6 points > 3.1.
		['within the margin', national(0.5, 100_000, 0.469), 'within-margin'],
		['base under 50,000 (CPS dash rule)', national(0.1, 49_000, 0.469), 'too-few'],
		['missing share', national(null, 1_000_000, 0.469), 'no-data'],
		['missing baseline', national(0.3, 1_000_000, null), 'no-data'],
		['baseline of 0', national(0.3, 1_000_000, 0), 'no-data'],
		['suppressed cell', { ...national(null, 30_000, 0.469), suppressed: true }, 'too-few'],
		[
			'national share against a regional baseline',
			{ ...national(0.3, 1_000_000, 0.48), baselineScope: 'regional' as const },
			'scope-mismatch'
		]
	])('%s', (_c, input, flag) => {
		expect(representation(input).flag).toBe(flag);
	});

	it('gives parity index, gap and margin in points, with its scope', () => {
		const r = representation(national(0.22, 2_000_000, 0.469));
		expect(r.scope).toBe('national');
		expect(r.parityIndex).toBeCloseTo(0.22 / 0.469, 12);
		expect(r.gapPoints).toBeCloseTo(-24.9, 9);
		expect(r.marginPoints).toBeCloseTo(1.645 * Math.sqrt((2000 * 0.22 * 0.78) / 2e6) * 100, 9);
		expect(r).not.toHaveProperty('z');
		expect(r).not.toHaveProperty('shortfall');
	});

	it('gives no figures across scopes', () => {
		const r = representation({ ...national(0.3, 1e6, 0.48), shareScope: 'regional' });
		expect(r).toMatchObject({ scope: null, parityIndex: null, gapPoints: null });
	});

	it('widens the margin by the baseline’s own survey error', () => {
		const alone = representation(national(0.3, 200_000, 0.2)).marginPoints!;
		const both = representation({
			...national(0.3, 200_000, 0.2),
			baselineBase: 200_000
		}).marginPoints!;
		expect(both).toBeCloseTo(1.645 * Math.sqrt((2000 * (0.21 + 0.16)) / 200_000) * 100, 9);
		expect(both).toBeGreaterThan(alone);
	});

	it('honours a different parameter, confidence and floor', () => {
		const input = national(0.5, 100_000, 0.469);
		// B = 20: margin ≈ 1.16 points, so 3.1 points is a real difference.
		expect(representation(input, { b: 20 }).flag).toBe('over-represented');
		expect(representation(input, { minBase: 200_000 }).flag).toBe('too-few');
		expect(representation(input, { b: 20, z: 10 }).flag).toBe('within-margin');
	});

	it('works the same at regional scope', () => {
		const r = representation({
			share: 0.2,
			shareBase: 1_000_000,
			shareScope: 'regional',
			baseline: 0.45,
			baselineScope: 'regional'
		});
		expect(r).toMatchObject({ scope: 'regional', flag: 'under-represented' });
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

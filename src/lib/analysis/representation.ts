/**
 * Representation of a group in an occupation, at the scope the data has.
 *
 *   share s = E(g, o, G) / E(o, G)            (fraction, geography G)
 *   baseline b = E(g, all, G) / E(all, G)     (same geography G and the same universe: the employed)
 *   parity index PI = s / b                   (1 = parity)
 *   gap in points   = (s − b) × 100
 *
 * Scope: s and b must come from the same geography (`national` with national, `regional` with
 * regional); a pair of scopes that differ gives `scope-mismatch` and no figures — a national
 * occupation share divided by a regional baseline is not a measure of anything.
 *
 * Uncertainty comes from the survey that measured s, never from local employment:
 *   SE(s) = √( B × s × (1 − s) / x )      x = the survey's estimate of E(o, G) (persons)
 * the generalized-variance form BLS and the Census Bureau use for CPS percentages, with one
 * parameter B (persons per effective respondent; see `CPS_ANNUAL_B` for the value and its
 * derivation). The margin of the difference is z × √(SE(s)² + SE(b)²) (z = 1.645: BLS's 90%
 * confidence); the covariance between an occupation and the whole workforce is ignored, which
 * can only widen the margin.
 * - too few in the survey: base x below `minBase` (CPS's own rule: no percentage where the base is
 *   under 50,000) or the source marks the cell as not published → `too-few`, no flag;
 * - flags: `under-represented` / `over-represented` only where |s − b| exceeds the margin;
 *   otherwise `within-margin`;
 * - missing share or baseline, or a baseline of 0 or 1 → `no-data`.
 * No z statistic on local employment and no headcount shortfall: a national share times local
 * employment is not a count of anyone.
 */

import type { ParityFlag, RepresentationScope } from '../domain/rows';

export type { RepresentationScope };
/** The flags, as every layer names them (domain/rows.ts). */
export type RepresentationFlag = ParityFlag;

/**
 * B for CPS annual averages, persons per effective respondent. An approximation, not a
 * published BLS parameter: 2023's civilian noninstitutional population 16+ (about 267 million)
 * over an effective annual sample of about 200,000 persons 16+ (about 85,000 interviewed a month;
 * the 4-8-4 rotation makes a year's 12 samples worth roughly 2.3 independent monthly samples for
 * a characteristic as stable as occupation), times a design effect of about 1.5. B ≈ 2,000. With
 * it, a base at CPS's publication floor (50,000) has about 25 effective respondents and a 50%
 * share a standard error of 10 points. Replace it with BLS's GVF parameter when one is imported.
 */
export const CPS_ANNUAL_B = 2000;
/** CPS Table 11's publication rule: no percentage where the base is under 50,000. */
export const CPS_MIN_BASE = 50_000;
/** 90% confidence, as BLS states CPS reliability. */
export const Z_90 = 1.645;

/** Standard error of a survey share (fraction) with base x persons; null when unknown. */
export function shareStandardError(
	share: number | null,
	base: number | null,
	b = CPS_ANNUAL_B
): number | null {
	if (share === null || base === null || !(base > 0) || share < 0 || share > 1) return null;
	return Math.sqrt((b * share * (1 - share)) / base);
}

export interface RepresentationInput {
	share: number | null;
	/** The survey's estimate of the occupation's workers (persons), the base of `share`. */
	shareBase: number | null;
	shareScope: RepresentationScope;
	baseline: number | null;
	/** The baseline's survey base (persons), when the baseline is itself a survey share. */
	baselineBase?: number | null;
	baselineScope: RepresentationScope;
	/** The source marks the share as not published (CPS's dash). */
	suppressed?: boolean;
}

export interface RepresentationOptions {
	b?: number;
	z?: number;
	minBase?: number;
}

export interface RepresentationResult {
	scope: RepresentationScope | null;
	share: number | null;
	baseline: number | null;
	parityIndex: number | null;
	gapPoints: number | null;
	/** Margin of error of the difference, in points. */
	marginPoints: number | null;
	flag: RepresentationFlag;
}

export function representation(
	input: RepresentationInput,
	options: RepresentationOptions = {}
): RepresentationResult {
	const { share, baseline } = input;
	const empty = {
		share,
		baseline,
		parityIndex: null,
		gapPoints: null,
		marginPoints: null
	};
	if (input.shareScope !== input.baselineScope) {
		return { ...empty, scope: null, flag: 'scope-mismatch' };
	}
	const scope = input.shareScope;
	if (input.suppressed) return { ...empty, scope, flag: 'too-few' };
	if (share === null || baseline === null || baseline <= 0 || baseline >= 1) {
		return { ...empty, scope, flag: 'no-data' };
	}
	const parityIndex = share / baseline;
	const gapPoints = (share - baseline) * 100;
	const b = options.b ?? CPS_ANNUAL_B;
	const seShare = shareStandardError(share, input.shareBase, b);
	const seBaseline = input.baselineBase
		? (shareStandardError(baseline, input.baselineBase, b) ?? 0)
		: 0;
	const marginPoints =
		seShare === null ? null : (options.z ?? Z_90) * Math.sqrt(seShare ** 2 + seBaseline ** 2) * 100;
	const known = { scope, share, baseline, parityIndex, gapPoints, marginPoints };
	if (input.shareBase === null || input.shareBase < (options.minBase ?? CPS_MIN_BASE)) {
		return { ...known, flag: 'too-few' };
	}
	if (marginPoints === null) return { ...known, flag: 'no-data' };
	const flag: RepresentationFlag =
		gapPoints < -marginPoints
			? 'under-represented'
			: gapPoints > marginPoints
				? 'over-represented'
				: 'within-margin';
	return { ...known, flag };
}

/**
 * A group's share of several occupations together (e.g. all digital jobs), pooling each
 * occupation's share by its employment: Σ share(g, o) × E(o) / Σ E(o) over the occupations where
 * both are known. `total` is the employment pooled over.
 */
export function pooledShare(rows: readonly { share: number | null; total: number | null }[]): {
	share: number | null;
	total: number;
} {
	let group = 0;
	let total = 0;
	for (const r of rows) {
		if (r.share === null || r.total === null || r.total <= 0) continue;
		group += r.share * r.total;
		total += r.total;
	}
	return { share: total > 0 ? group / total : null, total };
}

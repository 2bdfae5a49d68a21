/**
 * Wage figures that keep their status: published, top-coded (OEWS `#`, a lower bound at the
 * year's cap), or not available (`*`, suppressed or missing).
 *
 * - Bounds: a figure derived from a top-coded value is a bound, never a plain number.
 *   `boundedRatio(n, d)`: n top-coded → "≥" (at-least); d top-coded → "≤" (at-most); both → null.
 * - Order (`compareWageFigures`): published values by amount; every top-coded value above every
 *   published one and tied with the other caps (their true order is unknown); unavailable last.
 * - The 25th percentile is the 25th percentile of all workers, whatever their tenure. It may stand
 *   in for an entry wage only where the median is published: where the median is top-coded,
 *   `lowerQuartile` says `entryProxy = false`.
 * - Reliability (`reliability`) from OEWS relative standard errors (EMP_PRSE for employment,
 *   MEAN_PRSE for the mean wage), in percent: ≤ 12 high, ≤ 40 medium, > 40 low; missing → null.
 */

export type WageStatus = 'published' | 'top-coded' | 'unavailable';

export interface WageFigure {
	/** The value, or the cap for a top-coded figure; null when unavailable. */
	value: number | null;
	status: WageStatus;
}

export type Bound = 'exact' | 'at-least' | 'at-most';

export interface BoundedValue {
	value: number | null;
	bound: Bound;
}

/** A figure from the stored value and status; a top-coded cell takes the year's cap. */
export function wageFigure(
	value: number | null,
	topCoded: boolean,
	cap: number | null
): WageFigure {
	if (topCoded)
		return cap === null
			? { value: null, status: 'unavailable' }
			: { value: cap, status: 'top-coded' };
	return value === null ? { value: null, status: 'unavailable' } : { value, status: 'published' };
}

export function boundedRatio(numerator: WageFigure, denominator: WageFigure): BoundedValue {
	const n = numerator.value;
	const d = denominator.value;
	const nTop = numerator.status === 'top-coded';
	const dTop = denominator.status === 'top-coded';
	if (n === null || d === null || d === 0 || (nTop && dTop)) return { value: null, bound: 'exact' };
	return { value: n / d, bound: nTop ? 'at-least' : dTop ? 'at-most' : 'exact' };
}

/** A bounded difference n − d (e.g. wage minus a living wage). */
export function boundedDifference(a: WageFigure, b: WageFigure): BoundedValue {
	if (a.value === null || b.value === null) return { value: null, bound: 'exact' };
	const aTop = a.status === 'top-coded';
	const bTop = b.status === 'top-coded';
	if (aTop && bTop) return { value: null, bound: 'exact' };
	return { value: a.value - b.value, bound: aTop ? 'at-least' : bTop ? 'at-most' : 'exact' };
}

const ORDER: Record<WageStatus, number> = { 'top-coded': 0, published: 1, unavailable: 2 };

/** Highest first: caps on top (tied), published by amount, unavailable last. */
export function compareWageFigures(a: WageFigure, b: WageFigure): number {
	if (a.status !== b.status) return ORDER[a.status] - ORDER[b.status];
	if (a.status === 'published') return b.value! - a.value!;
	return 0;
}

export interface LowerQuartile {
	p25: WageFigure;
	/** May the 25th percentile stand in for an entry wage? Not where the median is top-coded. */
	entryProxy: boolean;
}

export function lowerQuartile(p25: WageFigure, median: WageFigure): LowerQuartile {
	return {
		p25,
		entryProxy: p25.status !== 'unavailable' && median.status === 'published'
	};
}

export type Reliability = 'high' | 'medium' | 'low';
export const RELIABILITY_HIGH_MAX = 12;
export const RELIABILITY_MEDIUM_MAX = 40;

/** Reliability of an OEWS estimate from its relative standard error (percent). */
export function reliability(prse: number | null | undefined): Reliability | null {
	if (prse === null || prse === undefined || !Number.isFinite(prse) || prse < 0) return null;
	if (prse <= RELIABILITY_HIGH_MAX) return 'high';
	if (prse <= RELIABILITY_MEDIUM_MAX) return 'medium';
	return 'low';
}

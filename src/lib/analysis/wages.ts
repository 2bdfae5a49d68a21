/**
 * Wage comparisons. A top-coded wage (OEWS `#`) is only known to be at least the cap: it may be
 * compared as a lower bound (`atLeast`), never averaged.
 */
import { ratio } from './stats';

export interface WageValue {
	value: number | null;
	/** True when the value is the cap of a top-coded wage (a lower bound). */
	topCoded: boolean;
}

export interface WageRatio {
	ratio: number | null;
	/** The true ratio is at least this (numerator top-coded). */
	atLeast: boolean;
}

/** numerator / denominator with lower-bound semantics: a top-coded denominator gives null. */
export function wageRatio(numerator: WageValue, denominator: WageValue): WageRatio {
	if (denominator.topCoded) return { ratio: null, atLeast: false };
	return {
		ratio: ratio(numerator.value, denominator.value),
		atLeast: numerator.topCoded && numerator.value !== null
	};
}

/**
 * Step premium along a pathway: Δ = (W_to − W_from) / W_from with regional medians.
 * `paysMore` when Δ ≥ 10% (PAYS_MORE_THRESHOLD).
 */
export const PAYS_MORE_THRESHOLD = 0.1;

export function stepPremium(
	from: WageValue,
	to: WageValue
): { premium: number | null; paysMore: boolean | null; atLeast: boolean } {
	if (from.value === null || to.value === null || from.topCoded || from.value <= 0) {
		return { premium: null, paysMore: null, atLeast: false };
	}
	const premium = (to.value - from.value) / from.value;
	// With a top-coded destination the premium is a lower bound: "pays more" is certain only
	// when even the bound clears the threshold.
	const paysMore = premium >= PAYS_MORE_THRESHOLD ? true : to.topCoded ? null : false;
	return { premium, paysMore, atLeast: to.topCoded };
}

/**
 * Wage steps along a pathway. A top-coded wage (OEWS `#`) is only known to be at least the cap:
 * it may be compared as a lower bound, never averaged (ratios and order: wage-figures.ts).
 */

export interface WageValue {
	value: number | null;
	/** True when the value is the cap of a top-coded wage (a lower bound). */
	topCoded: boolean;
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

/**
 * Location quotient: how concentrated an occupation is in a region compared with the nation.
 *
 *   LQ(o, r) = (E(o, r) / E(all, r)) / (E(o, N) / E(all, N))
 *
 * E is employment (jobs) from OEWS, all four from files of the same year. Units: a ratio, 1 = the
 * same share as the nation. Missing rule: any input null (suppressed or not published), or a
 * denominator zero, gives null, never 0. Small occupations swing widely: show LQ with the count.
 */
export function locationQuotient(
	regional: number | null,
	regionalTotal: number | null,
	national: number | null,
	nationalTotal: number | null
): number | null {
	if (regional === null || regionalTotal === null || national === null || nationalTotal === null) {
		return null;
	}
	if (regionalTotal <= 0 || national <= 0 || nationalTotal <= 0) return null;
	return regional / regionalTotal / (national / nationalTotal);
}

export interface LqComparison {
	/** Occupations where both a computed and a published LQ exist. */
	compared: number;
	/** Of those, how many agree within the tolerance. */
	agreeing: number;
	/** agreeing / compared, or null when nothing could be compared. */
	rate: number | null;
	/** The largest absolute difference seen. */
	maxDifference: number | null;
}

/**
 * Agreement between computed and published LQs. BLS rounds employment to tens and LQ to two
 * decimals, so exact equality is not expected; `tolerance` is an absolute difference.
 */
export function compareLq(
	pairs: readonly { computed: number | null; published: number | null }[],
	tolerance: number
): LqComparison {
	let compared = 0;
	let agreeing = 0;
	let maxDifference: number | null = null;
	for (const { computed, published } of pairs) {
		if (computed === null || published === null) continue;
		compared++;
		const diff = Math.abs(computed - published);
		if (diff <= tolerance + 1e-9) agreeing++;
		if (maxDifference === null || diff > maxDifference) maxDifference = diff;
	}
	return { compared, agreeing, rate: compared === 0 ? null : agreeing / compared, maxDifference };
}

/** Small statistics shared by the analysis modules. Null means "not known" and is skipped. */

/** Sum of the known values; null when none is known. */
export function sumKnown(values: readonly (number | null | undefined)[]): number | null {
	let sum = 0;
	let any = false;
	for (const v of values) {
		if (v === null || v === undefined || Number.isNaN(v)) continue;
		sum += v;
		any = true;
	}
	return any ? sum : null;
}

/** a / b, or null when either is unknown or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
	if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
	return a / b;
}

/**
 * Weighted median: the smallest value at which the cumulative weight reaches half the total.
 * Pairs with an unknown value or a non-positive weight are skipped; null when nothing is left.
 */
export function weightedMedian(
	pairs: readonly { value: number | null; weight: number | null }[]
): number | null {
	const known = pairs
		.filter(
			(p): p is { value: number; weight: number } =>
				p.value !== null && p.weight !== null && p.weight > 0
		)
		.sort((a, b) => a.value - b.value);
	const total = known.reduce((s, p) => s + p.weight, 0);
	if (total === 0) return null;
	let cumulative = 0;
	for (const p of known) {
		cumulative += p.weight;
		if (cumulative >= total / 2) return p.value;
	}
	return known.at(-1)!.value;
}

/**
 * Percentile rank of each value among the known values, 0 (lowest) to 1 (highest); ties share
 * the mean rank; unknown values get null. With a single known value its rank is 0.5.
 */
export function percentileRanks(values: readonly (number | null)[]): (number | null)[] {
	const known = values
		.map((v, i) => ({ v, i }))
		.filter((x): x is { v: number; i: number } => x.v !== null && !Number.isNaN(x.v))
		.sort((a, b) => a.v - b.v);
	const out: (number | null)[] = values.map(() => null);
	if (known.length === 1) {
		out[known[0]!.i] = 0.5;
		return out;
	}
	let start = 0;
	while (start < known.length) {
		let end = start;
		while (end + 1 < known.length && known[end + 1]!.v === known[start]!.v) end++;
		const rank = (start + end) / 2 / (known.length - 1);
		for (let k = start; k <= end; k++) out[known[k]!.i] = rank;
		start = end + 1;
	}
	return out;
}

/**
 * Training supply per occupation and the gap against openings.
 *
 *   supply(s, r) = Σ_c w(c, s) × completions(c, r)
 *
 * over programs c (CIP) linked to occupation s (SOC) by the NCES CIP–SOC crosswalk.
 * - `equal` (default): w = 1 / |S_c|, each program's graduates split evenly over its linked
 *   occupations, so no graduate is counted twice.
 * - `openings`: w = openings(s) / Σ openings(s' ∈ S_c); where no linked occupation has openings
 *   the program falls back to the equal split.
 * Programs with no linked occupation are not allocated (reported as `unallocated`).
 * Conservation: Σ_s supply(s) + unallocated = Σ_c completions(c).
 *
 *   gap(s, r) = openings(s, r) − supply(s, r)   (persons/year; positive = under-supplied)
 *   ratio     = supply / openings               (null when openings is 0 or unknown)
 */
export type Allocation = 'equal' | 'openings';

export interface AllocationResult {
	bySoc: Map<string, number>;
	/** Completions of programs that link to no occupation. */
	unallocated: number;
	/** Per occupation, the programs that feed it and how many graduates each contributes. */
	contributions: Map<string, { cip: string; completers: number }[]>;
}

export function allocateSupply(
	completionsByCip: ReadonlyMap<string, number>,
	socsByCip: ReadonlyMap<string, readonly string[]>,
	method: Allocation = 'equal',
	openingsBySoc: ReadonlyMap<string, number | null> = new Map()
): AllocationResult {
	const bySoc = new Map<string, number>();
	const contributions = new Map<string, { cip: string; completers: number }[]>();
	let unallocated = 0;
	for (const [cip, completers] of completionsByCip) {
		const socs = [...new Set(socsByCip.get(cip) ?? [])];
		if (socs.length === 0) {
			unallocated += completers;
			continue;
		}
		let weights = socs.map(() => 1 / socs.length);
		if (method === 'openings') {
			const o = socs.map((s) => Math.max(0, openingsBySoc.get(s) ?? 0));
			const total = o.reduce((a, b) => a + b, 0);
			if (total > 0) weights = o.map((x) => x / total);
		}
		socs.forEach((soc, i) => {
			const share = completers * weights[i]!;
			if (share === 0) return;
			bySoc.set(soc, (bySoc.get(soc) ?? 0) + share);
			const list = contributions.get(soc) ?? [];
			list.push({ cip, completers: share });
			contributions.set(soc, list);
		});
	}
	return { bySoc, unallocated, contributions };
}

/**
 * The average of the latest `max` years that have data (IPEDS years are noisy: averaging smooths
 * them). Returns the years used, newest first; null value when no year has data.
 */
export function averageLatestYears(
	byYear: ReadonlyMap<number, number>,
	max = 3
): { value: number | null; years: number[] } {
	const years = [...byYear.keys()].sort((a, b) => b - a).slice(0, max);
	if (years.length === 0) return { value: null, years: [] };
	const sum = years.reduce((s, y) => s + byYear.get(y)!, 0);
	return { value: sum / years.length, years };
}

/** Gap and ratio; unknown when either side is unknown (no completions imported is not zero supply). */
export function supplyGap(
	openings: number | null,
	supply: number | null
): { gap: number | null; ratio: number | null } {
	if (openings === null || supply === null) return { gap: null, ratio: null };
	return { gap: openings - supply, ratio: openings > 0 ? supply / openings : null };
}

/** What supply from completions leaves out; shown beside every supply figure. */
export const SUPPLY_LEAVES_OUT = [
	'people moving into the region',
	'unemployed and career-changing workers',
	'non-credit, bootcamp and certification completers unless imported',
	'workers already in the occupation who move up'
] as const;

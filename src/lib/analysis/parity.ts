/**
 * Representation of a group g in occupation o, region r, against a baseline b (by default the
 * group's share of the region's labor force).
 *
 *   share s = E(g, o, r) / E(o, r)              (fraction)
 *   parity index PI = s / b                      (1 = parity; < 1 under-represented)
 *   gap in points = (s − b) × 100                (percentage points)
 *   shortfall = b × E(o, r) − E(g, o, r)         (workers needed to reach parity; < 0 = above it)
 *   z = (E(g, o, r) − b × E(o, r)) / √(E(o, r) × b × (1 − b))
 *
 * Flags (both computed and shown; `flag` follows the chosen rule, 80% by default):
 *   80% rule: PI < 0.8 under-represented, PI > 1.25 over-represented;
 *   2 SD:     z < −2 under-represented,   z > 2 over-represented.
 * Small numbers: fewer than `floor` workers in the occupation (default 100), or a share the
 * source marks unreliable, gives `too-few` and no flag. Unknown share or baseline: `no-data`.
 */
import type { ParityFigures, ParityFlag, ParityRule } from '../domain/rows';

export type { ParityFlag, ParityRule };

export const DEFAULT_SMALL_NUMBER_FLOOR = 100;

export interface ParityInput {
	/** Group share among the occupation's workers (0–1). */
	share: number | null;
	/** Workers in the occupation, E(o, r). */
	total: number | null;
	/** The group's baseline share (0–1). */
	baseline: number | null;
	/** The source marks the share as unreliable (e.g. CPS base under 50,000). */
	unreliable?: boolean;
}

export interface ParityResult extends ParityFigures {
	rule80: ParityFlag;
	rule2sd: ParityFlag;
}

export function parity(
	input: ParityInput,
	options: { rule?: ParityRule; floor?: number } = {}
): ParityResult {
	const { share, total, baseline } = input;
	const floor = options.floor ?? DEFAULT_SMALL_NUMBER_FLOOR;
	const empty: ParityResult = {
		share,
		baseline,
		parityIndex: null,
		gapPoints: null,
		shortfall: null,
		z: null,
		rule80: 'no-data',
		rule2sd: 'no-data',
		flag: 'no-data'
	};
	if (share === null || baseline === null || baseline <= 0 || baseline >= 1 || total === null) {
		return empty;
	}
	const parityIndex = share / baseline;
	const gapPoints = (share - baseline) * 100;
	const shortfall = baseline * total - share * total;
	const sd = Math.sqrt(total * baseline * (1 - baseline));
	const z = sd > 0 ? (share * total - baseline * total) / sd : null;
	if (input.unreliable || total < floor) {
		return {
			...empty,
			parityIndex,
			gapPoints,
			shortfall,
			z,
			rule80: 'too-few',
			rule2sd: 'too-few',
			flag: 'too-few'
		};
	}
	const rule80: ParityFlag =
		parityIndex < 0.8
			? 'under-represented'
			: parityIndex > 1.25
				? 'over-represented'
				: 'near-parity';
	const rule2sd: ParityFlag =
		z === null
			? 'no-data'
			: z < -2
				? 'under-represented'
				: z > 2
					? 'over-represented'
					: 'near-parity';
	return {
		share,
		baseline,
		parityIndex,
		gapPoints,
		shortfall,
		z,
		rule80,
		rule2sd,
		flag: (options.rule ?? '80-percent') === '80-percent' ? rule80 : rule2sd
	};
}

/**
 * A group's share of a set of occupations taken together (e.g. all digital jobs):
 * Σ share(g, o) × E(o) / Σ E(o) over occupations where both are known.
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

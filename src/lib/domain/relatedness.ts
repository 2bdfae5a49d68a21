/**
 * O*NET "related occupations" come per O*NET-SOC code, so one SOC pair can appear several times
 * with different tiers and ranks (798 pairs in the 2024 file). The one rule every view uses: the
 * pair's relation is its strongest listing — the best tier, and the best rank within that tier —
 * never the best tier of one listing mixed with the best rank of another.
 */
export const RELATEDNESS_TIERS = ['Primary-Short', 'Primary-Long', 'Supplemental'] as const;
export type RelatednessTier = (typeof RELATEDNESS_TIERS)[number];

export interface Relation {
	tier: RelatednessTier;
	rank: number;
}

const order = (tier: RelatednessTier) => {
	const i = RELATEDNESS_TIERS.indexOf(tier);
	return i < 0 ? RELATEDNESS_TIERS.length : i;
};

/** True when `a` is a stronger listing than `b` (better tier, or the same tier and a better rank). */
export function strongerRelation(a: Relation, b: Relation): boolean {
	return order(a.tier) < order(b.tier) || (a.tier === b.tier && a.rank < b.rank);
}

/** Collapses listings to one per key (e.g. `from>to`), keeping each key's strongest listing. */
export function strongestByKey<T extends Relation>(rows: Iterable<T>, key: (r: T) => string): T[] {
	const best = new Map<string, T>();
	for (const r of rows) {
		const k = key(r);
		const seen = best.get(k);
		if (!seen || strongerRelation(r, seen)) best.set(k, r);
	}
	return [...best.values()];
}

/**
 * Allocation of each program's graduates over the occupations it leads to.
 *
 *   supply(s) = Σ_(c,a) w(c,a,s) × completions(c,a)
 *
 * over programs c (CIP) and award levels a, for the occupations s the NCES CIP–SOC crosswalk links
 * to c and whose award rule accepts a (`supply-eligibility.ts`). Weights, per program and level:
 *
 * - `openings` (default): w = openings(s) / Σ openings(s') over the eligible occupations. Where
 *   none of them has a known positive openings figure, employment is used the same way; where none
 *   has employment either, the even split. Within the chosen basis an occupation whose figure is
 *   unknown gets no share and is listed in `withoutBasis` (a suppressed occupation cannot be
 *   weighed on the same scale as the rest).
 * - `even` (the sensitivity setting): w = 1 / |eligible occupations|.
 *
 * Units: completers a year (awards). Conservation: Σ_s supply(s) + Σ unallocated = Σ completions,
 * exactly (up to floating point) — no graduate is counted twice or lost. Completions that cannot
 * be placed are `unallocated`, by reason: the CIP links to no occupation (`no-linked-occupation`),
 * or no linked occupation accepts the award level (`award-counts-nowhere`).
 * Zero or negative completions are skipped (IPEDS never publishes negative awards).
 */
import { awardCounts, type AwardRule } from './supply-eligibility';

export type AllocationMode = 'openings' | 'even';
export type SplitBasis = 'openings' | 'employment' | 'even';
export type UnallocatedReason = 'no-linked-occupation' | 'award-counts-nowhere';

export interface ProgramCompletions {
	cip: string;
	/** IPEDS AWLEVEL; null for imported non-credit completions, which have no level (they count for every linked occupation). */
	awardLevel: number | null;
	completions: number;
}

export interface OccupationDemand {
	openings: number | null;
	employment: number | null;
	/** Which awards count; absent = every award counts. */
	rule?: AwardRule;
}

export interface Contribution {
	cip: string;
	awardLevel: number | null;
	completers: number;
	basis: SplitBasis;
}

export interface DemandAllocation {
	mode: AllocationMode;
	bySoc: Map<string, number>;
	contributions: Map<string, Contribution[]>;
	unallocated: Record<UnallocatedReason, number>;
	/** Completions allocated plus unallocated: equals the completions counted. */
	counted: number;
	/** Per program `cip|awardLevel`, eligible occupations left out for want of a figure on the chosen basis. */
	withoutBasis: Map<string, string[]>;
}

interface Weights {
	basis: SplitBasis;
	weights: number[];
	missing: string[];
}

function demandWeights(
	socs: readonly string[],
	occupations: ReadonlyMap<string, OccupationDemand>,
	mode: AllocationMode
): Weights {
	const even = { basis: 'even' as const, weights: socs.map(() => 1 / socs.length), missing: [] };
	if (mode === 'even') return even;
	for (const basis of ['openings', 'employment'] as const) {
		const values = socs.map((s) => {
			const v = occupations.get(s)?.[basis];
			return v === null || v === undefined || !Number.isFinite(v) ? null : Math.max(0, v);
		});
		const total = values.reduce<number>((a, v) => a + (v ?? 0), 0);
		if (total > 0) {
			return {
				basis,
				weights: values.map((v) => (v ?? 0) / total),
				missing: socs.filter((_, i) => values[i] === null)
			};
		}
	}
	return even;
}

export function allocateByDemand(
	programs: readonly ProgramCompletions[],
	socsByCip: ReadonlyMap<string, readonly string[]>,
	occupations: ReadonlyMap<string, OccupationDemand>,
	mode: AllocationMode = 'openings'
): DemandAllocation {
	const bySoc = new Map<string, number>();
	const contributions = new Map<string, Contribution[]>();
	const unallocated: Record<UnallocatedReason, number> = {
		'no-linked-occupation': 0,
		'award-counts-nowhere': 0
	};
	const withoutBasis = new Map<string, string[]>();
	let counted = 0;
	for (const p of programs) {
		if (!(p.completions > 0)) continue;
		counted += p.completions;
		const linked = [...new Set(socsByCip.get(p.cip) ?? [])].sort();
		if (linked.length === 0) {
			unallocated['no-linked-occupation'] += p.completions;
			continue;
		}
		const eligible = linked.filter((s) => {
			const rule = occupations.get(s)?.rule;
			return p.awardLevel === null || !rule || awardCounts(rule, p.awardLevel);
		});
		if (eligible.length === 0) {
			unallocated['award-counts-nowhere'] += p.completions;
			continue;
		}
		const { basis, weights, missing } = demandWeights(eligible, occupations, mode);
		if (missing.length > 0) withoutBasis.set(`${p.cip}|${p.awardLevel ?? ''}`, missing);
		eligible.forEach((soc, i) => {
			const share = p.completions * weights[i]!;
			if (share === 0) return;
			bySoc.set(soc, (bySoc.get(soc) ?? 0) + share);
			const list = contributions.get(soc) ?? [];
			list.push({ cip: p.cip, awardLevel: p.awardLevel, completers: share, basis });
			contributions.set(soc, list);
		});
	}
	return { mode, bySoc, contributions, unallocated, counted, withoutBasis };
}

/** Σ supply + Σ unallocated; equals `counted` (the conservation check). */
export function allocatedTotal(a: DemandAllocation): number {
	let sum = a.unallocated['no-linked-occupation'] + a.unallocated['award-counts-nowhere'];
	for (const v of a.bySoc.values()) sum += v;
	return sum;
}

/**
 * The priority score: where should a region invest? Each occupation gets a score from 0 to 100
 * combining four measures, each turned into a percentile rank among the region's occupations
 * (0 = lowest, 1 = highest) so that no unit dominates:
 *
 *   demand          annual openings (more = higher)
 *   supply gap      openings − supply (more under-supplied = higher)
 *   wage            median wage ÷ the region's all-occupation median (higher = higher)
 *   representation  the largest headcount shortfall of any flagged group (more = higher)
 *
 *   score = 100 × Σ wᵢ × rankᵢ / Σ wᵢ      over the measures known for the occupation
 *
 * Weights are adjustable (default 1 each). A measure unknown for an occupation drops out of its
 * sum and the weights of the rest are rescaled; `components` shows each rank so a user can see
 * why a row ranks where it does. Occupations with no known measure get a null score.
 */
import { PRIORITY_MEASURES, type PriorityMeasure } from '../domain/rows';
import { percentileRanks } from './stats';

export { PRIORITY_MEASURES, type PriorityMeasure };
export type PriorityWeights = Record<PriorityMeasure, number>;
export const DEFAULT_WEIGHTS: PriorityWeights = { demand: 1, gap: 1, wage: 1, representation: 1 };

export interface PriorityResult {
	score: number | null;
	/** Percentile rank (0–1) per measure; null where unknown. */
	components: Record<PriorityMeasure, number | null>;
}

export function priorityScores(
	rows: readonly Record<PriorityMeasure, number | null>[],
	weights: PriorityWeights = DEFAULT_WEIGHTS
): PriorityResult[] {
	const ranks = Object.fromEntries(
		PRIORITY_MEASURES.map((m) => [m, percentileRanks(rows.map((r) => r[m]))])
	) as Record<PriorityMeasure, (number | null)[]>;
	return rows.map((_, i) => {
		const components = Object.fromEntries(
			PRIORITY_MEASURES.map((m) => [m, ranks[m][i] ?? null])
		) as Record<PriorityMeasure, number | null>;
		let sum = 0;
		let weight = 0;
		for (const m of PRIORITY_MEASURES) {
			const rank = components[m];
			const w = Math.max(0, weights[m]);
			if (rank === null || w === 0) continue;
			sum += w * rank;
			weight += w;
		}
		return { score: weight > 0 ? (100 * sum) / weight : null, components };
	});
}

/** Reads weights from text like `demand=2,gap=1,wage=1,representation=0`; unknown keys ignored. */
export function parseWeights(text: string | null | undefined): PriorityWeights {
	const weights = { ...DEFAULT_WEIGHTS };
	if (!text) return weights;
	for (const part of text.split(',')) {
		const [key, value] = part.split('=').map((s) => s.trim());
		const n = Number(value);
		if (
			(PRIORITY_MEASURES as readonly string[]).includes(key ?? '') &&
			Number.isFinite(n) &&
			n >= 0
		) {
			weights[key as PriorityMeasure] = n;
		}
	}
	return weights;
}

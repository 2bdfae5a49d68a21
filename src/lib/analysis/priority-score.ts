/**
 * The priority score (0–100): where could an area's training investment matter most? Built from
 * rates and per-worker measures, so a large occupation does not rank high for its size alone:
 *
 *   demand          openings ÷ employment                 (openings a year per worker)
 *   unmet           (openings − supply) ÷ openings        (share of openings graduates do not fill;
 *                                                          where training is not the way in, the
 *                                                          lowest rank: no training need to meet;
 *                                                          left out only where it is unknown)
 *   wage            median wage ÷ the area's median        (a top-coded median ranks above every
 *                                                          published one, tied with the other caps)
 *   representation  largest under-representation, points  (0 when no group is flagged)
 *
 *   score = 100 × Σ wᵢ × rankᵢ / Σ wᵢ   over the measures known for the occupation,
 *
 * rankᵢ the percentile rank (0–1) among the area's scored occupations.
 *
 * Not scored (score null, with the reason): employment suppressed or missing, or openings
 * missing — a score from wage alone is not a priority. Unscored rows take no part in the ranks
 * and sort last (`comparePriority`). `rankMovement` gives each row's rank under several
 * scenarios (weight sets, the even allocation) so a page can show what moves it.
 */
import { percentileRanks } from './stats';

export const PRIORITY_SCORE_MEASURES = ['demand', 'unmet', 'wage', 'representation'] as const;
export type PriorityScoreMeasure = (typeof PRIORITY_SCORE_MEASURES)[number];
export type PriorityScoreWeights = Record<PriorityScoreMeasure, number>;
export const DEFAULT_PRIORITY_SCORE_WEIGHTS: PriorityScoreWeights = {
	demand: 1,
	unmet: 1,
	wage: 1,
	representation: 1
};

export type UnscoredReason = 'employment-suppressed' | 'employment-missing' | 'openings-missing';

export interface PriorityScoreInput {
	id: string;
	employment: number | null;
	/** The source suppressed employment (OEWS `**`), as opposed to having no row. */
	employmentSuppressed?: boolean;
	openings: number | null;
	/** Training gap (openings − supply); null where not applicable or unknown. */
	gap: number | null;
	/**
	 * The job needs no postsecondary award or licence, so training has no gap to close. Such a row
	 * ranks lowest on `unmet` instead of being scored on the other measures alone (which put jobs
	 * with high turnover and no training route, such as dancers, at the top of a training list).
	 */
	gapNotApplicable?: boolean;
	/** Median ÷ the area's median; with `wageTopCoded` a lower bound. */
	wageRatio: number | null;
	wageTopCoded?: boolean;
	/** Largest gap in points of a group flagged under-represented (positive), 0 if none, null if no data. */
	underRepresentationPoints: number | null;
}

export interface PriorityScore {
	id: string;
	score: number | null;
	reason: UnscoredReason | null;
	/** Percentile rank (0–1) per measure; null where unknown or unscored. */
	components: Record<PriorityScoreMeasure, number | null>;
}

function unscoredReason(r: PriorityScoreInput): UnscoredReason | null {
	if (r.employment === null || !(r.employment > 0)) {
		return r.employmentSuppressed ? 'employment-suppressed' : 'employment-missing';
	}
	if (r.openings === null || !Number.isFinite(r.openings)) return 'openings-missing';
	return null;
}

function measure(r: PriorityScoreInput, m: PriorityScoreMeasure): number | null {
	switch (m) {
		case 'demand':
			return r.openings! / r.employment!;
		case 'unmet':
			return r.gap === null || !(r.openings! > 0) ? null : r.gap / r.openings!;
		case 'wage':
			if (r.wageRatio === null) return null;
			// Every cap ties at the top: the true values are unknown beyond "at least".
			return r.wageTopCoded ? Infinity : r.wageRatio;
		case 'representation':
			return r.underRepresentationPoints;
	}
}

const nullComponents = (): Record<PriorityScoreMeasure, number | null> => ({
	demand: null,
	unmet: null,
	wage: null,
	representation: null
});

export function scorePriorities(
	rows: readonly PriorityScoreInput[],
	weights: PriorityScoreWeights = DEFAULT_PRIORITY_SCORE_WEIGHTS
): PriorityScore[] {
	const reasons = rows.map(unscoredReason);
	const scoredIdx = rows.map((_, i) => i).filter((i) => reasons[i] === null);
	const ranks = new Map<PriorityScoreMeasure, (number | null)[]>();
	for (const m of PRIORITY_SCORE_MEASURES) {
		ranks.set(m, percentileRanks(scoredIdx.map((i) => measure(rows[i]!, m))));
	}
	const out: PriorityScore[] = rows.map((r, i) => ({
		id: r.id,
		score: null,
		reason: reasons[i]!,
		components: nullComponents()
	}));
	scoredIdx.forEach((rowIdx, k) => {
		const components = nullComponents();
		let sum = 0;
		let weight = 0;
		for (const m of PRIORITY_SCORE_MEASURES) {
			// Ranked among the rows with a training gap; a row without one sits at 0, below them all
			// (a midrank among hundreds of tied rows would lift it above every oversupplied job).
			const rank = m === 'unmet' && rows[rowIdx]!.gapNotApplicable ? 0 : (ranks.get(m)![k] ?? null);
			components[m] = rank;
			const w = Math.max(0, weights[m]);
			if (rank === null || w === 0) continue;
			sum += w * rank;
			weight += w;
		}
		out[rowIdx] = {
			id: rows[rowIdx]!.id,
			score: weight > 0 ? (100 * sum) / weight : null,
			reason: null,
			components
		};
	});
	return out;
}

/** Highest score first; unscored rows last; ties by id so the order is stable. */
export function comparePriority(a: PriorityScore, b: PriorityScore): number {
	if (a.score === null || b.score === null) {
		if (a.score !== b.score) return a.score === null ? 1 : -1;
	} else if (a.score !== b.score) return b.score - a.score;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Rank positions (1 = first); rows without a score get null. */
export function rankPositions(scores: readonly PriorityScore[]): Map<string, number | null> {
	const sorted = [...scores].sort(comparePriority);
	return new Map(sorted.map((s, i) => [s.id, s.score === null ? null : i + 1]));
}

export interface RankMovement {
	ranks: Record<string, number | null>;
	best: number | null;
	worst: number | null;
	/** worst − best: how far the scenarios move the row. */
	spread: number | null;
}

/** Each row's rank under each labelled scenario (weights, allocation), and how far it moves. */
export function rankMovement(
	scenarios: readonly { label: string; scores: readonly PriorityScore[] }[]
): Map<string, RankMovement> {
	const out = new Map<string, RankMovement>();
	for (const { label, scores } of scenarios) {
		for (const [id, rank] of rankPositions(scores)) {
			const m = out.get(id) ?? { ranks: {}, best: null, worst: null, spread: null };
			m.ranks[label] = rank;
			out.set(id, m);
		}
	}
	for (const m of out.values()) {
		const known = Object.values(m.ranks).filter((r): r is number => r !== null);
		if (known.length === 0) continue;
		m.best = Math.min(...known);
		m.worst = Math.max(...known);
		m.spread = m.worst - m.best;
	}
	return out;
}

/**
 * Weights from text like `demand=2,unmet=1,wage=1,representation=0`; unknown keys and negative
 * or non-numeric values are ignored (`gap=` is read as `unmet=`, its name before issue 13).
 */
export function parsePriorityWeights(text: string | null | undefined): PriorityScoreWeights {
	const weights = { ...DEFAULT_PRIORITY_SCORE_WEIGHTS };
	if (!text) return weights;
	for (const part of text.split(',')) {
		const [rawKey, value] = part.split('=').map((s) => s.trim());
		const key = rawKey === 'gap' ? 'unmet' : rawKey;
		const n = Number(value);
		if (
			(PRIORITY_SCORE_MEASURES as readonly string[]).includes(key ?? '') &&
			value !== '' &&
			Number.isFinite(n) &&
			n >= 0
		) {
			weights[key as PriorityScoreMeasure] = n;
		}
	}
	return weights;
}

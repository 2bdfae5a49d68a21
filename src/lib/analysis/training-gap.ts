/**
 * The training gap for one occupation: openings against graduates, only where training is the
 * way in.
 *
 *   gap   = openings − supply        (persons a year; positive = fewer graduates than openings)
 *   ratio = supply / openings        (null when openings is 0)
 *
 * Status and reasons (never a number where the gap does not apply or cannot be known):
 * - `not-applicable`: the occupation needs no postsecondary award and no licence
 *   (`gapEligibility`), reason `no-postsecondary-award-needed`;
 * - `unknown`: no EP education data, openings suppressed or missing, or supply not measured;
 * - `gap`: both sides known.
 * Sensitivity: `signDisagrees` compares the default (openings-weighted) gap with the even-split gap
 * and flags the occupation where one says under-supplied and the other over-supplied.
 */
import type { GapEligibility, GapReason } from './supply-eligibility';
import type { SupplyMeasure } from './supply-measure';

export type TrainingGapStatus = 'gap' | 'not-applicable' | 'unknown';
export type TrainingGapReason = GapReason | 'openings-missing' | 'supply-not-measured';

export interface TrainingGap {
	status: TrainingGapStatus;
	reason: TrainingGapReason;
	gap: number | null;
	ratio: number | null;
	experienceFlag: boolean;
}

export function trainingGap(
	eligibility: GapEligibility,
	openings: number | null,
	supply: Pick<SupplyMeasure, 'status' | 'value'>
): TrainingGap {
	const base = { gap: null, ratio: null, experienceFlag: eligibility.experienceFlag };
	if (eligibility.status !== 'applicable') {
		return { ...base, status: eligibility.status, reason: eligibility.reason };
	}
	if (openings === null || !Number.isFinite(openings)) {
		return { ...base, status: 'unknown', reason: 'openings-missing' };
	}
	if (supply.status === 'not-measured' || supply.value === null) {
		return { ...base, status: 'unknown', reason: 'supply-not-measured' };
	}
	return {
		...base,
		status: 'gap',
		reason: eligibility.reason,
		gap: openings - supply.value,
		ratio: openings > 0 ? supply.value / openings : null
	};
}

/** True when both gaps are known and have opposite signs (zero agrees with either). */
export function signDisagrees(a: number | null, b: number | null): boolean {
	if (a === null || b === null) return false;
	return (a > 0 && b < 0) || (a < 0 && b > 0);
}

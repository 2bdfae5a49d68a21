/**
 * Figures a partial OEWS file leaves out, recovered where the file allows it.
 *
 * JOBS_1000 is an occupation's jobs per 1,000 jobs of the whole area, so the area's total is
 * TOT_EMP ÷ JOBS_1000 × 1,000. Each row gives an estimate; the one with the most jobs is used,
 * because JOBS_1000 is rounded (to 3 decimals) and a larger count loses least to that rounding.
 */
export function derivedTotalEmployment(
	rows: readonly { employment: number | null; jobsPer1000: number | null }[]
): number | null {
	let best: { employment: number; jobsPer1000: number } | null = null;
	for (const r of rows) {
		if (r.employment === null || r.jobsPer1000 === null || r.jobsPer1000 <= 0) continue;
		if (!best || r.employment > best.employment) {
			best = { employment: r.employment, jobsPer1000: r.jobsPer1000 };
		}
	}
	if (!best) return null;
	// Rounded to hundreds: the estimate carries no more precision than that.
	return Math.round((best.employment / best.jobsPer1000) * 10) * 100;
}

/**
 * Annual openings for an occupation in a region.
 *
 * BLS projects openings nationally (growth + exits + transfers, average per year over the
 * projection decade). Without regional projections, state LMI practice applies the national
 * openings rate to regional employment:
 *
 *   openings(o, r) = E(o, r) × openings(o, US) / Ē(o, US),   Ē = (base + projected employment) / 2
 *
 * Units: persons per year. Missing rule: any input unknown → null; Ē ≤ 0 → null; E(o, r) = 0 → 0.
 * A region's own projections, when imported, win over the estimate.
 */
import type { OpeningsMethod } from '../domain/rows';

export type { OpeningsMethod };

export interface NationalProjection {
	openings: number | null;
	employmentBase: number | null;
	employmentProjected: number | null;
}

/** The national openings rate: openings per worker per year, or null. */
export function openingsRate(p: NationalProjection): number | null {
	if (p.openings === null || p.employmentBase === null || p.employmentProjected === null)
		return null;
	const average = (p.employmentBase + p.employmentProjected) / 2;
	return average > 0 ? p.openings / average : null;
}

export function estimateOpenings(
	regionalEmployment: number | null,
	national: NationalProjection
): number | null {
	const rate = openingsRate(national);
	if (rate === null || regionalEmployment === null) return null;
	return regionalEmployment * rate;
}

/** The area's own projection first, then the national-rate estimate; says which was used. */
export function chooseOpenings(
	regionalProjection: number | null | undefined,
	regionalEmployment: number | null,
	national: NationalProjection | null
): { openings: number | null; method: OpeningsMethod } {
	if (regionalProjection !== null && regionalProjection !== undefined) {
		return { openings: regionalProjection, method: 'area-projection' };
	}
	const estimate = national ? estimateOpenings(regionalEmployment, national) : null;
	return { openings: estimate, method: estimate === null ? null : 'national-rate' };
}

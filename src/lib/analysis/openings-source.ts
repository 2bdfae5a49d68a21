/**
 * Which projections vintage estimates an area's openings, and openings split into growth and
 * replacement, each figure labelled with where it came from (`openingsSource`).
 *
 * Vintage: the BLS EP vintage whose base year is nearest the OEWS year (2022–32 for May 2021 and
 * May 2022; 2024–34 for May 2024 on). A tie (May 2023 between 2022 and 2024) goes to the older
 * base, whose rates were projected from a year already published when the wages were collected.
 *
 * Components (BLS separations method, per year over the decade):
 *   growth      = (E_projected − E_base) / (projected year − base year)   (may be negative)
 *   replacement = openings − growth                                       (exits + transfers)
 *   openings    = growth + replacement
 * For an area without its own projections every component is the national one scaled by
 * E(o, r) / Ē(o, US), Ē = (E_base + E_projected) / 2 — the national rates applied to the area's
 * employment (`national-rate`). An area's own projections, when imported, win (`area-projection`);
 * if they give no employment path their split is unknown (growth and replacement null).
 * Units: persons a year. Missing: any needed input null → that figure null; Ē ≤ 0 → null.
 */

export interface EpVintage {
	/** e.g. "2022–32". */
	label: string;
	baseYear: number;
	projectedYear: number;
}

/** The vintage nearest the OEWS year; ties to the older base; null when none is available. */
export function chooseEpVintage(
	oewsYear: number,
	available: readonly EpVintage[]
): EpVintage | null {
	let best: EpVintage | null = null;
	for (const v of available) {
		if (!best) {
			best = v;
			continue;
		}
		const d = Math.abs(v.baseYear - oewsYear);
		const bestD = Math.abs(best.baseYear - oewsYear);
		if (d < bestD || (d === bestD && v.baseYear < best.baseYear)) best = v;
	}
	return best;
}

export interface Projection {
	openings: number | null;
	employmentBase: number | null;
	employmentProjected: number | null;
}

export type OpeningsSourceKind = 'area-projection' | 'national-rate';

export interface OpeningsSource {
	kind: OpeningsSourceKind;
	/** The projections vintage, e.g. "2022–32". */
	vintage: string;
	/** The employment year the national rates were applied to (national-rate only). */
	employmentYear: number | null;
}

export interface OpeningsEstimate {
	openings: number | null;
	growth: number | null;
	replacement: number | null;
	source: OpeningsSource | null;
}

function components(
	p: Projection,
	years: number
): { growth: number | null; replacement: number | null } {
	if (
		p.openings === null ||
		p.employmentBase === null ||
		p.employmentProjected === null ||
		years <= 0
	) {
		return { growth: null, replacement: null };
	}
	const growth = (p.employmentProjected - p.employmentBase) / years;
	return { growth, replacement: p.openings - growth };
}

export function estimateOpeningsWithSource(input: {
	vintage: EpVintage;
	/** The area's own projection, when imported. */
	area: Projection | null;
	national: Projection | null;
	areaEmployment: number | null;
	employmentYear: number;
}): OpeningsEstimate {
	const years = input.vintage.projectedYear - input.vintage.baseYear;
	if (input.area && input.area.openings !== null) {
		return {
			openings: input.area.openings,
			...components(input.area, years),
			source: { kind: 'area-projection', vintage: input.vintage.label, employmentYear: null }
		};
	}
	const n = input.national;
	const none = { openings: null, growth: null, replacement: null, source: null };
	if (!n || n.openings === null || n.employmentBase === null || n.employmentProjected === null) {
		return none;
	}
	const average = (n.employmentBase + n.employmentProjected) / 2;
	if (!(average > 0) || input.areaEmployment === null) return none;
	const scale = input.areaEmployment / average;
	const c = components(n, years);
	return {
		openings: n.openings * scale,
		growth: c.growth === null ? null : c.growth * scale,
		replacement: c.replacement === null ? null : c.replacement * scale,
		source: {
			kind: 'national-rate',
			vintage: input.vintage.label,
			employmentYear: input.employmentYear
		}
	};
}

/**
 * Digital jobs (JFF's six categories): a region's summary by category. The SOC → category map is
 * data (data/reference/digital-jobs-categories.csv), not code.
 */
import { ALL_DIGITAL } from '../domain/categories';
import { weightedMedian } from './stats';

export interface DigitalOccupation {
	soc: string;
	category: string;
	employment: number | null;
	/** Median annual wage; null when not published or top-coded. */
	medianWage: number | null;
}

export interface CategorySummary {
	category: string;
	occupations: number;
	/** Sum of published employment. */
	employment: number;
	/**
	 * Employment-weighted median of the occupations' median wages (occupations without a
	 * published median, or top-coded, are left out and counted in `wagesMissing`).
	 */
	medianWage: number | null;
	wagesMissing: number;
}

export function summariseByCategory(
	rows: readonly DigitalOccupation[],
	categories: readonly string[]
): CategorySummary[] {
	const all = [...categories, ALL_DIGITAL];
	return all.map((category) => {
		const members = category === ALL_DIGITAL ? rows : rows.filter((r) => r.category === category);
		return {
			category,
			occupations: members.length,
			employment: members.reduce((s, r) => s + (r.employment ?? 0), 0),
			medianWage: weightedMedian(
				members.map((r) => ({ value: r.medianWage, weight: r.employment }))
			),
			wagesMissing: members.filter((r) => r.medianWage === null).length
		};
	});
}

/**
 * For each category (and 'All digital jobs'), the SOC major groups of its occupations that are
 * not among `covered` (the groups an area's data hold), sorted. A category with any is summed
 * over part of its occupations only.
 */
export function uncoveredGroups(
	categoryBySoc: ReadonlyMap<string, string>,
	categories: readonly string[],
	covered: readonly string[]
): Record<string, string[]> {
	const have = new Set(covered);
	const out: Record<string, Set<string>> = { 'All digital jobs': new Set() };
	for (const c of categories) out[c] = new Set();
	for (const [soc, category] of categoryBySoc) {
		const group = soc.slice(0, 2);
		if (have.has(group)) continue;
		out[category]?.add(group);
		out['All digital jobs']!.add(group);
	}
	return Object.fromEntries(Object.entries(out).map(([c, g]) => [c, [...g].sort()]));
}

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

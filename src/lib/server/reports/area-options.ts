/** Reading the area model's options from a URL, shared by the pages and the API. */
import { parsePriorityWeights } from '../../analysis/priority-score';
import type { AreaOptions } from './area-model';

export function areaOptions(url: URL, year: number | undefined): AreaOptions {
	const p = url.searchParams;
	// Openings-weighted by default; `?allocation=even` is the sensitivity setting.
	const allocation = p.get('allocation') === 'even' ? 'even' : 'openings';
	return { year, allocation, weights: parsePriorityWeights(p.get('weights')) };
}

/** `?year=` when it is a four-digit year, else undefined (pages ignore a malformed year). */
export function yearFromUrl(url: URL): number | undefined {
	const text = url.searchParams.get('year');
	return text && /^\d{4}$/.test(text) ? Number(text) : undefined;
}

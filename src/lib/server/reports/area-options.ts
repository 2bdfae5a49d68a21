/** Reading the area model's options from a URL, shared by the pages and the API. */
import { parsePriorityWeights, PRIORITY_SCORE_MEASURES } from '../../analysis/priority-score';
import type { AreaOptions } from './area-model';

export function areaOptions(url: URL, year: number | undefined): AreaOptions {
	const p = url.searchParams;
	// Openings-weighted by default; `?allocation=even` is the sensitivity setting.
	const allocation = p.get('allocation') === 'even' ? 'even' : 'openings';
	// `weights=demand=2,…` (links, the API) or one `w_<measure>` field each (the page's form, which
	// cannot assemble one parameter without JavaScript); a field overrides the list.
	const fields = PRIORITY_SCORE_MEASURES.filter((m) => p.has(`w_${m}`)).map(
		(m) => `${m}=${p.get(`w_${m}`)}`
	);
	const text = [p.get('weights') ?? '', ...fields].filter(Boolean).join(',');
	return { year, allocation, weights: parsePriorityWeights(text) };
}

/** `?year=` when it is a four-digit year, else undefined (pages ignore a malformed year). */
export function yearFromUrl(url: URL): number | undefined {
	const text = url.searchParams.get('year');
	return text && /^\d{4}$/.test(text) ? Number(text) : undefined;
}

/** Reading the area model's options from a URL, shared by the pages and the API. */
import type { ParityRule } from '../../domain/rows';
import { parseWeights } from '../../analysis/priority';
import type { Allocation } from '../../analysis/supply-gap';
import type { AreaOptions } from './area-model';

export function areaOptions(url: URL, year: number | undefined): AreaOptions {
	const p = url.searchParams;
	const allocation: Allocation = p.get('allocation') === 'openings' ? 'openings' : 'equal';
	const rule: ParityRule = p.get('rule') === '2-sd' ? '2-sd' : '80-percent';
	const floorText = p.get('floor');
	const floor = floorText && /^\d{1,7}$/.test(floorText) ? Number(floorText) : undefined;
	return { year, allocation, rule, floor, weights: parseWeights(p.get('weights')) };
}

/** `?year=` when it is a four-digit year, else undefined (pages ignore a malformed year). */
export function yearFromUrl(url: URL): number | undefined {
	const text = url.searchParams.get('year');
	return text && /^\d{4}$/.test(text) ? Number(text) : undefined;
}

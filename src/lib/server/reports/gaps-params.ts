/** Reading the gaps report's options from a URL, shared by the page and the API. */
import type { ParityRule } from '../../analysis/parity';
import { parseWeights } from '../../analysis/priority';
import type { Allocation } from '../../analysis/supply-gap';
import type { GapsOptions } from './gaps';

export function gapsOptions(url: URL, year: number | undefined): GapsOptions {
	const p = url.searchParams;
	const allocation: Allocation = p.get('allocation') === 'openings' ? 'openings' : 'equal';
	const rule: ParityRule = p.get('rule') === '2-sd' ? '2-sd' : '80-percent';
	const floorText = p.get('floor');
	const floor = floorText && /^\d{1,7}$/.test(floorText) ? Number(floorText) : undefined;
	return { year, allocation, rule, floor, weights: parseWeights(p.get('weights')) };
}

import { getDb } from '$lib/server/db';
import { regionSummary } from '$lib/server/reports/views/region-summary';
import type { PageServerLoad } from './$types';

/** The region page's headline cards, computed as the page computes them. */
export const load = (({ params, url }) => {
	const { report, cards, topCode } = regionSummary(getDb(), params.area, url);
	return { report, cards, topCode };
}) satisfies PageServerLoad;

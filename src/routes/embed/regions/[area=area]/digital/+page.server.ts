import { getDb } from '$lib/server/db';
import { regionSummary } from '$lib/server/reports/views/region-summary';
import type { PageServerLoad } from './$types';

/** The digital-job categories of the region, as its page charts them. */
export const load = (({ params, url }) => ({
	report: regionSummary(getDb(), params.area, url).report
})) satisfies PageServerLoad;

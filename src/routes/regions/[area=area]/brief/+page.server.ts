import { getDb } from '$lib/server/db';
import { regionSummary, SUMMARY_COLUMNS } from '$lib/server/reports/views/region-summary';
import type { PageServerLoad } from './$types';

/** How many digital occupations the brief lists: as many as fit beside the cards on one sheet. */
const TOP_DIGITAL = 6;

/** A one-page brief for funders: the region page's cards, top digital jobs, representation, sources. */
export const load = (({ params, url }) => {
	const data = regionSummary(getDb(), params.area, url, TOP_DIGITAL);
	return {
		report: data.report,
		cards: data.cards,
		rows: data.rows,
		digitalOccupations: data.matching,
		columns: SUMMARY_COLUMNS,
		topCode: data.topCode
	};
}) satisfies PageServerLoad;

import { json } from '@sveltejs/kit';
import { apiError, checkQuery, withReport, yearParam } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import { areaOptions } from '$lib/server/reports/area-options';
import { pathwayNodeDetails } from '$lib/server/reports/views/pathways';
import { isAreaCode, isSocCode } from '$lib/domain/codes';
import type { RequestHandler } from './$types';

/** One occupation's details for the pathway map's panel, loaded when a node is selected. */
export const GET: RequestHandler = ({ url }) => {
	const badQuery = checkQuery(url, '/api/pathways/node', 'get');
	if (badQuery) return badQuery;
	const area = url.searchParams.get('area') ?? '';
	const soc = url.searchParams.get('soc') ?? '';
	if (!isAreaCode(area)) return apiError(400, 'area must be an area code, e.g. ?area=31080');
	if (!isSocCode(soc)) return apiError(400, 'soc must be a SOC code, e.g. &soc=15-1232');
	const year = yearParam(url);
	if (year instanceof Response) return year;
	return withReport(
		() => pathwayNodeDetails(getDb(), area, soc, areaOptions(url, year)),
		(d) => json(d)
	);
};

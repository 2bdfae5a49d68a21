import { json } from '@sveltejs/kit';
import { apiError, checkQuery, withReport, yearParam } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import { pathwayChoices } from '$lib/server/reports/views/pathways';
import { isAreaCode } from '$lib/domain/codes';
import type { RequestHandler } from './$types';

/**
 * Every occupation of an area with its JFF category, digital first: the pathways page's pickers
 * load it when used, instead of carrying hundreds of titles in every page.
 */
export const GET: RequestHandler = ({ url }) => {
	const badQuery = checkQuery(url, '/api/pathways/occupations', 'get');
	if (badQuery) return badQuery;
	const area = url.searchParams.get('area') ?? '';
	if (!isAreaCode(area)) return apiError(400, 'area must be an area code, e.g. ?area=31080');
	const year = yearParam(url);
	if (year instanceof Response) return year;
	return withReport(
		() => pathwayChoices(getDb(), area, { year }),
		(choices) => json(choices)
	);
};

import { json } from '@sveltejs/kit';
import { checkQuery, withReport, yearParam } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import { digitalSummary } from '$lib/server/reports/views/digital';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const badQuery = checkQuery(url, '/api/areas/{area}/digital', 'get');
	if (badQuery) return badQuery;
	const year = yearParam(url);
	if (year instanceof Response) return year;
	return withReport(
		() => digitalSummary(getDb(), params.area, year),
		(summary) => json(summary)
	);
};

import { json } from '@sveltejs/kit';
import { apiError, checkQuery, withReport, yearParam } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import { compareReport } from '$lib/server/reports/views/compare';
import { isAreaCode } from '$lib/domain/codes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const badQuery = checkQuery(url, '/api/compare', 'get');
	if (badQuery) return badQuery;
	const year = yearParam(url);
	if (year instanceof Response) return year;
	const areas = (url.searchParams.get('areas') ?? '')
		.split(',')
		.map((a) => a.trim())
		.filter(Boolean);
	if (areas.length < 2 || areas.length > 6 || areas.some((a) => !isAreaCode(a))) {
		return apiError(
			400,
			'areas must list 2 to 6 area codes separated by commas, e.g. ?areas=31080,99'
		);
	}
	return withReport(
		() => compareReport(getDb(), areas, year),
		(report) => json(report)
	);
};

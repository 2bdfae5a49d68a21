import { json } from '@sveltejs/kit';
import { checkQuery, wantsCsv, withReport, yearParam } from '$lib/server/api';
import { csvResponse } from '$lib/server/csv-out';
import { getDb } from '$lib/server/db';
import { occupationsCsv } from '$lib/server/reports/views/occupations-csv';
import { regionReport } from '$lib/server/reports/region';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const badQuery = checkQuery(url, '/api/areas/{area}/occupations', 'get');
	if (badQuery) return badQuery;
	const year = yearParam(url);
	if (year instanceof Response) return year;
	return withReport(
		() => regionReport(getDb(), params.area, year),
		(report) =>
			wantsCsv(url)
				? csvResponse(
						occupationsCsv(report.rows),
						`occupations-${report.area.code}-${report.year}.csv`
					)
				: json(report.rows)
	);
};

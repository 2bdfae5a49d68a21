import { json } from '@sveltejs/kit';
import { checkQuery, wantsCsv, withReport, yearParam } from '$lib/server/api';
import { csvResponse } from '$lib/server/csv-out';
import { getDb } from '$lib/server/db';
import { areaOptions } from '$lib/server/reports/area-options';
import { gapsCsv, gapsReport } from '$lib/server/reports/views/gaps';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const badQuery = checkQuery(url, '/api/areas/{area}/gaps', 'get');
	if (badQuery) return badQuery;
	const year = yearParam(url);
	if (year instanceof Response) return year;
	const category = url.searchParams.get('category');
	return withReport(
		() => gapsReport(getDb(), params.area, areaOptions(url, year)),
		(report) => {
			const rows = category
				? report.rows.filter((r) => r.category?.toLowerCase() === category.toLowerCase())
				: report.rows;
			if (wantsCsv(url)) {
				return csvResponse(
					gapsCsv(rows, report.representation.groups),
					`gaps-${report.area.code}-${report.year}.csv`
				);
			}
			return json(rows);
		}
	);
};

import { json } from '@sveltejs/kit';
import { checkQuery, paged, wantsCsv, withReport, yearParam } from '$lib/server/api';
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
			const matching = category
				? report.rows.filter((r) => r.category?.toLowerCase() === category.toLowerCase())
				: report.rows;
			// JSON comes a page at a time (the whole area is ~2 MB, more than a phone or a busy
			// server wants per request); the CSV is a download of every row unless limited.
			const csv = wantsCsv(url);
			const page = paged(matching, url, csv);
			if (csv) {
				const res = csvResponse(
					gapsCsv(page.rows, report.representation.groups),
					`gaps-${report.area.code}-${report.year}.csv`
				);
				for (const [k, v] of Object.entries(page.headers)) res.headers.set(k, v);
				return res;
			}
			return json(page.rows, { headers: page.headers });
		}
	);
};

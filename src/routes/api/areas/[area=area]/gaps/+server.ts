import { json } from '@sveltejs/kit';
import { wantsCsv, withReport, yearParam } from '$lib/server/api';
import { csvResponse } from '$lib/server/csv-out';
import { getDb } from '$lib/server/db';
import { gapsReport } from '$lib/server/reports/gaps';
import { gapsCsv } from '$lib/server/reports/gaps-csv';
import { gapsOptions } from '$lib/server/reports/gaps-params';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const year = yearParam(url);
	if (year instanceof Response) return year;
	const category = url.searchParams.get('category');
	return withReport(
		() => gapsReport(getDb(), params.area, gapsOptions(url, year)),
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

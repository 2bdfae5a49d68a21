/** The region table as CSV: exactly the rows (after filters, all of them) and columns shown. */
import { error } from '@sveltejs/kit';
import { csvResponse } from '$lib/server/csv-out';
import { getDb } from '$lib/server/db';
import { areaOptions, yearFromUrl } from '$lib/server/reports/area-options';
import { ReportError } from '$lib/server/reports/region';
import { profileCsv, readProfileFilter } from '$lib/server/reports/views/region';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	try {
		const options = areaOptions(url, yearFromUrl(url));
		const csv = profileCsv(getDb(), params.area, readProfileFilter(url), options);
		return csvResponse(csv.body, csv.fileName);
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.message);
		throw e;
	}
};

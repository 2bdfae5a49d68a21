import { json } from '@sveltejs/kit';
import { checkQuery, wantsCsv } from '$lib/server/api';
import { csvResponse, toCsv } from '$lib/server/csv-out';
import { getDb } from '$lib/server/db';
import { listAreas } from '$lib/server/db/queries/oews';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const badQuery = checkQuery(url, '/api/areas', 'get');
	if (badQuery) return badQuery;
	const areas = listAreas(getDb()).map((a) => ({
		code: a.code,
		title: a.title,
		type: a.type,
		state: a.state,
		years: a.years,
		completeYears: a.completeYears
	}));
	if (wantsCsv(url)) {
		return csvResponse(
			toCsv(
				['code', 'title', 'type', 'state', 'years'],
				areas.map((a) => [a.code, a.title, a.type, a.state, a.years.join(' ')])
			),
			'areas.csv'
		);
	}
	return json(areas);
};

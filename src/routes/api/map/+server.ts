import { json } from '@sveltejs/kit';
import { checkQuery, yearParam } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import { metroMap } from '$lib/server/reports/metro-map';
import type { RequestHandler } from './$types';

/** The metro map's figures for a year (default: the year with the most metros). */
export const GET: RequestHandler = ({ url }) => {
	const badQuery = checkQuery(url, '/api/map', 'get');
	if (badQuery) return badQuery;
	const year = yearParam(url);
	if (year instanceof Response) return year;
	return json(metroMap(getDb(), year));
};

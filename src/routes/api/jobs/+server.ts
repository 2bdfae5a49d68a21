import { json } from '@sveltejs/kit';
import { listJobs } from '$lib/server/jobs';
import { checkQuery } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** Imports started from the data page since the server started (newest first). */
export const GET: RequestHandler = ({ url }) => {
	const badQuery = checkQuery(url, '/api/jobs', 'get');
	if (badQuery) return badQuery;
	return json(listJobs());
};

import { json } from '@sveltejs/kit';
import { requireEditor } from '$lib/server/auth';
import { listJobs } from '$lib/server/jobs';
import { checkQuery } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** Import jobs, newest first: editors only (they name uploads, files and who sent them). */
export const GET: RequestHandler = (event) => {
	const badQuery = checkQuery(event.url, '/api/jobs', 'get');
	if (badQuery) return badQuery;
	return requireEditor(event) ?? json(listJobs());
};

import { json } from '@sveltejs/kit';
import { apiError, checkQuery } from '$lib/server/api';
import { requireEditor } from '$lib/server/auth';
import { getJob } from '$lib/server/jobs';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const badQuery = checkQuery(event.url, '/api/jobs/{id}', 'get');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	const job = getJob(event.params.id);
	return job ? json(job) : apiError(404, 'No such import job.');
};

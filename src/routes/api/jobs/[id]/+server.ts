import { json } from '@sveltejs/kit';
import { apiError, checkQuery } from '$lib/server/api';
import { getJob } from '$lib/server/jobs';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const badQuery = checkQuery(url, '/api/jobs/{id}', 'get');
	if (badQuery) return badQuery;
	const job = getJob(params.id);
	return job
		? json(job)
		: apiError(404, 'No such import job (finished jobs are kept until a restart).');
};

import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/api';
import { getJob } from '$lib/server/jobs';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => {
	const job = getJob(params.id);
	return job
		? json(job)
		: apiError(404, 'No such import job (finished jobs are kept until a restart).');
};

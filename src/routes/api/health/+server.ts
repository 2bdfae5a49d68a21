import { json } from '@sveltejs/kit';
import { checkQuery } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const badQuery = checkQuery(url, '/api/health', 'get');
	if (badQuery) return badQuery;
	return json({ ok: true });
};

import { json } from '@sveltejs/kit';
import { checkQuery } from '$lib/server/api';
import { openApiDocument } from '$lib/server/openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	checkQuery(url, '/api/openapi.json') ??
	json(openApiDocument, { headers: { 'access-control-allow-origin': '*' } });

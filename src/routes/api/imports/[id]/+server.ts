import { json } from '@sveltejs/kit';
import { apiError, checkQuery } from '$lib/server/api';
import { requireEditor } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { refuseWhileImporting } from '$lib/server/jobs';
import { deleteImportRun } from '$lib/server/db/queries/imports';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = (event) => {
	const badQuery = checkQuery(event.url, '/api/imports/{id}', 'delete');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	const busy = refuseWhileImporting();
	if (busy) return busy;
	const { params } = event;
	if (!/^\d{1,9}$/.test(params.id)) return apiError(400, 'the import id must be a number');
	const deleted = deleteImportRun(getDb(), Number(params.id));
	if (!deleted) return apiError(404, `No import with id ${params.id}.`);
	return json({ deleted: Number(params.id) });
};

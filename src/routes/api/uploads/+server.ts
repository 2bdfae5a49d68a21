import { json } from '@sveltejs/kit';
import { apiError, checkQuery } from '$lib/server/api';
import { requireEditor } from '$lib/server/auth';
import { stageFiles, UploadError } from '$lib/server/uploads';
import type { RequestHandler } from './$types';

/**
 * Receives files for the data page without importing them (multipart, field `file`): each is
 * streamed to the staging folder and gets an id to preview, map and import.
 */
export const POST: RequestHandler = async (event) => {
	const badQuery = checkQuery(event.url, '/api/uploads', 'post');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	try {
		const staged = await stageFiles(event.request);
		return json(
			{ files: staged.map((s) => ({ id: s.id, file: s.original, size: s.size })) },
			{ status: 201 }
		);
	} catch (e) {
		if (e instanceof UploadError) return apiError(e.status, e.message);
		throw e;
	}
};

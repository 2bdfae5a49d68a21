import { json } from '@sveltejs/kit';
import { apiError, checkQuery } from '$lib/server/api';
import { editorName, requireEditor } from '$lib/server/auth';
import { isColumnMap } from '$lib/server/import/preview';
import { isQueued, startImport } from '$lib/server/jobs';
import { findStaged } from '$lib/server/uploads';
import type { RequestHandler } from './$types';

/**
 * Starts importing a staged upload in the background:
 * `{"year"?, "columnMap"?, "remember"?, "replace"?}`.
 * Answers 202 with the job; follow it at /api/jobs/{id}/events (server-sent events).
 */
export const POST: RequestHandler = async (event) => {
	const badQuery = checkQuery(event.url, '/api/uploads/{id}/import', 'post');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	let body: Record<string, unknown> = {};
	const text = await event.request.text();
	if (text.trim() !== '') {
		try {
			body = JSON.parse(text) as Record<string, unknown>;
		} catch {
			return apiError(400, 'Send JSON: {"year": 2024, "columnMap": {...}, "remember": true}');
		}
		if (!body || typeof body !== 'object' || Array.isArray(body)) {
			return apiError(400, 'Send a JSON object');
		}
	}
	const { year, columnMap, remember, replace } = body;
	if (
		year !== undefined &&
		year !== null &&
		!(Number.isInteger(year) && (year as number) >= 1900 && (year as number) <= 2100)
	) {
		return apiError(400, 'year must be a four-digit year');
	}
	if (columnMap !== undefined && !isColumnMap(columnMap)) {
		return apiError(400, 'columnMap must map column names to field names');
	}
	const map = columnMap
		? Object.fromEntries(Object.entries(columnMap).filter(([, v]) => v !== ''))
		: undefined;
	// No await from here to the start: two quick requests cannot both queue the same upload.
	const staged = findStaged(event.params.id);
	if (!staged)
		return apiError(404, 'No such upload (uploads not imported are cleared after a day).');
	if (isQueued(staged.id)) return apiError(409, 'This upload is already being imported.');
	const job = startImport(
		staged,
		{
			year: typeof year === 'number' ? year : undefined,
			columnMap: map && Object.keys(map).length > 0 ? map : undefined,
			remember: remember === true,
			replace: replace === true
		},
		editorName(event)
	);
	return json(job, { status: 202 });
};

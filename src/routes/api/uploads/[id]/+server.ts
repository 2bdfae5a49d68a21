import { json } from '@sveltejs/kit';
import { apiError, checkQuery } from '$lib/server/api';
import { requireEditor } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { isColumnMap, previewUpload } from '$lib/server/import/preview';
import { isQueued } from '$lib/server/jobs';
import { discardStaged, findStaged } from '$lib/server/uploads';
import type { RequestHandler } from './$types';

/**
 * The preview of a staged upload: detected source and year, the first rows as they will be read,
 * problems in a sample. `?map={"their column":"our field"}` tries a column mapping;
 * `?year=2024` gives the year when the file name does not; `?replace=true` checks it as an
 * import that replaces figures already held for the same area-years.
 */
export const GET: RequestHandler = async (event) => {
	const badQuery = checkQuery(event.url, '/api/uploads/{id}', 'get');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	const staged = findStaged(event.params.id);
	if (!staged)
		return apiError(404, 'No such upload (uploads not imported are cleared after a day).');
	const url = event.url;
	let columnMap: Record<string, string> | undefined;
	const rawMap = url.searchParams.get('map');
	if (rawMap) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(rawMap);
		} catch {
			return apiError(400, 'map must be JSON: {"their column": "our field"}');
		}
		if (!isColumnMap(parsed)) return apiError(400, 'map must map column names to field names');
		columnMap = Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== ''));
	}
	const rawYear = url.searchParams.get('year');
	if (rawYear && !/^\d{4}$/.test(rawYear)) return apiError(400, 'year must be a four-digit year');
	const preview = await previewUpload(getDb(), staged.path, {
		fileName: staged.original,
		columnMap,
		year: rawYear ? Number(rawYear) : undefined,
		replace: url.searchParams.get('replace') === 'true'
	});
	return json({ id: staged.id, ...preview });
};

/** Discards a staged upload that was not imported. */
export const DELETE: RequestHandler = (event) => {
	const badQuery = checkQuery(event.url, '/api/uploads/{id}', 'delete');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	if (isQueued(event.params.id)) return apiError(409, 'This upload is being imported.');
	if (!discardStaged(event.params.id)) return apiError(404, 'No such upload.');
	return json({ discarded: event.params.id });
};

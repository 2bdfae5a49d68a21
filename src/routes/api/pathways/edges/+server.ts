import { json } from '@sveltejs/kit';
import { apiError, checkQuery } from '$lib/server/api';
import { editorName, requireEditor } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { refuseWhileImporting } from '$lib/server/jobs';
import { saveCuratedEdit } from '$lib/server/db/queries/curated';
import { isAreaCode, isSocCode } from '$lib/domain/codes';
import type { RequestHandler } from './$types';

/** Adds or removes a pathway edge as a curated edit (editors only). */
export const POST: RequestHandler = async (event) => {
	const badQuery = checkQuery(event.url, '/api/pathways/edges', 'post');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	const busy = refuseWhileImporting();
	if (busy) return busy;
	const { request } = event;
	let body: Record<string, unknown>;
	try {
		body = (await request.json()) as Record<string, unknown>;
	} catch {
		return apiError(
			400,
			'Send JSON: {"from":"15-1232","to":"15-1212","note":"why","remove":false}'
		);
	}
	const { from, to, note, remove, area } = body;
	if (typeof from !== 'string' || !isSocCode(from) || typeof to !== 'string' || !isSocCode(to)) {
		return apiError(400, 'from and to must be SOC codes like 15-1232');
	}
	if (from === to) return apiError(400, 'from and to must differ');
	if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 1000)) {
		return apiError(400, 'note must be text of at most 1,000 characters');
	}
	if (area !== undefined && area !== null && (typeof area !== 'string' || !isAreaCode(area))) {
		return apiError(400, 'area must be an area code');
	}
	const runId = saveCuratedEdit(getDb(), {
		from,
		to,
		note: (note as string | undefined) ?? null,
		remove: remove === true,
		area: (area as string | undefined) ?? null,
		by: editorName(event)
	});
	return json({ runId, from, to, removed: remove === true }, { status: 201 });
};

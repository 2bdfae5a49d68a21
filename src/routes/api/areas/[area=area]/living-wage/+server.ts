import { json } from '@sveltejs/kit';
import { apiError, checkQuery } from '$lib/server/api';
import { editorName, requireEditor } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { refuseWhileImporting } from '$lib/server/jobs';
import { getArea } from '$lib/server/db/queries/oews';
import { clearLivingWage, livingWageFor, setLivingWage } from '$lib/server/db/queries/sources';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const badQuery = checkQuery(url, '/api/areas/{area}/living-wage', 'get');
	if (badQuery) return badQuery;
	const db = getDb();
	if (!getArea(db, params.area))
		return apiError(404, `No area with code ${params.area} in the database.`);
	return json(livingWageFor(db, params.area));
};

export const PUT: RequestHandler = async (event) => {
	const badQuery = checkQuery(event.url, '/api/areas/{area}/living-wage', 'put');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	const busy = refuseWhileImporting();
	if (busy) return busy;
	const { params, request } = event;
	const db = getDb();
	if (!getArea(db, params.area))
		return apiError(404, `No area with code ${params.area} in the database.`);
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return apiError(
			400,
			'Send JSON: {"annualWage": 52000, "source": "where the figure comes from"}'
		);
	}
	const { annualWage, source } = (body ?? {}) as { annualWage?: unknown; source?: unknown };
	if (
		typeof annualWage !== 'number' ||
		!Number.isFinite(annualWage) ||
		annualWage <= 0 ||
		annualWage > 10_000_000
	) {
		return apiError(400, 'annualWage must be a positive number of dollars a year');
	}
	if (source !== undefined && (typeof source !== 'string' || source.length > 500)) {
		return apiError(400, 'source must be text of at most 500 characters');
	}
	setLivingWage(
		db,
		params.area,
		annualWage,
		(source as string | undefined) ?? null,
		editorName(event)
	);
	return json(livingWageFor(db, params.area));
};

/** Removes the area's living wage: its occupations are no longer compared with one. */
export const DELETE: RequestHandler = (event) => {
	const badQuery = checkQuery(event.url, '/api/areas/{area}/living-wage', 'delete');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	const busy = refuseWhileImporting();
	if (busy) return busy;
	const db = getDb();
	if (!getArea(db, event.params.area))
		return apiError(404, `No area with code ${event.params.area} in the database.`);
	if (!clearLivingWage(db, event.params.area))
		return apiError(404, `No living wage is set for area ${event.params.area}.`);
	return json({ area: event.params.area, removed: true });
};

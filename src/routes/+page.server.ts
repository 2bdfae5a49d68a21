import { getDb } from '$lib/server/db';
import { aliasesByArea, listAreas } from '$lib/server/db/queries/oews';
import type { PageServerLoad } from './$types';

export const load = (() => {
	const db = getDb();
	/** Every area with OEWS estimates, with the CBSA codes that also find it. */
	const aliases = aliasesByArea(db);
	const areas = listAreas(db).map((a) => ({ ...a, aliases: aliases.get(a.code) ?? [] }));
	return { areas };
}) satisfies PageServerLoad;

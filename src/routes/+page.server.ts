import { getDb } from '$lib/server/db';
import { listAreas } from '$lib/server/db/queries/oews';
import type { PageServerLoad } from './$types';

export const load = (() => {
	/** Every area with OEWS estimates, the nation first, then states, then metros. */
	const areas = listAreas(getDb());
	return { areas };
}) satisfies PageServerLoad;

import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { resolveAreaAlias } from '$lib/server/db/queries/oews';
import { areaOptions, yearFromUrl } from '$lib/server/reports/area-options';
import { profile, readProfileFilter } from '$lib/server/reports/views/region';
import { ReportError } from '$lib/server/reports/region';
import type { PageServerLoad } from './$types';

export const load = (({ params, url }) => {
	const db = getDb();
	const year = yearFromUrl(url);
	const filter = readProfileFilter(url);
	try {
		/** Cards, the filtered table and everything the page needs to say where figures come from. */
		const data = profile(db, params.area, filter, areaOptions(url, year));
		return { ...data, filter };
	} catch (e) {
		if (e instanceof ReportError) {
			const alias =
				e.status === 404 && year === undefined ? resolveAreaAlias(db, params.area) : null;
			if (alias) redirect(307, localizeHref(`/regions/${alias}${url.search}`));
			error(e.status, e.message);
		}
		throw e;
	}
}) satisfies PageServerLoad;

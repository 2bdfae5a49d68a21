import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { areaOptions, yearFromUrl } from '$lib/server/reports/area-options';
import { occupationPage, programOptionsFromUrl } from '$lib/server/reports/views/occupation';
import { ReportError } from '$lib/server/reports/region';
import type { PageServerLoad } from './$types';

export const load = (({ params, url }) => {
	try {
		/** The occupation's wages, demand, supply, representation, skills, related jobs and programs. */
		return occupationPage(
			getDb(),
			params.area,
			params.soc,
			areaOptions(url, yearFromUrl(url)),
			programOptionsFromUrl(url)
		);
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.message);
		throw e;
	}
}) satisfies PageServerLoad;

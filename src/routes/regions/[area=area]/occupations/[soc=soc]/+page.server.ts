import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { gapsOptions } from '$lib/server/reports/gaps-params';
import { occupationPage } from '$lib/server/reports/occupation';
import { ReportError } from '$lib/server/reports/region';
import type { PageServerLoad } from './$types';

export const load = (({ params, url }) => {
	const yearText = url.searchParams.get('year');
	const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
	try {
		/** The occupation's wages, demand, supply, representation, skills, related jobs and programs. */
		return occupationPage(getDb(), params.area, params.soc, gapsOptions(url, year));
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.message);
		throw e;
	}
}) satisfies PageServerLoad;

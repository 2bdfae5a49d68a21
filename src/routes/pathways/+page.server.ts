import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { ReportError } from '$lib/server/reports/region';
import { pathwaysPage } from '$lib/server/reports/views/pathways-load';
import type { PageServerLoad } from './$types';

export type { PickProblem } from '$lib/server/reports/views/pathways-load';

export const load = (({ url }) => {
	let page: ReturnType<typeof pathwaysPage>;
	try {
		page = pathwaysPage(getDb(), url);
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.message);
		throw e;
	}
	if (page.redirect !== null) redirect(303, page.redirect);
	return page.data;
}) satisfies PageServerLoad;

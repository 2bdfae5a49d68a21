import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { ReportError } from '$lib/server/reports/region';
import { comparePage } from '$lib/server/reports/views/compare-page';
import type { PageServerLoad } from './$types';

export const load = (({ url }) => {
	try {
		return comparePage(getDb(), url.searchParams);
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.message);
		throw e;
	}
}) satisfies PageServerLoad;

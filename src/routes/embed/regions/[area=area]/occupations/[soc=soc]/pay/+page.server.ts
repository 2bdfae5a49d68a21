import { getDb } from '$lib/server/db';
import { areaOptions, yearFromUrl } from '$lib/server/reports/area-options';
import { occupationPage } from '$lib/server/reports/views/occupation';
import { orPageError } from '$lib/server/reports/views/region-summary';
import type { PageServerLoad } from './$types';

/** The occupation page's data: its pay panel is drawn from the same figures. */
export const load = (({ params, url }) =>
	orPageError(() =>
		occupationPage(getDb(), params.area, params.soc, areaOptions(url, yearFromUrl(url)))
	)) satisfies PageServerLoad;

import { error } from '@sveltejs/kit';
import { isAreaCode } from '$lib/domain/codes';
import { getDb } from '$lib/server/db';
import { pathwaysReport, readPathwayOptions } from '$lib/server/reports/views/pathways';
import { pathwaysPageReport } from '$lib/server/reports/views/pathways-page';
import { orPageError } from '$lib/server/reports/views/region-summary';
import type { PageServerLoad } from './$types';

/** One route between two occupations, as the pathways page lists it (same options, same report). */
export const load = (({ url }) => {
	const area = url.searchParams.get('area') ?? '';
	if (!isAreaCode(area)) error(400, 'area must be an area code, e.g. area=31080.');
	const options = readPathwayOptions(url);
	if (!options.from || !options.to) {
		error(400, 'from and to must be SOC codes, e.g. from=43-4051&to=15-1232.');
	}
	const report = orPageError(() => pathwaysReport(getDb(), area, options));
	return {
		report: pathwaysPageReport(report, [options.from, options.to], url.searchParams.get('route')),
		options: {
			...options,
			category: url.searchParams.get('category') ?? '',
			focus: url.searchParams.get('focus') ?? '',
			color: url.searchParams.get('color') === 'gap' ? ('gap' as const) : ('wage' as const)
		}
	};
}) satisfies PageServerLoad;

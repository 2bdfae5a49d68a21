import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listAreas } from '$lib/server/db/queries/oews';
import {
	pathwayNodeDetails,
	pathwaysReport,
	readPathwayOptions
} from '$lib/server/reports/views/pathways';
import { ReportError } from '$lib/server/reports/region';
import { isAreaCode } from '$lib/domain/codes';
import type { PageServerLoad } from './$types';

export const load = (({ url }) => {
	const db = getDb();
	const areas = listAreas(db).map((a) => ({ code: a.code, title: a.title }));
	const area =
		url.searchParams.get('area') ?? areas.find((a) => a.code !== '99')?.code ?? areas[0]?.code;
	if (!area) error(404, 'No areas in the database yet: import OEWS files first.');
	if (!isAreaCode(area)) error(400, 'area must be an area code');
	const options = readPathwayOptions(url);
	try {
		const report = pathwaysReport(db, area, options);
		const node = url.searchParams.get('node');
		return {
			areas,
			report,
			options: {
				...options,
				category: url.searchParams.get('category') ?? '',
				focus: url.searchParams.get('focus') ?? '',
				color: url.searchParams.get('color') === 'gap' ? 'gap' : 'wage'
			},
			// Only for a link that names a node: a click on the map fetches /api/pathways/node.
			details:
				node && report.choices.some((c) => c.soc === node)
					? pathwayNodeDetails(db, area, node, { year: report.year })
					: null
		};
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.message);
		throw e;
	}
}) satisfies PageServerLoad;

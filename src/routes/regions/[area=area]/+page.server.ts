import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { resolveAreaAlias } from '$lib/server/db/queries/oews';
import {
	filterRows,
	majorGroups,
	regionReport,
	ReportError,
	type RowFilter,
	type SortKey
} from '$lib/server/reports/region';
import type { PageServerLoad } from './$types';

const SORTS: SortKey[] = ['employment', 'lq', 'median', 'title', 'soc'];

function readFilter(url: URL): RowFilter {
	const p = url.searchParams;
	const sort = p.get('sort') as SortKey | null;
	const dir = p.get('dir');
	const group = p.get('group') ?? '';
	return {
		q: p.get('q') ?? '',
		group: /^\d{2}$/.test(group) ? group : '',
		level: p.get('level') === 'all' ? 'all' : 'detailed',
		sort: sort && SORTS.includes(sort) ? sort : 'employment',
		dir: dir === 'asc' || dir === 'desc' ? dir : undefined
	};
}

export const load = (({ params, url }) => {
	const db = getDb();
	const yearText = url.searchParams.get('year');
	const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
	let report;
	try {
		report = regionReport(db, params.area, year);
	} catch (e) {
		if (e instanceof ReportError) {
			const alias =
				e.status === 404 && year === undefined ? resolveAreaAlias(db, params.area) : null;
			if (alias) redirect(307, `/regions/${alias}${url.search}`);
			error(e.status, e.message);
		}
		throw e;
	}
	const filter = readFilter(url);
	const shown = filterRows(report.rows, filter);
	const largest = shown
		.filter((r) => r.level === 'detailed')
		.filter((r) => r.employment !== null)
		.sort((a, b) => b.employment! - a.employment!)
		.slice(0, 15);
	const { rows, ...rest } = report;
	return {
		/** Area, year, totals, top-code caps and sources of the report. */
		report: rest,
		/** Rows after the filter and sort in the URL. */
		rows: shown,
		/** How many rows the level filter alone would show, to say "12 of 735". */
		totalRows: rows.filter((r) => filter.level === 'all' || r.level === 'detailed').length,
		/** The filter as read from the URL (the page's state). */
		filter,
		groups: majorGroups(rows),
		/** The 15 largest detailed occupations among those shown, for the wage-range chart. */
		largest
	};
}) satisfies PageServerLoad;

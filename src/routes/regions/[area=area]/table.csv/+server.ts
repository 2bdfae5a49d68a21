/** The region table as CSV: exactly the rows (after filters, all of them) and columns shown. */
import { error } from '@sveltejs/kit';
import { csvResponse, toCsv, type CsvCell } from '$lib/server/csv-out';
import { getDb } from '$lib/server/db';
import { gapsOptions } from '$lib/server/reports/gaps-params';
import {
	profile,
	readProfileFilter,
	type TableColumn,
	type TableRow
} from '$lib/server/reports/profile';
import { ReportError } from '$lib/server/reports/region';
import type { RequestHandler } from './$types';

const round = (x: number | null, d = 2) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

const COLUMNS: Record<TableColumn, [string, (r: TableRow) => CsvCell][]> = {
	category: [['category', (r) => r.category]],
	employment: [
		['employment', (r) => r.employment],
		['employment_status', (r) => r.employmentStatus]
	],
	lq: [['location_quotient', (r) => round(r.lq)]],
	openings: [
		['openings_per_year', (r) => round(r.openings, 1)],
		['openings_method', (r) => r.openingsMethod]
	],
	supply: [['supply_per_year', (r) => round(r.supply, 1)]],
	gap: [['supply_gap', (r) => round(r.supplyGap, 1)]],
	median: [
		['median_annual_wage', (r) => r.median],
		['median_status', (r) => r.medianStatus]
	],
	range: [
		['p10_annual_wage', (r) => r.p10],
		['p10_status', (r) => r.p10Status],
		['p90_annual_wage', (r) => r.p90],
		['p90_status', (r) => r.p90Status]
	],
	wageRatio: [['wage_to_regional_median', (r) => round(r.wageToRegional)]],
	living: [['entry_wage_to_living_wage', (r) => round(r.livingWageRatio)]],
	education: [['typical_entry_education', (r) => r.entryEducation]],
	representation: [
		[
			'under_represented',
			(r) =>
				r.representation
					.filter((g) => g.flag === 'under-represented')
					.map((g) => `${g.group} (${round(g.parityIndex)})`)
					.join('; ')
		]
	],
	score: [['priority_score', (r) => round(r.score, 1)]]
};

export const GET: RequestHandler = ({ params, url }) => {
	const yearText = url.searchParams.get('year');
	const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
	const filter = { ...readProfileFilter(url), limit: 10_000 };
	try {
		const data = profile(getDb(), params.area, filter, gapsOptions(url, year));
		const columns: [string, (r: TableRow) => CsvCell][] = [
			['soc', (r) => r.soc],
			['title', (r) => r.title],
			...filter.columns.flatMap((c) => COLUMNS[c])
		];
		const body = toCsv(
			columns.map(([name]) => name),
			data.rows.map((r) => columns.map(([, get]) => get(r)))
		);
		return csvResponse(body, `occupations-${data.report.area.code}-${data.report.year}.csv`);
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.message);
		throw e;
	}
};

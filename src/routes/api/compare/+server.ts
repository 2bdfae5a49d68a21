import { json } from '@sveltejs/kit';
import { apiError, checkQuery, withReport, yearParam } from '$lib/server/api';
import { csvResponse, download, toCsv } from '$lib/server/csv-out';
import { getDb } from '$lib/server/db';
import { compareReport } from '$lib/server/reports/views/compare';
import { compareTable, type CompareTable } from '$lib/server/reports/views/compare-export';
import { ReportError } from '$lib/server/reports/region';
import { toXlsx, XLSX_TYPE } from '$lib/server/xlsx-out';
import { isAreaCode } from '$lib/domain/codes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const badQuery = checkQuery(url, '/api/compare', 'get');
	if (badQuery) return badQuery;
	const year = yearParam(url);
	if (year instanceof Response) return year;
	const areas = (url.searchParams.get('areas') ?? '')
		.split(',')
		.map((a) => a.trim())
		.filter(Boolean);
	if (areas.length < 2 || areas.length > 6 || areas.some((a) => !isAreaCode(a))) {
		return apiError(
			400,
			'areas must list 2 to 6 area codes separated by commas, e.g. ?areas=31080,99'
		);
	}
	const format = url.searchParams.get('format') || 'json';
	if (format === 'json') {
		return withReport(
			() => compareReport(getDb(), areas, year),
			(report) => json(report)
		);
	}
	let table: CompareTable;
	try {
		table = compareTable(getDb(), areas, year);
	} catch (e) {
		if (e instanceof ReportError) return apiError(e.status, e.message);
		throw e;
	}
	if (format === 'csv') {
		return csvResponse(toCsv(table.header, table.rows, table.about), `${table.baseName}.csv`);
	}
	// The query check admits only json, csv and xlsx.
	const body = await toXlsx([
		{ name: 'Comparison', header: table.header, rows: table.rows },
		{ name: 'About', rows: table.about.map((line) => [line]) }
	]);
	return download(body, XLSX_TYPE, `${table.baseName}.xlsx`);
};

import { error } from '@sveltejs/kit';
import { columnFor, type Cell } from '$lib/domain/columns';
import { isAreaCode } from '$lib/domain/codes';
import type { AreaRow } from '$lib/domain/rows';
import { getDb } from '$lib/server/db';
import { aliasesByArea, listAreas, resolveAreaAlias } from '$lib/server/db/queries/oews';
import {
	compareFromModels,
	compareModels,
	nationalLq,
	sharedYears
} from '$lib/server/reports/views/compare';
import { ReportError } from '$lib/server/reports/region';
import { COMPARE_COLUMNS, readCompareSort, sortCompareRows } from './sort';
import type { PageServerLoad } from './$types';

/** An area's row as the compare table's cells, the nation's LQ shown as the 1 it is. */
function cells(code: string, r: AreaRow): Cell[] {
	return COMPARE_COLUMNS.map((key) => {
		const cell = columnFor(key).cell(r);
		return cell.format === 'lq' && nationalLq(code, r.lq) !== r.lq
			? { ...cell, value: 1, status: 'published', unstable: false }
			: cell;
	});
}

export const load = (({ url }) => {
	const db = getDb();
	const known = new Set(listAreas(db).map((a) => a.code));
	// A CBSA code people know (Boston 14460) finds the area OEWS publishes (NECTA 71650).
	const picked = [
		...new Set(
			[...url.searchParams.getAll('area'), ...(url.searchParams.get('areas') ?? '').split(',')]
				.map((a) => a.trim())
				.filter(isAreaCode)
				.map((a) => (known.has(a) ? a : (resolveAreaAlias(db, a) ?? a)))
		)
	].slice(0, 6);
	const years = sharedYears(db, picked);
	const yearText = url.searchParams.get('year');
	const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
	const scope = url.searchParams.get('scope') === 'all' ? 'all' : 'digital';
	const sort = readCompareSort(url.searchParams, picked);
	/** Every area, for the picker. */
	const aliases = aliasesByArea(db);
	const areas = listAreas(db).map((a) => ({
		aliases: aliases.get(a.code) ?? [],
		code: a.code,
		title: a.title,
		type: a.type,
		state: a.state,
		years: a.years
	}));
	const base = { areas, picked, years, year: year ?? null, scope, sort };
	if (picked.length < 2) return { ...base, report: null };
	try {
		const built = compareModels(db, picked, year);
		const report = compareFromModels(built);
		const byCode = built.models.map((model) => new Map(model.rows.map((r) => [r.soc, r])));
		/** Occupations to show: digital ones by default, the largest by combined employment. */
		const shown = report.occupations
			.filter((o) => scope === 'all' || o.category !== null)
			.map((o) => {
				const rows = byCode.map((rowsOf) => rowsOf.get(o.soc) ?? null);
				return {
					soc: o.soc,
					title: o.title,
					category: o.category,
					jobs: rows.reduce((s, r) => s + (r?.employment ?? 0), 0),
					byArea: rows.map((r, i) =>
						r
							? {
									cells: cells(built.codes[i]!, r),
									sort: COMPARE_COLUMNS.map((key) => columnFor(key).sort(r))
								}
							: null
					)
				};
			});
		const occupations = sortCompareRows(
			sortCompareRows(shown, { key: 'jobs', dir: 'desc' }, built.codes).slice(
				0,
				scope === 'all' ? 60 : 40
			),
			sort,
			built.codes
		).map((o) => ({
			soc: o.soc,
			title: o.title,
			category: o.category,
			byArea: o.byArea.map((a) => a?.cells ?? null)
		}));
		return {
			...base,
			report: {
				yearChoice: report.yearChoice,
				areas: report.areas,
				columns: COMPARE_COLUMNS,
				caps: built.models.map((m) => m.oews.topCode?.annual ?? null),
				occupations
			}
		};
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.message);
		throw e;
	}
}) satisfies PageServerLoad;

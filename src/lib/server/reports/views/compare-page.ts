/**
 * The compare page: the areas asked for in the URL (at most six, CBSA codes people know resolved
 * to the areas OEWS publishes), the years they share, and the occupation table in the URL's sort.
 */
import { columnFor, type Cell } from '../../../domain/columns';
import { isAreaCode } from '../../../domain/codes';
import { COMPARE_COLUMNS, readCompareSort, sortCompareRows } from '../../../domain/compare-sort';
import type { AreaRow } from '../../../domain/rows';
import type { Db } from '../../db/client';
import { aliasesByArea, listAreas, resolveAreaAlias } from '../../db/queries/oews';
import { compareFromModels, compareModels, nationalLq, sharedYears } from './compare';

/** An area's row as the compare table's cells, the nation's LQ shown as the 1 it is. */
function cells(code: string, r: AreaRow): Cell[] {
	return COMPARE_COLUMNS.map((key) => {
		const cell = columnFor(key).cell(r);
		return cell.format === 'lq' && nationalLq(code, r.lq) !== r.lq
			? { ...cell, value: 1, status: 'published', unstable: false }
			: cell;
	});
}

/** The areas picked in `?area=…&area=…` or `?areas=a,b`, known codes or their aliases, ≤ 6. */
function pickedAreas(db: Db, params: URLSearchParams, known: Set<string>): string[] {
	return [
		...new Set(
			[...params.getAll('area'), ...(params.get('areas') ?? '').split(',')]
				.map((a) => a.trim())
				.filter(isAreaCode)
				.map((a) => (known.has(a) ? a : (resolveAreaAlias(db, a) ?? a)))
		)
	].slice(0, 6);
}

export function comparePage(db: Db, params: URLSearchParams) {
	const listed = listAreas(db);
	const picked = pickedAreas(db, params, new Set(listed.map((a) => a.code)));
	const years = sharedYears(db, picked);
	const yearText = params.get('year');
	const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
	const scope: 'all' | 'digital' = params.get('scope') === 'all' ? 'all' : 'digital';
	const sort = readCompareSort(params, picked);
	/** Every area, for the picker. */
	const aliases = aliasesByArea(db);
	const areas = listed.map((a) => ({
		aliases: aliases.get(a.code) ?? [],
		code: a.code,
		title: a.title,
		type: a.type,
		state: a.state,
		years: a.years
	}));
	const base = { areas, picked, years, year: year ?? null, scope, sort };
	if (picked.length < 2) return { ...base, report: null };
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
}

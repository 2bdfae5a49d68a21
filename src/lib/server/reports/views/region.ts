/**
 * The region page: headline cards and the gaps table, filtered and sorted as the URL says. Rows
 * carry only the cells of the chosen columns (from the column registry), so the page stays light
 * on a phone; the table's CSV reads the same registry.
 */
import {
	COLUMNS,
	columnFor,
	csvColumns,
	DEFAULT_COLUMNS,
	SORT_KEYS,
	sortNullsLast,
	sortValue,
	TABLE_COLUMNS,
	type Cell,
	type SortKey,
	type TableColumn
} from '../../../domain/columns';
import { MAJOR_GROUP_PATTERN, majorGroupOf } from '../../../domain/codes';
import {
	atLeastValue,
	type AreaRow,
	type FieldStatus,
	type WageRangePoint
} from '../../../domain/rows';
import { toCsv } from '../../csv-out';
import type { Db } from '../../db/client';
import { titleMatches } from '../../db/queries/occupation';
import { areaModel, type AreaModel, type AreaOptions } from '../area-model';
import { modelSummary, type GapsReport } from './gaps';
import { provenance, provenanceHeaders } from './provenance';

export { DEFAULT_COLUMNS, TABLE_COLUMNS, COLUMNS, type TableColumn };

export const FLAG_FILTERS = ['under', 'undersupplied', 'belowliving'] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

export interface ProfileFilter {
	q: string;
	group: string;
	category: string;
	education: string;
	minEmployment: number | null;
	flags: FlagFilter[];
	sort: SortKey;
	dir: 'asc' | 'desc';
	columns: TableColumn[];
	limit: number;
}

export interface TableRow {
	soc: string;
	title: string;
	/** One cell per chosen column, in the filter's column order. */
	cells: Cell[];
	/** Alternate title that matched the search, when the match was not in the title itself. */
	matchedTitle: string | null;
}

/**
 * Rows the region page shows before "Show all": the first screenfuls of the ranked table, so the
 * page stays under 100 KB of HTML (every row is sent twice, as markup and as the data the page
 * starts from: ~2 KB).
 */
export const FIRST_ROWS = 25;

export interface ProfileData {
	/** The report without the postings trend, which the page does not draw (37 KB for a metro). */
	report: Omit<GapsReport, 'rows' | 'postingsTrend'>;
	rows: TableRow[];
	/** Rows after filtering, before the limit. */
	matching: number;
	totalRows: number;
	groups: { code: string; title: string }[];
	categories: string[];
	educationLevels: string[];
	cards: {
		largestGaps: Pick<AreaRow, 'soc' | 'title' | 'openings' | 'supply' | 'supplyGap'>[];
		noDegree: {
			soc: string;
			title: string;
			median: number | null;
			medianStatus: FieldStatus;
			entryEducation: string | null;
			category: string | null;
		}[];
		/** Which jobs the no-degree card ranks: digital ones when any qualifies, else all. */
		noDegreeScope: 'digital' | 'all';
	};
	/** The 15 largest of the shown rows, for the wage-range chart. */
	wageChart: WageRangePoint[];
	topCode: number | null;
}

const DEGREE = /bachelor|master|doctoral|professional degree/i;

/** The model's rows that pass the filter, sorted; `matchedTitle` by SOC for alternate-title hits. */
function filterRows(
	db: Db,
	model: AreaModel,
	filter: ProfileFilter
): { rows: AreaRow[]; matchedTitles: Map<string, string> } {
	const q = filter.q.trim().toLowerCase();
	const alternates = q.length >= 3 ? titleMatches(db, q) : new Map<string, string>();
	const matchedTitles = new Map<string, string>();
	const rows = model.rows.filter((r) => {
		if (filter.group && majorGroupOf(r.soc) !== filter.group) return false;
		if (filter.category) {
			if (filter.category === 'digital' ? r.category === null : r.category !== filter.category)
				return false;
		}
		if (filter.education && r.entryEducation !== filter.education) return false;
		if (filter.minEmployment !== null && (r.employment ?? -1) < filter.minEmployment) return false;
		if (
			filter.flags.includes('under') &&
			!r.representation.some((c) => c.flag === 'under-represented')
		)
			return false;
		if (filter.flags.includes('undersupplied') && !((r.supplyGap ?? 0) > 0)) return false;
		if (
			filter.flags.includes('belowliving') &&
			!(r.livingWageRatio !== null && r.livingWageRatio < 1)
		)
			return false;
		if (q) {
			if (r.title.toLowerCase().includes(q) || r.soc.includes(q)) return true;
			const alt = alternates.get(r.soc);
			if (!alt) return false;
			matchedTitles.set(r.soc, alt);
		}
		return true;
	});
	sortNullsLast(rows, (r) => sortValue(filter.sort, r), filter.dir);
	return { rows, matchedTitles };
}

function cards(model: AreaModel): ProfileData['cards'] {
	const all = model.rows;
	const largestGaps = all
		.filter((r) => r.supplyGap !== null && r.supplyGap > 0)
		.sort((a, b) => b.supplyGap! - a.supplyGap!)
		.slice(0, 3)
		.map(({ soc, title, openings, supply, supplyGap }) => ({
			soc,
			title,
			openings,
			supply,
			supplyGap
		}));
	const digital = all.filter((r) => r.category !== null);
	const noDegreePool = digital.some((r) => r.entryEducation && !DEGREE.test(r.entryEducation))
		? digital
		: all;
	// A top-coded median ranks above every published one.
	const rankWage = (r: AreaRow) =>
		atLeastValue(r.oews.medianAnnualWage, r.oews.status.medianAnnualWage, Infinity) ?? -Infinity;
	const noDegree = noDegreePool
		.filter(
			(r) =>
				r.entryEducation !== null && !DEGREE.test(r.entryEducation) && rankWage(r) !== -Infinity
		)
		.sort((a, b) => rankWage(b) - rankWage(a))
		.slice(0, 5)
		.map((r) => ({
			soc: r.soc,
			title: r.title,
			median: r.oews.medianAnnualWage,
			medianStatus: r.oews.status.medianAnnualWage,
			entryEducation: r.entryEducation,
			category: r.category
		}));
	return { largestGaps, noDegree, noDegreeScope: noDegreePool === digital ? 'digital' : 'all' };
}

function wageChart(rows: readonly AreaRow[], cap: number | null): WageRangePoint[] {
	return rows
		.filter((r) => r.employment !== null)
		.sort((a, b) => b.employment! - a.employment!)
		.slice(0, 15)
		.map((r) => {
			const w = r.oews.annualWagePercentiles;
			const s = r.oews.status.annualWagePercentiles;
			return {
				soc: r.soc,
				title: r.title,
				employment: r.employment ?? 0,
				p10: w.p10,
				p50: atLeastValue(w.p50, s.p50, cap),
				p90: atLeastValue(w.p90, s.p90, cap),
				p90TopCoded: s.p90 === 'top_coded',
				p50TopCoded: s.p50 === 'top_coded'
			};
		});
}

export function profile(
	db: Db,
	area: string,
	filter: ProfileFilter,
	options: AreaOptions
): ProfileData {
	const model = areaModel(db, area, options);
	const { rows: filtered, matchedTitles } = filterRows(db, model, filter);
	const shown = filtered.slice(0, filter.limit);
	const cap = model.oews.topCode?.annual ?? null;
	const { postingsTrend, ...report } = modelSummary(model);
	void postingsTrend;
	return {
		report,
		rows: shown.map((r) => ({
			soc: r.soc,
			title: r.title,
			cells: filter.columns.map((c) => columnFor(c).cell(r)),
			matchedTitle: matchedTitles.get(r.soc) ?? null
		})),
		matching: filtered.length,
		totalRows: model.rows.length,
		groups: model.oews.rows
			.filter((r) => r.level === 'major')
			.map((r) => ({ code: majorGroupOf(r.soc), title: r.title })),
		categories: [
			...new Set(model.rows.map((r) => r.category).filter((c): c is string => c !== null))
		].sort(),
		educationLevels: [
			...new Set(model.rows.map((r) => r.entryEducation).filter((e): e is string => e !== null))
		].sort(),
		cards: cards(model),
		wageChart: wageChart(shown, cap),
		topCode: cap
	};
}

/** The region table as CSV: exactly the rows (after filters, all of them) and columns shown. */
export function profileCsv(
	db: Db,
	area: string,
	filter: ProfileFilter,
	options: AreaOptions
): { body: string; fileName: string } {
	const model = areaModel(db, area, options);
	const { rows } = filterRows(db, model, filter);
	const columns = csvColumns(filter.columns);
	// After the figures, where each shown measure comes from: the same for every row of one area,
	// but a row pasted elsewhere keeps its source files and years.
	const shown = filter.columns.map(columnFor);
	const sourceHeaders = shown.flatMap(provenanceHeaders);
	const sourceCells = shown.flatMap((c) => provenance(model, c));
	return {
		body: toCsv(
			[...columns.map(([name]) => name), ...sourceHeaders],
			rows.map((r) => [...columns.map(([, get]) => get(r)), ...sourceCells])
		),
		fileName: `occupations-${model.area.code}-${model.year}.csv`
	};
}

/** Reads the table state from the URL: every filter, sort and column choice lives there. */
export function readProfileFilter(url: URL): ProfileFilter {
	const p = url.searchParams;
	const sort = (SORT_KEYS as readonly string[]).includes(p.get('sort') ?? '')
		? (p.get('sort') as SortKey)
		: 'score';
	const dirText = p.get('dir');
	const dir = dirText === 'asc' || dirText === 'desc' ? dirText : sort === 'title' ? 'asc' : 'desc';
	const minText = p.get('min') ?? '';
	// `col` repeated (the form's checkboxes) or `cols=a,b` (a compact shared link).
	const picked = p.getAll('col').length > 0 ? p.getAll('col') : (p.get('cols') ?? '').split(',');
	const cols = picked.filter((c): c is TableColumn =>
		(TABLE_COLUMNS as readonly string[]).includes(c)
	);
	const flags = p
		.getAll('flag')
		.filter((f): f is FlagFilter => (FLAG_FILTERS as readonly string[]).includes(f));
	const limitText = p.get('limit') ?? '';
	const group = p.get('group') ?? '';
	return {
		q: (p.get('q') ?? '').slice(0, 100),
		group: MAJOR_GROUP_PATTERN.test(group) ? group : '',
		category: (p.get('category') ?? '').slice(0, 60),
		education: (p.get('edu') ?? '').slice(0, 80),
		minEmployment: /^\d{1,7}$/.test(minText) ? Number(minText) : null,
		flags,
		sort,
		dir,
		columns: cols.length > 0 ? cols : DEFAULT_COLUMNS,
		limit: limitText === 'all' ? 10_000 : FIRST_ROWS
	};
}

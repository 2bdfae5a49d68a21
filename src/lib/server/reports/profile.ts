/**
 * The region profile page: headline cards and the gaps table, filtered and sorted as the URL
 * says. Rows are compact (only what the table shows) so the page stays light on a phone.
 */
import type { Db } from '../db/client';
import { gapsReport, type GapRow, type GapsOptions, type GapsReport } from './gaps';
import { LQ_RANK_FLOOR, regionReport, sortNullsLast, type FieldStatus } from './region';

export const TABLE_COLUMNS = [
	'category',
	'employment',
	'lq',
	'openings',
	'supply',
	'gap',
	'median',
	'range',
	'wageRatio',
	'living',
	'education',
	'representation',
	'score'
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];
export const DEFAULT_COLUMNS: TableColumn[] = [
	'category',
	'employment',
	'lq',
	'openings',
	'gap',
	'median',
	'range',
	'representation',
	'score'
];

export const SORT_KEYS = [
	'title',
	'employment',
	'lq',
	'openings',
	'gap',
	'median',
	'score'
] as const;
export type ProfileSort = (typeof SORT_KEYS)[number];

export const FLAG_FILTERS = ['under', 'undersupplied', 'belowliving'] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

export interface ProfileFilter {
	q: string;
	group: string;
	category: string;
	education: string;
	minEmployment: number | null;
	flags: FlagFilter[];
	sort: ProfileSort;
	dir: 'asc' | 'desc';
	columns: TableColumn[];
	limit: number;
}

export interface TableRow {
	soc: string;
	title: string;
	category: string | null;
	employment: number | null;
	employmentStatus: FieldStatus;
	lq: number | null;
	lqStatus: FieldStatus;
	openings: number | null;
	openingsMethod: string | null;
	supply: number | null;
	supplyGap: number | null;
	supplyRatio: number | null;
	median: number | null;
	medianStatus: FieldStatus;
	medianHourly: number | null;
	hourlyOnly: boolean;
	p10: number | null;
	p10Status: FieldStatus;
	p90: number | null;
	p90Status: FieldStatus;
	wageToRegional: number | null;
	wageToNational: number | null;
	entryWage: number | null;
	livingWageRatio: number | null;
	entryEducation: string | null;
	representation: {
		group: string;
		share: number | null;
		baseline: number | null;
		parityIndex: number | null;
		flag: string;
	}[];
	score: number | null;
	components: GapRow['scoreComponents'];
	/** Alternate title that matched the search, when the match was not in the title itself. */
	matchedTitle: string | null;
}

export interface ProfileData {
	report: Omit<GapsReport, 'rows'>;
	rows: TableRow[];
	/** Rows after filtering, before the limit. */
	matching: number;
	totalRows: number;
	groups: { code: string; title: string }[];
	categories: string[];
	educationLevels: string[];
	cards: {
		largestGaps: Pick<TableRow, 'soc' | 'title' | 'openings' | 'supply' | 'supplyGap'>[];
		noDegree: Pick<
			TableRow,
			'soc' | 'title' | 'median' | 'medianStatus' | 'entryEducation' | 'category'
		>[];
	};
	topCode: number | null;
}

const DEGREE = /bachelor|master|doctoral|professional degree/i;

/** Occupations whose alternate or direct-match titles contain `q` (first match per SOC). */
function titleMatches(db: Db, q: string): Map<string, string> {
	const rows = db.$client
		.prepare(
			`SELECT soc, title FROM occupation_titles WHERE title LIKE ? ESCAPE '\\' ORDER BY length(title) LIMIT 2000`
		)
		.all(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as { soc: string; title: string }[];
	const out = new Map<string, string>();
	for (const r of rows) if (!out.has(r.soc)) out.set(r.soc, r.title);
	return out;
}

export function profile(
	db: Db,
	area: string,
	filter: ProfileFilter,
	options: GapsOptions
): ProfileData {
	const gaps = gapsReport(db, area, options);
	const region = regionReport(db, area, gaps.year);
	const bySoc = new Map(region.rows.map((r) => [r.soc, r]));
	const all: TableRow[] = gaps.rows.map((g) => {
		const r = bySoc.get(g.soc)!;
		return {
			soc: g.soc,
			title: g.title,
			category: g.category,
			employment: g.employment,
			employmentStatus: r.status.employment,
			lq: g.lq,
			lqStatus: r.status.lq,
			openings: g.openings,
			openingsMethod: g.openingsMethod,
			supply: g.supply,
			supplyGap: g.supplyGap,
			supplyRatio: g.supplyRatio,
			median: r.medianAnnualWage,
			medianStatus: r.status.medianAnnualWage,
			medianHourly: r.medianHourlyWage,
			hourlyOnly: r.hourlyOnly,
			p10: r.annualWagePercentiles.p10,
			p10Status: r.status.annualWagePercentiles.p10,
			p90: r.annualWagePercentiles.p90,
			p90Status: r.status.annualWagePercentiles.p90,
			wageToRegional: g.wageToRegionalMedian,
			wageToNational: g.wageToNationalMedian,
			entryWage: g.entryAnnualWage,
			livingWageRatio: g.livingWageRatio,
			entryEducation: g.entryEducation,
			representation: g.representation.map((c) => ({
				group: c.group,
				share: c.share,
				baseline: c.baseline,
				parityIndex: c.parityIndex,
				flag: c.flag
			})),
			score: g.score,
			components: g.scoreComponents,
			matchedTitle: null
		};
	});

	const q = filter.q.trim().toLowerCase();
	const alternates = q.length >= 3 ? titleMatches(db, q) : new Map<string, string>();
	const filtered = all.filter((r) => {
		if (filter.group && !r.soc.startsWith(`${filter.group}-`)) return false;
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
			r.matchedTitle = alt;
		}
		return true;
	});
	const key: Record<ProfileSort, (r: TableRow) => number | string | null> = {
		title: (r) => r.title.toLowerCase(),
		employment: (r) => r.employment,
		// LQ ranks only above the floor (small numbers swing widely).
		lq: (r) => (r.employment !== null && r.employment >= LQ_RANK_FLOOR ? r.lq : null),
		openings: (r) => r.openings,
		gap: (r) => r.supplyGap,
		median: (r) => r.median ?? (r.medianStatus === 'top_coded' ? Number.MAX_SAFE_INTEGER : null),
		score: (r) => r.score
	};
	sortNullsLast(filtered, key[filter.sort], filter.dir);

	const digital = all.filter((r) => r.category !== null);
	const largestGaps = [...all]
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
	const noDegreePool = digital.some((r) => r.entryEducation && !DEGREE.test(r.entryEducation))
		? digital
		: all;
	const noDegree = noDegreePool
		.filter(
			(r) =>
				r.entryEducation !== null &&
				!DEGREE.test(r.entryEducation) &&
				(r.median !== null || r.medianStatus === 'top_coded')
		)
		.sort((a, b) => (b.median ?? Infinity) - (a.median ?? Infinity))
		.slice(0, 5)
		.map(({ soc, title, median, medianStatus, entryEducation, category }) => ({
			soc,
			title,
			median,
			medianStatus,
			entryEducation,
			category
		}));

	const { rows: _rows, ...report } = gaps;
	void _rows;
	return {
		report,
		rows: filtered.slice(0, filter.limit),
		matching: filtered.length,
		totalRows: all.length,
		groups: region.rows
			.filter((r) => r.level === 'major')
			.map((r) => ({ code: r.soc.slice(0, 2), title: r.title })),
		categories: [
			...new Set(all.map((r) => r.category).filter((c): c is string => c !== null))
		].sort(),
		educationLevels: [
			...new Set(all.map((r) => r.entryEducation).filter((e): e is string => e !== null))
		].sort(),
		cards: { largestGaps, noDegree },
		topCode: region.topCode?.annual ?? null
	};
}

/** Reads the table state from the URL: every filter, sort and column choice lives there. */
export function readProfileFilter(url: URL): ProfileFilter {
	const p = url.searchParams;
	const sort = (SORT_KEYS as readonly string[]).includes(p.get('sort') ?? '')
		? (p.get('sort') as ProfileSort)
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
		group: /^\d{2}$/.test(group) ? group : '',
		category: (p.get('category') ?? '').slice(0, 60),
		education: (p.get('edu') ?? '').slice(0, 80),
		minEmployment: /^\d{1,7}$/.test(minText) ? Number(minText) : null,
		flags,
		sort,
		dir,
		columns: cols.length > 0 ? cols : DEFAULT_COLUMNS,
		limit: limitText === 'all' ? 10_000 : 100
	};
}

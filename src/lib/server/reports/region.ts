/**
 * The region report: one area's occupations for a year, with LQ computed against the national
 * file of the same year, wages with their publication status, and the sources behind them.
 */
import { locationQuotient } from '../../analysis/location-quotient';
import type { Db } from '../db/client';
import {
	factsForRun,
	getArea,
	latestRunFor,
	runsById,
	type AreaSummary,
	type FactRow
} from '../db/queries/oews';
import type { OccupationLevel, ValueStatus } from '../db/schema';
import { NATIONAL_AREA } from '../import/sources/bls-oews';

/** Why a figure is what it is: published, or the reason it is missing. */
export type FieldStatus =
	'published' | 'computed' | ValueStatus | 'no_national_data' | 'reference_area';

export interface Percentiles {
	p10: number | null;
	p25: number | null;
	p50: number | null;
	p75: number | null;
	p90: number | null;
}

export interface OccupationRow {
	soc: string;
	title: string;
	level: OccupationLevel;
	employment: number | null;
	lq: number | null;
	lqPublished: number | null;
	medianAnnualWage: number | null;
	meanAnnualWage: number | null;
	medianHourlyWage: number | null;
	annualWagePercentiles: Percentiles;
	annualOnly: boolean;
	hourlyOnly: boolean;
	status: {
		employment: FieldStatus;
		lq: FieldStatus;
		lqPublished: FieldStatus;
		medianAnnualWage: FieldStatus;
		meanAnnualWage: FieldStatus;
		medianHourlyWage: FieldStatus;
		annualWagePercentiles: Record<keyof Percentiles, FieldStatus>;
	};
}

export interface SourceNote {
	runId: number;
	source: string;
	title: string;
	year: number | null;
	fileName: string;
	sha256: string;
	importedAt: string | null;
}

export interface RegionReport {
	area: AreaSummary;
	year: number;
	rows: OccupationRow[];
	/** All-occupations employment and median annual wage of the area (00-0000 row). */
	total: { employment: number | null; medianAnnualWage: number | null };
	/** The `#` caps of the year: a top-coded wage is at least this much. */
	topCode: { hourly: number; annual: number } | null;
	/** True when the national file of the same year is loaded, so LQ can be computed. */
	hasNationalReference: boolean;
	sources: SourceNote[];
}

export const SOURCE_TITLES: Record<string, string> = {
	'bls-oews': 'BLS Occupational Employment and Wage Statistics',
	'bls-oes-hybrid-structure': 'BLS OES 2019 hybrid structure'
};

const st = (status: ValueStatus | null): FieldStatus => status ?? 'published';

function toRow(
	f: FactRow,
	national: Map<string, FactRow> | null,
	totals: { regional: number | null; national: number | null },
	isNational: boolean
): OccupationRow {
	const nat = national?.get(f.soc) ?? null;
	let lq: number | null = null;
	let lqStatus: FieldStatus;
	if (isNational) lqStatus = 'reference_area';
	else if (!national) lqStatus = 'no_national_data';
	else if (f.employment === null) lqStatus = st(f.employmentStatus);
	else if (!nat || nat.employment === null)
		lqStatus = nat ? st(nat.employmentStatus) : 'no_national_data';
	else {
		lq = locationQuotient(f.employment, totals.regional, nat.employment, totals.national);
		lqStatus = lq === null ? 'no_national_data' : 'computed';
	}
	return {
		soc: f.soc,
		title: f.title,
		level: f.oGroup,
		employment: f.employment,
		lq,
		lqPublished: f.lqPublished,
		medianAnnualWage: f.annualMedian,
		meanAnnualWage: f.annualMean,
		medianHourlyWage: f.hourlyMedian,
		annualWagePercentiles: {
			p10: f.annualP10,
			p25: f.annualP25,
			p50: f.annualMedian,
			p75: f.annualP75,
			p90: f.annualP90
		},
		annualOnly: f.annualOnly,
		hourlyOnly: f.hourlyOnly,
		status: {
			employment: st(f.employmentStatus),
			lq: lqStatus,
			lqPublished: st(f.lqPublishedStatus),
			medianAnnualWage: st(f.annualMedianStatus),
			meanAnnualWage: st(f.annualMeanStatus),
			medianHourlyWage: st(f.hourlyMedianStatus),
			annualWagePercentiles: {
				p10: st(f.annualP10Status),
				p25: st(f.annualP25Status),
				p50: st(f.annualMedianStatus),
				p75: st(f.annualP75Status),
				p90: st(f.annualP90Status)
			}
		}
	};
}

export class ReportError extends Error {
	constructor(
		message: string,
		readonly status: 404 | 400
	) {
		super(message);
	}
}

/**
 * Builds the report for `areaCode` and `year` (default: the latest year the area has).
 * Throws ReportError(404) for an unknown area or a year the area lacks.
 */
export function regionReport(db: Db, areaCode: string, year?: number): RegionReport {
	const area = getArea(db, areaCode);
	if (!area) throw new ReportError(`No area with code ${areaCode} in the database.`, 404);
	const chosen = year ?? area.years.at(-1)!;
	if (!area.years.includes(chosen)) {
		throw new ReportError(
			`${area.title} has no OEWS estimates for ${chosen}; it has ${area.years.join(', ')}.`,
			404
		);
	}
	const runId = latestRunFor(db, area.code, chosen)!;
	const facts = factsForRun(db, runId, area.code);
	const isNational = area.code === NATIONAL_AREA;
	const nationalRun = isNational ? runId : latestRunFor(db, NATIONAL_AREA, chosen);
	const nationalFacts =
		nationalRun === null ? null : isNational ? facts : factsForRun(db, nationalRun, NATIONAL_AREA);
	const national = nationalFacts ? new Map(nationalFacts.map((f) => [f.soc, f])) : null;
	const regionalTotal = facts.find((f) => f.soc === '00-0000') ?? null;
	const totals = {
		regional: regionalTotal?.employment ?? null,
		national: national?.get('00-0000')?.employment ?? null
	};
	const rows = facts.map((f) => toRow(f, national, totals, isNational));
	const runs = runsById(db, [...new Set([runId, ...(nationalRun === null ? [] : [nationalRun])])]);
	const topCodeMeta = runs.find((r) => r.id === runId)?.meta?.topCode as
		{ hourly: number; annual: number } | null | undefined;
	return {
		area,
		year: chosen,
		rows,
		total: {
			employment: regionalTotal?.employment ?? null,
			medianAnnualWage: regionalTotal?.annualMedian ?? null
		},
		topCode: topCodeMeta ? { hourly: topCodeMeta.hourly, annual: topCodeMeta.annual } : null,
		hasNationalReference: national !== null,
		sources: runs.map((r) => ({
			runId: r.id,
			source: r.source,
			title: SOURCE_TITLES[r.source] ?? r.source,
			year: r.year,
			fileName: r.fileName,
			sha256: r.sha256,
			importedAt: r.finishedAt
		}))
	};
}

export type SortKey = 'employment' | 'lq' | 'median' | 'title' | 'soc';

export interface RowFilter {
	q?: string;
	/** Two-digit major group, e.g. `15`. */
	group?: string;
	level?: 'detailed' | 'all';
	sort?: SortKey;
	dir?: 'asc' | 'desc';
}

/** LQ is ranked only for occupations with at least this many jobs (METHODS: small-n instability). */
export const LQ_RANK_FLOOR = 100;

const SORTERS: Record<SortKey, (r: OccupationRow) => number | string | null> = {
	employment: (r) => r.employment,
	lq: (r) => (r.employment !== null && r.employment >= LQ_RANK_FLOOR ? r.lq : null),
	median: (r) =>
		r.medianAnnualWage ??
		(r.status.medianAnnualWage === 'top_coded' ? Number.MAX_SAFE_INTEGER : null),
	title: (r) => r.title.toLowerCase(),
	soc: (r) => r.soc
};

/** Filters and sorts report rows; missing values always sort last, whatever the direction. */
export function filterRows(rows: readonly OccupationRow[], f: RowFilter): OccupationRow[] {
	const q = f.q?.trim().toLowerCase() ?? '';
	const level = f.level ?? 'detailed';
	const out = rows.filter(
		(r) =>
			(level === 'all' || r.level === 'detailed') &&
			(!f.group || r.soc.startsWith(`${f.group}-`)) &&
			(q === '' || r.title.toLowerCase().includes(q) || r.soc.includes(q))
	);
	const dir = f.dir ?? (f.sort === 'title' || f.sort === 'soc' ? 'asc' : 'desc');
	return sortNullsLast(out, SORTERS[f.sort ?? 'employment'], dir);
}

/**
 * Sorts rows in place by `key` in `dir`; rows whose key is unknown (null) go last whatever the
 * direction, and ties fall back to SOC order, so every table sorts the same way.
 */
export function sortNullsLast<T extends { soc: string }>(
	rows: T[],
	key: (r: T) => number | string | null,
	dir: 'asc' | 'desc'
): T[] {
	const sign = dir === 'asc' ? 1 : -1;
	return rows.sort((a, b) => {
		const x = key(a);
		const y = key(b);
		if (x === null && y === null) return a.soc.localeCompare(b.soc);
		if (x === null) return 1;
		if (y === null) return -1;
		if (x < y) return -sign;
		if (x > y) return sign;
		return a.soc.localeCompare(b.soc);
	});
}

/** Major groups present in the rows, for the filter menu. */
export function majorGroups(rows: readonly OccupationRow[]): { code: string; title: string }[] {
	return rows
		.filter((r) => r.level === 'major')
		.map((r) => ({ code: r.soc.slice(0, 2), title: r.title }))
		.sort((a, b) => a.code.localeCompare(b.code));
}

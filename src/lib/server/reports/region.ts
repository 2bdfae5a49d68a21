/**
 * The region's OEWS report: one area's occupations for a year (every level), with LQ computed
 * against the national file of the same year, wages with their publication status, and the
 * sources behind them. The occupations API serves it; the area model builds on it.
 */
import { derivedTotalEmployment } from '../../analysis/coverage';
import { locationQuotient } from '../../analysis/location-quotient';
import type { Db } from '../db/client';
import {
	defaultYear,
	factsFor,
	getArea,
	runsById,
	type AreaSummary,
	type FactRow
} from '../db/queries/oews';
import { ALL_OCCUPATIONS, NATIONAL_AREA, TOTAL_GROUP } from '../../domain/codes';
import type { FieldStatus, OccupationRow, ValueStatus } from '../../domain/rows';

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
	/**
	 * All-occupations employment and median annual wage of the area (00-0000 row). Without that
	 * row, employment is derived from an occupation's jobs per 1,000 (`derived`) when it can be,
	 * and the median is `not_in_data`.
	 */
	total: {
		employment: number | null;
		employmentStatus: TotalStatus;
		medianAnnualWage: number | null;
		medianStatus: TotalStatus;
	};
	/** Which occupation groups the area's data for the year hold. */
	coverage: Coverage;
	/** The `#` caps of the year: a top-coded wage is at least this much. */
	topCode: { hourly: number; annual: number } | null;
	/** True when the national file of the same year is loaded, so LQ can be computed. */
	hasNationalReference: boolean;
	sources: SourceNote[];
}

/** `not_in_data`: the file(s) imported for the area hold no such figure (a partial file). */
export type TotalStatus = 'published' | 'derived' | 'not_in_data';

export interface Coverage {
	/** The occupation groups present: SOC major code and title (`00`: the all-occupations total). */
	groups: { code: string; title: string }[];
	/** True when the all-occupations total is in the data, as in every complete BLS file. */
	complete: boolean;
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
	else if (totals.regional === null) {
		// No all-occupations total (a partial file): BLS's own LQ is the one to show.
		lq = f.lqPublished;
		lqStatus = lq === null ? st(f.lqPublishedStatus) : 'published';
	} else if (!national) lqStatus = 'no_national_data';
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
		prse: { employment: f.employmentPrse, meanWage: f.meanPrse },
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
	const chosen = year ?? defaultYear(area);
	if (!area.years.includes(chosen)) {
		throw new ReportError(
			`${area.title} has no OEWS estimates for ${chosen}; it has ${area.years.join(', ')}.`,
			404
		);
	}
	const own = factsFor(db, area.code, chosen);
	const facts = own.facts;
	const isNational = area.code === NATIONAL_AREA;
	const nationalOwn = isNational ? own : factsFor(db, NATIONAL_AREA, chosen);
	const nationalFacts = nationalOwn.runIds.length === 0 ? null : nationalOwn.facts;
	const national = nationalFacts ? new Map(nationalFacts.map((f) => [f.soc, f])) : null;
	const regionalTotal = facts.find((f) => f.soc === ALL_OCCUPATIONS) ?? null;
	const totals = {
		regional: regionalTotal?.employment ?? null,
		national: national?.get(ALL_OCCUPATIONS)?.employment ?? null
	};
	const rows = facts.map((f) => toRow(f, national, totals, isNational));
	const runs = runsById(db, [...new Set([...own.runIds, ...nationalOwn.runIds])]);
	const topCodeMeta = runs.find((r) => r.id === own.runIds[0])?.meta?.topCode as
		{ hourly: number; annual: number } | null | undefined;
	const derived = regionalTotal ? null : derivedTotalEmployment(facts);
	const majorTitles = new Map(
		facts.filter((f) => f.oGroup === 'major').map((f) => [f.soc, f.title])
	);
	return {
		area,
		year: chosen,
		rows,
		total: {
			employment: regionalTotal ? regionalTotal.employment : derived,
			employmentStatus: regionalTotal ? 'published' : derived === null ? 'not_in_data' : 'derived',
			medianAnnualWage: regionalTotal?.annualMedian ?? null,
			medianStatus: regionalTotal ? 'published' : 'not_in_data'
		},
		coverage: {
			groups: own.groups.map((code) => ({
				code,
				title:
					code === TOTAL_GROUP
						? (regionalTotal?.title ?? 'All Occupations')
						: (majorTitles.get(`${code}-0000`) ?? code)
			})),
			complete: own.groups.includes(TOTAL_GROUP)
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

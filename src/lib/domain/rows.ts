/**
 * The row types every layer shares, and the few rules about their values that must read the same
 * wherever a figure is shown, sorted or exported. Types only and tiny pure rules: no imports.
 */

/** Why a published value is missing (the OEWS markers, or an empty cell). `null` = published. */
export const VALUE_STATUSES = [
	'not_available', // `*`  wage estimate not available
	'employment_not_available', // `**` employment estimate not available
	'top_coded', // `#`  at or above the year's wage cap: a lower bound
	'under_half_percent', // `~`  fewer than 0.5% of establishments report it
	'blank' // the cell was empty (e.g. LQ in national files)
] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

/** A value as a source file gives it: a number, or null and why. */
export interface Measured {
	value: number | null;
	status: ValueStatus | null;
}

/**
 * Why a figure of a row is what it is: `published` as the source gave it, `computed` here from
 * published inputs, missing for a source's reason (a ValueStatus: suppressed, top-coded, …), not
 * measurable for lack of a reference (`no_national_data`), or not applicable (`reference_area`:
 * the nation's LQ against itself).
 */
export type FieldStatus =
	'published' | 'computed' | ValueStatus | 'no_national_data' | 'reference_area';

export const OCCUPATION_LEVELS = ['total', 'major', 'minor', 'broad', 'detailed'] as const;
export type OccupationLevel = (typeof OCCUPATION_LEVELS)[number];

export interface Percentiles {
	p10: number | null;
	p25: number | null;
	p50: number | null;
	p75: number | null;
	p90: number | null;
}

/** One OEWS row of an area, each figure with its status (the occupations API's row). */
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
	/** OEWS relative standard errors, percent: EMP_PRSE and MEAN_PRSE. */
	prse: { employment: number | null; meanWage: number | null };
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

/**
 * `area-projection`: the area's own projections (for the nation, BLS EP itself);
 * `national-rate`: the national rate applied to the area's employment.
 */
export type OpeningsMethod = 'area-projection' | 'national-rate' | null;
/** Where an openings figure comes from: the method, the EP vintage, the employment year. */
export interface OpeningsSource {
	kind: 'area-projection' | 'national-rate';
	/** e.g. "2022–32". */
	vintage: string;
	/** The OEWS year the national rates were applied to (national-rate only). */
	employmentYear: number | null;
}

export type RepresentationScope = 'national' | 'regional';
export type ParityFlag =
	| 'under-represented'
	| 'over-represented'
	| 'within-margin'
	| 'too-few'
	| 'no-data'
	| 'scope-mismatch';
export const PRIORITY_MEASURES = ['demand', 'unmet', 'wage', 'representation'] as const;
export type PriorityMeasure = (typeof PRIORITY_MEASURES)[number];
/** Why a row has no priority score. */
export type UnscoredReason = 'employment-suppressed' | 'employment-missing' | 'openings-missing';
export type Geography = RepresentationScope;

/** A group's representation figures (see analysis/representation.ts for their definitions). */
export interface ParityFigures {
	share: number | null;
	baseline: number | null;
	parityIndex: number | null;
	gapPoints: number | null;
	/** Margin of error of the difference at 90% confidence, in points. */
	marginPoints: number | null;
	/** The survey's estimate of the occupation's workers (persons): the base of the share. */
	base: number | null;
	flag: ParityFlag;
}

export interface RepresentationCell extends ParityFigures {
	group: string;
	/** The geography of both the share and its baseline (always the same). */
	scope: RepresentationScope;
	/** Same as `scope`: the baseline is always of the share's geography. */
	baselineScope: RepresentationScope;
}

/** Where a training gap applies, and why (analysis/supply-eligibility.ts, training-gap.ts). */
export type GapStatus = 'gap' | 'not-applicable' | 'unknown';
export type GapReason =
	| 'postsecondary-award'
	| 'licence-required'
	| 'no-postsecondary-award-needed'
	| 'no-education-data'
	| 'openings-missing'
	| 'supply-not-measured';
/** A figure from a top-coded value is a bound: "≥" (at-least) or "≤" (at-most). */
export type Bound = 'exact' | 'at-least' | 'at-most';
export type Reliability = 'high' | 'medium' | 'low';

/** Completions outside IPEDS (bootcamps, certifications, non-credit), with their source. */
export interface OtherCompletion {
	source: string;
	program: string | null;
	completers: number;
}

/**
 * One occupation of one area with every measure of the gaps report: THE row the area model
 * builds once, that every view (region table, occupation page, map, compare, API, CSV) reads.
 * A new measure is one field here, one analysis function and one entry in columns.ts.
 */
export interface AreaRow {
	soc: string;
	title: string;
	category: string | null;
	employment: number | null;
	lq: number | null;
	openings: number | null;
	/** Openings from employment growth, a year (may be negative). */
	openingsGrowth: number | null;
	/** Openings to replace workers who leave the occupation or the labour force, a year. */
	openingsReplacement: number | null;
	openingsSource: OpeningsSource | null;
	openingsMethod: OpeningsMethod;
	/** Completers a year; null when no imported source covers the occupation (not measured). */
	supply: number | null;
	supplyStatus: 'measured' | 'not-measured';
	/** Imported non-IPEDS completions counted in `supply`, each with its source. */
	supplyOther: OtherCompletion[];
	/** Openings − supply, only where training is the way in (`gapStatus` 'gap'). */
	supplyGap: number | null;
	supplyRatio: number | null;
	gapStatus: GapStatus;
	gapReason: GapReason;
	/** Needs 5+ years of related experience: graduates do not fill it directly. */
	experienceFlag: boolean;
	/** The gap with every program's graduates split evenly (the sensitivity setting). */
	supplyGapEven: number | null;
	/** The default and the even split disagree on the sign of the gap. */
	signDisagrees: boolean;
	/** The median annual wage; when top-coded, the cap (a lower bound, see `medianTopCoded`). */
	medianAnnualWage: number | null;
	medianTopCoded: boolean;
	wageToRegionalMedian: number | null;
	wageToRegionalBound: Bound;
	wageToNationalMedian: number | null;
	wageToNationalBound: Bound;
	/** The 25th percentile annual wage (the cap when top-coded). */
	p25AnnualWage: number | null;
	/** The 25th percentile where it may stand in for an entry wage (the median is published). */
	entryAnnualWage: number | null;
	/** 25th percentile ÷ the family-sustaining wage (the editor's, or the HHS default). */
	livingWageRatio: number | null;
	livingWageBound: Bound;
	/** OEWS reliability from EMP_PRSE and MEAN_PRSE. */
	reliability: { employment: Reliability | null; wage: Reliability | null };
	entryEducation: string | null;
	workExperience: string | null;
	jobTraining: string | null;
	postings: number | null;
	representation: RepresentationCell[];
	score: number | null;
	scoreReason: UnscoredReason | null;
	scoreComponents: Record<PriorityMeasure, number | null>;
	/** Rank by score (1 = first) and its best and worst under the model's scenarios. */
	rank: { now: number; best: number; worst: number } | null;
	/** The published OEWS row behind it: every wage and its status, as the source gave them. */
	oews: OccupationRow;
}

/** The gaps API's row: the area row without its OEWS detail, with the sources of the area. */
export type GapRow = Omit<AreaRow, 'oews'> & { sources: { source: string; year: number | null }[] };

export interface DigitalGroupShare {
	group: string;
	/** The group's share of all digital jobs in the area (occupation shares pooled by employment). */
	shareOfDigitalJobs: number | null;
	/** Its share of the baseline (labor force or workers). */
	baseline: number | null;
	/** The digital-job employment the share is pooled over. */
	employmentCovered: number;
}

/** A point of the wage-range chart: 10th, 50th and 90th percentiles, caps as lower bounds. */
export interface WageRangePoint {
	soc: string;
	title: string;
	employment: number;
	p10: number | null;
	p50: number | null;
	p90: number | null;
	/** True when p90 (or p50) is top-coded and drawn at the cap. */
	p90TopCoded: boolean;
	p50TopCoded: boolean;
}

/**
 * A top-coded value counts as the cap (a lower bound): published values as they are, top-coded
 * ones as `cap`, anything else unknown. Comparisons, ratios and charts all read wages through this.
 */
export function atLeastValue(
	value: number | null,
	status: FieldStatus | null,
	cap: number | null
): number | null {
	return value ?? (status === 'top_coded' ? cap : null);
}

/** LQ is ranked only for occupations with at least this many jobs (METHODS: small-n instability). */
export const LQ_RANK_FLOOR = 100;

/** The LQ to rank by: null (unranked) below the floor of jobs. */
export const rankableLq = (lq: number | null, employment: number | null): number | null =>
	employment !== null && employment >= LQ_RANK_FLOOR ? lq : null;

/** An LQ shown but resting on fewer jobs than the floor gets a warning mark. */
export const lqUnstable = (lq: number | null, employment: number | null): boolean =>
	lq !== null && employment !== null && employment < LQ_RANK_FLOOR;

/**
 * THE column registry of an area's occupations: one entry per column the region table can show.
 * The table's headers, cells, sort and glossary, its CSV download, the compare table and the
 * API's field list (docs/API.md) all read it. A new measure is one field on AreaRow (rows.ts),
 * one entry here, and two messages (`label`, `help`) in messages/en.json and messages/es.json.
 */
import {
	atLeastValue,
	lqUnstable,
	rankableLq,
	type AreaRow,
	type Bound,
	type FieldStatus,
	type GapReason,
	type GapStatus,
	type PriorityMeasure,
	type Reliability,
	type UnscoredReason
} from './rows';

/** One CSV cell: text, a number, a flag, or empty. */
export type CsvCell = string | number | boolean | null | undefined;

/** Rounds for output (CSV, API), keeping null. */
export const round = (x: number | null, digits = 2): number | null =>
	x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** What a table cell holds, by the kind of figure (the page draws each kind one way). */
export type Cell =
	| { format: 'category' | 'education'; value: string | null }
	| { format: 'count'; value: number | null; status: FieldStatus }
	| { format: 'lq'; value: number | null; status: FieldStatus; unstable: boolean }
	| { format: 'flow'; value: number | null; estimated: boolean; notMeasured?: boolean }
	| {
			format: 'gap';
			value: number | null;
			status: GapStatus;
			reason: GapReason;
			/** The even split gives the opposite sign. */
			signDisagrees: boolean;
	  }
	| { format: 'ratio' | 'living'; value: number | null; bound: Bound }
	| { format: 'reliability'; employment: Reliability | null; wage: Reliability | null }
	| { format: 'wage'; value: number | null; status: FieldStatus; hourly: number | null }
	| {
			format: 'wage-range';
			low: number | null;
			lowStatus: FieldStatus;
			high: number | null;
			highStatus: FieldStatus;
	  }
	| {
			format: 'representation';
			under: { group: string; parityIndex: number | null }[];
			tooFew: boolean;
			noData: boolean;
	  }
	| {
			format: 'score';
			value: number | null;
			reason: UnscoredReason | null;
			components: Record<PriorityMeasure, number | null>;
	  };
export type CellFormat = Cell['format'];

/** The sources a column's figures come from (import source ids, or `living-wage`: entered here). */
export type SourceId =
	| 'bls-oews'
	| 'bls-ep'
	| 'ipeds'
	| 'cip-soc'
	| 'digital-categories'
	| 'demographics'
	| 'living-wage'
	| 'program-completions';

export interface Column<K extends string = string> {
	key: K;
	/** Message key of the header (messages/*.json). */
	label: string;
	/** Message key of the glossary entry; the header's `?` links to `#help-{key}`. */
	help: string;
	/** Right-aligned figures, or text. */
	numeric: boolean;
	/**
	 * Shown when the URL picks no columns. The default set is what a board reads first (demand, the
	 * gap, pay, who is missing, the priority) and fits a 1280 px screen in English and Spanish with
	 * the priority column in view; the rest are one tick away in the column chooser.
	 */
	shownByDefault: boolean;
	/** What the cell shows. */
	cell: (r: AreaRow) => Cell;
	/** The sort key: null sorts last whatever the direction. */
	sort: (r: AreaRow) => number | string | null;
	/** The CSV columns it becomes (header, value). */
	csv: readonly (readonly [string, (r: AreaRow) => CsvCell])[];
	sources: readonly SourceId[];
}

const column = <K extends string>(c: Column<K>) => c;

export const COLUMNS = [
	column({
		key: 'category',
		label: 'column_category',
		help: 'glossary_category',
		numeric: false,
		shownByDefault: true,
		cell: (r) => ({ format: 'category', value: r.category }),
		sort: (r) => r.category,
		csv: [['category', (r) => r.category]],
		sources: ['digital-categories']
	}),
	column({
		key: 'employment',
		label: 'column_employment',
		help: 'glossary_employment',
		numeric: true,
		shownByDefault: true,
		cell: (r) => ({ format: 'count', value: r.employment, status: r.oews.status.employment }),
		sort: (r) => r.employment,
		csv: [
			['employment', (r) => r.employment],
			['employment_status', (r) => r.oews.status.employment]
		],
		sources: ['bls-oews']
	}),
	column({
		key: 'lq',
		label: 'column_lq',
		help: 'glossary_lq',
		numeric: true,
		shownByDefault: false,
		cell: (r) => ({
			format: 'lq',
			value: r.lq,
			status: r.oews.status.lq,
			unstable: lqUnstable(r.lq, r.employment)
		}),
		// LQ ranks only above the floor (small numbers swing widely).
		sort: (r) => rankableLq(r.lq, r.employment),
		csv: [['location_quotient', (r) => round(r.lq)]],
		sources: ['bls-oews']
	}),
	column({
		key: 'openings',
		label: 'column_openings',
		help: 'glossary_openings',
		numeric: true,
		shownByDefault: true,
		cell: (r) => ({
			format: 'flow',
			value: r.openings,
			estimated: r.openingsMethod === 'national-rate'
		}),
		sort: (r) => r.openings,
		csv: [
			['openings_per_year', (r) => round(r.openings, 1)],
			['openings_method', (r) => r.openingsMethod],
			['openings_vintage', (r) => r.openingsSource?.vintage ?? null]
		],
		sources: ['bls-ep', 'bls-oews']
	}),
	column({
		key: 'growth',
		label: 'column_growth',
		help: 'glossary_growth',
		numeric: true,
		shownByDefault: false,
		cell: (r) => ({
			format: 'flow',
			value: r.openingsGrowth,
			estimated: r.openingsMethod === 'national-rate'
		}),
		sort: (r) => r.openingsGrowth,
		csv: [['growth_openings_per_year', (r) => round(r.openingsGrowth, 1)]],
		sources: ['bls-ep', 'bls-oews']
	}),
	column({
		key: 'replacement',
		label: 'column_replacement',
		help: 'glossary_replacement',
		numeric: true,
		shownByDefault: false,
		cell: (r) => ({
			format: 'flow',
			value: r.openingsReplacement,
			estimated: r.openingsMethod === 'national-rate'
		}),
		sort: (r) => r.openingsReplacement,
		csv: [['replacement_openings_per_year', (r) => round(r.openingsReplacement, 1)]],
		sources: ['bls-ep', 'bls-oews']
	}),
	column({
		key: 'supply',
		label: 'column_supply',
		help: 'glossary_supply',
		numeric: true,
		shownByDefault: false,
		cell: (r) => ({
			format: 'flow',
			value: r.supply,
			estimated: false,
			notMeasured: r.supplyStatus === 'not-measured'
		}),
		sort: (r) => r.supply,
		csv: [
			['supply_per_year', (r) => round(r.supply, 1)],
			['supply_status', (r) => r.supplyStatus]
		],
		sources: ['ipeds', 'cip-soc', 'program-completions']
	}),
	column({
		key: 'gap',
		label: 'column_gap',
		help: 'glossary_gap',
		numeric: true,
		shownByDefault: true,
		cell: (r) => ({
			format: 'gap',
			value: r.supplyGap,
			status: r.gapStatus,
			reason: r.gapReason,
			signDisagrees: r.signDisagrees
		}),
		sort: (r) => r.supplyGap,
		csv: [
			['supply_gap', (r) => round(r.supplyGap, 1)],
			['gap_status', (r) => r.gapStatus],
			['gap_reason', (r) => r.gapReason],
			['supply_gap_even_split', (r) => round(r.supplyGapEven, 1)],
			['sign_disagrees', (r) => r.signDisagrees]
		],
		sources: ['bls-ep', 'ipeds', 'cip-soc', 'program-completions']
	}),
	column({
		key: 'median',
		label: 'column_median',
		help: 'glossary_median',
		numeric: true,
		shownByDefault: true,
		cell: (r) => ({
			format: 'wage',
			value: r.oews.medianAnnualWage,
			status: r.oews.status.medianAnnualWage,
			hourly: r.oews.hourlyOnly ? r.oews.medianHourlyWage : null
		}),
		// A top-coded median sorts as the cap: above every published one.
		sort: (r) =>
			atLeastValue(
				r.oews.medianAnnualWage,
				r.oews.status.medianAnnualWage,
				Number.MAX_SAFE_INTEGER
			),
		csv: [
			['median_annual_wage', (r) => r.oews.medianAnnualWage],
			['median_status', (r) => r.oews.status.medianAnnualWage]
		],
		sources: ['bls-oews']
	}),
	column({
		key: 'range',
		label: 'column_range',
		help: 'glossary_range',
		numeric: true,
		shownByDefault: false,
		cell: (r) => ({
			format: 'wage-range',
			low: r.oews.annualWagePercentiles.p10,
			lowStatus: r.oews.status.annualWagePercentiles.p10,
			high: r.oews.annualWagePercentiles.p90,
			highStatus: r.oews.status.annualWagePercentiles.p90
		}),
		sort: (r) =>
			atLeastValue(
				r.oews.annualWagePercentiles.p10,
				r.oews.status.annualWagePercentiles.p10,
				Number.MAX_SAFE_INTEGER
			),
		csv: [
			['p10_annual_wage', (r) => r.oews.annualWagePercentiles.p10],
			['p10_status', (r) => r.oews.status.annualWagePercentiles.p10],
			['p90_annual_wage', (r) => r.oews.annualWagePercentiles.p90],
			['p90_status', (r) => r.oews.status.annualWagePercentiles.p90]
		],
		sources: ['bls-oews']
	}),
	column({
		key: 'wageRatio',
		label: 'column_wage_ratio',
		help: 'glossary_wage_ratio',
		numeric: true,
		shownByDefault: false,
		cell: (r) => ({ format: 'ratio', value: r.wageToRegionalMedian, bound: r.wageToRegionalBound }),
		// A ratio from a top-coded median ranks above every published one (tied with the others).
		sort: (r) => boundedSort(r.wageToRegionalMedian, r.wageToRegionalBound),
		csv: [
			['wage_to_regional_median', (r) => round(r.wageToRegionalMedian)],
			['wage_to_regional_median_bound', (r) => r.wageToRegionalBound]
		],
		sources: ['bls-oews']
	}),
	column({
		key: 'living',
		label: 'column_living',
		help: 'glossary_living',
		numeric: true,
		shownByDefault: false,
		cell: (r) => ({ format: 'living', value: r.livingWageRatio, bound: r.livingWageBound }),
		sort: (r) => boundedSort(r.livingWageRatio, r.livingWageBound),
		csv: [
			['p25_wage_to_family_wage', (r) => round(r.livingWageRatio)],
			['p25_wage_to_family_wage_bound', (r) => r.livingWageBound]
		],
		sources: ['bls-oews', 'living-wage']
	}),
	column({
		key: 'reliability',
		label: 'column_reliability',
		help: 'glossary_reliability',
		numeric: false,
		shownByDefault: false,
		cell: (r) => ({
			format: 'reliability',
			employment: r.reliability.employment,
			wage: r.reliability.wage
		}),
		// Least reliable first when ascending: low < medium < high.
		sort: (r) => RELIABILITY_ORDER[r.reliability.employment ?? 'none'],
		csv: [
			['employment_prse', (r) => r.oews.prse.employment],
			['employment_reliability', (r) => r.reliability.employment],
			['mean_wage_prse', (r) => r.oews.prse.meanWage],
			['wage_reliability', (r) => r.reliability.wage]
		],
		sources: ['bls-oews']
	}),
	column({
		key: 'education',
		label: 'column_education',
		help: 'glossary_education',
		numeric: false,
		shownByDefault: false,
		cell: (r) => ({ format: 'education', value: r.entryEducation }),
		sort: (r) => r.entryEducation?.toLowerCase() ?? null,
		csv: [['typical_entry_education', (r) => r.entryEducation]],
		sources: ['bls-ep']
	}),
	column({
		key: 'representation',
		label: 'column_representation',
		help: 'glossary_representation',
		numeric: false,
		shownByDefault: true,
		cell: (r) => ({
			format: 'representation',
			under: underRepresented(r).map((c) => ({ group: c.group, parityIndex: c.parityIndex })),
			tooFew: r.representation.some((c) => c.flag === 'too-few'),
			noData: r.representation.length === 0
		}),
		// The most under-represented first (ascending): the lowest parity index of a flagged group.
		sort: (r) => {
			const flagged = underRepresented(r).map((c) => c.parityIndex ?? Infinity);
			return flagged.length === 0 ? null : Math.min(...flagged);
		},
		csv: [
			[
				'under_represented',
				(r) =>
					underRepresented(r)
						.map((g) => `${g.group} (${round(g.parityIndex)})`)
						.join('; ')
			]
		],
		sources: ['demographics']
	}),
	column({
		key: 'score',
		label: 'column_score',
		help: 'glossary_score',
		numeric: true,
		shownByDefault: true,
		cell: (r) => ({
			format: 'score',
			value: r.score,
			reason: r.scoreReason,
			components: r.scoreComponents
		}),
		sort: (r) => r.score,
		csv: [
			['priority_score', (r) => round(r.score, 1)],
			['not_scored_reason', (r) => r.scoreReason],
			['priority_rank', (r) => r.rank?.now ?? null],
			['priority_rank_best', (r) => r.rank?.best ?? null],
			['priority_rank_worst', (r) => r.rank?.worst ?? null]
		],
		sources: ['bls-oews', 'bls-ep', 'ipeds', 'demographics']
	})
] as const;

export type TableColumn = (typeof COLUMNS)[number]['key'];
export const TABLE_COLUMNS: readonly TableColumn[] = COLUMNS.map((c) => c.key);
export const DEFAULT_COLUMNS: TableColumn[] = COLUMNS.filter((c) => c.shownByDefault).map(
	(c) => c.key
);
const BY_KEY = new Map<string, Column<TableColumn>>(COLUMNS.map((c) => [c.key, c]));

export function columnFor(key: TableColumn): Column<TableColumn> {
	return BY_KEY.get(key)!;
}

/** The sort keys a URL may name: the occupation's title, or any column. */
export const SORT_KEYS = ['title', ...TABLE_COLUMNS] as const;
export type SortKey = 'title' | TableColumn;

export const sortValue = (key: SortKey, r: AreaRow): number | string | null =>
	key === 'title' ? r.title.toLowerCase() : columnFor(key).sort(r);

/** The CSV columns of the chosen table columns, after the occupation's code and title. */
export function csvColumns(keys: readonly TableColumn[]): [string, (r: AreaRow) => CsvCell][] {
	return [
		['soc', (r) => r.soc],
		['title', (r) => r.title],
		...keys.flatMap((k) => columnFor(k).csv.map(([h, get]) => [h, get] as [string, typeof get]))
	];
}

const RELIABILITY_ORDER: Record<Reliability | 'none', number | null> = {
	low: 0,
	medium: 1,
	high: 2,
	none: null
};

/** A bounded figure's sort key: "≥" values above every exact one (tied), "≤" below them. */
function boundedSort(value: number | null, bound: Bound): number | null {
	if (value === null) return null;
	return bound === 'at-least' ? Number.MAX_SAFE_INTEGER : bound === 'at-most' ? -1 : value;
}

function underRepresented(r: AreaRow) {
	return r.representation.filter((c) => c.flag === 'under-represented');
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

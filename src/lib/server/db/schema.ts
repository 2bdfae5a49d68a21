/**
 * The database schema. Codes are always text (SOC `15-1252`, area `31080`, state FIPS `06`).
 * A value a source did not publish is stored as NULL with its reason in the `*_status` column
 * beside it (NULL status = published), so "not published" and "top-coded" are never lost.
 */
import {
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

/** One row per file imported (or attempted and kept). Every fact row points at its run. */
export const importRuns = sqliteTable(
	'import_runs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Adapter id, e.g. `bls-oews`. */
		source: text('source').notNull(),
		/** Reference year of the data (e.g. 2021 for May 2021 OEWS), when the source has one. */
		year: integer('year'),
		fileName: text('file_name').notNull(),
		sha256: text('sha256').notNull(),
		rowsRead: integer('rows_read').notNull().default(0),
		rowsImported: integer('rows_imported').notNull().default(0),
		/** `imported` once committed. Rejected files leave no run behind. */
		status: text('status', { enum: ['imported'] })
			.notNull()
			.default('imported'),
		/** Source-specific facts about the file as JSON, e.g. the OEWS top-code caps of its year. */
		meta: text('meta'),
		importedBy: text('imported_by'),
		startedAt: text('started_at').notNull(),
		finishedAt: text('finished_at')
	},
	(t) => [uniqueIndex('import_runs_sha256').on(t.sha256), index('import_runs_source').on(t.source)]
);

export const AREA_TYPES = ['national', 'state', 'msa', 'nonmetro'] as const;
export type AreaType = (typeof AREA_TYPES)[number];

export const areas = sqliteTable('areas', {
	code: text('code').primaryKey(),
	title: text('title').notNull(),
	type: text('type', { enum: AREA_TYPES }).notNull(),
	/** Postal abbreviation of the (primary) state; NULL for the nation. */
	state: text('state'),
	/** True for New England city and town areas (NECTAs), which OEWS used instead of CBSAs. */
	necta: integer('necta', { mode: 'boolean' }).notNull().default(false)
});

/**
 * Other codes that name the same region, e.g. the CBSA code of a New England metro that OEWS
 * publishes under its NECTA code. `/regions/14460` resolves to the NECTA `71650`.
 */
export const areaAliases = sqliteTable('area_aliases', {
	alias: text('alias').primaryKey(),
	code: text('code').notNull(),
	note: text('note').notNull()
});

export const OCCUPATION_LEVELS = ['total', 'major', 'minor', 'broad', 'detailed'] as const;
export type OccupationLevel = (typeof OCCUPATION_LEVELS)[number];

export const occupations = sqliteTable(
	'occupations',
	{
		soc: text('soc').primaryKey(),
		title: text('title').notNull(),
		/** Structural level of the code in the SOC hierarchy. */
		level: text('level', { enum: OCCUPATION_LEVELS }).notNull(),
		/** Structural parent code (broad → minor → major → 00-0000); NULL for the total. */
		parent: text('parent'),
		/** `2018` for SOC 2018 codes, `oes-hybrid` for the OES 2019 hybrid codes of May 2019/2020. */
		vintage: text('vintage').notNull().default('2018')
	},
	(t) => [index('occupations_parent').on(t.parent)]
);

/** Code maps between SOC vintages, e.g. OES hybrid `15-1256` → SOC 2018 `15-1252` and `15-1253`. */
export const occupationCrosswalk = sqliteTable(
	'occupation_crosswalk',
	{
		runId: integer('run_id')
			.notNull()
			.references(() => importRuns.id, { onDelete: 'cascade' }),
		fromVintage: text('from_vintage').notNull(),
		fromCode: text('from_code').notNull(),
		fromTitle: text('from_title'),
		toVintage: text('to_vintage').notNull(),
		toCode: text('to_code').notNull(),
		toTitle: text('to_title'),
		note: text('note')
	},
	(t) => [
		primaryKey({ columns: [t.runId, t.fromVintage, t.fromCode, t.toVintage, t.toCode] }),
		index('occupation_crosswalk_from').on(t.fromVintage, t.fromCode)
	]
);

/** Why a value is missing: the OEWS markers, or an empty cell. NULL = published. */
export const VALUE_STATUSES = [
	'not_available', // `*`  wage estimate not available
	'employment_not_available', // `**` employment estimate not available
	'top_coded', // `#`  at or above the year's wage cap: a lower bound
	'under_half_percent', // `~`  fewer than 0.5% of establishments report it
	'blank' // the cell was empty (e.g. LQ in national files)
] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

const value = (name: string) => real(name);
const status = (name: string) => text(`${name}_status`, { enum: VALUE_STATUSES });

/** OEWS cross-industry estimates: one row per (import run, area, occupation). */
export const oewsFacts = sqliteTable(
	'oews_facts',
	{
		runId: integer('run_id')
			.notNull()
			.references(() => importRuns.id, { onDelete: 'cascade' }),
		area: text('area')
			.notNull()
			.references(() => areas.code),
		soc: text('soc')
			.notNull()
			.references(() => occupations.soc),
		year: integer('year').notNull(),
		/** The level the file published the row at (`detailed` wins over a duplicate `broad`). */
		oGroup: text('o_group', { enum: OCCUPATION_LEVELS }).notNull(),
		employment: value('employment'),
		employmentStatus: status('employment'),
		employmentPrse: value('employment_prse'),
		employmentPrseStatus: status('employment_prse'),
		jobsPer1000: value('jobs_per_1000'),
		jobsPer1000Status: status('jobs_per_1000'),
		lqPublished: value('lq_published'),
		lqPublishedStatus: status('lq_published'),
		hourlyMean: value('hourly_mean'),
		hourlyMeanStatus: status('hourly_mean'),
		annualMean: value('annual_mean'),
		annualMeanStatus: status('annual_mean'),
		meanPrse: value('mean_prse'),
		meanPrseStatus: status('mean_prse'),
		hourlyP10: value('hourly_p10'),
		hourlyP10Status: status('hourly_p10'),
		hourlyP25: value('hourly_p25'),
		hourlyP25Status: status('hourly_p25'),
		hourlyMedian: value('hourly_median'),
		hourlyMedianStatus: status('hourly_median'),
		hourlyP75: value('hourly_p75'),
		hourlyP75Status: status('hourly_p75'),
		hourlyP90: value('hourly_p90'),
		hourlyP90Status: status('hourly_p90'),
		annualP10: value('annual_p10'),
		annualP10Status: status('annual_p10'),
		annualP25: value('annual_p25'),
		annualP25Status: status('annual_p25'),
		annualMedian: value('annual_median'),
		annualMedianStatus: status('annual_median'),
		annualP75: value('annual_p75'),
		annualP75Status: status('annual_p75'),
		annualP90: value('annual_p90'),
		annualP90Status: status('annual_p90'),
		/** OEWS `ANNUAL=TRUE`: only annual wages are published (hourly are `*`). */
		annualOnly: integer('annual_only', { mode: 'boolean' }).notNull().default(false),
		/** OEWS `HOURLY=TRUE`: only hourly wages are published. */
		hourlyOnly: integer('hourly_only', { mode: 'boolean' }).notNull().default(false),
		/** Line (CSV) or row (XLSX) of the source file this fact was read from. */
		sourceLine: integer('source_line').notNull()
	},
	// One index only: every read goes through a run found in oews_coverage, and each extra index
	// on this, the largest table, costs import time on every row.
	(t) => [primaryKey({ columns: [t.runId, t.area, t.soc] })]
);

/** Which import run holds which area's OEWS estimates for which year (one row per run × area). */
export const oewsCoverage = sqliteTable(
	'oews_coverage',
	{
		runId: integer('run_id')
			.notNull()
			.references(() => importRuns.id, { onDelete: 'cascade' }),
		area: text('area')
			.notNull()
			.references(() => areas.code),
		year: integer('year').notNull(),
		rows: integer('rows').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.runId, t.area] }),
		index('oews_coverage_area_year').on(t.area, t.year)
	]
);

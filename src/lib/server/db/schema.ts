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
import { DIGITAL_CATEGORIES } from '../../domain/categories';
import { OCCUPATION_LEVELS, VALUE_STATUSES } from '../../domain/rows';

// The enums live in the domain layer (every layer reads them); re-exported for the adapters.
export { DIGITAL_CATEGORIES, OCCUPATION_LEVELS, VALUE_STATUSES };
export type { DigitalCategory } from '../../domain/categories';
export type { OccupationLevel, ValueStatus } from '../../domain/rows';

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

const value = (name: string) => real(name);

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
		employmentPrse: value('employment_prse'),
		jobsPer1000: value('jobs_per_1000'),
		lqPublished: value('lq_published'),
		hourlyMean: value('hourly_mean'),
		annualMean: value('annual_mean'),
		meanPrse: value('mean_prse'),
		hourlyP10: value('hourly_p10'),
		hourlyP25: value('hourly_p25'),
		hourlyMedian: value('hourly_median'),
		hourlyP75: value('hourly_p75'),
		hourlyP90: value('hourly_p90'),
		annualP10: value('annual_p10'),
		annualP25: value('annual_p25'),
		annualMedian: value('annual_median'),
		annualP75: value('annual_p75'),
		annualP90: value('annual_p90'),
		/**
		 * Why each measure above is missing, one character per measure (oews-statuses.ts); NULL
		 * when every measure was published.
		 */
		statuses: text('statuses'),
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
		rows: integer('rows').notNull(),
		/**
		 * The occupation groups this run supplies for the area-year: two-digit SOC major codes,
		 * comma-separated, `00` for the all-occupations total (see import/oews-coverage.ts).
		 */
		occGroups: text('occ_groups').notNull().default('')
	},
	(t) => [
		primaryKey({ columns: [t.runId, t.area] }),
		index('oews_coverage_area_year').on(t.area, t.year)
	]
);

// ---------------------------------------------------------------------------------------------
// Sources beyond OEWS. Every table keeps the import run its rows came from (deleting a run
// deletes its rows); where several runs hold the same facts, readers use the newest run.
// Counts are persons unless a column name says otherwise; shares are fractions 0–1.
// ---------------------------------------------------------------------------------------------

const runRef = () =>
	integer('run_id')
		.notNull()
		.references(() => importRuns.id, { onDelete: 'cascade' });

/** SOC 2018 structure and definitions (BLS `soc_2018_definitions.xlsx`). */
export const socDefinitions = sqliteTable(
	'soc_definitions',
	{
		runId: runRef(),
		soc: text('soc').notNull(),
		level: text('level', { enum: OCCUPATION_LEVELS }).notNull(),
		title: text('title').notNull(),
		definition: text('definition')
	},
	(t) => [primaryKey({ columns: [t.runId, t.soc] })]
);

/**
 * Other titles for an occupation: SOC direct-match titles, O*NET alternate and reported titles.
 * Used for search and for matching titles (e.g. CPS rows) to SOC codes.
 */
export const occupationTitles = sqliteTable(
	'occupation_titles',
	{
		runId: runRef(),
		soc: text('soc').notNull(),
		/** O*NET-SOC code when the title comes from O*NET (`15-1252.00`). */
		onetCode: text('onet_code'),
		title: text('title').notNull(),
		shortTitle: text('short_title'),
		/** `soc-direct-match`, `onet-alternate`, … */
		kind: text('kind').notNull(),
		note: text('note')
	},
	(t) => [index('occupation_titles_soc').on(t.soc), index('occupation_titles_title').on(t.title)]
);

/** O*NET occupations (O*NET-SOC 2019 taxonomy); `soc` = the first 7 characters of the code. */
export const onetOccupations = sqliteTable(
	'onet_occupations',
	{
		runId: runRef(),
		onetCode: text('onet_code').notNull(),
		soc: text('soc').notNull(),
		title: text('title').notNull(),
		description: text('description')
	},
	(t) => [primaryKey({ columns: [t.runId, t.onetCode] }), index('onet_occupations_soc').on(t.soc)]
);

/** O*NET Related Occupations: directed edges with their tier and rank (1–20). */
export const onetRelated = sqliteTable(
	'onet_related',
	{
		runId: runRef(),
		fromOnet: text('from_onet').notNull(),
		toOnet: text('to_onet').notNull(),
		fromSoc: text('from_soc').notNull(),
		toSoc: text('to_soc').notNull(),
		/** `Primary-Short`, `Primary-Long` or `Supplemental`. */
		tier: text('tier').notNull(),
		rank: integer('rank').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.runId, t.fromOnet, t.toOnet] }),
		index('onet_related_from_soc').on(t.fromSoc),
		index('onet_related_to_soc').on(t.toSoc)
	]
);

/** O*NET Job Zones (1 = little preparation … 5 = extensive). */
export const onetJobZones = sqliteTable(
	'onet_job_zones',
	{
		runId: runRef(),
		onetCode: text('onet_code').notNull(),
		soc: text('soc').notNull(),
		jobZone: integer('job_zone').notNull(),
		date: text('date'),
		domainSource: text('domain_source')
	},
	(t) => [primaryKey({ columns: [t.runId, t.onetCode] }), index('onet_job_zones_soc').on(t.soc)]
);

/**
 * O*NET Education, Training, and Experience: the share of respondents per category of
 * required education (RL), related work experience (RW), on-site (PT) and on-the-job (OJ) training.
 */
export const onetEducation = sqliteTable(
	'onet_education',
	{
		runId: runRef(),
		onetCode: text('onet_code').notNull(),
		soc: text('soc').notNull(),
		elementId: text('element_id').notNull(),
		elementName: text('element_name'),
		scaleId: text('scale_id').notNull(),
		category: integer('category').notNull(),
		/** Percent of respondents (0–100), as O*NET publishes it. */
		percent: real('percent'),
		n: integer('n'),
		recommendSuppress: integer('recommend_suppress', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		primaryKey({ columns: [t.runId, t.onetCode, t.elementId, t.scaleId, t.category] }),
		index('onet_education_soc').on(t.soc)
	]
);

/** What each O*NET ETE category means (`Education, Training, and Experience Categories`). */
export const onetEducationCategories = sqliteTable(
	'onet_education_categories',
	{
		runId: runRef(),
		elementId: text('element_id').notNull(),
		scaleId: text('scale_id').notNull(),
		category: integer('category').notNull(),
		description: text('description').notNull()
	},
	(t) => [primaryKey({ columns: [t.runId, t.elementId, t.scaleId, t.category] })]
);

/** O*NET Technology Skills, with the hot-technology and in-demand flags. */
export const onetTechnologySkills = sqliteTable(
	'onet_technology_skills',
	{
		runId: runRef(),
		onetCode: text('onet_code').notNull(),
		soc: text('soc').notNull(),
		example: text('example').notNull(),
		commodityCode: text('commodity_code'),
		commodityTitle: text('commodity_title'),
		hot: integer('hot', { mode: 'boolean' }).notNull().default(false),
		inDemand: integer('in_demand', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('onet_technology_skills_soc').on(t.soc)]
);

/** O*NET Skills: importance (IM, 1–5) and level (LV, 0–7) of the 35 skills per occupation. */
export const onetSkills = sqliteTable(
	'onet_skills',
	{
		runId: runRef(),
		onetCode: text('onet_code').notNull(),
		soc: text('soc').notNull(),
		elementId: text('element_id').notNull(),
		elementName: text('element_name').notNull(),
		/** `IM` or `LV`. */
		scaleId: text('scale_id').notNull(),
		value: real('value').notNull(),
		/** O*NET's `Not Relevant = Y` on a level row (the level counts as 0). */
		notRelevant: integer('not_relevant', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('onet_skills_soc').on(t.soc)]
);

/**
 * Employment projections: BLS EP national `occupation.xlsx` (area `99`) or a region's own
 * projections (generic CSV). Employment and openings in persons (EP's thousands × 1,000).
 */
export const projections = sqliteTable(
	'projections',
	{
		runId: runRef(),
		area: text('area').notNull(),
		soc: text('soc').notNull(),
		title: text('title'),
		/** EP `Occupation type`: `Line item` (detailed) or `Summary` (aggregate). */
		occupationType: text('occupation_type'),
		baseYear: integer('base_year').notNull(),
		projectedYear: integer('projected_year').notNull(),
		employmentBase: real('employment_base'),
		employmentProjected: real('employment_projected'),
		change: real('change'),
		changePct: real('change_pct'),
		/** Average annual openings over the projection period. */
		openings: real('openings'),
		openingsStatus: text('openings_status', { enum: VALUE_STATUSES }),
		medianWage: real('median_wage'),
		medianWageStatus: text('median_wage_status', { enum: VALUE_STATUSES }),
		selfEmployedPct: real('self_employed_pct'),
		entryEducation: text('entry_education'),
		workExperience: text('work_experience'),
		jobTraining: text('job_training')
	},
	(t) => [
		primaryKey({ columns: [t.runId, t.area, t.soc] }),
		index('projections_area_soc').on(t.area, t.soc)
	]
);

/**
 * Occupation demographics: share (and count) of a group among workers in an occupation.
 * CPS Table 11 (national, `area` 99) or a region's own table (generic CSV). `soc` is NULL for
 * rows whose title could not be matched to a SOC code (kept, and listed in the import notes).
 */
export const occupationDemographics = sqliteTable(
	'occupation_demographics',
	{
		runId: runRef(),
		area: text('area').notNull(),
		soc: text('soc'),
		/** The title as the source wrote it (CPS uses Census occupation titles). */
		sourceTitle: text('source_title'),
		/** How `soc` was found: `code` (given), `exact-title`, `crosswalk`, … */
		matchedBy: text('matched_by'),
		year: integer('year').notNull(),
		/** `women`, `men`, `white`, `black`, `asian`, `hispanic`, … */
		group: text('group').notNull(),
		share: real('share'),
		shareStatus: text('share_status', { enum: VALUE_STATUSES }),
		count: real('count'),
		/** Margin of error of the share (fraction), when the source gives one. */
		shareMoe: real('share_moe'),
		/** All workers in the occupation (persons). */
		totalEmployment: real('total_employment'),
		sourceLine: integer('source_line').notNull()
	},
	(t) => [index('occupation_demographics_area_soc').on(t.area, t.soc)]
);

/** Each group's share of the labor force (or workers, or population) in an area. */
export const laborForceBaseline = sqliteTable(
	'labor_force_baseline',
	{
		runId: runRef(),
		area: text('area').notNull(),
		year: integer('year').notNull(),
		group: text('group').notNull(),
		/** What the shares are of: `workers-16+`, `labor-force`, `population`, … */
		universe: text('universe').notNull(),
		share: real('share'),
		shareStatus: text('share_status', { enum: VALUE_STATUSES }),
		count: real('count'),
		shareMoe: real('share_moe'),
		total: real('total')
	},
	(t) => [primaryKey({ columns: [t.runId, t.area, t.group, t.universe] })]
);

/** IPEDS institutional characteristics (HD): where each institution is. */
export const institutions = sqliteTable(
	'institutions',
	{
		runId: runRef(),
		unitid: text('unitid').notNull(),
		year: integer('year').notNull(),
		name: text('name').notNull(),
		city: text('city'),
		state: text('state'),
		/** CBSA code as IPEDS gives it for that year; NULL when not reported. */
		cbsa: text('cbsa'),
		countyFips: text('county_fips'),
		countyName: text('county_name'),
		sector: integer('sector'),
		webAddress: text('web_address')
	},
	(t) => [primaryKey({ columns: [t.runId, t.unitid] }), index('institutions_cbsa').on(t.cbsa)]
);

/** IPEDS completions by institution × CIP × award level (first majors). CIP stays text. */
export const completions = sqliteTable(
	'completions',
	{
		runId: runRef(),
		unitid: text('unitid').notNull(),
		year: integer('year').notNull(),
		cip: text('cip').notNull(),
		majorNumber: integer('major_number').notNull(),
		awardLevel: integer('award_level').notNull(),
		total: integer('total'),
		men: integer('men'),
		women: integer('women')
	},
	(t) => [
		// No index on cip: its random-order inserts cost a third of an IPEDS import, and the
		// queries reach completions through the primary key (queries/occupation.ts).
		primaryKey({ columns: [t.runId, t.unitid, t.cip, t.majorNumber, t.awardLevel] })
	]
);

/** NCES CIP 2020 ↔ SOC 2018 crosswalk (placeholders `99-9999` / `NO MATCH` dropped). */
export const cipSoc = sqliteTable(
	'cip_soc',
	{
		runId: runRef(),
		cip: text('cip').notNull(),
		cipTitle: text('cip_title'),
		soc: text('soc').notNull(),
		socTitle: text('soc_title')
	},
	(t) => [primaryKey({ columns: [t.runId, t.cip, t.soc] }), index('cip_soc_soc').on(t.soc)]
);

/**
 * Completers outside IPEDS: non-credit programs, bootcamps, certifications, apprenticeships
 * (generic CSV), by area and program, linked to a SOC and/or CIP.
 */
export const programCompletions = sqliteTable(
	'program_completions',
	{
		runId: runRef(),
		area: text('area').notNull(),
		year: integer('year').notNull(),
		provider: text('provider'),
		program: text('program').notNull(),
		/** `non-credit`, `bootcamp`, `certification`, `apprenticeship`, … */
		programType: text('program_type'),
		soc: text('soc'),
		cip: text('cip'),
		completers: real('completers').notNull(),
		sourceLine: integer('source_line').notNull()
	},
	(t) => [index('program_completions_area').on(t.area, t.soc)]
);

/** A job-postings index (a trend, e.g. Feb 2020 = 100): never added to counts. */
export const postingsIndex = sqliteTable(
	'postings_index',
	{
		runId: runRef(),
		/** Area code (`99` nation, state FIPS, CBSA). */
		area: text('area').notNull(),
		/** The source's own series name, e.g. an Indeed sector; `all` for all postings. */
		series: text('series').notNull(),
		date: text('date').notNull(),
		value: real('value'),
		/** How to read `value`: `index-feb2020-100` or `pct-change-since-feb2020`. */
		basis: text('basis').notNull(),
		seasonallyAdjusted: integer('seasonally_adjusted', { mode: 'boolean' })
	},
	(t) => [primaryKey({ columns: [t.runId, t.area, t.series, t.date] })]
);

/** Counts of job postings by area × SOC × period (a board's own data, generic CSV). */
export const postingsCounts = sqliteTable(
	'postings_counts',
	{
		runId: runRef(),
		area: text('area').notNull(),
		soc: text('soc').notNull(),
		/** `2025`, `2025-Q1`, `2025-03`, or a date. */
		period: text('period').notNull(),
		postings: real('postings').notNull(),
		/** e.g. `unique`, `total`, as the source defines it. */
		measure: text('measure')
	},
	(t) => [primaryKey({ columns: [t.runId, t.area, t.soc, t.period] })]
);

/** SOC → JFF digital-job category (the project's own documented table, replaceable by import). */
export const digitalCategories = sqliteTable(
	'digital_categories',
	{
		runId: runRef(),
		soc: text('soc').notNull(),
		category: text('category', { enum: DIGITAL_CATEGORIES }).notNull(),
		note: text('note')
	},
	(t) => [primaryKey({ columns: [t.runId, t.soc] })]
);

/** Career-pathway edges from a board or provider (O*NET edges live in `onet_related`). */
export const pathwayEdges = sqliteTable(
	'pathway_edges',
	{
		runId: runRef(),
		fromSoc: text('from_soc').notNull(),
		toSoc: text('to_soc').notNull(),
		/** Who says so: an employer partnership, observed transitions, `curated`, … */
		source: text('source').notNull(),
		note: text('note'),
		/** Optional area the edge applies to; NULL = everywhere. */
		area: text('area')
	},
	(t) => [
		primaryKey({ columns: [t.runId, t.fromSoc, t.toSoc, t.source] }),
		index('pathway_edges_from').on(t.fromSoc)
	]
);

/** Credentials (certifications, certificates, degrees) with cost and outcomes where known. */
export const credentials = sqliteTable(
	'credentials',
	{
		runId: runRef(),
		name: text('name').notNull(),
		/** `certification`, `certificate`, `degree`, `apprenticeship`, `badge`, … */
		type: text('type'),
		issuer: text('issuer'),
		soc: text('soc'),
		area: text('area'),
		costUsd: real('cost_usd'),
		durationMonths: real('duration_months'),
		/** Completion rate, fraction 0–1. */
		completionRate: real('completion_rate'),
		/** Share employed in a related job after completion, 0–1. */
		employmentRate: real('employment_rate'),
		medianWageAfter: real('median_wage_after'),
		url: text('url'),
		sourceLine: integer('source_line').notNull()
	},
	(t) => [index('credentials_soc').on(t.soc)]
);

/**
 * The credentials reference (data/sample/credentials/it_credentials.csv or an editor's file in
 * its columns): one row per credential id and run; a newer run's id replaces an older one's.
 * Lists (SOC codes, source URLs) are kept `;`-separated as in the file.
 */
export const credentialReference = sqliteTable('credential_reference', {
	runId: runRef(),
	credentialId: text('credential_id').notNull(),
	name: text('name').notNull(),
	issuer: text('issuer').notNull(),
	kind: text('kind').notNull(),
	category: text('category'),
	level: text('level').notNull(),
	socCodes: text('soc_codes').notNull(),
	feeUsd: real('fee_usd'),
	feeBasis: text('fee_basis'),
	feeAsOf: text('fee_as_of'),
	typicalPrep: text('typical_prep'),
	prerequisites: text('prerequisites'),
	renewal: text('renewal'),
	dod8140: text('dod_8140').notNull(),
	sourceUrls: text('source_urls').notNull(),
	notes: text('notes'),
	sourceLine: integer('source_line').notNull()
});

/** The funding reference (data/sample/credentials/funding_sources.csv or an editor's file). */
export const fundingReference = sqliteTable('funding_reference', {
	runId: runRef(),
	fundingId: text('funding_id').notNull(),
	name: text('name').notNull(),
	administrator: text('administrator').notNull(),
	whoQualifies: text('who_qualifies').notNull(),
	covers: text('covers').notNull(),
	typicalMaxUsd: real('typical_max_usd'),
	sourceUrls: text('source_urls').notNull(),
	sourceLine: integer('source_line').notNull()
});

/**
 * A living-wage threshold a user sets for an area (annual, USD). None is invented: an area
 * without one shows no living-wage comparison. `source` says where the figure comes from.
 */
export const livingWages = sqliteTable('living_wages', {
	area: text('area').primaryKey(),
	annualWage: real('annual_wage').notNull(),
	source: text('source'),
	updatedAt: text('updated_at').notNull(),
	updatedBy: text('updated_by')
});

/**
 * A column mapping an editor confirmed on the data page, kept for the next file with the same
 * header. `signature` is the sha256 of the file's normalised header cells in order; `mapping`
 * is JSON `{ "their column": "our field" }` as given to the loader's `columnMap`.
 */
export const columnMappings = sqliteTable('column_mappings', {
	signature: text('signature').primaryKey(),
	header: text('header').notNull(),
	mapping: text('mapping').notNull(),
	updatedAt: text('updated_at').notNull(),
	updatedBy: text('updated_by')
});

/**
 * The Census Bureau's 2018 occupation code list: title ↔ Census code ↔ SOC entry (a code, a
 * broad code, a wildcard like `15-124X`, or a group range). CPS Table 11 lines find their SOC
 * codes through it (analysis/census-occ-crosswalk.ts).
 */
export const censusOccCodes = sqliteTable(
	'census_occ_codes',
	{
		runId: runRef(),
		title: text('title').notNull(),
		/** `1050`, or a range (`1005-1240`) on a group header line. */
		code: text('code').notNull(),
		soc: text('soc').notNull(),
		sourceLine: integer('source_line').notNull()
	},
	(t) => [primaryKey({ columns: [t.runId, t.sourceLine] })]
);

/**
 * Occupations that need a licence or certification to work although their EP entry education is
 * below a postsecondary award (data/reference/licensed-occupations.csv, or a board's own table).
 */
export const licensedOccupations = sqliteTable(
	'licensed_occupations',
	{
		runId: runRef(),
		soc: text('soc').notNull(),
		title: text('title'),
		credential: text('credential'),
		note: text('note')
	},
	(t) => [primaryKey({ columns: [t.runId, t.soc] })]
);

/** HHS poverty guidelines: per year and table (48 states and DC, Alaska, Hawaii), $ a year. */
export const povertyGuidelines = sqliteTable(
	'poverty_guidelines',
	{
		runId: runRef(),
		year: integer('year').notNull(),
		jurisdiction: text('jurisdiction', { enum: ['contiguous', 'alaska', 'hawaii'] }).notNull(),
		firstPerson: integer('first_person').notNull(),
		additionalPerson: integer('additional_person').notNull(),
		source: text('source')
	},
	(t) => [primaryKey({ columns: [t.runId, t.year, t.jurisdiction] })]
);

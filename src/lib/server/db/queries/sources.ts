/**
 * Typed reads of the non-OEWS sources, each from the newest import run that holds them
 * ("newest run wins"). No arithmetic beyond SQL sums: the maths lives in src/lib/analysis.
 */
import { cached } from '../cache';
import type { Db } from '../client';
import { latestRun } from './runs';

type Row = Record<string, unknown>;
const all = <T>(db: Db, sql: string, ...params: unknown[]): T[] =>
	db.$client.prepare(sql).all(...params) as T[];
const get = <T>(db: Db, sql: string, ...params: unknown[]): T | undefined =>
	db.$client.prepare(sql).get(...params) as T | undefined;

export interface RunRef {
	runId: number;
	source: string;
	year: number | null;
	fileName: string;
}

export function runRef(db: Db, runId: number | null | undefined): RunRef | null {
	if (runId === null || runId === undefined) return null;
	return (
		get<RunRef>(
			db,
			'SELECT id AS runId, source, year, file_name AS fileName FROM import_runs WHERE id = ?',
			runId
		) ?? null
	);
}

// --- Projections --------------------------------------------------------------------------

export interface ProjectionRow {
	soc: string;
	employmentBase: number | null;
	employmentProjected: number | null;
	openings: number | null;
	medianWage: number | null;
	entryEducation: string | null;
	workExperience: string | null;
	jobTraining: string | null;
	baseYear: number;
	projectedYear: number;
	runId: number;
}

export interface ProjectionVintage {
	runId: number;
	baseYear: number;
	projectedYear: number;
}

/** The projection vintages held for an area: the newest run of each base year, oldest first. */
export function projectionVintagesFor(db: Db, area: string): ProjectionVintage[] {
	return cached(db, `projection-vintages:${area}`, () =>
		all<ProjectionVintage>(
			db,
			`SELECT max(run_id) AS runId, base_year AS baseYear, max(projected_year) AS projectedYear
			 FROM projections WHERE area = ? GROUP BY base_year ORDER BY base_year`,
			area
		)
	);
}

/**
 * An area's projections from one run (`runId`), or by default the newest: the run with the latest
 * base year, then the newest run.
 */
function projectionsForUncached(db: Db, area: string, runId?: number): Map<string, ProjectionRow> {
	const run =
		runId !== undefined
			? { runId }
			: get<{ runId: number }>(
					db,
					`SELECT run_id AS runId FROM projections WHERE area = ?
					 GROUP BY run_id ORDER BY max(base_year) DESC, run_id DESC LIMIT 1`,
					area
				);
	if (!run) return new Map();
	const rows = all<ProjectionRow>(
		db,
		`SELECT soc, employment_base AS employmentBase, employment_projected AS employmentProjected,
		        openings, median_wage AS medianWage, entry_education AS entryEducation,
		        work_experience AS workExperience, job_training AS jobTraining,
		        base_year AS baseYear, projected_year AS projectedYear, run_id AS runId
		 FROM projections WHERE run_id = ? AND area = ?`,
		run.runId,
		area
	);
	return new Map(rows.map((r) => [r.soc, r]));
}

// --- Supply -------------------------------------------------------------------------------

/** Where an OEWS area's institutions are: a CBSA (metros, incl. the CBSA of a NECTA), a state, or all. */
export type Placement =
	{ kind: 'cbsa'; codes: string[] } | { kind: 'state'; state: string } | { kind: 'nation' };

export function placementFor(
	db: Db,
	area: { code: string; type: string; state: string | null }
): Placement {
	if (area.type === 'national') return { kind: 'nation' };
	if (area.type === 'state')
		return area.state ? { kind: 'state', state: area.state } : { kind: 'cbsa', codes: [] };
	const aliases = all<{ alias: string }>(
		db,
		'SELECT alias FROM area_aliases WHERE code = ?',
		area.code
	).map((a) => a.alias);
	return { kind: 'cbsa', codes: [area.code, ...aliases] };
}

export interface CompletionsYear {
	year: number;
	completionsRunId: number;
	institutionsRunId: number;
	/** First-major awards per CIP, summed over the area's institutions. */
	byCip: Map<string, number>;
	/** The same awards per CIP and IPEDS award level (AWLEVEL). */
	byAward: { cip: string; awardLevel: number; completions: number }[];
}

/**
 * Completions per CIP for the area: the newest `maxYears` IPEDS years that hold any completions
 * for the area's institutions (a year whose file does not cover the area — e.g. an extract for
 * other metros — is skipped, not counted as zero), newest first.
 */
function completionsForUncached(db: Db, placement: Placement, maxYears: number): CompletionsYear[] {
	const years = all<{ year: number; runId: number }>(
		db,
		'SELECT year, max(run_id) AS runId FROM completions GROUP BY year ORDER BY year DESC'
	);
	const hdRuns = all<{ year: number; runId: number }>(
		db,
		'SELECT year, max(run_id) AS runId FROM institutions GROUP BY year ORDER BY year DESC'
	);
	if (hdRuns.length === 0) return [];
	const out: CompletionsYear[] = [];
	for (const { year, runId } of years) {
		if (out.length >= maxYears) break;
		// The directory of the same year places institutions; otherwise the nearest year's.
		const hd = [...hdRuns].sort(
			(a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year
		)[0]!;
		let where = '';
		const params: unknown[] = [hd.runId, runId];
		if (placement.kind === 'cbsa') {
			if (placement.codes.length === 0) continue;
			where = `AND i.cbsa IN (${placement.codes.map(() => '?').join(',')})`;
			params.push(...placement.codes);
		} else if (placement.kind === 'state') {
			where = 'AND i.state = ?';
			params.push(placement.state);
		}
		const rows = all<{ cip: string; awardLevel: number; total: number | null }>(
			db,
			`SELECT c.cip AS cip, c.award_level AS awardLevel, sum(c.total) AS total
			 FROM completions c JOIN institutions i ON i.run_id = ? AND i.unitid = c.unitid
			 WHERE c.run_id = ? AND c.major_number = 1 ${where}
			 GROUP BY c.cip, c.award_level`,
			...params
		);
		if (rows.length === 0) continue;
		const byCip = new Map<string, number>();
		const byAward: CompletionsYear['byAward'] = [];
		for (const r of rows) {
			if (r.total === null) continue;
			byCip.set(r.cip, (byCip.get(r.cip) ?? 0) + r.total);
			byAward.push({ cip: r.cip, awardLevel: r.awardLevel, completions: r.total });
		}
		out.push({ year, completionsRunId: runId, institutionsRunId: hd.runId, byCip, byAward });
	}
	return out;
}

/** CIP → linked SOC codes from the newest crosswalk import, and its run. */
function cipSocLinksUncached(db: Db): { links: Map<string, string[]>; runId: number | null } {
	const runId = latestRun(db, 'cip_soc');
	if (!runId) return { links: new Map(), runId: null };
	const links = new Map<string, string[]>();
	for (const r of all<{ cip: string; soc: string }>(
		db,
		'SELECT cip, soc FROM cip_soc WHERE run_id = ?',
		runId
	)) {
		const list = links.get(r.cip);
		if (list) list.push(r.soc);
		else links.set(r.cip, [r.soc]);
	}
	return { links, runId };
}

export interface ProgramSupplyRow {
	soc: string | null;
	cip: string | null;
	program: string;
	provider: string | null;
	programType: string | null;
	completers: number;
	year: number;
	runId: number;
	/** The file the completions came from (their source, as the import named it). */
	fileName: string;
}

/** Non-credit, bootcamp and certification completers imported for the area (newest year each run). */
export function programCompletionsFor(db: Db, area: string): ProgramSupplyRow[] {
	return all<ProgramSupplyRow>(
		db,
		`SELECT soc, cip, program, provider, program_type AS programType, completers, p.year AS year,
		        p.run_id AS runId, r.file_name AS fileName
		 FROM program_completions p JOIN import_runs r ON r.id = p.run_id
		 WHERE p.area = ? AND p.year = (SELECT max(year) FROM program_completions q WHERE q.area = p.area AND q.run_id = p.run_id)
		 ORDER BY p.source_line`,
		area
	);
}

// --- Representation -----------------------------------------------------------------------

export interface DemographicRow {
	soc: string;
	group: string;
	share: number | null;
	shareStatus: string | null;
	totalEmployment: number | null;
	year: number;
	runId: number;
}

/** Occupation × group shares for an area from its newest run; `area` may be `99` (national). */
function demographicsForUncached(db: Db, area: string): DemographicRow[] {
	const run = get<{ runId: number }>(
		db,
		`SELECT run_id AS runId FROM occupation_demographics WHERE area = ?
		 GROUP BY run_id ORDER BY max(year) DESC, run_id DESC LIMIT 1`,
		area
	);
	if (!run) return [];
	return all<DemographicRow>(
		db,
		`SELECT soc, "group", share, share_status AS shareStatus, total_employment AS totalEmployment,
		        year, run_id AS runId
		 FROM occupation_demographics WHERE run_id = ? AND area = ? AND soc IS NOT NULL`,
		run.runId,
		area
	);
}

export interface BaselineRow {
	group: string;
	share: number | null;
	universe: string;
	year: number;
	runId: number;
	area: string;
}

/** Each group's baseline share in the area (any of the given area codes), newest run first. */
function baselineForUncached(db: Db, areas: string[]): BaselineRow[] {
	if (areas.length === 0) return [];
	const marks = areas.map(() => '?').join(',');
	return all<BaselineRow>(
		db,
		`SELECT "group", share, universe, year, run_id AS runId, area FROM labor_force_baseline
		 WHERE area IN (${marks}) ORDER BY run_id DESC`,
		...areas
	);
}

// --- Categories, thresholds, postings -------------------------------------------------------

function digitalCategoriesMapUncached(db: Db): {
	bySoc: Map<string, string>;
	runId: number | null;
} {
	const runId = latestRun(db, 'digital_categories');
	if (!runId) return { bySoc: new Map(), runId: null };
	const rows = all<{ soc: string; category: string }>(
		db,
		'SELECT soc, category FROM digital_categories WHERE run_id = ?',
		runId
	);
	return { bySoc: new Map(rows.map((r) => [r.soc, r.category])), runId };
}

/** SOC codes that need a licence or certification to work, from the newest import (null: none imported). */
export function licensedSocs(db: Db): Set<string> | null {
	return cached(db, 'licensed-socs', () => {
		const run = get<{ runId: number | null }>(
			db,
			'SELECT max(run_id) AS runId FROM licensed_occupations'
		);
		if (!run?.runId) return null;
		return new Set(
			all<{ soc: string }>(
				db,
				'SELECT soc FROM licensed_occupations WHERE run_id = ?',
				run.runId
			).map((r) => r.soc)
		);
	});
}

export interface PovertyGuidelineRow {
	year: number;
	jurisdiction: 'contiguous' | 'alaska' | 'hawaii';
	firstPerson: number;
	additionalPerson: number;
	source: string;
	runId: number;
}

/** The HHS poverty guidelines of the newest import, every year and table. */
export function povertyGuidelinesFor(db: Db): PovertyGuidelineRow[] {
	return cached(db, 'poverty-guidelines', () =>
		all<PovertyGuidelineRow>(
			db,
			`SELECT year, jurisdiction, first_person AS firstPerson, additional_person AS additionalPerson,
			        coalesce(source, '') AS source, run_id AS runId
			 FROM poverty_guidelines WHERE run_id = (SELECT max(run_id) FROM poverty_guidelines)`
		)
	);
}

export interface LivingWage {
	area: string;
	annualWage: number;
	source: string | null;
	updatedAt: string;
}

export function livingWageFor(db: Db, area: string): LivingWage | null {
	return (
		get<LivingWage>(
			db,
			'SELECT area, annual_wage AS annualWage, source, updated_at AS updatedAt FROM living_wages WHERE area = ?',
			area
		) ?? null
	);
}

export function setLivingWage(
	db: Db,
	area: string,
	annualWage: number,
	source: string | null,
	by: string | null
): void {
	db.$client
		.prepare(
			`INSERT INTO living_wages (area, annual_wage, source, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT(area) DO UPDATE SET annual_wage = excluded.annual_wage, source = excluded.source,
			   updated_at = excluded.updated_at, updated_by = excluded.updated_by`
		)
		.run(area, annualWage, source, new Date().toISOString(), by);
}

/** Removes an area's living wage; false when it had none. */
export function clearLivingWage(db: Db, area: string): boolean {
	return db.$client.prepare('DELETE FROM living_wages WHERE area = ?').run(area).changes > 0;
}

export interface PostingsPoint {
	date: string;
	value: number | null;
	basis: string;
	series: string;
	runId: number;
}

/** The newest postings-index points for an area (all series), newest date first. */
export function postingsTrendFor(db: Db, areas: string[], limit = 400): PostingsPoint[] {
	if (areas.length === 0) return [];
	const marks = areas.map(() => '?').join(',');
	const runId = latestRun(db, 'postings_index', areas);
	if (!runId) return [];
	return all<PostingsPoint>(
		db,
		`SELECT date, value, basis, series, run_id AS runId FROM postings_index
		 WHERE run_id = ? AND area IN (${marks}) ORDER BY date DESC LIMIT ?`,
		runId,
		...areas,
		limit
	);
}

export interface PostingsCountRow {
	soc: string;
	period: string;
	postings: number;
	runId: number;
}

export function postingsCountsFor(db: Db, area: string): Map<string, PostingsCountRow> {
	const rows = all<PostingsCountRow>(
		db,
		`SELECT soc, period, postings, run_id AS runId FROM postings_counts p WHERE area = ?
		 AND period = (SELECT max(period) FROM postings_counts q WHERE q.area = p.area AND q.soc = p.soc)
		 ORDER BY run_id DESC`,
		area
	);
	const out = new Map<string, PostingsCountRow>();
	for (const r of rows) if (!out.has(r.soc)) out.set(r.soc, r);
	return out;
}

export type { Row };

// Cached entry points (see ../cache.ts).
export function projectionsFor(db: Db, area: string, runId?: number): Map<string, ProjectionRow> {
	return cached(db, `projections:${area}:${runId ?? 'newest'}`, () =>
		projectionsForUncached(db, area, runId)
	);
}

export function cipSocLinks(db: Db): { links: Map<string, string[]>; runId: number | null } {
	return cached(db, 'cip-soc', () => cipSocLinksUncached(db));
}

export function demographicsFor(db: Db, area: string): DemographicRow[] {
	return cached(db, `demographics:${area}`, () => demographicsForUncached(db, area));
}

export function digitalCategoriesMap(db: Db): { bySoc: Map<string, string>; runId: number | null } {
	return cached(db, 'digital-categories', () => digitalCategoriesMapUncached(db));
}

export function completionsFor(db: Db, placement: Placement, maxYears = 3): CompletionsYear[] {
	return cached(db, `completions:${JSON.stringify(placement)}:${maxYears}`, () =>
		completionsForUncached(db, placement, maxYears)
	);
}

export function baselineFor(db: Db, areas: string[]): BaselineRow[] {
	return cached(db, `baseline:${areas.join(',')}`, () => baselineForUncached(db, areas));
}

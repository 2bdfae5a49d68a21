/** Reads for one occupation: its definition, O*NET details, related occupations and programs. */
import { strongestByKey, type RelatednessTier } from '../../../domain/relatedness';
import { cached } from '../cache';
import type { Db } from '../client';
import { latestRun } from './runs';
import type { Placement } from './sources';

const all = <T>(db: Db, sql: string, ...params: unknown[]): T[] =>
	db.$client.prepare(sql).all(...params) as T[];
const get = <T>(db: Db, sql: string, ...params: unknown[]): T | undefined =>
	db.$client.prepare(sql).get(...params) as T | undefined;

export function socDefinition(db: Db, soc: string): string | null {
	return (
		get<{ d: string | null }>(
			db,
			'SELECT definition AS d FROM soc_definitions WHERE soc = ? ORDER BY run_id DESC LIMIT 1',
			soc
		)?.d ?? null
	);
}

/** Job Zone of the occupation: the O*NET `.00` code's, else the lowest among its O*NET codes. */
export function jobZone(db: Db, soc: string): number | null {
	return (
		get<{ z: number }>(
			db,
			`SELECT job_zone AS z FROM onet_job_zones WHERE soc = ? AND run_id = ?
			 ORDER BY onet_code LIKE '%.00' DESC, job_zone LIMIT 1`,
			soc,
			latestRun(db, 'onet_job_zones')
		)?.z ?? null
	);
}

export interface TechSkill {
	example: string;
	hot: boolean;
	inDemand: boolean;
}

/** Technology skills, hot and in-demand first, one row per example. */
export function technologySkills(db: Db, soc: string, limit = 15): TechSkill[] {
	return all<{ example: string; hot: number; inDemand: number }>(
		db,
		`SELECT example, max(hot) AS hot, max(in_demand) AS inDemand FROM onet_technology_skills
		 WHERE soc = ? AND run_id = ?
		 GROUP BY example ORDER BY inDemand DESC, hot DESC, example LIMIT ?`,
		soc,
		latestRun(db, 'onet_technology_skills'),
		limit
	).map((r) => ({ example: r.example, hot: r.hot === 1, inDemand: r.inDemand === 1 }));
}

export interface RelatedRow {
	soc: string;
	title: string | null;
	tier: RelatednessTier;
	rank: number;
}

/**
 * O*NET related occupations out of (`direction = out`) or into the occupation, each pair once by
 * the relatedness rule (its strongest listing), best rank first.
 */
export function relatedOccupations(db: Db, soc: string, direction: 'out' | 'in'): RelatedRow[] {
	const [mine, theirs] = direction === 'out' ? ['from_soc', 'to_soc'] : ['to_soc', 'from_soc'];
	const listings = all<RelatedRow>(
		db,
		`SELECT r.${theirs} AS soc, o.title AS title, r.tier AS tier, r.rank AS rank
		 FROM onet_related r LEFT JOIN occupations o ON o.soc = r.${theirs}
		 WHERE r.${mine} = ? AND r.${theirs} <> ? AND r.run_id = ?`,
		soc,
		soc,
		latestRun(db, 'onet_related')
	);
	return strongestByKey(listings, (r) => r.soc)
		.sort((a, b) => a.rank - b.rank || (a.soc < b.soc ? -1 : a.soc > b.soc ? 1 : 0))
		.slice(0, 20);
}

/** Job Zone per occupation: each SOC's `.00` O*NET code's zone, else its lowest. */
export function jobZones(db: Db): Map<string, number> {
	return cached(db, 'job-zones', () => {
		const rows = all<{ soc: string; z: number }>(
			db,
			`SELECT soc, job_zone AS z, onet_code AS code FROM onet_job_zones
			 WHERE run_id = ? ORDER BY soc, code LIKE '%.00' DESC, job_zone`,
			latestRun(db, 'onet_job_zones')
		);
		const out = new Map<string, number>();
		for (const r of rows) if (!out.has(r.soc)) out.set(r.soc, r.z);
		return out;
	});
}

/** Occupations whose alternate or direct-match titles contain `q` (first match per SOC). */
export function titleMatches(db: Db, q: string): Map<string, string> {
	const rows = all<{ soc: string; title: string }>(
		db,
		`SELECT soc, title FROM occupation_titles WHERE title LIKE ? ESCAPE '\\' ORDER BY length(title) LIMIT 2000`,
		`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
	);
	const out = new Map<string, string>();
	for (const r of rows) if (!out.has(r.soc)) out.set(r.soc, r.title);
	return out;
}

export interface ProgramRow {
	unitid: string;
	institution: string;
	city: string | null;
	cip: string;
	cipTitle: string | null;
	awardLevel: number;
	completions: number;
	year: number;
}

/**
 * Programs (CIP × institution × award level) linked to the occupation, in the area, newest IPEDS
 * year, largest first: the first `limit` (200 by default), or every one when `limit` is null.
 */
export function programsFeeding(
	db: Db,
	soc: string,
	placement: Placement,
	limit: number | null = 200
): ProgramRow[] {
	// The nation's list reads the whole year (60–100 ms): kept per occupation until the data change.
	if (placement.kind === 'nation') {
		return cached(db, `programs-feeding-nation:${soc}:${limit ?? 'all'}`, () =>
			programsFeedingUncached(db, soc, placement, limit)
		);
	}
	return programsFeedingUncached(db, soc, placement, limit);
}

function programsFeedingUncached(
	db: Db,
	soc: string,
	placement: Placement,
	limit: number | null
): ProgramRow[] {
	// A scan of the whole completions table (~60 ms on the national file): once per data version,
	// not once per occupation (the pathway map asks for several).
	const year = cached(db, 'completions-newest-year', () =>
		get<{ year: number; runId: number }>(
			db,
			'SELECT year, max(run_id) AS runId FROM completions GROUP BY year ORDER BY year DESC LIMIT 1'
		)
	);
	if (!year) return [];
	const hd =
		get<{ runId: number }>(
			db,
			'SELECT max(run_id) AS runId FROM institutions WHERE year = (SELECT max(year) FROM institutions WHERE year <= ?)',
			year.year
		) ?? get<{ runId: number }>(db, 'SELECT max(run_id) AS runId FROM institutions');
	if (!hd?.runId) return [];
	let where = '';
	const params: unknown[] = [soc, latestRun(db, 'cip_soc'), hd.runId, year.runId];
	if (placement.kind === 'cbsa') {
		if (placement.codes.length === 0) return [];
		where = `AND i.cbsa IN (${placement.codes.map(() => '?').join(',')})`;
		params.push(...placement.codes);
	} else if (placement.kind === 'state') {
		where = 'AND i.state = ?';
		params.push(placement.state);
	}
	// completions has no CIP index (keeping one cost a third of every IPEDS import). In an area,
	// its institutions × the CIP codes reach completions through the primary key (CROSS JOIN keeps
	// that order); for the nation one pass over the year's rows, each checked against the CIP codes
	// (the IN list), is quicker than a lookup per institution and code.
	const from =
		placement.kind === 'nation'
			? `completions c CROSS JOIN x CROSS JOIN institutions i
			   ON i.run_id = ? AND c.run_id = ? AND c.unitid = i.unitid AND c.cip = x.cip
			   AND c.cip IN (SELECT cip FROM x)`
			: `institutions i CROSS JOIN x CROSS JOIN completions c
			   ON i.run_id = ? AND c.run_id = ? AND c.unitid = i.unitid AND c.cip = x.cip`;
	return all<ProgramRow>(
		db,
		`WITH x AS (SELECT DISTINCT cip, cip_title FROM cip_soc WHERE soc = ? AND run_id = ?)
		 SELECT c.unitid, i.name AS institution, i.city, c.cip, x.cip_title AS cipTitle,
		        c.award_level AS awardLevel, c.total AS completions, c.year
		 FROM ${from}
		 WHERE c.major_number = 1 AND c.total > 0 ${where}
		 ORDER BY c.total DESC, i.name LIMIT ?`,
		...params,
		// SQLite reads a negative LIMIT as none.
		limit ?? -1
	);
}

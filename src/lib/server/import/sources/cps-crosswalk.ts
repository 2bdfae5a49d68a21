/**
 * SOC codes for a CPS Table 11 line through the Census 2018 occupation code list, when that list
 * is imported (`census-occ-codes`): a detailed line stands for every detailed SOC code it covers
 * ("Computer support specialists" → 15-1231 and 15-1232), wildcards included. Only detailed lines
 * are answered here; totals, group lines and titles the list lacks return null, and CPS falls
 * back to its title matcher for them (see analysis/census-occ-crosswalk.ts for the rules).
 */
import type Database from 'better-sqlite3';
import {
	censusTitleKey,
	cpsLineSocs,
	type CensusOccLine
} from '../../../analysis/census-occ-crosswalk';

export type CpsCrosswalk = (title: string) => string[] | null;

export function cpsCrosswalk(sqlite: Database.Database): CpsCrosswalk | null {
	const run = sqlite.prepare('SELECT max(run_id) AS id FROM census_occ_codes').get() as {
		id: number | null;
	};
	if (run.id === null) return null;
	const lines = sqlite
		.prepare('SELECT title, code, soc FROM census_occ_codes WHERE run_id = ? ORDER BY source_line')
		.all(run.id) as CensusOccLine[];
	const detailed = (
		sqlite
			.prepare(
				`SELECT DISTINCT soc FROM soc_definitions WHERE level = 'detailed'
				 UNION SELECT soc FROM occupations WHERE vintage = '2018' AND level = 'detailed'`
			)
			.all() as { soc: string }[]
	).map((r) => r.soc);
	if (detailed.length === 0) return null;
	// Every Census line's codes at once (the most-specific-line rule needs the whole list).
	const byKey = new Map<string, string[]>();
	for (const l of cpsLineSocs(
		lines.map((l) => l.title),
		lines,
		detailed
	)) {
		if (l.kind === 'detailed' && l.socs.length > 0) byKey.set(censusTitleKey(l.title), l.socs);
	}
	return (title) => byKey.get(censusTitleKey(title)) ?? null;
}

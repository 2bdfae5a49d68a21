/**
 * "Newest run wins": the one helper that says which import run of a table is current. Tables are
 * named from a fixed list (never from a request), so the name can go into the SQL text.
 */
import { cached } from '../cache';
import type { Db } from '../client';

export const RUN_TABLES = [
	'cip_soc',
	'completions',
	'credential_reference',
	'credentials',
	'digital_categories',
	'funding_reference',
	'institutions',
	'onet_job_zones',
	'onet_related',
	'onet_skills',
	'onet_technology_skills',
	'postings_index',
	'soc_definitions'
] as const;
export type RunTable = (typeof RUN_TABLES)[number];

function runTable(table: RunTable): RunTable {
	if (!(RUN_TABLES as readonly string[]).includes(table))
		throw new Error(`not a run table: ${table}`);
	return table;
}

/**
 * The newest import run that wrote rows to `table`, or null when none did; with `areas`, the
 * newest that wrote rows for one of them (a table whose runs each cover a few areas).
 */
export function latestRun(db: Db, table: RunTable, areas?: readonly string[]): number | null {
	runTable(table);
	if (areas?.length === 0) return null;
	const key = `latest-run:${table}${areas ? `:${areas.join(',')}` : ''}`;
	return cached(db, key, () => {
		const where = areas ? ` WHERE area IN (${areas.map(() => '?').join(',')})` : '';
		const row = db.$client
			.prepare(`SELECT max(run_id) AS id FROM ${table}${where}`)
			.get(...(areas ?? [])) as { id: number | null };
		return row.id;
	});
}

/**
 * For tables where each entity keeps its own newest run (a credential re-imported in a later file
 * replaces only itself): the SQL condition that row `alias` is from the newest run holding a row
 * with the same `keys` (compared with IS, so NULL keys match).
 */
export function newestRunOfEach(table: RunTable, alias: string, keys: readonly string[]): string {
	const same = keys.map((k) => ` AND newest.${k} IS ${alias}.${k}`).join('');
	return `${alias}.run_id = (SELECT max(run_id) FROM ${runTable(table)} newest WHERE 1${same})`;
}

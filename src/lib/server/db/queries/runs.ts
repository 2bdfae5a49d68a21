/**
 * "Newest run wins": the one helper that says which import run of a table is current. Tables are
 * named from a fixed list (never from a request), so the name can go into the SQL text.
 */
import { cached } from '../cache';
import type { Db } from '../client';

export const RUN_TABLES = [
	'cip_soc',
	'completions',
	'credentials',
	'digital_categories',
	'institutions',
	'onet_job_zones',
	'onet_related',
	'onet_technology_skills',
	'postings_index',
	'soc_definitions'
] as const;
export type RunTable = (typeof RUN_TABLES)[number];

/** The newest import run that wrote rows to `table`, or null when none did. */
export function latestRun(db: Db, table: RunTable): number | null {
	if (!(RUN_TABLES as readonly string[]).includes(table))
		throw new Error(`not a run table: ${table}`);
	return cached(db, `latest-run:${table}`, () => {
		const row = db.$client.prepare(`SELECT max(run_id) AS id FROM ${table}`).get() as {
			id: number | null;
		};
		return row.id;
	});
}

/** Reads of imported credentials (certifications, certificates, degrees…) per occupation. */
import type { Db } from '../client';
import { newestRunOfEach } from './runs';

const NEWEST = newestRunOfEach('credentials', 'c', ['soc', 'name', 'issuer', 'area']);

export interface CredentialRow {
	name: string;
	type: string | null;
	issuer: string | null;
	/** The area the row's figures apply to; null for a credential that applies everywhere. */
	area: string | null;
	costUsd: number | null;
	durationMonths: number | null;
	completionRate: number | null;
	employmentRate: number | null;
	medianWageAfter: number | null;
	url: string | null;
	runId: number;
}

/**
 * The credentials that prepare for the occupation in the area: rows for the area itself and rows
 * without an area. A credential imported several times (same name, issuer and area) is listed
 * once, from its newest run. Cheapest first when costs are known, then by name.
 */
export function credentialsFor(db: Db, soc: string, area: string): CredentialRow[] {
	return db.$client
		.prepare(
			`SELECT name, type, issuer, area, cost_usd AS costUsd, duration_months AS durationMonths,
			        completion_rate AS completionRate, employment_rate AS employmentRate,
			        median_wage_after AS medianWageAfter, url, run_id AS runId
			 FROM credentials c
			 WHERE soc = ? AND (area IS NULL OR area = ?)
			   AND ${NEWEST}
			 ORDER BY cost_usd IS NULL, cost_usd, name, issuer
			 LIMIT 50`
		)
		.all(soc, area) as CredentialRow[];
}

/** Credential names per occupation for several occupations at once (the route finder's steps). */
export function credentialNamesFor(
	db: Db,
	socs: readonly string[],
	area: string
): Map<string, string[]> {
	const out = new Map<string, string[]>(socs.map((s) => [s, []]));
	if (socs.length === 0) return out;
	const rows = db.$client
		.prepare(
			`SELECT DISTINCT soc, name FROM credentials
			 WHERE soc IN (${socs.map(() => '?').join(',')}) AND (area IS NULL OR area = ?)
			 ORDER BY soc, name`
		)
		.all(...socs, area) as { soc: string; name: string }[];
	for (const r of rows) out.get(r.soc)?.push(r.name);
	return out;
}

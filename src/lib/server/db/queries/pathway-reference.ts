/**
 * Reads of the pathway references: O*NET Skills ratings, the credentials reference and the
 * funding reference. Rows as stored; the reports turn them into the analysis types.
 */
import { cached } from '../cache';
import type { Db } from '../client';
import { latestRun } from './runs';

export interface SkillRatingRow {
	code: string;
	elementId: string;
	elementName: string;
	scaleId: string;
	value: number;
	notRelevant: boolean;
}

/** Every IM and LV rating of the newest Skills import (empty when none). */
export function skillRatings(db: Db): SkillRatingRow[] {
	return cached(db, 'onet-skills', () => {
		const run = latestRun(db, 'onet_skills');
		if (run === null) return [];
		return (
			db.$client
				.prepare(
					`SELECT onet_code AS code, element_id AS elementId, element_name AS elementName,
				        scale_id AS scaleId, value, not_relevant AS notRelevant
				 FROM onet_skills WHERE run_id = ?`
				)
				.all(run) as (Omit<SkillRatingRow, 'notRelevant'> & { notRelevant: number })[]
		).map((r) => ({ ...r, notRelevant: r.notRelevant === 1 }));
	});
}

export interface CredentialReferenceRow {
	runId: number;
	id: string;
	name: string;
	issuer: string;
	kind: string;
	category: string | null;
	level: string;
	socCodes: string;
	feeUsd: number | null;
	feeBasis: string | null;
	feeAsOf: string | null;
	typicalPrep: string | null;
	prerequisites: string | null;
	renewal: string | null;
	dod8140: string;
	sourceUrls: string;
	notes: string | null;
	line: number;
}

/**
 * The credentials reference as it stands: for each credential id, the row of the newest import
 * that has it (an editor's file replaces the bundled row by id and adds its own), in the order
 * of the oldest file, then of each newer file.
 */
export function credentialReference(db: Db): CredentialReferenceRow[] {
	return cached(db, 'credential-reference', () =>
		newestById(
			db.$client
				.prepare(
					`SELECT run_id AS runId, credential_id AS id, name, issuer, kind, category, level,
				        soc_codes AS socCodes, fee_usd AS feeUsd, fee_basis AS feeBasis,
				        fee_as_of AS feeAsOf, typical_prep AS typicalPrep, prerequisites, renewal,
				        dod_8140 AS dod8140, source_urls AS sourceUrls, notes, source_line AS line
				 FROM credential_reference ORDER BY run_id, source_line`
				)
				.all() as CredentialReferenceRow[]
		)
	);
}

export interface FundingReferenceRow {
	runId: number;
	id: string;
	name: string;
	administrator: string;
	whoQualifies: string;
	covers: string;
	typicalMaxUsd: number | null;
	sourceUrls: string;
	line: number;
}

/** The funding reference, newest row per id (as `credentialReference`). */
export function fundingReference(db: Db): FundingReferenceRow[] {
	return cached(db, 'funding-reference', () =>
		newestById(
			db.$client
				.prepare(
					`SELECT run_id AS runId, funding_id AS id, name, administrator,
				        who_qualifies AS whoQualifies, covers, typical_max_usd AS typicalMaxUsd,
				        source_urls AS sourceUrls, source_line AS line
				 FROM funding_reference ORDER BY run_id, source_line`
				)
				.all() as FundingReferenceRow[]
		)
	);
}

/** Rows in run order → one per id, the newest run's row in the place of the first. */
function newestById<R extends { id: string }>(rows: readonly R[]): R[] {
	const byId = new Map<string, R>();
	for (const r of rows) byId.set(r.id, r);
	return [...byId.values()];
}

/** Reads for the career-pathway map: O*NET relations as SOC pairs, and imported or curated edges. */
import { strongestByKey, type RelatednessTier } from '../../../domain/relatedness';
import { cached } from '../cache';
import type { Db } from '../client';
import { latestRun } from './runs';

export interface RelationRow {
	from: string;
	to: string;
	tier: RelatednessTier;
	rank: number;
}

/** Every O*NET relation between two different SOCs, each pair once by the relatedness rule. */
export function onetRelations(db: Db): RelationRow[] {
	return cached(db, 'onet-relations', () => {
		const listings = db.$client
			.prepare(
				`SELECT from_soc AS "from", to_soc AS "to", tier, rank FROM onet_related
				 WHERE run_id = ? AND from_soc <> to_soc`
			)
			.all(latestRun(db, 'onet_related')) as RelationRow[];
		return strongestByKey(listings, (r) => `${r.from}>${r.to}`);
	});
}

export interface ImportedEdgeRow {
	from: string;
	to: string;
	source: string;
	note: string | null;
}

/** Pathway edges imported or curated for the area or for everywhere (removals included). */
export function importedEdges(db: Db, area: string): ImportedEdgeRow[] {
	return db.$client
		.prepare(
			`SELECT from_soc AS "from", to_soc AS "to", source, note FROM pathway_edges
			 WHERE area IS NULL OR area = ?`
		)
		.all(area) as ImportedEdgeRow[];
}

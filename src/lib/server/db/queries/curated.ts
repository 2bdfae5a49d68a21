/**
 * Curated pathway edits: each edit is its own import run (source `curated`), so it is listed in
 * the import history and undone by deleting that run. Adding writes an edge with source
 * `curated`; removing writes a `curated:removed` marker that hides the same move from every source.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../client';

export const CURATED = 'curated';
export const CURATED_REMOVED = 'curated:removed';

export interface CuratedEdit {
	from: string;
	to: string;
	note: string | null;
	remove: boolean;
	area: string | null;
	by: string | null;
}

export function saveCuratedEdit(db: Db, edit: CuratedEdit): number {
	const write = db.$client.transaction((e: CuratedEdit) => {
		const now = new Date().toISOString();
		const sha = createHash('sha256')
			.update(JSON.stringify({ ...e, now, nonce: Math.random() }))
			.digest('hex');
		const run = db.$client
			.prepare(
				`INSERT INTO import_runs (source, year, file_name, sha256, rows_read, rows_imported, status, imported_by, started_at, finished_at)
				 VALUES (?, NULL, ?, ?, 1, 1, 'imported', ?, ?, ?)`
			)
			.run(
				CURATED,
				`curated ${e.remove ? 'removal' : 'edge'} ${e.from} → ${e.to}`,
				sha,
				e.by,
				now,
				now
			);
		const runId = Number(run.lastInsertRowid);
		db.$client
			.prepare(
				'INSERT INTO pathway_edges (run_id, from_soc, to_soc, source, note, area) VALUES (?, ?, ?, ?, ?, ?)'
			)
			.run(runId, e.from, e.to, e.remove ? CURATED_REMOVED : CURATED, e.note, e.area);
		return runId;
	});
	return write(edit);
}

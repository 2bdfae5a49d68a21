/** Import history: every run with what it read, and deleting a run with all its rows. */
import type { Db } from '../client';

export interface ImportRunRow {
	id: number;
	source: string;
	year: number | null;
	fileName: string;
	sha256: string;
	rowsRead: number;
	rowsImported: number;
	status: string;
	importedBy: string | null;
	startedAt: string;
	finishedAt: string | null;
}

export function listImportRuns(db: Db): ImportRunRow[] {
	return db.$client
		.prepare(
			`SELECT id, source, year, file_name AS fileName, sha256, rows_read AS rowsRead,
			        rows_imported AS rowsImported, status, imported_by AS importedBy,
			        started_at AS startedAt, finished_at AS finishedAt
			 FROM import_runs ORDER BY id DESC`
		)
		.all() as ImportRunRow[];
}

/** The stored file of one run (its sha256 names it in the uploads folder), or null. */
export function importRunFile(db: Db, id: number): { sha256: string; fileName: string } | null {
	const run = db.$client
		.prepare('SELECT sha256, file_name AS fileName FROM import_runs WHERE id = ?')
		.get(id) as { sha256: string; fileName: string } | undefined;
	return run ?? null;
}

/**
 * Deletes a run and, through the foreign keys' ON DELETE CASCADE, every row it imported — in one
 * transaction, so pages see the data either with the run or without it. Returns false when no
 * such run exists.
 */
export function deleteImportRun(db: Db, id: number): boolean {
	const run = db.$client.transaction((runId: number) => {
		return db.$client.prepare('DELETE FROM import_runs WHERE id = ?').run(runId).changes > 0;
	});
	return run(id);
}

/** Test databases: a migrated temporary file per test, and a snapshot of every table's content. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateDb, type Db } from '../../src/lib/server/db/client';
import { importFile } from '../../src/lib/server/import/load';

export interface TempDb {
	db: Db;
	path: string;
	dir: string;
	close(): void;
}

export function tempDb(): TempDb {
	const dir = mkdtempSync(join(tmpdir(), 'rlm-test-'));
	const path = join(dir, 'test.db');
	const db = createDb(path);
	migrateDb(db);
	return {
		db,
		path,
		dir,
		close() {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Row count and a content hash of every table, to prove a failed import changed nothing. */
export function snapshot(db: Db): Record<string, { rows: number; hash: string }> {
	const tables = db.$client
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
		.all() as { name: string }[];
	const out: Record<string, { rows: number; hash: string }> = {};
	for (const { name } of tables) {
		const rows = db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all();
		out[name] = {
			rows: rows.length,
			hash: createHash('sha256').update(JSON.stringify(rows)).digest('hex')
		};
	}
	return out;
}

export const FIXTURES = join(process.cwd(), 'tests/fixtures');
export const SAMPLE = join(process.cwd(), 'data/sample');

/**
 * A temporary database with `files` imported in order (paths relative to the repository or
 * absolute); any file not imported fails the setup with its first issue.
 */
export async function seededDb(files: readonly string[]): Promise<TempDb> {
	const t = tempDb();
	for (const f of files) {
		const r = await importFile(t.db.$client, f.startsWith('/') ? f : join(process.cwd(), f));
		if (r.status !== 'imported') {
			t.close();
			throw new Error(`${f}: ${r.status} ${JSON.stringify(r.issues[0])}`);
		}
	}
	return t;
}

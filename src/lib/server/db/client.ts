/**
 * Opens a database file: better-sqlite3 with the pragmas this app relies on, wrapped in drizzle.
 * Free of SvelteKit's `$env` so scripts, benchmarks and tests can use it directly.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = 'data/app.db';
export const MIGRATIONS_FOLDER = resolve(process.cwd(), 'migrations');

export interface OpenOptions {
	readonly?: boolean;
}

export function openSqlite(path: string, options: OpenOptions = {}): Database.Database {
	if (path !== ':memory:' && !options.readonly)
		mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path, {
		readonly: options.readonly ?? false,
		fileMustExist: options.readonly ?? false
	});
	// WAL lets pages keep reading the last committed data while an import writes.
	if (!options.readonly) sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return sqlite;
}

export function createDb(path: string, options: OpenOptions = {}): Db {
	return drizzle(openSqlite(path, options), { schema }) as Db;
}

/** Applies the committed migrations in `migrations/`; a no-op when the database is current. */
export function migrateDb(db: Db, migrationsFolder = MIGRATIONS_FOLDER): void {
	migrate(db, { migrationsFolder });
}

export function databasePathFromEnv(env: Record<string, string | undefined> = process.env): string {
	const url = env.DATABASE_URL?.trim();
	if (!url) return DEFAULT_DATABASE_PATH;
	return url.startsWith('file:') ? url.slice('file:'.length) : url;
}

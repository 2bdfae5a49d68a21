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

// `file:…?immutable=1` is how a database on a read-only disk opens (see openForServing). The
// driver reads this once, when its native addon loads, so it is set before any connection.
process.env.SQLITE_USE_URI ??= '1';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = 'data/app.db';
export const MIGRATIONS_FOLDER = resolve(process.cwd(), 'migrations');

export interface OpenOptions {
	readonly?: boolean;
	/**
	 * Read-only on a disk nobody can write: SQLite then needs neither the -wal nor the -shm file
	 * (a cleanly closed WAL database has neither, and a read-only folder cannot create them).
	 */
	immutable?: boolean;
}

export function openSqlite(path: string, options: OpenOptions = {}): Database.Database {
	if (path !== ':memory:' && !options.readonly)
		mkdirSync(dirname(resolve(path)), { recursive: true });
	const readonly = (options.readonly || options.immutable) ?? false;
	const name = options.immutable ? `file:${encodeURI(resolve(path))}?immutable=1` : path;
	const sqlite = new Database(name, { readonly, fileMustExist: readonly });
	// WAL lets pages keep reading the last committed data while an import writes.
	if (!readonly) sqlite.pragma('journal_mode = WAL');
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

/** Errors that mean "this database (or its folder) cannot be written", not "it is broken". */
export function cannotWrite(e: unknown): boolean {
	const code = String((e as { code?: unknown } | null)?.code ?? '');
	return (
		code === 'SQLITE_CANTOPEN' ||
		code.startsWith('SQLITE_READONLY') ||
		code === 'EROFS' ||
		code === 'EACCES' ||
		code === 'EPERM'
	);
}

/**
 * Throws SQLITE_READONLY when the database cannot be written although it opened for writing:
 * SQLite falls back to reading a file it may not write, and with its -wal and -shm present it
 * opens, and migrations that have nothing to do write nothing. A write rolled back tells.
 */
function assertWritable(sqlite: Database.Database): void {
	const version = Number(sqlite.pragma('user_version', { simple: true }));
	const timeout = sqlite.pragma('busy_timeout', { simple: true });
	sqlite.pragma('busy_timeout = 100');
	try {
		sqlite.exec('BEGIN IMMEDIATE');
		sqlite.pragma(`user_version = ${version}`);
	} catch (e) {
		// Another process is writing (an import from the command line): so it can be written.
		if (!String((e as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw e;
	} finally {
		if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
		sqlite.pragma(`busy_timeout = ${timeout}`);
	}
}

export interface Served {
	db: Db;
	/** Why the database was opened read-only, or null when it can be written. */
	readOnly: string | null;
}

/**
 * Opens the database the server reads: for writing and migrated when it can be; otherwise, when
 * the file or its folder cannot be written (a read-only mount, a file without write permission),
 * read-only, so pages keep answering and writes can say why they cannot happen. A database that
 * was never migrated cannot be served read-only (its tables do not exist) and throws.
 */
export function openForServing(path: string, migrationsFolder = MIGRATIONS_FOLDER): Served {
	let db: Db | null = null;
	try {
		db = createDb(path);
		migrateDb(db, migrationsFolder);
		assertWritable(db.$client);
		return { db, readOnly: null };
	} catch (e) {
		db?.$client.close();
		if (!cannotWrite(e) || path === ':memory:') throw e;
		const reason = (e as Error).message;
		for (const options of [{ readonly: true }, { immutable: true }]) {
			let ro: Db | null = null;
			try {
				ro = createDb(path, options);
				// Opening is lazy: the first read is what finds a -shm that cannot be created.
				ro.$client.prepare('SELECT count(*) FROM import_runs').get();
				return { db: ro, readOnly: reason };
			} catch (inner) {
				ro?.$client.close();
				if (!cannotWrite(inner)) throw inner;
			}
		}
		throw e;
	}
}

export function databasePathFromEnv(env: Record<string, string | undefined> = process.env): string {
	const url = env.DATABASE_URL?.trim();
	if (!url) return DEFAULT_DATABASE_PATH;
	return url.startsWith('file:') ? url.slice('file:'.length) : url;
}

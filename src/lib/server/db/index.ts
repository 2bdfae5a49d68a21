/**
 * The app's one database connection, opened on first use from DATABASE_URL (default
 * data/app.db) and migrated. When the database cannot be written (a read-only disk), it is opened
 * read-only: pages keep answering and every write answers 503 (hooks.server.ts).
 */
import { env } from '$env/dynamic/private';
import { databasePathFromEnv, openForServing, type Db } from './client';

let db: Db | null = null;
let readOnly: string | null = null;

export function getDb(): Db {
	if (!db) {
		const served = openForServing(databasePathFromEnv({ DATABASE_URL: env.DATABASE_URL }));
		db = served.db;
		readOnly = served.readOnly;
		if (readOnly)
			console.warn(`The database cannot be written (${readOnly}): serving it read-only.`);
		// This connection mostly reads (WAL never blocks readers). A write that finds the lock
		// held (an import from the command line) fails fast rather than freezing the server.
		db.$client.pragma('busy_timeout = 250');
	}
	return db;
}

/** Why the database is read-only, or null when it can be written. Opens it if needed. */
export function readOnlyReason(): string | null {
	getDb();
	return readOnly;
}

/** The app's one database connection, opened on first use from DATABASE_URL (default data/app.db). */
import { env } from '$env/dynamic/private';
import { createDb, databasePathFromEnv, migrateDb, type Db } from './client';

let db: Db | null = null;

export function getDb(): Db {
	if (!db) {
		db = createDb(databasePathFromEnv({ DATABASE_URL: env.DATABASE_URL }));
		migrateDb(db);
		// This connection mostly reads (WAL never blocks readers). A write that finds the lock
		// held (an import from the command line) fails fast rather than freezing the server.
		db.$client.pragma('busy_timeout = 250');
	}
	return db;
}

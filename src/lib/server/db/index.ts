/** The app's one database connection, opened on first use from DATABASE_URL (default data/app.db). */
import { env } from '$env/dynamic/private';
import { createDb, databasePathFromEnv, migrateDb, type Db } from './client';

let db: Db | null = null;

export function getDb(): Db {
	if (!db) {
		db = createDb(databasePathFromEnv({ DATABASE_URL: env.DATABASE_URL }));
		migrateDb(db);
	}
	return db;
}

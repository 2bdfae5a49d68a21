/**
 * Opens the server-state database (state-schema.ts): `<data file without .db>.server.db` next to
 * the data, or in memory when the data is. When it cannot be opened for writing (a read-only
 * disk), `serverState()` is null: sessions and jobs are then unavailable and writes answer 503.
 */
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { join } from 'node:path';
import { cannotWrite, databasePathFromEnv, MIGRATIONS_FOLDER, openSqlite } from './client';

export const STATE_MIGRATIONS_FOLDER = join(MIGRATIONS_FOLDER, 'state');

export function statePathFor(dataPath: string): string {
	if (dataPath === ':memory:') return dataPath;
	return `${dataPath.replace(/\.(db|sqlite3?)$/i, '')}.server.db`;
}

/** Opens and migrates a server-state database; throws when it cannot be written. */
export function openState(path: string): Database.Database {
	const sqlite = openSqlite(path);
	try {
		// Its writes are tiny (a session, a job's progress); waiting for another process's is brief.
		sqlite.pragma('busy_timeout = 2000');
		migrate(drizzle(sqlite), { migrationsFolder: STATE_MIGRATIONS_FOLDER });
		return sqlite;
	} catch (e) {
		sqlite.close();
		throw e;
	}
}

let state: Database.Database | null | undefined;

export function serverState(): Database.Database | null {
	if (state === undefined) {
		const path = statePathFor(databasePathFromEnv());
		try {
			state = openState(path);
		} catch (e) {
			if (!cannotWrite(e)) throw e;
			console.warn(`${path} cannot be written (${(e as Error).message}): no sign-ins or imports.`);
			state = null;
		}
	}
	return state;
}

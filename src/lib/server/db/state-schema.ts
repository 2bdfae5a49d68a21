/**
 * The server's own state, kept in a small SQLite file next to the data (`<name>.server.db`), not in
 * the data database: an import holds the data database's one write lock for the whole file, and
 * sign-ins, sign-outs, queueing another import and its progress must be written meanwhile. Several
 * app processes share it, so a restart or a second process sees the same jobs and sessions.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Editor sign-ins. The cookie holds a random value; only its sha256 is stored, so a copy of this
 * file cannot sign anyone in. `tokenTag` ties the session to the EDITOR_TOKEN it was made with:
 * changing the token signs everyone out. Signing out deletes the row.
 */
export const sessions = sqliteTable('sessions', {
	idHash: text('id_hash').primaryKey(),
	name: text('name').notNull(),
	tokenTag: text('token_tag').notNull(),
	createdAt: integer('created_at').notNull(),
	expiresAt: integer('expires_at').notNull()
});

/** App processes alive: each writes `seenAt` (ms) every few seconds; a stale row is a dead one. */
export const serverProcesses = sqliteTable('server_processes', {
	id: text('id').primaryKey(),
	pid: integer('pid').notNull(),
	startedAt: integer('started_at').notNull(),
	seenAt: integer('seen_at').notNull()
});

/**
 * Imports queued, running or finished, whichever process took them. One runs at a time across
 * every process (a process claims the next one only while no live process holds one running).
 * `request` and `report` are JSON; `path` is the file being imported.
 */
export const importJobs = sqliteTable(
	'import_jobs',
	{
		id: text('id').primaryKey(),
		/** `staged` (the data page: a rejected file stays staged) or `direct` (POST /api/imports). */
		kind: text('kind').notNull(),
		upload: text('upload').notNull(),
		file: text('file').notNull(),
		path: text('path').notNull(),
		size: integer('size').notNull(),
		request: text('request').notNull(),
		state: text('state').notNull(),
		rows: integer('rows').notNull().default(0),
		bytes: integer('bytes').notNull().default(0),
		by: text('by').notNull(),
		owner: text('owner').notNull(),
		queuedAt: text('queued_at').notNull(),
		startedAt: text('started_at'),
		finishedAt: text('finished_at'),
		report: text('report')
	},
	(t) => [index('import_jobs_state').on(t.state, t.queuedAt)]
);

/**
 * Imports run by the server: the data page's background imports (a staged upload) and
 * POST /api/imports (files in the request). Each is a job row in the server-state database
 * (db/state.ts), so a reloaded page, a restarted server and every other app process sharing the
 * database see the same jobs. One import runs at a time across all processes (SQLite has one
 * writer): a process claims its next queued job only while no live process has one running.
 * Pages keep reading the last committed data meanwhile (WAL).
 *
 * A process that dies leaves its jobs behind; any process finds them (their owner's heartbeat
 * stopped, or its pid is gone) and finishes them as rejected: the import's transaction died with
 * the process, so nothing of the file was written.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { apiError } from './api';
import { createDb, databasePathFromEnv, migrateDb } from './db/client';
import { serverState } from './db/state';
import { importFile, publicReport, type ImportProgress } from './import/load';
import { saveMapping } from './import/preview';
import { holdFile, keepOrDrop, processRunning, type Received, type Staged } from './uploads';

export type JobState = 'queued' | 'running' | 'done';
export type JobReport = ReturnType<typeof publicReport> & { runId: number | null };

export interface JobView {
	id: string;
	/** The staged upload it imports; kept after a rejection so it can be checked and retried. */
	upload: string;
	file: string;
	size: number;
	state: JobState;
	rows: number;
	bytes: number;
	/** 0–100 from the bytes read; 100 once done. */
	percent: number;
	by: string;
	queuedAt: string;
	startedAt: string | null;
	finishedAt: string | null;
	report: JobReport | null;
}

export interface ImportRequest {
	year?: number;
	columnMap?: Record<string, string>;
	/** Remember `columnMap` for the next file with this header (when the import succeeds). */
	remember?: boolean;
	/** Replace figures already imported for the same area, year and occupation group. */
	replace?: boolean;
}

interface JobRow {
	id: string;
	kind: 'staged' | 'direct';
	upload: string;
	file: string;
	path: string;
	size: number;
	request: string;
	state: JobState;
	rows: number;
	bytes: number;
	by: string;
	owner: string;
	queuedAt: string;
	startedAt: string | null;
	finishedAt: string | null;
	report: string | null;
}

/** This process, as the owner of the jobs it queues. */
const PROCESS_ID = randomUUID();
const HEARTBEAT_MS = 2000;
/** A process silent this long is taken for dead (an import may keep its thread busy a while). */
const STALE_MS = 60_000;
const PROGRESS_MS = 500;
const CLAIM_RETRY_MS = 250;
const KEEP_FINISHED = 100;

const COLUMNS = `id, kind, upload, file, path, size, request, state, rows, bytes, by, owner,
	queued_at AS queuedAt, started_at AS startedAt, finished_at AS finishedAt, report`;

/** Live progress of the job this process is running (fresher than its row). */
const running = new Map<string, ImportProgress>();
/** Callers of `importNow` waiting for a job of this process to finish. */
const waiting = new Map<string, (report: JobReport) => void>();
let pumping = false;
let heartbeat: ReturnType<typeof setInterval> | undefined;

function state(): Database.Database | null {
	const sqlite = serverState();
	if (sqlite && !heartbeat) {
		beat(sqlite);
		heartbeat = setInterval(() => beat(sqlite), HEARTBEAT_MS);
		heartbeat.unref();
	}
	return sqlite;
}

function stateOrThrow(): Database.Database {
	const sqlite = state();
	if (!sqlite) throw new Error('the server cannot record imports: its state database is read-only');
	return sqlite;
}

/** Says this process is alive, and finishes the jobs of processes that are not. */
function beat(sqlite: Database.Database): void {
	const now = Date.now();
	sqlite
		.prepare(
			`INSERT INTO server_processes (id, pid, started_at, seen_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at`
		)
		.run(PROCESS_ID, process.pid, now, now);
	recoverOrphans(sqlite, now);
}

/** Ids of the processes alive now: heard from lately and (they share this machine) running. */
function liveProcesses(sqlite: Database.Database, now = Date.now()): Set<string> {
	const rows = sqlite.prepare('SELECT id, pid, seen_at AS seenAt FROM server_processes').all() as {
		id: string;
		pid: number;
		seenAt: number;
	}[];
	const live = new Set<string>([PROCESS_ID]);
	for (const r of rows) {
		if (r.id === PROCESS_ID) continue;
		if (now - r.seenAt < STALE_MS && processRunning(r.pid)) live.add(r.id);
		else if (now - r.seenAt > 24 * 3600 * 1000)
			sqlite.prepare('DELETE FROM server_processes WHERE id = ?').run(r.id);
	}
	return live;
}

function recoverOrphans(sqlite: Database.Database, now: number): void {
	const open = sqlite
		.prepare(`SELECT ${COLUMNS} FROM import_jobs WHERE state != 'done'`)
		.all() as JobRow[];
	if (open.length === 0) return;
	const live = liveProcesses(sqlite, now);
	for (const job of open) {
		if (live.has(job.owner)) continue;
		const message =
			job.state === 'running'
				? 'the server process running this import stopped before it finished: nothing of the file was written; import it again'
				: 'the server process this import was waiting in stopped: nothing was imported; import it again';
		finish(sqlite, job, rejectedReport(job, message));
		if (job.kind === 'direct') rmSync(job.path, { force: true });
	}
}

function rejectedReport(job: Pick<JobRow, 'file' | 'rows'>, message: string): JobReport {
	return {
		file: job.file,
		source: null,
		status: 'rejected',
		year: null,
		rowsRead: job.rows,
		rowsImported: 0,
		issues: [{ line: null, column: null, message }],
		notes: [],
		runId: null,
		overlaps: []
	};
}

function finish(sqlite: Database.Database, job: Pick<JobRow, 'id'>, report: JobReport): void {
	sqlite
		.prepare(
			`UPDATE import_jobs SET state = 'done', rows = ?, bytes = size, report = ?, finished_at = ?
			 WHERE id = ?`
		)
		.run(report.rowsRead, JSON.stringify(report), new Date().toISOString(), job.id);
}

function view(row: JobRow): JobView {
	const live = row.state === 'running' ? running.get(row.id) : undefined;
	const rows = live?.rows ?? row.rows;
	const bytes = Math.min(live?.bytes ?? row.bytes, row.size);
	const done = row.state === 'done';
	return {
		id: row.id,
		upload: row.upload,
		file: row.file,
		size: row.size,
		state: row.state,
		rows,
		bytes: done ? row.size : bytes,
		percent: done ? 100 : row.size > 0 ? Math.min(99, Math.floor((bytes / row.size) * 100)) : 0,
		by: row.by,
		queuedAt: row.queuedAt,
		startedAt: row.startedAt,
		finishedAt: row.finishedAt,
		report: row.report ? (JSON.parse(row.report) as JobReport) : null
	};
}

export function getJob(id: string): JobView | null {
	const row = state()?.prepare(`SELECT ${COLUMNS} FROM import_jobs WHERE id = ?`).get(id) as
		JobRow | undefined;
	return row ? view(row) : null;
}

/** Newest first. */
export function listJobs(): JobView[] {
	const rows = (state()
		?.prepare(`SELECT ${COLUMNS} FROM import_jobs ORDER BY queued_at DESC, rowid DESC LIMIT ?`)
		.all(KEEP_FINISHED) ?? []) as JobRow[];
	return rows.map(view);
}

export function isQueued(stagedId: string): boolean {
	return !!state()
		?.prepare(`SELECT 1 FROM import_jobs WHERE upload = ? AND state != 'done'`)
		.get(stagedId);
}

/** True while an import waits or runs in any live process of this server. */
export function importBusy(): boolean {
	const sqlite = state();
	if (!sqlite) return false;
	const owners = sqlite
		.prepare(`SELECT DISTINCT owner FROM import_jobs WHERE state != 'done'`)
		.all() as { owner: string }[];
	if (owners.length === 0) return false;
	const live = liveProcesses(sqlite);
	return owners.some((o) => live.has(o.owner));
}

function enqueue(
	kind: JobRow['kind'],
	file: Received & { id: string; size: number },
	request: ImportRequest,
	by: string
): string {
	const id = randomUUID();
	stateOrThrow()
		.prepare(
			`INSERT INTO import_jobs (id, kind, upload, file, path, size, request, state, by, owner, queued_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`
		)
		.run(
			id,
			kind,
			file.id,
			file.original,
			file.path,
			file.size,
			JSON.stringify(request),
			by,
			PROCESS_ID,
			new Date().toISOString()
		);
	return id;
}

/** Queues the import of a staged upload and answers at once with the job. */
export function startImport(staged: Staged, request: ImportRequest, by: string): JobView {
	const id = enqueue('staged', staged, request, by);
	void pump();
	return getJob(id)!;
}

/**
 * Queues the files of a POST /api/imports and waits until each has been imported (after any
 * import queued before them, in whichever process): the reports in order.
 */
export async function importNow(
	files: (Received & { size: number })[],
	by: string,
	request: Pick<ImportRequest, 'replace'> = {}
): Promise<JobReport[]> {
	// Held while they wait their turn, so housekeeping does not take them for leftovers.
	const releases = files.map((f) => holdFile(f.path));
	let done: Promise<JobReport>[];
	try {
		done = files.map((f) => {
			const id = enqueue('direct', { ...f, id: randomUUID() }, request, by);
			return new Promise<JobReport>((resolve) => waiting.set(id, resolve));
		});
	} catch (e) {
		// Nothing will import them: the received files go now rather than at the next sweep.
		for (const release of releases) release();
		for (const f of files) rmSync(f.path, { force: true });
		throw e;
	}
	void pump();
	try {
		return await Promise.all(done);
	} finally {
		for (const release of releases) release();
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs this process's queued jobs in order, each once no live process has one running. */
async function pump(): Promise<void> {
	if (pumping) return;
	pumping = true;
	try {
		for (;;) {
			const sqlite = state();
			if (!sqlite) return;
			const next = sqlite
				.prepare(
					`SELECT ${COLUMNS} FROM import_jobs WHERE owner = ? AND state = 'queued'
					 ORDER BY queued_at, rowid LIMIT 1`
				)
				.get(PROCESS_ID) as JobRow | undefined;
			if (!next) return;
			if (claim(sqlite, next)) await run(sqlite, next);
			else await sleep(CLAIM_RETRY_MS);
		}
	} finally {
		pumping = false;
	}
}

/** Marks `job` running if no live process has a job running; true when it did. */
function claim(sqlite: Database.Database, job: JobRow): boolean {
	return sqlite
		.transaction(() => {
			const live = liveProcesses(sqlite);
			const busy = (
				sqlite.prepare(`SELECT owner FROM import_jobs WHERE state = 'running'`).all() as {
					owner: string;
				}[]
			).some((r) => live.has(r.owner));
			if (busy) return false;
			sqlite
				.prepare(`UPDATE import_jobs SET state = 'running', started_at = ? WHERE id = ?`)
				.run(new Date().toISOString(), job.id);
			return true;
		})
		.immediate();
}

async function run(sqlite: Database.Database, job: JobRow): Promise<void> {
	const progress: ImportProgress = { rows: 0, bytes: 0 };
	running.set(job.id, progress);
	const release = holdFile(job.path);
	// Progress goes to the row now and then, for the other processes' pages.
	const saveProgress = setInterval(() => {
		sqlite
			.prepare('UPDATE import_jobs SET rows = ?, bytes = ? WHERE id = ?')
			.run(progress.rows, progress.bytes, job.id);
	}, PROGRESS_MS);
	const request = JSON.parse(job.request) as ImportRequest;
	let result: JobReport;
	try {
		result = await importOne(job, request, progress);
	} catch (e) {
		result = rejectedReport(
			{ file: job.file, rows: progress.rows },
			`the import failed: ${(e as Error).message}`
		);
	} finally {
		clearInterval(saveProgress);
		release();
	}
	if (job.kind === 'direct') rmSync(job.path, { force: true });
	finish(sqlite, job, result);
	running.delete(job.id);
	sqlite
		.prepare(
			`DELETE FROM import_jobs WHERE state = 'done' AND id NOT IN
			 (SELECT id FROM import_jobs WHERE state = 'done' ORDER BY finished_at DESC LIMIT ?)`
		)
		.run(KEEP_FINISHED);
	waiting.get(job.id)?.(result);
	waiting.delete(job.id);
}

async function importOne(
	job: JobRow,
	request: ImportRequest,
	progress: ImportProgress
): Promise<JobReport> {
	const db = createDb(databasePathFromEnv());
	try {
		migrateDb(db);
		const report = await importFile(db.$client, job.path, {
			fileName: job.file,
			year: request.year,
			columnMap: request.columnMap,
			importedBy: job.by,
			progress,
			replace: request.replace === true,
			// The data page's jobs speak to a browser; POST /api/imports answers like the CLI.
			audience: job.kind === 'staged' ? 'browser' : 'cli'
		});
		const result: JobReport = { ...publicReport(report), runId: report.runId };
		// After the commit: a failure here is a note, not a failed import.
		try {
			if (
				report.status === 'imported' &&
				request.remember &&
				request.columnMap &&
				Object.keys(request.columnMap).length > 0 &&
				report.header
			) {
				saveMapping(db, report.header, request.columnMap, job.by);
			}
			// A rejected staged file stays: the editor can fix the year or mapping and retry
			// without sending it again (staging clears it after a day).
			if (report.status !== 'rejected' || job.kind === 'direct')
				keepOrDrop(job.path, report, job.file);
		} catch (e) {
			result.notes.push(
				`imported, but the mapping or the original file could not be kept: ${(e as Error).message}`
			);
		}
		return result;
	} finally {
		db.$client.close();
	}
}

/** 409 while an import runs (its write lock would make this write wait), else null. */
export function refuseWhileImporting(): Response | null {
	if (!importBusy()) return null;
	return apiError(
		409,
		'An import is running: the data cannot be changed until it has finished (follow it on the data page), then try again.'
	);
}

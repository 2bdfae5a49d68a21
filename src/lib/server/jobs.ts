/**
 * Background imports for the data page. An editor starts an import of a staged upload and gets
 * a job id at once; the import runs in this process on a connection of its own, one job at a
 * time (SQLite has one writer), while pages keep reading the last committed data (WAL). Progress
 * (rows, bytes of the file) lives here, so a reloaded page finds the job again and follows it.
 * Jobs are kept in memory: a restart forgets finished ones (their runs are in the history).
 */
import { randomUUID } from 'node:crypto';
import { apiError } from './api';
import { createDb, databasePathFromEnv, migrateDb } from './db/client';
import { importFile, publicReport, type ImportProgress } from './import/load';
import { saveMapping } from './import/preview';
import { keepOrDrop, type Staged } from './uploads';

export type JobState = 'queued' | 'running' | 'done';

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
	finishedAt: string | null;
	report: (ReturnType<typeof publicReport> & { runId: number | null }) | null;
}

export interface ImportRequest {
	year?: number;
	columnMap?: Record<string, string>;
	/** Remember `columnMap` for the next file with this header (when the import succeeds). */
	remember?: boolean;
	/** Replace figures already imported for the same area, year and occupation group. */
	replace?: boolean;
}

interface Job {
	view: JobView;
	progress: ImportProgress;
	staged: Staged;
	request: ImportRequest;
}

const KEEP_FINISHED = 20;
const jobs = new Map<string, Job>();
let queue: Promise<void> = Promise.resolve();
/** Imports waiting or running, through the data page's jobs or POST /api/imports. */
let pending = 0;

/**
 * Runs `work` after every import before it, one at a time: SQLite has one writer, and a second
 * import waiting for the lock would block the server's event loop.
 */
export function exclusive<T>(work: () => Promise<T>): Promise<T> {
	pending++;
	const result = queue.then(work).finally(() => pending--);
	queue = result.then(
		() => undefined,
		() => undefined
	);
	return result;
}

/** True while an import holds (or waits for) the database's write lock. */
export function importBusy(): boolean {
	return pending > 0;
}

function snapshot(job: Job): JobView {
	const v = job.view;
	const rows = v.state === 'done' ? v.rows : job.progress.rows;
	const bytes = v.state === 'done' ? v.bytes : Math.min(job.progress.bytes, v.size);
	const percent =
		v.state === 'done' ? 100 : v.size > 0 ? Math.min(99, Math.floor((bytes / v.size) * 100)) : 0;
	return { ...v, rows, bytes, percent };
}

export function getJob(id: string): JobView | null {
	const job = jobs.get(id);
	return job ? snapshot(job) : null;
}

/** Newest first. */
export function listJobs(): JobView[] {
	return [...jobs.values()].reverse().map(snapshot);
}

export function isQueued(stagedId: string): boolean {
	for (const j of jobs.values())
		if (j.staged.id === stagedId && j.view.state !== 'done') return true;
	return false;
}

export function startImport(staged: Staged, request: ImportRequest, by: string): JobView {
	const job: Job = {
		staged,
		request,
		progress: { rows: 0, bytes: 0 },
		view: {
			id: randomUUID(),
			upload: staged.id,
			file: staged.original,
			size: staged.size,
			state: 'queued',
			rows: 0,
			bytes: 0,
			percent: 0,
			by,
			queuedAt: new Date().toISOString(),
			finishedAt: null,
			report: null
		}
	};
	jobs.set(job.view.id, job);
	void exclusive(() => run(job));
	return snapshot(job);
}

async function run(job: Job): Promise<void> {
	job.view.state = 'running';
	const { staged, request } = job;
	let report;
	try {
		const db = createDb(databasePathFromEnv());
		try {
			migrateDb(db);
			report = await importFile(db.$client, staged.path, {
				fileName: staged.original,
				year: request.year,
				columnMap: request.columnMap,
				importedBy: job.view.by,
				progress: job.progress,
				replace: request.replace === true,
				audience: 'browser'
			});
			job.view.report = { ...publicReport(report), runId: report.runId };
			// After the commit: a failure here is a note, not a failed import.
			try {
				if (
					report.status === 'imported' &&
					request.remember &&
					request.columnMap &&
					Object.keys(request.columnMap).length > 0 &&
					report.header
				) {
					saveMapping(db, report.header, request.columnMap, job.view.by);
				}
				// A rejected file stays staged: the editor can fix the year or mapping and retry
				// without sending it again (staging clears it after a day).
				if (report.status !== 'rejected') keepOrDrop(staged.path, report, staged.original);
			} catch (e) {
				job.view.report.notes.push(
					`imported, but the mapping or the original file could not be kept: ${(e as Error).message}`
				);
			}
		} finally {
			db.$client.close();
		}
	} catch (e) {
		job.view.report ??= {
			file: staged.original,
			source: null,
			status: 'rejected',
			year: null,
			rowsRead: job.progress.rows,
			rowsImported: 0,
			issues: [{ line: null, column: null, message: `the import failed: ${(e as Error).message}` }],
			notes: [],
			runId: null,
			overlaps: []
		};
	}
	job.view.rows = report?.rowsRead ?? job.progress.rows;
	job.view.bytes = job.view.size;
	job.view.state = 'done';
	job.view.finishedAt = new Date().toISOString();
	forgetOld();
}

function forgetOld(): void {
	const done = [...jobs.values()].filter((j) => j.view.state === 'done');
	for (const j of done.slice(0, Math.max(0, done.length - KEEP_FINISHED))) jobs.delete(j.view.id);
}

/** 409 while an import runs (its write lock would make this write wait), else null. */
export function refuseWhileImporting(): Response | null {
	if (!importBusy()) return null;
	return apiError(
		409,
		'An import is running: the data cannot be changed until it has finished (follow it on the data page), then try again.'
	);
}

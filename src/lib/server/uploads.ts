/**
 * Receives uploaded files: multipart parts are streamed to the upload folder (never held whole
 * in memory), each capped in size, then imported one by one through the same loader as the CLI.
 * The stored copy is kept, named by its sha256, so the original can be downloaded again.
 */
import Busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createDb, databasePathFromEnv, migrateDb, type Db } from './db/client';
import { importFile, type FileReport } from './import/load';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Files in one upload request. */
export const MAX_FILES = 20;

export function uploadDir(env: Record<string, string | undefined> = process.env): string {
	return resolve(env.UPLOAD_DIR ?? 'data/uploads');
}

/** A file name safe to keep: its base name, only letters, digits, dot, dash and underscore. */
export function safeName(name: string): string {
	const base = basename(name.replaceAll('\\', '/'))
		.replace(/[^\w.-]+/g, '_')
		.replace(/^\.+/, '');
	return (base || 'upload').slice(0, 120);
}

export class UploadError extends Error {
	constructor(
		message: string,
		readonly status: 400 | 413 | 500 | 507
	) {
		super(message);
	}
}

/** A plain answer for an upload folder that cannot take the file, or null for other errors. */
export function storageError(e: unknown): UploadError | null {
	const code = (e as NodeJS.ErrnoException | null)?.code;
	if (code === 'ENOSPC' || code === 'EDQUOT') {
		return new UploadError(
			'there is no space left for the upload (the disk of the upload folder is full): nothing was imported; make room and send the file again',
			507
		);
	}
	if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
		return new UploadError(
			'the upload folder cannot be written: it is read-only or the server lacks permission (check UPLOAD_DIR); nothing was imported',
			500
		);
	}
	return null;
}

export interface Received {
	original: string;
	path: string;
}

/**
 * Writes one file part to `path`; settles once the file is closed. When the disk refuses a write
 * (full, read-only), the rest of the part is read and dropped rather than left waiting: busboy
 * waits for a part's stream to be read before it reads on, so a stream left unread would hang
 * the whole request, with no answer ever sent.
 */
function saveStream(part: Readable, path: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const out = createWriteStream(path);
		let failure: Error | null = null;
		out.once('error', (e) => {
			failure ??= e;
			part.unpipe(out);
			part.resume();
		});
		// The client went away (busboy destroys the part's stream): stop writing.
		part.once('error', (e) => {
			failure ??= e;
			out.destroy();
		});
		out.once('close', () => (failure ? reject(failure) : resolve()));
		part.pipe(out);
	});
}

/** Streams every file part of a multipart request to disk. */
export async function receiveFiles(request: Request, dir = uploadDir()): Promise<Received[]> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('multipart/form-data')) {
		throw new UploadError('send the files as multipart/form-data (field name: file)', 400);
	}
	if (!request.body) throw new UploadError('the request has no body', 400);
	try {
		mkdirSync(dir, { recursive: true });
	} catch (e) {
		throw storageError(e) ?? e;
	}
	const received: Received[] = [];
	const writes: Promise<void>[] = [];
	let tooLarge: string | null = null;
	const busboy = Busboy({
		headers: { 'content-type': type },
		limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_FILES }
	});
	let tooMany = false;
	busboy.on('filesLimit', () => {
		tooMany = true;
	});
	busboy.on('file', (_field, stream, info) => {
		const original = safeName(info.filename ?? 'upload');
		const path = join(dir, `.incoming-${randomUUID()}-${original}`);
		stream.on('limit', () => {
			tooLarge = original;
		});
		const write = saveStream(stream, path);
		// Awaited below; until then a failed write (a full disk) must not count as unhandled,
		// which would end the server process.
		write.catch(() => {});
		writes.push(write);
		received.push({ original, path });
	});
	const discardAll = () => {
		for (const r of received) rmSync(r.path, { force: true });
	};
	try {
		await pipeline(Readable.fromWeb(request.body as unknown as WebReadableStream), busboy);
		await Promise.all(writes);
	} catch (e) {
		// The client went away mid-upload, or the upload folder cannot take the file: remove
		// whatever was written so far (once every write has stopped), so nothing half-written stays.
		await Promise.allSettled(writes);
		discardAll();
		throw storageError(e) ?? e;
	}
	if (tooMany) {
		discardAll();
		throw new UploadError(`send at most ${MAX_FILES} files at once`, 413);
	}
	if (tooLarge) {
		discardAll();
		throw new UploadError(
			`${tooLarge} is larger than the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit`,
			413
		);
	}
	if (received.length === 0) throw new UploadError('no file in the upload (field name: file)', 400);
	return received;
}

/** Imports received files in order with a connection of its own; keeps each stored by its sha256. */
export async function importReceived(
	files: Received[],
	importedBy: string,
	dir = uploadDir(),
	options: { replace?: boolean } = {}
): Promise<FileReport[]> {
	let db: Db | null = null;
	try {
		db = createDb(databasePathFromEnv());
		migrateDb(db);
		const reports: FileReport[] = [];
		for (const f of files) {
			const report = await importFile(db.$client, f.path, {
				fileName: f.original,
				importedBy,
				replace: options.replace
			});
			keepOrDrop(f.path, report, f.original, dir);
			reports.push(report);
		}
		return reports;
	} finally {
		db?.$client.close();
		// Whatever was not kept (an error part-way) goes too: no half-handled upload stays.
		for (const f of files) rmSync(f.path, { force: true });
	}
}

/** The sha256 of every kept original (`<sha256>-<name>` in the upload folder): one listing. */
export function storedShas(dir = uploadDir()): Set<string> {
	let entries: string[];
	try {
		entries = readdirSync(dir);
	} catch {
		return new Set();
	}
	return new Set(entries.filter((e) => /^[0-9a-f]{64}-/.test(e)).map((e) => e.slice(0, 64)));
}

/** The stored original of an imported file, found by its sha256, or null. */
export function storedOriginal(
	sha256: string,
	dir = uploadDir()
): { path: string; name: string } | null {
	if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
	let entries: string[];
	try {
		entries = readdirSync(dir);
	} catch {
		return null;
	}
	const hit = entries.find((e) => e.startsWith(`${sha256}-`));
	return hit ? { path: join(dir, hit), name: hit.slice(65) } : null;
}

/**
 * Staged uploads: files the data page has received but not imported yet, so the editor can see
 * a preview and map columns first. Each is `.incoming-<uuid>-<name>` in the staging folder; the
 * uuid is its id. Staged files older than a day are cleared when new ones arrive.
 */
export function stagingDir(dir = uploadDir()): string {
	return join(dir, '.staged');
}

const STAGED = /^\.incoming-([0-9a-f-]{36})-(.+)$/;
const STAGED_MAX_AGE_MS = 24 * 3600 * 1000;

export interface Staged extends Received {
	id: string;
	size: number;
}

export function stagedId(r: Received): string {
	return STAGED.exec(basename(r.path))![1]!;
}

export async function stageFiles(
	request: Request,
	dir = stagingDir(),
	inUse: (id: string) => boolean = () => false
): Promise<Staged[]> {
	clearOldStaged(dir, inUse);
	const files = await receiveFiles(request, dir);
	return files.map((f) => ({ ...f, id: stagedId(f), size: statSync(f.path).size }));
}

export function findStaged(id: string, dir = stagingDir()): Staged | null {
	if (!/^[0-9a-f-]{36}$/.test(id)) return null;
	let entries: string[];
	try {
		entries = readdirSync(dir);
	} catch {
		return null;
	}
	const hit = entries.find((e) => e.startsWith(`.incoming-${id}-`));
	if (!hit) return null;
	const path = join(dir, hit);
	return { id, path, original: STAGED.exec(hit)![2]!, size: statSync(path).size };
}

export function discardStaged(id: string, dir = stagingDir()): boolean {
	const staged = findStaged(id, dir);
	if (!staged) return false;
	rmSync(staged.path, { force: true });
	return true;
}

/** Removes staged files older than a day, except those an import is waiting for. */
function clearOldStaged(dir: string, inUse: (id: string) => boolean): void {
	let entries: string[];
	try {
		entries = readdirSync(dir);
	} catch {
		return;
	}
	const now = Date.now();
	for (const e of entries) {
		const path = join(dir, e);
		const id = STAGED.exec(e)?.[1];
		if (id && inUse(id)) continue;
		try {
			if (now - statSync(path).mtimeMs > STAGED_MAX_AGE_MS) rmSync(path, { force: true });
		} catch {
			// gone already
		}
	}
}

/** Keeps an imported file as the original to download again (by sha256); drops any other. */
export function keepOrDrop(
	path: string,
	report: FileReport,
	name: string,
	dir = uploadDir()
): void {
	if (report.sha256 && report.status === 'imported') {
		mkdirSync(dir, { recursive: true });
		renameSync(path, join(dir, `${report.sha256}-${name}`));
	} else rmSync(path, { force: true });
}

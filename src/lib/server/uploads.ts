/**
 * Receives uploaded files: multipart parts are streamed to the upload folder (never held whole
 * in memory), each capped in size, then imported one by one through the same loader as the CLI.
 * The stored copy is kept, named by its sha256, so the original can be downloaded again.
 */
import Busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import {
	createWriteStream,
	mkdirSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	utimesSync
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { FileReport } from './import/load';

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
	const parts: string[] = [];
	const releases: (() => void)[] = [];
	busboy.on('file', (_field, stream, info) => {
		const original = safeName(info.filename ?? 'upload');
		const name = `${randomUUID()}-${original}`;
		// Written as `.part-<pid>-…` and renamed once complete: whatever still has that name after
		// its process is gone is an unfinished upload, which housekeeping removes.
		const part = join(dir, `${PART}${process.pid}-${name}`);
		parts.push(part);
		releases.push(holdFile(part));
		stream.on('limit', () => {
			tooLarge = original;
		});
		const write = saveStream(stream, part);
		// Awaited below; until then a failed write (a full disk) must not count as unhandled,
		// which would end the server process.
		write.catch(() => {});
		writes.push(write);
		received.push({ original, path: join(dir, `${INCOMING}${name}`) });
	});
	const discardAll = () => {
		for (const p of [...parts, ...received.map((r) => r.path)]) rmSync(p, { force: true });
	};
	try {
		await pipeline(Readable.fromWeb(request.body as unknown as WebReadableStream), busboy);
		await Promise.all(writes);
		if (!tooMany && !tooLarge) parts.forEach((part, i) => renameSync(part, received[i]!.path));
	} catch (e) {
		// The client went away mid-upload, or the upload folder cannot take the file: remove
		// whatever was written so far (once every write has stopped), so nothing half-written stays.
		await Promise.allSettled(writes);
		discardAll();
		throw (
			storageError(e) ??
			// Anything else is the request itself: a malformed part header (a NUL byte in a file
			// name), a body cut short, a client that went away.
			new UploadError(
				`the upload could not be read as multipart/form-data (${(e as Error).message}); nothing was kept`,
				400
			)
		);
	} finally {
		for (const release of releases) release();
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

const PART = '.part-';
/** A download of an official file in progress (a folder in the staging folder). */
const FETCH = '.fetch-';
const INCOMING = '.incoming-';
const STAGED = /^\.incoming-([0-9a-f-]{36})-(.+)$/;
const STAGED_MAX_AGE_MS = 24 * 3600 * 1000;

export interface Staged extends Received {
	id: string;
	size: number;
}

export function stagedId(r: Received): string {
	return STAGED.exec(basename(r.path))![1]!;
}

export async function stageFiles(request: Request, dir = stagingDir()): Promise<Staged[]> {
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

/** Files in use by this process (being received or imported), touched so others see it. */
const held = new Map<string, number>();
/** A file left untouched this long is nobody's: every user touches its files more often. */
export const IDLE_MS = 90_000;
const TOUCH_MS = 30_000;
let toucher: ReturnType<typeof setInterval> | undefined;

/**
 * Marks a file as in use until the returned function is called. While held, its modification
 * time is renewed every 30 s, so housekeeping in any process (several may share the folder)
 * leaves it alone; a process that dies stops renewing, and its files age out.
 */
export function holdFile(path: string): () => void {
	held.set(path, (held.get(path) ?? 0) + 1);
	toucher ??= setInterval(() => {
		const now = new Date();
		for (const p of held.keys()) {
			try {
				utimesSync(p, now, now);
			} catch {
				// not written yet, or gone
			}
		}
	}, TOUCH_MS).unref();
	return () => {
		const n = (held.get(path) ?? 1) - 1;
		if (n > 0) held.set(path, n);
		else held.delete(path);
	};
}

/** Whether a process of this machine has that pid (a restarted server may get its old one). */
export function processRunning(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
	// A killed process nobody has reaped yet (a container whose first process does not reap
	// orphans) still answers signal 0: on Linux its state tells it is dead.
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return true;
	}
}

/** The latest time a folder or a file directly in it was written (a download grows its file). */
function newestWrite(folder: string): number {
	let newest = statSync(folder).mtimeMs;
	for (const e of readdirSync(folder)) newest = Math.max(newest, statSync(join(folder, e)).mtimeMs);
	return newest;
}

/**
 * Removes what interrupted uploads and imports left in the upload folder (run at start-up and on
 * a timer): unfinished uploads (`.part-<pid>-…`) whose process is gone or that nobody has touched
 * for IDLE_MS, received files (`.incoming-…`) untouched for IDLE_MS, and staged uploads older
 * than a day that no import waits for, and official-file downloads (`.fetch-…` folders) nothing has
 * been written to for IDLE_MS (a crash in the middle of one leaves its folder). Returns the paths
 * removed.
 */
export function sweepUploads(
	dir = uploadDir(),
	waitedFor: (stagedId: string) => boolean = () => false,
	now = Date.now()
): string[] {
	const removed: string[] = [];
	const sweep = (folder: string, staged: boolean) => {
		let entries: string[];
		try {
			entries = readdirSync(folder);
		} catch {
			return;
		}
		for (const e of entries) {
			const path = join(folder, e);
			if (held.has(path)) continue;
			const part = e.startsWith(PART);
			const stagedId = staged ? STAGED.exec(e)?.[1] : undefined;
			if (staged && e.startsWith(FETCH)) {
				try {
					if (now - newestWrite(path) > IDLE_MS) {
						rmSync(path, { recursive: true, force: true });
						removed.push(path);
					}
				} catch {
					// finished (and removed) while we looked
				}
				continue;
			}
			if (!part && !e.startsWith(INCOMING)) continue;
			try {
				const age = now - statSync(path).mtimeMs;
				const orphan = part && !processRunning(Number(e.slice(PART.length).split('-')[0]));
				const old = orphan || (part || !staged ? age > IDLE_MS : age > STAGED_MAX_AGE_MS);
				if (!old || (stagedId && waitedFor(stagedId))) continue;
				rmSync(path, { force: true });
				removed.push(path);
			} catch {
				// gone already
			}
		}
	};
	sweep(dir, false);
	sweep(stagingDir(dir), true);
	return removed;
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

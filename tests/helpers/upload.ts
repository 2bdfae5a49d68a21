/**
 * Uploads to the built server for the reliability tests: a multipart body written by hand (so the
 * test controls every byte of a part's file name), POSTed with node:http (fetch may leave out the
 * Origin header SvelteKit's cross-site check wants), plus the small pieces the tests share.
 */
import { randomBytes } from 'node:crypto';
import {
	copyFileSync,
	createReadStream,
	existsSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	statSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { createDb, migrateDb, type Db } from '../../src/lib/server/db/client';
import { importFile } from '../../src/lib/server/import/load';
import { snapshot } from './db';
import { readText } from './http';

export interface Part {
	/** The file name exactly as the client sends it in Content-Disposition. */
	name: string;
	content: Buffer;
}

export interface Answer {
	status: number;
	text: string;
	/** Milliseconds from sending the first byte to the end of the answer. */
	ms: number;
	/** Milliseconds from sending the first byte to the last byte of the body leaving the client. */
	sentMs: number;
	json<T = unknown>(): T;
}

function partHead(boundary: string, name: string): string {
	return (
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name="file"; filename="${name}"\r\n` +
		'Content-Type: application/octet-stream\r\n\r\n'
	);
}

/** A multipart/form-data body with one `file` part per file, in order. */
export function multipart(parts: Part[]): { body: Buffer; contentType: string } {
	const boundary = `----rlm${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const p of parts) {
		chunks.push(Buffer.from(partHead(boundary, p.name), 'latin1'), p.content, Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A streamed multipart body holding one file of `size` bytes made of `line` repeated (never held
 * whole in memory), with its exact length, for uploads too large to keep as a fixture.
 */
export function streamedUpload(
	name: string,
	size: number,
	line = 'x'.repeat(1023) + '\n'
): { stream: Readable; length: number; contentType: string } {
	const boundary = `----rlm${randomBytes(12).toString('hex')}`;
	const head = Buffer.from(partHead(boundary, name), 'latin1');
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	const block = Buffer.from(line.repeat(Math.ceil((1 << 20) / line.length))).subarray(0, 1 << 20);
	function* pieces(): Generator<Buffer> {
		yield head;
		let left = size;
		while (left > 0) {
			const n = Math.min(left, block.length);
			yield n === block.length ? block : block.subarray(0, n);
			left -= n;
		}
		yield tail;
	}
	return {
		stream: Readable.from(pieces(), { objectMode: false }),
		length: head.length + size + tail.length,
		contentType: `multipart/form-data; boundary=${boundary}`
	};
}

/** A streamed multipart body holding one file read from disk, with its exact length. */
export function fileUpload(
	name: string,
	path: string
): { stream: Readable; length: number; contentType: string } {
	const boundary = `----rlm${randomBytes(12).toString('hex')}`;
	const head = Buffer.from(partHead(boundary, name), 'latin1');
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	async function* pieces(): AsyncGenerator<Buffer> {
		yield head;
		for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
			yield chunk as Buffer;
		}
		yield tail;
	}
	return {
		stream: Readable.from(pieces(), { objectMode: false }),
		length: head.length + statSync(path).size + tail.length,
		contentType: `multipart/form-data; boundary=${boundary}`
	};
}

/** POSTs a body to the server's upload route as an editor would (token and Origin). */
export function postImports(
	baseUrl: string,
	token: string,
	body: Buffer | { stream: Readable; length: number },
	contentType: string,
	extraHeaders: Record<string, string> = {}
): Promise<Answer> {
	// The reliability bases hold LA 2021 rows and these uploads repeat them: replacing is what
	// makes an upload write (a partial file otherwise keeps what is there and writes nothing).
	const url = new URL('/api/imports?replace=true', baseUrl);
	const length = body.length;
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{
				method: 'POST',
				headers: {
					origin: baseUrl,
					authorization: `Bearer ${token}`,
					'content-type': contentType,
					'content-length': String(length),
					...extraHeaders
				}
			},
			(res) => {
				readText(res).then(
					(text) =>
						resolve({
							status: res.statusCode ?? 0,
							text,
							ms: performance.now() - started,
							sentMs,
							json: <T>() => JSON.parse(text) as T
						}),
					reject
				);
			}
		);
		let sentMs = NaN;
		req.on('finish', () => (sentMs = performance.now() - started));
		req.on('error', reject);
		if (Buffer.isBuffer(body)) req.end(body);
		else body.stream.pipe(req);
	});
}

/** POSTs files as one multipart request. */
export function uploadFiles(baseUrl: string, token: string, parts: Part[]): Promise<Answer> {
	const { body, contentType } = multipart(parts);
	return postImports(baseUrl, token, body, contentType);
}

/** A migrated database holding `files` (imported in order, each must be accepted). */
export async function buildDb(path: string, files: string[]): Promise<void> {
	const db = createDb(path);
	try {
		migrateDb(db);
		for (const file of files) {
			const report = await importFile(db.$client, file);
			if (report.status !== 'imported') {
				throw new Error(`${file}: ${report.status} ${JSON.stringify(report.issues)}`);
			}
		}
	} finally {
		db.$client.close();
	}
}

/** The content of every table of a database another process is serving (opened read-only). */
export function snapshotOf(path: string): ReturnType<typeof snapshot> {
	const db: Db = createDb(path, { readonly: true });
	try {
		return snapshot(db);
	} finally {
		db.$client.close();
	}
}

/**
 * The content of every table of a database reached through a path SQLite cannot open in place
 * (e.g. `/proc/PID/root/…` into another mount namespace, which SQLite resolves back to the
 * namespace of the caller): the file and its -wal are copied out and the copy is read. Call it
 * while no import is writing.
 */
export function snapshotOfCopy(path: string): ReturnType<typeof snapshot> {
	const dir = mkdtempSync(join(tmpdir(), 'rlm-snapshot-'));
	try {
		const copy = join(dir, 'copy.db');
		copyFileSync(path, copy);
		if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
		const db: Db = createDb(copy);
		try {
			return snapshot(db);
		} finally {
			db.$client.close();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Every file under `dir`, as paths relative to it (a missing folder holds nothing). */
export function filesUnder(dir: string): string[] {
	if (!existsSync(dir)) return [];
	const out: string[] = [];
	const walk = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, e.name);
			if (e.isDirectory()) walk(p);
			else out.push(relative(dir, p));
		}
	};
	walk(dir);
	return out.sort();
}

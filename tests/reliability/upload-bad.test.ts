/**
 * The malformed-file corpus (tests/fixtures/bad) through the built server's upload route: each
 * file is refused with the same report the CLI's importer gives it (line and column included),
 * the database keeps exactly its content, and the upload folder keeps nothing of it. Also: upload
 * names that try to climb out of the upload folder, and uploads over the size limit.
 *
 * The server runs on a small pre-loaded database (the Los Angeles cut, 21 rows) rather than the
 * bundled sample: `npm start` skips the sample when the database already holds a run, which saves
 * the 17–30 s sample load; a file's rejection does not depend on what else the database holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile, publicReport } from '../../src/lib/server/import/load';
import { MAX_FILES, MAX_UPLOAD_BYTES } from '../../src/lib/server/uploads';
import { FIXTURES, tempDb, type TempDb } from '../helpers/db';
import { startServer, type Served } from '../helpers/process';
import {
	buildDb,
	filesUnder,
	postImports,
	snapshotOf,
	streamedUpload,
	uploadFiles
} from '../helpers/upload';

const TOKEN = 'reliability-upload-token';
const BAD = join(FIXTURES, 'bad');
const BASE_FILES = [join(FIXTURES, 'oews/MSA_M2021_la_cut.csv')];
const CORPUS = readdirSync(BAD)
	.filter((f) => f !== 'README.md')
	.sort();

let work: string;
let dbPath: string;
let uploads: string;
let server: Served;
/** What the CLI's importer reports for each corpus file, on a database like the server's. */
let cli: TempDb;

type Report = ReturnType<typeof publicReport>;

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'rlm-upload-bad-'));
	// Deep enough that `../../x` from the upload folder would still land inside `work`.
	mkdirSync(join(work, 'srv/data'), { recursive: true });
	dbPath = join(work, 'srv/data/app.db');
	uploads = join(work, 'srv/data/uploads');
	await buildDb(dbPath, BASE_FILES);
	server = await startServer({ DATABASE_URL: dbPath, UPLOAD_DIR: uploads, EDITOR_TOKEN: TOKEN });
	cli = tempDb();
	for (const f of BASE_FILES) await importFile(cli.db.$client, f);
}, 300_000);

afterAll(async () => {
	await server?.stop();
	cli?.close();
	if (work) rmSync(work, { recursive: true, force: true });
});

describe('the malformed-file corpus through POST /api/imports', () => {
	it('covers the whole corpus', () => {
		expect(CORPUS.length).toBeGreaterThanOrEqual(30);
	});

	it.each(CORPUS)(
		'%s: refused with the importer’s own report; database and upload folder unchanged',
		async (file) => {
			const expected = publicReport(await importFile(cli.db.$client, join(BAD, file)));
			expect(expected.status).toBe('rejected');
			const before = snapshotOf(dbPath);
			const folderBefore = filesUnder(uploads);

			const res = await uploadFiles(server.url, TOKEN, [
				{ name: file, content: readFileSync(join(BAD, file)) }
			]);

			expect(res.status, res.text).toBe(422);
			const { files } = res.json<{ files: Report[] }>();
			expect(files).toHaveLength(1);
			// The same file name, status, counts, notes and issues — each issue's line, column and
			// message — as the CLI reports.
			expect(files[0]).toEqual(expected);
			expect(files[0]!.issues.length).toBeGreaterThan(0);
			expect(files[0]!.rowsImported).toBe(0);
			expect(snapshotOf(dbPath)).toEqual(before);
			expect(filesUnder(uploads)).toEqual(folderBefore);
		}
	);

	it('refuses the whole corpus sent as one request, file by file, in order', async () => {
		const before = snapshotOf(dbPath);
		const folderBefore = filesUnder(uploads);
		// Busboy's limit is 20 files per request.
		const batch = CORPUS.slice(0, 20);
		const res = await uploadFiles(
			server.url,
			TOKEN,
			batch.map((f) => ({ name: f, content: readFileSync(join(BAD, f)) }))
		);
		expect(res.status, res.text).toBe(422);
		const { files } = res.json<{ files: Report[] }>();
		expect(files.map((f) => [f.file, f.status])).toEqual(batch.map((f) => [f, 'rejected']));
		for (const [i, f] of batch.entries()) {
			const expected = publicReport(await importFile(cli.db.$client, join(BAD, f)));
			expect(files[i]).toEqual(expected);
		}
		expect(snapshotOf(dbPath)).toEqual(before);
		expect(filesUnder(uploads)).toEqual(folderBefore);
	});
});

describe('upload names that try to leave the upload folder', () => {
	const everythingBut = (names: string[]) => filesUnder(work).filter((f) => !names.includes(f));

	it.each([
		['../../etc/x.csv', 'x.csv'],
		['..\\x.csv', 'x.csv'],
		['..\\..\\..\\x.csv', 'x.csv']
	])(
		'%s: a rejected file is reported as %s and leaves nothing anywhere',
		async (sent, reported) => {
			const outside = filesUnder(work);
			const before = snapshotOf(dbPath);
			const res = await uploadFiles(server.url, TOKEN, [
				{ name: sent, content: readFileSync(join(BAD, 'oews_M2021_non_numeric.csv')) }
			]);
			expect(res.status, res.text).toBe(422);
			const [report] = res.json<{ files: Report[] }>().files;
			expect(report!.file).toBe(reported);
			// A name with no year cannot say which May estimates the file holds.
			expect(report!.issues[0]!.message).toMatch(/cannot tell which May estimates/);
			expect(snapshotOf(dbPath)).toEqual(before);
			// Nothing new anywhere in the work folder (database files aside, whose -wal may grow).
			const dbFiles = ['srv/data/app.db', 'srv/data/app.db-wal', 'srv/data/app.db-shm'];
			expect(everythingBut(dbFiles)).toEqual(outside.filter((f) => !dbFiles.includes(f)));
			expect(existsSync('/etc/x.csv')).toBe(false);
			expect(existsSync(join(uploads, '..', 'x.csv'))).toBe(false);
		}
	);

	it('an accepted file sent as ../../etc/… is kept inside the upload folder only', async () => {
		const outside = filesUnder(work);
		const content = readFileSync(join(FIXTURES, 'reading/MSA_M2021_bom.csv'));
		const res = await uploadFiles(server.url, TOKEN, [{ name: '../../etc/x_M2021.csv', content }]);
		expect(res.status, res.text).toBe(200);
		const [report] = res.json<{ files: Report[] }>().files;
		expect(report).toMatchObject({ file: 'x_M2021.csv', status: 'imported' });
		const added = filesUnder(work).filter((f) => !outside.includes(f));
		const kept = added.filter((f) => !f.startsWith('srv/data/app.db'));
		expect(kept).toHaveLength(1);
		expect(kept[0]).toMatch(/^srv\/data\/uploads\/[0-9a-f]{64}-x_M2021\.csv$/);
		expect(readFileSync(join(work, kept[0]!)).equals(content)).toBe(true);
		expect(existsSync('/etc/x_M2021.csv')).toBe(false);
	});
});

describe('uploads over the size limit', () => {
	it(`a file of ${MAX_UPLOAD_BYTES / 1024 / 1024} MB + 1 byte is refused with 413 and leaves nothing`, async () => {
		// There is no setting to lower the per-file limit, so the test streams a generated body of
		// the real size (never held in memory, never kept as a fixture).
		const before = snapshotOf(dbPath);
		const folderBefore = filesUnder(uploads);
		const upload = streamedUpload('oews_M2021_oversize.csv', MAX_UPLOAD_BYTES + 1);
		const res = await postImports(server.url, TOKEN, upload, upload.contentType);
		console.log(
			`oversize upload (${(upload.length / 1024 / 1024).toFixed(1)} MB body): ${res.status} in ${Math.round(res.ms)} ms: ${res.text}`
		);
		expect(res.status).toBe(413);
		expect(res.json<{ error: { message: string } }>().error.message).toMatch(
			/oews_M2021_oversize\.csv is larger than the 200 MB limit/
		);
		expect(filesUnder(uploads)).toEqual(folderBefore);
		expect(snapshotOf(dbPath)).toEqual(before);
	}, 120_000);

	it('a body declared larger than the server accepts is refused with 413 before it is read', async () => {
		const before = snapshotOf(dbPath);
		const folderBefore = filesUnder(uploads);
		// The app takes at most 20 files of 200 MB in one request (src/hooks.server.ts). The client
		// declares more than that, sends the part's head and waits: the answer must come before any
		// more of the body.
		const upload = streamedUpload('oews_M2021_oversize.csv', 1 << 20);
		const head = (await upload.stream.take(1).toArray()) as Buffer[];
		const status = await new Promise<number>((resolve, reject) => {
			const req = request(
				new URL('/api/imports', server.url),
				{
					method: 'POST',
					headers: {
						origin: server.url,
						authorization: `Bearer ${TOKEN}`,
						'content-type': upload.contentType,
						'content-length': String(MAX_FILES * MAX_UPLOAD_BYTES + 2 * 1024 * 1024)
					}
				},
				(res) => {
					res.resume();
					resolve(res.statusCode ?? 0);
					req.destroy();
				}
			);
			req.on('error', reject);
			req.write(Buffer.concat(head));
		});
		expect(status).toBe(413);
		expect(filesUnder(uploads)).toEqual(folderBefore);
		expect(snapshotOf(dbPath)).toEqual(before);
	});
});

describe('a client that goes away mid-upload', () => {
	it('leaves no partial file in the upload folder and the database unchanged', async () => {
		const before = snapshotOf(dbPath);
		const folderBefore = filesUnder(uploads);
		const upload = streamedUpload('oews_M2021_abandoned.csv', 50 * 1024 * 1024);
		let sent = 0;
		const req = request(new URL('/api/imports', server.url), {
			method: 'POST',
			headers: {
				origin: server.url,
				authorization: `Bearer ${TOKEN}`,
				'content-type': upload.contentType,
				'content-length': String(upload.length)
			}
		});
		const closed = new Promise<void>((resolve) => req.on('close', () => resolve()));
		req.on('error', () => {});
		for await (const piece of upload.stream) {
			if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
			sent += (piece as Buffer).length;
			if (sent >= 8 * 1024 * 1024) break;
		}
		// Wait until the server has started writing the part to disk, then hang up.
		let partial: string[] = [];
		for (let i = 0; i < 100 && partial.length === 0; i++) {
			await new Promise((r) => setTimeout(r, 50));
			partial = filesUnder(uploads).filter((f) => !folderBefore.includes(f));
		}
		// Written as `.part-<pid>-…` until complete, so a dead process's leftovers can be told apart.
		expect(partial).toEqual([expect.stringMatching(/^\.part-\d+-.*-oews_M2021_abandoned\.csv$/)]);
		req.destroy();
		await closed;
		// The server notices the reset and cleans up; poll for a few seconds.
		let left = filesUnder(uploads);
		for (let i = 0; i < 50 && left.length !== folderBefore.length; i++) {
			await new Promise((r) => setTimeout(r, 100));
			left = filesUnder(uploads);
		}
		console.log(
			`abandoned after ${sent} bytes: partial files while sending ${JSON.stringify(partial)}, left ${JSON.stringify(left.filter((f) => !folderBefore.includes(f)))}`
		);
		expect(left).toEqual(folderBefore);
		expect(snapshotOf(dbPath)).toEqual(before);
		// The server still answers.
		expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
	});
});

/**
 * The server's edge under faults (issue 16, docs/RELIABILITY.md section 6):
 *
 * - a cleanly closed database (no -wal, no -shm) on a read-only mount: pages and API reads are
 *   served, every write answers a clear 503, sign-in says why it cannot happen;
 * - a server killed (SIGKILL) during an upload and during a background import: the restarted
 *   server removes the unfinished upload at start-up, and the import job is not forgotten — it is
 *   finished as rejected with a message, the database unchanged;
 * - leftovers of uploads nobody touches any more are removed at start-up.
 *
 * The read-only mount needs root and `unshare -m` and is skipped without them, as the other
 * reliability tests do; the rest runs everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { request } from 'node:http';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOewsCsv } from '../../bench/gen-oews';
import { FIXTURES, SAMPLE } from '../helpers/db';
import { send as sendTo } from '../helpers/http';
import { startServer, type Served } from '../helpers/process';
import { buildDb, fileUpload, multipart, snapshotOf, streamedUpload } from '../helpers/upload';

const TOKEN = 'reliability-edge-token-0123456789';
const isRoot = process.getuid?.() === 0;
const canMount =
	isRoot &&
	spawnSync('sh', ['-c', 'command -v unshare']).status === 0 &&
	spawnSync('unshare', ['-m', 'true']).status === 0;

let work: string;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'rlm-edge-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const send = (
	server: Served,
	method: string,
	path: string,
	body: string | Buffer = '',
	headers: Record<string, string> = {}
) => sendTo(server.url, method, path, body, headers);
const bearer = { authorization: `Bearer ${TOKEN}` };

/** SIGKILL to the server: npm start's process and the Node process it runs the app in. */
async function killHard(server: Served): Promise<void> {
	const pid = server.child.pid!;
	const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
		.stdout.split('\n')
		.filter(Boolean)
		.map(Number);
	for (const child of children) process.kill(child, 'SIGKILL');
	server.child.kill('SIGKILL');
	await server.stop();
}

describe.skipIf(!canMount)('a database on a read-only mount', () => {
	it('serves pages and reads, and answers every write with a clear 503', async () => {
		const data = join(work, 'ro');
		mkdirSync(data);
		const db = join(data, 'app.db');
		await buildDb(db, [
			join(FIXTURES, 'oews/MSA_M2021_la_cut.csv'),
			join(SAMPLE, 'national_M2021_dl.xlsx')
		]);
		const before = snapshotOf(db);
		// Closed cleanly: the last connection that may write removes the -wal and -shm files (the
		// read-only one of the snapshot left them).
		const last = new Database(db);
		last.prepare('SELECT count(*) FROM import_runs').get();
		last.close();
		expect(readdirSync(data).sort()).toEqual(['app.db']);
		const server = await startServer(
			{ DATABASE_URL: db, UPLOAD_DIR: join(data, 'uploads'), EDITOR_TOKEN: TOKEN },
			300_000,
			[
				'unshare',
				'-m',
				'sh',
				'-c',
				`mount --bind ${data} ${data} && mount -o remount,bind,ro ${data} && exec "$@"`,
				'sh'
			]
		);
		try {
			expect(server.output()).toContain('serving it read-only');
			const page = await send(server, 'GET', '/regions/31080');
			expect(page.status).toBe(200);
			expect(page.text).toContain('Los Angeles');
			const gaps = await send(server, 'GET', '/api/areas/31080/gaps');
			expect(gaps.status).toBe(200);
			expect((JSON.parse(gaps.text) as unknown[]).length).toBeGreaterThan(0);
			const put = await send(
				server,
				'PUT',
				'/api/areas/31080/living-wage',
				JSON.stringify({ annualWage: 50000 }),
				{ ...bearer, 'content-type': 'application/json' }
			);
			expect(put.status).toBe(503);
			expect(JSON.parse(put.text).error.message).toContain('cannot be written');
			const { body, contentType } = multipart([
				{ name: 'x.csv', content: readFileSync(join(FIXTURES, 'oews/MSA_M2021_la_cut.csv')) }
			]);
			const upload = await send(server, 'POST', '/api/imports', body, {
				...bearer,
				'content-type': contentType
			});
			expect(upload.status).toBe(503);
			const signIn = await send(
				server,
				'POST',
				'/login?/signin',
				new URLSearchParams({ name: 'Ana', token: TOKEN }).toString(),
				{ 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
			);
			expect(signIn.status).toBe(503);
			expect(signIn.text).toContain('cannot be written');
		} finally {
			await server.stop();
		}
		expect(snapshotOf(db)).toEqual(before);
		expect(existsSync(join(data, 'app.server.db'))).toBe(false);
	});
});

describe('a server killed during an upload and during an import', () => {
	let dir: string;
	let db: string;
	let uploads: string;
	beforeAll(async () => {
		dir = join(work, 'kill');
		mkdirSync(dir);
		db = join(dir, 'app.db');
		uploads = join(dir, 'uploads');
		await buildDb(db, [join(FIXTURES, 'oews/MSA_M2021_la_cut.csv')]);
	});
	const start = () =>
		startServer({ DATABASE_URL: db, UPLOAD_DIR: uploads, EDITOR_TOKEN: TOKEN }, 300_000);

	it('removes the unfinished upload when it starts again', async () => {
		const server = await start();
		// 64 MB sent slowly enough to be killed half-way.
		const upload = streamedUpload('big_M2021.csv', 64 * 1024 * 1024);
		const req = request(new URL('/api/uploads', server.url), {
			method: 'POST',
			headers: {
				...bearer,
				origin: server.url,
				'content-type': upload.contentType,
				'content-length': String(upload.length)
			}
		});
		req.on('error', () => {});
		upload.stream.pipe(req);
		const staging = join(uploads, '.staged');
		for (let i = 0; i < 200 && !(existsSync(staging) && readdirSync(staging).length > 0); i++)
			await new Promise((r) => setTimeout(r, 50));
		await new Promise((r) => setTimeout(r, 200));
		await killHard(server);
		upload.stream.destroy();
		const left = readdirSync(staging);
		expect(left.some((f) => f.startsWith('.part-'))).toBe(true);
		const again = await start();
		try {
			expect(readdirSync(staging)).toEqual([]);
			expect(again.output()).toContain('unfinished upload');
		} finally {
			await again.stop();
		}
	});

	it('does not forget an import job: the restarted server reports it rejected, the data unchanged', async () => {
		const file = join(dir, 'synthetic_oews_M2037.csv');
		await generateOewsCsv(file, 150_000);
		const before = snapshotOf(db);
		const server = await start();
		const staged = await new Promise<{ files: { id: string }[] }>((resolve, reject) => {
			const body = fileUpload('synthetic_oews_M2037.csv', file);
			const req = request(
				new URL('/api/uploads', server.url),
				{
					method: 'POST',
					headers: {
						...bearer,
						origin: server.url,
						'content-type': body.contentType,
						'content-length': String(body.length)
					}
				},
				(res) => {
					let text = '';
					res.on('data', (c) => (text += c));
					res.on('end', () => resolve(JSON.parse(text)));
				}
			);
			req.on('error', reject);
			body.stream.pipe(req);
		});
		const id = staged.files[0]!.id;
		const started = await send(server, 'POST', `/api/uploads/${id}/import`, '{}', {
			...bearer,
			'content-type': 'application/json'
		});
		expect(started.status).toBe(202);
		const job = JSON.parse(started.text) as { id: string };
		// Killed as soon as it runs (the file takes seconds; nothing of it is committed before).
		for (let i = 0; i < 400; i++) {
			const now = JSON.parse((await send(server, 'GET', `/api/jobs/${job.id}`, '', bearer)).text);
			if (now.state !== 'queued') break;
			await new Promise((r) => setTimeout(r, 10));
		}
		await killHard(server);
		const again = await start();
		try {
			const after = JSON.parse((await send(again, 'GET', `/api/jobs/${job.id}`, '', bearer)).text);
			expect(after).toMatchObject({
				id: job.id,
				state: 'done',
				report: { status: 'rejected', rowsImported: 0 }
			});
			expect(after.report.issues[0].message).toContain('stopped before it finished');
			// The staged file is still there to import again.
			expect((await send(again, 'GET', `/api/uploads/${id}`, '', bearer)).status).toBe(200);
		} finally {
			await again.stop();
		}
		expect(snapshotOf(db)).toEqual(before);
	});

	it('removes at start-up received files nobody has touched for a while, and old staged ones', async () => {
		const staging = join(uploads, '.staged');
		mkdirSync(staging, { recursive: true });
		const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
		const minutesAgo = new Date(Date.now() - 5 * 60 * 1000);
		const files = {
			idle: join(uploads, '.incoming-11111111-1111-1111-1111-111111111111-a.csv'),
			stale: join(staging, '.incoming-22222222-2222-2222-2222-222222222222-b.csv'),
			fresh: join(staging, '.incoming-33333333-3333-3333-3333-333333333333-c.csv'),
			kept: join(uploads, `${'a'.repeat(64)}-kept.csv`)
		};
		for (const f of Object.values(files)) writeFileSync(f, 'x\n');
		utimesSync(files.idle, minutesAgo, minutesAgo);
		utimesSync(files.stale, old, old);
		utimesSync(files.kept, old, old);
		const server = await start();
		try {
			expect(existsSync(files.idle)).toBe(false);
			expect(existsSync(files.stale)).toBe(false);
			// A staged upload from today waits for its preview; a kept original stays for good.
			expect(existsSync(files.fresh)).toBe(true);
			expect(existsSync(files.kept)).toBe(true);
		} finally {
			await server.stop();
		}
	});
});

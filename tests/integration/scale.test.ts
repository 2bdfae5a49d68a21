/**
 * Many readers at once (issue 17): answers cached per content version are never stale, plain,
 * gzip or brotli — a living wage set through the API, an import by another process (the command
 * line) and a deleted run are all seen on the next request; ETag / If-None-Match gives 304; under 200 simultaneous
 * readers of pages that must each be rendered, every request gets an answer within seconds (a
 * 200, or a 503 with Retry-After) and the health check stays quick; with WEB_CONCURRENCY=2 two
 * processes serve, import one at a time between them, and a restart still knows the jobs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOewsCsv } from '../../bench/gen-oews';
import { send } from '../helpers/http';
import { runScript, startServer, type Served } from '../helpers/process';
import { multipart } from '../helpers/upload';

const TOKEN = 'scale-test-token-0123456789';
const bearer = { authorization: `Bearer ${TOKEN}` };
let dir: string;
let db: string;
let server: Served;
const env = () => ({ DATABASE_URL: db, UPLOAD_DIR: join(dir, 'uploads'), EDITOR_TOKEN: TOKEN });

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'rlm-scale-'));
	db = join(dir, 'app.db');
	server = await startServer(env(), 300_000);
}, 300_000);
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const http = send;

const gaps = async (acceptEncoding = 'gzip, deflate') => {
	const res = await fetch(`${server.url}/api/areas/31080/gaps?limit=all`, {
		headers: { 'accept-encoding': acceptEncoding }
	});
	expect(res.status).toBe(200);
	const rows = (await res.json()) as { soc: string; livingWageRatio: number | null }[];
	return { etag: res.headers.get('etag')!, rows, encoding: res.headers.get('content-encoding') };
};
/** The same as brotli: the server makes its copy after the first asker (who gets gzip meanwhile). */
async function gapsBrotli() {
	for (let i = 0; i < 100; i++) {
		const answer = await gaps('br, gzip');
		if (answer.encoding === 'br') return answer;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the gaps answer never came as brotli');
}

describe('answers cached per content version', () => {
	it('serves 304 for an unchanged answer and never a stale one after a change', async () => {
		const first = await gaps();
		expect(first.encoding).toBe('gzip');
		expect(first.etag).toMatch(/^"[\w-]+"$/);
		const firstBrotli = await gapsBrotli();
		expect(firstBrotli.etag).toBe(first.etag);
		expect(firstBrotli.rows).toEqual(first.rows);
		const again = await fetch(`${server.url}/api/areas/31080/gaps?limit=all`, {
			headers: { 'if-none-match': first.etag }
		});
		expect(again.status).toBe(304);
		const page = await fetch(`${server.url}/regions/31080`);
		const pageTag = page.headers.get('etag')!;
		expect((await fetch(`${server.url}/regions/31080`)).headers.get('etag')).toBe(pageTag);

		// A living wage is not an import run: it must still invalidate.
		const put = await http(
			server.url,
			'PUT',
			'/api/areas/31080/living-wage',
			JSON.stringify({ annualWage: 52000, source: 'test' }),
			{ ...bearer, 'content-type': 'application/json' }
		);
		expect(put.status).toBe(200);
		const withWage = await gaps();
		expect(withWage.etag).not.toBe(first.etag);
		// Without one the ratio is to the default benchmark (200% of the poverty guideline).
		const before = new Map(first.rows.map((r) => [r.soc, r.livingWageRatio]));
		const changed = withWage.rows.filter(
			(r) => r.livingWageRatio !== null && r.livingWageRatio !== before.get(r.soc)
		);
		expect(changed.length).toBeGreaterThan(100);
		// The compressed copies of the old answer are gone with it.
		const withWageBrotli = await gapsBrotli();
		expect(withWageBrotli.etag).toBe(withWage.etag);
		expect(withWageBrotli.rows).toEqual(withWage.rows);
		const stale = await fetch(`${server.url}/api/areas/31080/gaps?limit=all`, {
			headers: { 'if-none-match': first.etag }
		});
		expect(stale.status).toBe(200);

		// Another process imports into the same database (the command line): seen at once.
		// LA 2021 rows again: they replace the bundled ones only when asked.
		const cli = runScript('scripts/import.ts', [
			'--db',
			db,
			'--json',
			'--replace',
			'tests/fixtures/oews/MSA_M2021_la_cut.csv'
		]);
		expect(cli.code).toBe(0);
		const runId = (JSON.parse(cli.stdout) as { files: { status: string }[] }).files[0]!.status;
		expect(runId).toBe('imported');
		const imported = await gaps();
		expect(imported.etag).not.toBe(withWage.etag);
		expect(imported.rows.length).toBeLessThan(withWage.rows.length);
		expect((await gapsBrotli()).rows).toEqual(imported.rows);
		expect((await fetch(`${server.url}/regions/31080`)).headers.get('etag')).not.toBe(pageTag);

		// Deleting that run brings back exactly the answer before it (same bytes, same ETag).
		const runs = (await (await fetch(`${server.url}/api/imports`)).json()) as { id: number }[];
		const del = await http(server.url, 'DELETE', `/api/imports/${runs[0]!.id}`, '', bearer);
		expect(del.status).toBe(200);
		const back = await gaps();
		expect(back.etag).toBe(withWage.etag);
		expect(back.rows).toEqual(withWage.rows);
		expect(
			(await http(server.url, 'DELETE', '/api/areas/31080/living-wage', '', bearer)).status
		).toBe(200);
		expect((await gaps()).etag).toBe(first.etag);
	});

	it('does not share an editor’s pages with readers', async () => {
		const signIn = await http(
			server.url,
			'POST',
			'/login?/signin',
			new URLSearchParams({ name: 'Quinn', token: TOKEN, next: '/' }).toString(),
			{ 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
		);
		const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
		const editorPage = await http(server.url, 'GET', '/regions/31080', '', { cookie });
		expect(editorPage.text).toContain('Quinn');
		const readerPage = await http(server.url, 'GET', '/regions/31080');
		expect(readerPage.text).not.toContain('Quinn');
	});
});

describe('200 readers at once', () => {
	it('answers every request within seconds: rendered, or 503 with Retry-After', async () => {
		// Distinct addresses: each must be rendered, none can come from the cache.
		const started = performance.now();
		const answers = await Promise.all(
			Array.from({ length: 200 }, async (_, i) => {
				const t0 = performance.now();
				const res = await fetch(`${server.url}/regions/31080?reader=${i}`);
				await res.arrayBuffer();
				return {
					status: res.status,
					retry: res.headers.get('retry-after'),
					ms: performance.now() - t0
				};
			})
		);
		const health = performance.now();
		expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
		const healthMs = performance.now() - health;
		const statuses = new Set(answers.map((a) => a.status));
		expect([...statuses].every((s) => s === 200 || s === 503)).toBe(true);
		expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
		for (const a of answers.filter((a) => a.status === 503))
			expect(Number(a.retry)).toBeGreaterThan(0);
		const slowest = Math.max(...answers.map((a) => a.ms));
		console.log(
			`200 readers: ${answers.filter((a) => a.status === 200).length} rendered, ` +
				`${answers.filter((a) => a.status === 503).length} told to retry, slowest ${slowest.toFixed(0)} ms, ` +
				`all in ${(performance.now() - started).toFixed(0)} ms; health after ${healthMs.toFixed(0)} ms`
		);
		expect(slowest).toBeLessThan(10_000);
	});
});

describe('WEB_CONCURRENCY=2', () => {
	it('serves from two processes, imports one at a time between them, and a restart keeps the jobs', async () => {
		await server.stop();
		server = await startServer({ ...env(), WEB_CONCURRENCY: '2' }, 300_000);
		expect(server.output()).toContain('Starting 2 server processes');
		const files = [2035, 2036].map((year) => join(dir, `synthetic_oews_M${year}.csv`));
		// Different sizes, so the files differ (the same bytes would be skipped as already imported).
		for (const [i, f] of files.entries()) await generateOewsCsv(f, 30_000 + i);
		const jobs: string[] = [];
		for (const f of files) {
			const { body, contentType } = multipart([
				{ name: f.split('/').at(-1)!, content: readFileSync(f) }
			]);
			const staged = await http(server.url, 'POST', '/api/uploads', body, {
				...bearer,
				'content-type': contentType
			});
			expect(staged.status).toBe(201);
			const id = (JSON.parse(staged.text) as { files: { id: string }[] }).files[0]!.id;
			const started = await http(server.url, 'POST', `/api/uploads/${id}/import`, '{}', {
				...bearer,
				'content-type': 'application/json'
			});
			expect(started.status).toBe(202);
			jobs.push((JSON.parse(started.text) as { id: string }).id);
		}
		type Job = { state: string; startedAt: string; finishedAt: string; report: { status: string } };
		const job = async (id: string) =>
			JSON.parse((await http(server.url, 'GET', `/api/jobs/${id}`, '', bearer)).text) as Job;
		let done: Job[] = [];
		for (let i = 0; i < 600; i++) {
			done = await Promise.all(jobs.map(job));
			if (done.every((j) => j.state === 'done')) break;
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(done.map((j) => j.report.status)).toEqual(['imported', 'imported']);
		const [a, b] = done.map((j) => [Date.parse(j.startedAt), Date.parse(j.finishedAt)] as const);
		// One after the other, never both at once.
		expect(a![1] <= b![0] || b![1] <= a![0]).toBe(true);

		await server.stop();
		server = await startServer(env(), 300_000);
		for (const id of jobs) expect((await job(id)).report.status).toBe('imported');
		const runs = (await (await fetch(`${server.url}/api/imports`)).json()) as {
			id: number;
			fileName: string;
		}[];
		for (const r of runs.filter((r) => r.fileName.startsWith('synthetic_oews_'))) {
			expect((await http(server.url, 'DELETE', `/api/imports/${r.id}`, '', bearer)).status).toBe(
				200
			);
		}
	});
});

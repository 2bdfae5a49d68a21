/**
 * The data page's server side over HTTP: editor sign-in (cookie, CSRF, rate limit), staged
 * uploads with a preview, background imports followed by server-sent events, saved mappings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { send, type Answer } from '../helpers/http';
import { startServer, type Served } from '../helpers/process';

let server: Served;
let dir: string;
const TOKEN = 'data-api-test-token';

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'rlm-data-api-'));
	server = await startServer({
		DATABASE_URL: join(dir, 'app.db'),
		UPLOAD_DIR: join(dir, 'uploads'),
		EDITOR_TOKEN: TOKEN
	});
}, 300_000);
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

/** node:http, because fetch will not send an Origin header of our choosing. */
function http(
	method: string,
	path: string,
	options: { body?: Buffer | string; headers?: Record<string, string> } = {}
): Promise<Answer> {
	return send(server.url, method, path, options.body, options.headers);
}

async function multipart(
	files: [string, Buffer | string][]
): Promise<{ body: Buffer; type: string }> {
	const form = new FormData();
	for (const [name, content] of files)
		form.append(
			'file',
			new Blob([typeof content === 'string' ? content : new Uint8Array(content)]),
			name
		);
	const encoded = new Request('http://localhost/', { method: 'POST', body: form });
	return {
		body: Buffer.from(await encoded.arrayBuffer()),
		type: encoded.headers.get('content-type')!
	};
}

const bearer = { authorization: `Bearer ${TOKEN}` };

async function stage(name: string, content: Buffer | string, headers = bearer) {
	const { body, type } = await multipart([[name, content]]);
	return http('POST', '/api/uploads', { body, headers: { 'content-type': type, ...headers } });
}

/** Reads a job's event stream to its end: every event name and data. */
async function events(jobId: string): Promise<{ event: string; data: Record<string, unknown> }[]> {
	const res = await fetch(`${server.url}/api/jobs/${jobId}/events`, { headers: bearer });
	expect(res.headers.get('content-type')).toContain('text/event-stream');
	const text = await res.text();
	return text
		.split('\n\n')
		.filter((block) => block.startsWith('event:'))
		.map((block) => {
			const [eventLine, dataLine] = block.split('\n');
			return {
				event: eventLine!.slice('event: '.length),
				data: JSON.parse(dataLine!.slice('data: '.length)) as Record<string, unknown>
			};
		});
}

function signIn(token: string, name = 'Casey', extra: Record<string, string> = {}) {
	const body = new URLSearchParams({ name, token, next: '/data' }).toString();
	return http('POST', '/login?/signin', {
		body,
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			...extra
		}
	});
}

describe('staged uploads, preview and background import', () => {
	it('refuses staging without editor access', async () => {
		const res = await stage('x.csv', 'a,b\n1,2\n', {} as typeof bearer);
		expect(res.status).toBe(401);
		// Nothing was written: no staging folder, or an empty one.
		const staging = join(dir, 'uploads', '.staged');
		expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
	});

	it('previews a real OEWS file: source, year, the first 20 rows as read, no problem', async () => {
		const file = readFileSync('tests/fixtures/oews/MSA_M2021_la_cut.csv');
		const staged = await stage('../../MSA_M2021_la_cut.csv', file);
		expect(staged.status).toBe(201);
		const [f] = (staged.json() as { files: { id: string; file: string; size: number }[] }).files;
		// The name cannot climb out of the upload folder.
		expect(f).toMatchObject({ file: 'MSA_M2021_la_cut.csv', size: file.length });
		// The served sample holds Los Angeles 2021 complete: the preview says what this file would
		// replace, and is clean when checked as a replacing import.
		const kept = (await http('GET', `/api/uploads/${f!.id}`, { headers: bearer })).json() as {
			ok: boolean;
			overlaps: { area: string; action: string }[];
		};
		expect(kept.ok).toBe(false);
		expect(kept.overlaps).toMatchObject([{ area: '31080', action: 'kept' }]);
		const preview = await http('GET', `/api/uploads/${f!.id}?replace=true`, { headers: bearer });
		expect(preview.status).toBe(200);
		const p = preview.json() as {
			source: { id: string };
			year: number;
			ok: boolean;
			table: { headerLine: number; header: string[]; rows: { line: number; cells: string[] }[] };
			alreadyImported: unknown;
		};
		expect(p.source.id).toBe('bls-oews');
		expect(p.year).toBe(2021);
		expect(p.ok).toBe(true);
		expect(p.alreadyImported).toBeNull();
		const lines = file.toString('utf8').trim().split('\n');
		expect(p.table.header[0]).toBe(lines[0]!.split(',')[0]!.replace(/^\uFEFF/, ''));
		expect(p.table.rows).toHaveLength(Math.min(20, lines.length - 1));
		expect(p.table.rows[0]!.line).toBe(2);
		expect(p.table.rows[0]!.cells[0]).toBe(lines[1]!.split(',')[0]);

		// Import it in the background and follow the events to the end.
		const started = await http('POST', `/api/uploads/${f!.id}/import`, {
			body: '{"replace": true}',
			headers: { ...bearer, 'content-type': 'application/json' }
		});
		expect(started.status).toBe(202);
		const job = started.json() as { id: string; state: string };
		const stream = await events(job.id);
		const done = stream.at(-1)!;
		expect(done.event).toBe('done');
		expect(done.data).toMatchObject({
			state: 'done',
			percent: 100,
			report: { status: 'imported', source: 'bls-oews', year: 2021, rowsImported: 21 }
		});
		// The job stays listed for a page that reloads (editors only: it names files and people);
		// the run is in the history, by "api".
		const jobs = (await (await fetch(`${server.url}/api/jobs`, { headers: bearer })).json()) as {
			id: string;
		}[];
		expect(jobs.map((j) => j.id)).toContain(job.id);
		for (const path of ['/api/jobs', `/api/jobs/${job.id}`, `/api/jobs/${job.id}/events`]) {
			const anonymous = await fetch(`${server.url}${path}`);
			expect(anonymous.status).toBe(401);
			expect(await anonymous.json()).toMatchObject({ error: { status: 401 } });
		}
		const runs = (await (await fetch(`${server.url}/api/imports`)).json()) as {
			fileName: string;
			importedBy: string;
			id: number;
		}[];
		expect(runs[0]).toMatchObject({ fileName: 'MSA_M2021_la_cut.csv', importedBy: 'api' });
		// The staged copy became the kept original.
		expect(readdirSync(join(dir, 'uploads', '.staged'))).toEqual([]);
		const original = await fetch(`${server.url}/api/imports/${runs[0]!.id}/original`);
		expect(Buffer.from(await original.arrayBuffer()).equals(file)).toBe(true);
		// The same file again: the preview says it is already imported.
		const again = await stage('MSA_M2021_la_cut.csv', file);
		const id2 = (again.json() as { files: { id: string }[] }).files[0]!.id;
		const p2 = (await http('GET', `/api/uploads/${id2}`, { headers: bearer })).json() as {
			alreadyImported: { runId: number };
		};
		expect(p2.alreadyImported.runId).toBe(runs[0]!.id);
		expect((await http('DELETE', `/api/uploads/${id2}`, { headers: bearer })).status).toBe(200);
		expect((await http('GET', `/api/uploads/${id2}`, { headers: bearer })).status).toBe(404);
	});

	it('maps the columns of an unknown file, remembers the mapping, and reports bad rows by line and column', async () => {
		const header = 'Credential,Org,Occupation code\n';
		const first = await stage('certs.csv', `${header}CompTIA A+,CompTIA,15-1232\n`);
		const id = (first.json() as { files: { id: string }[] }).files[0]!.id;
		const unknown = (await http('GET', `/api/uploads/${id}`, { headers: bearer })).json() as {
			source: unknown;
			ok: boolean;
			table: { header: string[] };
			targets: { id: string; required: string[] }[];
		};
		expect(unknown.source).toBeNull();
		expect(unknown.ok).toBe(false);
		expect(unknown.table.header).toEqual(['Credential', 'Org', 'Occupation code']);
		expect(unknown.targets.find((t) => t.id === 'generic-credentials')!.required).toEqual([
			'name',
			'issuer',
			'soc'
		]);
		const map = { Credential: 'name', Org: 'issuer', 'Occupation code': 'soc' };
		const mapped = (
			await http('GET', `/api/uploads/${id}?map=${encodeURIComponent(JSON.stringify(map))}`, {
				headers: bearer
			})
		).json() as { source: { id: string }; ok: boolean };
		expect(mapped).toMatchObject({ source: { id: 'generic-credentials' }, ok: true });
		const started = await http('POST', `/api/uploads/${id}/import`, {
			body: JSON.stringify({ columnMap: map, remember: true }),
			headers: { ...bearer, 'content-type': 'application/json' }
		});
		const done = (await events((started.json() as { id: string }).id)).at(-1)!;
		expect(done.data).toMatchObject({ report: { status: 'imported', rowsImported: 1 } });

		// Next file, same header: the saved mapping applies; its bad row is named precisely.
		const second = await stage(
			'certs2.csv',
			`${header}Security+,CompTIA,15-1212\nNet+,CompTIA,15-12X1\n`
		);
		const id2 = (second.json() as { files: { id: string }[] }).files[0]!.id;
		const p = (await http('GET', `/api/uploads/${id2}`, { headers: bearer })).json() as {
			source: { id: string };
			ok: boolean;
			mapping: { saved: boolean; columnMap: Record<string, string> };
			issues: { line: number; column: number; message: string }[];
		};
		expect(p.source.id).toBe('generic-credentials');
		expect(p.mapping).toMatchObject({ saved: true, columnMap: map });
		expect(p.ok).toBe(false);
		expect(p.issues[0]).toMatchObject({ line: 3, column: 3 });
		expect(p.issues[0]!.message).toContain('15-12X1');
		// Importing it anyway is refused as a whole: nothing of it is written.
		const before = ((await (await fetch(`${server.url}/api/imports`)).json()) as unknown[]).length;
		const run = await http('POST', `/api/uploads/${id2}/import`, {
			body: JSON.stringify({ columnMap: map }),
			headers: { ...bearer, 'content-type': 'application/json' }
		});
		const end = (await events((run.json() as { id: string }).id)).at(-1)!;
		expect(end.data).toMatchObject({ report: { status: 'rejected', rowsImported: 0 } });
		// The rejected file stays staged, to be checked and imported again without re-sending it.
		expect((await http('GET', `/api/uploads/${id2}`, { headers: bearer })).status).toBe(200);
		expect((end.data as { upload: string }).upload).toBe(id2);
		expect(((await (await fetch(`${server.url}/api/imports`)).json()) as unknown[]).length).toBe(
			before
		);
	});

	it('refuses other writes while an import runs, instead of freezing the server', async () => {
		const { generateOewsCsv } = await import('../../bench/gen-oews');
		const file = join(dir, 'synthetic_oews_M2038.csv');
		await generateOewsCsv(file, 60_000);
		const staged = await stage('synthetic_oews_M2038.csv', readFileSync(file));
		const id = (staged.json() as { files: { id: string }[] }).files[0]!.id;
		const started = await http('POST', `/api/uploads/${id}/import`, {
			body: '{}',
			headers: { ...bearer, 'content-type': 'application/json' }
		});
		expect(started.status).toBe(202);
		const t0 = Date.now();
		const put = await http('PUT', '/api/areas/31080/living-wage', {
			body: JSON.stringify({ annualWage: 50000 }),
			headers: { ...bearer, 'content-type': 'application/json' }
		});
		expect(put.status).toBe(409);
		expect(put.text).toContain('An import is running');
		// Answered at once, not after waiting for the lock.
		expect(Date.now() - t0).toBeLessThan(2000);
		// The same upload cannot be queued twice.
		const again = await http('POST', `/api/uploads/${id}/import`, {
			body: '{}',
			headers: { ...bearer, 'content-type': 'application/json' }
		});
		expect([404, 409]).toContain(again.status);
		const done = (await events((started.json() as { id: string }).id)).at(-1)!;
		expect(done.data).toMatchObject({ report: { status: 'imported', rowsImported: 60_000 } });
		// Afterwards writing works again; the synthetic run is removed.
		const runId = (done.data.report as { runId: number }).runId;
		expect((await http('DELETE', `/api/imports/${runId}`, { headers: bearer })).status).toBe(200);
	});

	it('rejects malformed import requests', async () => {
		const staged = await stage('y.csv', 'a,b\n1,2\n');
		const id = (staged.json() as { files: { id: string }[] }).files[0]!.id;
		const post = (body: string) =>
			http('POST', `/api/uploads/${id}/import`, {
				body,
				headers: { ...bearer, 'content-type': 'application/json' }
			});
		expect((await post('{not json')).status).toBe(400);
		expect((await post('{"year": 20240}')).status).toBe(400);
		expect((await post('{"columnMap": ["a"]}')).status).toBe(400);
		expect((await http('GET', '/api/uploads/not-an-id', { headers: bearer })).status).toBe(404);
		expect((await http('GET', `/api/uploads/${id}?map=%7B`, { headers: bearer })).status).toBe(400);
		expect((await fetch(`${server.url}/api/jobs/nope/events`, { headers: bearer })).status).toBe(
			404
		);
	});
});

describe('editor sign-in', () => {
	it('sets an httpOnly, SameSite=Strict session cookie that authorises writes', async () => {
		const res = await signIn(TOKEN, 'Casey');
		expect(res.status).toBe(303);
		expect(res.headers.location).toBe('/data');
		const cookie = String(res.headers['set-cookie']);
		expect(cookie).toMatch(/^rlm_editor=/);
		expect(cookie).toContain('HttpOnly');
		expect(cookie).toContain('SameSite=Strict');
		const value = cookie.split(';')[0]!;
		// The cookie alone may write (here: stage a file); without it, no.
		const { body, type } = await multipart([['z.csv', 'a\n1\n']]);
		const ok = await http('POST', '/api/uploads', {
			body,
			headers: { 'content-type': type, cookie: value }
		});
		expect(ok.status).toBe(201);
		// The page shows who is signed in.
		const page = await http('GET', '/data', { headers: { cookie: value } });
		expect(page.text).toContain('Signed in as editor: Casey.');
		// A forged cookie is nobody.
		const forged = await http('POST', '/api/uploads', {
			body,
			headers: { 'content-type': type, cookie: `${value.slice(0, -4)}AAAA` }
		});
		expect(forged.status).toBe(401);
	});

	it('refuses a sign-in posted from another site (CSRF origin check)', async () => {
		const res = await signIn(TOKEN, 'Mallory', { origin: 'http://evil.example' });
		expect(res.status).toBe(403);
		expect(res.headers['set-cookie']).toBeUndefined();
	});

	it('signing out ends the session: a copy of the cookie no longer writes', async () => {
		const value = String((await signIn(TOKEN, 'Robin')).headers['set-cookie']).split(';')[0]!;
		const write = async () => {
			const { body, type } = await multipart([['w.csv', 'a\n1\n']]);
			return http('POST', '/api/uploads', {
				body,
				headers: { 'content-type': type, cookie: value }
			});
		};
		expect((await write()).status).toBe(201);
		const out = await http('POST', '/login?/signout', {
			body: '',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				cookie: value
			}
		});
		expect(out.status).toBe(303);
		expect((await write()).status).toBe(401);
	});

	it.each(['/.//evil.example/x', '/..//evil.example/x', '/%2e%2e//evil.example/x'])(
		'returns to this site only after sign-in (next=%s, also under /es/)',
		async (next) => {
			for (const page of ['/login', '/es/login']) {
				const body = new URLSearchParams({ name: 'Casey', token: TOKEN, next }).toString();
				const res = await http('POST', `${page}?/signin`, {
					body,
					headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
				});
				expect(res.status).toBe(303);
				expect(res.headers.location).toMatch(/^\/(es\/?)?$/);
				const form = await http('GET', `${page}?next=${encodeURIComponent(next)}`);
				const hidden = /name="next" value="([^"]*)"/.exec(form.text)?.[1];
				expect(hidden).toMatch(/^\/(es\/?)?$/);
			}
		}
	);

	it('limits wrong tokens per address with Retry-After, yet the right token always gets in', async () => {
		for (let i = 0; i < 5; i++) {
			const res = await signIn('wrong-token');
			expect(res.status).toBe(403);
			expect(res.text).toContain('That token is not right');
		}
		const blocked = await signIn('wrong-token');
		expect(blocked.status).toBe(429);
		expect(blocked.text).toContain('Too many failed attempts');
		expect(blocked.headers['set-cookie']).toBeUndefined();
		// Bearer clients from the same address (the editor behind the same proxy) too…
		const api = await http('DELETE', '/api/imports/999999', {
			headers: { authorization: 'Bearer wrong-token' }
		});
		expect(api.status).toBe(429);
		expect(Number(api.headers['retry-after'])).toBeGreaterThan(0);
		// …but the right token works from there at once, by form and by Bearer.
		const ok = await signIn(TOKEN);
		expect(ok.status).toBe(303);
		expect(String(ok.headers['set-cookie'])).toMatch(/^rlm_editor=/);
		expect((await http('DELETE', '/api/imports/999999', { headers: bearer })).status).toBe(404);
	});
});

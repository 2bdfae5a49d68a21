/**
 * `npm run fetch` against a local HTTP server laid out as a mirror of the publishers
 * (127.0.0.1 only: no test ever reaches a real host). A good zip imports through the normal
 * pipeline; a failed download, a damaged zip, a zip without the expected table and a table that
 * is not the expected source are each a clear error that writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { zipSync } from 'fflate';
import {
	FetchError,
	downloadOfficial,
	findSource,
	officialUrl
} from '../../src/lib/server/fetch/official';
import { FIXTURES, snapshot, tempDb, type TempDb } from '../helpers/db';
import { runScriptAsync, startServer, type Served } from '../helpers/process';

const good = readFileSync(join(FIXTURES, 'fetch/oesm21ma.zip'));
const FILES: Record<string, Buffer | Uint8Array> = {
	'/files/www.bls.gov/oes/special-requests/oesm21ma.zip': good,
	// Damaged: the first half of a real archive, sent with its own length.
	'/files/www.bls.gov/oes/special-requests/oesm22ma.zip': good.subarray(0, good.length >> 1),
	'/files/www.bls.gov/oes/special-requests/oesm23ma.zip': readFileSync(
		join(FIXTURES, 'fetch/oesm23ma_wrong.zip')
	),
	'/files/www.bls.gov/oes/special-requests/oesm24ma.zip': zipSync({
		'oesm24ma/readme.txt': new TextEncoder().encode('no workbook here')
	}),
	'/files/www.bls.gov/oes/special-requests/oesm25ma.zip': Buffer.from(
		'<!doctype html><title>Access Denied</title>'
	)
};

let server: Server;
let base: string;
const requests: string[] = [];
let t: TempDb;

beforeAll(async () => {
	server = createServer((req, res) => {
		requests.push(req.url ?? '');
		const body = FILES[req.url ?? ''];
		if (!body) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		res.writeHead(200, { 'content-length': body.length }).end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/files`;
	t = tempDb();
});

afterAll(async () => {
	t.close();
	await new Promise((resolve) => server.close(resolve));
});

const fetchCli = (...args: string[]) =>
	runScriptAsync('scripts/fetch.ts', ['--db', t.path, '--base', base, ...args]);

describe('npm run fetch', () => {
	it('maps a publisher address under a mirror base', () => {
		const oews = findSource('oews-metro')!;
		expect(officialUrl(oews, 2022)).toBe('https://www.bls.gov/oes/special-requests/oesm22ma.zip');
		expect(officialUrl(oews, 2022, 'http://mirror.test/bls')).toBe(
			'http://mirror.test/bls/www.bls.gov/oes/special-requests/oesm22ma.zip'
		);
		expect(officialUrl(findSource('ipeds-completions')!, 2023, 'http://m/')).toBe(
			'http://m/nces.ed.gov/ipeds/datacenter/data/C2023_A.zip'
		);
	});

	it('downloads, unpacks and imports the OEWS metro file of a year', async () => {
		const out = await fetchCli('oews-metro', '2021');
		expect(out.stderr).toContain('unpacking…');
		expect(out.stdout).toContain('imported  MSA_M2021_dl.xlsx from');
		expect(out.stdout).toContain(': 21 rows');
		expect(out.code).toBe(0);
		expect(requests.at(-1)).toBe('/files/www.bls.gov/oes/special-requests/oesm21ma.zip');
		const run = t.db.$client
			.prepare(
				"SELECT file_name AS name, year, rows_imported AS n FROM import_runs WHERE source = 'bls-oews'"
			)
			.get();
		expect(run).toEqual({ name: 'MSA_M2021_dl.xlsx', year: 2021, n: 21 });
		// The same file again: skipped, as an import of the same bytes is.
		const again = await fetchCli('--json', 'oews-metro', '2021');
		expect(again.code).toBe(0);
		expect(JSON.parse(again.stdout)).toMatchObject({ status: 'skipped' });
	});

	it.each([
		['2020', /could not download .*oesm20ma\.zip: the server answered 404 Not Found/],
		['2022', /oesm22ma\.zip: the zip archive is damaged or incomplete/],
		[
			'2023',
			/MSA_M2023_dl\.xlsx is not the expected OEWS metropolitan .* file \(it reads as BLS CPS/
		],
		['2024', /the archive holds oesm24ma\/readme\.txt, not the expected MSA_M2024_dl\.xlsx/],
		['2025', /did not send a zip archive \(it starts "<!doctype html>/]
	])('refuses year %s with a clear error and writes nothing', async (year, message) => {
		const before = snapshot(t.db);
		const out = await fetchCli('oews-metro', year);
		expect(out.code).toBe(1);
		expect(out.stderr).toMatch(message);
		expect(out.stderr).toMatch(/nothing was imported/i);
		expect(snapshot(t.db)).toEqual(before);
	});

	it('refuses a host that does not answer, and leaves no partial file', async () => {
		const dir = join(t.dir, 'downloads');
		const closed = `http://127.0.0.1:${(server.address() as AddressInfo).port + 1}/x`;
		await expect(
			downloadOfficial(findSource('oews-metro')!, 2021, { dir, base: closed })
		).rejects.toThrow(FetchError);
		expect(readdirSafe(dir)).toEqual([]);
	});

	it('answers usage errors with 2', async () => {
		expect((await fetchCli('oews-everything', '2021')).code).toBe(2);
		expect((await fetchCli('oews-metro', '21')).code).toBe(2);
	});
});

function readdirSafe(dir: string): string[] {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
}

describe('the data page fetch (POST /api/official-files)', () => {
	let app: Served;
	let dir: string;
	const auth = { authorization: 'Bearer fetch-editor-token', 'content-type': 'application/json' };
	const post = (body: unknown, headers: Record<string, string> = auth) =>
		fetch(`${app.url}/api/official-files`, { method: 'POST', headers, body: JSON.stringify(body) });

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'rlm-fetch-app-'));
		app = await startServer(
			{
				DATABASE_URL: join(dir, 'app.db'),
				UPLOAD_DIR: join(dir, 'uploads'),
				EDITOR_TOKEN: 'fetch-editor-token',
				FETCH_BASE_URL: base
			},
			300_000
		);
	}, 300_000);
	afterAll(async () => {
		await app?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('stages a checked file that previews and imports like an upload, for editors only', async () => {
		expect(
			(await post({ source: 'oews-metro', year: 2021 }, { 'content-type': 'application/json' }))
				.status
		).toBe(401);
		const res = await post({ source: 'oews-metro', year: 2021 });
		expect(res.status).toBe(201);
		const staged = (await res.json()) as { id: string; file: string; url: string };
		expect(staged.file).toBe('MSA_M2021_dl.xlsx');
		expect(staged.url).toBe(`${base}/www.bls.gov/oes/special-requests/oesm21ma.zip`);

		// The bundled LA file holds every group of LA 2021: the preview says so, in page words.
		const preview = (await (
			await fetch(`${app.url}/api/uploads/${staged.id}`, { headers: auth })
		).json()) as { ok: boolean; overlaps: { area: string }[]; issues: { message: string }[] };
		expect(preview.overlaps.map((o) => o.area)).toEqual(['31080']);
		expect(preview.ok).toBe(false);
		expect(preview.issues[0]!.message).toContain('Replace figures already imported');
		expect(preview.issues[0]!.message).not.toContain('--');

		const job = (await (
			await fetch(`${app.url}/api/uploads/${staged.id}/import`, {
				method: 'POST',
				headers: auth,
				body: JSON.stringify({ replace: true })
			})
		).json()) as { id: string };
		type Report = { status: string; rowsImported: number; overlaps: { action: string }[] };
		let report: Report | null = null;
		for (let i = 0; i < 100 && !report; i++) {
			// Jobs name files and editors: editors only.
			const view = (await (
				await fetch(`${app.url}/api/jobs/${job.id}`, { headers: auth })
			).json()) as {
				report: Report | null;
			};
			report = view.report;
			if (!report) await new Promise((r) => setTimeout(r, 200));
		}
		expect(report).toMatchObject({ status: 'imported', rowsImported: 21 });
		expect(report!.overlaps[0]!.action).toBe('replaced');
	});

	it('answers a damaged download and a missing year with a clear error, staging nothing', async () => {
		const staging = join(dir, 'uploads/.staged');
		const before = readdirSafe(staging);
		const damaged = await post({ source: 'oews-metro', year: 2022 });
		expect(damaged.status).toBe(422);
		expect(((await damaged.json()) as { error: { message: string } }).error.message).toMatch(
			/damaged or incomplete/
		);
		const noYear = await post({ source: 'oews-metro' });
		expect(noYear.status).toBe(400);
		expect(((await noYear.json()) as { error: { message: string } }).error.message).toContain(
			'Year box'
		);
		expect(readdirSafe(staging)).toEqual(before);
	});
});

/**
 * Page benchmark: serves the built app (building it first when the build is missing or stale, as
 * `npm start` does) on a temporary database loaded with the bundled sample, then
 *
 * 1. with autocannon on loopback (asking for gzip, as browsers do), requests/s and p95 latency
 *    of the Los Angeles region page, its gaps API and /api/health (the baseline) at 1, 10 and 50
 *    connections, all in this run, each
 *    as a ratio to /api/health at the same concurrency, and the targets at 50 connections
 *    (req/s ≥ 0.3 × health's, p95 ≤ 10 × health's);
 * 2. 200 connections on region pages that must each be rendered (a different address every
 *    request, none from the cache): how many were answered 200 or 503 (with Retry-After), and the
 *    slowest answer (target: a few seconds at most, no timeout);
 * 3. the same 50-connection runs with WEB_CONCURRENCY=2 (two processes) against one;
 * 4. in Chromium, the JavaScript and CSS each page fetches on a first load (empty cache),
 *    gzip-compressed as the server sends them, and each page's HTML, raw and gzip.
 *
 * It reports figures and whether each target was met; it fails (exit 1) only when something
 * did not work (an error, a timeout, an answer that was neither 200 nor 503), never on the
 * figures themselves, so it can run on any machine, CI's included.
 *
 * `--ci` (`npm run bench:ci`, run by .ci/run) is the short version for CI's machine, about a
 * minute: 50 connections only, 3 s per run, no two-process run; the figures also go to
 * bench/results/ci.json (BENCH_RESULTS sets the file) for the CI log.
 *
 * Usage: npm run bench:pages   (BENCH_SECONDS per autocannon run, default 8; 3 with --ci)
 */
import autocannon, { type Result } from 'autocannon';
import { chromium, type Response } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { startServer } from '../tests/helpers/process';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/browser';

const QUICK = process.argv.includes('--ci');
const RESULTS = process.env.BENCH_RESULTS ?? (QUICK ? 'bench/results/ci.json' : null);
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 3 : 8));
const CONNECTIONS: readonly number[] = QUICK ? [50] : [1, 10, 50];
/** `target`: held to the 50-connection targets; the whole area is measured for comparison. */
const TARGETS = [
	{ name: '/api/health', path: '/api/health', target: false },
	{ name: 'gaps API', path: '/api/areas/31080/gaps', target: true },
	{ name: 'gaps API, whole area', path: '/api/areas/31080/gaps?limit=all', target: false },
	{ name: 'region page', path: '/regions/31080', target: true }
] as const;
const PAGES = [
	'/',
	'/regions/31080',
	'/regions/31080/occupations/15-1232',
	'/compare?areas=31080,99',
	'/pathways?area=31080',
	'/pathways?area=31080&from=15-1232&to=15-1212'
] as const;
const REGION_PAGE = '/regions/31080';
const PATHWAYS_PAGES = ['/pathways?area=31080', '/pathways?area=31080&from=15-1232&to=15-1212'];
const FIRST_LOAD_LIMIT_KB = 200;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
// adapter-node serves the build's precompressed files at this level.
const gzipBytes = (body: Buffer) =>
	gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).byteLength;

/** Renders rows as a Markdown table with the columns padded, so it reads in a terminal too. */
function table(head: string[], rows: string[][]): string {
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		`| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
	return [
		line(head),
		`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`,
		...rows.map(line)
	].join('\n');
}

interface Load {
	reqPerSec: number;
	p95: number;
	max: number;
	requests: number;
	/** Answers 503 (the server said: come back in Retry-After seconds). */
	busy: number;
}

/**
 * One autocannon run; p95 and the slowest from every response's own time (autocannon reports
 * p90 and p97.5). Throws on errors, timeouts and statuses other than 200 and 503; `distinct`
 * gives every request its own address (so none comes from the server's cache).
 */
function load(url: string, connections: number, distinct = false): Promise<Load> {
	return new Promise((resolve, reject) => {
		const times: number[] = [];
		const statuses = new Map<number, number>();
		let n = 0;
		const instance = autocannon(
			{
				url,
				connections,
				duration: SECONDS,
				timeout: 30,
				// As browsers and most clients ask: the server keeps a gzip of each cached answer.
				headers: { 'accept-encoding': 'gzip' },
				...(distinct
					? {
							requests: [{ setupRequest: (req) => ({ ...req, path: `${req.path}?reader=${++n}` }) }]
						}
					: {})
			},
			(error: Error | null, result: Result) => {
				if (error) return reject(error);
				const ok = statuses.get(200) ?? 0;
				const busy = statuses.get(503) ?? 0;
				const other = times.length - ok - busy;
				if (result.errors + result.timeouts + other > 0 || ok + busy === 0) {
					return reject(
						new Error(
							`${url} at ${connections} connections: ${result.errors} errors, ` +
								`${result.timeouts} timeouts, ${other} answers neither 200 nor 503 of ${times.length}`
						)
					);
				}
				times.sort((a, b) => a - b);
				resolve({
					reqPerSec: ok / result.duration,
					p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!,
					max: times.at(-1)!,
					requests: ok,
					busy
				});
			}
		);
		instance.on('response', (_client, status, _bytes, ms) => {
			times.push(ms);
			statuses.set(status, (statuses.get(status) ?? 0) + 1);
		});
	});
}

interface Weight {
	page: string;
	jsInitial: number;
	jsLater: number;
	css: number;
	html: number;
	htmlRaw: number;
	files: number;
}

/** The load runs of one server: every target at every concurrency, the baseline first. */
async function loadRuns(url: string, label: string): Promise<Map<string, Load>> {
	// Warm up: the first gaps report fills the per-data-version caches (~0.5 s).
	for (const t of TARGETS) {
		for (let i = 0; i < 3; i++) {
			const res = await fetch(url + t.path);
			if (!res.ok) throw new Error(`${t.path} answered ${res.status}`);
			await res.arrayBuffer();
		}
	}
	const results = new Map<string, Load>();
	// Per concurrency, the baseline and the pages back to back, so they share the machine's mood.
	for (const connections of CONNECTIONS) {
		for (const t of TARGETS) {
			const r = await load(url + t.path, connections);
			results.set(`${t.path}@${connections}`, r);
			console.log(
				`  ${label}: ${t.name} @ ${connections}: ${r.reqPerSec.toFixed(0)} req/s, p95 ${r.p95.toFixed(1)} ms (${r.requests} requests${r.busy ? `, ${r.busy} × 503` : ''})`
			);
		}
	}
	return results;
}

function loadTable(results: Map<string, Load>): string[][] {
	const rows: string[][] = [];
	for (const t of TARGETS) {
		for (const connections of CONNECTIONS) {
			const r = results.get(`${t.path}@${connections}`)!;
			const base = results.get(`/api/health@${connections}`)!;
			rows.push([
				`${t.name} (${t.path})`,
				String(connections),
				r.reqPerSec.toFixed(0),
				r.p95.toFixed(1),
				(r.reqPerSec / base.reqPerSec).toFixed(3),
				(r.p95 / base.p95).toFixed(1)
			]);
		}
	}
	return rows;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Waits until the server answers the health check quickly again (requests left from a flood). */
async function settle(url: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		const t0 = performance.now();
		await (await fetch(`${url}/api/health`)).arrayBuffer();
		if (performance.now() - t0 < 50) return;
		await new Promise((r) => setTimeout(r, 200));
	}
}

const dir = mkdtempSync(join(tmpdir(), 'rlm-bench-pages-'));
const started = performance.now();
const loadBefore = loadavg();
console.log('Starting the app (migrate, load the sample, build when stale)…');
const env = { DATABASE_URL: join(dir, 'app.db') };
let server = await startServer(env, 600_000);
console.log(
	`Serving at ${server.url} after ${((performance.now() - started) / 1000).toFixed(0)} s`
);
try {
	const results = await loadRuns(server.url, '1 process');
	const loadRows = loadTable(results);
	const targets: string[] = [];
	const targetFigures: { name: string; reqPerSecRatio: number; p95Ratio: number; met: boolean }[] =
		[];
	const health50 = results.get('/api/health@50')!;
	for (const t of TARGETS.filter((t) => t.target)) {
		const r = results.get(`${t.path}@50`)!;
		const ratio = r.reqPerSec / health50.reqPerSec;
		const p95 = r.p95 / health50.p95;
		targetFigures.push({
			name: t.name,
			reqPerSecRatio: round(ratio, 3),
			p95Ratio: round(p95, 2),
			met: ratio >= 0.3 && p95 <= 10
		});
		targets.push(
			`${t.name} @ 50: req/s ${ratio.toFixed(2)} × health (target ≥ 0.3: ${verdict(ratio >= 0.3)}), ` +
				`p95 ${p95.toFixed(1)} × health (target ≤ 10: ${verdict(p95 <= 10)})`
		);
	}

	// 200 readers of the same page (the meeting room), then of pages each rendered afresh:
	// answered within seconds, 503 beyond what can be rendered in time.
	const sameFlood = await load(server.url + REGION_PAGE, 200);
	const sameLine =
		`the same region page, 200 connections: ${sameFlood.reqPerSec.toFixed(0)} req/s, ` +
		`${sameFlood.busy} × 503, p95 ${sameFlood.p95.toFixed(0)} ms, slowest ${sameFlood.max.toFixed(0)} ms`;
	console.log(`  ${sameLine}`);
	await settle(server.url);
	const flood = await load(server.url + REGION_PAGE, 200, true);
	const floodLine =
		`region pages, 200 connections, every request rendered: ${flood.requests} × 200, ` +
		`${flood.busy} × 503 (Retry-After), p95 ${flood.p95.toFixed(0)} ms, slowest ${flood.max.toFixed(0)} ms ` +
		`(target: a few seconds at most: ${verdict(flood.max <= 5000)})`;
	console.log(`  ${floodLine}`);
	await settle(server.url);

	// Two processes on the same database against one (not in the short CI run).
	let scaleRows: string[][] = [];
	if (!QUICK) {
		await server.stop();
		server = await startServer({ ...env, WEB_CONCURRENCY: '2' }, 600_000);
		const two = await loadRuns(server.url, '2 processes');
		scaleRows = TARGETS.map((t) => {
			const one = results.get(`${t.path}@50`)!;
			const both = two.get(`${t.path}@50`)!;
			return [
				t.name,
				one.reqPerSec.toFixed(0),
				both.reqPerSec.toFixed(0),
				(both.reqPerSec / one.reqPerSec).toFixed(2),
				one.p95.toFixed(1),
				both.p95.toFixed(1)
			];
		});
		await server.stop();
		server = await startServer(env, 600_000);
	}

	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS
	});
	const weights: Weight[] = [];
	try {
		for (const path of PAGES) {
			// A fresh context: an empty cache, as on someone's first visit.
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			const assets: Promise<{ url: string; type: string; gz: number } | null>[] = [];
			page.on('response', (res: Response) => {
				const type = res.request().resourceType();
				if (type !== 'script' && type !== 'stylesheet') return;
				// A response still arriving when the context closes has no body left to read: it came
				// after the page went idle, so it is not counted (and must not crash the run).
				assets.push(
					res.body().then(
						(b) => ({ url: res.url(), type, gz: gzipBytes(b) }),
						() => null
					)
				);
			});
			const nav = await page.goto(server.url + path, { waitUntil: 'networkidle' });
			if (!nav || nav.status() !== 200) throw new Error(`${path} answered ${nav?.status()}`);
			const html = await nav.body();
			// What the server asks for up front: the HTML's stylesheets and start-up imports, and the
			// Link header's modulepreloads (the page's whole static import graph).
			const upFront = `${(await nav.allHeaders()).link ?? ''}\n${html.toString('utf8')}`;
			const w: Weight = {
				page: path,
				jsInitial: 0,
				jsLater: 0,
				css: 0,
				html: 0,
				htmlRaw: html.byteLength,
				files: 0
			};
			w.html = gzipBytes(html);
			for (const a of await Promise.all(assets)) {
				if (!a) continue;
				w.files++;
				if (a.type === 'stylesheet') w.css += a.gz;
				// Named up front = needed before the app starts; anything else was imported later by
				// the running page. (Links are relative paths; the hashed file name is unique.)
				else if (upFront.includes(new URL(a.url).pathname.split('/').at(-1)!)) w.jsInitial += a.gz;
				else w.jsLater += a.gz;
			}
			weights.push(w);
			await context.close();
		}
	} finally {
		await browser.close();
	}

	console.log(
		`\nLoad on loopback (autocannon, ${SECONDS} s per run; ratios against /api/health at the same concurrency):\n`
	);
	console.log(
		table(['target', 'connections', 'req/s', 'p95 ms', 'req/s ÷ health', 'p95 ÷ health'], loadRows)
	);
	console.log(`\nTargets at 50 connections:\n${targets.map((t) => `- ${t}`).join('\n')}`);
	console.log(`\nUnder 200 connections:\n- ${floodLine}\n- ${sameLine}`);
	if (scaleRows.length > 0) {
		console.log('\nOne process against two (WEB_CONCURRENCY=2), 50 connections:\n');
		console.log(
			table(['target', 'req/s 1', 'req/s 2', '2 ÷ 1', 'p95 ms 1', 'p95 ms 2'], scaleRows)
		);
	}
	console.log('\nWhat a first load fetches (Chromium, empty cache; gzip -9 sizes in KB):\n');
	console.log(
		table(
			[
				'page',
				'JS first load',
				'JS imported later',
				'JS total',
				'CSS',
				'HTML',
				'HTML raw',
				'files'
			],
			weights.map((w) => [
				w.page,
				kb(w.jsInitial),
				kb(w.jsLater),
				kb(w.jsInitial + w.jsLater),
				kb(w.css),
				kb(w.html),
				kb(w.htmlRaw),
				String(w.files)
			])
		)
	);
	const region = weights.find((w) => w.page === REGION_PAGE)!;
	console.log(
		`\n${REGION_PAGE}: first-load JavaScript ${kb(region.jsInitial)} KB gzip ` +
			`(target < ${FIRST_LOAD_LIMIT_KB} KB: ${verdict(region.jsInitial < FIRST_LOAD_LIMIT_KB * 1024)}); ` +
			`HTML ${kb(region.htmlRaw)} KB raw (target ≤ 100 KB: ${verdict(region.htmlRaw <= 100 * 1024)})`
	);
	const pathways = PATHWAYS_PAGES.map((path) => weights.find((w) => w.page === path)!);
	for (const w of pathways) {
		console.log(
			`${w.page}: HTML ${kb(w.htmlRaw)} KB raw (target ≤ 150 KB: ${verdict(w.htmlRaw <= 150 * 1024)})`
		);
	}
	if (RESULTS) {
		// Ratios first: absolute figures from a shared CI machine say little on their own.
		const figures = {
			when: new Date().toISOString(),
			machine: { cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg() },
			secondsPerRun: SECONDS,
			targets: targetFigures,
			load: [...results].map(([key, r]) => {
				const [path, connections] = key.split('@') as [string, string];
				const base = results.get(`/api/health@${connections}`)!;
				return {
					path,
					connections: Number(connections),
					reqPerSecRatio: round(r.reqPerSec / base.reqPerSec, 3),
					p95Ratio: round(r.p95 / base.p95, 2),
					reqPerSec: round(r.reqPerSec, 0),
					p95Ms: round(r.p95, 1)
				};
			}),
			flood: {
				samePage: sameFlood,
				everyRequestRendered: { ...flood, met: flood.max <= 5000 }
			},
			pages: weights.map((w) => ({
				page: w.page,
				htmlRawKb: round(w.htmlRaw / 1024, 1),
				jsFirstLoadGzipKb: round(w.jsInitial / 1024, 1)
			})),
			pageTargets: {
				regionHtmlRawMet: region.htmlRaw <= 100 * 1024,
				regionJsFirstLoadMet: region.jsInitial < FIRST_LOAD_LIMIT_KB * 1024,
				pathwaysHtmlRawMet: pathways.every((w) => w.htmlRaw <= 150 * 1024)
			}
		};
		mkdirSync(dirname(RESULTS), { recursive: true });
		writeFileSync(RESULTS, JSON.stringify(figures, null, '\t') + '\n');
		console.log(`\nFigures written to ${RESULTS}`);
	}
} finally {
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}

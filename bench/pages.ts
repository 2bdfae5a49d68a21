/**
 * Page benchmark: serves the built app (building it first when the build is missing or stale, as
 * `npm start` does) on a temporary database loaded with the bundled sample, then
 *
 * 1. with autocannon on loopback, requests/s and p95 latency of the Los Angeles region page, its
 *    gaps API and /api/health (the baseline) at 1, 10 and 50 connections, all in this run, and
 *    each as a ratio to /api/health at the same concurrency;
 * 2. in Chromium, the JavaScript and CSS each page fetches on a first load (empty cache),
 *    gzip-compressed as the server sends them: the part asked for before the app starts (the
 *    HTML's stylesheets and start-up imports, the Link header's modulepreloads) and the part the
 *    running page imports afterwards, and checks the region page's first-load JavaScript is
 *    under 200 KB (exit code 1 if not).
 *
 * Usage: npm run bench:pages   (BENCH_SECONDS per autocannon run, default 8)
 */
import autocannon, { type Result } from 'autocannon';
import { chromium, type Response } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { startServer } from '../tests/helpers/process';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/browser';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = [1, 10, 50] as const;
const TARGETS = [
	{ name: '/api/health', path: '/api/health' },
	{ name: 'gaps API', path: '/api/areas/31080/gaps' },
	{ name: 'region page', path: '/regions/31080' }
] as const;
const PAGES = [
	'/',
	'/regions/31080',
	'/regions/31080/occupations/15-1232',
	'/compare?areas=31080,99',
	'/pathways?area=31080'
] as const;
const REGION_PAGE = '/regions/31080';
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
	requests: number;
}

/** One autocannon run; p95 from every response's own time (autocannon reports p90 and p97.5). */
function load(url: string, connections: number): Promise<Load> {
	return new Promise((resolve, reject) => {
		const times: number[] = [];
		const instance = autocannon(
			{ url, connections, duration: SECONDS, timeout: 30 },
			(error: Error | null, result: Result) => {
				if (error) return reject(error);
				const failed = result.errors + result.timeouts + result.non2xx;
				if (failed > 0 || times.length === 0) {
					return reject(
						new Error(
							`${url} at ${connections} connections: ${result.errors} errors, ` +
								`${result.timeouts} timeouts, ${result.non2xx} non-2xx of ${times.length}`
						)
					);
				}
				times.sort((a, b) => a - b);
				resolve({
					reqPerSec: result['2xx'] / result.duration,
					p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!,
					requests: result['2xx']
				});
			}
		);
		instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
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

const dir = mkdtempSync(join(tmpdir(), 'rlm-bench-pages-'));
const started = performance.now();
console.log('Starting the app (migrate, load the sample, build when stale)…');
const server = await startServer({ DATABASE_URL: join(dir, 'app.db') }, 600_000);
console.log(
	`Serving at ${server.url} after ${((performance.now() - started) / 1000).toFixed(0)} s`
);
try {
	// Warm up: the first gaps report fills the per-data-version caches (~0.5 s).
	for (const t of TARGETS) {
		for (let i = 0; i < 3; i++) {
			const res = await fetch(server.url + t.path);
			if (!res.ok) throw new Error(`${t.path} answered ${res.status}`);
			await res.arrayBuffer();
		}
	}

	const results = new Map<string, Load>();
	// Per concurrency, the baseline and the pages back to back, so they share the machine's mood.
	for (const connections of CONNECTIONS) {
		for (const t of TARGETS) {
			const r = await load(server.url + t.path, connections);
			results.set(`${t.path}@${connections}`, r);
			console.log(
				`  ${t.name} @ ${connections}: ${r.reqPerSec.toFixed(0)} req/s, p95 ${r.p95.toFixed(1)} ms (${r.requests} requests)`
			);
		}
	}
	const loadRows: string[][] = [];
	for (const t of TARGETS) {
		for (const connections of CONNECTIONS) {
			const r = results.get(`${t.path}@${connections}`)!;
			const base = results.get(`/api/health@${connections}`)!;
			loadRows.push([
				`${t.name} (${t.path})`,
				String(connections),
				r.reqPerSec.toFixed(0),
				r.p95.toFixed(1),
				(r.reqPerSec / base.reqPerSec).toFixed(3),
				(r.p95 / base.p95).toFixed(1)
			]);
		}
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
			const assets: Promise<{ url: string; type: string; gz: number }>[] = [];
			page.on('response', (res: Response) => {
				const type = res.request().resourceType();
				if (type !== 'script' && type !== 'stylesheet') return;
				assets.push(res.body().then((b) => ({ url: res.url(), type, gz: gzipBytes(b) })));
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
	const ok = region.jsInitial < FIRST_LOAD_LIMIT_KB * 1024;
	console.log(
		`\n${REGION_PAGE}: first-load JavaScript ${kb(region.jsInitial)} KB gzip ` +
			`(limit ${FIRST_LOAD_LIMIT_KB} KB): ${ok ? 'OK' : 'OVER THE LIMIT'}; ` +
			`with what it imports afterwards ${kb(region.jsInitial + region.jsLater)} KB`
	);
	if (!ok) process.exitCode = 1;
} finally {
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}

/**
 * 200 concurrent readers while a 420,000-row import lands through the upload route of the same
 * server. WAL keeps readers on the last committed snapshot and the import is one transaction, so
 * every reader must get either the answer from before the import or the one from after it —
 * nothing in between, no error, no timeout — and keep being served while the import runs.
 *
 * The server starts on a small pre-loaded database (the national May 2021 file and the Los
 * Angeles cut: /api/areas lists the U.S. and Los Angeles, as on the bundled sample) rather than
 * the whole sample: loading the sample takes 20–30 s here and changes neither the answer read
 * nor the import, whose cost is its own 420,000 rows. The import file comes from
 * bench/gen-oews.ts's seeded generator, written to a temporary folder (107 MB, never committed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOewsCsv } from '../../bench/gen-oews';
import { startServer, type Served } from '../helpers/process';
import { FIXTURES, SAMPLE } from '../helpers/db';
import { buildDb, fileUpload, postImports } from '../helpers/upload';

/** The slice of autocannon 8's programmatic API this test uses (the package ships no types). */
interface AutocannonResult {
	requests: { total: number; average: number };
	latency: { p50: number; p90: number; p97_5: number; p99: number; max: number };
	errors: number;
	timeouts: number;
	non2xx: number;
	mismatches: number;
	resets: number;
	duration: number;
	'2xx': number;
}
interface AutocannonInstance extends EventEmitter, PromiseLike<AutocannonResult> {
	stop(): void;
}
type Autocannon = (opts: {
	url: string;
	connections: number;
	duration: number;
	timeout: number;
	requests: { method: 'GET'; path: string; onResponse: (status: number, body: string) => void }[];
}) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const TOKEN = 'reliability-load-token';
const CONNECTIONS = 200;
/** Default of autocannon: a request without an answer after this long counts as a timeout. */
const TIMEOUT_S = 10;
const READ_PATH = '/api/areas';
const FILE_NAME = 'oews_synthetic_M2024.csv';

let work: string;
let synthetic: string;
let syntheticRows: number;
let server: Served;

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'rlm-load-'));
	synthetic = join(work, FILE_NAME);
	const generated = generateOewsCsv(synthetic);
	const db = join(work, 'app.db');
	await buildDb(db, [
		join(SAMPLE, 'national_M2021_dl.xlsx'),
		join(FIXTURES, 'oews/MSA_M2021_la_cut.csv')
	]);
	server = await startServer({
		DATABASE_URL: db,
		UPLOAD_DIR: join(work, 'uploads'),
		EDITOR_TOKEN: TOKEN
	});
	syntheticRows = await generated;
}, 300_000);

afterAll(async () => {
	await server?.stop();
	if (work) rmSync(work, { recursive: true, force: true });
});

describe(`${CONNECTIONS} concurrent readers while a 420,000-row import lands`, () => {
	it('every read succeeds and answers either the data before or the data after', async () => {
		expect(syntheticRows).toBe(420_000);
		const url = `${server.url}${READ_PATH}`;
		const beforeText = await (await fetch(url)).text();
		const beforeHash = sha(beforeText);
		const areasBefore = (JSON.parse(beforeText) as unknown[]).length;

		interface Read {
			/** performance.now() when the answer was complete. */
			at: number;
			ms: number;
			status: number;
			hash: string;
		}
		const reads: Read[] = [];
		const failures: string[] = [];
		let lastHash = '';
		const t0 = performance.now();
		const instance = autocannon({
			url: server.url,
			connections: CONNECTIONS,
			// Stopped by the test once the import has answered; this is only a ceiling.
			duration: 240,
			timeout: TIMEOUT_S,
			requests: [
				{
					method: 'GET',
					path: READ_PATH,
					// Called for each answer, just before the instance's 'response' event below.
					onResponse: (_status, body) => {
						lastHash = sha(body);
					}
				}
			]
		});
		instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
			reads.push({ at: performance.now(), ms, status, hash: lastHash });
		});
		instance.on('reqError', (e: Error) => failures.push(e.message));

		// Readers alone first, so the "before" answer is read under load too.
		await sleep(3000);
		const uploadStart = performance.now();
		const upload = fileUpload(FILE_NAME, synthetic);
		const res = await postImports(server.url, TOKEN, upload, upload.contentType);
		const uploadEnd = performance.now();
		// Readers on for a while after, so the "after" answer is read under load too.
		await sleep(3000);
		instance.stop();
		const result = await instance;
		const t1 = performance.now();

		expect(res.status, res.text).toBe(200);
		const [report] = res.json<{ files: { status: string; rowsImported: number }[] }>().files;
		expect(report).toMatchObject({ status: 'imported', rowsImported: 420_000 });

		const afterText = await (await fetch(url)).text();
		const afterHash = sha(afterText);
		const areasAfter = (JSON.parse(afterText) as unknown[]).length;
		expect(afterHash).not.toBe(beforeHash);

		const sentAt = uploadStart + res.sentMs;
		const inWindow = (from: number, to: number) => reads.filter((r) => r.at >= from && r.at <= to);
		const during = inWindow(uploadStart, uploadEnd);
		const phases = {
			readersAlone: inWindow(t0, uploadStart),
			uploadSending: inWindow(uploadStart, sentAt),
			importing: inWindow(sentAt, uploadEnd),
			afterImport: inWindow(uploadEnd, t1)
		};
		const s1 = (ms: number) => +(ms / 1000).toFixed(1);
		const count = (rs: Read[], hash: string) => rs.filter((r) => r.hash === hash).length;
		const describePhase = (rs: Read[], from: number, to: number) => {
			const ms = rs.map((r) => r.ms).sort((a, b) => a - b);
			return {
				seconds: s1(to - from),
				reads: rs.length,
				perSecond: Math.round(rs.length / ((to - from) / 1000)),
				p50: Math.round(percentile(ms, 50)),
				p95: Math.round(percentile(ms, 95)),
				p99: Math.round(percentile(ms, 99)),
				max: Math.round(percentile(ms, 100))
			};
		};
		// The longest stretches without any answer while the upload ran: the server's event loop
		// was busy elsewhere (a synchronous step of the import) or the client's was.
		const gaps = during
			.slice(1)
			.map((r, i) => ({
				at: s1(during[i]!.at - uploadStart),
				ms: Math.round(r.at - during[i]!.at)
			}))
			.sort((a, b) => b.ms - a.ms)
			.slice(0, 3);
		const slowest = reads.reduce((a, b) => (b.ms > a.ms ? b : a));
		const firstAfter = reads.find((r) => r.hash === afterHash);
		const lastBefore = reads.findLast((r) => r.hash === beforeHash);
		const figures = {
			fileMB: +(statSync(synthetic).size / 1024 / 1024).toFixed(1),
			areasBefore,
			areasAfter,
			uploadSentS: s1(res.sentMs),
			uploadAnsweredS: s1(res.ms),
			readsDuringUpload: during.length,
			duringBefore: count(during, beforeHash),
			duringAfter: count(during, afterHash),
			phases: {
				readersAlone: describePhase(phases.readersAlone, t0, uploadStart),
				uploadSending: describePhase(phases.uploadSending, uploadStart, sentAt),
				importing: describePhase(phases.importing, sentAt, uploadEnd),
				afterImport: describePhase(phases.afterImport, uploadEnd, t1)
			},
			longestGapsDuringUpload: gaps,
			slowestRead: {
				ms: Math.round(slowest.ms),
				sentAtS: s1(slowest.at - slowest.ms - uploadStart)
			},
			firstAfterAnswerS: firstAfter ? s1(firstAfter.at - uploadStart) : null,
			lastBeforeAnswerS: lastBefore ? s1(lastBefore.at - uploadStart) : null,
			autocannon: {
				total: result.requests.total,
				'2xx': result['2xx'],
				errors: result.errors,
				timeouts: result.timeouts,
				non2xx: result.non2xx,
				latencyP50: result.latency.p50,
				latencyP97_5: result.latency.p97_5,
				latencyP99: result.latency.p99,
				latencyMax: result.latency.max
			}
		};
		console.log(`load during import: ${JSON.stringify(figures, null, 1)}`);

		// Zero failed requests: no connection errors, no timeouts, no non-2xx answers.
		expect(failures).toEqual([]);
		expect(result.errors).toBe(0);
		expect(result.timeouts).toBe(0);
		expect(result.non2xx).toBe(0);
		expect(reads.every((r) => r.status === 200)).toBe(true);
		// Every answer is one of the two states, never a mix.
		const strangers = reads.filter((r) => r.hash !== beforeHash && r.hash !== afterHash);
		expect(strangers).toHaveLength(0);
		expect(count(reads, beforeHash)).toBeGreaterThan(0);
		expect(count(reads, afterHash)).toBeGreaterThan(0);
		// Readers were served while the upload was received and imported, not only around it.
		expect(during.length).toBeGreaterThan(CONNECTIONS);
		// …including after the whole file was sent, while the server parsed and wrote it.
		expect(phases.importing.length).toBeGreaterThan(CONNECTIONS);
		// The answers switch once: after the first "after" answer, only answers to requests sent
		// before the commit can still say "before".
		if (firstAfter && lastBefore && lastBefore.at > firstAfter.at) {
			const late = reads.filter((r) => r.at > firstAfter.at && r.hash === beforeHash);
			// (5 ms: the two clocks are read a few statements apart.)
			for (const r of late) expect(r.at - r.ms).toBeLessThanOrEqual(firstAfter.at + 5);
		}
		// The file is one import run, complete.
		const runs = (await (await fetch(`${server.url}/api/imports`)).json()) as {
			fileName: string;
			rowsImported: number;
		}[];
		expect(runs.filter((r) => r.fileName === FILE_NAME)).toEqual([
			expect.objectContaining({ rowsImported: 420_000 })
		]);
	}, 240_000);
});

/**
 * What keeps the server answering when a room full of people opens the same region:
 *
 * - **A cache of whole answers per content version.** Pages and API reads change only when the
 *   data does (an import added or deleted, a living wage set), so a rendered answer is kept with
 *   the version it was made from, its gzip made once and an ETag (a hash of the body) for
 *   `If-None-Match` → 304. A brotli copy (smaller by a fifth) is made off the main thread the first
 *   time a client that takes it asks, and served from then on; until it is ready, the gzip is. The version is read from the database on every request (two indexed
 *   queries), so a change made by any process — another app process, the import command — is
 *   seen on the next request, and nothing stale is served.
 * - **A gate in front of rendering.** Rendering is synchronous work on one thread: one at a time
 *   is as fast as several interleaved, and each finishes sooner. A request is queued only when
 *   its turn should come within `maxWaitMs` (from the recent time per render), and waits no
 *   longer; otherwise it gets a fast 503 with Retry-After instead of a long silence.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzipSync } from 'node:zlib';
import type { Db } from './db/client';
import { dataVersion } from './db/cache';

/**
 * The version of everything a reader's page shows: import runs (ids only grow, so a delete and
 * a new import cannot give the same pair) and living wages, which are set outside import runs.
 */
export function contentVersion(db: Db): string {
	const lw = db.$client
		.prepare(
			'SELECT count(*) AS n, max(updated_at) AS at, total(annual_wage) AS sum FROM living_wages'
		)
		.get() as { n: number; at: string | null; sum: number };
	return `${dataVersion(db)}:${lw.n}:${lw.at ?? ''}:${lw.sum}`;
}

export interface Entry {
	version: string;
	status: number;
	headers: [string, string][];
	body: Buffer;
	gzip: Buffer | null;
	/** Made on first demand (see `answer`); null until then. */
	br: Buffer | null;
	/** The brotli compression under way, if any (tests wait for it). */
	brotli: Promise<void> | null;
	etag: string;
}

/** Text worth compressing; never event streams (they must flush as they go). */
export const COMPRESSIBLE = /^(text\/html|application\/json|text\/csv|image\/svg\+xml|text\/plain)/;
export const MIN_COMPRESS_BYTES = 1024;
/** Answers larger than this are served but not kept. */
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

/** Least recently used answers go first once the bytes kept pass `maxBytes`. */
export class AnswerCache {
	private readonly entries = new Map<string, Entry>();
	private readonly pending = new Map<string, Promise<Entry | Response>>();
	private bytes = 0;

	constructor(readonly maxBytes = 96 * 1024 * 1024) {}

	get(key: string, version: string): Entry | null {
		const hit = this.entries.get(key);
		if (!hit) return null;
		this.entries.delete(key);
		if (hit.version !== version) {
			this.bytes -= size(hit);
			return null;
		}
		this.entries.set(key, hit);
		return hit;
	}

	/**
	 * The entry for `key` at `version`, rendering it with `render` when missing. Requests for the
	 * same key that arrive while it renders wait for that one rendering. An answer that cannot be
	 * kept (not a 200, sets a cookie, too large, not text) comes back as the Response itself.
	 */
	async fill(
		key: string,
		version: string,
		render: () => Promise<Response>
	): Promise<Entry | Response> {
		const hit = this.get(key, version);
		if (hit) return hit;
		const flight = `${version}\n${key}`;
		const inFlight = this.pending.get(flight);
		if (inFlight) {
			const shared = await inFlight;
			// A Response can be read only once: a waiter whose leader got an unkeepable answer
			// renders its own.
			return shared instanceof Response ? render() : shared;
		}
		const work = (async () => {
			const res = await render();
			const entry = await toEntry(res, version);
			if (!entry) return res;
			this.put(key, entry);
			return entry;
		})();
		this.pending.set(flight, work);
		try {
			return await work;
		} finally {
			this.pending.delete(flight);
		}
	}

	private put(key: string, entry: Entry): void {
		const old = this.entries.get(key);
		if (old) this.bytes -= size(old);
		this.entries.delete(key);
		this.entries.set(key, entry);
		this.bytes += size(entry);
		for (const [k, e] of this.entries) {
			if (this.bytes <= this.maxBytes) break;
			this.entries.delete(k);
			this.bytes -= size(e);
		}
	}
}

// Room for the brotli copy is counted up front (it is smaller than the gzip), so the total stays
// true when it arrives later.
const size = (e: Entry) => e.body.byteLength + 2 * (e.gzip?.byteLength ?? 0);

async function toEntry(res: Response, version: string): Promise<Entry | null> {
	const type = res.headers.get('content-type') ?? '';
	const length = Number(res.headers.get('content-length') ?? 0);
	if (
		res.status !== 200 ||
		res.headers.has('set-cookie') ||
		res.headers.has('content-encoding') ||
		!COMPRESSIBLE.test(type) ||
		length > MAX_ENTRY_BYTES
	)
		return null;
	const body = Buffer.from(await res.arrayBuffer());
	const headers = [...res.headers].filter(([k]) => k !== 'content-length' && k !== 'etag');
	return {
		version,
		status: res.status,
		headers,
		body,
		gzip: body.byteLength >= MIN_COMPRESS_BYTES ? gzipSync(body) : null,
		br: null,
		brotli: null,
		etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
	};
}

/** Whether `If-None-Match` names this ETag (a list, weak or strong, or `*`). */
export function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch
		.split(',')
		.map((t) => t.trim().replace(/^W\//, ''))
		.some((t) => t === etag || t === '*');
}

/**
 * Whether an `Accept-Encoding` header takes `coding` (listed, or `*`, with a q-value above 0).
 */
export function accepts(acceptEncoding: string | null, coding: string): boolean {
	let star = false;
	for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
		const [name = '', ...params] = part.split(';').map((p) => p.trim());
		const q = params.find((p) => p.startsWith('q='));
		const ok = !q || Number(q.slice(2)) > 0;
		if (name === coding) return ok;
		if (name === '*') star = ok;
	}
	return star;
}

const brotliAsync = promisify(brotliCompress);
/** A middle quality: ~20% under gzip's bytes for JSON and HTML, in a few ms per 100 KB. */
const BROTLI_QUALITY = 5;

/** Starts the entry's brotli copy on the thread pool, once. */
function makeBrotli(entry: Entry): void {
	if (entry.br || entry.brotli) return;
	entry.brotli = brotliAsync(entry.body, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
			[constants.BROTLI_PARAM_SIZE_HINT]: entry.body.byteLength
		}
	}).then(
		(br) => {
			entry.br = br;
		},
		// Not worth failing a request over: the gzip goes on being served.
		() => {}
	);
}

/** The answer to send for an entry: 304, brotli, gzip or plain, with its validators. */
export function answer(entry: Entry, request: Request): Response {
	const headers = new Headers(entry.headers);
	headers.set('etag', entry.etag);
	// Browsers may keep it but must ask again (a cheap 304 while the data is unchanged).
	headers.set('cache-control', 'no-cache');
	headers.append('vary', 'Accept-Encoding');
	if (matches(request.headers.get('if-none-match'), entry.etag)) {
		headers.delete('content-type');
		return new Response(null, { status: 304, headers });
	}
	const acceptEncoding = request.headers.get('accept-encoding');
	let body = entry.body;
	if (entry.gzip && accepts(acceptEncoding, 'br')) makeBrotli(entry);
	if (entry.br && accepts(acceptEncoding, 'br')) {
		body = entry.br;
		headers.set('content-encoding', 'br');
	} else if (entry.gzip && accepts(acceptEncoding, 'gzip')) {
		body = entry.gzip;
		headers.set('content-encoding', 'gzip');
	}
	headers.set('content-length', String(body.byteLength));
	// A view of the kept bytes, not a copy.
	const bytes = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
	return new Response(request.method === 'HEAD' ? null : bytes, {
		status: entry.status,
		headers
	});
}

/**
 * Lets at most `concurrency` requests render at once; others wait in order, at most `maxQueue` of
 * them and at most `maxWaitMs` each. `enter()` resolves true when it is the caller's turn, false
 * when the caller should be told to come back later (then nothing is held).
 */
export class Gate {
	private active = 0;
	private readonly queue: {
		admit: (ok: boolean) => void;
		since: number;
		timer: ReturnType<typeof setTimeout>;
	}[] = [];
	/** Requests turned away so far (for the log and the benchmark). */
	refused = 0;

	constructor(
		readonly concurrency = 1,
		readonly maxQueue = 128,
		readonly maxWaitMs = 1500
	) {}

	/** How long a run takes, on average lately (ms): what a place in the queue costs in waiting. */
	private averageMs = 50;
	private lastLeave = 0;

	enter(): Promise<boolean> {
		if (this.active < this.concurrency) {
			this.active++;
			return Promise.resolve(true);
		}
		// A request that would wait past the limit anyway is told at once, so the queue holds only
		// what can be served in time (and nothing is left to render for clients long gone).
		const expectedWait = ((this.queue.length + 1) * this.averageMs) / this.concurrency;
		if (this.queue.length >= this.maxQueue || expectedWait > this.maxWaitMs) {
			this.refused++;
			return Promise.resolve(false);
		}
		return new Promise((admit) => {
			const waiter = {
				admit,
				since: performance.now(),
				timer: setTimeout(() => {
					const i = this.queue.indexOf(waiter);
					if (i < 0) return;
					this.queue.splice(i, 1);
					this.refused++;
					admit(false);
				}, this.maxWaitMs)
			};
			this.queue.push(waiter);
		});
	}

	/**
	 * Hands the freed place to the next waiter on the next turn of the event loop, not at once:
	 * rendering is mostly synchronous, and admitting in the same microtask chain would run the
	 * whole queue without letting a timer (a waiter's deadline) or a new connection (a health
	 * check) in between.
	 */
	leave(): void {
		// While requests wait, the time between two departures is what a place in the queue really
		// costs: the render and everything around it on the same thread (reading the request,
		// compressing and writing the answer, the cache's own work).
		const now = performance.now();
		if (this.queue.length > 0 && this.lastLeave > 0) {
			this.averageMs = 0.8 * this.averageMs + 0.2 * (now - this.lastLeave);
		}
		this.lastLeave = now;
		setImmediate(() => {
			for (;;) {
				const next = this.queue.shift();
				if (!next) {
					this.active--;
					return;
				}
				clearTimeout(next.timer);
				if (performance.now() - next.since <= this.maxWaitMs) {
					next.admit(true);
					return;
				}
				this.refused++;
				next.admit(false);
			}
		});
	}

	/** Runs `work` in turn; null when the gate turned the request away. */
	async run<T>(work: () => Promise<T>): Promise<T | null> {
		if (!(await this.enter())) return null;
		const started = performance.now();
		try {
			return await work();
		} finally {
			this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
			this.leave();
		}
	}
}

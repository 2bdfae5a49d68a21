import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { accepts, AnswerCache, answer, Gate, matches } from '../../../src/lib/server/http-cache';

const html = (text: string, init: ResponseInit = {}) =>
	new Response(text, {
		status: 200,
		...init,
		headers: { 'content-type': 'text/html', ...(init.headers as Record<string, string>) }
	});

describe('AnswerCache', () => {
	it('renders once per key and version, and again when the version changes', async () => {
		const cache = new AnswerCache();
		let renders = 0;
		const render = async () => html(`page ${++renders} `.repeat(200));
		const a = await cache.fill('GET /r', 'v1', render);
		const b = await cache.fill('GET /r', 'v1', render);
		expect(renders).toBe(1);
		expect(a).toBe(b);
		const c = await cache.fill('GET /r', 'v2', render);
		expect(renders).toBe(2);
		expect(c).not.toBe(a);
		expect('etag' in c && 'etag' in a && c.etag !== a.etag).toBe(true);
	});
	it('renders once for requests that arrive while it renders', async () => {
		const cache = new AnswerCache();
		let renders = 0;
		const render = async () => {
			renders++;
			await new Promise((r) => setTimeout(r, 20));
			return html('x'.repeat(2000));
		};
		await Promise.all(Array.from({ length: 10 }, () => cache.fill('GET /r', 'v1', render)));
		expect(renders).toBe(1);
	});
	it('does not keep errors, cookies or event streams', async () => {
		const cache = new AnswerCache();
		for (const res of [
			() => html('no', { status: 404 }),
			() => html('me', { headers: { 'set-cookie': 'a=b' } }),
			() => new Response('data: x\n\n', { headers: { 'content-type': 'text/event-stream' } })
		]) {
			let renders = 0;
			const render = async () => (renders++, res());
			expect(await cache.fill('k', 'v', render)).toBeInstanceOf(Response);
			await cache.fill('k', 'v', render);
			expect(renders).toBe(2);
		}
	});
	it('forgets the least recently used answers past its size', async () => {
		const cache = new AnswerCache(10_000);
		for (const k of ['a', 'b', 'c']) await cache.fill(k, 'v', async () => html(k.repeat(4000)));
		expect(cache.get('a', 'v')).toBeNull();
		expect(cache.get('c', 'v')).not.toBeNull();
	});
});

describe('answer', () => {
	it('sends gzip made once, 304 for a matching If-None-Match, and the plain body otherwise', async () => {
		const cache = new AnswerCache();
		const text = '<p>occupation</p>'.repeat(500);
		const entry = await cache.fill('k', 'v', async () => html(text));
		if (entry instanceof Response) throw new Error('not kept');
		const gz = answer(entry, new Request('http://x/', { headers: { 'accept-encoding': 'gzip' } }));
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(text);
		expect(gz.headers.get('cache-control')).toBe('no-cache');
		const etag = gz.headers.get('etag')!;
		const plain = answer(entry, new Request('http://x/'));
		expect(await plain.text()).toBe(text);
		const again = answer(entry, new Request('http://x/', { headers: { 'if-none-match': etag } }));
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
	});
	it('makes brotli once, off the request, and sends it from then on to clients that take it', async () => {
		const cache = new AnswerCache();
		const text = JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ soc: i, title: 'x' })));
		const entry = await cache.fill('k', 'v', async () =>
			Response.json(JSON.parse(text), { headers: { 'content-type': 'application/json' } })
		);
		if (entry instanceof Response) throw new Error('not kept');
		const ask = (acceptEncoding: string) =>
			answer(entry, new Request('http://x/', { headers: { 'accept-encoding': acceptEncoding } }));
		// The first asker gets the gzip at once; the brotli is made meanwhile.
		expect(ask('gzip, deflate, br').headers.get('content-encoding')).toBe('gzip');
		expect(entry.brotli).not.toBeNull();
		await entry.brotli;
		const br = ask('gzip, deflate, br');
		expect(br.headers.get('content-encoding')).toBe('br');
		const bytes = Buffer.from(await br.arrayBuffer());
		expect(Number(br.headers.get('content-length'))).toBe(bytes.byteLength);
		expect(brotliDecompressSync(bytes).toString()).toBe(text);
		expect(bytes.byteLength).toBeLessThan(entry.gzip!.byteLength);
		// Made once: the next asker gets the same bytes.
		const again = entry.br;
		ask('br');
		expect(entry.br).toBe(again);
		// Clients that refuse it, or take only gzip, still get gzip; none at all, the plain body.
		expect(ask('br;q=0, gzip').headers.get('content-encoding')).toBe('gzip');
		expect(ask('gzip').headers.get('content-encoding')).toBe('gzip');
		expect(ask('identity').headers.get('content-encoding')).toBeNull();
	});
	it('reads Accept-Encoding lists with q-values and *', () => {
		expect(accepts('gzip, deflate, br', 'br')).toBe(true);
		expect(accepts('gzip;q=1.0, br;q=0', 'br')).toBe(false);
		expect(accepts('BR', 'br')).toBe(true);
		expect(accepts('*', 'gzip')).toBe(true);
		expect(accepts('*;q=0', 'gzip')).toBe(false);
		expect(accepts('gzip;q=0, *', 'gzip')).toBe(false);
		expect(accepts(null, 'gzip')).toBe(false);
		expect(accepts('deflate', 'gzip')).toBe(false);
	});
	it('matches If-None-Match lists, weak tags and *', () => {
		expect(matches('"a", W/"b"', '"b"')).toBe(true);
		expect(matches('*', '"b"')).toBe(true);
		expect(matches('"a"', '"b"')).toBe(false);
		expect(matches(null, '"b"')).toBe(false);
	});
});

describe('Gate', () => {
	it('lets a few through, queues the next in order, and turns away past the queue', async () => {
		const gate = new Gate(2, 2, 10_000);
		const order: number[] = [];
		let release!: () => void;
		const hold = new Promise<void>((r) => (release = r));
		const runs = [1, 2, 3, 4].map((i) =>
			gate.run(async () => {
				order.push(i);
				await hold;
				return i;
			})
		);
		const fifth = await gate.run(async () => 5);
		expect(fifth).toBeNull();
		expect(order).toEqual([1, 2]);
		release();
		expect(await Promise.all(runs)).toEqual([1, 2, 3, 4]);
		expect(order).toEqual([1, 2, 3, 4]);
		expect(gate.refused).toBe(1);
	});
	it('turns away a request that waited too long, and lets the next one in afterwards', async () => {
		const gate = new Gate(1, 10, 80);
		let release!: () => void;
		const busy = gate.run(() => new Promise<void>((r) => (release = r)));
		const t0 = performance.now();
		expect(await gate.run(async () => 'late')).toBeNull();
		expect(performance.now() - t0).toBeGreaterThanOrEqual(75);
		// A queue longer than the wait allows (50 ms a run so far) is not joined at all.
		expect(await gate.run(async () => 'second')).toBeNull();
		expect(await gate.run(async () => 'third')).toBeNull();
		expect(performance.now() - t0).toBeLessThan(400);
		release();
		await busy;
		// The place is handed on at the next turn of the event loop.
		await new Promise((r) => setImmediate(r));
		expect(await gate.run(async () => 'now')).toBe('now');
	});
	it('keeps deadlines when the work blocks the thread (as rendering does)', async () => {
		const gate = new Gate(1, 100, 200);
		const block = (ms: number) => {
			const end = performance.now() + ms;
			while (performance.now() < end);
		};
		const t0 = performance.now();
		const results = await Promise.all(
			Array.from({ length: 20 }, () =>
				gate.run(async () => {
					block(50);
					return performance.now() - t0;
				})
			)
		);
		const done = results.filter((r) => r !== null);
		// About 200 ms of admissions, then the rest turned away rather than run late.
		expect(done.length).toBeGreaterThan(1);
		expect(done.length).toBeLessThan(10);
		expect(Math.max(...(done as number[]))).toBeLessThan(600);
		expect(gate.refused).toBe(20 - done.length);
	});
});

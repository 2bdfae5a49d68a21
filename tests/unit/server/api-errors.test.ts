import { describe, expect, it } from 'vitest';
import { apiError, INTERNAL_ERROR, inApiShape } from '../../../src/lib/server/api';

const body = async (res: Response) => (await res.json()) as unknown;

describe('inApiShape (every API error answers {"error": …})', () => {
	it("rewrites SvelteKit's HTML error page, keeping the status", async () => {
		const page = new Response('<!doctype html><h1>500</h1>', {
			status: 500,
			headers: { 'content-type': 'text/html' }
		});
		const res = await inApiShape(page);
		expect(res.status).toBe(500);
		expect(res.headers.get('content-type')).toContain('application/json');
		expect(await body(res)).toEqual({ error: { status: 500, message: INTERNAL_ERROR } });
	});
	it("rewrites SvelteKit's JSON error and plain text, keeping Allow and Retry-After", async () => {
		const sk = new Response(JSON.stringify({ message: 'Method not allowed' }), {
			status: 405,
			headers: { 'content-type': 'application/json', allow: 'GET' }
		});
		const res = await inApiShape(sk);
		expect(await body(res)).toEqual({ error: { status: 405, message: 'Method not allowed' } });
		expect(res.headers.get('allow')).toBe('GET');
		const text = new Response('Payload Too Large', {
			status: 413,
			headers: { 'retry-after': '3' }
		});
		const fixed = await inApiShape(text);
		expect(await body(fixed)).toMatchObject({ error: { status: 413 } });
		expect(fixed.headers.get('retry-after')).toBe('3');
	});
	it("leaves a route's own JSON alone: its errors and a report sent with 422", async () => {
		const own = apiError(404, 'No area with code 00000 in the database.');
		expect(await inApiShape(own)).toBe(own);
		const report = new Response(JSON.stringify({ files: [] }), {
			status: 422,
			headers: { 'content-type': 'application/json' }
		});
		expect(await inApiShape(report)).toBe(report);
	});
});

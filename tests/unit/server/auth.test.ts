import { describe, expect, it } from 'vitest';
import {
	checkSignIn,
	cleanName,
	FailureLimiter,
	limiter,
	MAX_FAILURES,
	newSession,
	safeNext,
	requireEditor,
	SESSION_COOKIE,
	sessionName,
	type EditorEvent
} from '../../../src/lib/server/auth';

let clientCounter = 0;
/** Each event comes from its own address unless one is given, so the limiter does not interfere. */
const event = (
	auth?: string,
	cookie?: string,
	client = `10.0.0.${++clientCounter}`
): EditorEvent => ({
	request: new Request('http://x/', {
		method: 'PUT',
		headers: auth ? { authorization: auth } : {}
	}),
	cookies: { get: (name) => (name === SESSION_COOKIE ? cookie : undefined) },
	getClientAddress: () => client
});

describe('requireEditor', () => {
	it('refuses every write when no editor token is configured', async () => {
		const res = requireEditor(event('Bearer anything'), null)!;
		expect(res.status).toBe(403);
		expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
			'EDITOR_TOKEN'
		);
	});
	it.each([
		[undefined, 401],
		['Basic abc', 401],
		['Bearer wrong', 403],
		['Bearer secret-token-x', 403]
	])('%s → %s', (auth, status) => {
		expect(requireEditor(event(auth), 'secret-token')!.status).toBe(status);
	});
	it('lets the right token through', () => {
		expect(requireEditor(event('Bearer secret-token'), 'secret-token')).toBeNull();
		expect(requireEditor(event('bearer   secret-token '), 'secret-token')).toBeNull();
	});
	it('accepts a valid session cookie and refuses a forged, expired or foreign one', () => {
		const good = newSession('secret-token', 'Ana').value;
		expect(requireEditor(event(undefined, good), 'secret-token')).toBeNull();
		const [expires, name] = good.split('.');
		const forged = `${expires}.${name}.${'A'.repeat(43)}`;
		expect(requireEditor(event(undefined, forged), 'secret-token')!.status).toBe(401);
		const old = newSession('secret-token', 'Ana', Date.now() - 13 * 3600 * 1000).value;
		expect(requireEditor(event(undefined, old), 'secret-token')!.status).toBe(401);
		// Signed with another token (EDITOR_TOKEN was changed): every editor is signed out.
		const other = newSession('another-token', 'Ana').value;
		expect(requireEditor(event(undefined, other), 'secret-token')!.status).toBe(401);
	});
	it('rate-limits wrong Bearer tokens per address, then answers 429 even to the right one', () => {
		const client = '192.0.2.77';
		for (let i = 0; i < MAX_FAILURES; i++) {
			expect(requireEditor(event('Bearer nope', undefined, client), 'secret-token')!.status).toBe(
				403
			);
		}
		const res = requireEditor(event('Bearer secret-token', undefined, client), 'secret-token')!;
		expect(res.status).toBe(429);
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
		// Another address is not affected.
		expect(requireEditor(event('Bearer secret-token'), 'secret-token')).toBeNull();
		limiter.succeed(client);
	});
});

describe('sessions', () => {
	it('carries the editor name, cleaned of control characters and cut short', () => {
		const s = newSession('t0ken', 'Board\u0000 data\nlead  ' + 'x'.repeat(100));
		const name = sessionName(s.value, 't0ken')!;
		expect(name.startsWith('Board data lead x')).toBe(true);
		expect(name.length).toBe(60);
		expect(cleanName('   ')).toBe('editor');
	});
	it('keeps a long non-Latin name within what the cookie can carry', () => {
		const name = '王'.repeat(40); // 120 bytes of UTF-8
		const s = newSession('t0ken', name);
		const back = sessionName(s.value, 't0ken')!;
		expect(back).toBe('王'.repeat(30));
		expect(Buffer.byteLength(back)).toBeLessThanOrEqual(90);
	});
	it('cannot be altered to another name', () => {
		const s = newSession('t0ken', 'Ana').value.split('.');
		const renamed = [s[0], Buffer.from('Admin').toString('base64url'), s[2]].join('.');
		expect(sessionName(renamed, 't0ken')).toBeNull();
	});
});

describe('FailureLimiter and checkSignIn', () => {
	it('locks an address after the allowed failures until the window ends', () => {
		const l = new FailureLimiter(3, 60_000);
		const t = 1_000_000;
		for (let i = 0; i < 3; i++) {
			expect(l.retryAfter('a', t)).toBe(0);
			l.fail('a', t);
		}
		expect(l.retryAfter('a', t + 1000)).toBe(59);
		expect(l.retryAfter('b', t + 1000)).toBe(0);
		expect(l.retryAfter('a', t + 60_000)).toBe(0);
	});
	it('tells the sign-in form off / wrong / ok / wait', () => {
		const client = '198.51.100.9';
		expect(checkSignIn('x', client, null)).toBe('off');
		expect(checkSignIn('secret', client, 'secret')).toBe('ok');
		for (let i = 0; i < MAX_FAILURES; i++)
			expect(checkSignIn('nope', client, 'secret')).toBe('wrong');
		expect(checkSignIn('secret', client, 'secret')).toBeGreaterThan(0);
		limiter.succeed(client);
	});
});

describe('safeNext (where sign-in returns to)', () => {
	const origin = 'http://localhost:3000';
	it.each([
		['/regions/31080?year=2021#table', '/regions/31080?year=2021#table'],
		['/es/pathways?area=31080', '/es/pathways?area=31080'],
		['//evil.example/x', '/data'],
		['/\\evil.example', '/data'],
		['/\t/evil.example/phish', '/data'],
		['/\n/evil.example', '/data'],
		['https://evil.example/', '/data'],
		['javascript:alert(1)', '/data'],
		['data', '/data'],
		[null, '/data']
	])('%j → %s', (raw, expected) => {
		expect(safeNext(raw, origin, '/data')).toBe(expected);
	});
});

import { afterAll, describe, expect, it } from 'vitest';
import {
	checkToken,
	cleanName,
	FAILURE_WINDOW_MS,
	FailureLimiter,
	limiter,
	MAX_FAILURES,
	MAX_LOCK_MS,
	requireEditor,
	safeNext,
	SESSION_COOKIE,
	SessionStore,
	type EditorEvent
} from '../../../src/lib/server/auth';
import { openState } from '../../../src/lib/server/db/state';

const state = openState(':memory:');
const store = new SessionStore(state);
afterAll(() => state.close());

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
const check = (auth?: string, cookie?: string, client?: string) =>
	requireEditor(event(auth, cookie, client), 'secret-token', store);

describe('requireEditor', () => {
	it('refuses every write when no editor token is configured', async () => {
		const res = requireEditor(event('Bearer anything'), null, store)!;
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
		expect(check(auth)!.status).toBe(status);
	});
	it('lets the right token through', () => {
		expect(check('Bearer secret-token')).toBeNull();
		expect(check('bearer   secret-token ')).toBeNull();
	});
	it('accepts a live session and refuses a forged, expired, ended or foreign one', () => {
		const good = store.create('secret-token', 'Ana').value;
		expect(check(undefined, good)).toBeNull();
		expect(check(undefined, `${good.slice(0, -4)}AAAA`)!.status).toBe(401);
		expect(check(undefined, 'A'.repeat(43))!.status).toBe(401);
		const old = store.create('secret-token', 'Ana', Date.now() - 13 * 3600 * 1000).value;
		expect(check(undefined, old)!.status).toBe(401);
		// Made with another token (EDITOR_TOKEN was changed since): nobody.
		const other = store.create('another-token', 'Ana').value;
		expect(check(undefined, other)!.status).toBe(401);
		// Signing out ends the session itself: the same cookie value no longer writes.
		store.end(good);
		expect(check(undefined, good)!.status).toBe(401);
	});
	it('never locks out the right token: wrong ones from the same address get 429 with Retry-After', () => {
		const client = '192.0.2.77';
		for (let i = 0; i < MAX_FAILURES; i++)
			expect(check('Bearer nope', undefined, client)!.status).toBe(403);
		const res = check('Bearer nope', undefined, client)!;
		expect(res.status).toBe(429);
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
		// The editor (same address, e.g. behind the same proxy) still gets in.
		expect(check('Bearer secret-token', undefined, client)).toBeNull();
		// And another address is not held back.
		expect(check('Bearer nope')!.status).toBe(403);
	});
});

describe('sessions', () => {
	it('store only a hash of the cookie value and the editor name, cleaned and cut short', () => {
		const s = store.create('t0ken', 'Board\u0000 data\nlead  ' + 'x'.repeat(100));
		const name = store.name(s.value, 't0ken')!;
		expect(name.startsWith('Board data lead x')).toBe(true);
		expect(name.length).toBe(60);
		expect(cleanName('   ')).toBe('editor');
		const ids = (state.prepare('SELECT id_hash AS id FROM sessions').all() as { id: string }[]).map(
			(r) => r.id
		);
		expect(ids).not.toContain(s.value);
		expect(s.expires.getTime() - Date.now()).toBeGreaterThan(11.9 * 3600 * 1000);
	});
	it('keep a long non-Latin name whole', () => {
		const s = store.create('t0ken', '王'.repeat(40));
		expect(store.name(s.value, 't0ken')).toBe('王'.repeat(40));
	});
});

describe('FailureLimiter', () => {
	it('locks an address after the allowed failures, then twice as long each time', () => {
		const l = new FailureLimiter(3, 60_000, 1000);
		let t = 1_000_000;
		for (let i = 0; i < 3; i++) {
			expect(l.retryAfter('a', t)).toBe(0);
			l.fail('a', t);
		}
		expect(l.retryAfter('a', t + 1000)).toBe(59);
		expect(l.retryAfter('b', t + 1000)).toBe(0);
		t += 60_000;
		expect(l.retryAfter('a', t)).toBe(0);
		for (let i = 0; i < 3; i++) l.fail('a', t);
		expect(l.retryAfter('a', t)).toBe(120);
		t += 120_000;
		for (let i = 0; i < 3; i++) l.fail('a', t);
		expect(l.retryAfter('a', t)).toBe(240);
	});
	it('caps the backoff at a day', () => {
		const l = new FailureLimiter(1, FAILURE_WINDOW_MS, 1000);
		let t = 0;
		for (let i = 0; i < 12; i++) {
			l.fail('a', t);
			t += l.retryAfter('a', t) * 1000;
		}
		l.fail('a', t);
		expect(l.retryAfter('a', t)).toBe(MAX_LOCK_MS / 1000);
	});
	it('limits failures from all addresses together: 40 addresses cannot try 200 tokens', () => {
		const l = new FailureLimiter(5, 60_000, 100);
		const t = 5_000_000;
		let checked = 0;
		for (let i = 0; i < 200; i++) {
			const client = `198.51.100.${i % 40}`;
			if (l.retryAfter(client, t) > 0) continue;
			checked++;
			l.fail(client, t);
		}
		expect(checked).toBe(100);
		// Everyone waits, also addresses that never failed.
		expect(l.retryAfter('203.0.113.1', t)).toBe(60);
		expect(l.retryAfter('203.0.113.1', t + 60_000)).toBe(0);
	});
	it('tells the sign-in form off / wrong / ok / wait, and the right token is ok while locked', () => {
		const client = '198.51.100.9';
		expect(checkToken('x', client, null)).toBe('off');
		expect(checkToken('secret', client, 'secret')).toBe('ok');
		for (let i = 0; i < MAX_FAILURES; i++)
			expect(checkToken('nope', client, 'secret')).toBe('wrong');
		expect(checkToken('nope', client, 'secret')).toBeGreaterThan(0);
		expect(checkToken('secret', client, 'secret')).toBe('ok');
		expect(limiter.retryAfter(client)).toBeGreaterThan(0);
	});
});

describe('safeNext (where sign-in returns to)', () => {
	const origin = 'http://localhost:3000';
	it.each([
		['/regions/31080?year=2021#table', '/regions/31080?year=2021#table'],
		['/es/pathways?area=31080', '/es/pathways?area=31080'],
		['/regions/../data', '/data'],
		['//evil.example/x', '/'],
		['/\\evil.example', '/'],
		['/\t/evil.example/phish', '/'],
		['/\n/evil.example', '/'],
		['/.//evil.example/x', '/'],
		['/..//evil.example/x', '/'],
		['/%2e%2e//evil.example/x', '/'],
		['/%2E//evil.example/x', '/'],
		['/es/.//evil.example/x', '/es//evil.example/x'],
		['https://evil.example/', '/'],
		['javascript:alert(1)', '/'],
		['data', '/'],
		[null, '/']
	])('%j → %s', (raw, expected) => {
		expect(safeNext(raw, origin, '/')).toBe(expected);
	});
});

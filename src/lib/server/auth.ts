/**
 * Write access. Reading is public; writing needs an editor. `EDITOR_TOKEN` in the server's
 * environment turns writing on. A person signs in on /login with that token and gets a session
 * cookie (httpOnly, SameSite=Strict); an API client sends `Authorization: Bearer <token>`.
 * Without EDITOR_TOKEN every write is refused.
 *
 * Sessions live on the server (the server-state database, db/state.ts): the cookie is a random
 * value whose sha256 names a row, so signing out deletes the row and the cookie stops working at
 * once, in every process; changing EDITOR_TOKEN signs every editor out (each row carries a tag of
 * the token it was made with).
 *
 * Failed tokens (form or Bearer) are limited per client address and across all addresses, with
 * backoff; the right token is always accepted, so nobody can lock the real editor out. What keeps
 * a token from being guessed is its length (the server warns about a short one); the limits keep
 * a flood of guesses from costing anything and say in the log that it is happening.
 */
import type Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { apiError } from './api';
import { serverState } from './db/state';

export const SESSION_COOKIE = 'rlm_editor';
/** How long a sign-in lasts. */
export const SESSION_HOURS = 12;
/** Failed attempts allowed per client address within the window before it must wait. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed from all addresses together within the window. */
export const MAX_GLOBAL_FAILURES = 100;
/** Each lock-out of the same address (or of everyone) lasts twice the one before, up to this. */
export const MAX_LOCK_MS = 24 * 3600 * 1000;
/** A token shorter than this is easy to guess: the server warns when it starts. */
export const MIN_TOKEN_LENGTH = 20;

export function editorToken(env: Record<string, string | undefined> = process.env): string | null {
	const token = env.EDITOR_TOKEN?.trim();
	return token ? token : null;
}

function same(a: string, b: string): boolean {
	// Compared as digests, so the time taken says nothing about the length either.
	const x = createHash('sha256').update(a).digest();
	const y = createHash('sha256').update(b).digest();
	return timingSafeEqual(x, y);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Which token a session belongs to, without storing the token. */
const tokenTag = (token: string) => sha256(`rlm-editor-token:${token}`).slice(0, 32);

/** The name an editor gives at sign-in, kept for the import history: plain text, short. */
export function cleanName(name: string): string {
	const clean = name
		.replace(/[\p{C}]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 60);
	return clean.trim() || 'editor';
}

/** Sessions kept in a server-state database (state-schema.ts `sessions`). */
export class SessionStore {
	constructor(private readonly sqlite: Database.Database) {}

	/** A new session for `name`, valid until `now + SESSION_HOURS`; its cookie value. */
	create(token: string, name: string, now = Date.now()): { value: string; expires: Date } {
		const value = randomBytes(32).toString('base64url');
		const expires = now + SESSION_HOURS * 3600 * 1000;
		this.sqlite
			.prepare(
				'INSERT INTO sessions (id_hash, name, token_tag, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'
			)
			.run(sha256(value), cleanName(name), tokenTag(token), now, expires);
		// Expired rows go now and then, so the table stays the size of the signed-in editors.
		if (Math.random() < 0.05)
			this.sqlite.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
		return { value, expires: new Date(expires) };
	}

	/** The editor's name when `value` is a live session made with `token`; otherwise null. */
	name(value: string | undefined, token: string | null, now = Date.now()): string | null {
		if (!token || !value || !/^[\w-]{43}$/.test(value)) return null;
		const row = this.sqlite
			.prepare(
				'SELECT name, token_tag AS tag, expires_at AS expires FROM sessions WHERE id_hash = ?'
			)
			.get(sha256(value)) as { name: string; tag: string; expires: number } | undefined;
		if (!row || !(row.expires > now) || !same(row.tag, tokenTag(token))) return null;
		return row.name;
	}

	end(value: string | undefined): void {
		if (value) this.sqlite.prepare('DELETE FROM sessions WHERE id_hash = ?').run(sha256(value));
	}
}

let defaultStore: SessionStore | null | undefined;
/** The server's sessions, or null when its state database cannot be written (read-only disk). */
export function sessionStore(): SessionStore | null {
	if (defaultStore === undefined) {
		const state = serverState();
		defaultStore = state ? new SessionStore(state) : null;
	}
	return defaultStore;
}

interface Strikes {
	count: number;
	since: number;
	/** Locked until then (ms), 0 when not locked. */
	until: number;
	/** Lock-outs so far: each lasts twice the one before. */
	locks: number;
}

/**
 * Counts failed attempts per client address and across all addresses in a fixed window. Past
 * `max` failures an address is locked for the window, then twice as long at the next lock-out,
 * and so on up to a day; past `maxGlobal` failures from everyone, failed attempts from every
 * address are answered "wait" the same way. A success clears its address's count.
 */
export class FailureLimiter {
	private readonly perAddress = new Map<string, Strikes>();
	private readonly all: Strikes = { count: 0, since: 0, until: 0, locks: 0 };

	constructor(
		readonly max = MAX_FAILURES,
		readonly windowMs = FAILURE_WINDOW_MS,
		readonly maxGlobal = MAX_GLOBAL_FAILURES
	) {}

	/** Seconds until failed attempts from this client are counted again, or 0. */
	retryAfter(client: string, now = Date.now()): number {
		const until = Math.max(this.perAddress.get(client)?.until ?? 0, this.all.until);
		return until > now ? Math.ceil((until - now) / 1000) : 0;
	}

	fail(client: string, now = Date.now()): void {
		let s = this.perAddress.get(client);
		if (!s) {
			s = { count: 0, since: now, until: 0, locks: 0 };
			this.perAddress.set(client, s);
			// Bounded memory under a flood of addresses: forget the oldest.
			if (this.perAddress.size > 10_000) {
				const oldest = this.perAddress.keys().next().value;
				if (oldest !== undefined) this.perAddress.delete(oldest);
			}
		}
		this.strike(s, this.max, now, `from ${client}`);
		this.strike(this.all, this.maxGlobal, now, 'from all addresses together');
	}

	private strike(s: Strikes, max: number, now: number, who: string): void {
		if (now - s.since >= this.windowMs) {
			s.count = 0;
			s.since = now;
			// A quiet day forgives earlier lock-outs.
			if (now - s.until > MAX_LOCK_MS) s.locks = 0;
		}
		if (++s.count < max || s.until > now) return;
		const ms = Math.min(this.windowMs * 2 ** s.locks, MAX_LOCK_MS);
		s.locks++;
		s.until = now + ms;
		s.count = 0;
		s.since = now;
		console.warn(
			`${max} failed editor sign-ins ${who}: further failures answer 429 for ${Math.round(ms / 60_000)} minute(s).`
		);
	}

	succeed(client: string): void {
		const s = this.perAddress.get(client);
		if (s) s.count = 0;
	}
}

export const limiter = new FailureLimiter();

/** What a handler needs of the SvelteKit request event. */
export interface EditorEvent {
	request: Request;
	cookies: { get(name: string): string | undefined };
	getClientAddress(): string;
}

function clientOf(event: EditorEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** The signed-in editor's name (session cookie from /login), or null. */
export function signedIn(
	event: Pick<EditorEvent, 'cookies'>,
	token = editorToken(),
	store?: SessionStore | null
): string | null {
	const value = event.cookies.get(SESSION_COOKIE);
	if (!value || !token) return null;
	return (store === undefined ? sessionStore() : store)?.name(value, token) ?? null;
}

/** Who is writing, for the record: the signed-in editor's name, or "api" for a Bearer client. */
export function editorName(event: EditorEvent): string {
	return signedIn(event) ?? 'api';
}

/** null when the request may write; otherwise the 401/403/429 response to send. */
export function requireEditor(
	event: EditorEvent,
	token: string | null = editorToken(),
	store?: SessionStore | null
): Response | null {
	if (!token) {
		return apiError(
			403,
			'Writing is turned off on this server. Set EDITOR_TOKEN in its environment to enable editors.'
		);
	}
	const header = event.request.headers.get('authorization') ?? '';
	const m = /^Bearer\s+(.+)$/i.exec(header);
	if (!m) {
		if (signedIn(event, token, store) !== null) return null;
		return apiError(
			401,
			'This needs an editor: sign in on /login, or send Authorization: Bearer <token>.'
		);
	}
	const result = checkToken(m[1]!, clientOf(event), token);
	if (typeof result === 'number') return tooMany(result);
	return result === 'ok' ? null : apiError(403, 'That editor token is not valid.');
}

export function tooMany(seconds: number): Response {
	const res = apiError(
		429,
		`Too many failed sign-in attempts: try again in ${Math.ceil(seconds / 60)} minute(s).`
	);
	res.headers.set('retry-after', String(seconds));
	return res;
}

/**
 * Checks a token (typed into the sign-in form or sent as Bearer): 'ok', 'wrong', 'off', or the
 * seconds this client must wait before a wrong token is told apart from a lock-out. The right
 * token is accepted even then.
 */
export function checkToken(
	typed: string,
	client: string,
	token = editorToken()
): 'ok' | 'wrong' | 'off' | number {
	if (!token) return 'off';
	if (same(typed.trim(), token)) {
		limiter.succeed(client);
		return 'ok';
	}
	const wait = limiter.retryAfter(client);
	if (wait > 0) return wait;
	limiter.fail(client);
	return 'wrong';
}

/**
 * Only a page of this site may be the place to return to: the value must resolve to this origin
 * (browsers drop tabs and newlines from URLs, so `/\t/evil.example` would leave it) and is
 * rebuilt from its parts. A path that resolves to `//…` (`/.//evil.example`, `/..//…`,
 * `/%2e%2e//…`) would be read by a browser as another host, so it is refused too.
 */
export function safeNext(raw: string | null, origin: string, fallback: string): string {
	if (!raw || !raw.startsWith('/') || raw.includes('\\')) return fallback;
	// Control characters (tab, newline…): browsers drop them, which can turn `/\t/x` into `//x`.
	for (let i = 0; i < raw.length; i++)
		if (raw.charCodeAt(i) < 32 || raw.charCodeAt(i) === 127) return fallback;
	let target: URL;
	try {
		target = new URL(raw, origin);
	} catch {
		return fallback;
	}
	if (target.origin !== origin || target.pathname.startsWith('//')) return fallback;
	return `${target.pathname}${target.search}${target.hash}`;
}

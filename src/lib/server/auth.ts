/**
 * Write access. Reading is public; writing needs an editor. `EDITOR_TOKEN` in the server's
 * environment turns writing on. A person signs in on /login with that token and gets a session
 * cookie (httpOnly, SameSite=Strict); an API client sends `Authorization: Bearer <token>`.
 * Without EDITOR_TOKEN every write is refused.
 *
 * The session cookie is stateless: `<expiry ms>.<HMAC-SHA256 of "editor:<expiry>" keyed by the
 * token>`, so it survives a restart and changing EDITOR_TOKEN signs every editor out.
 * Failed sign-ins (form or Bearer) are counted per client address and rate-limited.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { apiError } from './api';

export const SESSION_COOKIE = 'rlm_editor';
/** How long a sign-in lasts. */
export const SESSION_HOURS = 12;
/** Failed attempts allowed per client address within the window before it must wait. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export function editorToken(env: Record<string, string | undefined> = process.env): string | null {
	const token = env.EDITOR_TOKEN?.trim();
	return token ? token : null;
}

function same(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

function signature(token: string, expires: number, name: string): string {
	return createHmac('sha256', token).update(`editor:${expires}:${name}`).digest('base64url');
}

/** The name an editor gives at sign-in, kept for the import history: plain text, short. */
export function cleanName(name: string): string {
	let clean = name
		.replace(/[\p{C}]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 60);
	// The cookie carries the name: at most 90 bytes of UTF-8 (120 base64url characters).
	while (Buffer.byteLength(clean) > 90) clean = [...clean].slice(0, -1).join('');
	return clean.trim() || 'editor';
}

/** A session value for `name`, valid until `now + SESSION_HOURS`. */
export function newSession(
	token: string,
	name: string,
	now = Date.now()
): { value: string; expires: Date } {
	const expires = now + SESSION_HOURS * 3600 * 1000;
	const who = cleanName(name);
	const encoded = Buffer.from(who).toString('base64url');
	return {
		value: `${expires}.${encoded}.${signature(token, expires, who)}`,
		expires: new Date(expires)
	};
}

/** The editor's name when `value` is a valid, unexpired session for `token`; otherwise null. */
export function sessionName(
	value: string | undefined,
	token: string | null,
	now = Date.now()
): string | null {
	if (!token || !value) return null;
	const m = /^(\d{13})\.([\w-]{0,120})\.([\w-]{43})$/.exec(value);
	if (!m) return null;
	const expires = Number(m[1]);
	if (!(expires > now)) return null;
	const name = Buffer.from(m[2]!, 'base64url').toString('utf8');
	return same(m[3]!, signature(token, expires, name)) ? name : null;
}

/** Counts failed attempts per client address in a fixed window. */
export class FailureLimiter {
	private readonly failures = new Map<string, { count: number; since: number }>();

	constructor(
		readonly max = MAX_FAILURES,
		readonly windowMs = FAILURE_WINDOW_MS
	) {}

	/** Seconds until this client may try again, or 0 when it may try now. */
	retryAfter(client: string, now = Date.now()): number {
		const f = this.failures.get(client);
		if (!f) return 0;
		if (now - f.since >= this.windowMs) {
			this.failures.delete(client);
			return 0;
		}
		return f.count >= this.max ? Math.ceil((f.since + this.windowMs - now) / 1000) : 0;
	}

	fail(client: string, now = Date.now()): void {
		const f = this.failures.get(client);
		if (!f || now - f.since >= this.windowMs) this.failures.set(client, { count: 1, since: now });
		else f.count++;
		// Bounded memory under a flood of addresses: forget the oldest.
		if (this.failures.size > 10_000) {
			const oldest = this.failures.keys().next().value;
			if (oldest !== undefined) this.failures.delete(oldest);
		}
	}

	succeed(client: string): void {
		this.failures.delete(client);
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
	token = editorToken()
): string | null {
	return sessionName(event.cookies.get(SESSION_COOKIE), token);
}

/** Who is writing, for the record: the signed-in editor's name, or "api" for a Bearer client. */
export function editorName(event: EditorEvent): string {
	return signedIn(event) ?? 'api';
}

/** null when the request may write; otherwise the 401/403/429 response to send. */
export function requireEditor(
	event: EditorEvent,
	token: string | null = editorToken()
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
		if (signedIn(event, token) !== null) return null;
		return apiError(
			401,
			'This needs an editor: sign in on /login, or send Authorization: Bearer <token>.'
		);
	}
	const client = clientOf(event);
	const wait = limiter.retryAfter(client);
	if (wait > 0) return tooMany(wait);
	if (!same(m[1]!.trim(), token)) {
		limiter.fail(client);
		return apiError(403, 'That editor token is not valid.');
	}
	limiter.succeed(client);
	return null;
}

export function tooMany(seconds: number): Response {
	const res = apiError(
		429,
		`Too many failed sign-in attempts from this address: try again in ${Math.ceil(seconds / 60)} minute(s).`
	);
	res.headers.set('retry-after', String(seconds));
	return res;
}

/** Checks a token typed into the sign-in form: 'ok', 'wrong', 'off' or seconds to wait. */
export function checkSignIn(
	typed: string,
	client: string,
	token = editorToken()
): 'ok' | 'wrong' | 'off' | number {
	if (!token) return 'off';
	const wait = limiter.retryAfter(client);
	if (wait > 0) return wait;
	if (!same(typed.trim(), token)) {
		limiter.fail(client);
		return 'wrong';
	}
	limiter.succeed(client);
	return 'ok';
}

/**
 * Only a page of this site may be the place to return to: the value must resolve to this origin
 * (browsers drop tabs and newlines from URLs, so `/\t/evil.example` would leave it) and is
 * rebuilt from its parts.
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
	if (target.origin !== origin) return fallback;
	return `${target.pathname}${target.search}${target.hash}`;
}

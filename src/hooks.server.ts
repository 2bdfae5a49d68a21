import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { apiError, INTERNAL_ERROR, inApiShape } from '$lib/server/api';
import { editorToken, MIN_TOKEN_LENGTH, signedIn } from '$lib/server/auth';
import { getDb, readOnlyReason } from '$lib/server/db';
import { serverState } from '$lib/server/db/state';
import {
	accepts,
	AnswerCache,
	answer,
	COMPRESSIBLE,
	contentVersion,
	Gate,
	MIN_COMPRESS_BYTES
} from '$lib/server/http-cache';
import { embedOrigins, framingHeaders, withFrameAncestors } from '$lib/server/framing';
import { isQueued } from '$lib/server/jobs';
import { MAX_FILES, MAX_UPLOAD_BYTES, sweepUploads } from '$lib/server/uploads';

/** How often leftovers of interrupted uploads are looked for (also once at start-up). */
const SWEEP_MS = 5 * 60 * 1000;

export const init: ServerInit = () => {
	// Open (and migrate) the database now rather than on the first request, which would
	// otherwise wait for it.
	getDb();
	// A wrong EMBED_ORIGINS stops the start with its message instead of a policy nobody meant.
	embedOrigins();
	// The server's own state too: a data folder that turns read-only later must not leave it
	// unopened (sign-ins and imports would then fail with a 500 instead of their own answer).
	serverState();
	const token = editorToken();
	if (token && token.length < MIN_TOKEN_LENGTH) {
		console.warn(
			`EDITOR_TOKEN is ${token.length} characters long: use at least ${MIN_TOKEN_LENGTH} random ones (e.g. openssl rand -base64 32), or it can be guessed.`
		);
	}
	const sweep = () => {
		const removed = sweepUploads(undefined, isQueued);
		if (removed.length > 0)
			console.log(`Removed ${removed.length} unfinished upload(s): ${removed.join(', ')}`);
	};
	sweep();
	setInterval(sweep, SWEEP_MS).unref();
};

/**
 * Reads the language from the URL (/es/… is Spanish), runs the request with that locale so
 * message functions and number formats follow it, and writes it into `<html lang>`.
 */
const i18n: Handle = ({ event, resolve }) => {
	const body = event.request.body;
	// The middleware hands on a clone of the request it gets, and a clone tees the body: the branch
	// nobody reads would keep every byte of an upload in memory (190 MB for a 190 MB file). It gets
	// the method, address and headers alone; the route gets the body as it streams in.
	const asked = body
		? new Request(event.request.url, {
				method: event.request.method,
				headers: event.request.headers,
				signal: event.request.signal
			})
		: event.request;
	return paraglideMiddleware(asked, ({ request, locale }) => {
		event.request = body
			? new Request(request.url, {
					method: request.method,
					headers: request.headers,
					body,
					signal: request.signal,
					duplex: 'half'
				} as RequestInit & { duplex: 'half' })
			: request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});
};

/** Read once: the setting does not change while the server runs (init has checked it). */
let framingOrigins: string[] | null = null;

/**
 * Headers every response carries. The Content-Security-Policy itself is set by SvelteKit
 * (`kit.csp` in svelte.config.js) so that its own inline start-up script gets a hash instead of
 * `unsafe-inline`; its `frame-ancestors` is added here because it differs by page: the /embed/
 * pages may be framed by the EMBED_ORIGINS sites, every other page by none (see framing.ts).
 */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('cross-origin-opener-policy', 'same-origin');
	framingOrigins ??= embedOrigins();
	const framing = framingHeaders(event.url.pathname, framingOrigins);
	response.headers.set(
		'content-security-policy',
		withFrameAncestors(response.headers.get('content-security-policy'), framing['frame-ancestors']!)
	);
	if (framing['x-frame-options'])
		response.headers.set('x-frame-options', framing['x-frame-options']);
	return response;
};

const isApi = (url: URL) => url.pathname === '/api' || url.pathname.startsWith('/api/');
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Request bodies other than uploads: a JSON edit or a sign-in form is a few hundred bytes. */
const MAX_BODY_BYTES = 1024 * 1024;
/** An upload request: its files (the routes check each against MAX_UPLOAD_BYTES) and the rest. */
const MAX_UPLOAD_REQUEST_BYTES = MAX_FILES * MAX_UPLOAD_BYTES + MAX_BODY_BYTES;
const UPLOAD_ROUTES = /^\/api\/(imports|uploads)\/?$/;

/**
 * The limits on request bodies are the app's own (adapter-node's BODY_SIZE_LIMIT is turned off in
 * build/index.js), so `node build` and `npm start` behave alike and a refused body gets the API's
 * JSON error. A body that does not say its length is cut off at the limit as it arrives.
 */
function bodyLimit(event: Parameters<Handle>[0]['event']): Response | null {
	const limit = UPLOAD_ROUTES.test(event.url.pathname) ? MAX_UPLOAD_REQUEST_BYTES : MAX_BODY_BYTES;
	const declared = event.request.headers.get('content-length');
	if (declared !== null) {
		if (Number(declared) <= limit) return null;
		return apiError(
			413,
			UPLOAD_ROUTES.test(event.url.pathname)
				? `The upload is larger than ${MAX_FILES} files of ${MAX_UPLOAD_BYTES / 1024 / 1024} MB: send fewer or smaller files.`
				: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`
		);
	}
	const body = event.request.body;
	if (body) {
		let seen = 0;
		const capped = body.pipeThrough(
			new TransformStream<Uint8Array, Uint8Array>({
				transform(chunk, controller) {
					seen += chunk.byteLength;
					if (seen > limit) controller.error(new Error(`the request body exceeds ${limit} bytes`));
					else controller.enqueue(chunk);
				}
			})
		);
		event.request = new Request(event.request, {
			body: capped,
			duplex: 'half'
		} as RequestInit & { duplex: 'half' });
	}
	return null;
}

/**
 * Before anything else: body limits, and on a database that cannot be written, a clear 503 for
 * every API write instead of an error from deep inside (reads go on as usual).
 */
const guard: Handle = ({ event, resolve }) => {
	if (READS.has(event.request.method)) return resolve(event);
	const tooLarge = bodyLimit(event);
	if (tooLarge) return tooLarge;
	if (isApi(event.url)) {
		const readOnly = readOnlyReason();
		if (readOnly) {
			return apiError(
				503,
				`The database cannot be written (${readOnly}): this server only serves the data it has. Nothing was changed.`
			);
		}
	}
	return resolve(event);
};

/**
 * Every API error answers `{"error": {"status", "message"}}`, including those SvelteKit makes
 * itself (an exception in a handler, a route that does not exist, a method it lacks).
 */
const apiErrors: Handle = async ({ event, resolve }) => {
	const res = await resolve(event);
	return isApi(event.url) && res.status >= 400 ? inApiShape(res) : res;
};

/** An exception no route caught: logged here; what the visitor sees says nothing of the inside. */
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return {
		message: status >= 500 ? INTERNAL_ERROR : message
	};
};

/** Who is asking: a signed-in editor (session cookie from /login) or a reader. */
const editor: Handle = ({ event, resolve }) => {
	event.locals.editor = signedIn(event);
	return resolve(event);
};

const cache = new AnswerCache();
const gate = new Gate();
/** What a turned-away reader is told: the moment should pass within a couple of seconds. */
const RETRY_AFTER_SECONDS = 2;

/** Answers that depend on more than the data and the address: never kept. */
const UNCACHED =
	/^(\/es)?\/(data|login)(\/|$)|^\/api\/(health|jobs|uploads|imports\/[^/]+\/original)(\/|$)/;

function busy(event: Parameters<Handle>[0]['event']): Response {
	const message = 'The server is busy answering other requests: try again in a couple of seconds.';
	const res = isApi(event.url)
		? apiError(503, message)
		: new Response(message, {
				status: 503,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
	res.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	res.headers.set('cache-control', 'no-store');
	return res;
}

/**
 * Readers' pages and API reads come from the answer cache when the data has not changed since
 * they were rendered (see http-cache.ts); whatever must be rendered waits its turn at the gate,
 * or is turned away with 503 + Retry-After when the wait would be long. Writes, editors' pages
 * and the health check go straight through.
 */
const cached: Handle = async ({ event, resolve }) => {
	const method = event.request.method;
	if (method !== 'GET' && method !== 'HEAD') return resolve(event);
	if (event.url.pathname === '/api/health') return resolve(event);
	const render = async () => (await gate.run(async () => resolve(event))) ?? busy(event);
	if (event.locals.editor || UNCACHED.test(event.url.pathname)) return render();
	const version = contentVersion(getDb());
	// The address as sent (`…/__data.json?x-sveltejs-invalidated=…` differs from the page), and
	// whether HTML was asked for (a route may answer JSON to other clients).
	const raw = new URL(event.request.url);
	const html = (event.request.headers.get('accept') ?? '').includes('text/html');
	const key = `${raw.pathname}${raw.search} ${html ? 'html' : 'other'}`;
	const result = await cache.fill(key, version, render);
	return result instanceof Response ? result : answer(result, event.request);
};

/**
 * Gzips the answers the cache did not keep (the cache keeps its own gzip and brotli) for clients that accept
 * it; built assets are precompressed by the adapter and served as they are.
 */
const compress: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	const length = Number(response.headers.get('content-length') ?? Infinity);
	if (
		!response.body ||
		event.request.method === 'HEAD' ||
		response.headers.has('content-encoding') ||
		response.headers.has('set-cookie') ||
		!COMPRESSIBLE.test(type) ||
		length < MIN_COMPRESS_BYTES ||
		!accepts(event.request.headers.get('accept-encoding'), 'gzip')
	) {
		return response;
	}
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	headers.append('vary', 'Accept-Encoding');
	return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};

export const handle = sequence(securityHeaders, guard, apiErrors, compress, editor, cached, i18n);

import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { signedIn } from '$lib/server/auth';

/**
 * Reads the language from the URL (/es/… is Spanish), runs the request with that locale so
 * message functions and number formats follow it, and writes it into `<html lang>`.
 */
const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

/**
 * Headers every response carries. The Content-Security-Policy itself is set by SvelteKit
 * (`kit.csp` in svelte.config.js) so that its own inline start-up script gets a hash instead of
 * `unsafe-inline`. Framing is left open on purpose: other sites may embed these pages.
 */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('cross-origin-opener-policy', 'same-origin');
	return response;
};

/** Text worth compressing; never event streams (they must flush as they go). */
const COMPRESSIBLE = /^(text\/html|application\/json|text\/csv|image\/svg\+xml|text\/plain)/;
const MIN_COMPRESS_BYTES = 1024;

/**
 * Gzips pages, page data, API answers and CSV downloads for clients that accept it (the Node
 * server does not; a region page is ~270 KB of HTML, its gaps API ~1.5 MB of JSON). Built assets
 * are precompressed by the adapter and served as they are.
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
		!/\bgzip\b/i.test(event.request.headers.get('accept-encoding') ?? '')
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

/** Who is asking: a signed-in editor (session cookie from /login) or a reader. */
const editor: Handle = ({ event, resolve }) => {
	event.locals.editor = signedIn(event);
	return resolve(event);
};

export const handle = sequence(compress, securityHeaders, editor, i18n);

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

/** Who is asking: a signed-in editor (session cookie from /login) or a reader. */
const editor: Handle = ({ event, resolve }) => {
	event.locals.editor = signedIn(event);
	return resolve(event);
};

export const handle = sequence(securityHeaders, editor, i18n);

import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

/** /es/regions/31080 is served by the route for /regions/31080; the prefix only picks the language. */
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;

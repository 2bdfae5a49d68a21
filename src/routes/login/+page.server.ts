import { fail, redirect } from '@sveltejs/kit';
import {
	checkToken,
	cleanName,
	editorToken,
	safeNext,
	sessionStore,
	SESSION_COOKIE
} from '$lib/server/auth';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

/** Where to go after signing in: the data page unless `next` names a page of this site. */
function nextPage(raw: string | null, origin: string): string {
	return raw ? safeNext(raw, origin, localizeHref('/')) : localizeHref('/data');
}

export const load: PageServerLoad = ({ url }) => ({
	next: nextPage(url.searchParams.get('next'), url.origin)
});

export const actions: Actions = {
	signin: async ({ request, cookies, getClientAddress, url }) => {
		const form = await request.formData();
		const token = String(form.get('token') ?? '');
		const name = cleanName(String(form.get('name') ?? ''));
		const next = nextPage(String(form.get('next') ?? '') || null, url.origin);
		const result = checkToken(token, getClientAddress());
		if (result === 'off') return fail(403, { reason: 'off' as const, name });
		if (typeof result === 'number') {
			return fail(429, { reason: 'wait' as const, minutes: Math.ceil(result / 60), name });
		}
		if (result === 'wrong') return fail(403, { reason: 'wrong' as const, name });
		const store = sessionStore();
		if (!store) return fail(503, { reason: 'readonly' as const, name });
		const session = store.create(editorToken()!, name);
		cookies.set(SESSION_COOKIE, session.value, {
			path: '/',
			httpOnly: true,
			sameSite: 'strict',
			secure: url.protocol === 'https:',
			expires: session.expires
		});
		redirect(303, next);
	},
	signout: ({ cookies, url }) => {
		// The session ends on the server: a copy of the cookie kept elsewhere no longer works.
		sessionStore()?.end(cookies.get(SESSION_COOKIE));
		cookies.delete(SESSION_COOKIE, { path: '/', secure: url.protocol === 'https:' });
		redirect(303, localizeHref('/data'));
	}
};

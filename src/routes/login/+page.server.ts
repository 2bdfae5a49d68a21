import { fail, redirect } from '@sveltejs/kit';
import {
	checkSignIn,
	cleanName,
	editorToken,
	newSession,
	safeNext,
	SESSION_COOKIE
} from '$lib/server/auth';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	next: safeNext(url.searchParams.get('next'), url.origin, localizeHref('/data'))
});

export const actions: Actions = {
	signin: async ({ request, cookies, getClientAddress, url }) => {
		const form = await request.formData();
		const token = String(form.get('token') ?? '');
		const name = cleanName(String(form.get('name') ?? ''));
		const next = safeNext(
			String(form.get('next') ?? '') || null,
			url.origin,
			localizeHref('/data')
		);
		const result = checkSignIn(token, getClientAddress());
		if (result === 'off') return fail(403, { reason: 'off' as const, name });
		if (typeof result === 'number') {
			return fail(429, { reason: 'wait' as const, minutes: Math.ceil(result / 60), name });
		}
		if (result === 'wrong') return fail(403, { reason: 'wrong' as const, name });
		const session = newSession(editorToken()!, name);
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
		cookies.delete(SESSION_COOKIE, { path: '/', secure: url.protocol === 'https:' });
		redirect(303, localizeHref('/data'));
	}
};

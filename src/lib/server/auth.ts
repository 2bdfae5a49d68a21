/**
 * Write access. Reading is public; writing needs an editor. Until the editor login arrives, an API
 * client proves it is an editor with `Authorization: Bearer <EDITOR_TOKEN>`; without EDITOR_TOKEN
 * in the environment every write is refused.
 */
import { timingSafeEqual } from 'node:crypto';
import { apiError } from './api';

export function editorToken(env: Record<string, string | undefined> = process.env): string | null {
	const token = env.EDITOR_TOKEN?.trim();
	return token ? token : null;
}

function same(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/** null when the request may write; otherwise the 401/403 response to send. */
export function requireEditor(
	request: Request,
	token: string | null = editorToken()
): Response | null {
	if (!token) {
		return apiError(
			403,
			'Writing is turned off on this server. Set EDITOR_TOKEN in its environment to enable editors.'
		);
	}
	const header = request.headers.get('authorization') ?? '';
	const m = /^Bearer\s+(.+)$/i.exec(header);
	if (!m) return apiError(401, 'This needs an editor: send Authorization: Bearer <token>.');
	if (!same(m[1]!.trim(), token)) return apiError(403, 'That editor token is not valid.');
	return null;
}

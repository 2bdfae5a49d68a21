import { describe, expect, it } from 'vitest';
import { requireEditor } from '../../../src/lib/server/auth';

const req = (auth?: string) =>
	new Request('http://x/', { method: 'PUT', headers: auth ? { authorization: auth } : {} });

describe('requireEditor', () => {
	it('refuses every write when no editor token is configured', async () => {
		const res = requireEditor(req('Bearer anything'), null)!;
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
		expect(requireEditor(req(auth), 'secret-token')!.status).toBe(status);
	});
	it('lets the right token through', () => {
		expect(requireEditor(req('Bearer secret-token'), 'secret-token')).toBeNull();
		expect(requireEditor(req('bearer   secret-token '), 'secret-token')).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { embedOrigins, framingHeaders, withFrameAncestors } from '../../../src/lib/server/framing';

describe('EMBED_ORIGINS', () => {
	it('is any site when unset or blank', () => {
		expect(embedOrigins({})).toEqual(['*']);
		expect(embedOrigins({ EMBED_ORIGINS: '  ' })).toEqual(['*']);
	});

	it('reads space-separated origins, wildcard subdomains and ports included', () => {
		expect(
			embedOrigins({ EMBED_ORIGINS: 'https://board.example.org  http://*.example.com:8080' })
		).toEqual(['https://board.example.org', 'http://*.example.com:8080']);
	});

	it('names an entry that is not an origin', () => {
		expect(() =>
			embedOrigins({ EMBED_ORIGINS: 'https://a.example https://b.example/page' })
		).toThrow(/"https:\/\/b\.example\/page" is not an origin/);
		expect(() => embedOrigins({ EMBED_ORIGINS: 'board.example.org; script-src *' })).toThrow(
			/EMBED_ORIGINS/
		);
	});
});

describe('framing headers', () => {
	it('let the listed sites frame /embed/ pages in either language', () => {
		for (const path of ['/embed/regions/31080/cards', '/es/embed/pathways/route']) {
			expect(framingHeaders(path, ['https://a.example'])).toEqual({
				'frame-ancestors': 'https://a.example'
			});
		}
	});

	it('refuse framing everywhere else, /embedded and /regions/…/embed look-alikes included', () => {
		for (const path of ['/', '/regions/31080', '/embedded', '/api/areas', '/login']) {
			expect(framingHeaders(path, ['*'])).toEqual({
				'frame-ancestors': "'none'",
				'x-frame-options': 'DENY'
			});
		}
	});

	it('add frame-ancestors to the policy SvelteKit set, replacing any earlier one', () => {
		expect(withFrameAncestors(null, "'none'")).toBe("frame-ancestors 'none'");
		expect(withFrameAncestors("default-src 'self'; frame-ancestors *;", "'none'")).toBe(
			"default-src 'self'; frame-ancestors 'none'"
		);
	});
});

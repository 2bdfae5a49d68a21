/**
 * Framing as the served app answers it: /embed/ pages may be framed by the EMBED_ORIGINS sites
 * (any site when it is unset), every other page by none; a wrong setting stops the start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_BUILD, startServer, type Served } from '../helpers/process';

const EMBED = '/embed/regions/31080/cards';
const PAGES = ['/regions/31080', '/es/regions/31080', '/data', '/api/areas'];

let dir: string;
let db: string;
let server: Served | undefined;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'rlm-embed-'));
	db = join(dir, 'app.db');
	// `npm start` builds if need be and loads the sample; the other servers reuse its database.
	server = await startServer({ DATABASE_URL: db }, 600_000);
	await server.stop();
	server = undefined;
}, 600_000);

afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

async function headersOf(base: string, path: string) {
	const res = await fetch(base + path, { headers: { accept: 'text/html' } });
	await res.arrayBuffer();
	return {
		status: res.status,
		csp: res.headers.get('content-security-policy') ?? '',
		xfo: res.headers.get('x-frame-options')
	};
}

const ancestors = (csp: string) => /(?:^|;\s*)frame-ancestors ([^;]*)/.exec(csp)?.[1] ?? null;

describe('framing headers', () => {
	it('without EMBED_ORIGINS: embeds framable by any site, other pages by none', async () => {
		server = await startServer({ DATABASE_URL: db }, 120_000, [], NODE_BUILD);
		for (const path of [EMBED, `/es${EMBED}`, '/embed/regions/31080/digital']) {
			const h = await headersOf(server.url, path);
			expect(h.status, path).toBe(200);
			expect(ancestors(h.csp), path).toBe('*');
			expect(h.xfo, path).toBeNull();
			// SvelteKit's own policy is kept alongside.
			expect(h.csp, path).toContain("script-src 'self'");
		}
		for (const path of PAGES) {
			const h = await headersOf(server.url, path);
			expect(h.status, path).toBe(200);
			expect(ancestors(h.csp), path).toBe("'none'");
			expect(h.xfo, path).toBe('DENY');
		}
		// The answer cache serves a second request: the headers hold on it too.
		expect(ancestors((await headersOf(server.url, EMBED)).csp)).toBe('*');
		expect(ancestors((await headersOf(server.url, '/regions/31080')).csp)).toBe("'none'");
		await server.stop();
		server = undefined;
	}, 180_000);

	it('with EMBED_ORIGINS: embeds framable by those sites only, other pages still by none', async () => {
		server = await startServer(
			{ DATABASE_URL: db, EMBED_ORIGINS: 'https://board.example.org https://*.funder.example' },
			120_000,
			[],
			NODE_BUILD
		);
		const h = await headersOf(server.url, EMBED);
		expect(h.status).toBe(200);
		expect(ancestors(h.csp)).toBe('https://board.example.org https://*.funder.example');
		for (const path of PAGES) {
			const p = await headersOf(server.url, path);
			expect(ancestors(p.csp), path).toBe("'none'");
			expect(p.xfo, path).toBe('DENY');
		}
		await server.stop();
		server = undefined;
	}, 180_000);

	it('a wrong EMBED_ORIGINS stops the start and names the entry', async () => {
		await expect(
			startServer(
				{ DATABASE_URL: db, EMBED_ORIGINS: 'https://board.example.org/embeds' },
				120_000,
				[],
				NODE_BUILD
			)
		).rejects.toThrow(/EMBED_ORIGINS: "https:\/\/board\.example\.org\/embeds" is not an origin/);
	}, 180_000);
});

/**
 * The gaps API a page at a time (issue 17): the default JSON answer is the first
 * DEFAULT_PAGE_ROWS rows of the whole area in the same order, `Link: rel="next"` walks through
 * every row exactly once, `limit=all` is the whole area, the CSV download stays whole unless
 * limited, and bad values answer 400 naming the parameter.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PAGE_ROWS } from '../../src/lib/server/openapi';
import { seededDb, type TempDb } from '../helpers/db';
import { callHandler, type Module } from '../helpers/routes';

let t: TempDb;
vi.mock('$lib/server/db', () => ({ getDb: () => t.db }));
const LA = { area: '31080' };
let gaps: Module;
const get = (path: string) => callHandler(gaps, new URL(path, 'http://localhost'), LA);
const socs = async (res: Response) => ((await res.json()) as { soc: string }[]).map((r) => r.soc);
/** The `rel` → target map of a Link header. */
function links(res: Response): Record<string, string> {
	const out: Record<string, string> = {};
	for (const m of (res.headers.get('link') ?? '').matchAll(/<([^>]+)>;\s*rel="(\w+)"/g)) {
		out[m[2]!] = m[1]!;
	}
	return out;
}

beforeAll(async () => {
	t = await seededDb([
		'data/reference/digital-jobs-categories.csv',
		'data/sample/national_M2021_dl.xlsx',
		'data/sample/oews_MSA_M2021_los_angeles.csv'
	]);
	gaps = (await import('../../src/routes/api/areas/[area=area]/gaps/+server')) as Module;
}, 180_000);
afterAll(() => t?.close());

describe('GET /api/areas/{area}/gaps, paged', () => {
	it('answers the first page by default and links through every row of limit=all', async () => {
		const wholeRes = await get('/api/areas/31080/gaps?limit=all');
		expect(wholeRes.status).toBe(200);
		expect(links(wholeRes)).toEqual({});
		const whole = await socs(wholeRes);
		expect(whole.length).toBeGreaterThan(DEFAULT_PAGE_ROWS * 2);
		expect(wholeRes.headers.get('x-total-count')).toBe(String(whole.length));

		const first = await get('/api/areas/31080/gaps');
		expect(first.headers.get('x-total-count')).toBe(String(whole.length));
		expect(await socs(first)).toEqual(whole.slice(0, DEFAULT_PAGE_ROWS));
		expect(links(first)).toEqual({
			next: `/api/areas/31080/gaps?limit=${DEFAULT_PAGE_ROWS}&offset=${DEFAULT_PAGE_ROWS}`
		});

		// Following `next` with another page size gives every row once, in order.
		const walked: string[] = [];
		let next: string | undefined = '/api/areas/31080/gaps?limit=300';
		let pages = 0;
		while (next) {
			const res = await get(next);
			expect(res.status).toBe(200);
			walked.push(...(await socs(res)));
			next = links(res).next;
			pages++;
		}
		expect(pages).toBe(Math.ceil(whole.length / 300));
		expect(walked).toEqual(whole);

		const second = await get('/api/areas/31080/gaps?offset=300&limit=300');
		expect(links(second).prev).toBe('/api/areas/31080/gaps?limit=300');
		const past = await get(`/api/areas/31080/gaps?offset=${whole.length + 10}`);
		expect(await socs(past)).toEqual([]);
		expect(links(past).next).toBeUndefined();
	});

	it('keeps the other parameters in the links and pages after filtering', async () => {
		const all = await socs(await get('/api/areas/31080/gaps?category=support&limit=ALL'));
		expect(all.length).toBeGreaterThan(1);
		const res = await get('/api/areas/31080/gaps?category=support&allocation=even&limit=1');
		expect(res.headers.get('x-total-count')).toBe(String(all.length));
		const next = new URL(links(res).next!, 'http://localhost');
		expect(Object.fromEntries(next.searchParams)).toEqual({
			category: 'support',
			allocation: 'even',
			limit: '1',
			offset: '1'
		});
	});

	it('sends the whole area as CSV unless a limit is asked for', async () => {
		const lines = async (path: string) => (await (await get(path)).text()).trimEnd().split('\n');
		const total = Number((await get('/api/areas/31080/gaps?limit=1')).headers.get('x-total-count'));
		expect(await lines('/api/areas/31080/gaps?format=csv')).toHaveLength(total + 1);
		expect(await lines('/api/areas/31080/gaps?format=csv&limit=10&offset=5')).toHaveLength(11);
	});

	it('refuses a limit or offset that is not a count', async () => {
		for (const [query, name] of [
			['limit=0', 'limit'],
			['limit=some', 'limit'],
			['offset=-1', 'offset']
		]) {
			const res = await get(`/api/areas/31080/gaps?${query}`);
			expect(res.status).toBe(400);
			expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
				new RegExp(`^${name} must be a whole number`)
			);
		}
	});
});

/**
 * The golden check: on the bundled sample, every report the API, the CSV downloads and the page
 * loads give is compared with the answer committed in tests/fixtures/golden/ (one gzipped file per
 * request). A refactoring must leave them all byte-identical; a change of output that is meant
 * regenerates them with `GOLDEN_UPDATE=1 npx vitest run --project integration tests/integration/golden.test.ts`
 * and the diff of `zcat` output is reviewed with the commit.
 *
 * Handlers and loads are called directly (no server, no build), on a database seeded with the
 * bundled sample (`npm run seed`'s files, without its area aliases); bundling another file moves
 * these answers, and its commit regenerates them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SAMPLE_FILES } from '../../scripts/sample-data';
import { seededDb, type TempDb } from '../helpers/db';
import { callHandler, callLoad, type Module } from '../helpers/routes';

const GOLDEN = join(process.cwd(), 'tests/fixtures/golden');
const UPDATE = process.env.GOLDEN_UPDATE === '1';

type Case =
	| { name: string; kind: 'handler'; route: () => Promise<Module>; path: string; params?: object }
	| { name: string; kind: 'load'; route: () => Promise<Module>; path: string; params?: object };

const LA = { area: '31080' };
const api = (name: string, route: () => Promise<Module>, path: string, params?: object): Case => ({
	name,
	kind: 'handler',
	route,
	path,
	params
});
const page = (name: string, route: () => Promise<Module>, path: string, params?: object): Case => ({
	name,
	kind: 'load',
	route,
	path,
	params
});

const areas = () => import('../../src/routes/api/areas/+server');
const gaps = () => import('../../src/routes/api/areas/[area=area]/gaps/+server');
const digital = () => import('../../src/routes/api/areas/[area=area]/digital/+server');
const occupations = () => import('../../src/routes/api/areas/[area=area]/occupations/+server');
const compare = () => import('../../src/routes/api/compare/+server');
const pathways = () => import('../../src/routes/api/pathways/+server');
const node = () => import('../../src/routes/api/pathways/node/+server');
const tableCsv = () => import('../../src/routes/regions/[area=area]/table.csv/+server');
const regionPage = () => import('../../src/routes/regions/[area=area]/+page.server');
const occupationPage = () =>
	import('../../src/routes/regions/[area=area]/occupations/[soc=soc]/+page.server');
const pathwaysPage = () => import('../../src/routes/pathways/+page.server');
const comparePage = () => import('../../src/routes/compare/+page.server');

const CASES: Case[] = [
	api('api-areas.json', areas, '/api/areas'),
	api('api-areas.csv', areas, '/api/areas?format=csv'),
	api('api-gaps-31080.json', gaps, '/api/areas/31080/gaps?limit=all', LA),
	api('api-gaps-31080.csv', gaps, '/api/areas/31080/gaps?format=csv', LA),
	api(
		'api-gaps-31080-options.json',
		gaps,
		'/api/areas/31080/gaps?allocation=even&weights=demand=2,unmet=1,wage=1,representation=0&category=programming%20and%20development&limit=all',
		LA
	),
	api('api-gaps-99-2024.json', gaps, '/api/areas/99/gaps?year=2024&limit=all', { area: '99' }),
	api('api-digital-31080.json', digital, '/api/areas/31080/digital', LA),
	api('api-digital-99-2022.json', digital, '/api/areas/99/digital?year=2022', { area: '99' }),
	api('api-occupations-31080.csv', occupations, '/api/areas/31080/occupations?format=csv', LA),
	api('api-compare-31080-99.json', compare, '/api/compare?areas=31080,99'),
	api('api-pathways-digital.json', pathways, '/api/pathways?area=31080'),
	api('api-pathways-focus.json', pathways, '/api/pathways?area=31080&focus=15-1232&size=openings'),
	api(
		'api-pathways-route.json',
		pathways,
		'/api/pathways?area=31080&from=15-1232&to=15-1212&objective=pay-per-step&steps=3'
	),
	api(
		'api-pathways-category.json',
		pathways,
		'/api/pathways?area=99&category=Data%20Management%20and%20Analysis'
	),
	api('api-pathways-nodes.csv', pathways, '/api/pathways?area=31080&format=csv'),
	api(
		'api-pathways-edges.csv',
		pathways,
		'/api/pathways?area=31080&format=csv&table=edges&focus=15-1232'
	),
	api('api-pathways-node.json', node, '/api/pathways/node?area=31080&soc=15-1232'),
	api('region-table-default.csv', tableCsv, '/regions/31080/table.csv', LA),
	api(
		'region-table-all-columns.csv',
		tableCsv,
		'/regions/31080/table.csv?cols=category,employment,lq,openings,supply,gap,median,range,wageRatio,living,education,representation,score&sort=lq&dir=asc&min=100',
		LA
	),
	api(
		'region-table-filtered.csv',
		tableCsv,
		'/regions/31080/table.csv?q=analyst&category=digital&flag=under&sort=median',
		LA
	),
	page('page-region-31080.json', regionPage, '/regions/31080?flag=undersupplied&group=15', LA),
	page('page-occupation-31080-15-1252.json', occupationPage, '/regions/31080/occupations/15-1252', {
		...LA,
		soc: '15-1252'
	}),
	page('page-occupation-31080-11-1011.json', occupationPage, '/regions/31080/occupations/11-1011', {
		...LA,
		soc: '11-1011'
	}),
	page(
		'page-pathways-node-route.json',
		pathwaysPage,
		'/pathways?area=31080&from=15-1232&to=15-1212&node=15-1212&color=gap'
	),
	page('page-compare-2022.json', comparePage, '/compare?areas=99,31080&year=2022&scope=all')
];

let t: TempDb;
// The routes' one connection is this test's database.
vi.mock('$lib/server/db', () => ({ getDb: () => t.db }));
beforeAll(async () => {
	t = await seededDb(SAMPLE_FILES);
}, 300_000);
afterAll(() => t?.close());

/** JSON is stored indented (reviewable diffs); equal indented text means equal compact text. */
async function answer(c: Case): Promise<string> {
	const mod = await c.route();
	const url = new URL(c.path, 'http://localhost');
	if (c.kind === 'load') return JSON.stringify(await callLoad(mod, url, c.params), null, 1) + '\n';
	const res = await callHandler(mod, url, c.params);
	expect(res.status, `${c.name}: ${await res.clone().text()}`).toBe(200);
	const body = await res.text();
	return c.name.endsWith('.json') ? JSON.stringify(JSON.parse(body), null, 1) + '\n' : body;
}

describe('golden answers on the bundled sample', () => {
	it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const got = await answer(c);
		const file = join(GOLDEN, `${c.name}.gz`);
		if (UPDATE) {
			mkdirSync(GOLDEN, { recursive: true });
			const before = existsSync(file) ? gunzipSync(readFileSync(file)).toString('utf8') : null;
			if (before !== got) writeFileSync(file, gzipSync(got, { level: 9 }));
			expect(existsSync(file)).toBe(true);
			return;
		}
		expect(existsSync(file), `${c.name}: no golden file; GOLDEN_UPDATE=1 writes it`).toBe(true);
		const want = gunzipSync(readFileSync(file)).toString('utf8');
		if (got !== want) {
			const a = got.split('\n');
			const b = want.split('\n');
			const i = a.findIndex((line, k) => line !== b[k]);
			expect.fail(
				`${c.name} differs from its golden file at line ${i + 1}:\n  now:    ${a[i]}\n  golden: ${b[i]}\n` +
					`(GOLDEN_UPDATE=1 regenerates it when the change is meant)`
			);
		}
		expect(got).toBe(want);
	});
});

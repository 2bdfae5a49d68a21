/**
 * The OpenAPI document against the code: every route file under src/routes/api and each method it
 * exports is documented; every field of a real answer is in its schema (objects are checked
 * closed, so an undocumented field fails); every example validates; and the query check built on
 * the document answers 400 naming the parameter. Real answers are the golden answers on the
 * bundled sample (tests/fixtures/golden, kept equal to the handlers' answers by golden.test.ts)
 * plus the handlers called here on a database seeded with two sample files.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openApiDocument, type JsonSchema, type Method } from '../../src/lib/server/openapi';
import { seededDb, type TempDb } from '../helpers/db';
import { callHandler, type Module } from '../helpers/routes';

const API = join(process.cwd(), 'src/routes/api');
const GOLDEN = join(process.cwd(), 'tests/fixtures/golden');
const paths = openApiDocument.paths as Record<string, Partial<Record<Method, OperationLike>>>;
interface OperationLike {
	responses: Record<
		string,
		{ content?: Record<string, { schema: JsonSchema; example?: unknown }> }
	>;
	requestBody?: { content: Record<string, { schema: JsonSchema; example?: unknown }> };
	parameters?: { name: string; schema: JsonSchema; example?: unknown }[];
}

function routeFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return routeFiles(full);
		return name === '+server.ts' ? [full] : [];
	});
}
/** `src/routes/api/areas/[area=area]/gaps/+server.ts` → `/api/areas/{area}/gaps`. */
const documentPath = (file: string) =>
	'/api/' +
	relative(API, join(file, '..'))
		.split('/')
		.filter(Boolean)
		.map((part) => part.replace(/^\[(\w+)(=\w+)?\]$/, '{$1}'))
		.join('/');
const documentPathOf = (file: string) => documentPath(file).replace(/\/$/, '');

/** A copy where every object with listed properties admits no others: a field the answer has and
 * the schema lacks then fails validation by name. */
function closed(s: unknown): unknown {
	if (Array.isArray(s)) return s.map(closed);
	if (!s || typeof s !== 'object') return s;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(s)) {
		if (k === '$ref' && typeof v === 'string') out[k] = v.replace(/^#/, 'openapi.json#');
		else out[k] = k === 'example' ? v : closed(v);
	}
	if ('properties' in out && !('additionalProperties' in out)) out.additionalProperties = false;
	return out;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'openapi.json', components: closed(openApiDocument.components) });
function validate(schema: JsonSchema, value: unknown): string[] {
	const check = ajv.compile(closed(schema) as object);
	if (check(value)) return [];
	return (check.errors ?? []).map(
		(e) =>
			`${e.instancePath || '/'} ${e.message}${
				'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''
			}`
	);
}
const jsonSchemaOf = (path: string, method: Method = 'get', status = '200') => {
	const s = paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
	if (!s) throw new Error(`no JSON schema for ${method} ${path} ${status}`);
	return s;
};

describe('every route is documented', () => {
	const files = routeFiles(API);
	it.each(files.map((f) => [documentPathOf(f), f] as const))('%s', (path, file) => {
		expect(paths[path], `${path} is missing from src/lib/server/openapi.ts`).toBeDefined();
		const methods = [
			...readFileSync(file, 'utf8').matchAll(/export const (GET|PUT|POST|DELETE)\b/g)
		];
		expect(methods.length).toBeGreaterThan(0);
		for (const [, m = ''] of methods) {
			expect(
				paths[path]?.[m.toLowerCase() as Method],
				`${m} ${path} is not documented`
			).toBeDefined();
		}
	});
	it('documents no route that does not exist', () => {
		const real = new Set(files.map(documentPathOf));
		expect(Object.keys(paths).filter((p) => !real.has(p))).toEqual([]);
	});
});

describe('every example validates against its schema', () => {
	const cases = Object.entries(paths).flatMap(([path, item]) =>
		Object.entries(item).flatMap(([method, op]) => [
			...Object.entries(op!.responses).flatMap(([status, r]) =>
				Object.entries(r.content ?? {})
					.filter(([, media]) => media.example !== undefined)
					.map(([, media]) => [`${method} ${path} ${status}`, media.schema, media.example] as const)
			),
			...Object.values(op!.requestBody?.content ?? {})
				.filter((media) => media.example !== undefined)
				.map((media) => [`${method} ${path} body`, media.schema, media.example] as const),
			...(op!.parameters ?? [])
				.filter((p) => p.example !== undefined)
				.map(
					(p) =>
						[
							`${method} ${path} ?${p.name}`,
							p.schema,
							p.schema.type === 'integer' ? Number(p.example) : p.example
						] as const
				)
		])
	);
	it('has examples to check', () => expect(cases.length).toBeGreaterThan(20));
	it.each(cases)('%s', (_name, schema, example) => {
		expect(validate(schema, example)).toEqual([]);
	});
	it('a wrong example fails (the check can fail)', () => {
		expect(validate(jsonSchemaOf('/api/areas'), [{ code: '99', title: 'U.S.' }])).not.toEqual([]);
		expect(validate(jsonSchemaOf('/api/health'), { ok: true, extra: 1 })).toEqual([
			'/ must NOT have additional properties: extra'
		]);
	});
});

const golden = (name: string) =>
	JSON.parse(gunzipSync(readFileSync(join(GOLDEN, `${name}.gz`))).toString('utf8')) as unknown;

describe('real answers on the bundled sample match the schema', () => {
	it.each([
		['api-areas.json', '/api/areas'],
		['api-gaps-31080.json', '/api/areas/{area}/gaps'],
		['api-gaps-99-2024.json', '/api/areas/{area}/gaps'],
		['api-gaps-31080-options.json', '/api/areas/{area}/gaps'],
		['api-digital-31080.json', '/api/areas/{area}/digital'],
		['api-digital-99-2022.json', '/api/areas/{area}/digital'],
		['api-compare-31080-99.json', '/api/compare'],
		['api-pathways-digital.json', '/api/pathways'],
		['api-pathways-focus.json', '/api/pathways'],
		['api-pathways-route.json', '/api/pathways'],
		['api-pathways-category.json', '/api/pathways'],
		['api-pathways-node.json', '/api/pathways/node']
	])('%s', (name, path) => {
		expect(validate(jsonSchemaOf(path), golden(name))).toEqual([]);
	});
});

let t: TempDb;
vi.mock('$lib/server/db', () => ({ getDb: () => t.db }));
const LA = { area: '31080' };
const route = (p: string) => import(/* @vite-ignore */ `../../src/routes/api/${p}/+server.ts`);
async function get(mod: Module, path: string, params?: object) {
	return callHandler(mod, new URL(path, 'http://localhost'), params);
}

describe('handlers on a seeded database', () => {
	beforeAll(async () => {
		t = await seededDb([
			'data/reference/digital-jobs-categories.csv',
			'data/sample/national_M2021_dl.xlsx',
			'data/sample/oews_MSA_M2021_los_angeles.csv'
		]);
	}, 180_000);
	afterAll(() => t?.close());

	it.each([
		[
			'/api/areas/31080/occupations',
			'areas/[area=area]/occupations',
			'/api/areas/{area}/occupations',
			LA
		],
		[
			'/api/areas/31080/living-wage',
			'areas/[area=area]/living-wage',
			'/api/areas/{area}/living-wage',
			LA
		],
		['/api/imports', 'imports', '/api/imports', undefined],
		['/api/health', 'health', '/api/health', undefined],
		['/api/openapi.json', 'openapi.json', '/api/openapi.json', undefined]
	])('%s', async (url, file, path, params) => {
		const res = await get(await route(file), url, params);
		expect(res.status).toBe(200);
		const body: unknown = await res.json();
		expect(validate(jsonSchemaOf(path), body)).toEqual([]);
	});

	it('/api/jobs answers editors in the documented shape, and refuses anyone else', async () => {
		vi.stubEnv('EDITOR_TOKEN', 'openapi-test-token');
		try {
			const mod = await route('jobs');
			const url = new URL('/api/jobs', 'http://localhost');
			const anonymous = await callHandler(mod, url);
			expect(anonymous.status).toBe(401);
			const res = await callHandler(mod, url, undefined, {
				headers: { authorization: 'Bearer openapi-test-token' }
			});
			expect(res.status).toBe(200);
			expect(validate(jsonSchemaOf('/api/jobs'), await res.json())).toEqual([]);
		} finally {
			vi.unstubAllEnvs();
		}
	});

	it('the imports list is not empty (the check above saw real rows)', async () => {
		const body = (await (await get(await route('imports'), '/api/imports')).json()) as unknown[];
		expect(body.length).toBe(3);
	});

	it('a bogus category answers 400 naming the parameter and the allowed values', async () => {
		const res = await get(
			await route('areas/[area=area]/gaps'),
			'/api/areas/31080/gaps?category=bogus',
			LA
		);
		expect(res.status).toBe(400);
		const { error } = (await res.json()) as { error: { message: string } };
		expect(error.message).toContain('category must be one of: Data Management and Analysis');
		expect(error.message).toContain('"bogus"');
	});

	it('an unknown parameter answers 400 listing the allowed ones', async () => {
		const res = await get(await route('areas'), '/api/areas?formt=csv');
		expect(res.status).toBe(400);
		const { error } = (await res.json()) as { error: { message: string } };
		expect(error.message).toBe('Unknown parameter "formt" for GET /api/areas; allowed: format.');
	});

	it.each([
		['/api/areas?format=xml', 'format must be one of: json, csv'],
		['/api/pathways?area=31080&steps=9', 'steps must be a whole number from 1 to 4'],
		['/api/pathways?area=31080&objective=fastest', 'objective must be one of: most-feasible'],
		['/api/pathways?category=Support', 'area is required'],
		['/api/compare?areas=31080', 'areas must look like 31080,99'],
		['/api/health?x=1', 'it takes no query parameters']
	])('%s answers 400: %s', async (url, message) => {
		const file = new URL(url, 'http://x').pathname.replace('/api/', '');
		const res = await get(await route(file), url);
		expect(res.status).toBe(400);
		expect(((await res.json()) as { error: { message: string } }).error.message).toContain(message);
	});

	it('accepts allowed values in any case for categories, and empty values as absent', async () => {
		const gaps = await route('areas/[area=area]/gaps');
		const ok = await get(gaps, '/api/areas/31080/gaps?category=support&allocation=&year=2021', LA);
		expect(ok.status).toBe(200);
		const rows = (await ok.json()) as { category: string }[];
		expect(rows.length).toBeGreaterThan(0);
		expect(new Set(rows.map((r) => r.category))).toEqual(new Set(['Support']));
	});
});

/** Shared pieces of the JSON API: errors as JSON, query parameter parsing. */
import { json } from '@sveltejs/kit';
import { ReportError } from './reports/region';
import { DEFAULT_PAGE_ROWS, operationFor, type Method, type Parameter } from './openapi';

export function apiError(status: number, message: string): Response {
	return json({ error: { status, message } }, { status });
}

export const INTERNAL_ERROR =
	'The server failed to answer (an internal error, logged on the server).';

/**
 * An API error response in the documented `{"error": {"status", "message"}}` shape. A route's
 * own JSON answer (an error, or a report sent with 422) is left as it is; SvelteKit's own error
 * answers — `{"message": …}` or its HTML page, for an exception in a handler, an unknown path,
 * a method the route lacks — are rewritten, keeping Retry-After and Allow.
 */
export async function inApiShape(res: Response): Promise<Response> {
	let message: string | null = null;
	if ((res.headers.get('content-type') ?? '').includes('application/json')) {
		try {
			const body = (await res.clone().json()) as Record<string, unknown> | null;
			const keys = body && typeof body === 'object' ? Object.keys(body) : [];
			if (keys.length !== 1 || keys[0] !== 'message') return res;
			message = String(body!.message);
		} catch {
			// not JSON after all
		}
	}
	const fixed = apiError(res.status, message ?? defaultMessage(res.status));
	for (const name of ['retry-after', 'allow']) {
		const value = res.headers.get(name);
		if (value) fixed.headers.set(name, value);
	}
	return fixed;
}

function defaultMessage(status: number): string {
	if (status === 404) return 'No such API endpoint: see docs/API.md.';
	if (status === 405) return 'This endpoint does not take that method: see docs/API.md.';
	if (status === 413) return 'The request body is too large.';
	if (status >= 500) return INTERNAL_ERROR;
	return 'The request was refused.';
}

/** Reads `?year=`; undefined when absent, a Response (400) when malformed. */
export function yearParam(url: URL): number | undefined | Response {
	const raw = url.searchParams.get('year');
	if (raw === null || raw === '') return undefined;
	if (!/^\d{4}$/.test(raw))
		return apiError(400, `year must be a four-digit year, not ${JSON.stringify(raw)}`);
	return Number(raw);
}

export function wantsCsv(url: URL): boolean {
	return url.searchParams.get('format') === 'csv';
}

/**
 * One page of `rows` by `?limit=` (a whole number or `all`) and `?offset=` (rows skipped), with the
 * headers that tell a client the rest: `X-Total-Count`, and `Link` with `next` / `prev` (RFC 8288,
 * relative to the request, the other parameters kept). `defaultAll` is for downloads (CSV), which
 * hold every row unless a limit is asked for. Values are already checked by `checkQuery`.
 */
export function paged<T>(
	rows: readonly T[],
	url: URL,
	defaultAll = false
): { rows: readonly T[]; headers: Record<string, string> } {
	const asked = url.searchParams.get('limit') || (defaultAll ? 'all' : String(DEFAULT_PAGE_ROWS));
	const offset = Number(url.searchParams.get('offset') || 0);
	const limit = asked.toLowerCase() === 'all' ? Infinity : Number(asked);
	const end = Math.min(rows.length, offset + limit);
	const headers: Record<string, string> = { 'x-total-count': String(rows.length) };
	const at = (start: number) => {
		const q = new URLSearchParams(url.searchParams);
		q.set('limit', asked);
		if (start > 0) q.set('offset', String(start));
		else q.delete('offset');
		return `<${url.pathname}?${q}>`;
	};
	const links: string[] = [];
	if (end < rows.length) links.push(`${at(end)}; rel="next"`);
	if (offset > 0 && Number.isFinite(limit)) {
		links.push(`${at(Math.max(0, Math.min(offset, rows.length) - limit))}; rel="prev"`);
	}
	if (links.length > 0) headers.link = links.join(', ');
	return { rows: offset === 0 && end === rows.length ? rows : rows.slice(offset, end), headers };
}

/** Runs a report, turning a ReportError into a JSON error response. */
export function withReport<T>(build: () => T, respond: (value: T) => Response): Response {
	try {
		return respond(build());
	} catch (e) {
		if (e instanceof ReportError) return apiError(e.status, e.message);
		throw e;
	}
}

/**
 * Checks a request's query against the route's parameters in the OpenAPI document: an unknown
 * name or a value outside the allowed ones answers 400 naming the parameter and what it accepts,
 * rather than an empty or silently defaulted answer. Empty values count as absent (forms send
 * them). Returns null when the query is fine.
 */
export function checkQuery(url: URL, path: string, method: Method = 'get'): Response | null {
	const params = (operationFor(path, method)?.parameters ?? []).filter((p) => p.in === 'query');
	const known = new Map(params.map((p) => [p.name, p]));
	for (const [name, value] of url.searchParams) {
		const p = known.get(name);
		if (!p) {
			const allowed = params.map((q) => q.name).join(', ');
			return apiError(
				400,
				`Unknown parameter ${JSON.stringify(name)} for ${method.toUpperCase()} ${path}; ` +
					(allowed ? `allowed: ${allowed}.` : 'it takes no query parameters.')
			);
		}
		if (value === '') continue;
		const problem = valueProblem(p, value);
		if (problem) return apiError(400, `${name} ${problem}, not ${JSON.stringify(value)}.`);
	}
	for (const p of params) {
		if (p.required && !url.searchParams.get(p.name)) {
			return apiError(400, `${p.name} is required: ${p.description}` + exampleOf(p));
		}
	}
	return null;
}

function exampleOf(p: Parameter): string {
	return p.example === undefined ? '' : ` e.g. ?${p.name}=${p.example}`;
}

function valueProblem(p: Parameter, value: string): string | null {
	const s = p.schema;
	if (s.oneOf) {
		// Fine when any alternative takes it; otherwise every alternative's wish, in one sentence.
		const problems = s.oneOf.map((alt) => valueProblem({ ...p, schema: alt }, value));
		if (problems.includes(null)) return null;
		return problems.map((m, i) => (i === 0 ? m : m!.replace(/^must be /, ''))).join(' or ');
	}
	if (s.enum) {
		const fold = (v: unknown) => (p['x-case-insensitive'] ? String(v).toLowerCase() : String(v));
		if (!s.enum.some((v) => fold(v) === fold(value))) return `must be one of: ${s.enum.join(', ')}`;
	}
	if (s.type === 'integer') {
		const n = Number(value);
		const range =
			s.minimum !== undefined && s.maximum !== undefined
				? ` from ${s.minimum} to ${s.maximum}`
				: '';
		if (!/^\d+$/.test(value) || (s.minimum ?? -Infinity) > n || n > (s.maximum ?? Infinity))
			return `must be a whole number${range}`;
	}
	if (s.pattern && !new RegExp(s.pattern).test(value))
		return `must look like ${p.example ?? s.pattern}`;
	return null;
}

/** The API reference page's content, generated from the OpenAPI document, grouped by its tags. */
import { openApiDocument, type Method, type Operation } from './openapi';

export interface ReferenceParameter {
	name: string;
	in: string;
	required: boolean;
	description: string;
	accepts: string;
}
export interface ReferenceEndpoint {
	id: string;
	method: string;
	path: string;
	summary: string;
	description: string | null;
	editorsOnly: boolean;
	parameters: ReferenceParameter[];
	responses: { status: string; description: string }[];
	exampleHref: string | null;
}

/** What a parameter accepts, in words a reader scans: the values, a range, or an example. */
function accepts(p: NonNullable<Operation['parameters']>[number]): string {
	const s = p.schema;
	if (s.enum) return s.enum.join(' | ');
	if (s.type === 'integer' && s.minimum !== undefined) return `${s.minimum}–${s.maximum}`;
	return p.example === undefined ? String(s.type ?? 'string') : `e.g. ${p.example}`;
}

/** A request a reader can open: the path with example values, GET only, required query filled. */
function exampleHref(path: string, op: Operation): string | null {
	let href = path;
	const query: string[] = [];
	for (const p of op.parameters ?? []) {
		if (p.in === 'path') {
			if (p.example === undefined) return null;
			href = href.replace(`{${p.name}}`, String(p.example));
		} else if (p.in === 'query' && p.required) {
			if (p.example === undefined) return null;
			query.push(`${p.name}=${encodeURIComponent(String(p.example))}`);
		}
	}
	return query.length ? `${href}?${query.join('&')}` : href;
}

/** Every operation of the OpenAPI document as the reference page lists it, in tag groups. */
export function apiReference() {
	const groups = openApiDocument.tags.map((t) => ({
		name: t.name,
		endpoints: [] as ReferenceEndpoint[]
	}));
	for (const [path, item] of Object.entries(openApiDocument.paths)) {
		for (const [method, op] of Object.entries(item) as [Method, Operation][]) {
			const group = groups.find((g) => g.name === op.tags[0]);
			group?.endpoints.push({
				id: `${method}-${path}`.replace(/[^\w]+/g, '-'),
				method: method.toUpperCase(),
				path,
				summary: op.summary,
				description: op.description ?? null,
				editorsOnly: op.security !== undefined,
				parameters: (op.parameters ?? []).map((p) => ({
					name: p.name,
					in: p.in,
					required: p.required === true,
					description: p.description,
					accepts: accepts(p)
				})),
				responses: Object.entries(op.responses).map(([status, r]) => ({
					status,
					description: r.description
				})),
				exampleHref: method === 'get' && !op.security ? exampleHref(path, op) : null
			});
		}
	}
	return {
		groups,
		errorExample: JSON.stringify({
			error: { status: 400, message: 'category must be one of: …, not "bogus".' }
		})
	};
}

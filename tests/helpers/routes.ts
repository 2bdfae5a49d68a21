/**
 * Calls a route's `GET` handler or `load` function directly, as SvelteKit would for a request to
 * `url`: the tests of page loads and of API answers need no server and no build.
 */
export type Module = Record<string, unknown>;

function event(url: URL, params: object = {}, init?: RequestInit) {
	return {
		url,
		params,
		request: new Request(url, init),
		cookies: { get: (): string | undefined => undefined },
		locals: {},
		depends: () => {},
		setHeaders: () => {},
		getClientAddress: () => '127.0.0.1'
	};
}

export async function callHandler(
	mod: Module,
	url: URL,
	params?: object,
	init?: RequestInit
): Promise<Response> {
	const get = mod.GET as (e: ReturnType<typeof event>) => Response | Promise<Response>;
	return get(event(url, params, init));
}

export async function callLoad(mod: Module, url: URL, params?: object): Promise<unknown> {
	const load = mod.load as (e: ReturnType<typeof event>) => unknown;
	return load(event(url, params));
}

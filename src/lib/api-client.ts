/**
 * The browser side of the app's own JSON API: one call that turns a failed request into the
 * message to show — the server's `{"error":{"message"}}`, or `offline` when it could not be
 * reached — so forms never show a bare status code or stay busy after a network error.
 */
export type ApiResult<T> =
	{ ok: true; status: number; value: T } | { ok: false; status: number; message: string };

export async function callApi<T>(
	url: string,
	init: RequestInit & { json?: unknown },
	offline: string
): Promise<ApiResult<T>> {
	const { json, ...rest } = init;
	const request: RequestInit =
		json === undefined
			? rest
			: {
					...rest,
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(json)
				};
	let res: Response;
	try {
		res = await fetch(url, request);
	} catch {
		return { ok: false, status: 0, message: offline };
	}
	if (!res.ok) return { ok: false, status: res.status, message: await errorText(res) };
	try {
		return { ok: true, status: res.status, value: (await res.json()) as T };
	} catch {
		return { ok: false, status: res.status, message: offline };
	}
}

/** The message of an API error answer, or its status line. */
export async function errorText(res: Response): Promise<string> {
	const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
	return body?.error?.message ?? `${res.status} ${res.statusText}`;
}

/** Shared pieces of the JSON API: errors as JSON, query parameter parsing. */
import { json } from '@sveltejs/kit';
import { ReportError } from './reports/region';

export function apiError(status: number, message: string): Response {
	return json({ error: { status, message } }, { status });
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

/** Runs a report, turning a ReportError into a JSON error response. */
export function withReport<T>(build: () => T, respond: (value: T) => Response): Response {
	try {
		return respond(build());
	} catch (e) {
		if (e instanceof ReportError) return apiError(e.status, e.message);
		throw e;
	}
}

import type { ParamMatcher } from '@sveltejs/kit';

/** SOC codes like 15-1252: anything else is a 404 before any query. */
export const match = ((param: string): boolean =>
	/^\d{2}-\d{4}$/.test(param)) satisfies ParamMatcher;

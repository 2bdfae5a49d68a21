import type { ParamMatcher } from '@sveltejs/kit';

/** OEWS area codes: `99` (nation), 2-digit state FIPS, 5-digit CBSA/NECTA, 7-digit nonmetro. */
export const match = ((param: string): boolean => /^\d{2,7}$/.test(param)) satisfies ParamMatcher;

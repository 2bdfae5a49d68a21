import type { ParamMatcher } from '@sveltejs/kit';
import { isAreaCode } from '$lib/domain/codes';

/** OEWS area codes: `99` (nation), 2-digit state FIPS, 5-digit CBSA/NECTA, 7-digit nonmetro. */
export const match = ((param: string): boolean => isAreaCode(param)) satisfies ParamMatcher;

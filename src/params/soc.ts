import type { ParamMatcher } from '@sveltejs/kit';
import { isSocCode } from '$lib/domain/codes';

/** SOC codes like 15-1252: anything else is a 404 before any query. */
export const match = ((param: string): boolean => isSocCode(param)) satisfies ParamMatcher;

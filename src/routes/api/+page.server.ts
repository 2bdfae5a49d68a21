import { apiReference } from '$lib/server/api-reference';
import type { PageServerLoad } from './$types';

export const load = (() => apiReference()) satisfies PageServerLoad;

/** Links that change part of the region page's URL state (filters, sort, limit) and keep the rest. */
import type { SortKey } from '$lib/domain/columns';

/** The current URL with `changes` applied (null removes a parameter); stays in its language. */
export function withParams(url: URL, changes: Record<string, string | null>): string {
	const params = new URLSearchParams(url.searchParams);
	for (const [k, v] of Object.entries(changes)) {
		if (v === null) params.delete(k);
		else params.set(k, v);
	}
	const s = params.toString();
	// url is already localized (/es/…), so these links stay in the current language.
	return s ? `?${s}` : url.pathname;
}

export interface SortState {
	sort: SortKey;
	dir: 'asc' | 'desc';
}

/** A header's link: the other direction when it is the sorted column, else its natural one. */
export function sortHref(url: URL, state: SortState, key: SortKey): string {
	const dir =
		state.sort === key ? (state.dir === 'asc' ? 'desc' : 'asc') : key === 'title' ? 'asc' : 'desc';
	return withParams(url, { sort: key, dir });
}

export function ariaSort(state: SortState, key: SortKey): 'ascending' | 'descending' | 'none' {
	if (state.sort !== key) return 'none';
	return state.dir === 'asc' ? 'ascending' : 'descending';
}

/**
 * The compare table's sort, kept in the URL (`?sort=title`, `?sort=median:31080&dir=asc`) so a
 * sorted view works without JavaScript and is shared by its link. Without `sort`, the combined
 * jobs of every area, largest first.
 */
import { sortNullsLast, type TableColumn } from './columns';

/** The registry columns the compare table shows for each area, in order. */
export const COMPARE_COLUMNS = [
	'employment',
	'lq',
	'median',
	'gap'
] as const satisfies readonly TableColumn[];
export type CompareColumn = (typeof COMPARE_COLUMNS)[number];

export type CompareSort =
	| { key: 'jobs' | 'title'; dir: 'asc' | 'desc' }
	| { key: CompareColumn; area: string; dir: 'asc' | 'desc' };

export interface SortableRow {
	soc: string;
	title: string;
	/** Employment summed over the areas (the default order). */
	jobs: number;
	/** Per area (in the order of areas), each compare column's sort key; null where it lacks it. */
	byArea: ({ sort: readonly (number | string | null)[] } | null)[];
}

const defaultDir = (key: CompareSort['key']) => (key === 'title' ? 'asc' : 'desc');

export function readCompareSort(params: URLSearchParams, areas: readonly string[]): CompareSort {
	const [key = '', area = ''] = (params.get('sort') ?? '').split(':');
	const dirText = params.get('dir');
	const dirOf = (k: CompareSort['key']) =>
		dirText === 'asc' || dirText === 'desc' ? dirText : defaultDir(k);
	if (key === 'title') return { key, dir: dirOf(key) };
	if ((COMPARE_COLUMNS as readonly string[]).includes(key) && areas.includes(area)) {
		return { key: key as CompareColumn, area, dir: dirOf(key as CompareColumn) };
	}
	return { key: 'jobs', dir: dirOf('jobs') };
}

/** Sorts in place; rows an area lacks, or whose figure is unknown, go last either way. */
export function sortCompareRows<T extends SortableRow>(
	rows: T[],
	sort: CompareSort,
	areas: readonly string[]
): T[] {
	if (!('area' in sort)) {
		return sort.key === 'jobs'
			? sortNullsLast(rows, (r) => r.jobs, sort.dir)
			: sortNullsLast(rows, (r) => r.title.toLowerCase(), sort.dir);
	}
	const i = areas.indexOf(sort.area);
	const c = COMPARE_COLUMNS.indexOf(sort.key);
	return sortNullsLast(rows, (r) => r.byArea[i]?.sort[c] ?? null, sort.dir);
}

const same = (s: CompareSort, key: CompareSort['key'], area?: string) =>
	s.key === key && ('area' in s ? s.area === area : area === undefined);

export function ariaSort(
	s: CompareSort,
	key: CompareSort['key'],
	area?: string
): 'ascending' | 'descending' | 'none' {
	if (!same(s, key, area)) return 'none';
	return s.dir === 'asc' ? 'ascending' : 'descending';
}

/** The link that sorts by `key` (of `area`): its usual direction first, the other on a second press. */
export function sortHref(url: URL, s: CompareSort, key: CompareSort['key'], area?: string): string {
	const next = new URL(url);
	const dir = same(s, key, area) ? (s.dir === 'asc' ? 'desc' : 'asc') : defaultDir(key);
	if (key === 'jobs') next.searchParams.delete('sort');
	else next.searchParams.set('sort', area === undefined ? key : `${key}:${area}`);
	if (dir === defaultDir(key)) next.searchParams.delete('dir');
	else next.searchParams.set('dir', dir);
	// Commas and colons stay readable in a link people copy.
	const search = next.search.replaceAll('%2C', ',').replaceAll('%3A', ':');
	return `${next.pathname}${search}#occ-h`;
}

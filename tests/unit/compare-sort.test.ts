import { describe, expect, it } from 'vitest';
import {
	ariaSort,
	readCompareSort,
	sortCompareRows,
	sortHref,
	type SortableRow
} from '../../src/lib/domain/compare-sort';

const AREAS = ['31080', '99'];
/** byArea sort keys in COMPARE_COLUMNS order: employment, lq, median, gap. */
const row = (
	soc: string,
	title: string,
	la: (number | null)[] | null,
	us: (number | null)[] | null
) =>
	({
		soc,
		title,
		jobs: (la?.[0] ?? 0) + (us?.[0] ?? 0),
		byArea: [la ? { sort: la } : null, us ? { sort: us } : null]
	}) satisfies SortableRow;
const rows = () => [
	row('15-1252', 'Software Developers', [100, 1.4, 150000, 20], [1000, 1, 130000, -5]),
	row('15-1211', 'computer Systems Analysts', [50, 0.8, null, 5], [800, 1, 100000, 3]),
	row('15-1299', 'Computer Occupations, All Other', null, [300, 1, 90000, null]),
	row('15-1232', 'Computer User Support', [70, 1.1, 60000, null], [900, 1, 55000, 1])
];
const socs = (r: SortableRow[]) => r.map((x) => x.soc);
const q = (s: string) => new URLSearchParams(s);

describe('compare table sort', () => {
	it('reads the URL: a column of a chosen area, the title, else combined jobs', () => {
		expect(readCompareSort(q('sort=median:31080'), AREAS)).toEqual({
			key: 'median',
			area: '31080',
			dir: 'desc'
		});
		expect(readCompareSort(q('sort=title'), AREAS)).toEqual({ key: 'title', dir: 'asc' });
		expect(readCompareSort(q('sort=lq:99&dir=asc'), AREAS)).toEqual({
			key: 'lq',
			area: '99',
			dir: 'asc'
		});
		// An area not compared, or a column the table lacks, falls back to combined jobs.
		expect(readCompareSort(q('sort=median:12345'), AREAS).key).toBe('jobs');
		expect(readCompareSort(q('sort=score:99'), AREAS).key).toBe('jobs');
		expect(readCompareSort(q('dir=sideways'), AREAS)).toEqual({ key: 'jobs', dir: 'desc' });
	});

	it('sorts by one area’s column, rows that area lacks or leaves unknown last either way', () => {
		const desc = sortCompareRows(rows(), { key: 'median', area: '31080', dir: 'desc' }, AREAS);
		expect(socs(desc)).toEqual(['15-1252', '15-1232', '15-1211', '15-1299']);
		const asc = sortCompareRows(rows(), { key: 'median', area: '31080', dir: 'asc' }, AREAS);
		expect(socs(asc)).toEqual(['15-1232', '15-1252', '15-1211', '15-1299']);
		const gap = sortCompareRows(rows(), { key: 'gap', area: '99', dir: 'asc' }, AREAS);
		expect(socs(gap)).toEqual(['15-1252', '15-1232', '15-1211', '15-1299']);
	});

	it('sorts by title without regard to case, and by combined jobs', () => {
		expect(socs(sortCompareRows(rows(), { key: 'title', dir: 'asc' }, AREAS))).toEqual([
			'15-1299',
			'15-1211',
			'15-1232',
			'15-1252'
		]);
		expect(socs(sortCompareRows(rows(), { key: 'jobs', dir: 'desc' }, AREAS))).toEqual([
			'15-1252',
			'15-1232',
			'15-1211',
			'15-1299'
		]);
	});

	it('links flip the direction of the current sort and say it in aria-sort', () => {
		const url = new URL('http://x/compare?areas=31080,99&sort=median:31080');
		const s = readCompareSort(url.searchParams, AREAS);
		expect(ariaSort(s, 'median', '31080')).toBe('descending');
		expect(ariaSort(s, 'median', '99')).toBe('none');
		expect(ariaSort(s, 'title')).toBe('none');
		expect(sortHref(url, s, 'median', '31080')).toBe(
			'/compare?areas=31080,99&sort=median:31080&dir=asc#occ-h'
		);
		expect(sortHref(url, s, 'lq', '99')).toBe('/compare?areas=31080,99&sort=lq:99#occ-h');
		expect(sortHref(url, s, 'jobs')).toBe('/compare?areas=31080,99#occ-h');
	});
});

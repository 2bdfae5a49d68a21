/**
 * The region's figures the embeds and the one-page brief show: the headline cards, the digital
 * categories and the largest digital occupations, computed by the region page's own `profile`
 * so a card on another site or on paper says exactly what the page says.
 */
import { error } from '@sveltejs/kit';
import type { TableColumn } from '$lib/domain/columns';
import type { Db } from '../../db/client';
import { ReportError } from '../region';
import { areaOptions, yearFromUrl } from '../area-options';
import { profile, type ProfileData, type ProfileFilter } from './region';

/** The brief's short table of digital jobs: what a funder reads first about each. */
export const SUMMARY_COLUMNS: TableColumn[] = [
	'category',
	'employment',
	'median',
	'openings',
	'gap'
];

/** Runs a report, turning its own errors (unknown area, year not imported) into the page's. */
export function orPageError<T>(run: () => T): T {
	try {
		return run();
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.message);
		throw e;
	}
}

/**
 * The region's profile with its table cut to the `top` digital occupations by jobs (none for
 * the embeds, which show cards or a chart alone). The year and the allocation come from the
 * address as on the region page.
 */
export function regionSummary(db: Db, area: string, url: URL, top = 0): ProfileData {
	const filter: ProfileFilter = {
		q: '',
		group: '',
		category: 'digital',
		education: '',
		minEmployment: null,
		flags: [],
		sort: 'employment',
		dir: 'desc',
		columns: SUMMARY_COLUMNS,
		limit: top
	};
	return orPageError(() => profile(db, area, filter, areaOptions(url, yearFromUrl(url))));
}

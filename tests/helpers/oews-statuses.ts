/**
 * One OEWS row's statuses in measure order (OEWS_MEASURES), shaped on Legislators in Los Angeles,
 * May 2021: employment withheld (`**`), hourly wages not available (`*`), the annual 90th
 * percentile top-coded (`#`); the 75th is marked `~` here so that every marker occurs.
 */
import type { ValueStatus } from '../../src/lib/domain/rows';

export const LEGISLATOR_STATUSES: (ValueStatus | null)[] = [
	'employment_not_available',
	'employment_not_available',
	'employment_not_available',
	'employment_not_available',
	'not_available',
	null,
	null,
	'not_available',
	'not_available',
	'not_available',
	'not_available',
	'not_available',
	null,
	null,
	null,
	'under_half_percent',
	'top_coded'
];

/** Their stored text. */
export const LEGISLATOR_TEXT = 'eeee*--*****---~#';

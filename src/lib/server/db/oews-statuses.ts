/**
 * Why an OEWS figure is missing, stored folded: `oews_facts.statuses` holds one character per
 * measure, in the order of OEWS_MEASURES, or is NULL when every measure of the row was published
 * (most rows). One column instead of seventeen mostly-NULL ones: binding and storing those took
 * about a fifth of an OEWS import's insert time (docs/PERFORMANCE.md). Readers never see the
 * text: `factsForRun` gives each measure its `…Status` field back.
 */
import type { ValueStatus } from '../../domain/rows';

/** The measures of an OEWS row: the fact table's property and column names, in stored order. */
export const OEWS_MEASURES = [
	['employment', 'employment'],
	['employmentPrse', 'employment_prse'],
	['jobsPer1000', 'jobs_per_1000'],
	['lqPublished', 'lq_published'],
	['hourlyMean', 'hourly_mean'],
	['annualMean', 'annual_mean'],
	['meanPrse', 'mean_prse'],
	['hourlyP10', 'hourly_p10'],
	['hourlyP25', 'hourly_p25'],
	['hourlyMedian', 'hourly_median'],
	['hourlyP75', 'hourly_p75'],
	['hourlyP90', 'hourly_p90'],
	['annualP10', 'annual_p10'],
	['annualP25', 'annual_p25'],
	['annualMedian', 'annual_median'],
	['annualP75', 'annual_p75'],
	['annualP90', 'annual_p90']
] as const;

export type OewsMeasure = (typeof OEWS_MEASURES)[number][0];
/** Each measure's status as readers see it: `employmentStatus`, …; null = published. */
export type OewsStatuses = { [K in OewsMeasure as `${K}Status`]: ValueStatus | null };

/** A published figure's character. */
export const PUBLISHED = '-';

/** The character of each status (the marker BLS writes, where it is one character). */
export const STATUS_CODES: Record<ValueStatus, string> = {
	not_available: '*',
	employment_not_available: 'e',
	top_coded: '#',
	under_half_percent: '~',
	blank: 'b'
};

const STATUS_OF = new Map<string, ValueStatus | null>([
	[PUBLISHED, null],
	...Object.entries(STATUS_CODES).map(([s, c]) => [c, s as ValueStatus] as const)
]);

const STATUS_FIELDS = OEWS_MEASURES.map(([key]) => `${key}Status` as const);

/**
 * The stored text for statuses given in measure order (null = published): null when all are
 * published. The importer calls it for every row that has a marker, so it builds the text
 * without an intermediate array.
 */
export function encodeStatuses(statuses: readonly (ValueStatus | null)[]): string | null {
	if (statuses.length !== OEWS_MEASURES.length) {
		throw new RangeError(`expected ${OEWS_MEASURES.length} statuses, got ${statuses.length}`);
	}
	let text = '';
	let marked = false;
	for (const s of statuses) {
		if (s === null) text += PUBLISHED;
		else {
			text += STATUS_CODES[s];
			marked = true;
		}
	}
	return marked ? text : null;
}

/** The statuses in measure order from the stored text (a damaged text throws: nothing is guessed). */
export function decodeStatuses(text: string | null): (ValueStatus | null)[] {
	if (text === null) return OEWS_MEASURES.map(() => null);
	if (text.length !== OEWS_MEASURES.length) {
		throw new Error(
			`oews_facts.statuses should hold ${OEWS_MEASURES.length} characters, not ${JSON.stringify(text)}`
		);
	}
	return [...text].map((c) => {
		const status = STATUS_OF.get(c);
		if (status === undefined) {
			throw new Error(
				`oews_facts.statuses holds an unknown code ${JSON.stringify(c)} in ${JSON.stringify(text)}`
			);
		}
		return status;
	});
}

/** Each measure's `…Status` field, from the stored text. */
export function statusFields(text: string | null): OewsStatuses {
	const statuses = decodeStatuses(text);
	const out = {} as Record<string, ValueStatus | null>;
	for (let k = 0; k < STATUS_FIELDS.length; k++) out[STATUS_FIELDS[k]!] = statuses[k]!;
	return out as OewsStatuses;
}

/**
 * Every series the charts draw, with its label and colour, in one place so a chart and its legend
 * and table never disagree. Colours are the Okabe–Ito set, which stays distinguishable under the
 * common colour-vision deficiencies; no chart relies on colour alone (each bar or dot is also
 * named on an axis or by a text label).
 *
 * All words the charts draw live in `LABELS` and `TEXT`, whose getters read the message catalogue
 * (messages/*.json) in the current language. Demographic group names come from src/lib/labels.ts,
 * which the pages use too.
 */
import { GROUP_LABELS } from '../labels';
import { m } from '../paraglide/messages';
import { baseLocale, getLocale } from '../paraglide/runtime';

export const COLORS = {
	// JFF's six digital-job categories and their total.
	'Data Management and Analysis': '#0072B2',
	Design: '#CC79A7',
	Networking: '#009E73',
	'Programming and Development': '#D55E00',
	Support: '#E69F00',
	Crosscutting: '#56B4E9',
	'All digital jobs': '#4D4D4D',
	// Geography: the nation is the reference, so it is the quiet one.
	region: '#0072B2',
	nation: '#8C8C8C',
	// Representation.
	share: '#0072B2',
	baseline: '#1A1A1A',
	// Demand and supply.
	openings: '#0072B2',
	supply: '#E69F00',
	'under-supplied': '#D55E00',
	'over-supplied': '#0072B2',
	// Parity flags (same keys as domain/rows ParityFlag).
	'under-represented': '#D55E00',
	'over-represented': '#0072B2',
	'within-margin': '#009E73',
	'too-few': '#8C8C8C',
	'no-data': '#BDBDBD'
} as const;

export type SeriesKey = keyof typeof COLORS;

export const LABELS: Record<SeriesKey, string> = {
	get 'Data Management and Analysis'() {
		return m.series_data_management();
	},
	get Design() {
		return m.series_design();
	},
	get Networking() {
		return m.series_networking();
	},
	get 'Programming and Development'() {
		return m.series_programming();
	},
	get Support() {
		return m.series_support();
	},
	get Crosscutting() {
		return m.series_crosscutting();
	},
	get 'All digital jobs'() {
		return m.series_all_digital();
	},
	get region() {
		return m.series_region();
	},
	get nation() {
		return m.series_nation();
	},
	get share() {
		return m.series_share();
	},
	get baseline() {
		return m.series_baseline();
	},
	get openings() {
		return m.series_openings();
	},
	get supply() {
		return m.series_supply();
	},
	get 'under-supplied'() {
		return m.series_under_supplied();
	},
	get 'over-supplied'() {
		return m.series_over_supplied();
	},
	get 'under-represented'() {
		return m.series_under_represented();
	},
	get 'over-represented'() {
		return m.series_over_represented();
	},
	get 'within-margin'() {
		return m.series_within_margin();
	},
	get 'too-few'() {
		return m.series_too_few();
	},
	get 'no-data'() {
		return m.series_no_data();
	}
};

/**
 * Phrases the charts draw besides series names (axis labels, notes, empty states). Getters, like
 * `LABELS`, so each read gives the current language.
 */
export const TEXT = {
	get noData() {
		return m.chart_no_data();
	},
	get annualWage() {
		return m.chart_annual_wage();
	},
	get employment() {
		return m.chart_employment();
	},
	get shareOfDigital() {
		return m.chart_share_of_digital();
	},
	get shareAxis() {
		return m.chart_share_axis();
	},
	get perYear() {
		return m.chart_per_year();
	},
	get gapAxis() {
		return m.chart_gap_axis();
	},
	get median() {
		return m.chart_median();
	},
	get middleHalf() {
		return m.chart_middle_half();
	},
	get notPublished() {
		return m.chart_not_published();
	},
	get missing() {
		return m.chart_missing();
	},
	get vsBaseline() {
		return m.chart_vs_baseline();
	},
	get ofDigitalJobs() {
		return m.chart_of_digital_jobs();
	},
	get gap() {
		return m.chart_gap();
	},
	get noOccupations() {
		return m.chart_no_occupations();
	},
	withoutWage: (n: number) => m.chart_without_wage({ count: n }),
	get representationKey() {
		return m.chart_representation_key();
	},
	get digitalRepresentationKey() {
		return m.chart_digital_representation_key();
	},
	get topCodedNote() {
		return m.chart_top_coded_note();
	}
};

const FALLBACK_COLOR = '#666666';

function isKey(key: string): key is SeriesKey {
	return Object.hasOwn(COLORS, key);
}

/** The label of a series; a key the map lacks (a category added by import) shows as itself. */
export function seriesLabel(key: string): string {
	return isKey(key) ? LABELS[key] : key;
}

/**
 * A digital category's name in page text: as published (JFF's title case) in English, the
 * series label in any other language.
 */
export function categoryLabel(category: string): string {
	return getLocale() === baseLocale ? category : seriesLabel(category);
}

/** Shortens an axis label to `max` characters. */
export function shortLabel(t: string, max: number): string {
	return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * An axis label on at most two lines of `max` characters, broken at a space ("Hispanic or" /
 * "Latino"), or after a hyphen when the last space would leave the first line under half full
 * ("Los Angeles-" / "Long Beach-Anaheim…", not "Los" / "Angeles-Long…"); only what is still
 * too long is cut.
 */
export function twoLines(label: string, max: number): string {
	if (label.length <= max) return label;
	const space = label.lastIndexOf(' ', max);
	const hyphen = label.lastIndexOf('-', max - 1);
	// The first line ends before the space, or with the hyphen.
	if (space < max / 2 && hyphen + 1 > space && hyphen > 0) {
		return `${label.slice(0, hyphen + 1)}\n${shortLabel(label.slice(hyphen + 1), max)}`;
	}
	if (space <= 0) return shortLabel(label, max);
	return `${label.slice(0, space)}\n${shortLabel(label.slice(space + 1), max)}`;
}

/**
 * One-word names of the digital categories whose full names an axis on a phone would cut
 * ("Data manageme…"): a cut name reads as a typo, a short one as a name.
 */
const SHORT_NAMES: Partial<Record<SeriesKey, () => string>> = {
	'Data Management and Analysis': () => m.series_short_data(),
	'Programming and Development': () => m.series_short_programming(),
	Support: () => m.series_short_support()
};

/**
 * A series label for an axis at most `max` characters wide: as it is when it fits, a digital
 * category's short name when it has one, else on two lines (see twoLines).
 */
export function axisLabel(label: string, max: number): string {
	if (label.length <= max) return label;
	for (const [key, short] of Object.entries(SHORT_NAMES)) {
		if (LABELS[key as SeriesKey] === label) return short();
	}
	return twoLines(label, max);
}

export function seriesColor(key: string): string {
	return isKey(key) ? COLORS[key] : FALLBACK_COLOR;
}

/** A demographic group's name, from the app's one group map (src/lib/labels.ts). */
export function groupLabel(group: string): string {
	return GROUP_LABELS[group] ?? group;
}

/**
 * A Plot ordinal colour scale for the given series keys: the domain is the labels (what the
 * legend shows), so marks must colour by `seriesLabel(key)`.
 */
export function colorScale(
	keys: readonly string[],
	legend = false
): { type: 'ordinal'; domain: string[]; range: string[]; legend: boolean } {
	return {
		type: 'ordinal',
		domain: keys.map(seriesLabel),
		range: keys.map(seriesColor),
		legend
	};
}

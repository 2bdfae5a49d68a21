/**
 * Every series the charts draw, with its label and colour, in one place so a chart and its legend
 * and table never disagree. Colours are the Okabe–Ito set, which stays distinguishable under the
 * common colour-vision deficiencies; no chart relies on colour alone (each bar or dot is also
 * named on an axis or by a text label).
 *
 * All English the charts draw lives in `LABELS` and `TEXT`, so a translation layer can swap the
 * two objects without touching a spec. Demographic group names come from src/lib/labels.ts,
 * which the pages use too.
 */
import { GROUP_LABELS } from '../labels';

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
	// Parity flags (same keys as analysis/parity ParityFlag).
	'under-represented': '#D55E00',
	'over-represented': '#0072B2',
	'near-parity': '#009E73',
	'too-few': '#8C8C8C',
	'no-data': '#BDBDBD'
} as const;

export type SeriesKey = keyof typeof COLORS;

export const LABELS: Record<SeriesKey, string> = {
	'Data Management and Analysis': 'Data management and analysis',
	Design: 'Design',
	Networking: 'Networking',
	'Programming and Development': 'Programming and development',
	Support: 'Support',
	Crosscutting: 'Crosscutting',
	'All digital jobs': 'All digital jobs',
	region: 'Region',
	nation: 'Nation',
	share: 'Share in the occupation',
	baseline: 'Baseline share',
	openings: 'Openings a year',
	supply: 'Supply a year',
	'under-supplied': 'Under-supplied',
	'over-supplied': 'Over-supplied',
	'under-represented': 'Under-represented',
	'over-represented': 'Over-represented',
	'near-parity': 'Near parity',
	'too-few': 'Too few workers to tell',
	'no-data': 'No data'
};

/** Phrases the charts draw besides series names (axis labels, notes, empty states). */
export const TEXT = {
	noData: 'No data to draw for this selection.',
	annualWage: 'Annual wage (USD) →',
	employment: 'Employment →',
	shareOfDigital: 'Share of the area’s digital jobs →',
	shareAxis: 'Share →',
	perYear: 'Per year →',
	gapAxis: '← Over-supplied · Openings minus supply · Under-supplied →',
	median: 'median',
	notPublished: 'not published',
	missing: 'no data',
	vsBaseline: 'vs baseline',
	ofDigitalJobs: 'of digital jobs',
	gap: 'gap',
	noOccupations: 'no occupations',
	withoutWage: (n: number) => `${n} without a published wage`,
	representationKey: 'Bar: share in the occupation · Tick: baseline share',
	digitalRepresentationKey: 'Hollow dot: baseline share · Filled dot: share of digital jobs',
	topCodedNote: '≥ marks a top-coded wage: at least the value drawn'
};

const FALLBACK_COLOR = '#666666';

function isKey(key: string): key is SeriesKey {
	return Object.hasOwn(COLORS, key);
}

/** The label of a series; a key the map lacks (a category added by import) shows as itself. */
export function seriesLabel(key: string): string {
	return isKey(key) ? LABELS[key] : key;
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

/**
 * The metro map: metro outlines shaded by one measure in five classes, state lines over them, the
 * areas being compared outlined in black. Pure: outlines come in as GeoJSON, values as a map.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import type { Feature, Geometry, MultiLineString } from 'geojson';

export interface MetroMapInput {
	/** Metro outlines, `id` = area code; drawn in this order (larger first, so small ones show). */
	features: Feature<Geometry, unknown>[];
	states: MultiLineString;
	nation: MultiLineString;
	values: ReadonlyMap<string, number | null>;
	/** Class limits: four ascending values that split the measure into five classes. */
	thresholds: number[];
	colors: readonly string[];
	highlight: readonly string[];
	width: number;
	title: string;
	caption: string;
	legendLabel: string;
	format: (value: number) => string;
}

/** Light to dark blues (ColorBrewer "Blues", 5 classes); grey for a metro without a figure. */
export const SEQUENTIAL = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
/** Below and above 1 in two hues, near 1 pale: for location quotients. */
export const DIVERGING = ['#b2182b', '#ef8a62', '#f7f7f7', '#67a9cf', '#2166ac'] as const;
export const NO_VALUE = '#d9d9d9';
/** Location quotients: under 0.6 and over 1.5 are far from the nation's share; 0.9–1.1 near it. */
export const LQ_THRESHOLDS = [0.6, 0.9, 1.1, 1.5];

/** Four class limits at the 20th, 40th, 60th and 80th percentiles of the known values. */
export function quantileThresholds(values: Iterable<number | null>): number[] {
	const known = [...values].filter((v): v is number => v !== null).sort((a, b) => a - b);
	if (known.length === 0) return [];
	return [0.2, 0.4, 0.6, 0.8].map(
		(q) => known[Math.min(known.length - 1, Math.floor(q * known.length))]!
	);
}

/** The class colour of a value (grey when unknown). */
export function classColor(
	value: number | null | undefined,
	thresholds: readonly number[],
	colors: readonly string[]
): string {
	if (value === null || value === undefined) return NO_VALUE;
	let i = 0;
	while (i < thresholds.length && value >= thresholds[i]!) i++;
	return colors[i] ?? colors[colors.length - 1]!;
}

/** Legend entries for the five classes: "under 20", "20 – 30", …, "60 and over". */
export function classLabels(
	thresholds: readonly number[],
	format: (v: number) => string,
	words: { under: string; over: string }
): string[] {
	if (thresholds.length === 0) return [];
	return [
		`${words.under} ${format(thresholds[0]!)}`,
		...thresholds.slice(1).map((t, i) => `${format(thresholds[i]!)} – ${format(t)}`),
		`${format(thresholds.at(-1)!)} ${words.over}`
	];
}

export function metroMapSpec(input: MetroMapInput): PlotOptions {
	const highlighted = new Set(input.highlight);
	const fill = (f: Feature) =>
		classColor(input.values.get(String(f.id)), input.thresholds, input.colors);
	return {
		width: input.width,
		height: Math.round(input.width * 0.62),
		projection: { type: 'albers-usa' },
		title: input.title,
		caption: input.caption,
		marks: [
			Plot.geo(input.nation, {
				fill: '#f6f6f4',
				stroke: '#9a9a9a',
				strokeWidth: 0.6,
				ariaHidden: 'true'
			}),
			Plot.geo(input.features, {
				fill,
				stroke: '#ffffff',
				strokeWidth: 0.3,
				className: 'metros',
				// The area code, replaced by a readable name by whoever makes the outlines links; Plot
				// leaves out outlines the projection cannot place (Puerto Rico), so index order is no guide.
				ariaLabel: (f: Feature) => String(f.id)
			}),
			Plot.geo(input.states, { stroke: '#8c8c8c', strokeWidth: 0.5, ariaHidden: 'true' }),
			Plot.geo(
				input.features.filter((f) => highlighted.has(String(f.id))),
				{ fill: 'none', stroke: '#111111', strokeWidth: 2, ariaHidden: 'true' }
			)
		]
	};
}

/**
 * One occupation's annual wage distribution in the region against the nation: per row a thin line
 * from the 10th to the 90th percentile, a box from the 25th to the 75th and a tick at the median,
 * labelled with its value. A top-coded percentile is drawn at the year's cap and marked ≥, since
 * the true value is at least that; a row with no published percentile says so in words.
 */
import * as Plot from '@observablehq/plot';
import type { FieldStatus, Percentiles } from '../../domain/rows';
import { formatWage, tickCompact } from '../format';
import { colorScale, seriesLabel, TEXT, twoLines } from '../series';
import {
	type ChartFrame,
	DEFAULT_WIDTH,
	NARROW,
	noDataSpec,
	READABLE_TEXT,
	wageAt,
	labelChars
} from './common';

export interface WageDistribution {
	series: 'region' | 'nation';
	/** The area's name, shown on the row. */
	label: string;
	/** OccupationRow.annualWagePercentiles: null when not published or top-coded. */
	percentiles: Percentiles;
	/** OccupationRow.status.annualWagePercentiles: `top_coded` draws the value at the cap. */
	status: Record<keyof Percentiles, FieldStatus>;
}

export interface WageCompareInput extends ChartFrame {
	rows: WageDistribution[];
	/** The year's annual top-code (RegionReport.topCode.annual); null when unknown. */
	cap: number | null;
}

const KEYS = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;

interface Drawn {
	key: string;
	label: string;
	series: string;
	at: Record<(typeof KEYS)[number], number | null>;
	topCoded: Record<(typeof KEYS)[number], boolean>;
	low: number | null;
	high: number | null;
	medianText: string;
}

export function wageCompareSpec({
	rows,
	cap,
	title,
	caption,
	width = DEFAULT_WIDTH
}: WageCompareInput): Plot.PlotOptions {
	const drawn: Drawn[] = rows.map((r, i) => {
		const topCoded = Object.fromEntries(
			KEYS.map((k) => [k, r.percentiles[k] === null && r.status[k] === 'top_coded'])
		) as Drawn['topCoded'];
		const at = Object.fromEntries(
			KEYS.map((k) => [k, wageAt(r.percentiles[k], topCoded[k], cap)])
		) as Drawn['at'];
		const known = KEYS.map((k) => at[k]).filter((v): v is number => v !== null);
		return {
			key: `r${i}`,
			label: r.label,
			series: seriesLabel(r.series),
			at,
			topCoded,
			low: known[0] ?? null,
			high: known.at(-1) ?? null,
			medianText: `${TEXT.median} ${formatWage(r.percentiles.p50, r.status.p50, cap)}`
		};
	});
	if (drawn.every((d) => d.low === null)) return noDataSpec({ title, caption, width });

	const narrow = width < NARROW;
	const markers = drawn.flatMap((d) =>
		KEYS.filter((k) => d.topCoded[k] && d.at[k] !== null).map((k) => ({ key: d.key, x: d.at[k] }))
	);
	const blank = drawn.filter((d) => d.low === null);
	const withBox = drawn.filter((d) => d.at.p25 !== null && d.at.p75 !== null);
	const withMedian = drawn.filter((d) => d.at.p50 !== null);
	const xMax = Math.max(...drawn.map((d) => d.high ?? 0));
	// A median with nowhere to stand (not published, or top-coded with no known cap) is still named.
	const medianElsewhere = drawn.filter((d) => d.at.p50 === null && d.high !== null);
	const marginLeft = narrow ? 110 : 200;
	return {
		style: READABLE_TEXT,
		title,
		subtitle: markers.length > 0 ? TEXT.topCodedNote : undefined,
		caption,
		width,
		height: 50 + drawn.length * 60,
		marginTop: 20,
		marginLeft,
		marginRight: 30,
		x: {
			label: TEXT.annualWage,
			labelAnchor: 'center',
			grid: true,
			tickFormat: tickCompact,
			nice: true
		},
		y: {
			type: 'band',
			label: null,
			domain: drawn.map((d) => d.key),
			tickFormat: (key: string) =>
				twoLines(drawn.find((d) => d.key === key)?.label ?? key, labelChars(marginLeft)),
			padding: 0.3
		},
		color: colorScale(['region', 'nation']),
		marks: [
			Plot.ruleY(
				drawn.filter((d) => d.low !== null),
				{ y: 'key', x1: 'low', x2: 'high', stroke: 'series', strokeWidth: 2 }
			),
			Plot.barX(withBox, {
				y: 'key',
				x1: (d: Drawn) => d.at.p25,
				x2: (d: Drawn) => d.at.p75,
				fill: 'series',
				insetTop: 6,
				insetBottom: 6,
				title: (d: Drawn) => `${d.label}: ${TEXT.middleHalf}`
			}),
			Plot.tickX(withMedian, {
				y: 'key',
				x: (d: Drawn) => d.at.p50,
				stroke: '#1a1a1a',
				strokeWidth: 3,
				insetTop: 2,
				insetBottom: 2
			}),
			// A label centred on a median near the right edge would run off the chart: end it there.
			...([false, true] as const).map((nearRight) =>
				Plot.text(
					withMedian.filter((d) => d.at.p50! > 0.8 * xMax === nearRight),
					{
						y: 'key',
						x: (d: Drawn) => d.at.p50,
						text: 'medianText',
						textAnchor: nearRight ? 'end' : 'middle',
						dy: -22,
						fill: '#1a1a1a'
					}
				)
			),
			Plot.text(medianElsewhere, {
				y: 'key',
				x: 'high',
				text: 'medianText',
				textAnchor: 'start',
				dx: 8,
				fill: '#4d4d4d'
			}),
			Plot.text(markers, {
				y: 'key',
				x: 'x',
				text: () => '≥',
				dx: 10,
				fill: '#8a4b00',
				fontWeight: 'bold',
				fontSize: 13
			}),
			Plot.text(blank, {
				y: 'key',
				text: () => TEXT.notPublished,
				frameAnchor: 'left',
				textAnchor: 'start',
				dx: 4,
				fill: '#4d4d4d'
			})
		]
	};
}

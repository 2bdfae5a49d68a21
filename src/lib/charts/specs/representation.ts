/**
 * Representation in one occupation: for each group a bar at its share of the occupation's workers
 * and a tick at its baseline share (labor force or workers), with the parity flag written beside
 * it. Groups flagged `too-few` or `no-data` get the flag in words and no bar, since a bar would
 * suggest a figure the data cannot support.
 */
import * as Plot from '@observablehq/plot';
import type { RepresentationCell } from '../../domain/rows';
import { formatShare, tickPercent } from '../format';
import { colorScale, groupLabel, seriesLabel, TEXT, twoLines } from '../series';
import {
	type ChartFrame,
	DEFAULT_WIDTH,
	NARROW,
	noDataSpec,
	READABLE_TEXT,
	shareDomainMax,
	labelChars
} from './common';

export type RepresentationDatum = Pick<RepresentationCell, 'group' | 'share' | 'baseline' | 'flag'>;

export interface RepresentationInput extends ChartFrame {
	/** GapRow.representation, in the order to draw. */
	cells: RepresentationDatum[];
}

const FLAGS = [
	'under-represented',
	'within-margin',
	'over-represented',
	'too-few',
	'no-data'
] as const;

/** True when the cell has a share worth a bar. */
export function isDrawable(c: RepresentationDatum): boolean {
	return c.share !== null && c.flag !== 'too-few' && c.flag !== 'no-data';
}

export function representationSpec({
	cells,
	title,
	caption,
	width = DEFAULT_WIDTH
}: RepresentationInput): Plot.PlotOptions {
	if (cells.length === 0) return noDataSpec({ title, caption, width });
	const narrow = width < NARROW;
	const bars = cells.filter(isDrawable);
	const words = cells.filter((c) => !isDrawable(c));
	const reach = (c: RepresentationDatum) => Math.max(c.share ?? 0, c.baseline ?? 0);
	const marginLeft = narrow ? 100 : 180;
	return {
		style: READABLE_TEXT,
		title,
		subtitle: bars.length > 0 ? TEXT.representationKey : undefined,
		caption,
		width,
		height: 50 + cells.length * (narrow ? 40 : 30),
		marginLeft,
		marginRight: narrow ? 130 : 230,
		x: {
			label: TEXT.shareAxis,
			labelAnchor: 'center',
			domain: [0, shareDomainMax(cells.flatMap((c) => [c.share, c.baseline]))],
			tickFormat: tickPercent,
			grid: true
		},
		y: {
			label: null,
			domain: cells.map((c) => c.group),
			tickFormat: (g: string) => twoLines(groupLabel(g), labelChars(marginLeft)),
			padding: 0.25
		},
		color: colorScale(FLAGS),
		marks: [
			Plot.barX(bars, {
				y: 'group',
				x: 'share',
				fill: (c: RepresentationDatum) => seriesLabel(c.flag),
				title: (c: RepresentationDatum) =>
					`${groupLabel(c.group)}: ${formatShare(c.share)} ${TEXT.vsBaseline} ${formatShare(c.baseline)}`
			}),
			Plot.tickX(
				bars.filter((c) => c.baseline !== null),
				{ y: 'group', x: 'baseline', stroke: '#1a1a1a', strokeWidth: 2.5 }
			),
			Plot.text(bars, {
				y: 'group',
				x: reach,
				// On a narrow screen the flag goes on a second line rather than off the edge.
				text: (c: RepresentationDatum) =>
					`${formatShare(c.share)} ${TEXT.vsBaseline} ${formatShare(c.baseline)}${narrow ? '\n' : ' · '}${seriesLabel(c.flag)}`,
				textAnchor: 'start',
				dx: 6,
				fill: '#1a1a1a'
			}),
			Plot.text(words, {
				y: 'group',
				text: (c: RepresentationDatum) => seriesLabel(c.flag === 'too-few' ? 'too-few' : 'no-data'),
				frameAnchor: 'left',
				textAnchor: 'start',
				dx: 4,
				fill: '#4d4d4d',
				fontStyle: 'italic'
			}),
			Plot.ruleX([0])
		]
	};
}

/**
 * Openings against supply for one or several occupations: per occupation a pair of bars (openings
 * a year, completers a year) and the gap written beside them (openings minus supply, positive =
 * under-supplied). A missing side says "no data" instead of drawing a zero, since no completions
 * imported is not zero supply.
 */
import * as Plot from '@observablehq/plot';
import type { GapRow } from '../../domain/rows';
import { formatFlow, formatSigned } from '../format';
import { colorScale, seriesLabel, TEXT, twoLines } from '../series';
import {
	type ChartFrame,
	DEFAULT_WIDTH,
	NARROW,
	noDataSpec,
	READABLE_TEXT,
	labelChars
} from './common';

export type OpeningsSupplyDatum = Pick<
	GapRow,
	'soc' | 'title' | 'openings' | 'supply' | 'supplyGap'
>;

export interface OpeningsSupplyInput extends ChartFrame {
	/** The occupations to compare, in the order to draw. */
	rows: OpeningsSupplyDatum[];
}

interface Bar {
	soc: string;
	series: string;
	value: number | null;
}

const SIDES = ['openings', 'supply'] as const;

export function gapText(gap: number | null): string {
	return `${TEXT.gap} ${gap === null ? '—' : formatSigned(gap)}`;
}

export function openingsSupplySpec({
	rows,
	title,
	caption,
	width = DEFAULT_WIDTH
}: OpeningsSupplyInput): Plot.PlotOptions {
	if (rows.every((r) => r.openings === null && r.supply === null)) {
		return noDataSpec({ title, caption, width });
	}
	const narrow = width < NARROW;
	const bars: Bar[] = rows.flatMap((r) =>
		SIDES.map((side) => ({ soc: r.soc, series: seriesLabel(side), value: r[side] }))
	);
	const titleOf = new Map(rows.map((r) => [r.soc, r.title]));
	// Room past the longest bar for its value label.
	const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
	const marginLeft = narrow ? 120 : 240;
	return {
		style: READABLE_TEXT,
		title,
		caption,
		width,
		height: 60 + rows.length * 60,
		marginLeft,
		marginRight: 80,
		x: {
			label: TEXT.perYear,
			labelAnchor: 'center',
			grid: true,
			domain: [0, max === 0 ? 1 : max * 1.2]
		},
		y: { axis: null, domain: SIDES.map(seriesLabel), padding: 0.1 },
		fy: {
			label: null,
			domain: rows.map((r) => r.soc),
			tickFormat: (soc: string) => twoLines(titleOf.get(soc) ?? soc, labelChars(marginLeft)),
			padding: 0.2
		},
		color: colorScale(SIDES, true),
		marks: [
			Plot.barX(
				bars.filter((b) => b.value !== null),
				{ fy: 'soc', y: 'series', x: 'value', fill: 'series' }
			),
			Plot.text(bars, {
				fy: 'soc',
				y: 'series',
				x: (b: Bar) => b.value ?? 0,
				text: (b: Bar) => (b.value === null ? TEXT.missing : formatFlow(b.value)),
				textAnchor: 'start',
				dx: 4,
				fill: '#1a1a1a'
			}),
			Plot.text(rows, {
				fy: 'soc',
				text: (r: OpeningsSupplyDatum) => gapText(r.supplyGap),
				frameAnchor: 'right',
				textAnchor: 'start',
				dx: 10,
				fontWeight: 'bold',
				fill: '#1a1a1a'
			}),
			Plot.ruleX([0])
		]
	};
}

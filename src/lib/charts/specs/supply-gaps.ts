/**
 * The largest supply gaps of an area: the `n` occupations with the highest openings minus supply,
 * as bars from zero (right = under-supplied, left = over-supplied when fewer than `n` occupations
 * are short), each labelled with its signed gap. Occupations whose gap is unknown are left out,
 * since an unknown gap is not a zero one.
 */
import * as Plot from '@observablehq/plot';
import type { GapRow } from '../../domain/rows';
import { formatFlow, formatSigned } from '../format';
import { colorScale, LABELS, seriesLabel, shortLabel, TEXT } from '../series';
import {
	type ChartFrame,
	DEFAULT_WIDTH,
	NARROW,
	noDataSpec,
	READABLE_TEXT,
	labelChars
} from './common';

export type SupplyGapDatum = Pick<GapRow, 'soc' | 'title' | 'openings' | 'supply' | 'supplyGap'>;

export interface SupplyGapsInput extends ChartFrame {
	/** GapsReport.rows (any order). */
	rows: SupplyGapDatum[];
	/** How many occupations to draw (default 10). */
	n?: number;
}

type Known = SupplyGapDatum & { supplyGap: number };

/** The `n` rows with the largest gap, largest first; ties by SOC code so the order is stable. */
export function largestGaps(rows: readonly SupplyGapDatum[], n: number): Known[] {
	return rows
		.filter((r): r is Known => r.supplyGap !== null)
		.sort((a, b) => b.supplyGap - a.supplyGap || a.soc.localeCompare(b.soc))
		.slice(0, Math.max(0, n));
}

const side = (r: Known) => seriesLabel(r.supplyGap >= 0 ? 'under-supplied' : 'over-supplied');

export function supplyGapsSpec({
	rows,
	n = 10,
	title,
	caption,
	width = DEFAULT_WIDTH
}: SupplyGapsInput): Plot.PlotOptions {
	const top = largestGaps(rows, n);
	if (top.length === 0) return noDataSpec({ title, caption, width });
	const narrow = width < NARROW;
	const gaps = top.map((r) => r.supplyGap);
	// Room on each side for the value labels.
	const lo = Math.min(0, ...gaps);
	const hi = Math.max(0, ...gaps);
	const pad = (hi - lo || 1) * 0.15;
	const marginLeft = narrow ? 120 : 260;
	return {
		style: READABLE_TEXT,
		title,
		caption,
		width,
		height: 60 + top.length * 26,
		marginLeft,
		marginRight: 20,
		x: {
			label: narrow ? TEXT.perYear : TEXT.gapAxis,
			labelAnchor: 'center',
			grid: true,
			domain: [lo < 0 ? lo - pad : 0, hi + pad]
		},
		y: {
			label: null,
			domain: top.map((r) => r.soc),
			tickFormat: (soc: string) =>
				shortLabel(top.find((r) => r.soc === soc)?.title ?? soc, labelChars(marginLeft)),
			padding: 0.2
		},
		color: colorScale(['under-supplied', 'over-supplied']),
		marks: [
			Plot.barX(top, {
				y: 'soc',
				x: 'supplyGap',
				fill: side,
				title: (r: Known) =>
					`${r.title}: ${LABELS.openings} ${formatFlow(r.openings)} · ${LABELS.supply} ${formatFlow(r.supply)}`
			}),
			...([true, false] as const).map((under) =>
				Plot.text(
					top.filter((r) => r.supplyGap >= 0 === under),
					{
						y: 'soc',
						x: 'supplyGap',
						text: (r: Known) => formatSigned(r.supplyGap),
						textAnchor: under ? 'start' : 'end',
						dx: under ? 4 : -4,
						fill: '#1a1a1a'
					}
				)
			),
			Plot.ruleX([0])
		]
	};
}

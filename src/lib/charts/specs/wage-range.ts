import { READABLE_TEXT } from './common';
/**
 * Wage range of the largest occupations: for each, a line from the 10th to the 90th percentile
 * of annual wages and a dot at the median, ordered by employment. Top-coded percentiles are drawn
 * to the year's cap and marked, since the true value is at least that.
 */
import * as Plot from '@observablehq/plot';
import { formatWage, tickCompact } from '../format';
import { shortLabel, TEXT } from '../series';
import type { WageRangePoint } from '../../domain/rows';

export type WageRangeDatum = WageRangePoint;

export interface WageRangeInput {
	data: WageRangeDatum[];
	title: string;
	caption: string;
	width?: number;
}

export function wageRangeSpec({
	data,
	title,
	caption,
	width = 720
}: WageRangeInput): Plot.PlotOptions {
	const rows = data.filter((d) => d.p10 !== null || d.p50 !== null || d.p90 !== null);
	const narrow = width < 560;
	const maxLabel = narrow ? 16 : 38;
	return {
		style: READABLE_TEXT,
		title,
		caption,
		width,
		height: 40 + rows.length * 24,
		marginLeft: narrow ? 120 : 260,
		marginRight: 20,
		x: { label: TEXT.annualWage, grid: true, tickFormat: tickCompact },
		y: {
			label: null,
			domain: rows.map((d) => d.soc),
			tickFormat: (soc: string) =>
				shortLabel(rows.find((d) => d.soc === soc)?.title ?? soc, maxLabel)
		},
		marks: [
			Plot.ruleY(rows, {
				y: 'soc',
				x1: 'p10',
				x2: 'p90',
				stroke: '#8aa4c0',
				strokeWidth: 6,
				strokeLinecap: 'round'
			}),
			Plot.dot(rows, {
				y: 'soc',
				x: 'p50',
				fill: '#1f4e79',
				r: 5,
				title: (d: WageRangeDatum) =>
					`${d.title}: ${TEXT.median} ${d.p50TopCoded ? '≥ ' : ''}${formatWage(d.p50)}`
			}),
			Plot.text(
				rows.filter((d) => d.p90TopCoded),
				{ y: 'soc', x: 'p90', text: () => '≥', dx: 8, fill: '#8a4b00', fontWeight: 'bold' }
			)
		]
	};
}

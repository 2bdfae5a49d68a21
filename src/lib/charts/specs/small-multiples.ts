/**
 * The digital-category chart for two to six areas side by side.
 *
 * One spec with Plot facets, not one spec per area: the panels then share one x scale, so a bar
 * of the same length means the same value in every area, and the figure exports as one SVG. The
 * panels wrap into a grid (fx = column, fy = row) sized to the width, so six areas stay readable
 * on a phone. By default each bar is the category's share of the area's digital jobs, because
 * areas differ in size by orders of magnitude and shared counts would flatten the small ones;
 * `measure: 'employment'` draws counts instead.
 */
import * as Plot from '@observablehq/plot';
import type { CategorySummary } from '../../analysis/digital-jobs';
import { formatCount, formatShare, tickCompact, tickPercent } from '../format';
import { axisLabel, colorScale, LABELS, seriesLabel, shortLabel, TEXT } from '../series';
import {
	type ChartFrame,
	DEFAULT_WIDTH,
	NARROW,
	noDataSpec,
	READABLE_TEXT,
	labelChars
} from './common';
import { ALL_DIGITAL } from './digital-categories';

export interface AreaCategories {
	code: string;
	/** The area's name, written above its panel. */
	name: string;
	/** That area's GapsReport.digital. */
	categories: CategorySummary[];
}

export interface SmallMultiplesInput extends ChartFrame {
	/** Two to six areas; any beyond the sixth are not drawn. */
	areas: AreaCategories[];
	measure?: 'share' | 'employment';
}

export const MAX_AREAS = 6;

/** Narrowest a panel may be (bars plus their value labels). */
const PANEL_MIN = 190;

interface Cell {
	area: string;
	col: number;
	row: number;
	category: string;
	value: number;
}

interface Panel {
	name: string;
	col: number;
	row: number;
	empty: boolean;
}

/** Columns for `n` panels at this plot width: as many as fit, at least one. */
export function columnsFor(n: number, innerWidth: number): number {
	return Math.max(1, Math.min(n, Math.floor(innerWidth / PANEL_MIN)));
}

export function smallMultiplesSpec({
	areas,
	measure = 'share',
	title,
	caption,
	width = DEFAULT_WIDTH
}: SmallMultiplesInput): Plot.PlotOptions {
	const shown = areas.slice(0, MAX_AREAS);
	const narrow = width < NARROW;
	const marginLeft = narrow ? 100 : 215;
	const cols = columnsFor(shown.length, width - marginLeft - 10);
	const categories = [...new Set(shown.flatMap((a) => a.categories.map((c) => c.category)))].filter(
		(c) => c !== ALL_DIGITAL
	);
	const panels: Panel[] = [];
	const cells: Cell[] = [];
	shown.forEach((a, i) => {
		const col = i % cols;
		const row = Math.floor(i / cols);
		const parts = a.categories.filter((c) => c.category !== ALL_DIGITAL);
		// The total is the all-digital row when present (it is the same sum, computed once upstream).
		const total =
			a.categories.find((c) => c.category === ALL_DIGITAL)?.employment ??
			parts.reduce((s, c) => s + c.employment, 0);
		panels.push({ name: a.name, col, row, empty: total === 0 });
		if (total === 0) return;
		for (const c of parts) {
			if (c.occupations === 0) continue;
			cells.push({
				area: a.code,
				col,
				row,
				category: seriesLabel(c.category),
				value: measure === 'share' ? c.employment / total : c.employment
			});
		}
	});
	if (cells.length === 0) return noDataSpec({ title, caption, width });

	const rows = Math.ceil(shown.length / cols);
	const panelHeight = categories.length * 20 + 20;
	const max = Math.max(...cells.map((c) => c.value));
	const label = (c: Cell) => (measure === 'share' ? formatShare(c.value) : formatCount(c.value));
	return {
		style: READABLE_TEXT,
		title,
		caption,
		width,
		height: 50 + rows * (panelHeight + 30),
		marginTop: 30,
		marginLeft,
		marginRight: 10,
		x: {
			label: measure === 'share' ? TEXT.shareOfDigital : TEXT.employment,
			labelAnchor: 'center',
			grid: true,
			ticks: 3,
			tickFormat: measure === 'share' ? tickPercent : tickCompact,
			// Room past the longest bar for its value label.
			domain: [0, max * 1.35]
		},
		y: {
			label: null,
			domain: categories.map(seriesLabel),
			tickFormat: (l: string) => axisLabel(l, labelChars(marginLeft)),
			padding: 0.2
		},
		fx: { axis: null, padding: 0.08 },
		fy: { axis: null, padding: 0.2 },
		color: colorScale(categories),
		marks: [
			Plot.barX(cells, { fx: 'col', fy: 'row', y: 'category', x: 'value', fill: 'category' }),
			Plot.text(cells, {
				fx: 'col',
				fy: 'row',
				y: 'category',
				x: 'value',
				text: label,
				textAnchor: 'start',
				dx: 3,
				fill: '#1a1a1a'
			}),
			Plot.text(panels, {
				fx: 'col',
				fy: 'row',
				text: (p: Panel) => shortLabel(p.name, narrow ? 30 : 40),
				frameAnchor: 'top-left',
				textAnchor: 'start',
				lineAnchor: 'bottom',
				dy: -6,
				fontWeight: 'bold',
				fontSize: 12,
				fill: '#1a1a1a'
			}),
			Plot.text(
				panels.filter((p) => p.empty),
				{
					fx: 'col',
					fy: 'row',
					text: () => LABELS['no-data'],
					frameAnchor: 'middle',
					fill: '#4d4d4d',
					fontStyle: 'italic'
				}
			),
			Plot.frame({ stroke: '#e0e0e0' })
		]
	};
}

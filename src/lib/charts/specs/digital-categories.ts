/**
 * Digital jobs by JFF category: a horizontal bar of employment per category (and, by default, the
 * all-digital total at the bottom), each labelled with its employment-weighted median wage. The
 * median leaves out occupations without a published or with a top-coded wage (see
 * analysis/digital-jobs), so the label says how many were left out rather than hiding it.
 */
import * as Plot from '@observablehq/plot';
import type { CategorySummary } from '../../analysis/digital-jobs';
import { formatCount, formatWage, tickCompact } from '../format';
import { ALL_DIGITAL } from '../../domain/categories';
import { axisLabel, colorScale, seriesLabel, TEXT } from '../series';
import {
	DEFAULT_WIDTH,
	NARROW,
	noDataSpec,
	type ChartFrame,
	READABLE_TEXT,
	labelChars
} from './common';

export { ALL_DIGITAL };

export interface DigitalCategoriesInput extends ChartFrame {
	/** GapsReport.digital: the six categories then 'All digital jobs'. */
	rows: CategorySummary[];
	/** Draw the all-digital total as the last bar (default true). */
	showAll?: boolean;
}

/** The text beside a category's bar: employment, median wage, and what the median leaves out. */
export function categoryLabel(r: CategorySummary, narrow = false): string {
	if (r.occupations === 0) return TEXT.noOccupations;
	const parts = [
		formatCount(r.employment),
		`${TEXT.median} ${r.medianWage === null ? TEXT.notPublished : formatWage(r.medianWage)}`
	];
	// On a phone the figures stack: on one line they ran past the chart's right edge.
	const main = parts.join(narrow ? '\n' : ' · ');
	if (r.wagesMissing === 0) return main;
	return `${main}${narrow ? '\n' : ' · '}${TEXT.withoutWage(r.wagesMissing)}`;
}

export function digitalCategoriesSpec({
	rows,
	showAll = true,
	title,
	caption,
	width = DEFAULT_WIDTH
}: DigitalCategoriesInput): Plot.PlotOptions {
	const shown = showAll ? rows : rows.filter((r) => r.category !== ALL_DIGITAL);
	if (shown.every((r) => r.employment === 0)) return noDataSpec({ title, caption, width });
	const narrow = width < NARROW;
	const keys = shown.map((r) => r.category);
	const max = Math.max(...shown.map((r) => r.employment));
	const marginLeft = narrow ? 110 : 215;
	return {
		style: READABLE_TEXT,
		title,
		caption,
		width,
		height: 50 + shown.length * (narrow ? 48 : 30),
		marginLeft,
		marginRight: narrow ? 150 : 300,
		x: {
			label: TEXT.employment,
			labelAnchor: 'center',
			grid: true,
			tickFormat: tickCompact,
			domain: [0, max]
		},
		y: {
			label: null,
			domain: keys.map(seriesLabel),
			tickFormat: (l: string) => axisLabel(l, labelChars(marginLeft)),
			padding: 0.25
		},
		color: colorScale(keys),
		marks: [
			Plot.barX(
				shown.filter((r) => r.occupations > 0),
				{
					y: (r: CategorySummary) => seriesLabel(r.category),
					x: 'employment',
					fill: (r: CategorySummary) => seriesLabel(r.category),
					title: (r: CategorySummary) => `${seriesLabel(r.category)}: ${categoryLabel(r)}`
				}
			),
			Plot.text(shown, {
				y: (r: CategorySummary) => seriesLabel(r.category),
				x: 'employment',
				text: (r: CategorySummary) => categoryLabel(r, narrow),
				textAnchor: 'start',
				dx: 6,
				fill: '#1a1a1a'
			}),
			Plot.ruleX([0])
		]
	};
}

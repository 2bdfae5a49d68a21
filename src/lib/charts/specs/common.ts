/**
 * What every spec shares: the frame options (title, caption, width), the empty state, and the rule
 * for drawing a top-coded value. Pure: no DOM, no Svelte.
 */
import * as Plot from '@observablehq/plot';
import { TEXT } from '../series';

export interface ChartFrame {
	title: string;
	/** Source and year, e.g. "BLS OEWS, May 2024". */
	caption: string;
	width?: number;
}

export const DEFAULT_WIDTH = 720;

/** Below this width the specs shorten labels and margins. */
export const NARROW = 560;

/**
 * The spec drawn when there is nothing to draw: the title and caption stay, so the reader sees
 * which chart is empty, and the frame says so in words instead of showing empty axes.
 */
export function noDataSpec({
	title,
	caption,
	width = DEFAULT_WIDTH
}: ChartFrame): Plot.PlotOptions {
	return {
		title,
		caption,
		width,
		height: 80,
		ariaDescription: TEXT.noData,
		x: { axis: null },
		y: { axis: null },
		marks: [
			Plot.frame({ stroke: '#d0d0d0', strokeDasharray: '4,3' }),
			Plot.text([TEXT.noData], {
				text: (d: string) => d,
				frameAnchor: 'middle',
				fontSize: 13,
				fill: '#4d4d4d'
			})
		]
	};
}

/**
 * The position to draw a wage at: its value, or the year's cap when it is top-coded (the true
 * value is at least the cap). Null when neither is known.
 */
export function wageAt(value: number | null, topCoded: boolean, cap: number | null): number | null {
	if (value !== null) return value;
	return topCoded ? cap : null;
}

/** Upper end of a share axis: a little past the largest value, at most 100%. */
export function shareDomainMax(values: readonly (number | null)[]): number {
	const max = Math.max(0, ...values.filter((v): v is number => v !== null));
	return max === 0 ? 1 : Math.min(1, max * 1.1);
}

/**
 * Chart text at 12 px, not Plot's 10 px default: axis labels and marks stay readable on a phone
 * and in print (issue 18 measured 9–10 px on the region page).
 */
export const READABLE_TEXT = { fontSize: '12px' } as const;

/**
 * Characters an axis label may have in a left margin of `marginLeft` px at READABLE_TEXT's size:
 * about 7.2 px a character, after the 10 px the tick and its gap take.
 */
export function labelChars(marginLeft: number): number {
	return Math.floor((marginLeft - 10) / 7.2);
}

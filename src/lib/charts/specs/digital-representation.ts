/**
 * Each group's share of the area's digital jobs against its baseline share: a hollow dot at the
 * baseline, an arrow to a filled dot at the share (pointing left = fewer than parity would give),
 * and both figures written beside it. A group without either figure is named with "no data".
 */
import * as Plot from '@observablehq/plot';
import type { DigitalGroupShare } from '../../domain/rows';
import { formatShare, tickPercent } from '../format';
import { COLORS, groupLabel, LABELS, TEXT, twoLines } from '../series';
import {
	DEFAULT_WIDTH,
	NARROW,
	noDataSpec,
	shareDomainMax,
	type ChartFrame,
	READABLE_TEXT,
	labelChars
} from './common';

export interface DigitalRepresentationInput extends ChartFrame {
	/** GapsReport.digitalRepresentation, in the order to draw. */
	rows: DigitalGroupShare[];
}

/** True when both figures are known and rest on some digital employment. */
export function hasShares(r: DigitalGroupShare): boolean {
	return r.shareOfDigitalJobs !== null && r.baseline !== null && r.employmentCovered > 0;
}

export function digitalRepresentationSpec({
	rows,
	title,
	caption,
	width = DEFAULT_WIDTH
}: DigitalRepresentationInput): Plot.PlotOptions {
	const known = rows.filter(hasShares);
	if (known.length === 0) return noDataSpec({ title, caption, width });
	const narrow = width < NARROW;
	const missing = rows.filter((r) => !hasShares(r));
	const marginLeft = narrow ? 100 : 180;
	return {
		style: READABLE_TEXT,
		title,
		subtitle: TEXT.digitalRepresentationKey,
		caption,
		width,
		height: 50 + rows.length * (narrow ? 40 : 30),
		marginLeft,
		marginRight: narrow ? 120 : 220,
		x: {
			label: TEXT.shareAxis,
			labelAnchor: 'center',
			domain: [0, shareDomainMax(known.flatMap((r) => [r.shareOfDigitalJobs, r.baseline]))],
			tickFormat: tickPercent,
			grid: true
		},
		y: {
			type: 'point',
			label: null,
			domain: rows.map((r) => r.group),
			tickFormat: (g: string) => twoLines(groupLabel(g), labelChars(marginLeft)),
			padding: 0.5
		},
		marks: [
			Plot.arrow(known, {
				y1: 'group',
				y2: 'group',
				x1: 'baseline',
				x2: 'shareOfDigitalJobs',
				stroke: '#8c8c8c',
				strokeWidth: 1.5,
				insetStart: 5,
				insetEnd: 6,
				headLength: 6
			}),
			Plot.dot(known, {
				y: 'group',
				x: 'baseline',
				r: 5,
				stroke: COLORS.baseline,
				strokeWidth: 2,
				fill: 'white',
				title: (r: DigitalGroupShare) => `${LABELS.baseline}: ${formatShare(r.baseline)}`
			}),
			Plot.dot(known, {
				y: 'group',
				x: 'shareOfDigitalJobs',
				r: 5,
				fill: COLORS.share,
				title: (r: DigitalGroupShare) =>
					`${groupLabel(r.group)}: ${formatShare(r.shareOfDigitalJobs)} ${TEXT.ofDigitalJobs}`
			}),
			Plot.text(known, {
				y: 'group',
				x: (r: DigitalGroupShare) => Math.max(r.shareOfDigitalJobs ?? 0, r.baseline ?? 0),
				text: (r: DigitalGroupShare) =>
					`${formatShare(r.shareOfDigitalJobs)} ${TEXT.ofDigitalJobs}${narrow ? '\n' : ' '}${TEXT.vsBaseline} ${formatShare(r.baseline)}`,
				textAnchor: 'start',
				dx: 10,
				fill: '#1a1a1a'
			}),
			Plot.text(missing, {
				y: 'group',
				text: () => LABELS['no-data'],
				frameAnchor: 'left',
				textAnchor: 'start',
				dx: 4,
				fill: '#4d4d4d',
				fontStyle: 'italic'
			})
		]
	};
}

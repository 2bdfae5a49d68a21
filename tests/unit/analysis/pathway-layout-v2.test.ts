import { curveBumpX, line } from 'd3';
import { aggMedian } from 'd3-dag';
import { describe, expect, it } from 'vitest';
import {
	layoutPathwaysV2,
	medianPosition,
	wrapLabel,
	type Box,
	type LayoutNodeInputV2,
	type PathwayLayoutV2
} from '../../../src/lib/analysis/pathway-layout-v2';
import type { PathwayLevel } from '../../../src/lib/analysis/pathways';

const n = (
	soc: string,
	level: PathwayLevel | null,
	title = `Occupation ${soc}`,
	employment: number | null = 1000
): LayoutNodeInputV2 => ({
	soc,
	title,
	level,
	employment,
	openings: null
});
const e = (from: string, to: string) => ({ from, to });

const overlap = (a: Box, b: Box) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Crossings counted from the drawing: pairs of links between the same two adjacent columns
 * whose ends come in opposite vertical orders. */
function drawnCrossings(layout: PathwayLayoutV2): number {
	const segs = layout.links
		.filter((l) => l.direction !== 'same')
		.flatMap((l) => {
			const pts = l.direction === 'backward' ? [...l.points].reverse() : l.points;
			const out: { x0: number; y0: number; y1: number }[] = [];
			for (let i = 0; i + 1 < pts.length; i += 2) {
				out.push({ x0: pts[i]![0], y0: pts[i]![1], y1: pts[i + 1]![1] });
			}
			return out;
		});
	let count = 0;
	for (let i = 0; i < segs.length; i++) {
		for (let j = i + 1; j < segs.length; j++) {
			const a = segs[i]!;
			const b = segs[j]!;
			if (a.x0 !== b.x0 || a.y0 === b.y0 || a.y1 === b.y1) continue;
			if (a.y0 < b.y0 !== a.y1 < b.y1) count++;
		}
	}
	return count;
}

function expectReadable(layout: PathwayLayoutV2, charWidth = 0.6) {
	expect(layout.fontSize).toBeGreaterThanOrEqual(12);
	for (const node of layout.nodes) {
		const b = node.box;
		expect(b.x).toBeGreaterThanOrEqual(0);
		expect(b.y).toBeGreaterThanOrEqual(0);
		expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
		expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
		// The circle and every wrapped line fit the box.
		expect(node.y - node.r).toBeGreaterThanOrEqual(b.y - 0.01);
		expect(node.y + node.r).toBeLessThanOrEqual(b.y + b.height + 0.01);
		const lines = node.lines.length;
		expect(
			node.labelY - 0.35 * layout.fontSize - layout.lineHeight / 2 + lines * layout.lineHeight
		).toBeLessThanOrEqual(b.y + b.height + 0.01);
		for (const line of node.lines) {
			expect(node.labelX + line.length * charWidth * layout.fontSize).toBeLessThanOrEqual(
				b.x + b.width + 0.01
			);
		}
		expect(node.lines.join(' ')).toBe(node.title);
	}
	for (let i = 0; i < layout.nodes.length; i++) {
		for (let j = i + 1; j < layout.nodes.length; j++) {
			expect(
				overlap(layout.nodes[i]!.box, layout.nodes[j]!.box),
				`${layout.nodes[i]!.soc} / ${layout.nodes[j]!.soc}`
			).toBe(false);
		}
	}
	for (const link of layout.links) {
		for (const [x, y] of link.points) {
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThanOrEqual(layout.width);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(y).toBeLessThanOrEqual(layout.height);
		}
	}
}

describe('wrapLabel', () => {
	it.each([
		[
			'Computer and Information Systems Managers',
			20,
			['Computer and', 'Information Systems', 'Managers']
		],
		['First-Line Supervisors', 8, ['First-Li', 'ne', 'Supervis', 'ors']],
		['  Web   Developers ', 40, ['Web Developers']],
		['', 10, ['']]
	])('%j at %i', (text, chars, lines) => expect(wrapLabel(text, chars)).toEqual(lines));
});

describe('layoutPathwaysV2: crossings', () => {
	// Code order puts a, b, c against z, y, x: every pair of links crosses (3).
	const graph = {
		nodes: [
			n('a', 'entry'),
			n('b', 'entry'),
			n('c', 'entry'),
			n('x', 'mid'),
			n('y', 'mid'),
			n('z', 'mid')
		],
		edges: [e('a', 'z'), e('b', 'y'), e('c', 'x')]
	};

	it('fewer crossings than the naive code order, counted from the drawing too', () => {
		const layout = layoutPathwaysV2(graph);
		expect(layout.naiveCrossings).toBe(3);
		expect(layout.crossings).toBe(0);
		expect(drawnCrossings(layout)).toBe(0);
		expectReadable(layout);
	});

	it('links across a kept empty column: no lane there, crossings still counted and reduced', () => {
		const across = {
			nodes: graph.nodes.map((x) => (x.level === 'mid' ? { ...x, level: 'advanced' as const } : x)),
			edges: graph.edges
		};
		const layout = layoutPathwaysV2(across, { keepEmptyColumns: true });
		expect(layout.columns.map((c) => c.level)).toEqual(['feeder', 'entry', 'mid', 'advanced']);
		expect(layout.naiveCrossings).toBe(3);
		expect(layout.crossings).toBe(0);
		expect(drawnCrossings(layout)).toBe(0);
		for (const link of layout.links) expect(link.points).toHaveLength(2);
		expectReadable(layout);
	});

	it('a long link passes a lane in each column between, clear of every box', () => {
		const layout = layoutPathwaysV2({
			nodes: [
				n('f1', 'feeder'),
				n('e1', 'entry'),
				n('e2', 'entry'),
				n('m1', 'mid'),
				n('v1', 'advanced')
			],
			edges: [e('f1', 'e1'), e('f1', 'v1'), e('e1', 'm1'), e('e2', 'm1'), e('m1', 'v1')]
		});
		const long = layout.links.find((l) => l.from === 'f1' && l.to === 'v1')!;
		expect(long.direction).toBe('forward');
		expect(long.points).toHaveLength(2 + 2 * 2);
		for (const [x, y] of long.points.slice(1, -1)) {
			for (const node of layout.nodes) {
				const b = node.box;
				const inside = x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height;
				expect(inside, `lane point ${x},${y} inside ${node.soc}`).toBe(false);
			}
		}
		expect(long.path.startsWith(`M${long.points[0]![0]},${long.points[0]![1]}`)).toBe(true);
		expectReadable(layout);
	});
});

describe('layoutPathwaysV2: columns and canvas', () => {
	it('drops empty columns and uses the whole width', () => {
		const layout = layoutPathwaysV2(
			{ nodes: [n('e1', 'entry'), n('a1', 'advanced')], edges: [e('e1', 'a1')] },
			{ width: 800 }
		);
		expect(layout.columns.map((c) => c.level)).toEqual(['entry', 'advanced']);
		expect(layout.width).toBe(800);
		const last = layout.columns.at(-1)!;
		expect(last.x + last.width).toBe(800 - 16);
		expect(
			layoutPathwaysV2(
				{ nodes: [n('e1', 'entry')], edges: [] },
				{ keepEmptyColumns: true }
			).columns.map((c) => c.level)
		).toEqual(['feeder', 'entry', 'mid', 'advanced']);
	});

	it('full titles, wrapped, on a crowded map with links within and against the columns', () => {
		const titles = [
			'First-Line Supervisors of Office and Administrative Support Workers',
			'Computer User Support Specialists',
			'Network and Computer Systems Administrators',
			'Information Security Analysts',
			'Computer and Information Systems Managers',
			'Software Developers',
			'Customer Service Representatives',
			'Level unknown occupation with a long title'
		];
		const levels: (PathwayLevel | null)[] = [
			'feeder',
			'entry',
			'mid',
			'mid',
			'advanced',
			'mid',
			'feeder',
			null
		];
		const nodes = titles.map((t, i) => n(`n${i}`, levels[i]!, t, i * 10000));
		const edges = [
			e('n6', 'n1'),
			e('n1', 'n2'),
			e('n2', 'n3'),
			e('n3', 'n4'),
			e('n4', 'n1'),
			e('n0', 'n7'),
			e('n6', 'n5'),
			e('n2', 'n5')
		];
		for (const width of [375, 960, 1400]) {
			const layout = layoutPathwaysV2({ nodes, edges }, { width });
			expect(layout.width).toBeGreaterThanOrEqual(width);
			expectReadable(layout);
			expect(layout.links.find((l) => l.from === 'n4')!.direction).toBe('backward');
			expect(layout.links.find((l) => l.from === 'n2' && l.to === 'n3')!.direction).toBe('same');
			expect(Math.max(...layout.nodes.map((x) => x.lines.length))).toBeGreaterThan(1);
		}
	});

	it('the same drawing for any input order; a repeated node throws', () => {
		const nodes = [n('a', 'entry'), n('b', 'mid'), n('c', 'mid')];
		const edges = [e('a', 'b'), e('a', 'c'), e('a', 'c')];
		const one = layoutPathwaysV2({ nodes, edges });
		const two = layoutPathwaysV2({ nodes: [...nodes].reverse(), edges: [...edges].reverse() });
		expect(two).toEqual(one);
		expect(one.links).toHaveLength(2);
		expect(() => layoutPathwaysV2({ nodes: [...nodes, n('a', 'mid')], edges })).toThrow(
			'node a appears twice'
		);
	});

	it('radius by the square root of the size; unknown size → smallest', () => {
		const layout = layoutPathwaysV2({
			nodes: [
				n('a', 'entry', 'A', 0),
				n('b', 'entry', 'B', 2500),
				n('c', 'entry', 'C', 10000),
				n('d', 'entry', 'D', null)
			],
			edges: []
		});
		const r = Object.fromEntries(layout.nodes.map((x) => [x.soc, x.r]));
		expect(r).toEqual({ a: 4, b: 9, c: 14, d: 4 });
		expect(layout.nodes.find((x) => x.soc === 'd')!.sizeKnown).toBe(false);
	});
});

describe('medianPosition', () => {
	it.each([
		[[]],
		[[4]],
		[[3, 1]],
		[[5, 0, 2]],
		[[7, 1, 4, 2]],
		[[2, 2, 9, 0, 1, 8]],
		[[1.5, 0.25, 3]]
	])('orders layers as d3-dag aggMedian does: %j', (positions) => {
		expect(medianPosition(positions)).toBe(aggMedian(positions));
		// Any iterable, read once (d3-dag hands over a generator).
		expect(medianPosition(positions.values())).toBe(aggMedian(positions));
	});
});

describe('link paths', () => {
	const d3Bump = line<[number, number]>().curve(curveBumpX);
	it('links are d3 curveBumpX through their points; loops are d3-path curves', () => {
		const nodes = ['feeder', 'entry', 'mid', 'advanced', null].flatMap((level, c) =>
			[0, 1, 2].map((i) => n(`${c}${i}`, level as PathwayLevel | null, `T ${c}${i}`, i * 777))
		);
		const edges = nodes.flatMap((a, i) =>
			nodes.filter((_, j) => (i * 7 + j) % 5 === 0).map((b) => e(a.soc, b.soc))
		);
		const layout = layoutPathwaysV2({ nodes, edges }, { width: 777 });
		const crossing = layout.links.filter((l) => l.direction !== 'same');
		expect(crossing.some((l) => l.points.length > 2)).toBe(true);
		for (const link of crossing) expect(link.path).toBe(d3Bump(link.points));
		const loops = layout.links.filter((l) => l.direction === 'same');
		expect(loops.length).toBeGreaterThan(0);
		for (const link of loops) expect(link.path).toMatch(/^M[\d.]+,[\d.]+C/);
	});
});

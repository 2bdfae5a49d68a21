/**
 * Pathway map layout, second version: fixed columns by level (feeder → entry → mid → advanced),
 * order within columns from d3-dag's layered (Sugiyama) crossing reduction, full titles wrapped
 * to lines beside each circle, every box inside the canvas, and links drawn with d3-shape.
 *
 * PURE and deterministic: no randomness, no clock, no DOM (text width is estimated from the font
 * size, so the server and the browser lay out the same map); the input order of nodes and edges
 * does not matter.
 */
import { curveBumpX, line, path, scaleSqrt } from 'd3';
import {
	graph as dagGraph,
	sugifyLayer,
	twolayerAgg,
	type MutGraphNode,
	type SugiNode
} from 'd3-dag';
import { PATHWAY_LEVELS, type PathwayLevel } from './pathways';

export type ColumnKey = PathwayLevel | 'unknown';

export interface LayoutNodeInputV2 {
	soc: string;
	title: string;
	level: PathwayLevel | null;
	employment: number | null;
	openings: number | null;
}

export interface LayoutEdgeInputV2 {
	from: string;
	to: string;
}

export interface LayoutOptionsV2 {
	/** Canvas width in px; default 960. The map grows wider only when a column would be too
	 * narrow for 10 characters or for the longest word of a title. */
	width?: number;
	/** Label font size in px; default 13, never below 12. */
	fontSize?: number;
	/** Line height as a multiple of the font size; default 1.3. */
	lineHeight?: number;
	/** Assumed mean glyph width as a share of the font size; default 0.6 (wide enough for
	 * system sans-serif fonts, so an estimated line is never shorter than the drawn one). */
	charWidth?: number;
	/** Size measure for the radius; default `employment`. */
	sizeBy?: 'employment' | 'openings';
	/** Radius for a zero or unknown size and for the largest size; default [4, 14]. */
	radius?: [number, number];
	/** Space around the drawing; default 16. */
	margin?: number;
	/** Space above the first node for the column headings; default 32. */
	header?: number;
	/** Horizontal space between one column's labels and the next column; default 56. */
	gutter?: number;
	/** Vertical space between two nodes' boxes; default 10. */
	nodeGap?: number;
	/** Vertical space a link crossing a column takes there; default 6. */
	laneGap?: number;
	/** Crossing-reduction passes (each down then up); default 8. */
	passes?: number;
	/** Keep columns that hold no occupation; default false (the canvas goes to the others). */
	keepEmptyColumns?: boolean;
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface LayoutNodeV2 {
	soc: string;
	title: string;
	level: ColumnKey;
	/** Circle centre and radius. */
	x: number;
	y: number;
	r: number;
	sizeKnown: boolean;
	/** The title wrapped to lines (every word kept; a word longer than a line is split). */
	lines: string[];
	/** Where the label's first baseline starts (text-anchor start). */
	labelX: number;
	labelY: number;
	/** Circle and label together: nothing of the node is drawn outside it. */
	box: Box;
}

export interface LayoutLinkV2 {
	from: string;
	to: string;
	/** forward = to a later column, backward = to an earlier one, same = within a column. */
	direction: 'forward' | 'backward' | 'same';
	/** The points the link passes: its ends and two per column it crosses. */
	points: [number, number][];
	/** SVG path through `points` (d3 `curveBumpX`: horizontal at every point). */
	path: string;
}

export interface LayoutColumnV2 {
	level: ColumnKey;
	/** Left edge and width of the column (circles and labels). */
	x: number;
	width: number;
	label: string;
}

export interface PathwayLayoutV2 {
	width: number;
	height: number;
	fontSize: number;
	lineHeight: number;
	nodes: LayoutNodeV2[];
	links: LayoutLinkV2[];
	columns: LayoutColumnV2[];
	/** Crossings between adjacent columns after ordering, and with occupations in code order. */
	crossings: number;
	naiveCrossings: number;
}

const COLUMN_LABELS: Record<ColumnKey, string> = {
	feeder: 'Feeder',
	entry: 'Entry',
	mid: 'Mid-level',
	advanced: 'Advanced',
	unknown: 'Level not known'
};

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round = (v: number) => Math.round(v * 100) / 100 + 0;

/**
 * Greedy word wrap to at most `maxChars` characters a line; a word longer than a line is cut
 * into pieces of `maxChars`. Runs of spaces collapse. Empty text → one empty line.
 */
export function wrapLabel(text: string, maxChars: number): string[] {
	const width = Math.max(1, Math.floor(maxChars));
	const lines: string[] = [];
	let current = '';
	for (const word of text.trim().split(/\s+/)) {
		let w = word;
		while (w.length > width) {
			if (current !== '') {
				lines.push(current);
				current = '';
			}
			lines.push(w.slice(0, width));
			w = w.slice(width);
		}
		if (current === '') current = w;
		else if (current.length + 1 + w.length <= width) current += ` ${w}`;
		else {
			lines.push(current);
			current = w;
		}
	}
	if (current !== '' || lines.length === 0) lines.push(current);
	return lines;
}

/**
 * The median of a node's neighbour positions, for d3-dag's two-layer ordering: the value d3-dag's
 * `aggMedian` gives (d3-array's 0.5 quantile: the middle one, or the point halfway between the
 * two middle ones), without its three passes over generators and its typed-array copy. The sweeps
 * call it for every node of every layer in every pass, which made it most of the layout's time on
 * the whole O*NET graph (docs/PERFORMANCE.md § Pathways).
 */
export function medianPosition(positions: Iterable<number>): number | undefined {
	const v: number[] = [];
	for (const p of positions) if (!Number.isNaN(p)) v.push(p);
	const n = v.length;
	if (n < 2) return v[0];
	v.sort((a, b) => a - b);
	const at = (n - 1) / 2;
	const i = Math.floor(at);
	return v[i]! + (v[i + 1]! - v[i]!) * (at - i);
}

/**
 * One entry of a column in the crossing reduction: an occupation, or the lane of a link crossing
 * the column. d3-dag's two-layer ordering reads a node's neighbours only through `children()`
 * and `parents()`; answering those from arrays built once spares it d3-dag's chain of generators
 * for every neighbour of every node in every sweep, which was about a third of the layout's time
 * on the whole O*NET graph. The layers handed to it are arrays of these.
 */
class LayerItem {
	/** Neighbours in the next and in the previous column. */
	readonly below: LayerItem[] = [];
	readonly above: LayerItem[] = [];
	constructor(
		/** A real occupation, or null for a lane of a link crossing this column. */
		readonly soc: string | null,
		readonly key: string,
		readonly sugi: SugiNode<string, undefined>
	) {}
	children(): readonly LayerItem[] {
		return this.below;
	}
	parents(): readonly LayerItem[] {
		return this.above;
	}
}

/**
 * Crossings between two ordered layers: inversions among the link ends, counted with a Fenwick
 * tree (O(links · log n)).
 */
function layerCrossings(top: readonly LayerItem[], bottom: readonly LayerItem[]): number {
	const pos = new Map(bottom.map((item, i) => [item, i]));
	const pairs: number[] = [];
	top.forEach((item, i) => {
		for (const child of item.below) pairs.push(i * bottom.length + pos.get(child)!);
	});
	pairs.sort((a, b) => a - b);
	const tree = new Int32Array(bottom.length + 1);
	let count = 0;
	pairs.forEach((pair, seen) => {
		const j = pair % bottom.length;
		// Links already seen (from higher up, or the same node) that end below j cross this one.
		let atMost = 0;
		for (let k = j + 1; k > 0; k -= k & -k) atMost += tree[k]!;
		count += seen - atMost;
		for (let k = j + 1; k <= bottom.length; k += k & -k) tree[k]!++;
	});
	return count;
}

const totalCrossings = (layers: readonly LayerItem[][]) =>
	layers.slice(1).reduce((s, layer, i) => s + layerCrossings(layers[i]!, layer), 0);

/**
 * Lays out a pathway map. Columns: the levels present, left to right (all four plus "Level not
 * known" with `keepEmptyColumns`; "Level not known" only when a node lacks a level), sharing
 * the canvas width. Order within a column: start in code order (links crossing the column by
 * their ends' codes), then up to `passes` of d3-dag's median two-layer heuristic down and up,
 * stopping after a pass that removes under 1% of the crossings left; the order with the fewest
 * crossings seen is kept. Each node's box holds its circle and its
 * wrapped title; boxes in a column are stacked with `nodeGap` between them and `laneGap` for
 * each link crossing the column, so no two boxes overlap, and every column is centred in the
 * height of the tallest.
 *
 * Links leave a node at the right end of its column and enter at the left of the circle (a
 * backward link the other way round); a link crossing columns passes through its lane in each;
 * a link within a column loops in the gutter to its right. Edges naming an unknown node and
 * self-loops are left out; parallel edges are drawn once. Throws when a soc appears twice.
 */
export function layoutPathwaysV2(
	input: { nodes: readonly LayoutNodeInputV2[]; edges: readonly LayoutEdgeInputV2[] },
	options: LayoutOptionsV2 = {}
): PathwayLayoutV2 {
	const fontSize = Math.max(12, options.fontSize ?? 13);
	const lineHeight = round(fontSize * (options.lineHeight ?? 1.3));
	const charPx = fontSize * (options.charWidth ?? 0.6);
	const [rMin, rMax] = options.radius ?? [4, 14];
	const margin = options.margin ?? 16;
	const header = options.header ?? 32;
	const gutter = options.gutter ?? 56;
	const nodeGap = options.nodeGap ?? 10;
	const laneGap = options.laneGap ?? 6;
	const passes = options.passes ?? 8;
	const sizeBy = options.sizeBy ?? 'employment';

	const nodes = [...input.nodes].sort((a, b) => byCode(a.soc, b.soc));
	const bySoc = new Map<string, LayoutNodeInputV2>();
	const rank = new Map<string, number>();
	for (const n of nodes) {
		if (bySoc.has(n.soc)) throw new Error(`pathway layout: node ${n.soc} appears twice`);
		rank.set(n.soc, bySoc.size);
		bySoc.set(n.soc, n);
	}
	// Edges in (from, to) code order, each pair once; keyed by the ends' ranks so sorting and
	// de-duplicating compare numbers, not strings (thousands of edges on the whole graph).
	const keyed = new Map<number, LayoutEdgeInputV2>();
	for (const e of input.edges) {
		const a = rank.get(e.from);
		const b = rank.get(e.to);
		if (a === undefined || b === undefined || a === b) continue;
		const k = a * nodes.length + b;
		if (!keyed.has(k)) keyed.set(k, { from: e.from, to: e.to });
	}
	const edges = [...keyed].sort((x, y) => x[0] - y[0]).map(([, e]) => e);

	// Columns.
	const all: ColumnKey[] = [...PATHWAY_LEVELS, 'unknown'];
	const present = new Set<ColumnKey>(nodes.map((n) => n.level ?? 'unknown'));
	const keys = all.filter(
		(k) => present.has(k) || (options.keepEmptyColumns === true && k !== 'unknown')
	);
	const colOf = new Map(nodes.map((n) => [n.soc, keys.indexOf(n.level ?? 'unknown')]));

	// d3-dag graph with every link pointing to the later column (the drawing's direction does
	// not matter for crossings); links within a column stay out of it (sugify refuses them).
	// d3-dag wants every layer used: layers are the non-empty columns, in order.
	const used = [...new Set(colOf.values())].sort((a, b) => a - b);
	const dag = dagGraph<string, undefined>();
	const dagNode = new Map<string, MutGraphNode<string, undefined>>();
	for (const n of nodes) {
		const node = dag.node(n.soc);
		node.y = used.indexOf(colOf.get(n.soc)!);
		dagNode.set(n.soc, node);
	}
	const linked = new Set<string>();
	for (const e of edges) {
		const a = colOf.get(e.from)!;
		const b = colOf.get(e.to)!;
		if (a === b) continue;
		const [lo, hi] = a < b ? [e.from, e.to] : [e.to, e.from];
		const k = `${lo}>${hi}`;
		if (linked.has(k)) continue;
		linked.add(k);
		dag.link(dagNode.get(lo)!, dagNode.get(hi)!, undefined);
	}
	const [sugiLayers] =
		nodes.length === 0
			? [[] as SugiNode<string, undefined>[][]]
			: sugifyLayer(dag, () => 1, 1, used.length, { name: 'pathway levels' });

	const itemOf = (s: SugiNode<string, undefined>): LayerItem => {
		const d = s.data;
		if (d.role === 'node') return new LayerItem(d.node.data, `0 ${d.node.data}`, s);
		return new LayerItem(null, `1 ${d.link.source.data}>${d.link.target.data}`, s);
	};
	const layers: LayerItem[][] = keys.map((_, c) =>
		(sugiLayers[used.indexOf(c)] ?? []).map(itemOf).sort((a, b) => byCode(a.key, b.key))
	);
	const itemBySugi = new Map(layers.flat().map((x) => [x.sugi, x]));
	for (const item of itemBySugi.values()) {
		for (const c of item.sugi.children()) {
			const child = itemBySugi.get(c)!;
			item.below.push(child);
			child.above.push(item);
		}
	}

	// Crossing reduction: d3-dag's median heuristic reorders the layers in place (see LayerItem
	// for why they are ours and not d3-dag's own nodes).
	const naiveCrossings = totalCrossings(layers);
	let best = layers.map((l) => [...l]);
	let bestCrossings = naiveCrossings;
	const order = twolayerAgg().aggregator(medianPosition);
	const sweep = (a: LayerItem[], b: LayerItem[], down: boolean) =>
		order(
			a as unknown as SugiNode<string, undefined>[],
			b as unknown as SugiNode<string, undefined>[],
			down
		);
	for (let p = 0; p < passes && bestCrossings > 0; p++) {
		for (let c = 1; c < layers.length; c++) sweep(layers[c - 1]!, layers[c]!, true);
		for (let c = layers.length - 2; c >= 0; c--) sweep(layers[c]!, layers[c + 1]!, false);
		const crossings = totalCrossings(layers);
		const gain = bestCrossings - crossings;
		if (gain > 0) {
			bestCrossings = crossings;
			best = layers.map((l) => [...l]);
		}
		// Converged: a pass that removes under 1% of the crossings left is the last.
		if (gain < 0.01 * (crossings + gain)) break;
	}

	// Columns across the canvas.
	// Wide enough for 10 characters and for the longest word of any title (at most 30), so
	// wrapping never has to cut a word.
	const longestWord = nodes.reduce(
		(m, n) => Math.max(m, ...n.title.split(/\s+/).map((w) => Math.min(30, w.length))),
		10
	);
	const minColumn = 2 * rMax + 6 + longestWord * charPx;
	const loops = new Set(
		edges.filter((e) => colOf.get(e.from) === colOf.get(e.to)).map((e) => colOf.get(e.from)!)
	);
	const trailing = loops.has(keys.length - 1) ? gutter : 0;
	const k = keys.length;
	const columnWidth = Math.max(
		minColumn,
		((options.width ?? 960) - 2 * margin - (k - 1) * gutter - trailing) / Math.max(1, k)
	);
	const width = round(2 * margin + k * columnWidth + (k - 1) * gutter + trailing);
	const columnX = keys.map((_, c) => round(margin + c * (columnWidth + gutter)));
	const labelOffset = 2 * rMax + 6;
	const maxChars = Math.floor((columnWidth - labelOffset) / charPx);

	const largest = nodes.reduce((m, n) => Math.max(m, sizeOf(n, sizeBy) ?? 0), 0);
	const radius = scaleSqrt()
		.domain([0, largest || 1])
		.range([rMin, rMax]);

	// Stack each column: node boxes and link lanes.
	interface Placed {
		soc: string | null;
		top: number;
		height: number;
		cy: number;
	}
	const stacks = best.map((layer) => {
		let y = 0;
		const placed: Placed[] = [];
		layer.forEach((item, i) => {
			if (i > 0) y += item.soc !== null && layer[i - 1]!.soc !== null ? nodeGap : laneGap;
			if (item.soc === null) {
				placed.push({ soc: null, top: y, height: 0, cy: y });
				return;
			}
			const n = bySoc.get(item.soc)!;
			const r = radius(sizeOf(n, sizeBy) ?? 0);
			const lines = wrapLabel(n.title, maxChars).length;
			const cy = y + Math.max(r, lineHeight / 2);
			const bottom = Math.max(cy + r, cy - lineHeight / 2 + lines * lineHeight);
			placed.push({ soc: item.soc, top: y, height: bottom - y, cy });
			y = bottom;
		});
		return { placed, extent: y };
	});
	const tallest = Math.max(lineHeight, ...stacks.map((s) => s.extent));
	const height = round(2 * margin + header + tallest);

	const laidOut = new Map<string, LayoutNodeV2>();
	const laneY = new Map<SugiNode<string, undefined>, number>();
	stacks.forEach((stack, c) => {
		const y0 = margin + header + (tallest - stack.extent) / 2;
		stack.placed.forEach((p, i) => {
			const item = best[c]![i]!;
			if (p.soc === null) {
				laneY.set(item.sugi, round(y0 + p.cy));
				return;
			}
			const n = bySoc.get(p.soc)!;
			const size = sizeOf(n, sizeBy);
			const r = round(radius(size ?? 0));
			const cx = round(columnX[c]! + rMax);
			const cy = round(y0 + p.cy);
			const lines = wrapLabel(n.title, maxChars);
			laidOut.set(p.soc, {
				soc: p.soc,
				title: n.title,
				level: keys[c]!,
				x: cx,
				y: cy,
				r,
				sizeKnown: size !== null,
				lines,
				labelX: round(columnX[c]! + labelOffset),
				labelY: round(cy + 0.35 * fontSize),
				box: {
					x: columnX[c]!,
					y: round(y0 + p.top),
					width: round(columnWidth),
					height: round(p.height)
				}
			});
		});
	});

	// Links.
	const curve = line<[number, number]>().curve(curveBumpX);
	const right = (c: number) => round(columnX[c]! + columnWidth);
	// The lanes of each link crossing columns, in column order (layers are walked left to right).
	const lanes = new Map<string, [column: number, y: number][]>();
	best.forEach((layer, c) => {
		for (const item of layer) {
			const d = item.sugi.data;
			if (d.role !== 'link') continue;
			const k = `${d.link.source.data}>${d.link.target.data}`;
			const lane: [number, number] = [c, laneY.get(item.sugi)!];
			const list = lanes.get(k);
			if (list) list.push(lane);
			else lanes.set(k, [lane]);
		}
	});
	const links: LayoutLinkV2[] = edges.map((e) => {
		const a = laidOut.get(e.from)!;
		const b = laidOut.get(e.to)!;
		const ca = colOf.get(e.from)!;
		const cb = colOf.get(e.to)!;
		if (ca === cb) {
			// Within a column: a loop out into the gutter to its right and back.
			const x = right(ca);
			const bulge = round(Math.min(gutter * 0.8, 12 + Math.abs(b.y - a.y) / 4));
			const loop = path();
			loop.moveTo(x, a.y);
			loop.bezierCurveTo(x + bulge, a.y, x + bulge, b.y, x, b.y);
			const points: [number, number][] = [
				[x, a.y],
				[x, b.y]
			];
			return { from: e.from, to: e.to, direction: 'same' as const, points, path: loop.toString() };
		}
		const [lo, hi] = ca < cb ? [e.from, e.to] : [e.to, e.from];
		const clo = Math.min(ca, cb);
		const nLo = laidOut.get(lo)!;
		const nHi = laidOut.get(hi)!;
		const points: [number, number][] = [[right(clo), nLo.y]];
		for (const [c, y] of lanes.get(`${lo}>${hi}`) ?? [])
			points.push([columnX[c]!, y], [right(c), y]);
		points.push([round(nHi.x - nHi.r), nHi.y]);
		const direction = ca < cb ? ('forward' as const) : ('backward' as const);
		if (direction === 'backward') points.reverse();
		return { from: e.from, to: e.to, direction, points, path: curve(points) ?? '' };
	});

	return {
		width,
		height,
		fontSize,
		lineHeight,
		nodes: [...laidOut.values()].sort((x, y) => byCode(x.soc, y.soc)),
		links,
		columns: keys.map((level, c) => ({
			level,
			x: columnX[c]!,
			width: round(columnWidth),
			label: COLUMN_LABELS[level]
		})),
		crossings: bestCrossings,
		naiveCrossings
	};
}

function sizeOf(n: LayoutNodeInputV2, sizeBy: 'employment' | 'openings'): number | null {
	const v = sizeBy === 'employment' ? n.employment : n.openings;
	return v === null || !Number.isFinite(v) || v < 0 ? null : v;
}

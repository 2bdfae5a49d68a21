/**
 * Pathway map layout, second version: fixed columns by level (feeder → entry → mid → advanced),
 * order within columns from d3-dag's layered (Sugiyama) crossing reduction, full titles wrapped
 * to lines beside each circle, every box inside the canvas, and links drawn with d3-shape's
 * `curveBumpX` (loops with d3-path).
 *
 * PURE and deterministic: no randomness, no clock, no DOM (text width is estimated from the font
 * size, so the server and the browser lay out the same map); the input order of nodes and edges
 * does not matter.
 */
import { curveBumpX, line, path, scaleSqrt } from 'd3';
import { twolayerAgg, type SugiNode } from 'd3-dag';
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
	const v = scratch;
	let n = 0;
	for (const p of positions) if (!Number.isNaN(p)) v[n++] = p;
	if (n < 2) return n === 0 ? undefined : v[0];
	// Insertion sort of the n values read (most nodes have a few neighbours); the median does not
	// depend on how they are sorted.
	for (let i = 1; i < n; i++) {
		const x = v[i]!;
		let j = i - 1;
		for (; j >= 0 && v[j]! > x; j--) v[j + 1] = v[j]!;
		v[j + 1] = x;
	}
	const at = (n - 1) / 2;
	const i = Math.floor(at);
	return v[i]! + (v[i + 1]! - v[i]!) * (at - i);
}

/** Reused by every `medianPosition` call, which the sweeps make for every node of every pass. */
const scratch: number[] = [];

/**
 * One entry of a column in the crossing reduction: an occupation, or the lane of a link crossing
 * the column. d3-dag's two-layer ordering reads a node's neighbours only through `children()`
 * and `parents()`; answering those from arrays built once spares it d3-dag's chain of generators
 * for every neighbour of every node in every sweep, which was about a third of the layout's time
 * on the whole O*NET graph. The layers handed to it are arrays of these, built here directly
 * rather than through d3-dag's graph and `sugifyLayer` (docs/PERFORMANCE.md § Pathways): the
 * columns are fixed by level, so the only thing sugify added was a lane in each column a link
 * crosses, and building its graph cost more than a third of the whole layout.
 */
class LayerItem {
	/** Neighbours in the next and in the previous column. */
	readonly below: LayerItem[] = [];
	readonly above: LayerItem[] = [];
	/** Index in its column, refreshed before crossings are counted. */
	pos = 0;
	/** A lane's y once the column is stacked. */
	y = 0;
	constructor(
		/** The occupation's index in code order, or -1 for a lane of a link crossing the column. */
		readonly node: number,
		/** A lane's initial order within its column: by its link's codes (empty for a node). */
		readonly key: string,
		readonly column: number
	) {}
	children(): readonly LayerItem[] {
		return this.below;
	}
	parents(): readonly LayerItem[] {
		return this.above;
	}
}

/** Whether the ascending `sorted` holds `value` (binary search). */
function sortedIncludes(sorted: Float64Array, value: number): boolean {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! < value) lo = mid + 1;
		else hi = mid;
	}
	return lo < sorted.length && sorted[lo] === value;
}

const linkItems = (above: LayerItem, below: LayerItem) => {
	above.below.push(below);
	below.above.push(above);
};

/**
 * Crossings between two adjacent ordered layers: inversions among the link ends, counted with a
 * Fenwick tree (O(links · log n)). The top layer is walked in order and each node's links are
 * all looked up before any is added, so links sharing an end never count and nothing is sorted.
 */
function layerCrossings(top: readonly LayerItem[], bottom: readonly LayerItem[]): number {
	const size = bottom.length;
	for (let i = 0; i < size; i++) bottom[i]!.pos = i;
	const tree = new Int32Array(size + 1);
	let seen = 0;
	let count = 0;
	for (const item of top) {
		for (const child of item.below) {
			// Links seen from higher up that end below this one's end cross it.
			let atMost = 0;
			for (let k = child.pos + 1; k > 0; k -= k & -k) atMost += tree[k]!;
			count += seen - atMost;
		}
		for (const child of item.below) {
			for (let k = child.pos + 1; k <= size; k += k & -k) tree[k]!++;
		}
		seen += item.below.length;
	}
	return count;
}

function totalCrossings(layers: readonly LayerItem[][]): number {
	let sum = 0;
	for (let i = 1; i < layers.length; i++) sum += layerCrossings(layers[i - 1]!, layers[i]!);
	return sum;
}

/**
 * A string built by appending (d3-path builds its path that way) is kept by V8 as a tree of its
 * pieces until something reads a character of it; reading one flattens it into one string. On
 * the whole O*NET graph the links' trees held 8.8 MB where the flat strings hold 3.6 MB, and the
 * garbage collector copies what is held.
 */
function flat(text: string): string {
	text.charCodeAt(0);
	return text;
}

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

	// Nodes in code order; from here on a node is its index in that order.
	const nodes = [...input.nodes].sort((a, b) => byCode(a.soc, b.soc));
	const count = nodes.length;
	const rank = new Map<string, number>();
	for (const n of nodes) {
		if (rank.has(n.soc)) throw new Error(`pathway layout: node ${n.soc} appears twice`);
		rank.set(n.soc, rank.size);
	}
	// Edges in (from, to) code order, each pair once, as the number from · count + to, so
	// sorting and de-duplicating compare numbers, not strings (12,300 edges on the whole graph).
	const keyed: number[] = [];
	for (const e of input.edges) {
		const a = rank.get(e.from);
		const b = rank.get(e.to);
		if (a === undefined || b === undefined || a === b) continue;
		keyed.push(a * count + b);
	}
	const sortedKeys = Float64Array.from(keyed).sort();
	const edgeFrom: number[] = [];
	const edgeTo: number[] = [];
	for (let i = 0; i < sortedKeys.length; i++) {
		const k = sortedKeys[i]!;
		if (i > 0 && k === sortedKeys[i - 1]) continue;
		const from = Math.floor(k / count);
		edgeFrom.push(from);
		edgeTo.push(k - from * count);
	}

	// Columns.
	const all: ColumnKey[] = [...PATHWAY_LEVELS, 'unknown'];
	const present = new Set<ColumnKey>(nodes.map((n) => n.level ?? 'unknown'));
	const keys = all.filter(
		(k) => present.has(k) || (options.keepEmptyColumns === true && k !== 'unknown')
	);
	const colOf = nodes.map((n) => keys.indexOf(n.level ?? 'unknown'));

	// The layered graph: one entry per occupation in its column, and a lane in every non-empty
	// column a link crosses, every link pointing to the later column (the drawing's direction
	// does not matter for crossings); links within a column stay out of it. Lanes are made
	// column by column, so each link's list of lanes is in column order.
	const layers: LayerItem[][] = keys.map(() => []);
	const items = nodes.map((_, i) => {
		const item = new LayerItem(i, '', colOf[i]!);
		layers[colOf[i]!]!.push(item);
		return item;
	});
	// An empty column (kept with keepEmptyColumns) takes no lanes.
	const occupied = keys.map((_, c) => colOf.includes(c));
	// The lanes of each link crossing a column, by lo · count + hi (most links cross none).
	const lanesOf = new Map<number, LayerItem[]>();
	for (let i = 0; i < edgeFrom.length; i++) {
		const from = edgeFrom[i]!;
		const to = edgeTo[i]!;
		const a = colOf[from]!;
		const b = colOf[to]!;
		if (a === b) continue;
		// Two occupations linked both ways are one link here, made by the edge met first.
		const reverse = to * count + from;
		if (reverse < from * count + to && sortedIncludes(sortedKeys, reverse)) continue;
		const lo = a < b ? from : to;
		const hi = a < b ? to : from;
		let last = items[lo]!;
		for (let c = Math.min(a, b) + 1; c < Math.max(a, b); c++) {
			if (!occupied[c]) continue;
			const lane = new LayerItem(-1, `1 ${nodes[lo]!.soc}>${nodes[hi]!.soc}`, c);
			layers[c]!.push(lane);
			const lanes = lanesOf.get(lo * count + hi);
			if (lanes) lanes.push(lane);
			else lanesOf.set(lo * count + hi, [lane]);
			linkItems(last, lane);
			last = lane;
		}
		linkItems(last, items[hi]!);
	}
	// Start in code order: the occupations were added in it, and come before the lanes.
	for (const layer of layers) {
		const first = layer.findIndex((item) => item.node < 0);
		if (first < 0) continue;
		const lanes = layer.splice(first).sort((x, y) => byCode(x.key, y.key));
		for (const lane of lanes) layer.push(lane);
	}

	// Crossing reduction: d3-dag's median heuristic reorders the layers in place (see LayerItem
	// for why they are ours and not d3-dag's own nodes). Only non-empty columns take part, as in
	// d3-dag's layered graph: a link across an empty column goes straight to the next one.
	const used = layers.filter((l) => l.length > 0);
	const naiveCrossings = totalCrossings(used);
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
		for (let c = 1; c < used.length; c++) sweep(used[c - 1]!, used[c]!, true);
		for (let c = used.length - 2; c >= 0; c--) sweep(used[c]!, used[c + 1]!, false);
		const crossings = totalCrossings(used);
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
	let trailing = 0;
	for (let i = 0; i < edgeFrom.length; i++) {
		const c = colOf[edgeFrom[i]!]!;
		if (c === keys.length - 1 && colOf[edgeTo[i]!] === c) trailing = gutter;
	}
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
		item: LayerItem;
		top: number;
		height: number;
		cy: number;
		r: number;
		lines: string[];
	}
	const stacks = best.map((layer) => {
		let y = 0;
		const placed: Placed[] = [];
		layer.forEach((item, i) => {
			if (i > 0) y += item.node >= 0 && layer[i - 1]!.node >= 0 ? nodeGap : laneGap;
			if (item.node < 0) {
				placed.push({ item, top: y, height: 0, cy: y, r: 0, lines: [] });
				return;
			}
			const n = nodes[item.node]!;
			const r = radius(sizeOf(n, sizeBy) ?? 0);
			const lines = wrapLabel(n.title, maxChars);
			const cy = y + Math.max(r, lineHeight / 2);
			const bottom = Math.max(cy + r, cy - lineHeight / 2 + lines.length * lineHeight);
			placed.push({ item, top: y, height: bottom - y, cy, r, lines });
			y = bottom;
		});
		return { placed, extent: y };
	});
	const tallest = Math.max(lineHeight, ...stacks.map((s) => s.extent));
	const height = round(2 * margin + header + tallest);

	const laidOut: LayoutNodeV2[] = new Array(count);
	stacks.forEach((stack, c) => {
		const y0 = margin + header + (tallest - stack.extent) / 2;
		for (const p of stack.placed) {
			if (p.item.node < 0) {
				p.item.y = round(y0 + p.cy);
				continue;
			}
			const n = nodes[p.item.node]!;
			const cy = round(y0 + p.cy);
			laidOut[p.item.node] = {
				soc: n.soc,
				title: n.title,
				level: keys[c]!,
				x: round(columnX[c]! + rMax),
				y: cy,
				r: round(p.r),
				sizeKnown: sizeOf(n, sizeBy) !== null,
				lines: p.lines,
				labelX: round(columnX[c]! + labelOffset),
				labelY: round(cy + 0.35 * fontSize),
				box: {
					x: columnX[c]!,
					y: round(y0 + p.top),
					width: round(columnWidth),
					height: round(p.height)
				}
			};
		}
	});

	// Links.
	const right = keys.map((_, c) => round(columnX[c]! + columnWidth));
	const bump = line<[number, number]>().curve(curveBumpX);
	const links: LayoutLinkV2[] = edgeFrom.map((from, i) => {
		const to = edgeTo[i]!;
		const a = laidOut[from]!;
		const b = laidOut[to]!;
		const ca = colOf[from]!;
		const cb = colOf[to]!;
		if (ca === cb) {
			// Within a column: a loop out into the gutter to its right and back.
			const x = right[ca]!;
			const bulge = round(Math.min(gutter * 0.8, 12 + Math.abs(b.y - a.y) / 4));
			const points: [number, number][] = [
				[x, a.y],
				[x, b.y]
			];
			const loop = path();
			loop.moveTo(x, a.y);
			loop.bezierCurveTo(x + bulge, a.y, x + bulge, b.y, x, b.y);
			return {
				from: a.soc,
				to: b.soc,
				direction: 'same' as const,
				points,
				path: flat(loop.toString())
			};
		}
		const forward = ca < cb;
		const nLo = forward ? a : b;
		const nHi = forward ? b : a;
		const lo = forward ? from : to;
		const hi = forward ? to : from;
		const points: [number, number][] = [[right[Math.min(ca, cb)]!, nLo.y]];
		for (const lane of lanesOf.get(lo * count + hi) ?? [])
			points.push([columnX[lane.column]!, lane.y], [right[lane.column]!, lane.y]);
		points.push([round(nHi.x - nHi.r), nHi.y]);
		const direction = forward ? ('forward' as const) : ('backward' as const);
		if (!forward) points.reverse();
		return { from: a.soc, to: b.soc, direction, points, path: flat(bump(points) ?? '') };
	});

	return {
		width,
		height,
		fontSize,
		lineHeight,
		nodes: laidOut,
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

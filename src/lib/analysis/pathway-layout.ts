/**
 * Career-pathway map layout: PURE and deterministic (no randomness, no clock, stable sorts, the
 * input order of nodes and edges does not matter). Positions nodes in columns by level and
 * draws each edge as a smooth curve; the server computes it with the map's report and the
 * pathways page's PathwayMap.svelte only draws what it returns.
 *
 * The curve is what d3-shape's `linkHorizontal()` draws (same command string for the same
 * rounded points) and the radius a square-root scale (d3-scale `scaleSqrt`), written out here
 * because the layout predates d3 as a direct dependency.
 */
import { PATHWAY_LEVELS, type PathwayEdge, type PathwayLevel, type PathwayNode } from './pathways';

export type LayoutNodeInput = Pick<PathwayNode, 'soc' | 'level' | 'employment' | 'openings'>;
export type LayoutEdgeInput = Pick<PathwayEdge, 'from' | 'to' | 'source' | 'tier'>;

/** Column key: a pathway level, or `unknown` for nodes whose level is not known. */
export type ColumnKey = PathwayLevel | 'unknown';

export interface LayoutOptions {
	/** Size measure for the radius; default `employment`. */
	sizeBy?: 'employment' | 'openings';
	/** Horizontal distance between column centres (room for labels); default 220. */
	columnGap?: number;
	/** Smallest vertical distance between node centres in a column; default 16. */
	minSpacing?: number;
	/** Smallest empty space between two circles in a column; default 4. */
	gap?: number;
	/** Radius for a zero or unknown size, and for the largest size; default [3, 14]. */
	radius?: [number, number];
	/** Space around the drawing; default 24. */
	margin?: number;
	/** Extra space above the first node for the column labels; default 28. */
	header?: number;
	/** Barycenter sweeps (each one left→right then right→left); default 4. */
	sweeps?: number;
	/**
	 * Room right of the last column for node labels (the page cuts them at 30 characters of
	 * 10 px text); default 170.
	 */
	labelWidth?: number;
}

export interface LayoutNode {
	soc: string;
	level: ColumnKey;
	x: number;
	y: number;
	r: number;
	/** False when the size measure was unknown and the node got the smallest radius. */
	sizeKnown: boolean;
}

export interface LayoutLink {
	from: string;
	to: string;
	source: string;
	tier: PathwayEdge['tier'];
	/** forward = to a later column, backward = to an earlier one, same = within a column. */
	direction: 'forward' | 'backward' | 'same';
	/** SVG path: a cubic curve leaving and arriving horizontally. */
	path: string;
}

export interface LayoutColumn {
	level: ColumnKey;
	x: number;
	label: string;
}

export interface PathwayLayout {
	width: number;
	height: number;
	nodes: LayoutNode[];
	links: LayoutLink[];
	columns: LayoutColumn[];
}

const COLUMN_LABELS: Record<ColumnKey, string> = {
	feeder: 'Feeder',
	entry: 'Entry',
	mid: 'Mid-level',
	advanced: 'Advanced',
	unknown: 'Level not known'
};

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Two decimals: enough for SVG and it keeps the output byte-stable across float noise. */
const round = (v: number) => Math.round(v * 100) / 100 + 0;

/**
 * Lays out a pathway map.
 *
 * - Columns: feeder, entry, mid, advanced, left to right (always all four so positions mean the
 *   same on every map), plus "Level not known" on the right only when a node has no level.
 * - Order within a column: start in soc order, then `sweeps` barycenter passes — each node moves
 *   to the mean position of its neighbours in the columns already placed (left of it on the
 *   left→right pass, right of it on the way back); a node with no such neighbour keeps its place;
 *   ties by soc. Edges within one column do not pull.
 * - Size: r = sqrt scale of the size measure over [0, largest] onto `radius`; unknown → smallest.
 * - Vertical: nodes are stacked with centre distance max(minSpacing, r₁ + r₂ + gap), so circles
 *   in a column never overlap; each column is centred on the tallest, which sets the height.
 * - Links: sorted by (from, to, source); edges naming an unknown node, and self-loops, are left
 *   out. A link leaves the side of its circle facing the destination; links within a column
 *   bulge out to the right of it.
 *
 * Throws when a soc appears twice (which node would be meant is ambiguous).
 */
export function layoutPathways(
	input: { nodes: readonly LayoutNodeInput[]; edges: readonly LayoutEdgeInput[] },
	options: LayoutOptions = {}
): PathwayLayout {
	const sizeBy = options.sizeBy ?? 'employment';
	const columnGap = options.columnGap ?? 220;
	const minSpacing = options.minSpacing ?? 16;
	const gap = options.gap ?? 4;
	const [rMin, rMax] = options.radius ?? [3, 14];
	const margin = options.margin ?? 24;
	const header = options.header ?? 28;
	const sweeps = options.sweeps ?? 4;
	const labelWidth = options.labelWidth ?? 170;

	const nodes = [...input.nodes].sort((a, b) => byCode(a.soc, b.soc));
	const bySoc = new Map<string, LayoutNodeInput>();
	for (const n of nodes) {
		if (bySoc.has(n.soc)) throw new Error(`pathway layout: node ${n.soc} appears twice`);
		bySoc.set(n.soc, n);
	}
	const edges = input.edges
		.filter((e) => e.from !== e.to && bySoc.has(e.from) && bySoc.has(e.to))
		.sort((a, b) => byCode(a.from, b.from) || byCode(a.to, b.to) || byCode(a.source, b.source));

	// Columns and their members (soc order to start).
	const keys: ColumnKey[] = [...PATHWAY_LEVELS];
	if (nodes.some((n) => n.level === null)) keys.push('unknown');
	const columnOf = new Map<string, number>();
	const members: string[][] = keys.map(() => []);
	for (const n of nodes) {
		const c = keys.indexOf(n.level ?? 'unknown');
		columnOf.set(n.soc, c);
		members[c]!.push(n.soc);
	}

	// Undirected neighbours in other columns, split by side.
	const left = new Map<string, string[]>();
	const right = new Map<string, string[]>();
	const link = (map: Map<string, string[]>, a: string, b: string) => {
		const list = map.get(a);
		if (list) list.push(b);
		else map.set(a, [b]);
	};
	for (const e of edges) {
		const a = columnOf.get(e.from)!;
		const b = columnOf.get(e.to)!;
		if (a === b) continue;
		const [lo, hi] = a < b ? [e.from, e.to] : [e.to, e.from];
		link(left, hi, lo);
		link(right, lo, hi);
	}
	const order = orderColumns(members, left, right, sweeps);

	// Radii.
	const sizeOf = (n: LayoutNodeInput) => {
		const v = sizeBy === 'employment' ? n.employment : n.openings;
		return v === null || !Number.isFinite(v) || v < 0 ? null : v;
	};
	const largest = nodes.reduce((m, n) => Math.max(m, sizeOf(n) ?? 0), 0);
	const radiusOf = (n: LayoutNodeInput) => {
		const v = sizeOf(n);
		if (v === null || largest === 0) return rMin;
		return rMin + (rMax - rMin) * Math.sqrt(v / largest);
	};

	// Vertical stacking; the tallest column sets the height.
	const offsets = order.map((col) => {
		const ys: number[] = [];
		let y = 0;
		col.forEach((soc, i) => {
			const r = radiusOf(bySoc.get(soc)!);
			if (i > 0) {
				const prev = radiusOf(bySoc.get(col[i - 1]!)!);
				y += Math.max(minSpacing, prev + r + gap);
			}
			ys.push(y);
		});
		const first = col.length > 0 ? radiusOf(bySoc.get(col[0]!)!) : 0;
		const last = col.length > 0 ? radiusOf(bySoc.get(col.at(-1)!)!) : 0;
		return { ys, top: first, extent: col.length > 0 ? y + first + last : 0 };
	});
	const tallest = Math.max(2 * rMax, ...offsets.map((o) => o.extent));
	// Links within a column bulge right by at most this much: keep it inside the drawing.
	const bulgeMax = columnGap * 0.4;
	const width = round(
		2 * margin + 2 * rMax + (keys.length - 1) * columnGap + Math.max(bulgeMax, labelWidth)
	);
	const height = round(2 * margin + header + tallest);
	const columnX = keys.map((_, i) => round(margin + rMax + i * columnGap));

	const laidOut = new Map<string, LayoutNode>();
	order.forEach((col, c) => {
		const { ys, top, extent } = offsets[c]!;
		const y0 = margin + header + (tallest - extent) / 2 + top;
		col.forEach((soc, i) => {
			const n = bySoc.get(soc)!;
			laidOut.set(soc, {
				soc,
				level: keys[c]!,
				x: columnX[c]!,
				y: round(y0 + ys[i]!),
				r: round(radiusOf(n)),
				sizeKnown: sizeOf(n) !== null
			});
		});
	});

	const links: LayoutLink[] = edges.map((e) => {
		const a = laidOut.get(e.from)!;
		const b = laidOut.get(e.to)!;
		const ca = columnOf.get(e.from)!;
		const cb = columnOf.get(e.to)!;
		const direction = ca < cb ? 'forward' : ca > cb ? 'backward' : 'same';
		return {
			from: e.from,
			to: e.to,
			source: e.source,
			tier: e.tier,
			direction,
			path: direction === 'same' ? loop(a, b, bulgeMax) : curve(a, b, direction)
		};
	});

	return {
		width,
		height,
		nodes: [...laidOut.values()].sort((a, b) => byCode(a.soc, b.soc)),
		links,
		columns: keys.map((level, i) => ({ level, x: columnX[i]!, label: COLUMN_LABELS[level] }))
	};
}

/** Barycenter sweeps over the columns; returns each column's socs in their final order. */
function orderColumns(
	members: string[][],
	left: ReadonlyMap<string, string[]>,
	right: ReadonlyMap<string, string[]>,
	sweeps: number
): string[][] {
	const order = members.map((col) => [...col]);
	// Position of each node within its column, scaled to 0..1 so columns of different sizes
	// pull each other comparably.
	const pos = new Map<string, number>();
	const place = (c: number) => {
		const col = order[c]!;
		col.forEach((soc, i) => pos.set(soc, col.length === 1 ? 0.5 : i / (col.length - 1)));
	};
	order.forEach((_, c) => place(c));
	const reorder = (c: number, neighbours: ReadonlyMap<string, string[]>) => {
		const keyed = order[c]!.map((soc) => {
			const ns = neighbours.get(soc) ?? [];
			const centre =
				ns.length === 0 ? pos.get(soc)! : ns.reduce((s, x) => s + pos.get(x)!, 0) / ns.length;
			return { soc, centre };
		});
		keyed.sort((a, b) => a.centre - b.centre || byCode(a.soc, b.soc));
		order[c] = keyed.map((k) => k.soc);
		place(c);
	};
	for (let s = 0; s < sweeps; s++) {
		for (let c = 1; c < order.length; c++) reorder(c, left);
		for (let c = order.length - 2; c >= 0; c--) reorder(c, right);
	}
	return order;
}

type Point = Pick<LayoutNode, 'x' | 'y' | 'r'>;

/** d3 `linkHorizontal` geometry: control points halfway across, at each end's height. */
function curve(a: Point, b: Point, direction: 'forward' | 'backward'): string {
	const sign = direction === 'forward' ? 1 : -1;
	const x0 = round(a.x + sign * a.r);
	const x1 = round(b.x - sign * b.r);
	const mx = round((x0 + x1) / 2);
	return `M${x0},${a.y}C${mx},${a.y},${mx},${b.y},${x1},${b.y}`;
}

/** A link within a column: out of the right side of one circle and back into the other's. */
function loop(a: Point, b: Point, bulgeMax: number): string {
	const x0 = round(a.x + a.r);
	const x1 = round(b.x + b.r);
	const bulge = round(Math.min(bulgeMax, 12 + Math.abs(b.y - a.y) / 3));
	return `M${x0},${a.y}C${round(x0 + bulge)},${a.y},${round(x1 + bulge)},${b.y},${x1},${b.y}`;
}

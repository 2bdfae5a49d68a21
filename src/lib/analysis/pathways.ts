/**
 * Career pathways: the node and edge types, occupation levels, map scopes and the indexed
 * graph with its breadth-first traversal (the bench baseline). Pure: no db, no svelte.
 *
 * Node keys (`soc`) are opaque text: a SOC code (`15-1252`) on SOC-level maps, or an O*NET-SOC
 * code (`15-1252.00`) when a graph keeps O*NET's detail. "Lexicographic" below means plain
 * code-unit order of those keys (never locale order), so results do not depend on the runtime.
 */
import type { RelatednessTier } from '../domain/relatedness';
import type { WageValue } from './wages';

export const PATHWAY_LEVELS = ['feeder', 'entry', 'mid', 'advanced'] as const;
export type PathwayLevel = (typeof PATHWAY_LEVELS)[number];

export type { RelatednessTier };

export interface PathwayNode {
	soc: string;
	title: string;
	/** From `pathwayLevel`; null when neither Job Zone nor entry education is known. */
	level: PathwayLevel | null;
	/** JFF digital-jobs category; null for an occupation outside the six categories. */
	category: string | null;
	/** Median annual wage in dollars; null when not published. */
	medianAnnualWage: number | null;
	/** True when `medianAnnualWage` is the top-code cap (a lower bound, OEWS `#`). */
	wageTopCoded: boolean;
	/** Employment (jobs); null when not published. */
	employment: number | null;
	/** Average annual openings; null when not known. */
	openings: number | null;
	/** O*NET Job Zone 1–5; null when O*NET has none for the occupation. */
	jobZone: number | null;
	/** BLS EP "typical education needed for entry", as published; null when not known. */
	entryEducation: string | null;
}

export interface PathwayEdge {
	from: string;
	to: string;
	/** Where the edge comes from: `onet`, `curated`, or the imported file's own source label. */
	source: string;
	/** O*NET relatedness tier; null for edges that are not from O*NET. */
	tier: RelatednessTier | null;
	/** O*NET rank 1–20 within the origin's list; null for edges that are not from O*NET. */
	rank: number | null;
	note: string | null;
}

export interface PathwayGraph {
	nodes: readonly PathwayNode[];
	edges: readonly PathwayEdge[];
}

// ---------------------------------------------------------------------------------------------
// Levels

/** Typical entry education grouped by what it asks beyond school. */
export type EducationTier = 'none' | 'secondary' | 'sub-bachelor' | 'bachelor' | 'graduate';

const EDUCATION_TIERS: ReadonlyMap<string, EducationTier> = new Map([
	['no formal educational credential', 'none'],
	['high school diploma or equivalent', 'secondary'],
	['some college, no degree', 'sub-bachelor'],
	['postsecondary nondegree award', 'sub-bachelor'],
	["associate's degree", 'sub-bachelor'],
	["bachelor's degree", 'bachelor'],
	["master's degree", 'graduate'],
	['doctoral or professional degree', 'graduate']
]);

/**
 * The tier of a BLS EP entry-education string; null when missing, `—` or not one of the eight
 * published categories. Case, runs of spaces and curly apostrophes are forgiven because files
 * re-typed by a board differ in exactly those.
 */
export function educationTier(entryEducation: string | null | undefined): EducationTier | null {
	if (entryEducation === null || entryEducation === undefined) return null;
	const key = entryEducation.trim().replace(/\s+/g, ' ').replace(/[‘’]/g, "'").toLowerCase();
	return EDUCATION_TIERS.get(key) ?? null;
}

const EDUCATION_RANK: Record<EducationTier, number> = {
	none: 0,
	secondary: 0,
	'sub-bachelor': 1,
	bachelor: 2,
	graduate: 3
};

/** Job Zone → level rank (index into PATHWAY_LEVELS); anything but an integer 1–5 is unknown. */
function jobZoneRank(jobZone: number | null | undefined): number | null {
	if (jobZone === null || jobZone === undefined || !Number.isInteger(jobZone)) return null;
	if (jobZone < 1 || jobZone > 5) return null;
	return jobZone <= 2 ? 0 : jobZone - 2;
}

/**
 * Pathway level from the O*NET Job Zone and the BLS EP typical entry education.
 *
 * Each measure gives a level on its own:
 *
 * | level    | Job Zone | typical entry education                                       |
 * | -------- | -------- | ------------------------------------------------------------- |
 * | feeder   | 1 or 2   | No formal educational credential; High school diploma or eq.  |
 * | entry    | 3        | Some college, no degree; Postsecondary nondegree award;       |
 * |          |          | Associate's degree                                            |
 * | mid      | 4        | Bachelor's degree                                             |
 * | advanced | 5        | Master's degree; Doctoral or professional degree              |
 *
 * When both are known and disagree, the HIGHER level wins: the Job Zone counts experience and
 * training that the entry education leaves out (Chief Executives: Zone 5, Bachelor's →
 * advanced; Pharmacy Technicians: Zone 3, high school → entry), and a required credential is a
 * barrier whatever the zone (Heavy Truck Drivers: Zone 2, nondegree award (the CDL) → entry;
 * Web Developers: Zone 3, Bachelor's → mid). When one is missing the other decides alone; an
 * unknown education string or a Job Zone outside 1–5 counts as missing. Both missing → null
 * ("level not known"), never a guess.
 */
export function pathwayLevel(
	jobZone: number | null | undefined,
	entryEducation: string | null | undefined
): PathwayLevel | null {
	const zone = jobZoneRank(jobZone);
	const tier = educationTier(entryEducation);
	const education = tier === null ? null : EDUCATION_RANK[tier];
	if (zone === null && education === null) return null;
	return PATHWAY_LEVELS[Math.max(zone ?? 0, education ?? 0)]!;
}

// ---------------------------------------------------------------------------------------------
// Wage change of a step

/** The node's median annual wage in the shape the wage comparisons take. */
export function nodeWage(node: PathwayNode | undefined): WageValue {
	if (node === undefined) return { value: null, topCoded: false };
	return { value: node.medianAnnualWage, topCoded: node.wageTopCoded };
}

// ---------------------------------------------------------------------------------------------
// Scopes

export type PathwayScope =
	| { kind: 'category'; category: string }
	| { kind: 'digital' }
	| { kind: 'focus'; soc: string; steps?: number };

// ---------------------------------------------------------------------------------------------
// Graph index shared by the traversals

/**
 * A graph prepared for traversal: nodes numbered in lexicographic soc order (so comparing ids
 * compares codes), adjacency in compressed rows sorted by id, parallel edges (same pair from
 * several sources) merged, self-loops and edges to unknown nodes dropped. Build it once with
 * `indexGraph` when asking many questions of the same graph.
 */
export interface PathwayIndex {
	readonly socs: readonly string[];
	readonly idOf: ReadonlyMap<string, number>;
	readonly wages: readonly WageValue[];
	readonly outStart: Int32Array;
	readonly outAdj: Int32Array;
	readonly inStart: Int32Array;
	readonly inAdj: Int32Array;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Throws on a duplicated soc: merging O*NET details into one SOC is the caller's decision. */
export function indexGraph(graph: PathwayGraph): PathwayIndex {
	const nodes = [...graph.nodes].sort((a, b) => byCode(a.soc, b.soc));
	const idOf = new Map<string, number>();
	nodes.forEach((n, i) => {
		if (idOf.has(n.soc)) throw new Error(`pathway graph: node ${n.soc} appears twice`);
		idOf.set(n.soc, i);
	});
	const pairs: number[] = [];
	for (const e of graph.edges) {
		const a = idOf.get(e.from);
		const b = idOf.get(e.to);
		if (a === undefined || b === undefined || a === b) continue;
		pairs.push(a, b);
	}
	const n = nodes.length;
	const [outStart, outAdj] = compressedRows(n, pairs, 0);
	const [inStart, inAdj] = compressedRows(n, pairs, 1);
	return {
		socs: nodes.map((x) => x.soc),
		idOf,
		wages: nodes.map(nodeWage),
		outStart,
		outAdj,
		inStart,
		inAdj
	};
}

/** Rows keyed by pairs[2i + side], holding the other end, sorted and without repeats. */
function compressedRows(n: number, pairs: number[], side: 0 | 1): [Int32Array, Int32Array] {
	const rows: number[][] = Array.from({ length: n }, () => []);
	for (let i = 0; i < pairs.length; i += 2) {
		rows[pairs[i + side]!]!.push(pairs[i + 1 - side]!);
	}
	const start = new Int32Array(n + 1);
	const adj: number[] = [];
	for (let u = 0; u < n; u++) {
		const row = rows[u]!.sort((a, b) => a - b);
		for (let k = 0; k < row.length; k++) if (k === 0 || row[k] !== row[k - 1]) adj.push(row[k]!);
		start[u + 1] = adj.length;
	}
	return [start, Int32Array.from(adj)];
}

const asIndex = (g: PathwayGraph | PathwayIndex): PathwayIndex =>
	'outStart' in g ? g : indexGraph(g);

/**
 * Plain breadth-first traversal along edge direction: every node reachable from `from` in at
 * most `maxSteps` edges, with its step count (`from` itself at 0). Unknown `from` → empty map.
 */
export function bfsReachable(
	graph: PathwayGraph | PathwayIndex,
	from: string,
	maxSteps: number
): Map<string, number> {
	const ix = asIndex(graph);
	const result = new Map<string, number>();
	const start = ix.idOf.get(from);
	if (start === undefined) return result;
	const dist = new Int32Array(ix.socs.length).fill(-1);
	dist[start] = 0;
	const queue = [start];
	for (let head = 0; head < queue.length; head++) {
		const u = queue[head]!;
		const d = dist[u]!;
		result.set(ix.socs[u]!, d);
		if (d >= maxSteps) continue;
		for (let k = ix.outStart[u]!; k < ix.outStart[u + 1]!; k++) {
			const v = ix.outAdj[k]!;
			if (dist[v] !== -1) continue;
			dist[v] = d + 1;
			queue.push(v);
		}
	}
	return result;
}

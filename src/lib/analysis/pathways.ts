/**
 * Career pathways: occupation levels, the wage change of a step, scoped subgraphs and route
 * finding over directed "related occupation" edges. Pure: no db, no svelte.
 *
 * Node keys (`soc`) are opaque text: a SOC code (`15-1252`) on SOC-level maps, or an O*NET-SOC
 * code (`15-1252.00`) when a graph keeps O*NET's detail. "Lexicographic" below means plain
 * code-unit order of those keys (never locale order), so results do not depend on the runtime.
 */
import type { RelatednessTier } from '../domain/relatedness';
import { stepPremium, type WageValue } from './wages';

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

export type StepWageChange = ReturnType<typeof stepPremium>;

/** The node's median annual wage in the shape the wage comparisons take. */
export function nodeWage(node: PathwayNode | undefined): WageValue {
	if (node === undefined) return { value: null, topCoded: false };
	return { value: node.medianAnnualWage, topCoded: node.wageTopCoded };
}

/**
 * The wage change of one edge: Δ = (W_to − W_from) / W_from with the nodes' median annual wages
 * (a fraction, 0.25 = +25%), via `stepPremium` — so `paysMore` is Δ ≥ 10%, a top-coded
 * destination makes Δ a lower bound (`atLeast`), and a top-coded, missing or zero origin wage
 * gives null. An endpoint missing from `nodesBySoc` also gives null.
 */
export function edgeWageChange(
	edge: Pick<PathwayEdge, 'from' | 'to'>,
	nodesBySoc: ReadonlyMap<string, PathwayNode>
): StepWageChange {
	return stepPremium(nodeWage(nodesBySoc.get(edge.from)), nodeWage(nodesBySoc.get(edge.to)));
}

// ---------------------------------------------------------------------------------------------
// Scopes

export type PathwayScope =
	| { kind: 'category'; category: string }
	| { kind: 'digital' }
	| { kind: 'focus'; soc: string; steps?: number };

/**
 * The part of the graph a map shows, as an induced subgraph: the chosen nodes and every edge
 * whose two ends are both chosen (input order kept).
 *
 * - `category`: nodes whose `category` equals the given one.
 * - `digital`: nodes with any category (the field holds the JFF digital category or null).
 * - `focus`: the node plus everything within `steps` (default 2) edges of it going OUT along
 *   edge direction and everything within `steps` edges coming IN to it. An unknown focus → empty.
 *
 * Edges naming a node that is not in `nodes` are dropped.
 */
export function scopeGraph(
	nodes: readonly PathwayNode[],
	edges: readonly PathwayEdge[],
	scope: PathwayScope
): PathwayGraph {
	let keep: Set<string>;
	if (scope.kind === 'category') {
		keep = new Set(nodes.filter((n) => n.category === scope.category).map((n) => n.soc));
	} else if (scope.kind === 'digital') {
		keep = new Set(nodes.filter((n) => n.category !== null).map((n) => n.soc));
	} else {
		const known = new Set(nodes.map((n) => n.soc));
		keep = new Set();
		if (known.has(scope.soc)) {
			const steps = scope.steps ?? 2;
			const out = new Map<string, string[]>();
			const into = new Map<string, string[]>();
			for (const e of edges) {
				if (!known.has(e.from) || !known.has(e.to)) continue;
				pushTo(out, e.from, e.to);
				pushTo(into, e.to, e.from);
			}
			for (const soc of withinSteps(scope.soc, out, steps)) keep.add(soc);
			for (const soc of withinSteps(scope.soc, into, steps)) keep.add(soc);
		}
	}
	return {
		nodes: nodes.filter((n) => keep.has(n.soc)),
		edges: edges.filter((e) => keep.has(e.from) && keep.has(e.to))
	};
}

function pushTo(map: Map<string, string[]>, key: string, value: string) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function withinSteps(start: string, adjacency: Map<string, string[]>, steps: number): Set<string> {
	const seen = new Set([start]);
	let frontier = [start];
	for (let d = 0; d < steps && frontier.length > 0; d++) {
		const next: string[] = [];
		for (const u of frontier) {
			for (const v of adjacency.get(u) ?? []) {
				if (seen.has(v)) continue;
				seen.add(v);
				next.push(v);
			}
		}
		frontier = next;
	}
	return seen;
}

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

// ---------------------------------------------------------------------------------------------
// Route finding

export type RouteObjective = 'largest-gain' | 'never-lower' | 'fewest-steps';

export interface RouteOptions {
	objective: RouteObjective;
	/** At most this many edges per route (K); default 4. */
	maxSteps?: number;
	/** At most this many routes; default 3. */
	limit?: number;
}

export interface Route {
	/** The occupations in order, `from` first and `to` last. */
	steps: string[];
	/**
	 * Wage change from the first to the last occupation, (W_last − W_first) / W_first, as a
	 * fraction (0.25 = +25%; same units as `stepPremium`). Null when ANY occupation on the route
	 * has no published wage, or the first is top-coded.
	 */
	wageGainPct: number | null;
	/** True when the last occupation is top-coded: the gain is at least `wageGainPct`. */
	gainAtLeast: boolean;
	/** `stepPremium` of each edge in order (length = steps.length − 1); null when unknown. */
	stepPremiums: (number | null)[];
}

interface Candidate {
	ids: number[];
	gain: number | null;
	atLeast: boolean;
	premiums: (number | null)[];
	/** Smallest step premium; null when any step premium is unknown. */
	worst: number | null;
}

/** Known values first, larger first. */
const knownDesc = (a: number | null, b: number | null) =>
	a === null ? (b === null ? 0 : 1) : b === null ? -1 : b - a;

const byIds = (a: number[], b: number[]) => {
	for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
	return a.length - b.length;
};

const RANKINGS: Record<RouteObjective, (a: Candidate, b: Candidate) => number> = {
	'largest-gain': (a, b) =>
		knownDesc(a.gain, b.gain) ||
		knownDesc(a.worst, b.worst) ||
		a.ids.length - b.ids.length ||
		byIds(a.ids, b.ids),
	'never-lower': (a, b) =>
		a.ids.length - b.ids.length || knownDesc(a.gain, b.gain) || byIds(a.ids, b.ids),
	'fewest-steps': (a, b) =>
		a.ids.length - b.ids.length || knownDesc(a.gain, b.gain) || byIds(a.ids, b.ids)
};

/**
 * Best routes from `from` to `to`: simple paths (no occupation twice) along directed edges with
 * at most `maxSteps` edges, best first, at most `limit`.
 *
 * Objectives and their ranking keys, in order:
 * - `largest-gain`: (1) routes with a known gain before unknown ones, (2) larger `wageGainPct`,
 *   (3) larger worst step premium (the route whose deepest pay cut, or smallest raise, is the
 *   mildest; a route with an unknown step premium after those with all known), (4) fewer steps.
 *   With fixed endpoints every route with a known gain has the SAME first-to-last gain, so key 3
 *   is what separates them in practice: it prefers the steadiest climb to the same place.
 * - `never-lower`: only routes where every step premium is known and ≥ 0 (a top-coded
 *   destination counts when its lower bound is ≥ 0); then fewer steps, then larger gain.
 * - `fewest-steps`: fewer steps, then known gain before unknown, then larger gain.
 * Remaining ties: lexicographic order of the soc sequence, so results are deterministic.
 *
 * Unknown wages: see `Route.wageGainPct`; such routes rank after known ones (`largest-gain`,
 * `fewest-steps`) or are excluded (`never-lower`, since no step may be unverifiable).
 * `from === to`, an unknown `from`/`to`, an unreachable target, `maxSteps < 1` or `limit < 1`
 * → []. A route never passes through `to` and comes back: it ends there.
 *
 * Search: a reverse breadth-first pass from `to` (bounded by `maxSteps`; for `never-lower` only
 * over non-decreasing edges) gives each node its fewest edges to `to`; the depth-first
 * enumeration only enters a node when the steps taken + 1 + that distance fit in the budget,
 * so branches that cannot finish are cut before they start. `fewest-steps` and `never-lower`
 * deepen the budget one step at a time and stop once `limit` routes are found (longer routes
 * rank after them). `largest-gain` keeps the best `limit` so far and, once full, cuts a branch
 * entering an occupation with no wage or whose worst step is already below the last kept
 * route's (keys 1–3 can then only be worse).
 */
export function findRoutes(
	graph: PathwayGraph | PathwayIndex,
	from: string,
	to: string,
	options: RouteOptions
): Route[] {
	const { objective } = options;
	const maxSteps = Math.floor(options.maxSteps ?? 4);
	const limit = Math.floor(options.limit ?? 3);
	if (from === to || !(maxSteps >= 1) || !(limit >= 1)) return [];
	const ix = asIndex(graph);
	const source = ix.idOf.get(from);
	const target = ix.idOf.get(to);
	if (source === undefined || target === undefined) return [];

	const premiumOf = (u: number, v: number) => stepPremium(ix.wages[u]!, ix.wages[v]!).premium;
	const climbs = (u: number, v: number) => {
		const p = premiumOf(u, v);
		return p !== null && p >= 0;
	};
	const edgeOk = objective === 'never-lower' ? climbs : null;
	const dist = distancesTo(ix, target, maxSteps, edgeOk);
	if (dist[source]! > maxSteps) return [];

	const rank = RANKINGS[objective];
	const kept: Candidate[] = [];
	const offer = (c: Candidate) => {
		if (kept.length === limit && rank(c, kept[limit - 1]!) >= 0) return;
		let i = kept.length;
		while (i > 0 && rank(c, kept[i - 1]!) < 0) i--;
		kept.splice(i, 0, c);
		if (kept.length > limit) kept.pop();
	};
	const wageKnown = (u: number) => ix.wages[u]!.value !== null;

	const path = [source];
	const premiums: (number | null)[] = [];
	const onPath = new Uint8Array(ix.socs.length);
	onPath[source] = 1;

	/** Extends `path` (ending at u, with `worst` so far) within `budget` edges; records routes of
	 * exactly `exact` edges when given. */
	const extend = (u: number, worst: number, budget: number, exact: number | null) => {
		const used = path.length - 1;
		for (let k = ix.outStart[u]!; k < ix.outStart[u + 1]!; k++) {
			const v = ix.outAdj[k]!;
			if (onPath[v] || used + 1 + dist[v]! > budget) continue;
			const p = premiumOf(u, v);
			if (edgeOk && (p === null || p < 0)) continue;
			const nextWorst = Math.min(worst, p ?? -Infinity);
			if (objective === 'largest-gain' && kept.length === limit) {
				const last = kept[limit - 1]!;
				if (last.gain !== null && (!wageKnown(v) || nextWorst < (last.worst ?? -Infinity))) {
					continue;
				}
			}
			path.push(v);
			premiums.push(p);
			if (v === target) {
				if (exact === null || path.length - 1 === exact) offer(candidate());
			} else {
				onPath[v] = 1;
				extend(v, nextWorst, budget, exact);
				onPath[v] = 0;
			}
			path.pop();
			premiums.pop();
		}
	};

	const candidate = (): Candidate => {
		const known = path.every(wageKnown);
		const overall = stepPremium(ix.wages[source]!, ix.wages[target]!);
		const gain = known ? overall.premium : null;
		return {
			ids: [...path],
			gain,
			atLeast: gain !== null && overall.atLeast,
			premiums: [...premiums],
			worst: premiums.some((p) => p === null) ? null : Math.min(...(premiums as number[]))
		};
	};

	if (objective === 'largest-gain') {
		extend(source, Infinity, maxSteps, null);
	} else {
		for (let budget = dist[source]!; budget <= maxSteps && kept.length < limit; budget++) {
			extend(source, Infinity, budget, budget);
		}
	}

	return kept.map((c) => ({
		steps: c.ids.map((id) => ix.socs[id]!),
		wageGainPct: c.gain,
		gainAtLeast: c.atLeast,
		stepPremiums: c.premiums
	}));
}

/**
 * Fewest edges from each node to `target` (walking edges backwards), up to `maxSteps`;
 * `maxSteps + 1` means "not within reach". `edgeOk`, when given, limits the edges walked.
 */
function distancesTo(
	ix: PathwayIndex,
	target: number,
	maxSteps: number,
	edgeOk: ((u: number, v: number) => boolean) | null
): Int32Array {
	const dist = new Int32Array(ix.socs.length).fill(maxSteps + 1);
	dist[target] = 0;
	let frontier = [target];
	for (let d = 1; d <= maxSteps && frontier.length > 0; d++) {
		const next: number[] = [];
		for (const v of frontier) {
			for (let k = ix.inStart[v]!; k < ix.inStart[v + 1]!; k++) {
				const u = ix.inAdj[k]!;
				if (dist[u]! <= d || (edgeOk && !edgeOk(u, v))) continue;
				dist[u] = d;
				next.push(u);
			}
		}
		frontier = next;
	}
	return dist;
}

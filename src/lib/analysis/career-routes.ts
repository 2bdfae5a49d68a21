/**
 * Routes between two occupations over `Move`s (see moves.ts), ranked by an objective a learner
 * can act on, each with its score and the parts of every step. Pure: no db, no svelte.
 */
import type { PathwayNode } from './pathways';
import type { FeasibilityParts, Move, MoveSource } from './moves';
import { isCatchAll } from './moves';
import { stepPremium, type WageValue } from './wages';

export const ROUTE_OBJECTIVES = ['most-feasible', 'pay-per-step', 'fewest-steps'] as const;
export type CareerObjective = (typeof ROUTE_OBJECTIVES)[number];

export interface CareerRouteOptions {
	objective?: CareerObjective;
	/** At most this many moves per route; default 3 (the Fed's path builder). */
	maxSteps?: number;
	/** At most this many routes; default 3. */
	limit?: number;
	/** `pay-per-step`: each step must raise pay by at least this fraction; default 0.10. */
	minStepGain?: number;
	/** `pay-per-step`: no job on the route may pay below this share of the first; default 0.75. */
	payFloor?: number;
}

export interface RouteStep {
	from: string;
	to: string;
	feasibility: number;
	parts: FeasibilityParts;
	sources: MoveSource[];
	direction: Move['direction'];
	jobZone: Move['jobZone'];
	entryEducation: Move['entryEducation'];
	wageChange: number | null;
	wageChangeAtLeast: boolean;
}

export interface CareerRoute {
	/** Occupations in order, first to last. */
	path: string[];
	objective: CareerObjective;
	/**
	 * The objective's value: `most-feasible` → the product of the steps' feasibilities (0–1);
	 * `pay-per-step` → the smallest step raise on the route (every step pays at least this);
	 * `fewest-steps` → the number of steps.
	 */
	score: number;
	/** Product of step feasibilities. */
	feasibility: number;
	/** (W_last − W_first) / W_first; null when a wage on the route is unknown. */
	wageGain: number | null;
	/** Last job top-coded: the gain is a lower bound. */
	wageGainAtLeast: boolean;
	/** (W_last / W_first)^(1/steps) − 1, the mean gain per step; null when `wageGain` is. */
	gainPerStep: number | null;
	/** The smallest step wage change; null when any step's is unknown. */
	smallestStepGain: number | null;
	steps: RouteStep[];
}

/** Moves indexed for routing: nodes numbered in code order, outgoing moves in compressed rows. */
export interface MoveIndex {
	readonly codes: readonly string[];
	readonly idOf: ReadonlyMap<string, number>;
	readonly wages: readonly WageValue[];
	readonly catchAll: Uint8Array;
	readonly moves: readonly Move[];
	/** Moves out of node u: moveOut[outStart[u] .. outStart[u+1]) (indices into `moves`). */
	readonly outStart: Int32Array;
	readonly moveOut: Int32Array;
	readonly inStart: Int32Array;
	readonly moveIn: Int32Array;
	readonly target: Int32Array;
	readonly source: Int32Array;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds the routing index. Moves naming a node not in `nodes` are dropped; a repeated (from, to)
 * keeps the more feasible one. Throws on a duplicated node code.
 */
export function indexMoves(nodes: readonly PathwayNode[], moves: readonly Move[]): MoveIndex {
	const sorted = [...nodes].sort((a, b) => byCode(a.soc, b.soc));
	const idOf = new Map<string, number>();
	sorted.forEach((n, i) => {
		if (idOf.has(n.soc)) throw new Error(`career routes: node ${n.soc} appears twice`);
		idOf.set(n.soc, i);
	});
	const best = new Map<string, Move>();
	for (const m of moves) {
		if (!idOf.has(m.from) || !idOf.has(m.to) || m.from === m.to) continue;
		const k = `${m.from}>${m.to}`;
		const prior = best.get(k);
		if (!prior || m.feasibility > prior.feasibility) best.set(k, m);
	}
	const kept = [...best.values()].sort((a, b) => byCode(a.from, b.from) || byCode(a.to, b.to));
	const n = sorted.length;
	const source = Int32Array.from(kept, (m) => idOf.get(m.from)!);
	const target = Int32Array.from(kept, (m) => idOf.get(m.to)!);
	const rows = (key: Int32Array): [Int32Array, Int32Array] => {
		const start = new Int32Array(n + 1);
		for (const u of key) start[u + 1]!++;
		for (let u = 0; u < n; u++) start[u + 1]! += start[u]!;
		const fill = start.slice(0, n);
		const list = new Int32Array(key.length);
		key.forEach((u, i) => (list[fill[u]!++] = i));
		return [start, list];
	};
	const [outStart, moveOut] = rows(source);
	const [inStart, moveIn] = rows(target);
	return {
		codes: sorted.map((x) => x.soc),
		idOf,
		wages: sorted.map((x) => ({ value: x.medianAnnualWage, topCoded: x.wageTopCoded })),
		catchAll: Uint8Array.from(sorted, (x) => (isCatchAll(x.soc) ? 1 : 0)),
		moves: kept,
		outStart,
		moveOut,
		inStart,
		moveIn,
		target,
		source
	};
}

interface Candidate {
	ids: number[];
	moveIds: number[];
	feasibility: number;
	gain: number | null;
	atLeast: boolean;
	perStep: number | null;
	/** Smallest step wage change; null when any is unknown. */
	minStep: number | null;
}

/** Products of feasibilities are rounded sums of floats: 0.8 × 0.8 ≠ 0.64 in binary. Values
 * closer than this count as equal, so a stated tie-break decides and not the rounding. */
const EPSILON = 1e-9;

const desc = (a: number, b: number) => (Math.abs(a - b) < EPSILON ? 0 : b - a);

const knownDesc = (a: number | null, b: number | null) =>
	a === null ? (b === null ? 0 : 1) : b === null ? -1 : desc(a, b);

const byIds = (a: number[], b: number[]) => {
	for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
	return a.length - b.length;
};

/**
 * Ranking per objective; every one ends with the route's codes in order (node ids follow code
 * order) so equal routes always come out the same way.
 */
const RANK: Record<CareerObjective, (a: Candidate, b: Candidate) => number> = {
	'most-feasible': (a, b) =>
		desc(a.feasibility, b.feasibility) ||
		a.ids.length - b.ids.length ||
		knownDesc(a.gain, b.gain) ||
		byIds(a.ids, b.ids),
	'pay-per-step': (a, b) =>
		knownDesc(a.minStep, b.minStep) ||
		knownDesc(a.perStep, b.perStep) ||
		desc(a.feasibility, b.feasibility) ||
		a.ids.length - b.ids.length ||
		byIds(a.ids, b.ids),
	'fewest-steps': (a, b) =>
		a.ids.length - b.ids.length ||
		desc(a.feasibility, b.feasibility) ||
		knownDesc(a.gain, b.gain) ||
		byIds(a.ids, b.ids)
};

/**
 * The best routes from `from` to `to`: simple paths of at most `maxSteps` moves that never pass
 * THROUGH a catch-all occupation (one may start or end a route), best first by the objective:
 *
 * - `most-feasible` (default): largest product of step feasibilities — every step must work, so
 *   a route is as feasible as its steps together; ties: fewer steps, larger wage gain (known
 *   before unknown), then code order.
 * - `pay-per-step`: only routes whose every step raises pay by ≥ `minStepGain` (the Fed's 10%)
 *   and whose every job pays ≥ `payFloor` (Nesta's 75%) of the first; ranked by the smallest
 *   step raise (the gain every step is sure to bring: between two fixed jobs the overall gain is
 *   the same for every route, so it cannot rank them), then the mean gain per step; further
 *   ties: larger feasibility, fewer steps, code order. Wages must be known at every step (a
 *   top-coded destination counts by its lower bound; a top-coded origin cannot be compared, so
 *   no step may leave one).
 * - `fewest-steps`: fewest moves; ties: larger feasibility, larger wage gain, code order.
 *
 * `from === to`, unknown codes, no route within `maxSteps`, `maxSteps < 1` or `limit < 1` → [].
 *
 * Search: a reverse breadth-first pass from `to` gives each node its fewest moves to `to`; the
 * depth-first enumeration enters a node only when the moves left can still reach `to`. Because
 * feasibilities are at most 1, a partial route already below the last kept route's product
 * cannot catch up, so `most-feasible` cuts it; `fewest-steps` deepens one step at a time.
 */
export function findCareerRoutes(
	index: MoveIndex,
	from: string,
	to: string,
	options: CareerRouteOptions = {}
): CareerRoute[] {
	const objective = options.objective ?? 'most-feasible';
	const maxSteps = Math.floor(options.maxSteps ?? 3);
	const limit = Math.floor(options.limit ?? 3);
	const minStepGain = options.minStepGain ?? 0.1;
	const payFloor = options.payFloor ?? 0.75;
	if (from === to || !(maxSteps >= 1) || !(limit >= 1)) return [];
	const s = index.idOf.get(from);
	const t = index.idOf.get(to);
	if (s === undefined || t === undefined) return [];

	const n = index.codes.length;
	const wages = index.wages;
	const startWage = wages[s]!;
	const payOk = (m: number): boolean => {
		const u = index.source[m]!;
		const v = index.target[m]!;
		const p = stepPremium(wages[u]!, wages[v]!).premium;
		if (p === null || p < minStepGain) return false;
		const floor = stepPremium(startWage, wages[v]!).premium;
		return floor !== null && 1 + floor >= payFloor;
	};
	const moveOk = objective === 'pay-per-step' ? payOk : null;

	// Fewest moves from each node to the target, never through a catch-all.
	const dist = new Int32Array(n).fill(maxSteps + 1);
	dist[t] = 0;
	let frontier = [t];
	for (let d = 1; d <= maxSteps && frontier.length > 0; d++) {
		const next: number[] = [];
		for (const v of frontier) {
			if (v !== t && index.catchAll[v]) continue;
			for (let k = index.inStart[v]!; k < index.inStart[v + 1]!; k++) {
				const m = index.moveIn[k]!;
				const u = index.source[m]!;
				if (dist[u]! <= d || (moveOk && !moveOk(m))) continue;
				dist[u] = d;
				next.push(u);
			}
		}
		frontier = next;
	}
	if (dist[s]! > maxSteps) return [];

	const rank = RANK[objective];
	const kept: Candidate[] = [];
	const offer = (c: Candidate) => {
		if (kept.length === limit && rank(c, kept[limit - 1]!) >= 0) return;
		let i = kept.length;
		while (i > 0 && rank(c, kept[i - 1]!) < 0) i--;
		kept.splice(i, 0, c);
		if (kept.length > limit) kept.pop();
	};

	const ids = [s];
	const moveIds: number[] = [];
	const onPath = new Uint8Array(n);
	onPath[s] = 1;

	const finish = (product: number): Candidate => {
		const overall = stepPremium(startWage, wages[t]!);
		const known = ids.every((id) => wages[id]!.value !== null);
		const gain = known ? overall.premium : null;
		const steps = moveIds.length;
		const stepGains = moveIds.map(
			(m) => stepPremium(wages[index.source[m]!]!, wages[index.target[m]!]!).premium
		);
		return {
			minStep: stepGains.some((g) => g === null) ? null : Math.min(...(stepGains as number[])),
			ids: [...ids],
			moveIds: [...moveIds],
			feasibility: product,
			gain,
			atLeast: gain !== null && overall.atLeast,
			perStep: gain === null || 1 + gain <= 0 ? null : Math.pow(1 + gain, 1 / steps) - 1
		};
	};

	const extend = (u: number, product: number, budget: number, exact: number | null) => {
		const used = moveIds.length;
		for (let k = index.outStart[u]!; k < index.outStart[u + 1]!; k++) {
			const m = index.moveOut[k]!;
			const v = index.target[m]!;
			if (onPath[v] || used + 1 + dist[v]! > budget) continue;
			if (v !== t && index.catchAll[v]) continue;
			if (moveOk && !moveOk(m)) continue;
			const next = product * index.moves[m]!.feasibility;
			if (
				objective === 'most-feasible' &&
				kept.length === limit &&
				next < kept[limit - 1]!.feasibility - EPSILON
			) {
				continue;
			}
			ids.push(v);
			moveIds.push(m);
			if (v === t) {
				if (exact === null || moveIds.length === exact) offer(finish(next));
			} else {
				onPath[v] = 1;
				extend(v, next, budget, exact);
				onPath[v] = 0;
			}
			ids.pop();
			moveIds.pop();
		}
	};

	if (objective === 'fewest-steps') {
		for (let budget = dist[s]!; budget <= maxSteps && kept.length < limit; budget++) {
			extend(s, 1, budget, budget);
		}
	} else {
		extend(s, 1, maxSteps, null);
	}

	return kept.map((c) => ({
		path: c.ids.map((id) => index.codes[id]!),
		objective,
		score:
			objective === 'most-feasible'
				? c.feasibility
				: objective === 'pay-per-step'
					? c.minStep!
					: c.moveIds.length,
		feasibility: c.feasibility,
		wageGain: c.gain,
		wageGainAtLeast: c.atLeast,
		gainPerStep: c.perStep,
		smallestStepGain: c.minStep,
		steps: c.moveIds.map((m) => {
			const mv = index.moves[m]!;
			return {
				from: mv.from,
				to: mv.to,
				feasibility: mv.feasibility,
				parts: mv.parts,
				sources: mv.sources,
				direction: mv.direction,
				jobZone: mv.jobZone,
				entryEducation: mv.entryEducation,
				wageChange: mv.wageChange,
				wageChangeAtLeast: mv.wageChangeAtLeast
			};
		})
	}));
}

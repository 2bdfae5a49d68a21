/**
 * Map scopes that stay readable: a category or "all digital" keeps each occupation's strongest
 * moves; "around one job" keeps its best next steps and feeders (two steps), at most ~25
 * occupations. Pure: no db, no svelte.
 */
import type { PathwayNode } from './pathways';
import type { Move } from './moves';
import { isCatchAll } from './moves';

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Stronger first: higher feasibility, then (from, to) in code order. */
const byStrength = (a: Move, b: Move) =>
	b.feasibility - a.feasibility || byCode(a.from, b.from) || byCode(a.to, b.to);

export interface ScopedMap {
	nodes: PathwayNode[];
	moves: Move[];
	/** Moves between shown occupations that were left out (behind "show all moves"). */
	hiddenMoves: number;
	/** Occupations the scope reached but did not show (focus maps only). */
	hiddenNodes: number;
}

/**
 * The moves among `nodes`, keeping for each occupation its `perNode` strongest moves out and its
 * `perNode` strongest moves in (a move stays when it is among either end's strongest), plus any
 * move in `keep`; all of them with `showAll`. Default perNode 3. Output: nodes in input order, moves by strength.
 */
export function strongestMoves(
	nodes: readonly PathwayNode[],
	moves: readonly Move[],
	options: { perNode?: number; showAll?: boolean; keep?: ReadonlySet<Move> } = {}
): ScopedMap {
	const perNode = options.perNode ?? 3;
	const inScope = new Set(nodes.map((n) => n.soc));
	const among = moves.filter((m) => inScope.has(m.from) && inScope.has(m.to)).sort(byStrength);
	if (options.showAll) return { nodes: [...nodes], moves: among, hiddenMoves: 0, hiddenNodes: 0 };
	const outCount = new Map<string, number>();
	const inCount = new Map<string, number>();
	const kept: Move[] = [];
	for (const m of among) {
		const o = outCount.get(m.from) ?? 0;
		const i = inCount.get(m.to) ?? 0;
		if (o < perNode || i < perNode || options.keep?.has(m)) kept.push(m);
		outCount.set(m.from, o + 1);
		inCount.set(m.to, i + 1);
	}
	return {
		nodes: [...nodes],
		moves: kept,
		hiddenMoves: among.length - kept.length,
		hiddenNodes: 0
	};
}

/**
 * The map around one occupation: its best next steps and its best feeders, up to `steps` moves
 * away (default 2), at most `maxNodes` occupations in all (default 25, the focus itself
 * included).
 *
 * Each reached occupation gets the best product of feasibilities along a path from (or to) the
 * focus; next steps and feeders are taken alternately by that score (ties: fewer moves, then
 * code), so both sides are shown when both exist, and one side takes the other's share when it
 * runs out. A catch-all occupation may be shown but the search does not go on through it. The
 * moves shown are those between shown occupations, trimmed by `strongestMoves` (`perNode`,
 * `showAll`) but always keeping the move through which each shown occupation was reached. Unknown focus → empty.
 */
export function focusMap(
	nodes: readonly PathwayNode[],
	moves: readonly Move[],
	focus: string,
	options: { steps?: number; maxNodes?: number; perNode?: number; showAll?: boolean } = {}
): ScopedMap {
	const steps = options.steps ?? 2;
	const maxNodes = options.maxNodes ?? 25;
	const bySoc = new Map(nodes.map((n) => [n.soc, n]));
	if (!bySoc.has(focus)) return { nodes: [], moves: [], hiddenMoves: 0, hiddenNodes: 0 };
	const out = new Map<string, Move[]>();
	const into = new Map<string, Move[]>();
	for (const m of moves) {
		if (!bySoc.has(m.from) || !bySoc.has(m.to)) continue;
		(out.get(m.from) ?? out.set(m.from, []).get(m.from)!).push(m);
		(into.get(m.to) ?? into.set(m.to, []).get(m.to)!).push(m);
	}
	const reach = (adjacency: Map<string, Move[]>, far: (m: Move) => string) => {
		const best = new Map<string, { score: number; depth: number; via: Move | null }>([
			[focus, { score: 1, depth: 0, via: null }]
		]);
		let frontier = [focus];
		for (let d = 1; d <= steps; d++) {
			const next = new Set<string>();
			for (const u of frontier) {
				if (u !== focus && isCatchAll(u)) continue;
				const base = best.get(u)!.score;
				for (const m of adjacency.get(u) ?? []) {
					const v = far(m);
					const score = base * m.feasibility;
					const prior = best.get(v);
					if (!prior || score > prior.score) {
						best.set(v, { score, depth: prior ? Math.min(prior.depth, d) : d, via: m });
						next.add(v);
					}
				}
			}
			frontier = [...next].sort(byCode);
		}
		best.delete(focus);
		return [...best]
			.map(([soc, v]) => ({ soc, ...v }))
			.sort((a, b) => b.score - a.score || a.depth - b.depth || byCode(a.soc, b.soc));
	};
	const ahead = reach(out, (m) => m.to);
	const behind = reach(into, (m) => m.from);
	const chosen = new Set([focus]);
	let i = 0;
	let j = 0;
	let turn = 0;
	while (chosen.size < maxNodes && (i < ahead.length || j < behind.length)) {
		const fromAhead = (turn++ % 2 === 0 && i < ahead.length) || j >= behind.length;
		const pick = fromAhead ? ahead[i++]! : behind[j++]!;
		chosen.add(pick.soc);
	}
	const reached = new Set([focus, ...ahead.map((x) => x.soc), ...behind.map((x) => x.soc)]);
	const shown = nodes.filter((n) => chosen.has(n.soc));
	// The move that brought each shown occupation in stays, so nothing shown hangs unconnected.
	const keep = new Set<Move>();
	for (const x of [...ahead, ...behind]) {
		if (chosen.has(x.soc) && x.via && chosen.has(x.via.from) && chosen.has(x.via.to))
			keep.add(x.via);
	}
	const trimmed = strongestMoves(shown, moves, { ...options, keep });
	return { ...trimmed, hiddenNodes: reached.size - chosen.size };
}

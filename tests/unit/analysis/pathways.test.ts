import { describe, expect, it } from 'vitest';
import {
	bfsReachable,
	edgeWageChange,
	educationTier,
	findRoutes,
	indexGraph,
	pathwayLevel,
	scopeGraph,
	type PathwayEdge,
	type PathwayGraph,
	type PathwayLevel,
	type PathwayNode,
	type Route,
	type RouteObjective
} from '../../../src/lib/analysis/pathways';

const node = (soc: string, wage: number | null, extra: Partial<PathwayNode> = {}): PathwayNode => ({
	soc,
	title: soc,
	level: null,
	category: null,
	medianAnnualWage: wage,
	wageTopCoded: false,
	employment: null,
	openings: null,
	jobZone: null,
	entryEducation: null,
	...extra
});

const edge = (from: string, to: string, source = 'onet'): PathwayEdge => ({
	from,
	to,
	source,
	tier: source === 'onet' ? 'Primary-Short' : null,
	rank: source === 'onet' ? 1 : null,
	note: null
});

/** "A>B>C" → edges A→B, B→C. */
const chain = (spec: string) => {
	const socs = spec.split('>');
	return socs.slice(1).map((to, i) => edge(socs[i]!, to));
};

const graph = (wages: Record<string, number | null>, ...chains: string[]): PathwayGraph => ({
	nodes: Object.entries(wages).map(([soc, w]) => node(soc, w)),
	edges: chains.flatMap(chain)
});

const stepsOf = (routes: Route[]) => routes.map((r) => r.steps.join('>'));

describe('pathwayLevel: Job Zone × typical entry education (higher level wins)', () => {
	const zones = [1, 2, 3, 4, 5, null] as const;
	const F = 'feeder';
	const E = 'entry';
	const M = 'mid';
	const A = 'advanced';
	const table: [string | null, (PathwayLevel | null)[]][] = [
		['No formal educational credential', [F, F, E, M, A, F]],
		['High school diploma or equivalent', [F, F, E, M, A, F]],
		['Some college, no degree', [E, E, E, M, A, E]],
		['Postsecondary nondegree award', [E, E, E, M, A, E]],
		["Associate's degree", [E, E, E, M, A, E]],
		["Bachelor's degree", [M, M, M, M, A, M]],
		["Master's degree", [A, A, A, A, A, A]],
		['Doctoral or professional degree', [A, A, A, A, A, A]],
		[null, [F, F, E, M, A, null]],
		['—', [F, F, E, M, A, null]],
		['Apprenticeship', [F, F, E, M, A, null]]
	];
	it.each(
		table.flatMap(([education, levels]) =>
			zones.map((zone, i) => [education, zone, levels[i]!] as const)
		)
	)('%s, Job Zone %s → %s', (education, zone, expected) => {
		expect(pathwayLevel(zone, education)).toBe(expected);
	});

	it.each([
		['Job Zone 0 is not a zone', 0, null],
		['Job Zone 6 is not a zone', 6, null],
		['Job Zone 2.5 is not a zone', 2.5, null],
		['Job Zone 0 with a degree: education decides', 0, "Bachelor's degree"]
	] as const)('%s', (_name, zone, education) => {
		expect(pathwayLevel(zone, education)).toBe(education === null ? null : 'mid');
	});

	it.each([
		['Bachelor’s degree', 'bachelor'],
		['  high school   diploma or EQUIVALENT ', 'secondary'],
		['', null],
		[undefined, null]
	] as const)('education string %j → tier %s', (text, tier) => {
		expect(educationTier(text)).toBe(tier);
	});
});

describe('edgeWageChange reuses stepPremium', () => {
	const nodes = new Map(
		[node('A', 50_000), node('B', 60_000), node('C', 239_200, { wageTopCoded: true })].map((n) => [
			n.soc,
			n
		])
	);
	it.each([
		['a 20% raise', 'A', 'B', { premium: 0.2, paysMore: true, atLeast: false }],
		['a cut', 'B', 'A', { premium: -1 / 6, paysMore: false, atLeast: false }],
		[
			'top-coded destination: lower bound',
			'B',
			'C',
			{ premium: 239_200 / 60_000 - 1, paysMore: true, atLeast: true }
		],
		['top-coded origin: unknown', 'C', 'A', { premium: null, paysMore: null, atLeast: false }],
		['node not in the map', 'A', 'Z', { premium: null, paysMore: null, atLeast: false }]
	])('%s', (_name, from, to, expected) => {
		const got = edgeWageChange({ from, to }, nodes);
		expect(got.paysMore).toBe(expected.paysMore);
		expect(got.atLeast).toBe(expected.atLeast);
		if (expected.premium === null) expect(got.premium).toBeNull();
		else expect(got.premium).toBeCloseTo(expected.premium, 12);
	});
});

describe('scopeGraph', () => {
	const nodes = [
		node('A', 1, { category: 'Design' }),
		node('B', 1, { category: 'Support' }),
		node('C', 1, { category: 'Design' }),
		node('D', 1),
		node('E', 1),
		node('F', 1),
		node('G', 1)
	];
	// A→B→C→D→E and G→F→A, plus C→A, A→Z (Z is not a node).
	const edges = [...chain('A>B>C>D>E'), ...chain('G>F>A'), edge('C', 'A'), edge('A', 'Z')];
	const socs = (g: PathwayGraph) => g.nodes.map((n) => n.soc).join('');
	const links = (g: PathwayGraph) => g.edges.map((e) => e.from + e.to).join(' ');

	it.each([
		['category Design', { kind: 'category', category: 'Design' } as const, 'AC', 'CA'],
		['digital', { kind: 'digital' } as const, 'ABC', 'AB BC CA'],
		[
			'focus A, 2 steps in and out',
			{ kind: 'focus', soc: 'A' } as const,
			'ABCFG',
			'AB BC GF FA CA'
		],
		['focus A, 1 step', { kind: 'focus', soc: 'A', steps: 1 } as const, 'ABCF', 'AB BC FA CA'],
		['focus C, 2 steps', { kind: 'focus', soc: 'C', steps: 2 } as const, 'ABCDE', 'AB BC CD DE CA'],
		['focus on an unknown node', { kind: 'focus', soc: 'Z' } as const, '', '']
	])('%s', (_name, scope, expectedNodes, expectedEdges) => {
		const g = scopeGraph(nodes, edges, scope);
		expect(socs(g)).toBe(expectedNodes);
		expect(links(g)).toBe(expectedEdges);
	});
});

describe('findRoutes on a hand-made graph', () => {
	// Wages in $1,000. From A (40) to T (80): every route with known wages gains +100%.
	const g = graph(
		{ A: 40, B: 50, C: 42, D: 70, E: 60, F: null, G: 44, H: 55, T: 80, X: 30, Z: 90 },
		'A>B>T', // +25%, +60%                      2 steps, climbs
		'A>C>T', // +5%, +90%                       2 steps, climbs
		'A>G>H>T', // +10%, +25%, +45%              3 steps, climbs
		'A>D>E>T', // +75%, −14%, +33%              3 steps, a dip
		'A>X>T', // −25%, +167%                     2 steps, a dip
		'A>F>T', // unknown wage on the way
		'B>A', // cycles back to the start
		'T>A',
		'E>D'
	);
	const K4 = { maxSteps: 4, limit: 10 };

	it.each([
		// Same end-to-end gain for all known routes: the mildest worst step wins, then fewer steps.
		['largest-gain', ['A>B>T', 'A>G>H>T', 'A>C>T', 'A>D>E>T', 'A>X>T', 'A>F>T']],
		// Only routes where no step pays less, fewest steps first, ties by code.
		['never-lower', ['A>B>T', 'A>C>T', 'A>G>H>T']],
		// Fewest steps; a known gain before an unknown one at the same length; ties by code.
		['fewest-steps', ['A>B>T', 'A>C>T', 'A>X>T', 'A>F>T', 'A>D>E>T', 'A>G>H>T']]
	] as const)('%s', (objective, expected) => {
		expect(stepsOf(findRoutes(g, 'A', 'T', { ...K4, objective }))).toEqual(expected);
	});

	it.each([
		['largest-gain', ['A>B>T', 'A>G>H>T', 'A>C>T']],
		['never-lower', ['A>B>T', 'A>C>T', 'A>G>H>T']],
		['fewest-steps', ['A>B>T', 'A>C>T', 'A>X>T']]
	] as const)('%s keeps the best 3 by default', (objective, expected) => {
		expect(stepsOf(findRoutes(g, 'A', 'T', { objective }))).toEqual(expected);
	});

	it('reports the end-to-end gain and each step premium', () => {
		const [best] = findRoutes(g, 'A', 'T', { objective: 'largest-gain', limit: 1 });
		expect(best!.wageGainPct).toBeCloseTo(1, 12);
		expect(best!.gainAtLeast).toBe(false);
		expect(best!.stepPremiums[0]).toBeCloseTo(0.25, 12);
		expect(best!.stepPremiums[1]).toBeCloseTo(0.6, 12);
		const unknown = findRoutes(g, 'A', 'T', { objective: 'largest-gain', limit: 10 }).at(-1)!;
		expect(unknown.steps).toEqual(['A', 'F', 'T']);
		expect(unknown.wageGainPct).toBeNull();
		expect(unknown.stepPremiums).toEqual([null, null]);
	});

	it.each([
		['from === to', 'A', 'A', 4],
		['unreachable target (no edge into Z)', 'A', 'Z', 4],
		['unknown origin', 'Q', 'T', 4],
		['unknown target', 'A', 'Q', 4],
		['no direct edge and maxSteps 1', 'A', 'T', 1],
		['maxSteps 0', 'A', 'T', 0]
	])('%s → []', (_name, from, to, maxSteps) => {
		for (const objective of ['largest-gain', 'never-lower', 'fewest-steps'] as const) {
			expect(findRoutes(g, from, to, { objective, maxSteps })).toEqual([]);
		}
	});

	it('never-lower returns [] when every route has a dip', () => {
		expect(findRoutes(g, 'D', 'T', { objective: 'never-lower' })).toEqual([]);
		expect(stepsOf(findRoutes(g, 'D', 'T', { objective: 'fewest-steps' }))).toEqual(['D>E>T']);
	});

	it('follows cycles without repeating a node', () => {
		const routes = findRoutes(g, 'B', 'H', { objective: 'fewest-steps', maxSteps: 6, limit: 50 });
		expect(stepsOf(routes)).toEqual(['B>A>G>H', 'B>T>A>G>H']);
		for (const r of routes) expect(new Set(r.steps).size).toBe(r.steps.length);
	});
});

describe('findRoutes limits and ties', () => {
	const long = graph({ P: 10, Q: 11, R: 12, S: 13, U: 14, V: 15 }, 'P>Q>R>S>U>V');
	it.each([
		[4, []],
		[5, ['P>Q>R>S>U>V']]
	])('a 5-step chain with maxSteps %i', (maxSteps, expected) => {
		expect(stepsOf(findRoutes(long, 'P', 'V', { objective: 'fewest-steps', maxSteps }))).toEqual(
			expected
		);
	});

	// Two routes alike in every measure: the lexicographically smaller soc sequence comes first,
	// whatever order the edges arrive in.
	const tie: PathwayGraph = {
		nodes: [node('S', 50), node('M2', 60), node('M1', 60), node('E', 70)],
		edges: [...chain('S>M2>E'), ...chain('S>M1>E')]
	};
	it.each(['largest-gain', 'never-lower', 'fewest-steps'] as const)('tie under %s', (objective) => {
		expect(stepsOf(findRoutes(tie, 'S', 'E', { objective }))).toEqual(['S>M1>E', 'S>M2>E']);
		const reversed = { nodes: [...tie.nodes].reverse(), edges: [...tie.edges].reverse() };
		expect(findRoutes(reversed, 'S', 'E', { objective })).toEqual(
			findRoutes(tie, 'S', 'E', { objective })
		);
	});

	it('a top-coded destination makes the gain a lower bound', () => {
		const g: PathwayGraph = {
			nodes: [node('S', 100_000), node('M', 150_000), node('E', 239_200, { wageTopCoded: true })],
			edges: chain('S>M>E')
		};
		const [r] = findRoutes(g, 'S', 'E', { objective: 'never-lower' });
		expect(r!.wageGainPct).toBeCloseTo(1.392, 12);
		expect(r!.gainAtLeast).toBe(true);
	});

	it('a top-coded origin leaves every gain unknown and never-lower empty', () => {
		const g: PathwayGraph = {
			nodes: [node('S', 239_200, { wageTopCoded: true }), node('M', 150_000), node('E', 200_000)],
			edges: [...chain('S>M>E'), edge('S', 'E')]
		};
		const routes = findRoutes(g, 'S', 'E', { objective: 'largest-gain' });
		expect(stepsOf(routes)).toEqual(['S>E', 'S>M>E']);
		expect(routes.map((r) => r.wageGainPct)).toEqual([null, null]);
		expect(findRoutes(g, 'S', 'E', { objective: 'never-lower' })).toEqual([]);
	});

	it('parallel edges from two sources count once', () => {
		const g: PathwayGraph = {
			nodes: [node('S', 1), node('E', 2)],
			edges: [edge('S', 'E'), edge('S', 'E', 'curated')]
		};
		expect(stepsOf(findRoutes(g, 'S', 'E', { objective: 'fewest-steps' }))).toEqual(['S>E']);
	});
});

describe('findRoutes agrees with exhaustive enumeration (pseudo-random graphs)', () => {
	// Reference: every simple path up to K edges, ranked by the documented keys, no pruning.
	function reference(g: PathwayGraph, from: string, to: string, k: number, obj: RouteObjective) {
		const wage = new Map(g.nodes.map((n) => [n.soc, n.medianAnnualWage]));
		const out = new Map<string, string[]>();
		for (const e of g.edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
		const paths: string[][] = [];
		const walk = (p: string[]) => {
			const last = p.at(-1)!;
			if (last === to && p.length > 1) return void paths.push(p);
			if (p.length > k) return;
			for (const v of new Set(out.get(last) ?? [])) if (!p.includes(v)) walk([...p, v]);
		};
		if (from !== to) walk([from]);
		const scored = paths.map((p) => {
			const w = p.map((s) => wage.get(s) ?? null);
			const prem = w
				.slice(1)
				.map((x, i) => (x === null || w[i] === null ? null : (x - w[i]!) / w[i]!));
			const gain = w.every((x) => x !== null) ? (w.at(-1)! - w[0]!) / w[0]! : null;
			const worst = prem.some((x) => x === null) ? null : Math.min(...(prem as number[]));
			return { key: p.join('>'), n: p.length, gain, worst, prem };
		});
		const nl = (a: number | null) => (a === null ? -Infinity : a);
		const kept =
			obj === 'never-lower'
				? scored.filter((s) => s.prem.every((x) => x !== null && x >= 0))
				: scored;
		return kept
			.sort(
				(a, b) =>
					(obj === 'largest-gain'
						? nl(b.gain) - nl(a.gain) || nl(b.worst) - nl(a.worst) || a.n - b.n
						: a.n - b.n || nl(b.gain) - nl(a.gain)) || (a.key < b.key ? -1 : 1)
			)
			.slice(0, 3)
			.map((s) => s.key);
	}

	// A fixed linear congruential generator: the same graphs on every run.
	function makeGraph(seed: number, n: number, degree: number): PathwayGraph {
		let x = seed;
		const next = () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
		const socs = Array.from({ length: n }, (_, i) => `N${String(i).padStart(2, '0')}`);
		const nodes = socs.map((s) => node(s, next() < 0.1 ? null : 20 + Math.floor(next() * 10) * 5));
		const edges = socs.flatMap((s) =>
			Array.from({ length: degree }, () => edge(s, socs[Math.floor(next() * n)]!))
		);
		return { nodes, edges };
	}

	it.each([
		[1, 20, 3],
		[7, 30, 4],
		[42, 12, 5]
	])('seed %i, %i nodes, out-degree %i', (seed, n, degree) => {
		const g = makeGraph(seed, n, degree);
		const ix = indexGraph(g);
		let compared = 0;
		for (let i = 0; i < 15; i++) {
			const from = g.nodes[(i * 7) % n]!.soc;
			const to = g.nodes[(i * 11 + 3) % n]!.soc;
			for (const k of [2, 3, 4]) {
				for (const objective of ['largest-gain', 'never-lower', 'fewest-steps'] as const) {
					const got = stepsOf(findRoutes(ix, from, to, { objective, maxSteps: k }));
					expect(got, `${from}→${to} K=${k} ${objective}`).toEqual(
						reference(g, from, to, k, objective)
					);
					compared += got.length;
				}
			}
		}
		expect(compared).toBeGreaterThan(50);
	});
});

describe('bfsReachable', () => {
	const g = graph({ A: 1, B: 1, C: 1, D: 1, E: 1 }, 'A>B>C>D', 'B>A', 'A>C');
	it.each([
		[0, { A: 0 }],
		[1, { A: 0, B: 1, C: 1 }],
		[5, { A: 0, B: 1, C: 1, D: 2 }]
	])('from A within %i steps', (maxSteps, expected) => {
		expect(Object.fromEntries(bfsReachable(g, 'A', maxSteps))).toEqual(expected);
	});
	it('an unknown origin reaches nothing', () => {
		expect(bfsReachable(g, 'Q', 3).size).toBe(0);
	});
	it('a duplicated node is refused', () => {
		expect(() => indexGraph({ nodes: [node('A', 1), node('A', 2)], edges: [] })).toThrow(
			/A appears twice/
		);
	});
});

import { describe, expect, it } from 'vitest';
import { findCareerRoutes, indexMoves } from '../../../src/lib/analysis/career-routes';
import { buildMoves } from '../../../src/lib/analysis/moves';
import { curatedMove, pathwayNode } from './pathway-helpers';

const node = (soc: string, wage: number | null, jobZone: number | null = 3) =>
	pathwayNode(soc, { medianAnnualWage: wage, jobZone });
const move = curatedMove;

const paths = (routes: ReturnType<typeof findCareerRoutes>) => routes.map((r) => r.path.join('>'));

// S → T three ways:
//   S>A>T  feasibility .95 × .95; first step +5% (fails the 10% rule)
//   S>B>T  feasibility .5 × .5;   steps +40%, +43%
//   S>C>D>T feasibility .99³;     steps +15%, +30%, +33%
const nodes = [
	node('S', 40000),
	node('A', 42000),
	node('B', 56000),
	node('C', 46000),
	node('D', 60000),
	node('T', 80000)
];
const moves = [
	move('S', 'A', 0.95),
	move('A', 'T', 0.95),
	move('S', 'B', 0.5),
	move('B', 'T', 0.5),
	move('S', 'C', 0.99),
	move('C', 'D', 0.99),
	move('D', 'T', 0.99)
];
const ix = indexMoves(nodes, moves);

describe('findCareerRoutes: objectives that differ', () => {
	it('most feasible: largest product of step feasibilities', () => {
		const routes = findCareerRoutes(ix, 'S', 'T');
		expect(paths(routes)).toEqual(['S>C>D>T', 'S>A>T', 'S>B>T']);
		expect(routes.map((r) => r.score)).toEqual(
			[0.99 ** 3, 0.95 * 0.95, 0.25].map((v) => expect.closeTo(v, 12))
		);
		expect(routes[0]!.steps.map((s) => s.feasibility)).toEqual([0.99, 0.99, 0.99]);
		expect(routes[0]!.wageGain).toBeCloseTo(1);
	});

	it('pay per step: every step ≥ 10%, ranked by the smallest raise', () => {
		const routes = findCareerRoutes(ix, 'S', 'T', { objective: 'pay-per-step' });
		expect(paths(routes)).toEqual(['S>B>T', 'S>C>D>T']);
		expect(routes[0]!.score).toBeCloseTo(0.4);
		expect(routes[1]!.score).toBeCloseTo(0.15);
		expect(routes[0]!.gainPerStep).toBeCloseTo(Math.sqrt(2) - 1);
	});

	it('fewest steps: then the more feasible', () => {
		const routes = findCareerRoutes(ix, 'S', 'T', { objective: 'fewest-steps' });
		expect(paths(routes)).toEqual(['S>A>T', 'S>B>T', 'S>C>D>T']);
		expect(routes.map((r) => r.score)).toEqual([2, 2, 3]);
	});

	it('respects maxSteps and limit', () => {
		expect(paths(findCareerRoutes(ix, 'S', 'T', { maxSteps: 2 }))).toEqual(['S>A>T', 'S>B>T']);
		expect(paths(findCareerRoutes(ix, 'S', 'T', { limit: 1 }))).toEqual(['S>C>D>T']);
		expect(findCareerRoutes(ix, 'S', 'T', { maxSteps: 1 })).toEqual([]);
		expect(findCareerRoutes(ix, 'S', 'S')).toEqual([]);
		expect(findCareerRoutes(ix, 'S', 'nowhere')).toEqual([]);
	});
});

describe('findCareerRoutes: tie-breaks', () => {
	it('equal feasibility and steps: code order of the path', () => {
		const tie = indexMoves(
			[node('S', 40000), node('P', 50000), node('Q', 50000), node('T', 80000)],
			[move('S', 'Q', 0.8), move('Q', 'T', 0.8), move('S', 'P', 0.8), move('P', 'T', 0.8)]
		);
		for (const objective of ['most-feasible', 'pay-per-step', 'fewest-steps'] as const) {
			expect(paths(findCareerRoutes(tie, 'S', 'T', { objective }))).toEqual(['S>P>T', 'S>Q>T']);
		}
	});

	it('most feasible: equal product → fewer steps first', () => {
		const tie = indexMoves(
			[node('S', 40000), node('P', 50000), node('T', 80000)],
			[move('S', 'T', 0.64), move('S', 'P', 0.8), move('P', 'T', 0.8)]
		);
		expect(paths(findCareerRoutes(tie, 'S', 'T'))).toEqual(['S>T', 'S>P>T']);
	});
});

describe('findCareerRoutes: catch-alls and pay floors', () => {
	it('never passes through a catch-all, but may end at one', () => {
		const g = indexMoves(
			[
				node('15-1232', 50000),
				node('15-1299', 90000),
				node('15-1244', 80000),
				node('15-1212', 110000)
			],
			[
				move('15-1232', '15-1299', 1),
				move('15-1299', '15-1212', 1),
				move('15-1232', '15-1244', 0.5),
				move('15-1244', '15-1212', 0.5)
			]
		);
		expect(paths(findCareerRoutes(g, '15-1232', '15-1212'))).toEqual(['15-1232>15-1244>15-1212']);
		expect(paths(findCareerRoutes(g, '15-1232', '15-1299'))).toEqual(['15-1232>15-1299']);
	});

	it('a dip below 75% of the starting pay is refused even when dips are allowed', () => {
		const g = indexMoves(
			[node('S', 40000), node('E', 29000), node('F', 31000), node('T', 60000)],
			[move('S', 'E', 1), move('E', 'T', 1), move('S', 'F', 0.5), move('F', 'T', 0.5)]
		);
		const routes = findCareerRoutes(g, 'S', 'T', { objective: 'pay-per-step', minStepGain: -1 });
		expect(paths(routes)).toEqual(['S>F>T']);
		expect(routes[0]!.smallestStepGain).toBeCloseTo(31 / 40 - 1);
	});

	it('an unknown wage keeps a route out of pay-per-step only', () => {
		const g = indexMoves(
			[node('S', 40000), node('U', null), node('T', 60000)],
			[move('S', 'U', 1), move('U', 'T', 1)]
		);
		expect(findCareerRoutes(g, 'S', 'T', { objective: 'pay-per-step' })).toEqual([]);
		const [r] = findCareerRoutes(g, 'S', 'T');
		expect(r!.wageGain).toBeNull();
	});
});

describe('moves and routes together: no multi-zone jumps', () => {
	it('a two-zone O*NET pair is not a move; the route goes through the zone between', () => {
		const ns = [node('A', 30000, 2), node('B', 50000, 3), node('C', 90000, 4)];
		const onet = (from: string, to: string) => ({
			from,
			to,
			source: 'onet',
			tier: 'Primary-Short' as const,
			rank: 1,
			note: null
		});
		const { moves: ms } = buildMoves(ns, [onet('A', 'C'), onet('A', 'B'), onet('B', 'C')]);
		const routes = findCareerRoutes(indexMoves(ns, ms), 'A', 'C');
		expect(paths(routes)).toEqual(['A>B>C']);
		for (const s of routes[0]!.steps)
			expect(s.jobZone.to! - s.jobZone.from!).toBeLessThanOrEqual(1);
	});
});

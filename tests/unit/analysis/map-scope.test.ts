import { describe, expect, it } from 'vitest';
import { focusMap, strongestMoves } from '../../../src/lib/analysis/map-scope';
import type { Move } from '../../../src/lib/analysis/moves';
import { curatedMove, pathwayNode } from './pathway-helpers';

const node = (soc: string) => pathwayNode(soc);
const move = curatedMove;

const keys = (moves: Move[]) => moves.map((m) => `${m.from}>${m.to}`);

describe('strongestMoves', () => {
	// Hub H sends five moves out; each leaf receives only its one.
	const nodes = ['H', 'a', 'b', 'c', 'd', 'e', 'X'].map(node);
	const moves = [
		move('H', 'a', 0.9),
		move('H', 'b', 0.8),
		move('H', 'c', 0.7),
		move('H', 'd', 0.6),
		move('H', 'e', 0.5),
		move('a', 'b', 0.2),
		move('a', 'b', 0.2),
		move('H', 'Z', 1) // Z is not in scope
	];

	it("keeps a move when it is among either end's strongest", () => {
		const out = strongestMoves(nodes, moves, { perNode: 1 });
		// H's strongest out is H>a; each leaf's strongest move in is from H; a's only move out
		// (the first a>b) is its strongest; the repeated a>b is neither end's strongest.
		expect(keys(out.moves)).toEqual(['H>a', 'H>b', 'H>c', 'H>d', 'H>e', 'a>b']);
		expect(out.hiddenMoves).toBe(1);
	});

	it('show all keeps every move in scope, strongest first', () => {
		const out = strongestMoves(nodes, moves, { showAll: true });
		expect(keys(out.moves)).toEqual(['H>a', 'H>b', 'H>c', 'H>d', 'H>e', 'a>b', 'a>b']);
		expect(out.hiddenMoves).toBe(0);
	});
});

describe('focusMap', () => {
	// F has 20 next steps n00..n19 (each 2 further steps on) and 20 feeders p00..p19.
	const socs = ['F'];
	const moves: Move[] = [];
	for (let i = 0; i < 20; i++) {
		const k = String(i).padStart(2, '0');
		socs.push(`n${k}`, `p${k}`, `q${k}`, `r${k}`);
		moves.push(move('F', `n${k}`, 0.5 + i / 50));
		moves.push(move(`p${k}`, 'F', 0.4 + i / 50));
		moves.push(move(`n${k}`, `q${k}`, 0.99));
		moves.push(move(`q${k}`, `r${k}`, 0.99)); // 3 steps away: never reached
	}
	const nodes = socs.map(node);

	it('at most 25 occupations, best next steps and feeders alternately, two steps out', () => {
		const out = focusMap(nodes, moves, 'F');
		expect(out.nodes).toHaveLength(25);
		const shown = new Set(out.nodes.map((n) => n.soc));
		expect([...shown].filter((s) => s.startsWith('p'))).toHaveLength(12);
		expect([...shown].filter((s) => /^[nq]/.test(s))).toHaveLength(12);
		expect([...shown].some((s) => s.startsWith('r'))).toBe(false);
		// The best feeder (p19, 0.78) and the best next step (n19, 0.88) with its own next (q19).
		for (const s of ['p19', 'n19', 'q19']) expect(shown.has(s)).toBe(true);
		expect(out.hiddenNodes).toBe(60 - 24);
		// Every shown occupation keeps the move that brought it in.
		for (const soc of shown) {
			if (soc !== 'F') expect(out.moves.some((m) => m.from === soc || m.to === soc)).toBe(true);
		}
	});

	it('does not go on through a catch-all; unknown focus → empty', () => {
		const out = focusMap(
			['F', '15-1299', 'beyond'].map(node),
			[move('F', '15-1299', 1), move('15-1299', 'beyond', 1)],
			'F'
		);
		expect(out.nodes.map((n) => n.soc)).toEqual(['F', '15-1299']);
		expect(focusMap(nodes, moves, 'nope').nodes).toEqual([]);
	});
});

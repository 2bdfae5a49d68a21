import { describe, expect, it } from 'vitest';
import {
	buildMoves,
	feasibilityScore,
	isCatchAll,
	moveDirection,
	preparationScore
} from '../../../src/lib/analysis/moves';
import type { PathwayEdge } from '../../../src/lib/analysis/pathways';
import type { SkillProfile } from '../../../src/lib/analysis/skills';
import { pathwayNode } from './pathway-helpers';

const node = (
	soc: string,
	jobZone: number | null,
	wage: number | null,
	entryEducation: string | null = null
) => pathwayNode(soc, { jobZone, medianAnnualWage: wage, entryEducation });

const onet = (
	from: string,
	to: string,
	tier: PathwayEdge['tier'] = 'Primary-Short'
): PathwayEdge => ({
	from,
	to,
	source: 'onet',
	tier,
	rank: 1,
	note: null
});

/** A profile from importance × level pairs over skills s0, s1, … */
const profile = (...pairs: [number, number][]): SkillProfile =>
	new Map(
		pairs.map(([importance, level], i) => [`s${i}`, { name: `Skill ${i}`, importance, level }])
	);

describe('moveDirection: Job Zone, then education, then pay', () => {
	it.each([
		['zone up', node('a', 2, 90000), node('b', 3, 40000), 'up'],
		['zone down wins over pay', node('a', 3, 40000), node('b', 2, 90000), 'down'],
		[
			'same zone, more education',
			node('a', 3, 50000, 'High school diploma or equivalent'),
			node('b', 3, 45000, "Associate's degree"),
			'up'
		],
		[
			'same zone, less education',
			node('a', 3, 50000, "Bachelor's degree"),
			node('b', 3, 60000, "Associate's degree"),
			'down'
		],
		['same preparation, pay rise', node('a', 3, 50000), node('b', 3, 51000), 'up'],
		['same preparation, pay cut', node('a', 3, 50000), node('b', 3, 49000), 'down'],
		['same preparation, pay unknown', node('a', 3, 50000), node('b', 3, null), 'lateral'],
		[
			'zone unknown, education decides',
			node('a', null, 50000, "Bachelor's degree"),
			node('b', 4, 40000, "Master's degree"),
			'up'
		]
	] as const)('%s', (_, a, b, expected) => {
		expect(moveDirection(a, b)).toBe(expected);
	});
});

describe('feasibility parts', () => {
	it.each([
		// zone step, education step → preparation
		[node('a', 3, 1, "Associate's degree"), node('b', 3, 1, "Associate's degree"), 1],
		[node('a', 3, 1, "Associate's degree"), node('b', 4, 1, "Associate's degree"), 0.5],
		[node('a', 3, 1, 'High school diploma or equivalent'), node('b', 4, 1, "Bachelor's degree"), 0],
		[node('a', 3, 1, "Associate's degree"), node('b', 4, 1, "Bachelor's degree"), 0.25],
		[node('a', null, 1), node('b', 4, 1), null]
	] as const)('preparation %#', (a, b, expected) => {
		expect(preparationScore(a, b)).toBe(expected);
	});

	it('weights the known parts and renormalises over them', () => {
		expect(feasibilityScore({ relatedness: 1, skills: 0.5, preparation: 0.5 })).toBeCloseTo(
			0.4 + 0.2 + 0.1
		);
		// skills unknown: (0.4·1 + 0.2·0.5) / 0.6
		expect(feasibilityScore({ relatedness: 1, skills: null, preparation: 0.5 })).toBeCloseTo(
			0.5 / 0.6
		);
		expect(feasibilityScore({ relatedness: 0.5, skills: null, preparation: null })).toBe(0.5);
	});
});

describe('isCatchAll', () => {
	it.each([
		['15-1299', true],
		['15-1299.00', true],
		['15-1299.08', false],
		['15-1252', false],
		['11-9199', true],
		['11-9190', false]
	])('%s → %s', (code, expected) => expect(isCatchAll(code)).toBe(expected));
});

describe('buildMoves', () => {
	const nodes = [
		node('A', 2, 40000),
		node('B', 3, 60000),
		node('C', 4, 90000),
		node('D', 3, 60000),
		node('E', 3, 60000),
		node('X', 3, 50000)
	];

	it('orients O*NET pairs upward, keeps the best tier from either list, rejects zone jumps', () => {
		const { moves, rejected } = buildMoves(nodes, [
			onet('B', 'A', 'Supplemental'), // listed downward: becomes A→B
			onet('A', 'B', 'Primary-Long'),
			onet('A', 'C'), // two zones up
			onet('D', 'E') // same preparation and pay: both ways
		]);
		expect(moves.map((m) => `${m.from}>${m.to}`)).toEqual(['A>B', 'D>E', 'E>D']);
		const ab = moves[0]!;
		expect(ab.sources).toEqual([
			{ kind: 'onet', tier: 'Primary-Long', rank: 1 },
			{ kind: 'onet', tier: 'Supplemental', rank: 1 }
		]);
		expect(ab.parts.relatedness).toBe(0.75);
		expect(ab.direction).toBe('up');
		expect(ab.wageChange).toBeCloseTo(0.5);
		expect(ab.jobZone).toEqual({ from: 2, to: 3 });
		expect(moves[1]!.direction).toBe('lateral');
		expect(rejected).toEqual([
			{
				from: 'A',
				to: 'C',
				reason: 'zone-jump',
				sources: [{ kind: 'onet', tier: 'Primary-Short', rank: 1 }]
			}
		]);
	});

	it('keeps a board edge in its own direction, rejects one that goes down', () => {
		const edges: PathwayEdge[] = [
			{ from: 'B', to: 'C', source: 'curated', tier: null, rank: null, note: 'apprenticeship' },
			{ from: 'C', to: 'B', source: 'partner.csv', tier: null, rank: null, note: null },
			{ from: 'B', to: 'Q', source: 'curated', tier: null, rank: null, note: null }
		];
		const { moves, rejected } = buildMoves(nodes, edges);
		expect(moves.map((m) => [m.from, m.to, m.parts.relatedness])).toEqual([['B', 'C', 1]]);
		expect(rejected.map((r) => [r.from, r.to, r.reason])).toEqual([
			['B', 'Q', 'unknown-node'],
			['C', 'B', 'down']
		]);
	});

	it("keeps a curated move toward less preparation as the editor's own, apart from the O*NET move up", () => {
		// O*NET relates B (zone 3) and C (zone 4): the move it supports runs B → C. An editor says
		// people here go C → B; that is a move of its own, curated, not a second source of B → C.
		const { moves, rejected } = buildMoves(nodes, [
			onet('C', 'B', 'Supplemental'),
			{ from: 'C', to: 'B', source: 'curated', tier: null, rank: null, note: 'returners' }
		]);
		expect(rejected).toEqual([]);
		expect(moves.map((m) => [m.from, m.to, m.direction, m.sources.map((s) => s.kind)])).toEqual([
			['B', 'C', 'up', ['onet']],
			['C', 'B', 'down', ['curated']]
		]);
		const cb = moves[1]!;
		expect(cb.sources).toEqual([{ kind: 'curated', note: 'returners' }]);
		expect(cb.parts.relatedness).toBe(1);
		expect(cb.jobZone).toEqual({ from: 4, to: 3 });
		expect(cb.wageChange).toBeCloseTo(60000 / 90000 - 1);
		// Still never more than one Job Zone in one move, whoever states it.
		const jump = buildMoves(nodes, [
			{ from: 'C', to: 'A', source: 'curated', tier: null, rank: null, note: null }
		]);
		expect(jump.moves).toEqual([]);
		expect(jump.rejected.map((r) => r.reason)).toEqual(['zone-jump']);
	});

	it('adds the skills part, the viable flag and similarity-only moves', () => {
		const profiles = new Map<string, SkillProfile>([
			['B', profile([5, 6], [1, 1], [3, 3], [2, 2])],
			['C', profile([5, 7], [1, 1], [3, 4], [2, 2])], // leans on the same skills
			['D', profile([1, 1], [5, 6], [2, 2], [3, 3])] // the opposite
		]);
		const { moves } = buildMoves(nodes, [onet('B', 'D')], { profiles, similarNeighbours: 1 });
		const bc = moves.find((m) => m.from === 'B' && m.to === 'C')!;
		expect(bc.sources).toEqual([{ kind: 'skills' }]);
		expect(bc.parts.relatedness).toBe(0);
		expect(bc.parts.skills).toBeGreaterThan(0.95);
		expect(bc.similarEnough).toBe(true);
		const bd = moves.find((m) => m.from === 'B' && m.to === 'D')!;
		expect(bd.parts.skills).toBe(0);
		expect(bd.similarEnough).toBe(false);
		// Both parts stay visible: an O*NET relation with unlike skills, a like pair with no relation.
		expect(bd.feasibility).toBeCloseTo((0.4 * 1 + 0.2 * 1) / 1);
		expect(bc.feasibility).toBeCloseTo(0.4 * bc.parts.skills! + 0.2 * 0.5);
	});

	it('marks catch-all ends', () => {
		const { moves } = buildMoves(
			[node('15-1232', 3, 60000), node('15-1299', 4, 100000)],
			[onet('15-1232', '15-1299')]
		);
		expect(moves[0]!.catchAll).toEqual({ from: false, to: true });
	});
});

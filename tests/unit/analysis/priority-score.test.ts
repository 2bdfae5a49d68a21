import { describe, expect, it } from 'vitest';
import {
	comparePriority,
	DEFAULT_PRIORITY_SCORE_WEIGHTS,
	parsePriorityWeights,
	rankMovement,
	rankPositions,
	scorePriorities,
	type PriorityScoreInput
} from '../../../src/lib/analysis/priority-score';

const row = (id: string, over: Partial<PriorityScoreInput> = {}): PriorityScoreInput => ({
	id,
	employment: 1000,
	openings: 100,
	gap: 50,
	wageRatio: 1,
	underRepresentationPoints: 0,
	...over
});

describe('scorePriorities', () => {
	it.each([
		[
			'employment suppressed',
			{ employment: null, employmentSuppressed: true },
			'employment-suppressed'
		],
		['employment missing', { employment: null }, 'employment-missing'],
		['employment zero', { employment: 0 }, 'employment-missing'],
		['openings missing', { openings: null }, 'openings-missing']
	] as const)('does not score a row with %s', (_c, over, reason) => {
		const [s] = scorePriorities([row('A', over), row('B'), row('C', { openings: 50 })]);
		expect(s).toMatchObject({ score: null, reason });
		expect(Object.values(s!.components).every((c) => c === null)).toBe(true);
	});

	it('does not rank an anesthesiologist with suppressed employment on wage alone', () => {
		const rows = [
			row('anesthesiologists', {
				employment: null,
				employmentSuppressed: true,
				openings: null,
				wageRatio: 5,
				wageTopCoded: true
			}),
			row('clerks', { employment: 50_000, openings: 5_000, wageRatio: 0.7 }),
			row('developers', { employment: 20_000, openings: 2_000, wageRatio: 2 })
		];
		const scores = scorePriorities(rows);
		expect(scores[0]!.score).toBeNull();
		const order = [...scores].sort(comparePriority).map((s) => s.id);
		expect(order.at(-1)).toBe('anesthesiologists');
	});

	it('uses rates, so size alone does not raise a score', () => {
		// Same rates and wages; 100× the workers. Equal scores.
		const scores = scorePriorities([
			row('small', { employment: 100, openings: 10, gap: 5 }),
			row('large', { employment: 10_000, openings: 1_000, gap: 500 }),
			row('other', { employment: 1_000, openings: 50, gap: 40, wageRatio: 0.5 })
		]);
		expect(scores[0]!.score).toBeCloseTo(scores[1]!.score!, 12);
	});

	it('ranks a top-coded wage above every published one, tied with other caps', () => {
		const scores = scorePriorities([
			row('cap1', { wageRatio: 3, wageTopCoded: true }),
			row('cap2', { wageRatio: 2.9, wageTopCoded: true }),
			row('published', { wageRatio: 4 }),
			row('low', { wageRatio: 0.5 })
		]);
		expect(scores[0]!.components.wage).toBe(scores[1]!.components.wage);
		expect(scores[0]!.components.wage!).toBeGreaterThan(scores[2]!.components.wage!);
	});

	it('computes the score from known components only', () => {
		// Three scored rows; the middle one has no gap (not applicable) and no representation data.
		const scores = scorePriorities([
			row('a', {
				employment: 100,
				openings: 10,
				gap: 1,
				wageRatio: 1,
				underRepresentationPoints: 0
			}),
			row('b', {
				employment: 100,
				openings: 20,
				gap: null,
				wageRatio: 2,
				underRepresentationPoints: null
			}),
			row('c', {
				employment: 100,
				openings: 30,
				gap: 27,
				wageRatio: 3,
				underRepresentationPoints: 10
			})
		]);
		// b: demand rank 0.5, wage rank 0.5 → 50.
		expect(scores[1]!.components).toEqual({
			demand: 0.5,
			unmet: null,
			wage: 0.5,
			representation: null
		});
		expect(scores[1]!.score).toBeCloseTo(50, 12);
		// c: highest on every measure → 100; a: lowest everywhere → 0.
		expect(scores[2]!.score).toBeCloseTo(100, 12);
		expect(scores[0]!.score).toBeCloseTo(0, 12);
	});

	it('ranks a job with no training route lowest on unmet, not on its other measures alone', () => {
		// `na` has the highest turnover; left unscored on unmet it would top the list.
		const rows = (flag: boolean) => [
			row('na', { openings: 400, gap: null, gapNotApplicable: flag }),
			row('short', { openings: 100, gap: 10 }),
			row('long', { openings: 100, gap: 90 }),
			row('unknown', { openings: 200, gap: null })
		];
		const scores = scorePriorities(rows(true));
		// Ranked among the rows with a gap (0.1 and 0.9 of openings unmet); `na` below them all.
		expect(scores.map((s) => s.components.unmet)).toEqual([0, 0, 1, null]);
		// na: demand 1, unmet 0, wage and representation tied at 0.5 → 50.
		expect(scores[0]!.score).toBeCloseTo(50, 12);
		// unknown leaves unmet out: demand 2/3, wage 0.5, representation 0.5 → 55.6.
		expect(scores[3]!.score).toBeCloseTo((100 * (2 / 3 + 1)) / 3, 12);
		// Without the rule `na` scores (1 + 0.5 + 0.5) / 3 and comes first.
		const before = scorePriorities(rows(false));
		expect(before[0]!.score).toBeCloseTo(200 / 3, 12);
		expect(rankPositions(before).get('na')).toBe(1);
		expect(rankPositions(scores).get('na')).not.toBe(1);
	});

	it('follows the weights', () => {
		const rows = [
			row('demand', { openings: 300, wageRatio: 0.8 }),
			row('wage', { openings: 50, wageRatio: 3 })
		];
		const demandFirst = scorePriorities(rows, { demand: 5, unmet: 0, wage: 1, representation: 0 });
		const wageFirst = scorePriorities(rows, { demand: 1, unmet: 0, wage: 5, representation: 0 });
		expect(demandFirst[0]!.score!).toBeGreaterThan(demandFirst[1]!.score!);
		expect(wageFirst[1]!.score!).toBeGreaterThan(wageFirst[0]!.score!);
	});
});

describe('rankPositions and rankMovement', () => {
	const rows = [
		row('A', { openings: 300, wageRatio: 0.8, gap: 10 }),
		row('B', { openings: 50, wageRatio: 3, gap: 40 }),
		row('C', { openings: 100, wageRatio: 1.5, gap: 90 }),
		row('D', { employment: null })
	];

	it('numbers scored rows from 1 and leaves unscored rows unranked', () => {
		const ranks = rankPositions(scorePriorities(rows));
		expect(ranks.get('D')).toBeNull();
		expect([...ranks.values()].filter((r) => r !== null).sort()).toEqual([1, 2, 3]);
	});

	it('shows what moves a rank across scenarios', () => {
		const movement = rankMovement([
			{
				label: 'demand',
				scores: scorePriorities(rows, { demand: 1, unmet: 0, wage: 0, representation: 0 })
			},
			{
				label: 'wage',
				scores: scorePriorities(rows, { demand: 0, unmet: 0, wage: 1, representation: 0 })
			},
			{
				label: 'unmet',
				scores: scorePriorities(rows, { demand: 0, unmet: 1, wage: 0, representation: 0 })
			}
		]);
		expect(movement.get('A')!.ranks).toEqual({ demand: 1, wage: 3, unmet: 3 });
		expect(movement.get('A')).toMatchObject({ best: 1, worst: 3, spread: 2 });
		expect(movement.get('B')!.ranks).toEqual({ demand: 3, wage: 1, unmet: 2 });
		expect(movement.get('D')).toMatchObject({ best: null, worst: null, spread: null });
	});
});

describe('parsePriorityWeights', () => {
	it.each([
		[null, DEFAULT_PRIORITY_SCORE_WEIGHTS],
		['demand=2,unmet=0', { demand: 2, unmet: 0, wage: 1, representation: 1 }],
		['gap=3', { demand: 1, unmet: 3, wage: 1, representation: 1 }],
		['wage=-1,bogus=3,demand=x,representation=', DEFAULT_PRIORITY_SCORE_WEIGHTS]
	])('%j', (text, expected) => expect(parsePriorityWeights(text)).toEqual(expected));
});

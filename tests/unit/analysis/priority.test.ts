import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, parseWeights, priorityScores } from '../../../src/lib/analysis/priority';
import { summariseByCategory } from '../../../src/lib/analysis/digital-jobs';

describe('priorityScores', () => {
	const rows = [
		{ demand: 100, gap: 50, wage: 1.2, representation: 10 },
		{ demand: 300, gap: 150, wage: 2.0, representation: 40 },
		{ demand: 200, gap: null, wage: 0.8, representation: null }
	];
	it('ranks by the mean percentile rank of the known measures', () => {
		const [a, b, c] = priorityScores(rows);
		expect(b!.score).toBe(100);
		expect(a!.score).toBeCloseTo((100 * (0 + 0 + 0.5 + 0)) / 4, 9);
		// c knows demand (rank 0.5) and wage (rank 0): the rest drop out.
		expect(c!.score).toBeCloseTo((100 * (0.5 + 0)) / 2, 9);
		expect(c!.components).toEqual({ demand: 0.5, gap: null, wage: 0, representation: null });
	});
	it('follows the weights', () => {
		const scores = priorityScores(rows, { demand: 0, gap: 0, wage: 1, representation: 0 });
		expect(scores.map((s) => s.score)).toEqual([50, 100, 0]);
	});
	it('gives null when nothing is known', () => {
		expect(
			priorityScores([{ demand: null, gap: null, wage: null, representation: null }])[0]!.score
		).toBeNull();
	});
});

describe('parseWeights', () => {
	it.each([
		[null, DEFAULT_WEIGHTS],
		['demand=2,gap=0', { demand: 2, gap: 0, wage: 1, representation: 1 }],
		['wage=-1,bogus=3,demand=x', DEFAULT_WEIGHTS]
	])('%j', (text, expected) => expect(parseWeights(text)).toEqual(expected));
});

describe('summariseByCategory', () => {
	it('sums employment and takes an employment-weighted median wage per category and overall', () => {
		const summary = summariseByCategory(
			[
				{
					soc: '15-1252',
					category: 'Programming and Development',
					employment: 49020,
					medianWage: 127690
				},
				{
					soc: '15-1254',
					category: 'Programming and Development',
					employment: 6000,
					medianWage: 90000
				},
				{ soc: '15-1232', category: 'Support', employment: 16000, medianWage: 60000 },
				{ soc: '27-1024', category: 'Design', employment: null, medianWage: null }
			],
			['Programming and Development', 'Support', 'Design']
		);
		expect(
			summary.map((s) => [s.category, s.occupations, s.employment, s.medianWage, s.wagesMissing])
		).toEqual([
			['Programming and Development', 2, 55020, 127690, 0],
			['Support', 1, 16000, 60000, 0],
			['Design', 1, 0, null, 1],
			['All digital jobs', 4, 71020, 127690, 1]
		]);
	});
});

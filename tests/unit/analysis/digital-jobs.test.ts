import { describe, expect, it } from 'vitest';
import { summariseByCategory } from '../../../src/lib/analysis/digital-jobs';

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

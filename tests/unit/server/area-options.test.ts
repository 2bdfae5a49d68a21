import { describe, expect, it } from 'vitest';
import { areaOptions } from '../../../src/lib/server/reports/area-options';

const weightsOf = (query: string) =>
	areaOptions(new URL(`http://x/regions/31080?${query}`), undefined).weights;

describe('areaOptions', () => {
	it.each([
		['', { demand: 1, unmet: 1, wage: 1, representation: 1 }],
		['weights=demand=2,wage=0', { demand: 2, unmet: 1, wage: 0, representation: 1 }],
		// The page's form sends one field per measure.
		[
			'w_demand=3&w_unmet=0&w_wage=1&w_representation=0.5',
			{ demand: 3, unmet: 0, wage: 1, representation: 0.5 }
		],
		// A field overrides the list; a bad field leaves the list's value.
		['weights=demand=2,wage=0&w_wage=4', { demand: 2, unmet: 1, wage: 4, representation: 1 }],
		['weights=demand=2&w_demand=-1&w_unmet=x', { demand: 2, unmet: 1, wage: 1, representation: 1 }]
	])('reads weights from %s', (query, expected) => {
		expect(weightsOf(query)).toEqual(expected);
	});

	it('splits graduates by openings unless the even split is asked for', () => {
		const allocation = (q: string) => areaOptions(new URL(`http://x/?${q}`), 2021).allocation;
		expect(allocation('')).toBe('openings');
		expect(allocation('allocation=even')).toBe('even');
		expect(allocation('allocation=bogus')).toBe('openings');
	});
});

import { describe, expect, it } from 'vitest';
import {
	LQ_THRESHOLDS,
	NO_VALUE,
	SEQUENTIAL,
	classColor,
	classLabels,
	quantileThresholds
} from '../../../src/lib/charts/specs/metro-map';
import { matchesArea, groupByState } from '../../../src/lib/area-search';

describe('metro map classes', () => {
	it('splits known values at the quintiles and greys unknown ones', () => {
		const t = quantileThresholds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null]);
		expect(t).toEqual([3, 5, 7, 9]);
		expect(classColor(1, t, SEQUENTIAL)).toBe(SEQUENTIAL[0]);
		expect(classColor(5, t, SEQUENTIAL)).toBe(SEQUENTIAL[2]);
		expect(classColor(10, t, SEQUENTIAL)).toBe(SEQUENTIAL[4]);
		expect(classColor(null, t, SEQUENTIAL)).toBe(NO_VALUE);
		expect(quantileThresholds([null])).toEqual([]);
	});

	it('labels the classes for the legend', () => {
		expect(classLabels(LQ_THRESHOLDS, String, { under: 'under', over: 'and over' })).toEqual([
			'under 0.6',
			'0.6 – 0.9',
			'0.9 – 1.1',
			'1.1 – 1.5',
			'1.5 and over'
		]);
	});
});

describe('area search', () => {
	const boston = {
		code: '71650',
		title: 'Boston-Cambridge-Nashua, MA-NH',
		type: 'msa',
		state: 'MA',
		aliases: ['14460']
	};
	const dc = {
		code: '47900',
		title: 'Washington-Arlington-Alexandria, DC-VA-MD-WV',
		type: 'msa',
		state: 'DC'
	};
	it('finds an area by name, code, CBSA alias, state code or state name', () => {
		expect(matchesArea(boston, 'cambridge')).toBe(true);
		expect(matchesArea(boston, '71650')).toBe(true);
		expect(matchesArea(boston, '14460')).toBe(true);
		expect(matchesArea(boston, 'nh')).toBe(true);
		expect(matchesArea(boston, 'New Hampshire')).toBe(true);
		expect(matchesArea(dc, 'virginia')).toBe(true);
		expect(matchesArea(dc, 'md')).toBe(true);
		expect(matchesArea(boston, 'arizona')).toBe(false);
	});

	it('groups by state name, the nation first', () => {
		const groups = groupByState([
			dc,
			boston,
			{ code: '99', title: 'U.S.', type: 'national', state: null }
		]);
		expect(groups.map(([s]) => s)).toEqual(['', 'DC', 'MA']);
	});
});

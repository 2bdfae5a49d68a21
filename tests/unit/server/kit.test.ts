/** The adapter kit's small pieces, as every adapter relies on them. */
import { describe, expect, it } from 'vitest';
import { FirstSeen, cellAt, cipProblem, findColumns } from '../../../src/lib/server/import/kit';

describe('cellAt', () => {
	it.each([
		[['a', ' b ', ''], 0, 'a'],
		[['a', ' b ', ''], 1, 'b'],
		[['a', ' b ', ''], 2, ''],
		[['a'], 5, ''],
		[['a'], -1, ''],
		[['\u00a015-1252\u00a0'], 0, '15-1252'],
		[['\ufeffsoc'], 0, 'soc'],
		[['été'], 0, 'été'],
		[['\tx\r'], 0, 'x']
	])('%j at %i is %j, as trim() gives it', (cells, i, expected) => {
		expect(cellAt(cells, i)).toBe(expected);
	});
});

describe('findColumns', () => {
	it('gives each field its column, -1 when the header lacks it', () => {
		expect(
			findColumns(['soc', 'title', 'jff_category'], {
				soc: 'soc',
				cat: 'jff_category',
				note: 'note'
			})
		).toEqual({
			soc: 0,
			cat: 2,
			note: -1
		});
	});

	it('finds a field by any of its spellings, the leftmost column first', () => {
		expect(
			findColumns(['title', 'onet_soc_code', 'o*net_soc_code'], {
				code: ['o*net_soc_code', 'onet_soc_code'],
				title: ['title'],
				zone: ['job_zone']
			})
		).toEqual({ code: 1, title: 0, zone: -1 });
	});
});

describe('FirstSeen', () => {
	it('answers the earlier line of a key, keeping the first', () => {
		const seen = new FirstSeen();
		expect(seen.check('15-1252', 4)).toBeUndefined();
		expect(seen.check('15-1253', 5)).toBeUndefined();
		expect(seen.check('15-1252', 9)).toBe(4);
		expect(seen.check('15-1252', 12)).toBe(4);
		expect(seen.size).toBe(2);
	});
});

describe('cipProblem', () => {
	it.each([
		['11.0701', null],
		['1.0101', /lost its leading zero .*01\.0101/],
		['11.07', /not a 6-digit CIP code/],
		['abc', /expected a 6-digit CIP code like 11\.0701, found "abc"/]
	])('%s', (text, expected) => {
		if (expected === null) expect(cipProblem(text)).toBeNull();
		else expect(cipProblem(text)).toMatch(expected);
	});
});

/** The adapter kit's small pieces, as every adapter relies on them. */
import { describe, expect, it } from 'vitest';
import {
	FirstSeen,
	PackedFirstSeen,
	cellAt,
	cipProblem,
	findColumns,
	readMeasured
} from '../../../src/lib/server/import/kit';

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

describe('PackedFirstSeen', () => {
	it('answers the number of a code seen in the area being read or in one left behind', () => {
		const seen = new PackedFirstSeen();
		expect(seen.check('31080', '15-1252', 10)).toBeUndefined();
		expect(seen.check('31080', '00-0000', 11)).toBeUndefined();
		expect(seen.check('31080', '15-1252', 12)).toBe(10);
		expect(seen.check('99', '15-1252', 20)).toBeUndefined(); // packs 31080
		expect(seen.check('31080', '15-1252', 13)).toBe(10); // back to a packed area
		expect(seen.check('31080', '11-1011', 14)).toBeUndefined();
		seen.set('31080', '00-0000', 15); // an update in place of a packed code
		seen.set('31080', '11-1011', 16);
		expect(seen.check('99', '11-1011', 21)).toBeUndefined(); // packs 31080 again, merged
		expect([
			seen.check('31080', '15-1252', 0),
			seen.check('31080', '11-1011', 0),
			seen.check('31080', '00-0000', 0)
		]).toEqual([10, 16, 15]);
		expect(seen.check('99', '11-1011', 0)).toBe(21);
		expect(seen.check('31080', 'AB-CDEF', 30)).toBeUndefined(); // not a SOC shape: kept aside
		expect(seen.check('31080', 'AB-CDEF', 31)).toBe(30);
		expect(seen.check('99', 'AB-CDEF', 32)).toBeUndefined();
		expect(seen.check('31080', '+1-1234', 40)).toBeUndefined(); // not a number: never 01-1234
		expect(seen.check('31080', '01-1234', 41)).toBeUndefined();
	});

	it('agrees with a plain Map over 20,000 random checks and updates across 30 areas', () => {
		let state = 7;
		const rand = (n: number) => {
			state = (state * 1103515245 + 12345) % 2 ** 31;
			return state % n;
		};
		const seen = new PackedFirstSeen();
		const reference = new Map<string, number>();
		let area = '0';
		for (let i = 0; i < 20_000; i++) {
			if (rand(50) === 0) area = String(rand(30)); // mostly area by area, sometimes back
			const soc = `${String(rand(60)).padStart(2, '0')}-${String(rand(10_000)).padStart(4, '0')}`;
			const key = `${area} ${soc}`;
			const before = reference.get(key);
			expect(seen.check(area, soc, i)).toBe(before);
			if (before === undefined) reference.set(key, i);
			else if (rand(3) === 0) {
				seen.set(area, soc, -i);
				reference.set(key, -i);
			}
		}
		for (const [key, value] of reference) {
			const [a, soc] = key.split(' ') as [string, string];
			expect(seen.check(a, soc, NaN)).toBe(value);
		}
	});
});

describe('readMeasured', () => {
	const dash = new Map([['–', 'not_available' as const]]);
	it.each([
		['12.5', { value: 12.5, status: null }],
		[' 1,234 ', { value: 1234, status: null }],
		['\u00a045\u00a0', { value: 45, status: null }],
		['', { value: null, status: 'blank' }],
		[' – ', { value: null, status: 'not_available' }],
		['*', null], // another source's marker
		['#', null],
		['n/a', null]
	])('%j reads as %j with a dash marker', (raw, expected) => {
		expect(readMeasured(raw, dash)).toEqual(expected);
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

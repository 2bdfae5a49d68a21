import { describe, expect, it } from 'vitest';
import {
	CellError,
	headerKey,
	parseFlag,
	parseMeasured,
	socLevel,
	socParent,
	yearFromFileName
} from '../../../src/lib/server/import/normalize';

describe('parseMeasured', () => {
	it.each([
		['65,930', 65930, null],
		['"5,719,620"'.replaceAll('"', ''), 5719620, null],
		['1000.000', 1000, null],
		['0.0', 0, null],
		[' 31.70 ', 31.7, null],
		['\u00a065,930\u00a0', 65930, null], // NBSP, as a web page pads a figure
		['\ufeff12', 12, null],
		['\u00a0', null, 'blank'],
		['-2.5', -2.5, null],
		['', null, 'blank'],
		['   ', null, 'blank'],
		['*', null, 'not_available'],
		['**', null, 'employment_not_available'],
		['#', null, 'top_coded'],
		['~', null, 'under_half_percent']
	])('%j → %j (%s)', (raw, value, status) => {
		expect(parseMeasured(raw)).toEqual({ value, status });
	});

	it.each(['12a4', '1,23', '1,2345', '--5', '.', 'N/A', '$100', '1 000'])('rejects %j', (raw) => {
		expect(() => parseMeasured(raw)).toThrow(CellError);
		expect(() => parseMeasured(raw)).toThrow(JSON.stringify(raw.trim()));
	});
});

describe('numbers read without Number(), to the same double', () => {
	/** Deterministic pseudo-random digits (mulberry32). */
	function random(seed: number) {
		return () => {
			seed = (seed + 0x6d2b79f5) | 0;
			let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}
	const next = random(20261205);
	const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');

	it('gives exactly what Number() gives for 100,000 decimals of up to 20 digits', () => {
		const differ: string[] = [];
		for (let k = 0; k < 100_000; k++) {
			const whole = digits(1 + Math.floor(next() * 10));
			const fraction = digits(1 + Math.floor(next() * 10));
			const text = `${next() < 0.1 ? '-' : ''}${whole}.${fraction}`;
			if (!Object.is(parseMeasured(text).value, Number(text))) differ.push(text);
		}
		expect(differ).toEqual([]);
	});

	it.each([
		'0.1',
		'0.3',
		'45.67',
		'1,234.5',
		'-0.0',
		'+1.25',
		'123456789012.345',
		'1234567890123456.5',
		'12345678901234567890',
		'99,999,999,999,999,999'
	])('%j as Number() reads it', (raw) => {
		expect(Object.is(parseMeasured(raw).value, Number(raw.replaceAll(',', '')))).toBe(true);
	});
	it('keeps the sign of zero', () => {
		expect(Object.is(parseMeasured('-0.0').value, -0)).toBe(true);
	});
});

describe('parseFlag', () => {
	it.each([
		['TRUE', true],
		['true', true],
		['', false],
		['FALSE', false]
	])('%j → %s', (raw, expected) => expect(parseFlag(raw)).toBe(expected));
	it('rejects other text', () => expect(() => parseFlag('maybe')).toThrow(CellError));
});

describe('headerKey', () => {
	it.each([
		['OCC_CODE', 'occ_code'],
		['\uFEFFAREA', 'area'],
		['2018 SOC Code ', '2018_soc_code'],
		[' Loc Quotient', 'loc_quotient'],
		['a-b/c', 'a_b_c']
	])('%j → %j', (raw, key) => expect(headerKey(raw)).toBe(key));
});

describe('SOC hierarchy', () => {
	it.each([
		['00-0000', 'total', null],
		['15-0000', 'major', '00-0000'],
		['15-1200', 'minor', '15-0000'],
		['11-1000', 'minor', '11-0000'],
		['15-1250', 'broad', '15-1200'],
		['13-1020', 'broad', '13-1000'],
		['15-1252', 'detailed', '15-1250'],
		['15-1299', 'detailed', '15-1290']
	])('%s is %s with parent %s', (code, level, parent) => {
		expect(socLevel(code)).toBe(level);
		expect(socParent(code)).toBe(parent);
	});
});

describe('yearFromFileName', () => {
	it.each([
		['MSA_M2021_dl.xlsx', 2021],
		['national_M2024_dl.csv', 2024],
		['/tmp/up/MSA_2021.csv', 2021],
		['oesm19ma.csv', 2019],
		['state_M2019_dl.xlsx', 2019],
		['all_data.csv', null],
		['area_12345.csv', null]
	])('%s → %s', (name, year) => expect(yearFromFileName(name)).toBe(year));
});

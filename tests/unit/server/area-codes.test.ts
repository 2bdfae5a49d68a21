import { describe, expect, it } from 'vitest';
import {
	normaliseAreaCode,
	parseTopCodeNote
} from '../../../src/lib/server/import/sources/bls-oews';

describe('normaliseAreaCode', () => {
	it.each([
		['99', 'national', '99'],
		['1', 'state', '01'],
		['06', 'state', '06'],
		['31080', 'msa', '31080'],
		['0031080', 'msa', '31080'],
		['0071650', 'msa', '71650'], // Boston NECTA as the BLS time-series API writes it
		['79600', 'msa', '79600'],
		['100001', 'nonmetro', '0100001'],
		['0100001', 'nonmetro', '0100001']
	] as const)('%s (%s) → %s', (raw, type, code) => {
		expect(normaliseAreaCode(raw, type)).toBe(code);
	});
});

describe('parseTopCodeNote', () => {
	it('reads the caps from the Field Descriptions wording of each era', () => {
		expect(
			parseTopCodeNote(
				'#  = indicates a wage equal to or greater than $100.00 per hour or $208,000 per year '
			)
		).toEqual({ hourly: 100, annual: 208000 });
		expect(
			parseTopCodeNote(
				'# = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year'
			)
		).toEqual({ hourly: 115, annual: 239200 });
		expect(
			parseTopCodeNote('** = indicates that an employment estimate is not available')
		).toBeNull();
	});
});

/** Small pure helpers of the EP and CIP-SOC adapters: loose header matching and CIP code text. */
import { describe, expect, it } from 'vitest';
import { looseKey } from '../../../src/lib/server/import/sources/bls-ep';
import { cipText } from '../../../src/lib/server/import/sources/cip-soc';
import { headerKey } from '../../../src/lib/server/import/normalize';
import { detectAdapter } from '../../../src/lib/server/import/sources/index';

describe('looseKey', () => {
	it('reads both EP vintages’ spellings of a header the same way', () => {
		expect(looseKey('Occupational openings, 2024–34 annual average')).toBe(
			'occupational openings 2024 34 annual average'
		);
		expect(looseKey('Occupational openings, 2024-34 annual average')).toBe(
			looseKey('Occupational openings, 2024–34 annual average')
		);
		expect(looseKey('Median annual wage, 2022(1)')).toBe('median annual wage 2022');
		expect(looseKey('Median annual wage, dollars, 2024[1]')).toBe(
			'median annual wage dollars 2024'
		);
		// Detection sees headerKey output; it must reduce to the same words.
		expect(looseKey(headerKey('Typical on-the-job training needed'))).toBe(
			'typical on the job training needed'
		);
	});
});

describe('cipText', () => {
	it.each([
		['01.0000', '01.0000', false],
		['11.0701', '11.0701', false],
		[' 11.0701 ', '11.0701', false],
		['1', '01.0000', true],
		['1.01', '01.0100', true],
		['11.07', '11.0700', true]
	])('%s → %s', (raw, code, rebuilt) => {
		expect(cipText(raw)).toEqual({ code, rebuilt });
	});

	it.each(['11.07O1', '1.23456', '123.4567', '', 'NO MATCH'])('refuses %j', (raw) => {
		expect(cipText(raw)).toBeNull();
	});
});

describe('detection', () => {
	const keys = (header: string[]) => header.map(headerKey);
	const ep11 = [
		'2024 National Employment Matrix title',
		'2024 National Employment Matrix code',
		'Employment, 2024',
		'Employment, 2034',
		'Employment change, numeric, 2024–34',
		'Employment change, percent, 2024–34',
		'Median annual wage, dollars, 2024[1]'
	];
	const ep17 = [
		'2022 National Employment Matrix title',
		'2022 National Employment Matrix code',
		'Occupation type',
		'Employment, 2022',
		'Employment, 2032',
		'Employment change, numeric, 2022-32',
		'Employment change, percent, 2022-32',
		'Percent self employed, 2022',
		'Occupational openings, 2022-32 annual average',
		'Median annual wage, 2022(1)'
	];
	const crosswalk = ['CIP2020Code', 'CIP2020Title', 'SOC2018Code', 'SOC2018Title'];
	const at = (sheet: string | null) => ({ sheet, fileName: 'x.xlsx' });

	it('claims EP Table 1.2 only, whatever the neighbours share', () => {
		expect(detectAdapter(keys(ep17), at('Table 1.2'))?.id).toBe('bls-ep-occupation');
		expect(detectAdapter(keys(ep17), at('Table 1.7'))?.id).not.toBe('bls-ep-occupation');
		expect(detectAdapter(keys(ep17), at('Table 1.10'))?.id).not.toBe('bls-ep-occupation');
		expect(detectAdapter(keys(ep11), at('Table 1.1'))?.id).not.toBe('bls-ep-occupation');
		// A CSV export of the table has no sheet name: the header decides.
		expect(detectAdapter(keys(ep17), at(null))?.id).toBe('bls-ep-occupation');
	});

	it('claims the CIP-SOC sheet of the crosswalk and not its siblings', () => {
		expect(detectAdapter(keys(crosswalk), at('CIP-SOC'))?.id).toBe('nces-cip-soc-crosswalk');
		for (const sheet of ['New CIP', 'Added Matches', 'Unmatched CIP Codes']) {
			expect(detectAdapter(keys(crosswalk), at(sheet))?.id).not.toBe('nces-cip-soc-crosswalk');
		}
	});

	it('tells the SOC definitions from the direct-match titles', () => {
		const definitions = ['SOC Group', 'SOC Code', 'SOC Title', 'SOC Definition'];
		const direct = [
			'2018 SOC Code',
			'2018 SOC Title',
			'2018 SOC Direct Match Title',
			'Illustrative Example'
		];
		expect(detectAdapter(keys(definitions), at('2018 SOC'))?.id).toBe('bls-soc-2018-definitions');
		expect(detectAdapter(keys(direct), at('Sorted by SOC'))?.id).toBe(
			'bls-soc-2018-direct-match-titles'
		);
	});
});

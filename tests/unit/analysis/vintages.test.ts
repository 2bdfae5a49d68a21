import { describe, expect, it } from 'vitest';
import { commonYear, tableVintages } from '../../../src/lib/analysis/vintages';

describe('tableVintages', () => {
	it('lists each source and vintage once and says when years are mixed', () => {
		const v = tableVintages([
			{ source: 'BLS OEWS', year: 2021, label: 'May 2021' },
			{ source: 'BLS EP', year: 2022, label: '2022–32' },
			{ source: 'BLS OEWS', year: 2021, label: 'May 2021' },
			{ source: 'IPEDS', year: 2024 },
			{ source: 'IPEDS', year: 2023 },
			{ source: 'Curated', year: null }
		]);
		expect(v.parts.map((p) => `${p.source} ${p.label}`)).toEqual([
			'BLS EP 2022–32',
			'BLS OEWS May 2021',
			'Curated year unknown',
			'IPEDS 2023',
			'IPEDS 2024'
		]);
		expect(v.years).toEqual([2021, 2022, 2023, 2024]);
		expect(v.mixed).toBe(true);
	});

	it.each([
		[
			[
				{ source: 'OEWS', year: 2024 },
				{ source: 'EP', year: 2024 }
			],
			false
		],
		[[], false],
		[[{ source: 'OEWS', year: null }], false]
	])('mixed is %s when one year or none', (parts, mixed) => {
		expect(tableVintages(parts).mixed).toBe(mixed);
	});
});

describe('commonYear', () => {
	it.each([
		[
			'the latest year every area has',
			[
				{ area: 'LA', years: [2021, 2023, 2024] },
				{ area: 'US', years: [2020, 2021, 2022, 2023, 2024, 2025] }
			],
			{ year: 2024, status: 'common', latestByArea: { LA: 2024, US: 2025 } }
		],
		[
			'Los Angeles 2021 beside the nation',
			[
				{ area: 'LA', years: [2021] },
				{ area: 'US', years: [2020, 2021, 2025] }
			],
			{ year: 2021, status: 'common', latestByArea: { LA: 2021, US: 2025 } }
		],
		[
			'no year shared',
			[
				{ area: 'LA', years: [2021] },
				{ area: 'Boston', years: [2024] }
			],
			{ year: null, status: 'none-shared', latestByArea: { LA: 2021, Boston: 2024 } }
		],
		[
			'an area with no data',
			[
				{ area: 'LA', years: [2021] },
				{ area: 'Nowhere', years: [] }
			],
			{ year: null, status: 'none-shared', latestByArea: { LA: 2021, Nowhere: null } }
		],
		['no areas', [], { year: null, status: 'no-areas', latestByArea: {} }]
	])('%s', (_c, areas, expected) => {
		expect(commonYear(areas)).toEqual(expected);
	});
});

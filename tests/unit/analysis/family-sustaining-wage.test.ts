import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	familySustainingWage,
	guidelineFor,
	jurisdictionOf,
	povertyGuideline,
	povertyGuidelinesFromRows,
	type PovertyGuideline
} from '../../../src/lib/analysis/family-sustaining-wage';

const rows = (text: string) => Papa.parse<string[]>(text.trim(), { header: false }).data;
const bundled = povertyGuidelinesFromRows(
	rows(readFileSync('data/sample/hhs_poverty_guidelines_2019_2025.csv', 'utf8')),
	'hhs_poverty_guidelines_2019_2025.csv'
);

describe('the bundled HHS poverty guidelines', () => {
	it('hold 2019–2025 for the three tables', () => {
		expect(bundled).toHaveLength(21);
		expect(new Set(bundled.map((g) => g.year))).toEqual(
			new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025])
		);
	});

	// Family of three, as HHS tabulates it.
	it.each([
		[2019, 'contiguous', 21330],
		[2019, 'alaska', 26660],
		[2019, 'hawaii', 24540],
		[2021, 'contiguous', 21960],
		[2022, 'contiguous', 23030],
		[2022, 'alaska', 28790],
		[2022, 'hawaii', 26490],
		[2023, 'contiguous', 24860],
		[2023, 'alaska', 31070],
		[2023, 'hawaii', 28590],
		[2024, 'contiguous', 25820],
		[2025, 'contiguous', 26650]
	] as const)('%i %s, family of 3: $%i', (year, j, amount) => {
		expect(povertyGuideline(guidelineFor(bundled, year, j)!, 3)).toBe(amount);
	});
});

describe('familySustainingWage', () => {
	it.each([
		['California 2021: 200% of the 48-state guideline', 'CA', 2021, 2 * 21960, 'contiguous', 2021],
		['Alaska 2023', 'AK', 2023, 2 * 31070, 'alaska', 2023],
		['Hawaii 2024', 'HI', 2024, 2 * (17310 + 2 * 6190), 'hawaii', 2024],
		['the nation 2025', null, 2025, 2 * 26650, 'contiguous', 2025],
		['DC takes the 48-state table', 'DC', 2022, 2 * 23030, 'contiguous', 2022],
		['a later data year uses the newest guideline', 'TX', 2026, 2 * 26650, 'contiguous', 2025]
	])('%s', (_c, state, year, annual, jurisdiction, yearUsed) => {
		const w = familySustainingWage({ editor: null, table: bundled, state, year })!;
		expect(w).toMatchObject({
			annualWage: annual,
			source: 'hhs-poverty-guideline',
			jurisdiction,
			year: yearUsed,
			multiple: 2,
			familySize: 3
		});
		expect(w.hourlyWage).toBeCloseTo(annual / 2080, 12);
	});

	it('gives nothing for a year before the table starts', () => {
		expect(
			familySustainingWage({ editor: null, table: bundled, state: 'CA', year: 2018 })
		).toBeNull();
	});

	it('lets an editor’s living wage replace the default', () => {
		const w = familySustainingWage({
			editor: { annualWage: 58000, source: 'MIT living wage, LA 2021' },
			table: bundled,
			state: 'CA',
			year: 2021
		})!;
		expect(w).toMatchObject({
			annualWage: 58000,
			source: 'editor',
			citation: 'MIT living wage, LA 2021',
			year: null
		});
	});

	it('ignores an editor figure of 0 and honours another multiple and family size', () => {
		const w = familySustainingWage({
			editor: { annualWage: 0, source: 'x' },
			table: bundled,
			state: 'CA',
			year: 2024,
			multiple: 1.5,
			familySize: 4
		})!;
		expect(w.annualWage).toBe(1.5 * (15060 + 3 * 5380));
	});

	it.each([
		['ak', 'alaska'],
		[' HI ', 'hawaii'],
		['CA', 'contiguous'],
		[null, 'contiguous'],
		[undefined, 'contiguous']
	])('jurisdictionOf(%j) → %s', (state, j) => {
		expect(jurisdictionOf(state)).toBe(j);
	});
});

describe('povertyGuidelinesFromRows', () => {
	const header = 'year,jurisdiction,first_person,additional_person,source';
	it.each([
		[
			'a wrong header',
			'year,state,first,add,source\n2024,contiguous,1,1,x',
			/line 1: expected the header/
		],
		[
			'a bad number',
			`${header}\n2024,contiguous,15O60,5380,x`,
			/line 2, column 3 \(first_person\)/
		],
		['an unknown table', `${header}\n2024,guam,1,1,x`, /line 2, column 2 \(jurisdiction\)/],
		[
			'a repeated year',
			`${header}\n2024,alaska,1,1,x\n2024,alaska,2,2,y`,
			/line 3: 2024 alaska appears twice/
		]
	])('rejects %s, naming the place', (_c, text, message) => {
		expect(() => povertyGuidelinesFromRows(rows(text), 'pg.csv')).toThrow(message);
	});

	it('skips blank lines and keeps the source text', () => {
		const g: PovertyGuideline[] = povertyGuidelinesFromRows(
			rows(`${header}\n\n2024,hawaii,17310,6190,"HHS, 2024"`)
		);
		expect(g).toEqual([
			{
				year: 2024,
				jurisdiction: 'hawaii',
				firstPerson: 17310,
				additionalPerson: 6190,
				source: 'HHS, 2024'
			}
		]);
	});
});

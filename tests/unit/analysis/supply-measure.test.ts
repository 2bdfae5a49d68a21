import { describe, expect, it } from 'vitest';
import { completionYears, supplyMeasure } from '../../../src/lib/analysis/supply-measure';

const ipeds = new Map<number, Map<string, number>>([
	[2021, new Map([['15-1252', 10]])],
	[2022, new Map([['15-1252', 20]])],
	[2023, new Map([['15-1252', 30]])],
	[2024, new Map([['15-1252', 60]])]
]);
const linked = new Set(['15-1252', '15-1211']);
const bootcamp = { source: 'LA bootcamps 2024', program: 'Full-stack', completers: 12 };

describe('supplyMeasure', () => {
	it.each([
		[
			'averages the newest three IPEDS years',
			{ soc: '15-1252', ipedsByYear: ipeds, linkedSocs: linked, other: [] },
			{ status: 'measured', value: 110 / 3, ipeds: 110 / 3, years: [2024, 2023, 2022] }
		],
		[
			'adds imported non-IPEDS completions and lists them',
			{ soc: '15-1252', ipedsByYear: ipeds, linkedSocs: linked, other: [bootcamp], maxYears: 1 },
			{ status: 'measured', value: 72, ipeds: 60, years: [2024] }
		],
		[
			'is 0, not "not measured", for a linked occupation no graduate went to',
			{ soc: '15-1211', ipedsByYear: ipeds, linkedSocs: linked, other: [] },
			{ status: 'measured', value: 0, ipeds: 0 }
		],
		[
			'is not measured when no program links to the occupation',
			{ soc: '43-9061', ipedsByYear: ipeds, linkedSocs: linked, other: [] },
			{ status: 'not-measured', value: null, ipeds: null }
		],
		[
			'is not measured when no completions are imported for the area',
			{ soc: '15-1252', ipedsByYear: new Map(), linkedSocs: linked, other: [] },
			{ status: 'not-measured', value: null, ipeds: null, years: [] }
		],
		[
			'is measured from an imported source alone',
			{ soc: '43-9061', ipedsByYear: new Map(), linkedSocs: linked, other: [bootcamp] },
			{ status: 'measured', value: 12, ipeds: null }
		]
	])('%s', (_c, input, expected) => {
		const r = supplyMeasure(input);
		for (const [k, v] of Object.entries(expected)) {
			if (typeof v === 'number') expect(r[k as 'value']).toBeCloseTo(v, 9);
			else expect(r[k as keyof typeof r]).toEqual(v);
		}
		expect(r.other).toEqual(r.status === 'measured' ? input.other : []);
	});

	it('leaves out imported rows with a negative or non-numeric count', () => {
		const r = supplyMeasure({
			soc: '43-9061',
			ipedsByYear: new Map(),
			linkedSocs: linked,
			other: [bootcamp, { source: 'bad', program: null, completers: -3 }]
		});
		expect(r.value).toBe(12);
		expect(r.other).toEqual([bootcamp]);
	});
});

describe('completionYears', () => {
	it.each([
		[[2022, 2024, 2023, 2021], 3, [2024, 2023, 2022]],
		[[2024], 3, [2024]],
		[[2024, 2024, 2023], 3, [2024, 2023]],
		[[], 3, []],
		[[2024, 2023], 0, []]
	])('%j, max %i → %j', (years, max, expected) => {
		expect(completionYears(years, max)).toEqual(expected);
	});
});

import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	censusTitleKey,
	cpsLineBySoc,
	cpsLineSocs,
	socPrefix,
	type CensusOccLine
} from '../../../src/lib/analysis/census-occ-crosswalk';

// The real Census 2018 code list, SOC 2018 detailed codes and CPS 2023 Table 11 lines, cut to CSV
// by scripts/fixtures/census-occ.ts.
const csv = (name: string) =>
	Papa.parse<string[]>(readFileSync(`tests/fixtures/census-occ/${name}`, 'utf8').trim(), {
		header: false
	}).data.slice(1);
const census: CensusOccLine[] = csv('census_2018_occupation_code_list.csv').map(
	([title, code, soc]) => ({
		title: title!,
		code: code!,
		soc: soc!
	})
);
const detailed = csv('soc_2018_detailed.csv').map((r) => r[0]!);
const cpsTitles = csv('cpsaat11_2023_lines.csv').map((r) => r[0]!);
const lines = cpsLineSocs(cpsTitles, census, detailed);
const byTitle = new Map(lines.map((l) => [l.title, l]));

describe('socPrefix', () => {
	it.each([
		['15-1252', '15-1252'],
		['15-1230', '15-123'],
		['15-124X', '15-124'],
		['13-20XX', '13-20'],
		['51-4XXX', '51-4'],
		['15-0000', '15-'],
		['none', null],
		['11-0000 - 29-0000', null],
		['15-1X2X', null]
	])('%s → %s', (entry, prefix) => {
		expect(socPrefix(entry)).toBe(prefix);
	});
});

describe('censusTitleKey', () => {
	it('ignores case, commas, colons, "&" and spacing', () => {
		expect(censusTitleKey('Embalmers, crematory operators, and funeral attendants')).toBe(
			censusTitleKey('Embalmers, crematory operators and funeral attendants')
		);
		expect(censusTitleKey('Management Occupations:')).toBe(
			censusTitleKey('Management occupations')
		);
		expect(censusTitleKey('Hoist &  winch operators')).toBe('hoist and winch operators');
	});
});

describe('CPS 2023 Table 11 lines through the Census 2018 crosswalk', () => {
	it.each([
		['Computer support specialists', ['15-1231', '15-1232']], // broad code 15-1230
		['Database administrators and architects', ['15-1242', '15-1243']], // wildcard 15-124X
		['Network and computer systems administrators', ['15-1244']],
		['Software developers', ['15-1252']],
		['Other mathematical science occupations', ['15-2051', '15-2099']], // data scientists live here
		[
			'Other metal workers and plastic workers',
			['51-4081', '51-4191', '51-4192', '51-4193', '51-4194', '51-4199']
		],
		// 39-40XX less 39-4031, which has a line of its own
		['Embalmers, crematory operators, and funeral attendants', ['39-4011', '39-4012', '39-4021']],
		[
			'Derrick, rotary drill, and service unit operators, oil and gas',
			['47-5011', '47-5012', '47-5013']
		]
	])('%s → %j', (title, socs) => {
		expect(byTitle.get(title)).toMatchObject({ kind: 'detailed', socs });
	});

	it('gives every line a kind and never leaves a detailed line without codes', () => {
		expect(lines).toHaveLength(595);
		expect(lines.filter((l) => l.kind === 'unmatched')).toEqual([]);
		expect(lines.filter((l) => l.kind === 'detailed' && l.socs.length === 0)).toEqual([]);
		expect(lines.filter((l) => l.kind === 'detailed')).toHaveLength(565);
	});

	it('covers each civilian detailed SOC code exactly once', () => {
		const count = new Map<string, number>();
		for (const l of lines)
			if (l.kind === 'detailed') for (const s of l.socs) count.set(s, (count.get(s) ?? 0) + 1);
		const civilian = detailed.filter((s) => !s.startsWith('55-'));
		expect([...count.values()].every((n) => n === 1)).toBe(true);
		expect(civilian.filter((s) => !count.has(s))).toEqual([]);
	});

	it('reads group and aggregate lines as the codes they cover', () => {
		const computer = byTitle.get('Computer and mathematical occupations')!;
		expect(computer.kind).toBe('group');
		expect(computer.socs).toHaveLength(21);
		expect(computer.socs.every((s) => s.startsWith('15-'))).toBe(true);
		const professional = byTitle.get('Professional and related occupations')!;
		expect(professional).toMatchObject({ kind: 'group', socEntry: '15-0000 - 29-0000' });
		expect(professional.socs.some((s) => s.startsWith('29-'))).toBe(true);
		expect(professional.socs.some((s) => s.startsWith('11-') || s.startsWith('31-'))).toBe(false);
		expect(
			byTitle
				.get('Education, training, and library occupations')!
				.socs.every((s) => s.startsWith('25-'))
		).toBe(true);
		expect(byTitle.get('Total, 16 years and over')).toMatchObject({ kind: 'total' });
	});

	it('maps 15-1232 back to its CPS line', () => {
		const bySoc = cpsLineBySoc(lines);
		expect(bySoc.get('15-1232')).toBe('Computer support specialists');
		expect(bySoc.get('15-1243')).toBe('Database administrators and architects');
	});

	it('leaves a title the code list does not know unmatched, with no codes', () => {
		const [l] = cpsLineSocs(['Quantum plumbers'], census, detailed);
		expect(l).toMatchObject({ kind: 'unmatched', socs: [], censusCode: null });
	});
});

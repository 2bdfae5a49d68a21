/**
 * The column registry, entry by entry: every column has a label and a help text in both
 * languages, at least one CSV header, a sort and a cell, and the rules it carries (nulls last,
 * the LQ floor, top-coded medians as the cap) hold on real-shaped rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	COLUMNS,
	csvColumns,
	DEFAULT_COLUMNS,
	SORT_KEYS,
	sortNullsLast,
	sortValue,
	type SortKey
} from '../../../src/lib/domain/columns';
import type { AreaRow, FieldStatus, OccupationRow } from '../../../src/lib/domain/rows';

const catalogue = (locale: string) =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const en = catalogue('en');
const es = catalogue('es');

/** An area row with every figure published unless the overrides say otherwise. */
function row(
	soc: string,
	o: Partial<AreaRow> & { median?: number | null; medianStatus?: FieldStatus } = {}
): AreaRow {
	const { median = 50_000, medianStatus = 'published', ...rest } = o;
	const oews: OccupationRow = {
		soc,
		title: `Occupation ${soc}`,
		level: 'detailed',
		employment: rest.employment ?? 1000,
		lq: rest.lq ?? 1,
		lqPublished: null,
		medianAnnualWage: median,
		meanAnnualWage: null,
		medianHourlyWage: null,
		annualWagePercentiles: { p10: 30_000, p25: 40_000, p50: median, p75: 60_000, p90: 70_000 },
		annualOnly: false,
		hourlyOnly: false,
		prse: { employment: 5, meanWage: 15 },
		status: {
			employment: 'published',
			lq: 'computed',
			lqPublished: 'blank',
			medianAnnualWage: medianStatus,
			meanAnnualWage: 'published',
			medianHourlyWage: 'published',
			annualWagePercentiles: {
				p10: 'published',
				p25: 'published',
				p50: medianStatus,
				p75: 'published',
				p90: 'published'
			}
		}
	};
	return {
		soc,
		title: `Occupation ${soc}`,
		category: null,
		employment: 1000,
		lq: 1,
		openings: 10,
		openingsGrowth: 2,
		openingsReplacement: 8,
		openingsSource: { kind: 'national-rate', vintage: '2022–32', employmentYear: 2021 },
		openingsMethod: 'national-rate',
		supply: 5,
		supplyStatus: 'measured',
		supplyOther: [],
		supplyGap: 5,
		supplyRatio: 0.5,
		gapStatus: 'gap',
		gapReason: 'postsecondary-award',
		experienceFlag: false,
		supplyGapEven: 4,
		signDisagrees: false,
		medianAnnualWage: median,
		medianTopCoded: medianStatus === 'top_coded',
		wageToRegionalMedian: 1,
		wageToRegionalBound: medianStatus === 'top_coded' ? 'at-least' : 'exact',
		wageToNationalMedian: 1,
		wageToNationalBound: 'exact',
		p25AnnualWage: 40_000,
		entryAnnualWage: 40_000,
		livingWageRatio: null,
		livingWageBound: 'exact',
		reliability: { employment: 'high', wage: 'medium' },
		entryEducation: "Bachelor's degree",
		workExperience: null,
		jobTraining: null,
		postings: null,
		representation: [],
		score: 50,
		scoreReason: null,
		scoreComponents: { demand: 0.5, unmet: 0.5, wage: 0.5, representation: null },
		rank: { now: 1, best: 1, worst: 2 },
		oews,
		...rest
	};
}

describe.each(COLUMNS.map((c) => [c.key, c] as const))('column %s', (key, c) => {
	it('has a label and a help text in English and Spanish', () => {
		for (const messages of [en, es]) {
			expect(messages[c.label], `${c.label}`).toBeTruthy();
			expect(messages[c.help], `${c.help}`).toBeTruthy();
		}
	});

	it('has CSV headers in snake case, a sort key and a cell', () => {
		expect(c.csv.length).toBeGreaterThan(0);
		for (const [header] of c.csv) expect(header).toMatch(/^[a-z][a-z0-9_]*$/);
		expect(SORT_KEYS).toContain(key);
		const r = row('15-1252');
		expect(['number', 'string', 'object']).toContain(typeof c.sort(r));
		expect(c.cell(r).format).toBeTruthy();
		expect(c.sources.length).toBeGreaterThan(0);
	});
});

describe('the registry', () => {
	it('has unique keys and CSV headers, and a default set', () => {
		const keys = COLUMNS.map((c) => c.key);
		expect(new Set(keys).size).toBe(keys.length);
		const headers = csvColumns(keys).map(([h]) => h);
		expect(new Set(headers).size).toBe(headers.length);
		expect(headers.slice(0, 2)).toEqual(['soc', 'title']);
		expect(DEFAULT_COLUMNS.length).toBeGreaterThan(3);
	});

	const sorted = (rows: AreaRow[], key: SortKey, dir: 'asc' | 'desc') =>
		sortNullsLast([...rows], (r) => sortValue(key, r), dir).map((r) => r.soc);

	it('sorts unknown values last in either direction, ties by SOC', () => {
		const rows = [
			row('11-0001', { supply: null }),
			row('11-0003', { supply: 2 }),
			row('11-0002', { supply: 2 })
		];
		expect(sorted(rows, 'supply', 'asc')).toEqual(['11-0002', '11-0003', '11-0001']);
		expect(sorted(rows, 'supply', 'desc')).toEqual(['11-0002', '11-0003', '11-0001']);
	});

	it('ranks a ratio from a top-coded median above every published one, never as its value', () => {
		const rows = [
			row('11-0001', { wageToRegionalMedian: 4.37, wageToRegionalBound: 'at-least' }),
			row('11-0002', { wageToRegionalMedian: 5.1 }),
			row('11-0003', { wageToRegionalMedian: 4.5, wageToRegionalBound: 'at-least' })
		];
		expect(sorted(rows, 'wageRatio', 'desc')).toEqual(['11-0001', '11-0003', '11-0002']);
		const wageRatio = COLUMNS.find((c) => c.key === 'wageRatio')!;
		expect(wageRatio.cell(rows[0]!)).toEqual({ format: 'ratio', value: 4.37, bound: 'at-least' });
	});

	it('sorts a not-applicable gap and an unscored row last, with their reasons in the cell', () => {
		const rows = [
			row('11-0001', {
				supplyGap: null,
				gapStatus: 'not-applicable',
				gapReason: 'no-postsecondary-award-needed',
				score: null,
				scoreReason: 'employment-suppressed'
			}),
			row('11-0002', { supplyGap: -3, score: 10 })
		];
		expect(sorted(rows, 'gap', 'desc')).toEqual(['11-0002', '11-0001']);
		expect(sorted(rows, 'score', 'asc')).toEqual(['11-0002', '11-0001']);
		const gap = COLUMNS.find((c) => c.key === 'gap')!;
		expect(gap.cell(rows[0]!)).toMatchObject({ status: 'not-applicable', value: null });
		const score = COLUMNS.find((c) => c.key === 'score')!;
		expect(score.cell(rows[0]!)).toMatchObject({ value: null, reason: 'employment-suppressed' });
	});

	it('ranks LQ only at 100 jobs or more', () => {
		const rows = [
			row('11-0001', { employment: 90, lq: 9 }),
			row('11-0002', { employment: 100, lq: 2 }),
			row('11-0003', { employment: 5000, lq: 1.5 })
		];
		expect(sorted(rows, 'lq', 'desc')).toEqual(['11-0002', '11-0003', '11-0001']);
		expect(sorted(rows, 'lq', 'asc')).toEqual(['11-0003', '11-0002', '11-0001']);
	});

	it('sorts a top-coded median above every published one and writes it as empty with its status', () => {
		const rows = [
			row('11-0001', { median: 200_000 }),
			row('11-0002', { median: null, medianStatus: 'top_coded' }),
			row('11-0003', { median: null, medianStatus: 'not_available' })
		];
		expect(sorted(rows, 'median', 'desc')).toEqual(['11-0002', '11-0001', '11-0003']);
		const median = COLUMNS.find((c) => c.key === 'median')!;
		expect(median.csv.map(([, get]) => get(rows[1]!))).toEqual([null, 'top_coded']);
	});

	it('marks an LQ on fewer than 100 jobs as unstable, and lists under-represented groups', () => {
		const lq = COLUMNS.find((c) => c.key === 'lq')!;
		expect(lq.cell(row('11-0001', { employment: 99, lq: 3 }))).toMatchObject({ unstable: true });
		expect(lq.cell(row('11-0001', { employment: 100, lq: 3 }))).toMatchObject({ unstable: false });
		const rep = COLUMNS.find((c) => c.key === 'representation')!;
		const cell = (
			group: string,
			parityIndex: number,
			flag: 'under-represented' | 'within-margin'
		) => ({
			group,
			share: null,
			baseline: null,
			parityIndex,
			gapPoints: null,
			marginPoints: null,
			base: null,
			flag,
			scope: 'national' as const,
			baselineScope: 'national' as const
		});
		const r = row('11-0001', {
			representation: [cell('women', 0.456, 'under-represented'), cell('white', 1, 'within-margin')]
		});
		expect(rep.csv[0]![1](r)).toBe('women (0.46)');
		expect(rep.sort(r)).toBe(0.456);
	});
});

/** The region table's CSV fields as docs/API.md lists them, from the registry. */
function fieldTable(): string {
	const lines = ['| column (`col=`) | CSV fields | shows | sources |', '| --- | --- | --- | --- |'];
	for (const c of COLUMNS) {
		const fields = c.csv.map(([h]) => `\`${h}\``).join(', ');
		lines.push(`| \`${c.key}\` | ${fields} | ${en[c.label]} | ${c.sources.join(', ')} |`);
	}
	return lines.join('\n');
}

describe('the API documentation', () => {
	it('lists every registry column with its CSV fields (docs/API.md, region table CSV)', () => {
		// Prettier pads the table's cells; compare the cells, not the padding.
		const cells = (text: string) => text.replace(/ *\| */g, '|').replace(/-{3,}/g, '---');
		const docs = cells(readFileSync('docs/API.md', 'utf8'));
		expect(docs, `docs/API.md should contain:\n${fieldTable()}`).toContain(cells(fieldTable()));
	});
});

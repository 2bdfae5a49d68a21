/**
 * Chart specs drawn by Plot into a jsdom document (passed as Plot's `document` option, so the
 * test file stays in the node environment) and compared as rounded, one-tag-per-line markup with
 * committed snapshots; plus assertions on what each chart must show whatever its styling.
 */
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { CategorySummary } from '../../../src/lib/analysis/digital-jobs';
import {
	axisLabel,
	COLORS,
	LABELS,
	seriesColor,
	seriesLabel,
	TEXT,
	twoLines
} from '../../../src/lib/charts/series';
import { noDataSpec } from '../../../src/lib/charts/specs/common';
import { digitalCategoriesSpec } from '../../../src/lib/charts/specs/digital-categories';
import { digitalRepresentationSpec } from '../../../src/lib/charts/specs/digital-representation';
import { openingsSupplySpec } from '../../../src/lib/charts/specs/openings-supply';
import {
	representationSpec,
	type RepresentationDatum
} from '../../../src/lib/charts/specs/representation';
import { columnsFor, smallMultiplesSpec } from '../../../src/lib/charts/specs/small-multiples';
import { largestGaps, supplyGapsSpec } from '../../../src/lib/charts/specs/supply-gaps';
import { wageCompareSpec, type WageDistribution } from '../../../src/lib/charts/specs/wage-compare';
import type { GapRow } from '../../../src/lib/domain/rows';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

function draw(options: Plot.PlotOptions): Element {
	return Plot.plot({ ...options, document });
}

/** Markup with numbers rounded to 2 decimals and one tag per line, so diffs are reviewable. */
function markup(el: Element): string {
	return `${el.outerHTML
		.replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2))
		.replace(/></g, '>\n<')}\n`;
}

const snap = (name: string) => `./__snapshots__/${name}.html.snap`;
const bars = (el: Element) => el.querySelectorAll('g[aria-label="bar"] rect').length;
const texts = (el: Element) =>
	[...el.querySelectorAll('svg text')].map((t) => t.textContent ?? '').filter(Boolean);
/** Every line of text drawn: a multi-line text's lines one by one. */
const textLines = (el: Element) =>
	[...el.querySelectorAll('svg text')].flatMap((t) =>
		t.querySelectorAll('tspan').length > 0
			? [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '')
			: [t.textContent ?? '']
	);
const frame = { caption: 'Source: BLS OEWS, May 2024', width: 720 };
const CAP = 239_200;

const published = { p10: 'published', p25: 'published', p50: 'published' } as const;

const developers: WageDistribution[] = [
	{
		series: 'region',
		label: 'Omaha-Council Bluffs, NE-IA',
		percentiles: { p10: 74_030, p25: 92_150, p50: 115_370, p75: 140_080, p90: 167_920 },
		status: { ...published, p75: 'published', p90: 'published' }
	},
	{
		series: 'nation',
		label: 'United States',
		percentiles: { p10: 79_850, p25: 101_200, p50: 133_080, p75: 169_500, p90: 211_450 },
		status: { ...published, p75: 'published', p90: 'published' }
	}
];

const executives: WageDistribution[] = [
	{
		series: 'region',
		label: 'Omaha-Council Bluffs, NE-IA',
		percentiles: { p10: 95_270, p25: 140_110, p50: 210_480, p75: null, p90: null },
		status: { ...published, p75: 'top_coded', p90: 'top_coded' }
	},
	{
		series: 'nation',
		label: 'United States',
		percentiles: { p10: 82_450, p25: 141_000, p50: null, p75: null, p90: null },
		status: { ...published, p50: 'top_coded', p75: 'top_coded', p90: 'top_coded' }
	}
];

describe('series', () => {
	it('gives every series a label and a distinct-enough colour, and unknown keys a fallback', () => {
		for (const key of Object.keys(COLORS) as (keyof typeof COLORS)[]) {
			expect(LABELS[key]).toMatch(/\S/);
			expect(COLORS[key]).toMatch(/^#[0-9A-F]{6}$/i);
		}
		const categories = [
			'Data Management and Analysis',
			'Design',
			'Networking',
			'Programming and Development',
			'Support',
			'Crosscutting',
			'All digital jobs'
		];
		expect(new Set(categories.map(seriesColor)).size).toBe(7);
		expect(seriesLabel('Quantum')).toBe('Quantum');
		expect(seriesColor('Quantum')).toBe('#666666');
	});
});

describe('empty data', () => {
	const empty = { title: 'Nothing here', ...frame };
	it.each([
		['wage-compare', wageCompareSpec({ ...empty, rows: [], cap: CAP })],
		[
			'wage-compare (all not published)',
			wageCompareSpec({
				...empty,
				cap: CAP,
				rows: [
					{
						series: 'region',
						label: 'Somewhere',
						percentiles: { p10: null, p25: null, p50: null, p75: null, p90: null },
						status: {
							p10: 'not_available',
							p25: 'not_available',
							p50: 'not_available',
							p75: 'not_available',
							p90: 'not_available'
						}
					}
				]
			})
		],
		['representation', representationSpec({ ...empty, cells: [] })],
		['openings-supply', openingsSupplySpec({ ...empty, rows: [] })],
		['digital-categories', digitalCategoriesSpec({ ...empty, rows: [] })],
		['digital-representation', digitalRepresentationSpec({ ...empty, rows: [] })],
		['small-multiples', smallMultiplesSpec({ ...empty, areas: [] })],
		['supply-gaps', supplyGapsSpec({ ...empty, rows: [] })]
	])('%s draws the no-data message, not empty axes', (_name, spec) => {
		const fig = draw(spec);
		expect(texts(fig)).toEqual([TEXT.noData]);
		expect(bars(fig)).toBe(0);
		expect(fig.querySelector('h2')?.textContent).toBe('Nothing here');
		expect(fig.querySelector('figcaption')?.textContent).toBe(frame.caption);
	});

	it('matches the snapshot', async () => {
		await expect(markup(draw(noDataSpec({ title: 'Nothing here', ...frame })))).toMatchFileSnapshot(
			snap('no-data')
		);
	});
});

describe('wage-compare', () => {
	it('draws a box and a median per area, labelled with the median', async () => {
		const fig = draw(
			wageCompareSpec({ rows: developers, cap: CAP, title: 'Software developers', ...frame })
		);
		expect(bars(fig)).toBe(2);
		expect(fig.querySelectorAll('g[aria-label="tick"] line')).toHaveLength(2);
		expect(texts(fig)).toEqual(
			expect.arrayContaining(['median $115,370', 'median $133,080', 'United States'])
		);
		expect(texts(fig).some((t) => t.includes('≥'))).toBe(false);
		await expect(markup(fig)).toMatchFileSnapshot(snap('wage-compare'));
	});

	it('on a phone writes a long place name on two lines', () => {
		const fig = draw(
			wageCompareSpec({
				rows: developers,
				cap: CAP,
				title: 'Software developers',
				...frame,
				width: 360
			})
		);
		expect(textLines(fig)).toEqual(
			expect.arrayContaining(['Omaha-Council', 'Bluffs, NE-IA', 'United States'])
		);
	});

	it('draws top-coded percentiles at the cap with ≥ and says the median is at least the cap', async () => {
		const fig = draw(
			wageCompareSpec({ rows: executives, cap: CAP, title: 'Chief executives', ...frame })
		);
		// Region: p75 and p90; nation: p50, p75 and p90.
		expect(texts(fig).filter((t) => t === '≥')).toHaveLength(5);
		expect(texts(fig)).toContain('median ≥ $239,200');
		expect(fig.querySelector('h3')?.textContent).toBe(TEXT.topCodedNote);
		// The nation's box stops at the cap: p75 drawn at 239,200 is the right edge of both boxes.
		const rects = [...fig.querySelectorAll('g[aria-label="bar"] rect')];
		const right = rects.map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width')));
		expect(right[0]).toBeCloseTo(right[1]!, 5);
		await expect(markup(fig)).toMatchFileSnapshot(snap('wage-compare-top-coded'));
	});

	it('without a cap a top-coded percentile is left out, not drawn at zero', () => {
		const fig = draw(
			wageCompareSpec({ rows: executives, cap: null, title: 'Chief executives', ...frame })
		);
		expect(texts(fig)).not.toContain('≥');
		expect(texts(fig)).toContain('median top-coded (above the cap)');
	});
});

const cells: RepresentationDatum[] = [
	{ group: 'women', share: 0.218, baseline: 0.472, flag: 'under-represented' },
	{ group: 'white', share: 0.61, baseline: 0.74, flag: 'within-margin' },
	{ group: 'asian', share: 0.284, baseline: 0.067, flag: 'over-represented' },
	{ group: 'black', share: 0.041, baseline: 0.089, flag: 'too-few' },
	{ group: 'hispanic', share: null, baseline: 0.12, flag: 'no-data' }
];

describe('representation', () => {
	it('draws bars and baseline ticks for groups with a reliable share, words for the rest', async () => {
		const fig = draw(
			representationSpec({ cells, title: 'Who works as a software developer', ...frame })
		);
		expect(bars(fig)).toBe(3);
		expect(fig.querySelectorAll('g[aria-label="tick"] line')).toHaveLength(3);
		const t = texts(fig);
		expect(t).toContain('22% vs baseline 47% · Under-represented');
		expect(t).toContain('28% vs baseline 7% · Over-represented');
		expect(t).toContain(LABELS['too-few']);
		expect(t).toContain(LABELS['no-data']);
		// Group codes are shown by name.
		expect(t).toContain('Hispanic or Latino');
		await expect(markup(fig)).toMatchFileSnapshot(snap('representation'));
	});

	it('puts the flag on a second line on a narrow screen', async () => {
		const fig = draw(representationSpec({ cells, title: 'Who works here', ...frame, width: 360 }));
		const label = [...fig.querySelectorAll('svg text')].find((t) =>
			t.textContent?.startsWith('22%')
		);
		expect([...(label?.querySelectorAll('tspan') ?? [])].map((s) => s.textContent)).toEqual([
			'22% vs baseline 47%',
			'Under-represented'
		]);
		await expect(markup(fig)).toMatchFileSnapshot(snap('representation-narrow'));
	});
});

type Flow = Pick<GapRow, 'soc' | 'title' | 'openings' | 'supply' | 'supplyGap'>;
const flows: Flow[] = [
	{
		soc: '15-1252',
		title: 'Software Developers',
		openings: 412.6,
		supply: 288.3,
		supplyGap: 124.3
	},
	{
		soc: '15-1212',
		title: 'Information Security Analysts',
		openings: 61.2,
		supply: 74.5,
		supplyGap: -13.3
	},
	{
		soc: '15-1299',
		title: 'Computer Occupations, All Other',
		openings: 38.4,
		supply: null,
		supplyGap: null
	}
];

describe('openings-supply', () => {
	it('draws a pair of bars per occupation with the signed gap, and no bar for a missing side', async () => {
		const fig = draw(openingsSupplySpec({ rows: flows, title: 'Openings and supply', ...frame }));
		expect(bars(fig)).toBe(5);
		const t = texts(fig);
		expect(t).toEqual(expect.arrayContaining(['gap +124', 'gap −13', 'gap —', 'no data']));
		expect(t).toEqual(expect.arrayContaining(['413', '288', '61', '75']));
		expect(fig.querySelectorAll('[class$="-swatch"]')).toHaveLength(2);
		await expect(markup(fig)).toMatchFileSnapshot(snap('openings-supply'));
	});

	it('draws a single occupation', () => {
		const fig = draw(openingsSupplySpec({ rows: flows.slice(0, 1), title: 'One', ...frame }));
		expect(bars(fig)).toBe(2);
		expect(texts(fig)).toContain('gap +124');
	});
});

const digital: CategorySummary[] = [
	{
		category: 'Data Management and Analysis',
		occupations: 6,
		employment: 4_820,
		medianWage: 98_310,
		wagesMissing: 0
	},
	{ category: 'Design', occupations: 0, employment: 0, medianWage: null, wagesMissing: 0 },
	{
		category: 'Networking',
		occupations: 3,
		employment: 2_150,
		medianWage: 91_200,
		wagesMissing: 1
	},
	{
		category: 'Programming and Development',
		occupations: 5,
		employment: 9_730,
		medianWage: 118_450,
		wagesMissing: 0
	},
	{ category: 'Support', occupations: 2, employment: 3_410, medianWage: 61_870, wagesMissing: 0 },
	{
		category: 'Crosscutting',
		occupations: 4,
		employment: 1_260,
		medianWage: null,
		wagesMissing: 4
	},
	{
		category: 'All digital jobs',
		occupations: 20,
		employment: 21_370,
		medianWage: 101_020,
		wagesMissing: 5
	}
];

describe('digital-categories', () => {
	it('draws one bar per category with jobs, labelled with the median wage', async () => {
		const fig = draw(digitalCategoriesSpec({ rows: digital, title: 'Digital jobs', ...frame }));
		expect(bars(fig)).toBe(6);
		const t = texts(fig);
		expect(t).toContain('9,730 · median $118,450');
		expect(t).toContain('2,150 · median $91,200 · 1 without a published wage');
		expect(t).toContain('1,260 · median not published · 4 without a published wage');
		expect(t).toContain(TEXT.noOccupations);
		expect(t).toContain('Programming and development');
		await expect(markup(fig)).toMatchFileSnapshot(snap('digital-categories'));
	});

	it('can leave the all-digital total out', () => {
		const fig = draw(
			digitalCategoriesSpec({ rows: digital, showAll: false, title: 'Digital jobs', ...frame })
		);
		expect(bars(fig)).toBe(5);
		expect(texts(fig)).not.toContain('All digital jobs');
	});

	it('on a phone stacks the figures of each bar and names categories by their short names', () => {
		const fig = draw(
			digitalCategoriesSpec({ rows: digital, title: 'Digital jobs', ...frame, width: 360 })
		);
		const lines = textLines(fig);
		expect(lines).toEqual(expect.arrayContaining(['9,730', 'median $118,450', 'Programming']));
		// Nothing longer than the 150 px right margin holds at 12 px (about 22 characters).
		expect(lines.filter((l) => l.length > 26)).toEqual([]);
	});
});

describe('digital-representation', () => {
	it('draws a baseline dot, a share dot and an arrow per group with both shares', async () => {
		const fig = draw(
			digitalRepresentationSpec({
				title: 'Who holds digital jobs',
				...frame,
				rows: [
					{ group: 'women', shareOfDigitalJobs: 0.263, baseline: 0.472, employmentCovered: 21_370 },
					{ group: 'asian', shareOfDigitalJobs: 0.121, baseline: 0.041, employmentCovered: 21_370 },
					{ group: 'black', shareOfDigitalJobs: 0.052, baseline: 0.089, employmentCovered: 21_370 },
					{ group: 'hispanic', shareOfDigitalJobs: null, baseline: 0.12, employmentCovered: 0 }
				]
			})
		);
		expect(fig.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(6);
		expect(fig.querySelectorAll('g[aria-label="arrow"] path')).toHaveLength(3);
		const t = texts(fig);
		expect(t).toContain('26% of digital jobs vs baseline 47%');
		expect(t).toContain(LABELS['no-data']);
		await expect(markup(fig)).toMatchFileSnapshot(snap('digital-representation'));
	});

	it('on a phone breaks a long group name over two lines instead of cutting it', () => {
		const fig = draw(
			digitalRepresentationSpec({
				title: 'Who holds digital jobs',
				...frame,
				width: 360,
				rows: [
					{ group: 'women', shareOfDigitalJobs: 0.263, baseline: 0.472, employmentCovered: 21_370 },
					{ group: 'hispanic', shareOfDigitalJobs: 0.1, baseline: 0.19, employmentCovered: 21_370 }
				]
			})
		);
		const lines = textLines(fig);
		expect(lines).toEqual(expect.arrayContaining(['Hispanic or', 'Latino', 'Women']));
		expect(lines.filter((l) => l.endsWith('…'))).toEqual([]);
	});
});

describe('twoLines', () => {
	it.each([
		['Hispanic or Latino', 12, 'Hispanic or\nLatino'],
		// The last space would leave "Los" alone and cut the rest.
		['Los Angeles-Long Beach-Anaheim, CA', 12, 'Los Angeles-\nLong Beach-…'],
		['Los Angeles-Long Beach-Anaheim, CA', 20, 'Los Angeles-Long\nBeach-Anaheim, CA'],
		['Winston-Salem, NC', 12, 'Winston-\nSalem, NC'],
		// A state pair stays whole when the space leaves the first line well filled.
		['Omaha-Council Bluffs, NE-IA', 26, 'Omaha-Council Bluffs,\nNE-IA'],
		['Software Developers', 30, 'Software Developers'],
		['Supercalifragilistic', 8, 'Superca…']
	])('%j in %d characters a line', (label, max, expected) => {
		const out = twoLines(label, max);
		expect(out).toBe(expected);
		for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(max);
	});
});

describe('small-multiples', () => {
	const area = (code: string, name: string, scale: number) => ({
		code,
		name,
		categories: digital.map((c) => ({ ...c, employment: Math.round(c.employment * scale) }))
	});

	it('wraps the panels into columns that fit the width', () => {
		expect(columnsFor(6, 1100)).toBe(5);
		expect(columnsFor(3, 540)).toBe(2);
		expect(columnsFor(6, 200)).toBe(1);
		expect(columnsFor(2, 2000)).toBe(2);
	});

	it('draws one panel per area with the same categories, shares of its digital jobs', async () => {
		const fig = draw(
			smallMultiplesSpec({
				title: 'Digital jobs by category',
				...frame,
				areas: [
					area('36540', 'Omaha-Council Bluffs, NE-IA', 1),
					area('30700', 'Lincoln, NE', 0.35),
					{ code: '99999', name: 'Nowhere & Somewhere', categories: [] }
				]
			})
		);
		// Five categories with jobs (Design has none) in each of two areas.
		expect(bars(fig)).toBe(10);
		const t = texts(fig);
		expect(t).toEqual(
			expect.arrayContaining([
				'Omaha-Council Bluffs, NE-IA',
				'Lincoln, NE',
				'Nowhere & Somewhere',
				LABELS['no-data'],
				// 9,730 of 21,370 digital jobs.
				'46%'
			])
		);
		expect(fig.querySelector('svg')?.innerHTML).toContain('Nowhere &amp; Somewhere');
		await expect(markup(fig)).toMatchFileSnapshot(snap('small-multiples'));
	});

	it('draws counts when asked, and at most six areas', () => {
		const areas = Array.from({ length: 8 }, (_, i) => area(`a${i}`, `Area ${i}`, 1));
		const fig = draw(
			smallMultiplesSpec({ title: 'Digital jobs', ...frame, areas, measure: 'employment' })
		);
		expect(bars(fig)).toBe(30);
		expect(texts(fig)).toContain('9,730');
		expect(texts(fig)).not.toContain('Area 6');
	});

	it('on a phone names the long categories by their short names, not cut mid-word', () => {
		const fig = draw(
			smallMultiplesSpec({
				title: 'Digital jobs by category',
				...frame,
				width: 360,
				areas: [area('36540', 'Omaha-Council Bluffs, NE-IA', 1), area('30700', 'Lincoln, NE', 0.35)]
			})
		);
		const t = texts(fig);
		expect(t).toEqual(expect.arrayContaining(['Data', 'Programming', 'Networking']));
		expect(t.filter((x) => x.endsWith('…') && !x.includes(','))).toEqual([]);
		expect(axisLabel('Data management and analysis', 40)).toBe('Data management and analysis');
		expect(axisLabel('Computer and Information Systems Managers', 12)).toBe(
			'Computer and\nInformation…'
		);
	});
});

describe('supply-gaps', () => {
	const rows: Flow[] = Array.from({ length: 12 }, (_, i) => ({
		soc: `15-12${String(i).padStart(2, '0')}`,
		title: `Occupation ${i}`,
		openings: 100,
		supply: 100 - (i - 2) * 10,
		supplyGap: (i - 2) * 10
	}));
	rows.push({ soc: '15-1299', title: 'Unknown gap', openings: 50, supply: null, supplyGap: null });

	it('keeps the n largest known gaps, largest first', () => {
		const top = largestGaps(rows, 10);
		expect(top.map((r) => r.supplyGap)).toEqual([90, 80, 70, 60, 50, 40, 30, 20, 10, 0]);
		expect(largestGaps(rows, 0)).toEqual([]);
	});

	it('draws one bar per gap with its sign; over-supplied bars point left', async () => {
		const fig = draw(supplyGapsSpec({ rows, n: 12, title: 'Largest supply gaps', ...frame }));
		expect(bars(fig)).toBe(12);
		const t = texts(fig);
		expect(t).toEqual(expect.arrayContaining(['+90', '0', '−10', '−20']));
		expect(t).not.toContain('Unknown gap');
		const fills = new Set(
			[...fig.querySelectorAll('g[aria-label="bar"] rect')].map((r) => r.getAttribute('fill'))
		);
		expect(fills).toEqual(new Set([COLORS['under-supplied'], COLORS['over-supplied']]));
		await expect(markup(fig)).toMatchFileSnapshot(snap('supply-gaps'));
	});
});

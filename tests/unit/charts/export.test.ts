/**
 * The standalone-SVG export, built from Plot figures drawn in a jsdom document and parsed back
 * as XML: the title, legend and source are burned in, every text is escaped, and the chart's
 * marks survive. (The download helpers need a real browser: canvas, Image and a click.)
 */
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
	escapeXml,
	fileNameFor,
	standaloneSvg,
	svgMarkup,
	wrapText
} from '../../../src/lib/charts/export';
import { COLORS } from '../../../src/lib/charts/series';
import { openingsSupplySpec } from '../../../src/lib/charts/specs/openings-supply';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const { document } = window;

const rows = [
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
	}
];

function figure(title = 'Openings & supply <2024>'): Element {
	return Plot.plot({
		...openingsSupplySpec({ rows, title, caption: 'Source: BLS EP & NCES IPEDS, 2024' }),
		document
	});
}

function parse(markup: string): Document {
	const doc = new window.DOMParser().parseFromString(markup, 'image/svg+xml');
	expect(doc.querySelector('parsererror')).toBeNull();
	return doc;
}

const textsOf = (doc: Document | Element) =>
	[...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('svgMarkup', () => {
	it('escapes the title and source and burns them in as <text>', () => {
		const title = 'Pay & <b>"work"</b> in Omaha–Council Bluffs';
		const source = "BLS OEWS & O'NET, May 2024";
		const markup = svgMarkup(figure(), { title, source });
		expect(markup.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
		expect(markup).not.toContain('<b>');
		expect(markup).toContain('Pay &amp; &lt;b&gt;&quot;work&quot;&lt;/b&gt;');
		const doc = parse(markup);
		const t = textsOf(doc);
		expect(t).toContain(title);
		expect(t).toContain(source);
		expect(doc.querySelector('svg > title')?.textContent).toBe(title);
	});

	it('defaults to the figure’s own title and caption', () => {
		const doc = parse(svgMarkup(figure()));
		const t = textsOf(doc);
		expect(t).toContain('Openings & supply <2024>');
		expect(t).toContain('Source: BLS EP & NCES IPEDS, 2024');
	});

	it('keeps every mark of the chart and draws the HTML legend as swatches', async () => {
		const fig = figure();
		const { markup, width, height } = standaloneSvg(fig, { title: 'Openings and supply' });
		const doc = parse(markup);
		const chart = fig.querySelector(':scope > svg')!;
		expect(doc.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(
			chart.querySelectorAll('g[aria-label="bar"] rect').length
		);
		expect(doc.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(4);
		expect(textsOf(doc)).toEqual(expect.arrayContaining(['gap +124', 'gap −13']));
		const legend = [...doc.querySelectorAll('svg > rect[width="12"]')].map((r) =>
			r.getAttribute('fill')
		);
		expect(legend).toEqual([COLORS.openings, COLORS.supply]);
		expect(textsOf(doc)).toEqual(expect.arrayContaining(['Openings a year', 'Supply a year']));
		// Room for the chart plus the text around it; the chart is a group, not a nested viewport.
		expect(width).toBe(Number(chart.getAttribute('width')) + 24);
		expect(height).toBeGreaterThan(Number(chart.getAttribute('height')) + 60);
		expect(doc.documentElement.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
		expect(doc.querySelectorAll('svg svg')).toHaveLength(0);
		await expect(
			markup.replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2)).replace(/></g, '>\n<')
		).toMatchFileSnapshot('./__snapshots__/export-openings-supply.svg');
	});

	it('accepts the bare <svg> and leaves out what only the figure had', () => {
		const svg = figure().querySelector(':scope > svg')!;
		const doc = parse(svgMarkup(svg, { title: 'Just the chart', source: 'Somewhere, 2024' }));
		expect(textsOf(doc)).toEqual(expect.arrayContaining(['Just the chart', 'Somewhere, 2024']));
		expect(doc.querySelectorAll('svg > rect[width="12"]')).toHaveLength(0);
	});

	it('wraps a long title across lines instead of running off the side', () => {
		const long = 'Openings and supply of the ten occupations with the largest gaps '.repeat(3);
		const doc = parse(svgMarkup(figure(), { title: long, source: 'X' }));
		const bold = [...doc.querySelectorAll('text[font-weight="bold"]')];
		expect(bold.length).toBeGreaterThan(1);
		expect(bold.map((t) => t.textContent).join(' ')).toBe(long.trim());
	});

	it('refuses an element without a chart', () => {
		expect(() => svgMarkup(document.createElement('div'), {})).toThrow(/no <svg>/);
	});
});

describe('helpers', () => {
	it('escapes the five XML specials', () => {
		expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe(
			'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;'
		);
	});

	it.each([
		['one two three four', 9, ['one two', 'three', 'four']],
		['averyveryverylongword x', 5, ['averyveryverylongword', 'x']],
		['line one\nline two', 40, ['line one', 'line two']],
		['', 10, []]
	])('wrapText(%j, %i)', (text, max, lines) => {
		expect(wrapText(text, max)).toEqual(lines);
	});

	it.each([
		[
			'Openings & supply, Omaha–Council Bluffs (2024)',
			'svg',
			'openings-supply-omaha-council-bluffs-2024.svg'
		],
		['Café wages', 'png', 'cafe-wages.png'],
		['<>&', 'svg', 'chart.svg']
	] as const)('fileNameFor(%j)', (title, ext, name) => {
		expect(fileNameFor(title, ext)).toBe(name);
	});
});

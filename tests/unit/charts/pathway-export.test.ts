/**
 * Exporting a chart drawn without Plot (the pathway map): the page passes its own legend, which
 * `standaloneSvg` burns in as boxes and lines next to the title and source, escaped, with the
 * chart's drawing kept whole at its natural size.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { standaloneSvg } from '../../../src/lib/charts/export';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const { document } = window;

/**
 * A small map in the page's shape: columns, edges with presentation attributes, linked nodes. Its
 * root declares xmlns as an attribute, which the export must not copy (a duplicate attribute
 * makes the file unreadable: `parse` would find a parser error).
 */
function map(): SVGSVGElement {
	const host = document.createElement('div');
	host.innerHTML =
		'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">' +
		'<title>Career pathway map</title>' +
		'<text x="40" y="18" font-size="12">Entry</text>' +
		'<path d="M40,60C120,60,120,120,200,120" fill="none" stroke="#1f4e79" stroke-width="1"/>' +
		'<path d="M40,60C120,60,120,160,200,160" fill="none" stroke="#8a4b00" stroke-dasharray="4 3"/>' +
		'<a href="?node=15-1232"><circle cx="40" cy="60" r="8" fill="#9cc"/><text>Help desk</text></a>' +
		'<a href="?node=15-1212"><circle cx="200" cy="120" r="10" fill="#246"/></a>' +
		'</svg>';
	return host.querySelector('svg')!;
}

function parse(markup: string): Document {
	const doc = new window.DOMParser().parseFromString(markup, 'image/svg+xml');
	expect(doc.querySelector('parsererror')).toBeNull();
	return doc;
}

describe('standaloneSvg with an explicit legend', () => {
	it('draws boxes for colours and (dashed) lines for edges, with their labels', () => {
		const { markup } = standaloneSvg(map(), {
			title: 'Pathways: Los Angeles <LA>, 2021',
			subtitle: 'Circle size: jobs.',
			source: 'Sources: O*NET 29.3 & BLS OEWS 2021',
			legend: [
				{ label: 'lower median wage', color: 'hsl(210 60% 85%)' },
				{ label: 'next job pays 10%+ more', color: '#1f4e79', mark: 'line' },
				{ label: 'imported or curated "move"', color: '#8a4b00', mark: 'dashed' }
			]
		});
		const doc = parse(markup);
		const root = doc.documentElement;
		const boxes = [...root.querySelectorAll(':scope > rect[width="12"]')];
		expect(boxes.map((b) => b.getAttribute('fill'))).toEqual(['hsl(210 60% 85%)']);
		const lines = [...root.querySelectorAll(':scope > line')];
		expect(
			lines.map((l) => [l.getAttribute('stroke'), l.getAttribute('stroke-dasharray')])
		).toEqual([
			['#1f4e79', null],
			['#8a4b00', '4 3']
		]);
		const texts = [...root.querySelectorAll(':scope > text')].map((t) => t.textContent);
		expect(texts).toEqual(
			expect.arrayContaining([
				'Pathways: Los Angeles <LA>, 2021',
				'Circle size: jobs.',
				'lower median wage',
				'next job pays 10%+ more',
				'imported or curated "move"',
				'Sources: O*NET 29.3 & BLS OEWS 2021'
			])
		);
		expect(markup).not.toContain('<LA>');
	});

	it('keeps the whole drawing, below the legend and above the source', () => {
		const { markup, width, height } = standaloneSvg(map(), {
			title: 'Map',
			source: 'Source line',
			legend: [{ label: 'on a found route', color: '#d97706', mark: 'line' }]
		});
		const doc = parse(markup);
		expect(width).toBe(400 + 24);
		expect(height).toBeGreaterThan(200 + 40);
		const chart = doc.querySelector('svg > g[transform]')!;
		expect(chart.querySelectorAll('path')).toHaveLength(2);
		expect(chart.querySelectorAll('circle')).toHaveLength(2);
		expect(chart.querySelector('path[stroke-dasharray="4 3"]')).not.toBeNull();
		const chartTop = Number(
			/translate\([\d.]+,([\d.]+)\)/.exec(chart.getAttribute('transform')!)![1]
		);
		const legendY = Number(doc.querySelector('svg > line')!.getAttribute('y1'));
		const sourceY = Number(
			[...doc.querySelectorAll('svg > text')]
				.find((t) => t.textContent === 'Source line')!
				.getAttribute('y')
		);
		expect(legendY).toBeLessThan(chartTop);
		expect(sourceY).toBeGreaterThan(chartTop + 200);
	});

	it('without a legend of its own reads none from a bare <svg>', () => {
		const doc = parse(standaloneSvg(map(), { title: 'Map', source: 'S' }).markup);
		expect(doc.querySelectorAll('svg > rect[width="12"], svg > line')).toHaveLength(0);
	});
});

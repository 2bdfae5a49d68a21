/**
 * Saving a drawn chart as a file a reader can paste into a report. A Plot figure keeps its title,
 * legend and source in HTML around the SVG, which a bare SVG file would lose; `svgMarkup` burns
 * them into one standalone SVG (title, subtitle, legend swatches, chart, source line) so the file
 * still says what it shows and where the figures come from.
 *
 * `svgMarkup` only reads the element and builds a string (testable in jsdom); the download
 * helpers are the small browser-only part.
 */

export interface ExportText {
	/** Defaults to the figure's <h2> (Plot's `title`). */
	title?: string;
	/** Source and year; defaults to the figure's <figcaption> (Plot's `caption`). */
	source?: string;
	/** Defaults to the figure's <h3> (Plot's `subtitle`); pass '' to leave it out. */
	subtitle?: string;
	/**
	 * Legend entries drawn above the chart; defaults to the Plot figure's swatch legend. For a
	 * chart drawn without Plot (the pathway map), whose legend is not in the figure.
	 */
	legend?: LegendItem[];
}

export interface LegendItem {
	label: string;
	color: string;
	/** A filled square (default), a line, or a dashed line (for edges and arrows). */
	mark?: 'box' | 'line' | 'dashed';
}

export interface StandaloneSvg {
	markup: string;
	width: number;
	height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 12;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

/** Escapes text for an XML text node or a double- or single-quoted attribute. */
export function escapeXml(s: string): string {
	return s.replace(/[&<>"']/g, (c) =>
		c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'
	);
}

/**
 * Breaks text into lines of at most `maxChars` characters at spaces (a longer word gets a line of
 * its own). SVG text does not wrap, and no font metrics are available outside a browser, so an
 * average character width stands in.
 */
export function wrapText(text: string, maxChars: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			if (line && line.length + 1 + word.length > maxChars) {
				lines.push(line);
				line = word;
			} else line = line ? `${line} ${word}` : word;
		}
		if (line) lines.push(line);
	}
	return lines;
}

/** A file name from a chart title: lowercase words joined by dashes, at most 80 characters. */
export function fileNameFor(title: string, extension: 'svg' | 'png'): string {
	const stem = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
	return `${stem || 'chart'}.${extension}`;
}

/** The chart's own <svg>: the element itself, or the figure's direct child (legends nest theirs). */
function chartSvg(el: Element): Element {
	if (el.localName === 'svg') return el;
	const direct = [...el.children].filter((c) => c.localName === 'svg');
	const svg = direct.at(-1) ?? el.querySelector('svg');
	if (!svg) throw new Error('No chart to export: the element holds no <svg>.');
	return svg;
}

function ownText(el: Element, selector: string): string {
	if (el.localName === 'svg') return '';
	const found = [...el.children].find((c) => c.matches(selector));
	return found?.textContent?.trim() ?? '';
}

/** Plot's swatch legend (HTML spans, each with a tiny filled <svg> and a label). */
function swatches(el: Element): LegendItem[] {
	if (el.localName === 'svg') return [];
	return [...el.querySelectorAll('[class$="-swatch"]')].map((s) => {
		const box = s.querySelector('svg');
		const color =
			box?.getAttribute('fill') ??
			box?.querySelector('[fill]')?.getAttribute('fill') ??
			'currentColor';
		return { label: s.textContent?.trim() ?? '', color };
	});
}

function size(svg: Element): { width: number; height: number } {
	const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
	const width = Number(svg.getAttribute('width')) || box[2] || 640;
	const height = Number(svg.getAttribute('height')) || box[3] || 400;
	return { width, height };
}

/** Attributes of the chart's <svg> that only make sense on a viewport. */
const VIEWPORT_ONLY = new Set(['width', 'height', 'viewBox', 'x', 'y', 'style', 'aria-hidden']);

/**
 * The chart's content as a <g> moved to (PAD, y). Not a nested <svg>: Plot's stylesheet gives
 * its root `height: auto`, which a nested <svg> reads as 100% of the outer one. The group keeps
 * the root's class (the stylesheet's other rules hang on it) and its inherited presentation
 * attributes (fill, font).
 */
function asGroup(svg: Element, y: number): Element {
	const g = svg.ownerDocument.createElementNS(SVG_NS, 'g');
	for (const attr of Array.from(svg.attributes)) {
		// Namespace declarations are the serializer's job: copied as plain attributes they would
		// be written twice (invalid XML) when the root carried an explicit xmlns.
		if (VIEWPORT_ONLY.has(attr.name) || attr.name === 'xmlns' || attr.prefix === 'xmlns') continue;
		g.setAttribute(attr.name, attr.value);
	}
	g.setAttribute('transform', `translate(${PAD},${y})`);
	for (const child of Array.from(svg.childNodes)) g.append(child.cloneNode(true));
	return g;
}

function serialize(node: Element): string {
	const view = node.ownerDocument.defaultView as (Window & typeof globalThis) | null;
	const Serializer = view?.XMLSerializer ?? globalThis.XMLSerializer;
	return new Serializer().serializeToString(node);
}

/**
 * Builds standalone SVG text from a rendered Plot figure (or its <svg>): the title, subtitle and
 * legend above the chart, the source below, all as SVG elements with explicit fonts and colours,
 * on a white background. Every text put into the markup is escaped.
 */
export function standaloneSvg(el: Element, text: ExportText = {}): StandaloneSvg {
	const svg = chartSvg(el);
	const chart = size(svg);
	const width = chart.width + 2 * PAD;
	const title = text.title ?? ownText(el, 'h2');
	const subtitle = text.subtitle ?? ownText(el, 'h3');
	const source = text.source ?? ownText(el, 'figcaption');
	// About 0.55em per character for the sans-serif fonts in FONT.
	const perLine = (fontSize: number) => Math.max(10, Math.floor(chart.width / (fontSize * 0.55)));

	const parts: string[] = [];
	let y = PAD;
	const lines = (s: string, fontSize: number, lineHeight: number, attrs: string) => {
		for (const line of wrapText(s, perLine(fontSize))) {
			y += lineHeight;
			parts.push(
				`<text x="${PAD}" y="${y}" font-size="${fontSize}" ${attrs}>${escapeXml(line)}</text>`
			);
		}
	};
	lines(title, 16, 20, 'font-weight="bold" fill="#1a1a1a"');
	lines(subtitle, 12, 16, 'fill="#4d4d4d"');

	const legend = text.legend ?? swatches(el);
	if (legend.length > 0) {
		y += 8;
		let x = PAD;
		for (const { label, color, mark = 'box' } of legend) {
			const itemWidth = 20 + label.length * 6 + 16;
			if (x > PAD && x + itemWidth > width - PAD) {
				x = PAD;
				y += 18;
			}
			const paint = escapeXml(color);
			parts.push(
				mark === 'box'
					? `<rect x="${x}" y="${y}" width="12" height="12" fill="${paint}"/>`
					: `<line x1="${x}" y1="${y + 6}" x2="${x + 14}" y2="${y + 6}" stroke="${paint}" ` +
							`stroke-width="2"${mark === 'dashed' ? ' stroke-dasharray="4 3"' : ''}/>`,
				`<text x="${x + 18}" y="${y + 10}" font-size="11" fill="#1a1a1a">${escapeXml(label)}</text>`
			);
			x += itemWidth;
		}
		y += 12;
	}

	y += 8;
	parts.push(serialize(asGroup(svg, y)));
	y += chart.height;

	lines(source, 11, 14, 'fill="#4d4d4d"');
	const height = Math.ceil(y + PAD);

	const head =
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
		`font-family='${escapeXml(FONT)}' color="#1a1a1a">` +
		(title ? `<title>${escapeXml(title)}</title>` : '') +
		`<rect width="100%" height="100%" fill="white"/>`;
	return { markup: `${head}${parts.join('')}</svg>\n`, width, height };
}

/** Standalone SVG text for a figure; see `standaloneSvg`. */
export function svgMarkup(el: Element, text: ExportText = {}): string {
	return standaloneSvg(el, text).markup;
}

function save(blob: Blob, fileName: string, doc: Document): void {
	const url = URL.createObjectURL(blob);
	const a = doc.createElement('a');
	a.href = url;
	a.download = fileName;
	doc.body.append(a);
	a.click();
	a.remove();
	// Some browsers read the URL after click() returns; freeing it at once can cancel the save.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves the figure as a standalone SVG file named after its title. */
export function downloadSvg(el: Element, text: ExportText = {}, fileName?: string): void {
	const { markup } = standaloneSvg(el, text);
	const name = fileName ?? fileNameFor(text.title ?? ownText(el, 'h2'), 'svg');
	save(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }), name, el.ownerDocument);
}

/**
 * Saves the figure as a PNG at `scale` × its CSS size (2 = sharp on high-density screens and in
 * print): the standalone SVG is loaded into an Image from a Blob URL, drawn onto a canvas, and
 * the canvas encoded with toBlob.
 */
export async function downloadPng(
	el: Element,
	text: ExportText = {},
	scale = 2,
	fileName?: string
): Promise<void> {
	const doc = el.ownerDocument;
	const { markup, width, height } = standaloneSvg(el, text);
	const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const img = new Image();
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
			img.src = url;
		});
		const canvas = doc.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('This browser cannot draw on a canvas.');
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, width, height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('The chart could not be encoded as PNG.');
		const name = fileName ?? fileNameFor(text.title ?? ownText(el, 'h2'), 'png');
		save(blob, name, doc);
	} finally {
		URL.revokeObjectURL(url);
	}
}

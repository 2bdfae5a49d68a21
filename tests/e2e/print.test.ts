/**
 * Printing a region makes a brief: the headline cards, the table as filtered, the charts and the
 * source lines, in black on white, with no navigation, forms, buttons, language switch or
 * downloads, and a table that fits the sheet. Writes the PDF next to the journeys' screenshots.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
	closeBrowser,
	openPage,
	pageErrors,
	printPdf,
	screenshot,
	skipBrowser,
	visit
} from '../helpers/browser';
import { t } from '../helpers/i18n';
import { TABLE_COLUMNS } from '../../src/lib/domain/columns';

// A4 less 12 mm margins each side, at 96 px per inch: the width a printed page lays out in.
const SHEET_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96);
const FILTERED = '/regions/31080?category=digital&flag=undersupplied';
// The table as shown by default, and with every column ticked (the widest it gets).
const LAYOUTS = [
	{ name: 'default', columns: '' },
	{
		name: 'all-columns',
		columns: TABLE_COLUMNS.map((c) => `&col=${c}`).join('')
	}
];
const BLACK = 'rgb(0, 0, 0)';

/** How many elements match and how many of them are rendered (not display:none, not hidden). */
function shown(page: Page, selector: string) {
	return page.evaluate((sel) => {
		const all = Array.from(document.querySelectorAll(sel));
		return { all: all.length, visible: all.filter((el) => el.checkVisibility()).length };
	}, selector);
}

describe.skipIf(skipBrowser)('print: a region brief', () => {
	afterAll(closeBrowser);

	it.each(LAYOUTS)('prints the figures and sources, no controls ($name)', async (layout) => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		await visit(page, FILTERED + layout.columns);
		const columns = await page.locator('table.gaps thead th').count();
		if (layout.columns) expect(columns).toBe(TABLE_COLUMNS.length + 1);
		// Charts draw after Plot loads: wait until every chart on the page has its SVG.
		await expect
			.poll(async () => {
				const figures = await page.locator('figure.plot').count();
				const drawn = await page.locator('figure.plot .host svg').count();
				return figures > 0 && drawn >= figures;
			})
			.toBe(true);
		const rows = await page.locator('table.gaps tbody tr').count();
		expect(rows).toBeGreaterThan(0);

		await page.setViewportSize({ width: SHEET_WIDTH, height: 1100 });
		await page.emulateMedia({ media: 'print' });

		// Controls: present on the page, gone from the print.
		for (const selector of [
			'header.site',
			'header.site nav[aria-label="Language"]',
			'nav',
			'form.filters',
			'form select',
			'button',
			'figure.plot .exports',
			'a[download]',
			'a.help'
		]) {
			const s = await shown(page, selector);
			expect(s.all, `${selector} is on the page`).toBeGreaterThan(0);
			expect(s.visible, `${selector} is printed`).toBe(0);
		}

		// Content: the heading, the four cards, the table as filtered, the charts, the sources.
		expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
		expect((await shown(page, 'section.cards article.card')).visible).toBe(4);
		expect(await page.locator('table.gaps').isVisible()).toBe(true);
		expect(await page.locator('table.gaps tbody tr').count()).toBe(rows);
		expect(await page.locator('table.gaps thead th').count()).toBe(columns);
		const charts = await shown(page, 'figure.plot .host svg');
		expect(charts.visible).toBe(charts.all);
		// The form is gone, so a line says which rows these are.
		const filters = page.locator('p.print-only');
		expect(await filters.isVisible()).toBe(true);
		expect(await filters.textContent()).toBe(
			t('en', 'region_print_filters', {
				list:
					`${t('en', 'column_category')}: ${t('en', 'series_all_digital')}; ` +
					`${t('en', 'filter_only')} ${t('en', 'filter_undersupplied')}`
			})
		);
		const sources = page.locator('footer.sources');
		expect(await sources.isVisible()).toBe(true);
		// Each source names its file, and a dated one its vintage, e.g. "bls-oews, 2021: MSA_M2021_….
		const sourceLines = await sources.locator('li').allInnerTexts();
		expect(sourceLines.length).toBeGreaterThan(1);
		for (const line of sourceLines) expect(line).toMatch(/^[\w-]+(, \d{4})?: \S+/);
		expect(sourceLines.filter((l) => /^bls-oews, 2021: /.test(l))).not.toEqual([]);
		expect(await page.locator('p.lede').innerText()).toMatch(/\b2021\b/);

		// Black on white; links read as text.
		const colours = await page.evaluate(() => {
			const pick = (sel: string) => {
				const el = document.querySelector(sel);
				if (!el) throw new Error(`no ${sel}`);
				const c = getComputedStyle(el);
				return { color: c.color, background: c.backgroundColor, line: c.textDecorationLine };
			};
			return {
				body: pick('body'),
				h1: pick('h1'),
				muted: pick('p.muted'),
				card: pick('section.cards article.card'),
				cell: pick('table.gaps tbody td'),
				link: pick('table.gaps tbody th a'),
				sources: pick('footer.sources')
			};
		});
		for (const [name, c] of Object.entries(colours)) expect(c.color, name).toBe(BLACK);
		expect(colours.body.background).toBe('rgb(255, 255, 255)');
		expect(['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)']).toContain(colours.card.background);
		expect(colours.link.line).toBe('none');

		// Nothing cut off: the page does not scroll sideways and the table fits inside it.
		const fit = await page.evaluate(() => {
			const table = document.querySelector('table.gaps')!;
			return {
				page: document.documentElement.scrollWidth,
				viewport: window.innerWidth,
				tableRight: table.getBoundingClientRect().right,
				tableScroll: table.scrollWidth,
				tableClient: table.clientWidth
			};
		});
		expect(fit.page).toBeLessThanOrEqual(fit.viewport);
		expect(fit.tableRight).toBeLessThanOrEqual(fit.viewport);
		expect(fit.tableScroll).toBeLessThanOrEqual(fit.tableClient);

		await screenshot(page, `print-region-${layout.name}`, SHEET_WIDTH);
		const { bytes, pages } = await printPdf(page, `print-region-${layout.name}`, {
			format: 'A4',
			margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' }
		});
		expect(pages).toBeGreaterThan(0);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(bytes.byteLength).toBeGreaterThan(20_000);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

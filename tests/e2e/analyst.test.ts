/**
 * An analyst narrows Los Angeles' table to digital jobs that lack workers and diversity, then
 * exports it: in English and in Spanish (chosen with the language switch), at desktop and phone
 * widths.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import Papa from 'papaparse';
import {
	downloadText,
	closeBrowser,
	lookAt,
	openPage,
	pageErrors,
	settle,
	skipBrowser,
	visit
} from '../helpers/browser';
import {
	chooseLanguage,
	escapeRegExp,
	JOURNEYS,
	numbers,
	shot,
	t,
	tPattern,
	tStart,
	urlIn,
	type Lang
} from '../helpers/i18n';

const LA = 'Los Angeles-Long Beach-Anaheim, CA';
// The bundled sample's OEWS year for Los Angeles.
const YEAR = 2021;
const CSV_HEADER =
	'soc,title,category,employment,employment_status,openings_per_year,' +
	'openings_method,openings_vintage,supply_gap,gap_status,gap_reason,supply_gap_even_split,' +
	'sign_disagrees,median_annual_wage,median_status,' +
	'under_represented,priority_score,not_scored_reason,' +
	'priority_rank,priority_rank_best,priority_rank_worst,' +
	// Then each shown column's source files and years.
	['category', 'employment', 'openings', 'gap', 'median', 'representation', 'score']
		.map((c) => `${c}_source,${c}_year`)
		.join(',');

describe.skipIf(skipBrowser)('analyst: filter the gaps table and download it', () => {
	afterAll(closeBrowser);

	it.each(JOURNEYS)('in $lang at $width px', async ({ lang, width }) => {
		const num = numbers(lang);
		const page = await openPage(inject('e2eBaseUrl'), width);
		await visit(page, '/');
		await chooseLanguage(page, lang);
		await lookAt(page, shot(lang, 'analyst-1-home'), width);

		await page.getByRole('link', { name: LA, exact: true }).click();
		await settle(page, urlIn(lang, '/regions/31080$'));
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(LA);
		await lookAt(page, shot(lang, 'analyst-2-region'), width);
		await tableFits(page, width);
		await tableByKeyboard(page, lang, width);

		const category = page.getByRole('combobox', {
			name: new RegExp(`^${escapeRegExp(t(lang, 'column_category'))}`)
		});
		await category.selectOption({ label: t(lang, 'series_all_digital') });
		await page.getByRole('checkbox', { name: t(lang, 'filter_under'), exact: true }).check();
		await page
			.getByRole('checkbox', { name: t(lang, 'filter_undersupplied'), exact: true })
			.check();
		expect(await category.inputValue()).toBe('digital');
		await page.getByRole('button', { name: t(lang, 'filter_apply'), exact: true }).click();
		await settle(
			page,
			urlIn(lang, '/regions/31080\\?.*category=digital.*flag=under&flag=undersupplied')
		);
		await lookAt(page, shot(lang, 'analyst-3-filtered'), width);

		const table = await page.locator('table.gaps').evaluate((el) => ({
			heads: Array.from(el.querySelectorAll('thead th')).map((th) => th.textContent ?? ''),
			rows: Array.from(el.querySelectorAll('tbody tr')).map((tr) => ({
				soc: (tr.querySelector('th .soc')?.textContent ?? '').slice(0, 7),
				cells: Array.from(tr.children).map((c) => (c.textContent ?? '').trim())
			}))
		}));
		const column = (key: string) => table.heads.findIndex((h) => h.includes(t(lang, key)));
		const under = column('column_representation');
		const gap = column('column_gap');
		const digital = column('column_category');
		const jobs = column('column_employment');
		const median = column('column_median');
		expect([under, gap, digital, jobs, median].every((i) => i > 0)).toBe(true);
		expect(table.rows.length).toBeGreaterThan(0);
		// A parity index as the language writes it, e.g. "(0.45)" with the locale's decimal mark.
		const parity = new RegExp(`\\(\\d${escapeRegExp(num.decimal)}\\d\\d\\)`);
		for (const { soc, cells } of table.rows) {
			expect(soc).toMatch(/^\d\d-\d{4}$/);
			expect(cells[under], soc).not.toBe(t(lang, 'region_none'));
			// At least one group is named, with its parity index, e.g. "Women (0.45)".
			expect(cells[under], soc).toMatch(parity);
			expect(cells[gap], soc).toMatch(/^\+/);
			expect(num.parse(cells[gap]!), soc).toBeGreaterThan(0);
			expect(cells[digital], soc).not.toBe('—');
		}
		// The wage chart follows the filtered table (it redraws when the page's data changes).
		const charted = Math.min(15, table.rows.length);
		const expected = t(lang, 'region_wage_chart_title', { count: charted, area: LA, year: YEAR });
		const chartTitle = page.locator('figure.plot .host h2', {
			hasText: tStart(lang, 'region_wage_chart_title')
		});
		// Plot is imported and drawn asynchronously: give a redraw a few seconds before judging.
		await chartTitle
			.filter({ hasText: expected })
			.waitFor({ timeout: 5000 })
			.catch(() => undefined);
		expect.soft(await chartTitle.textContent()).toBe(expected);

		// Every match is on the page, so the CSV (all matching rows) must list the same ones.
		const status = (await page.getByText(tStart(lang, 'region_showing')).textContent()) ?? '';
		const showing = tPattern(
			lang,
			'region_showing',
			{ shown: '(\\d+)', matching: '(\\d+)', total: '[\\d.,]+' },
			{ startOnly: true }
		);
		const [, shown, matching] = showing.exec(status.replace(/\s+/g, ' ').trim()) ?? [];
		expect(Number(shown)).toBe(table.rows.length);
		expect(Number(matching)).toBe(table.rows.length);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: t(lang, 'region_download_csv') }).click()
		]);
		// The file is data, the same in every language: its name and columns do not change.
		expect(download.suggestedFilename()).toBe(`occupations-31080-${YEAR}.csv`);
		const csv = await downloadText(download);
		expect(csv.split('\r\n')[0]).toBe(CSV_HEADER);
		const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data).toHaveLength(table.rows.length);
		expect(parsed.data.map((r) => r.soc)).toEqual(table.rows.map((r) => r.soc));
		for (const r of parsed.data) {
			expect(Number(r.supply_gap), r.soc).toBeGreaterThan(0);
			expect(r.under_represented, r.soc).toMatch(/^[a-z]+ \(\d/);
			expect(r.category, r.soc).not.toBe('');
		}
		// The page wrote the CSV's numbers in the language's format (jobs, median wage).
		let published = 0;
		for (const [i, r] of parsed.data.entries()) {
			const cells = table.rows[i]!.cells;
			if (r.employment_status === 'published' && r.employment) {
				expect(cells[jobs], r.soc).toBe(num.count(Number(r.employment)));
				published++;
			}
			if (r.median_status === 'published' && r.median_annual_wage) {
				expect(cells[median], r.soc).toBe(num.wage(Number(r.median_annual_wage)));
				published++;
			}
		}
		expect(published).toBeGreaterThan(0);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

/**
 * The gaps table in its box: at desktop width every default column, the sort column (Priority,
 * the last) included, shows without scrolling; on a phone the table scrolls inside its own box and
 * the occupation names stay in view while it does.
 */
async function tableFits(page: Page, width: number): Promise<void> {
	const box = await page.locator('table.gaps').evaluate((table) => {
		const scroller = table.parentElement!;
		const last = table.querySelector('thead th:last-child')!;
		return {
			tableWidth: table.scrollWidth,
			boxWidth: scroller.clientWidth,
			boxRight: scroller.getBoundingClientRect().right,
			lastRight: last.getBoundingClientRect().right,
			lastSort: last.getAttribute('aria-sort')
		};
	});
	if (width >= 1280) {
		expect(box.tableWidth).toBeLessThanOrEqual(box.boxWidth);
		expect(box.lastRight).toBeLessThanOrEqual(box.boxRight + 1);
		expect(box.lastSort).toBe('descending');
		return;
	}
	const name = page.locator('table.gaps tbody th.name').first();
	const before = (await name.boundingBox())!.x;
	await page.locator('table.gaps').evaluate((table) => {
		table.parentElement!.scrollLeft = 300;
	});
	const scrolled = await page.locator('table.gaps').evaluate((t) => t.parentElement!.scrollLeft);
	expect(scrolled).toBeGreaterThan(0);
	expect(Math.abs((await name.boundingBox())!.x - before)).toBeLessThan(1);
	await page.locator('table.gaps').evaluate((table) => {
		table.parentElement!.scrollLeft = 0;
	});
}

/**
 * The table's box by keyboard: Tab from the link before it lands on the box (named by the table's
 * caption, with a visible focus ring), and on a phone the right arrow then scrolls it sideways.
 */
async function tableByKeyboard(page: Page, lang: Lang, width: number): Promise<void> {
	const box = page.getByRole('region', { name: t(lang, 'region_table_caption', { area: LA }) });
	expect(await box.locator('table.gaps').count()).toBe(1);
	await page.getByRole('link', { name: t(lang, 'region_download_csv') }).focus();
	await page.keyboard.press('Tab');
	const focus = await box.evaluate((el) => ({
		focused: el === document.activeElement,
		ring: el.matches(':focus-visible') ? getComputedStyle(el).outlineStyle : 'none'
	}));
	expect(focus).toEqual({ focused: true, ring: 'solid' });
	if (width >= 1280) return;
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	await box.evaluate((el) => el.scrollTo({ left: 0, behavior: 'instant' }));
}

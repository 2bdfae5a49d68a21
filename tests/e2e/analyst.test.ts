/** An analyst narrows Los Angeles' table to digital jobs that lack workers and diversity, then exports it. */
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
	visit,
	WIDTHS
} from '../helpers/browser';

const LA = 'Los Angeles-Long Beach-Anaheim, CA';
const CSV_HEADER =
	'soc,title,category,employment,employment_status,location_quotient,openings_per_year,' +
	'openings_method,supply_gap,median_annual_wage,median_status,p10_annual_wage,p10_status,' +
	'p90_annual_wage,p90_status,under_represented,priority_score';

describe.skipIf(skipBrowser)('analyst: filter the gaps table and download it', () => {
	afterAll(closeBrowser);

	it.each(WIDTHS)('at %i px', async (width) => {
		const page = await openPage(inject('e2eBaseUrl'), width);
		await visit(page, '/');
		await lookAt(page, 'analyst-1-home', width);

		await page.getByRole('link', { name: LA, exact: true }).click();
		await settle(page, /\/regions\/31080$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(LA);
		await lookAt(page, 'analyst-2-region', width);

		const category = page.getByRole('combobox', { name: /^Digital category/ });
		await category.selectOption({ label: 'All digital jobs' });
		await page.getByRole('checkbox', { name: 'under-represented', exact: true }).check();
		await page.getByRole('checkbox', { name: 'under-supplied', exact: true }).check();
		expect(await category.inputValue()).toBe('digital');
		await page.getByRole('button', { name: 'Apply' }).click();
		await settle(page, /category=digital.*flag=under&flag=undersupplied/);
		await lookAt(page, 'analyst-3-filtered', width);

		const table = await page.locator('table.gaps').evaluate((t) => ({
			heads: Array.from(t.querySelectorAll('thead th')).map((th) => th.textContent ?? ''),
			rows: Array.from(t.querySelectorAll('tbody tr')).map((tr) => ({
				soc: (tr.querySelector('th .soc')?.textContent ?? '').slice(0, 7),
				cells: Array.from(tr.children).map((c) => (c.textContent ?? '').trim())
			}))
		}));
		const under = table.heads.findIndex((h) => h.includes('Under-represented'));
		const gap = table.heads.findIndex((h) => h.includes('Supply gap'));
		const digital = table.heads.findIndex((h) => h.includes('Digital category'));
		expect([under, gap, digital].every((i) => i > 0)).toBe(true);
		expect(table.rows.length).toBeGreaterThan(0);
		for (const { soc, cells } of table.rows) {
			expect(soc).toMatch(/^\d\d-\d{4}$/);
			expect(cells[under], soc).not.toBe('none');
			// At least one group is named, with its parity index, e.g. "Women (0.45)".
			expect(cells[under], soc).toMatch(/\(\d\.\d\d\)/);
			expect(cells[gap], soc).toMatch(/^\+/);
			expect(Number(cells[gap]!.replace(/[+,]/g, '')), soc).toBeGreaterThan(0);
			expect(cells[digital], soc).not.toBe('—');
		}
		// The wage chart follows the filtered table (it redraws when the page's data changes).
		const charted = Math.min(15, table.rows.length);
		const chartTitle = page.locator('figure.plot .host h2', { hasText: /^Wages of the/ });
		const expected = new RegExp(`^Wages of the ${charted} largest occupations shown`);
		// Plot is imported and drawn asynchronously: give a redraw a few seconds before judging.
		await chartTitle
			.filter({ hasText: expected })
			.waitFor({ timeout: 5000 })
			.catch(() => undefined);
		expect.soft(await chartTitle.textContent()).toMatch(expected);

		// Every match is on the page, so the CSV (all matching rows) must list the same ones.
		const status = (await page.getByText(/^Showing \d+ of \d+ matching/).textContent()) ?? '';
		const [, shown, matching] = /Showing (\d+) of (\d+)/.exec(status) ?? [];
		expect(Number(shown)).toBe(table.rows.length);
		expect(Number(matching)).toBe(table.rows.length);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download these rows as CSV' }).click()
		]);
		expect(download.suggestedFilename()).toBe('occupations-31080-2021.csv');
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
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

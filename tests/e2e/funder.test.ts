/**
 * A funder compares Los Angeles with the nation and shares the view as a link: in English and in
 * Spanish (chosen with the language switch), at desktop and phone widths.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
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
	localized,
	numbers,
	shot,
	t,
	urlIn
} from '../helpers/i18n';

const LA = 'Los Angeles-Long Beach-Anaheim, CA';

interface CompareApi {
	areas: {
		area: { code: string; title: string };
		digital: { category: string; employment: number | null; medianWage: number | null }[];
	}[];
}

/** What a reader of the comparison sees: the area cards' headings and the table's row headings. */
async function comparison(page: Page) {
	return {
		cards: await page.locator('article.card h3').allTextContents(),
		rows: await page.locator('table.side tbody th').allTextContents()
	};
}

describe.skipIf(skipBrowser)('funder: compare two areas and share the link', () => {
	afterAll(closeBrowser);

	it.each(JOURNEYS)('in $lang at $width px', async ({ lang, width }) => {
		const base = inject('e2eBaseUrl');
		const num = numbers(lang);
		const page = await openPage(base, width);
		const areas = (await (await fetch(`${base}/api/areas`)).json()) as {
			code: string;
			title: string;
		}[];
		const nation = areas.find((a) => a.code === '99')!.title;
		await visit(page, '/compare');
		await chooseLanguage(page, lang);
		await lookAt(page, shot(lang, 'funder-1-compare'), width);

		// Hundreds of areas, folded by state: search for each, and a ticked one stays ticked.
		const find = page.getByRole('searchbox', { name: t(lang, 'area_filter') });
		await find.fill('Los Angeles');
		await page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(LA)} \\(`) }).check();
		await find.fill(nation);
		await page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(nation)} \\(`) }).check();
		expect(
			await page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(LA)} \\(`) }).isChecked()
		).toBe(true);
		await page.getByRole('button', { name: t(lang, 'compare_submit'), exact: true }).click();
		// The form lists areas in the picker's order (the nation first), not in the order ticked.
		await settle(page, urlIn(lang, '/compare\\?area=(31080&area=99|99&area=31080)&'));
		await lookAt(page, shot(lang, 'funder-2-result'), width);

		const first = await comparison(page);
		expect(first.cards).toHaveLength(2);
		expect(first.cards.map((c) => c.replace(/ \(\d{4}\)$/, '')).sort()).toEqual(
			[LA, nation].sort()
		);
		expect(first.rows.length).toBeGreaterThan(0);

		// Each area's card writes the comparison's figures in the language's number format.
		const api = (await (await fetch(`${base}/api/compare?areas=31080,99`)).json()) as CompareApi;
		let checked = 0;
		for (const a of api.areas) {
			const card = page
				.locator('article.card')
				.filter({ has: page.getByRole('heading', { level: 3, name: a.area.title }) });
			const cells = await card
				.locator('tbody tr')
				.evaluateAll((rows) =>
					rows.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim()))
				);
			expect(cells, a.area.title).toHaveLength(a.digital.length);
			for (const [i, c] of a.digital.entries()) {
				if (c.employment !== null) {
					expect(cells[i]![1], `${a.area.title} ${c.category}`).toBe(num.count(c.employment));
					checked++;
				}
				if (c.medianWage !== null) {
					expect(cells[i]![2], `${a.area.title} ${c.category}`).toBe(num.wage(c.medianWage));
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(0);

		const link = page.getByText(t(lang, 'compare_link')).getByRole('link');
		const href = (await link.getAttribute('href')) ?? '';
		// The shared link keeps the language.
		expect(href).toMatch(
			new RegExp(`^${escapeRegExp(localized(lang, '/compare'))}\\?areas=(31080,99|99,31080)$`)
		);
		expect(await link.textContent()).toBe(href);

		// Someone else opens the link: a fresh page with no history of the form.
		const shared = await openPage(base, width);
		await visit(shared, href);
		await lookAt(shared, shot(lang, 'funder-3-shared'), width);
		expect(await shared.evaluate(() => document.documentElement.lang)).toBe(lang);
		expect(await comparison(shared)).toEqual(first);
		expect(pageErrors(page)).toEqual([]);
		expect(pageErrors(shared)).toEqual([]);
		await page.context().close();
		await shared.context().close();
	});
});

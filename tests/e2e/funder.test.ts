/**
 * A funder compares Los Angeles with the nation and shares the view as a link; then four metros,
 * sorted, downloaded as CSV and reopened from the copied link: in English and in Spanish (chosen
 * with the language switch), at desktop and phone widths.
 */
import Papa from 'papaparse';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
	closeBrowser,
	downloadText,
	lookAt,
	pageScrollWidth,
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
		// Copy puts the whole address on the clipboard and says so aloud.
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
		await page.getByRole('button', { name: t(lang, 'compare_copy_link') }).click();
		await expect
			.poll(() => page.locator('.share [role="status"]').textContent())
			.toBe(t(lang, 'compare_link_copied'));
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			new URL(href, base).href
		);

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

/** Four metros the bundled sample has in one year (the 2022 computer-occupations file). */
const METROS = ['31080', '12060', '42660', '12420'];

interface CompareJson {
	areas: { area: { code: string; title: string }; year: number }[];
	occupations: { soc: string; byArea: ({ employment: number | null } | null)[] }[];
}

describe.skipIf(skipBrowser)('funder: four metros, sorted, downloaded and reopened', () => {
	afterAll(closeBrowser);

	it.each(JOURNEYS)('in $lang at $width px', async ({ lang, width }) => {
		const base = inject('e2eBaseUrl');
		const page = await openPage(base, width);
		const areas = (await (await fetch(`${base}/api/areas`)).json()) as {
			code: string;
			title: string;
		}[];
		const titles = METROS.map((code) => areas.find((a) => a.code === code)!.title);
		await visit(page, '/compare');
		await chooseLanguage(page, lang);
		const find = page.getByRole('searchbox', { name: t(lang, 'area_filter') });
		for (const title of titles) {
			await find.fill(title);
			await page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(title)} \\(`) }).check();
		}
		// The year is a choice among the years all four have, not a free-text box.
		expect(await page.getByRole('spinbutton').count()).toBe(0);
		await page.getByRole('button', { name: t(lang, 'compare_submit'), exact: true }).click();
		await settle(page, urlIn(lang, '/compare\\?area='));
		await lookAt(page, shot(lang, 'funder-4-metros'), width);
		const cards = await page.locator('article.card h3').allTextContents();
		expect(cards.map((c) => c.replace(/ \(\d{4}\)$/, '')).sort()).toEqual([...titles].sort());
		const year = page.getByRole('combobox', { name: t(lang, 'compare_year_shared') });
		expect(await year.locator('option').allTextContents()).toEqual([
			t(lang, 'compare_year_latest', { year: '2022' }),
			'2022'
		]);

		// Sort by Seattle's jobs: a link that says so in aria-sort, kept in the URL.
		const seattle = titles[2]!;
		const sortLink = page.getByRole('link', {
			name: t(lang, 'compare_sort_by', { column: t(lang, 'column_employment'), area: seattle }),
			exact: true
		});
		await sortLink.click();
		await settle(page, /sort=employment:42660/);
		expect(
			await page
				.locator('th[aria-sort="descending"]')
				.filter({
					has: page.getByRole('link', {
						name: t(lang, 'compare_sort_by', {
							column: t(lang, 'column_employment'),
							area: seattle
						})
					})
				})
				.count()
		).toBe(1);
		const rows = await page.locator('table.side tbody th').allTextContents();

		// The CSV: notes, then the header, then the figures of the JSON answer.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: t(lang, 'compare_download_csv'), exact: true }).click()
		]);
		// Named after the areas in the order the comparison shows them (the picker's list order).
		const asked = new URL(page.url()).searchParams;
		const order =
			asked.getAll('area').length > 0
				? asked.getAll('area')
				: (asked.get('areas') ?? '').split(',');
		expect([...order].sort()).toEqual([...METROS].sort());
		expect(download.suggestedFilename()).toBe(`compare-${order.join('-')}-2022.csv`);
		const lines = (await downloadText(download)).split('\r\n');
		const header = lines.find((l) => !/^"?# /.test(l))!;
		expect(header.startsWith('area_code,area_title,area_year,row_type,soc,title,category,')).toBe(
			true
		);
		expect(header).toContain('employment_source,employment_year');
		const names = header.split(',');
		const api = (await (
			await fetch(`${base}/api/compare?areas=${METROS.join(',')}`)
		).json()) as CompareJson;
		const devs = api.occupations.find((o) => o.soc === '15-1252')!;
		// Area titles hold commas ("Atlanta-…, GA"), so the rows are read as CSV, not split.
		const atlantaDevs = Papa.parse<string[]>(
			lines.filter((l) => !/^"?# /.test(l)).join('\r\n')
		).data.find((cells) => cells[0] === '12060' && cells.includes('15-1252'));
		expect(Number(atlantaDevs![names.indexOf('employment')])).toBe(devs.byArea[1]!.employment);
		expect(atlantaDevs![names.indexOf('employment_year')]).toBe('2022');

		// Copy the link, and someone else opens it: the same areas, year and sort.
		const link = page.getByText(t(lang, 'compare_link')).getByRole('link');
		const href = (await link.getAttribute('href')) ?? '';
		expect(href).toContain(`areas=${order.join(',')}`);
		expect(href).toContain('sort=employment:42660');
		const shared = await openPage(base, width);
		await visit(shared, href);
		await lookAt(shared, shot(lang, 'funder-5-metros-shared'), width);
		expect(await shared.locator('article.card h3').allTextContents()).toEqual(cards);
		expect(await shared.locator('table.side tbody th').allTextContents()).toEqual(rows);
		if (width === 375) expect(await pageScrollWidth(shared)).toBeLessThanOrEqual(375);
		// The figures come before the map: on a phone the map filled the first screens.
		const top = async (selector: string) =>
			(await shared.locator(selector).first().boundingBox())!.y;
		expect(await top('article.card')).toBeLessThan(await top('section.us-map'));
		expect(pageErrors(page)).toEqual([]);
		expect(pageErrors(shared)).toEqual([]);
		await page.context().close();
		await shared.context().close();
	});
});

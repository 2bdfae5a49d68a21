/** A funder compares Los Angeles with the nation and shares the view as a link. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
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
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a reader of the comparison sees: the area cards' headings and the table's row headings. */
async function comparison(page: Page) {
	return {
		cards: await page.locator('article.card h3').allTextContents(),
		rows: await page.locator('table.side tbody th').allTextContents()
	};
}

describe.skipIf(skipBrowser)('funder: compare two areas and share the link', () => {
	afterAll(closeBrowser);

	it.each(WIDTHS)('at %i px', async (width) => {
		const base = inject('e2eBaseUrl');
		const page = await openPage(base, width);
		const areas = (await (await fetch(`${base}/api/areas`)).json()) as {
			code: string;
			title: string;
		}[];
		const nation = areas.find((a) => a.code === '99')!.title;
		await visit(page, '/compare');
		await lookAt(page, 'funder-1-compare', width);

		await page.getByRole('checkbox', { name: new RegExp(`^${escape(LA)} \\(`) }).check();
		await page.getByRole('checkbox', { name: new RegExp(`^${escape(nation)} \\(`) }).check();
		await page.getByRole('button', { name: 'Compare' }).click();
		// The form lists areas in the picker's order (the nation first), not in the order ticked.
		await settle(page, /area=(31080&area=99|99&area=31080)&/);
		await lookAt(page, 'funder-2-result', width);

		const first = await comparison(page);
		expect(first.cards).toHaveLength(2);
		expect(first.cards.map((c) => c.replace(/ \(\d{4}\)$/, '')).sort()).toEqual(
			[LA, nation].sort()
		);
		expect(first.rows.length).toBeGreaterThan(0);

		const link = page.getByText('Link to this view').getByRole('link');
		const href = (await link.getAttribute('href')) ?? '';
		expect(href).toMatch(/^\/compare\?areas=(31080,99|99,31080)$/);
		expect(await link.textContent()).toBe(href);

		// Someone else opens the link: a fresh page with no history of the form.
		const shared = await openPage(base, width);
		await visit(shared, href);
		await lookAt(shared, 'funder-3-shared', width);
		expect(await comparison(shared)).toEqual(first);
		expect(pageErrors(page)).toEqual([]);
		expect(pageErrors(shared)).toEqual([]);
		await page.context().close();
		await shared.context().close();
	});
});

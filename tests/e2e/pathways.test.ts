/** A counsellor finds routes from help-desk work to security analysis and saves the map. */
import { afterAll, describe, expect, inject, it } from 'vitest';
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

describe.skipIf(skipBrowser)('pathways: route finder and SVG export', () => {
	afterAll(closeBrowser);

	it.each(WIDTHS)('at %i px', async (width) => {
		const page = await openPage(inject('e2eBaseUrl'), width);
		await visit(page, '/pathways?area=31080');
		await lookAt(page, 'pathways-1-map', width);

		// A select inside its label is named "From" plus its chosen option, hence the anchors.
		await page
			.getByRole('combobox', { name: /^From\b/ })
			.selectOption({ label: 'Computer User Support Specialists' });
		await page
			.getByRole('combobox', { name: /^To\b/ })
			.selectOption({ label: 'Information Security Analysts' });
		await page.getByRole('button', { name: 'Show', exact: true }).click();
		await settle(page, /from=15-1232&to=15-1212/);
		await lookAt(page, 'pathways-2-routes', width);

		const routes = await page
			.locator('section.routes > ol > li')
			.evaluateAll((items) =>
				items.map((li) =>
					Array.from(li.querySelectorAll('ol.steps a')).map((a) => a.getAttribute('href') ?? '')
				)
			);
		expect(routes.length).toBeGreaterThan(0);
		for (const steps of routes) {
			expect(steps.length).toBeGreaterThanOrEqual(2);
			expect(steps[0]).toBe('/regions/31080/occupations/15-1232');
			expect(steps.at(-1)).toBe('/regions/31080/occupations/15-1212');
		}

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download SVG' }).click()
		]);
		expect(download.suggestedFilename()).toBe('pathways-31080.svg');
		const svg = await downloadText(download);
		expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(svg).toContain('Los Angeles-Long Beach-Anaheim, CA');
		expect(svg.trimEnd()).toMatch(/<\/svg>$/);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

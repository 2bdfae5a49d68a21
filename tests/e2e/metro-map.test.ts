/**
 * The home page's metro map on the bundled sample: drawn at desktop and phone width, a metro
 * reached by keyboard on the map and through the list beside it, no serious axe finding; the
 * compare page outlines its areas.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
	WIDTHS,
	axeFindings,
	closeBrowser,
	lookAt,
	openPage,
	pageErrors,
	settle,
	skipBrowser,
	visit
} from '../helpers/browser';

const METROS = 'g.metros path[role="link"]';

describe.skipIf(skipBrowser)('the metro map', () => {
	afterAll(closeBrowser);

	it.each(WIDTHS)(
		'draws every mainland metro and is reachable by keyboard at %i px',
		async (width) => {
			const page = await openPage(inject('e2eBaseUrl'), width);
			await visit(page, '/');
			await page.locator(METROS).first().waitFor();
			// 396 metros, less Puerto Rico's (outside the Albers USA projection) and one without an outline.
			expect(await page.locator(METROS).count()).toBeGreaterThan(380);
			await lookAt(page, 'metro-map-home', width);

			// One tab stop on the map; arrows move along the list's order; Enter opens the metro.
			const stop = page.locator(`${METROS}[tabindex="0"]`);
			expect(await stop.count()).toBe(1);
			await stop.focus();
			const first = await stop.getAttribute('aria-label');
			await page.keyboard.press('ArrowRight');
			const focused = page.locator(`${METROS}:focus`);
			const second = await focused.getAttribute('aria-label');
			expect(second).not.toBe(first);
			const details = page.getByTestId('map-details');
			expect(await details.textContent()).toContain(second!.split(':')[0]);
			const code = await focused.getAttribute('data-code');
			await page.keyboard.press('Enter');
			await settle(page, new RegExp(`/regions/${code}$`));
			expect(await page.getByTestId('coverage').textContent()).toBeTruthy();
			expect(pageErrors(page)).toEqual([]);
			await page.context().close();
		}
	);

	it('finds Tucson through the list by state, and changes the measure', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 375);
		await visit(page, '/');
		await page.locator(METROS).first().waitFor();
		await page.getByRole('searchbox', { name: /Find an area/ }).fill('arizona');
		const tucson = page.getByRole('link', { name: 'Tucson, AZ', exact: true });
		await tucson.focus();
		await page.keyboard.press('Enter');
		await settle(page, /\/regions\/46060$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tucson, AZ');
		await visit(page, '/');
		await page.locator(METROS).first().waitFor();
		await page.getByRole('combobox', { name: /Shade metros by/ }).selectOption('softwareWage');
		await page
			.getByRole('heading', { name: /Median annual wage of software developers/ })
			.waitFor();
		expect(await page.locator(METROS).first().getAttribute('aria-label')).toMatch(/\$[\d,]+/);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});

	it('outlines the compared areas, and passes axe on both pages', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		for (const path of ['/', '/compare?areas=46060,33100,14460,47900']) {
			await visit(page, path);
			await page.locator(METROS).first().waitFor();
			const findings = await axeFindings(page, path);
			expect(findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')).toEqual([]);
		}
		// 14460 (Boston's CBSA code) found the NECTA 71650.
		expect(page.url()).toContain('14460');
		expect(await page.getByRole('heading', { name: /Boston-Cambridge-Nashua/ }).count()).toBe(1);
		expect(await page.getByText('Outlined in black: the areas compared.').count()).toBe(1);
		await page.context().close();
	});
});

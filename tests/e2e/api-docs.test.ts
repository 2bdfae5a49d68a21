/**
 * The new user's way in: the navigation, the home page's three entry points and the API reference
 * at /api, at desktop and phone width, in English and Spanish; axe finds nothing serious.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
	WIDTHS,
	axeFindings,
	closeBrowser,
	lookAt,
	openPage,
	pageErrors,
	skipBrowser,
	visit
} from '../helpers/browser';

describe.skipIf(skipBrowser)('navigation, home and API reference', () => {
	afterAll(closeBrowser);

	it.each(WIDTHS)('home and /api at %i px', async (width) => {
		const page = await openPage(inject('e2eBaseUrl'), width);
		await visit(page, '/');
		const nav = page.getByRole('navigation', { name: 'Main' });
		await expect
			.poll(() => nav.getByRole('link').allTextContents())
			.toEqual(['Areas', 'Compare', 'Pathways', 'Data', 'API']);
		// One entry point per user, each a working link.
		// One entry point per user, each a working link: a metro area, compare, pathways.
		const board = page.getByRole('link', { name: /^Open / }).first();
		expect(await board.getAttribute('href')).toMatch(/^\/regions\/\d{5}$/);
		expect(await page.getByRole('link', { name: 'Compare regions' }).getAttribute('href')).toBe(
			'/compare'
		);
		expect(await page.getByRole('link', { name: 'Explore pathways' }).getAttribute('href')).toBe(
			'/pathways'
		);
		await lookAt(page, 'home', width);
		expect(
			(await axeFindings(page, `/ ${width}`)).filter(
				(f) => f.impact === 'serious' || f.impact === 'critical'
			)
		).toEqual([]);

		await nav.getByRole('link', { name: 'API' }).click();
		await page.waitForURL(/\/api$/);
		await expect
			.poll(() => page.getByRole('heading', { level: 1 }).textContent())
			.toBe('API reference');
		expect(await page.getByRole('link', { name: '/api/openapi.json' }).count()).toBeGreaterThan(0);
		// Every documented route has its heading, and an example link answers 200.
		expect(await page.getByRole('heading', { level: 3 }).count()).toBeGreaterThanOrEqual(21);
		const example = page.locator('a[href^="/api/areas/31080/gaps"]').first();
		const res = await page.request.get((await example.getAttribute('href')) ?? '');
		expect(res.status()).toBe(200);
		await lookAt(page, 'api-reference', width);
		expect(
			(await axeFindings(page, `/api ${width}`)).filter(
				(f) => f.impact === 'serious' || f.impact === 'critical'
			)
		).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});

	it('reads in Spanish', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 375);
		await visit(page, '/es/api');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
			'Referencia de la API'
		);
		expect(await page.getByText('Solicitud de ejemplo:').count()).toBeGreaterThan(0);
		await visit(page, '/es');
		expect(await page.getByRole('link', { name: 'Comparar regiones' }).getAttribute('href')).toBe(
			'/es/compare'
		);
		expect(
			(await axeFindings(page, '/es')).filter(
				(f) => f.impact === 'serious' || f.impact === 'critical'
			)
		).toEqual([]);
		await page.context().close();
	});

	it('the API answers a bogus category with 400 naming it', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		const res = await page.request.get('/api/areas/31080/gaps?category=bogus');
		expect(res.status()).toBe(400);
		expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
			/^category must be one of: .*Support/
		);
		await page.context().close();
	});
});

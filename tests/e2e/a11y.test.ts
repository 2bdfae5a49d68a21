/**
 * axe on every page the journeys visit: no serious or critical violation, and no two landmarks
 * sharing a role and name.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
	axeFindings,
	blockingFindings,
	closeBrowser,
	openPage,
	skipBrowser,
	visit
} from '../helpers/browser';

const PAGES = [
	'/',
	'/regions/31080',
	'/regions/31080/occupations/15-1232',
	'/compare?areas=31080,99',
	'/pathways?area=31080',
	'/data',
	'/login',
	'/es/data'
];

describe.skipIf(skipBrowser)('accessibility (axe)', () => {
	afterAll(closeBrowser);

	it.each(PAGES)('%s', async (path) => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		await visit(page, path);
		expect(blockingFindings(await axeFindings(page, path))).toEqual([]);
		await page.context().close();
	});

	it('the page a mistyped address gets (404)', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 375);
		const res = await page.goto('/es/regions/12345');
		expect(res?.status()).toBe(404);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Página no encontrada');
		expect(blockingFindings(await axeFindings(page, '/es/regions/12345'))).toEqual([]);
		await page.context().close();
	});
});

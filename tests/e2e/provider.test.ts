/** A training provider checks who trains for a job and what it pays. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
	closeBrowser,
	lookAt,
	openPage,
	pageErrors,
	skipBrowser,
	visit,
	WIDTHS
} from '../helpers/browser';

const LA = 'Los Angeles-Long Beach-Anaheim, CA';
const WAGE = /^(≥ )?\$\d{1,3}(,\d{3})*$/;

describe.skipIf(skipBrowser)('provider: an occupation page', () => {
	afterAll(closeBrowser);

	it.each(WIDTHS)('at %i px', async (width) => {
		const page = await openPage(inject('e2eBaseUrl'), width);
		await visit(page, '/regions/31080/occupations/15-1232');
		await lookAt(page, 'provider-1-occupation', width);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
			'Computer User Support Specialists'
		);

		const programs = await page
			.getByRole('table', { name: /^Programs linked to Computer User Support Specialists/ })
			.locator('tbody tr')
			.evaluateAll((rows) =>
				rows.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim()))
			);
		expect(programs.length).toBeGreaterThan(0);
		for (const [institution, program, , graduates] of programs) {
			expect(institution).not.toBe('');
			// The CIP code the program is published under, e.g. 11.0701.
			expect(program).toMatch(/\d{2}\.\d{4}$/);
			expect(Number(graduates!.replace(/,/g, '')), institution).toBeGreaterThan(0);
		}

		const pay = await page
			.getByRole('table', { name: 'Annual wage percentiles here and in the nation' })
			.locator('tbody tr')
			.evaluateAll((rows) =>
				rows.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim()))
			);
		expect(pay.map((r) => r[0])).toEqual([LA, 'United States']);
		for (const row of pay) {
			expect(row).toHaveLength(6);
			for (const cell of row.slice(1)) expect(cell, row[0]).toMatch(WAGE);
		}
		// An earlier build read "… for all jobsand 1.23 × the national median" (a lost space).
		expect(await page.locator('section[aria-labelledby="pay"] > p').first().innerText()).toMatch(
			/for all jobs and [\d.]+ × the national median/
		);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

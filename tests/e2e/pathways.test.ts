/**
 * A counsellor opens the Los Angeles digital-jobs map, reads it at desk width, opens a job from
 * the keyboard, asks for routes from help-desk work to security analysis (skills to build and
 * credentials at each step), and on a phone starts from the list and switches to the map.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
	axeFindings,
	closeBrowser,
	lookAt,
	openPage,
	pageErrors,
	settle,
	skipBrowser,
	visit
} from '../helpers/browser';

const SUPPORT = '15-1232';
const SECURITY = '15-1212';

interface RouteJson {
	steps: { from: string; to: string; credentials: { name: string }[] }[];
}

/** Axe's serious and critical findings (the bar every e2e page test holds). */
async function blockingAxe(page: Page, label: string) {
	const findings = await axeFindings(page, label);
	return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/**
 * Every node label of the map as drawn: its on-screen font size and whether its box lies inside
 * the drawing (a label cut at the edge of the SVG cannot be read).
 */
function labelGeometry(page: Page) {
	return page.locator('.map svg').evaluate((svg) => {
		const drawn = svg.getBoundingClientRect();
		const scale = drawn.width / (svg as SVGSVGElement).viewBox.baseVal.width;
		// What shows without scrolling: the drawing within its scroll box's visible width (a
		// drawing wider than the box hides its last column until the reader scrolls sideways).
		const box = svg.closest('.map')!;
		const seen = box.getBoundingClientRect();
		const frame = {
			left: Math.max(drawn.left, seen.left + box.clientLeft),
			right: Math.min(drawn.right, seen.left + box.clientLeft + box.clientWidth),
			top: drawn.top,
			bottom: drawn.bottom
		};
		return Array.from(svg.querySelectorAll('a text')).map((t) => {
			const box = t.getBoundingClientRect();
			return {
				text: t.textContent?.trim() ?? '',
				px: Number(t.getAttribute('font-size')) * scale,
				inside:
					box.left >= frame.left - 0.5 &&
					box.right <= frame.right + 0.5 &&
					box.top >= frame.top - 0.5 &&
					box.bottom <= frame.bottom + 0.5
			};
		});
	});
}

describe.skipIf(skipBrowser)('pathways: map, keyboard, route finder and phone list', () => {
	afterAll(closeBrowser);

	it('at 1280 px: readable map, keyboard access to jobs, routes with skills and credentials', async () => {
		const width = 1280;
		const page = await openPage(inject('e2eBaseUrl'), width);
		await visit(page, '/pathways?area=31080');
		await lookAt(page, 'pathways-1-map', width);

		const map = page.locator('.map svg');
		expect(await map.isVisible()).toBe(true);
		const labels = await labelGeometry(page);
		expect(labels.length).toBeGreaterThan(5);
		for (const l of labels) {
			expect(l.text, 'a node without a label').not.toBe('');
			expect(l.px, `${l.text} is drawn at ${l.px.toFixed(1)} px`).toBeGreaterThanOrEqual(12);
			expect(l.inside, `${l.text} is cut at the edge of the map`).toBe(true);
		}
		expect(await blockingAxe(page, '/pathways at 1280 px')).toEqual([]);

		// Keyboard: Tab reaches the jobs on the map; Enter opens one in the side panel.
		await page.locator('h1').click();
		let reached = '';
		for (let i = 0; i < 80 && !reached; i++) {
			await page.keyboard.press('Tab');
			reached = await page.evaluate(() => {
				const el = document.activeElement;
				return el && el.closest('.map svg') ? (el.getAttribute('aria-label') ?? '') : '';
			});
		}
		expect(reached, 'Tab never reached a job on the map').not.toBe('');
		const job = reached.split(':')[0]!;
		await page.keyboard.press('Enter');
		const panel = page.locator('section.details');
		await expect.poll(() => panel.locator('h2').textContent()).toContain(job);
		expect(await blockingAxe(page, '/pathways with a job open')).toEqual([]);

		// The route finder: From and To are named fields, and Show asks for the routes.
		await page
			.getByRole('combobox', { name: /^From\b/ })
			.selectOption({ label: 'Computer User Support Specialists' });
		// The page sends the digital jobs only (tests/integration/server.test.ts); using a picker
		// (From, above) loads every occupation for all of them, so typing part of any title finds
		// it, and the match stays selectable.
		const to = page.getByRole('combobox', { name: /^To\b/ });
		const filter = page.getByRole('searchbox', { name: /^To: search by name/ });
		await filter.fill('nurse');
		await expect.poll(() => to.locator('option', { hasText: 'Registered Nurses' }).count()).toBe(1);
		// With the script running the filter box is not sent with the form.
		expect(await filter.getAttribute('name')).toBeNull();
		await filter.fill('');
		const before = await to.locator('option').count();
		await filter.fill('securi');
		await expect.poll(() => to.locator('option').count()).toBeLessThan(before);
		const left = await to.locator('option').allTextContents();
		expect(left).toContain('Information Security Analysts');
		expect(left.filter((t) => t !== '—').every((t) => /securi/i.test(t))).toBe(true);
		await to.selectOption({ label: 'Information Security Analysts' });
		await page.getByRole('button', { name: 'Show', exact: true }).click();
		await settle(page, new RegExp(`from=${SUPPORT}&to=${SECURITY}`));
		await lookAt(page, 'pathways-2-routes', width);

		const api = await page.request.get(`/api/pathways?area=31080&from=${SUPPORT}&to=${SECURITY}`);
		expect(api.status()).toBe(200);
		const { routes } = (await api.json()) as { routes: RouteJson[] };
		expect(routes.length).toBeGreaterThan(0);
		// The reference lists CompTIA Security+ for security analysts: the last step names it.
		expect(routes[0]!.steps[0]!.from).toBe(SUPPORT);
		expect(routes[0]!.steps.at(-1)!.to).toBe(SECURITY);
		expect(
			routes[0]!.steps
				.at(-1)!
				.credentials.map((c) => c.name)
				.join('; ')
		).toMatch(/Security\+/);

		const cards = page.locator('section.routes ol.route-cards > li');
		expect(await cards.count()).toBe(routes.length);
		const first = cards.first();
		const steps = first.locator('ol.steps > li');
		expect(await steps.count()).toBe(routes[0]!.steps.length);
		const text = (await first.textContent()) ?? '';
		expect(text).toContain('Computer User Support Specialists');
		expect(text).toContain('Information Security Analysts');
		expect(text).toContain('Skills to build');
		expect(text).toContain('Credentials');
		expect(await steps.last().locator('ul.credentials').textContent()).toMatch(/Security\+/);
		expect(await blockingAxe(page, '/pathways with routes')).toEqual([]);

		// The other routes' steps are one link away: it opens the second, the first closes.
		if (routes.length > 1) {
			await cards
				.nth(1)
				.getByRole('link', { name: /What each step of route 2 takes/ })
				.click();
			await settle(page, /route=2/);
			expect(await cards.nth(1).locator('ul.credentials').count()).toBeGreaterThan(0);
			expect(await first.locator('ul.credentials').count()).toBe(0);
		}
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});

	it('at 375 px: the list first, one tap on Map shows the map', async () => {
		const width = 375;
		const page = await openPage(inject('e2eBaseUrl'), width);
		await visit(page, '/pathways?area=31080');
		await lookAt(page, 'pathways-3-phone-list', width);

		const list = page.locator('.list-col');
		const map = page.locator('.map svg');
		expect(await list.isVisible()).toBe(true);
		expect(await list.locator('ul.job-cards > li').count()).toBeGreaterThan(5);
		expect(await map.isVisible()).toBe(false);
		const mapButton = page.getByRole('button', { name: 'Map', exact: true });
		expect(await mapButton.getAttribute('aria-pressed')).toBe('false');
		expect(await blockingAxe(page, '/pathways at 375 px')).toEqual([]);

		await mapButton.click();
		expect(await mapButton.getAttribute('aria-pressed')).toBe('true');
		expect(await map.isVisible()).toBe(true);
		expect(await list.isVisible()).toBe(false);
		await lookAt(page, 'pathways-4-phone-map', width);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

/**
 * The embeds as another site shows them: each inside an <iframe> on a page of a different origin,
 * 320 px wide, with no sideways scroll, its source line and a link back that leaves the frame;
 * axe clean; the region page's "Embed" snippet copied with the keyboard; and the one-page brief
 * printed to one Letter sheet.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
	axeFindings,
	blockingFindings,
	closeBrowser,
	openPage,
	pageErrors,
	printPdf,
	SCREENSHOT_DIR,
	screenshot,
	skipBrowser,
	visit
} from '../helpers/browser';

const EMBEDS = [
	{ name: 'cards', path: '/embed/regions/31080/cards', chart: false },
	{ name: 'digital', path: '/embed/regions/31080/digital', chart: true },
	{ name: 'pay', path: '/embed/regions/31080/occupations/15-1232/pay', chart: true },
	{
		name: 'route',
		path: '/embed/pathways/route?area=31080&from=15-1232&to=15-1212&objective=most-feasible',
		chart: false
	},
	{ name: 'cards-es', path: '/es/embed/regions/31080/cards', chart: false }
];
const WIDTH = 320;

/**
 * Another site: a server of the test's own on another port, so the frame has another origin as it
 * has on a real host (a local one, which Chromium lets frame a local address).
 */
let host: Server | null = null;
async function hostUrl(): Promise<string> {
	host ??= createServer((req, res) => {
		const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(`<!doctype html><html lang="en"><title>Host</title><body style="margin:0">
<iframe id="f" src="${src.replaceAll('"', '&quot;')}" title="Embedded figures" style="border:0;width:100%;height:800px"></iframe></body></html>`);
	});
	if (!host.listening) await new Promise<void>((done) => host!.listen(0, '127.0.0.1', done));
	return `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
}

/** Opens the host's page holding `src` in a frame as wide as the phone, and returns the frame. */
async function hostPage(src: string) {
	const page = await openPage(inject('e2eBaseUrl'), WIDTH);
	await page.goto(`${await hostUrl()}/?src=${encodeURIComponent(src)}`);
	const handle = await page.waitForSelector('#f');
	const frame = (await handle.contentFrame())!;
	await frame.waitForLoadState('networkidle');
	return { page, frame };
}

describe.skipIf(skipBrowser)('embeds', () => {
	afterAll(async () => {
		await closeBrowser();
		await new Promise((done) => (host ? host.close(done) : done(undefined)));
	});

	it.each(EMBEDS)('$name fits a 320 px frame on another site', async ({ path, chart }) => {
		const base = inject('e2eBaseUrl');
		const { page, frame } = await hostPage(base + path);
		await frame.waitForSelector('main.embed h1');
		if (chart) await frame.waitForSelector('figure.plot .host svg');
		const layout = await frame.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			width: document.documentElement.clientWidth,
			siteHeader: document.querySelectorAll('header.site, nav[aria-label]').length,
			exports: document.querySelectorAll('.exports button').length,
			sources: document.querySelector('[data-testid="embed-sources"]')?.textContent ?? '',
			back: Array.from(document.querySelectorAll('footer a')).map((a) => ({
				href: a.getAttribute('href'),
				target: a.getAttribute('target')
			}))
		}));
		expect(layout.width).toBe(WIDTH);
		expect(layout.scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(layout.width);
		expect(layout.siteHeader).toBe(0);
		expect(layout.exports).toBe(0);
		// The files with their years, e.g. "oes_….xlsx (2021)".
		expect(layout.sources).toMatch(/\S+\.\w+ \(20\d\d\)/);
		expect(layout.back).toHaveLength(1);
		expect(layout.back[0]!.target).toBe('_top');
		expect(layout.back[0]!.href).toMatch(
			path.startsWith('/es/') ? /^\/es\// : /^\/(regions|pathways)/
		);
		mkdirSync(SCREENSHOT_DIR, { recursive: true });
		await page.screenshot({
			path: join(SCREENSHOT_DIR, `embed-${path.split('/')[2]}-${WIDTH}.png`)
		});
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});

	it('a link inside the frame opens in the host window, not the frame', async () => {
		const { page, frame } = await hostPage(`${inject('e2eBaseUrl')}/embed/regions/31080/cards`);
		await Promise.all([
			page.waitForURL(/\/regions\/31080\?year=/),
			frame.locator('footer a').click()
		]);
		expect(await page.locator('h1').first().textContent()).toContain('Los Angeles');
		await page.context().close();
	});

	it("the route list's own links open the full pathways page in the host window", async () => {
		const { page, frame } = await hostPage(
			`${inject('e2eBaseUrl')}/embed/pathways/route?area=31080&from=15-1232&to=15-1212&objective=most-feasible`
		);
		const other = frame.getByRole('link', { name: /^What each step of route 2 takes/ });
		expect(await other.getAttribute('href')).toMatch(/^\/pathways\?.*route=2/);
		await Promise.all([page.waitForURL(/\/pathways\?.*route=2/), other.click()]);
		expect(new URL(page.url()).pathname).toBe('/pathways');
		await page.context().close();
	});

	it('a page other than an embed refuses the frame', async () => {
		const { page, frame } = await hostPage(`${inject('e2eBaseUrl')}/regions/31080`);
		// Chromium replaces a refused frame's document with its own error page: none of ours in it.
		expect(await frame.locator('main#main, header.site').count()).toBe(0);
		await page.context().close();
	});

	it.each([...EMBEDS.map((e) => e.path), '/regions/31080/brief', '/es/regions/31080/brief'])(
		'axe: %s',
		async (path) => {
			const page = await openPage(inject('e2eBaseUrl'), WIDTH);
			await visit(page, path);
			const findings = await axeFindings(page, path);
			expect(blockingFindings(findings)).toEqual([]);
			await page.context().close();
		}
	);
});

describe.skipIf(skipBrowser)('Embed snippet', () => {
	afterAll(closeBrowser);

	it('opens, copies by keyboard and says so in a live region', async () => {
		const base = inject('e2eBaseUrl');
		const page = await openPage(base, 1280);
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
		await visit(page, '/regions/31080');
		const summary = page.locator('details.embed summary').first();
		await summary.focus();
		await page.keyboard.press('Enter');
		const code = page.getByLabel("Code to paste into your site's page").first();
		const snippet = await code.inputValue();
		expect(snippet).toMatch(
			new RegExp(`^<iframe src="${base}/embed/regions/31080/cards" title="[^"]+" width="100%"`)
		);
		await page.getByRole('button', { name: 'Copy code' }).first().focus();
		await page.keyboard.press('Enter');
		await expect
			.poll(() => page.locator('details.embed [role="status"]').first().textContent())
			.toBe('Embed code copied.');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

async function printBrief(page: Page, name: string): Promise<number> {
	await page.emulateMedia({ media: 'print' });
	const pdf = await printPdf(page, `brief-${name}`, {
		format: 'Letter',
		preferCSSPageSize: true,
		printBackground: false
	});
	return pdf.pages;
}

describe.skipIf(skipBrowser)('region brief', () => {
	afterAll(closeBrowser);

	it.each([
		['en', '/regions/31080/brief'],
		['es', '/es/regions/31080/brief'],
		['nation', '/regions/99/brief']
	])('prints on one Letter page (%s)', async (name, path) => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		await visit(page, path);
		await expect.poll(() => page.locator('table.top tbody tr').count()).toBeGreaterThan(0);
		await screenshot(page, `brief-${name}`, 1280);
		expect(await printBrief(page, name)).toBe(1);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});

	it('is linked from the region page and has a print button', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 375);
		await visit(page, '/regions/31080');
		await page.getByRole('link', { name: 'One-page brief (print or PDF)' }).click();
		await page.waitForURL(/\/regions\/31080\/brief\?year=\d{4}$/);
		await expect
			.poll(() => page.getByRole('button', { name: 'Print / save as PDF' }).count())
			.toBe(1);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			375
		);
		await page.context().close();
	});
});

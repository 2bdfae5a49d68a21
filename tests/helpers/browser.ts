/**
 * Browser tests: Debian's Chromium driven by playwright-core, against the one server the e2e
 * project's global setup starts (tests/e2e/global-setup.ts).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { expect } from 'vitest';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The served app, e.g. http://127.0.0.1:41234; empty when the browser tests are skipped. */
		e2eBaseUrl: string;
	}
}

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
export const WIDTHS = [1280, 375] as const;
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results/screenshots');

/**
 * A developer machine without Chromium skips the browser tests (the global setup says so once);
 * CI installs it (.ci/run), so there a missing browser is a failure, not a skip.
 */
export const chromiumMissing = !existsSync(CHROMIUM);
export const skipBrowser = chromiumMissing && process.env.CI !== 'true';

let launched: Promise<Browser> | null = null;

/**
 * The test file's browser, launched on first use inside a test (not in a hook) so that a missing
 * Chromium on CI fails every test with this message rather than leaving them unrun.
 */
export function browser(): Promise<Browser> {
	launched ??= chromiumMissing
		? Promise.reject(
				new Error(
					`Chromium not found at ${CHROMIUM}: the browser tests need Debian's chromium package ` +
						'(apt-get install chromium, as .ci/run does).'
				)
			)
		: // A plain launch uses a fresh temporary profile, removed when the browser closes.
			chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
	return launched;
}

export async function closeBrowser(): Promise<void> {
	const running = await launched?.catch(() => null);
	launched = null;
	await running?.close();
}

/** A page in its own context (no shared cookies or cache), `width` px wide, downloads allowed. */
export async function openPage(baseURL: string, width: number): Promise<Page> {
	const context = await (
		await browser()
	).newContext({
		baseURL,
		viewport: { width, height: 900 },
		acceptDownloads: true
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	pageErrorLog.set(page, errors);
	return page;
}

const pageErrorLog = new WeakMap<Page, string[]>();

/** Uncaught errors in the page's scripts so far (a journey ends by asserting there are none). */
export function pageErrors(page: Page): string[] {
	return pageErrorLog.get(page) ?? [];
}

/** Loads a path and waits until SvelteKit has hydrated (no request for half a second). */
export async function visit(page: Page, path: string): Promise<void> {
	const res = await page.goto(path);
	if (!res || res.status() !== 200) throw new Error(`${path} answered ${res?.status()}`);
	await page.waitForLoadState('networkidle');
}

/** Waits for a client-side navigation (a form or link handled by SvelteKit) to settle. */
export async function settle(page: Page, url: RegExp): Promise<void> {
	await page.waitForURL(url);
	await page.waitForLoadState('networkidle');
}

/** A full-page screenshot to look at (never compared): test-results/screenshots/NAME-WIDTH.png. */
export async function screenshot(page: Page, name: string, width: number): Promise<string> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const path = join(SCREENSHOT_DIR, `${name}-${width}.png`);
	await page.screenshot({ path, fullPage: true });
	return path;
}

/** The page's own width: tables may scroll inside .table-scroll, the page itself must not. */
export function pageScrollWidth(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The elements wider than the viewport that are not inside a scrolling container, for a report. */
export function overflowingElements(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const limit = document.documentElement.clientWidth;
		const found: string[] = [];
		for (const el of Array.from(document.body.querySelectorAll('*'))) {
			const box = el.getBoundingClientRect();
			if (box.right <= limit + 0.5 || box.width === 0) continue;
			let clipped = false;
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
				const o = getComputedStyle(p).overflowX;
				if (o === 'auto' || o === 'scroll' || o === 'hidden') clipped = true;
			}
			if (clipped) continue;
			const cls = typeof el.className === 'string' && el.className ? `.${el.className}` : '';
			found.push(`${el.tagName.toLowerCase()}${cls} (right edge ${Math.round(box.right)}px)`);
		}
		return found.slice(0, 10);
	});
}

/**
 * Every page visited: a screenshot, and at phone width no horizontal page scroll (the message
 * names the elements that stick out).
 */
export async function lookAt(page: Page, name: string, width: number): Promise<void> {
	await screenshot(page, name, width);
	if (width > 375) return;
	const scrollWidth = await pageScrollWidth(page);
	const culprits = scrollWidth > width ? (await overflowingElements(page)).join('; ') : '';
	// Soft: the journey goes on so one run reports every page that overflows.
	expect
		.soft(scrollWidth, `${page.url()} scrolls sideways at ${width} px: ${culprits}`)
		.toBeLessThanOrEqual(width);
}

/**
 * Prints the page as Chromium's "save as PDF" would, to test-results/screenshots/NAME.pdf (kept to
 * look at), and returns the file's bytes and its page count (one `/Type /Page` dictionary a sheet).
 */
export async function printPdf(
	page: Page,
	name: string,
	options: Omit<NonNullable<Parameters<Page['pdf']>[0]>, 'path'>
): Promise<{ bytes: Buffer; pages: number }> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const path = join(SCREENSHOT_DIR, `${name}.pdf`);
	await page.pdf({ ...options, path });
	const bytes = readFileSync(path);
	const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
	return { bytes, pages };
}

/** Text content of a download (the server's CSV or the page's generated SVG). */
export async function downloadText(download: Download): Promise<string> {
	const path = await download.path();
	return readFileSync(path, 'utf8');
}

export interface AxeFinding {
	id: string;
	impact: string | null;
	help: string;
	targets: string[];
}

/**
 * The findings a page must not have: serious or critical ones, and two landmarks sharing a role
 * and name (a screen reader's landmark list could not tell them apart). Other minor and moderate
 * ones are printed and left to judgement.
 */
export function blockingFindings(findings: AxeFinding[]): AxeFinding[] {
	return findings.filter(
		(f) => f.impact === 'serious' || f.impact === 'critical' || f.id === 'landmark-unique'
	);
}

/** Runs axe on the page as it is and prints every violation so the lead can fix it. */
export async function axeFindings(page: Page, label: string): Promise<AxeFinding[]> {
	const result = await new AxeBuilder({ page }).analyze();
	const findings = result.violations.map((v) => ({
		id: v.id,
		impact: v.impact ?? null,
		help: v.help,
		targets: v.nodes.map((n) => n.target.map(String).join(' ')).slice(0, 5)
	}));
	if (findings.length === 0) console.log(`axe ${label}: no violations`);
	for (const f of findings) {
		console.log(`axe ${label}: ${f.id} [${f.impact}] ${f.help}\n    ${f.targets.join('\n    ')}`);
	}
	return findings;
}

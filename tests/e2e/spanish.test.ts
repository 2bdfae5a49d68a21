/**
 * The Spanish pages read as Spanish: no sentence of the English catalogue in the visible text of
 * any page, and numbers, percentages and chart ticks in es-US. Source data (occupation titles as
 * BLS and O*NET publish them, program and institution names) stay in English by design, so the
 * check looks only for the app's own English wording.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
	closeBrowser,
	openPage,
	pageErrors,
	SCREENSHOT_DIR,
	skipBrowser,
	visit
} from '../helpers/browser';
import { numbers } from '../helpers/i18n';

const PAGES = [
	'/es',
	'/es/regions/31080',
	'/es/regions/31080/occupations/15-1232',
	'/es/compare?areas=31080,46060,33100,99',
	'/es/pathways?area=31080&from=15-1232&to=15-1212',
	'/es/data',
	'/es/login',
	'/es/api'
];

const read = (lang: string) =>
	JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<string, string>;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The English phrases that must not appear on a Spanish page: each message that Spanish words
 * differently, cut at its {placeholders}, keeping pieces of at least three words and 14
 * characters (shorter ones such as "Median" or "Area" also occur inside data values). A piece that
 * the Spanish catalogue itself contains (a proper name, a code) is not English wording.
 */
function englishPhrases(): Map<string, string> {
	const en = read('en');
	const es = read('es');
	const spanish = Object.values(es).join('\n');
	const phrases = new Map<string, string>();
	for (const [key, text] of Object.entries(en)) {
		if (key === '$schema' || es[key] === text) continue;
		for (const raw of text.split(/\{\w+\}/)) {
			const piece = squash(raw.replace(/^[\s.,:;·()–—-]+|[\s.,:;·()–—-]+$/g, ''));
			if (piece.length < 14 || piece.split(' ').length < 3) continue;
			if (spanish.includes(piece)) continue;
			if (!phrases.has(piece)) phrases.set(piece, key);
		}
	}
	return phrases;
}

/**
 * What a Spanish reader meets: visible text (SVG chart text included) and the labels and
 * placeholders of controls, leaving out what the page itself marks as English (`lang="en"`, such
 * as the API reference's descriptions, which are the OpenAPI document's own words).
 */
function spanishText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const out: string[] = [];
		const english = (el: Element | null) =>
			!!el?.closest('[lang]')?.getAttribute('lang')?.startsWith('en');
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!el || el.closest('script, style, template') || english(el)) continue;
			if (!el.checkVisibility({ visibilityProperty: true })) continue;
			out.push(n.textContent ?? '');
		}
		// A closed <select>'s options have no box of their own but are read and chosen.
		for (const option of Array.from(document.querySelectorAll('select option'))) {
			const select = option.closest('select');
			if (select && !english(option) && select.checkVisibility())
				out.push(option.textContent ?? '');
		}
		for (const el of Array.from(document.querySelectorAll('[aria-label], [placeholder]'))) {
			if (english(el) || !el.checkVisibility()) continue;
			out.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '');
		}
		return out.join('\n');
	});
}

describe.skipIf(skipBrowser)('Spanish pages', () => {
	afterAll(closeBrowser);
	const phrases = englishPhrases();

	it('has English phrases to look for', () => {
		expect(phrases.size).toBeGreaterThan(200);
	});

	it.each(PAGES)('%s shows no English message text', async (path) => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		await visit(page, path);
		const raw = await spanishText(page);
		// Kept to read when a check fails (what the page said, not only what matched).
		mkdirSync(SCREENSHOT_DIR, { recursive: true });
		writeFileSync(join(SCREENSHOT_DIR, `spanish-${path.replace(/\W+/g, '_')}.txt`), raw);
		const text = squash(raw);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
		const leaked = [...phrases]
			.filter(([phrase]) => text.includes(phrase))
			.map(([phrase, key]) => `${key}: "${phrase}"`);
		expect(leaked, `English on ${path}`).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});

	it('formats numbers and chart ticks for es-US', async () => {
		const num = numbers('es');
		expect(num.tag).toBe('es-US');
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		await visit(page, '/es/regions/31080');
		const text = squash(await spanishText(page));
		// Large counts carry the es-US group separator, and wages its currency form.
		expect(text).toMatch(/\d{1,3},\d{3}/);
		expect(text).toMatch(/\$\d{1,3},\d{3}/);
		// Plot's axes: thousands as es-US compact numbers ("50 K"), never d3's SI "50k".
		const tickText = 'svg [aria-label$="tick label"] text';
		await page.waitForSelector(tickText);
		const ticks = await page.evaluate(
			(selector) => Array.from(document.querySelectorAll(selector)).map((t) => t.textContent ?? ''),
			tickText
		);
		expect(ticks.length).toBeGreaterThan(0);
		const compact = new Intl.NumberFormat('es-US', { notation: 'compact' }).format(50_000);
		const compactUnit = compact.replace(/[\d\s\u00a0]/g, '');
		expect(ticks.some((t) => t.includes(compactUnit))).toBe(true);
		expect(ticks.filter((t) => /\dk$/.test(t))).toEqual([]);
		await page.context().close();
	});
});

/**
 * The browser journeys in each language: interface text read from messages/<lang>.json (so a
 * Spanish run asserts on the Spanish catalogue, never on English literals) and numbers formatted
 * the way the app formats them for that language.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { INTL_LOCALE } from '../../src/lib/charts/format';
import { settle, WIDTHS } from './browser';

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** Every journey runs in each language at each width. */
export const JOURNEYS = LANGS.flatMap((lang) => WIDTHS.map((width) => ({ lang, width })));

const catalogues = new Map<Lang, Record<string, string>>();
function catalogue(lang: Lang): Record<string, string> {
	let c = catalogues.get(lang);
	if (!c) {
		c = JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<string, string>;
		catalogues.set(lang, c);
	}
	return c;
}

/** A message with its {placeholders} filled in, as the page shows it. */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
	const text = catalogue(lang)[key];
	if (text === undefined) throw new Error(`no message ${key} in messages/${lang}.json`);
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for text that starts as the message does (up to its first placeholder). */
export const tStart = (lang: Lang, key: string) =>
	new RegExp(`^${escapeRegExp(t(lang, key).split('{')[0]!)}`);

/**
 * A pattern for a message: its literal parts escaped, each {placeholder} replaced by the
 * regular-expression source given for it (e.g. `(\d+)` to capture a count). It matches the whole
 * text, or with `startOnly` text that begins with the message.
 */
export function tPattern(
	lang: Lang,
	key: string,
	sources: Record<string, string>,
	{ startOnly = false } = {}
): RegExp {
	const text = catalogue(lang)[key];
	if (text === undefined) throw new Error(`no message ${key} in messages/${lang}.json`);
	const parts = text.split(/(\{\w+\})/);
	const source = parts
		.map((part) => {
			const name = /^\{(\w+)\}$/.exec(part)?.[1];
			if (!name) return escapeRegExp(part);
			const s = sources[name];
			if (s === undefined) throw new Error(`tPattern ${key}: no pattern for {${name}}`);
			return s;
		})
		.join('');
	return new RegExp(`^${source}${startOnly ? '' : '$'}`);
}

/** The path of a page in a language: /es/… for Spanish, unprefixed for English. */
export const localized = (lang: Lang, path: string) => (lang === 'en' ? path : `/${lang}${path}`);

/** A URL pattern for a path (a regular-expression source) in the language. */
export const urlIn = (lang: Lang, pathSource: string) =>
	new RegExp(`^[^/]+//[^/]+${lang === 'en' ? '' : `/${lang}`}${pathSource}`);

/** The app's number formats for a language (src/lib/charts/format.ts picks the same locale). */
export function numbers(lang: Lang) {
	const tag = INTL_LOCALE[lang] ?? 'en-US';
	const usd = new Intl.NumberFormat(tag, {
		style: 'currency',
		currency: 'USD',
		maximumFractionDigits: 0
	});
	const int = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
	const two = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	const part = (type: Intl.NumberFormatPartTypes) =>
		two.formatToParts(12345.5).find((p) => p.type === type)!.value;
	return {
		tag,
		wage: (x: number) => usd.format(x),
		count: (x: number) => int.format(x),
		ratio: (x: number) => two.format(x),
		decimal: part('decimal'),
		group: part('group'),
		/** Reads back a number the page printed in this locale (signs and units dropped). */
		parse: (s: string) =>
			Number(
				s
					.split(part('group'))
					.join('')
					.replace(part('decimal'), '.')
					.replace(/[^\d.]/g, '')
			)
	};
}

/**
 * Switches an English page to `lang` with the language links in the header (a no-op for
 * English): the same page and query must come back under the language's prefix, in that language.
 */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
	if (lang === 'en') return;
	const before = new URL(page.url());
	await page
		.getByRole('navigation', { name: t('en', 'language_switch') })
		.getByRole('link', { name: 'Español' })
		.click();
	await settle(page, new RegExp(`//[^/]+/${lang}(/|\\?|$)`));
	const after = new URL(page.url());
	const trim = (p: string) => p.replace(/\/$/, '');
	expect(trim(after.pathname)).toBe(trim(localized(lang, before.pathname)));
	expect(after.search).toBe(before.search);
	expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

/** Screenshot names: English keeps the journeys' original names, other languages add theirs. */
export const shot = (lang: Lang, name: string) => (lang === 'en' ? name : `${name}-${lang}`);

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The two catalogues must stay in step: a key missing in one language shows the raw key there. */
function catalogue(locale: string): Record<string, string> {
	const raw = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<
		string,
		unknown
	>;
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (key === '$schema') continue;
		expect(typeof value, `${locale}.json ${key}`).toBe('string');
		out[key] = value as string;
	}
	return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const en = catalogue('en');
const es = catalogue('es');

describe('message catalogues', () => {
	it('have the same keys in English and Spanish', () => {
		expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
		expect(Object.keys(en).length).toBeGreaterThan(100);
	});

	it('have no empty messages', () => {
		for (const [locale, messages] of [
			['en', en],
			['es', es]
		] as const) {
			for (const [key, text] of Object.entries(messages)) {
				expect(text.trim(), `${locale}.json ${key}`).not.toBe('');
			}
		}
	});

	it('use the same {placeholders} in both languages', () => {
		for (const [key, text] of Object.entries(en)) {
			expect(placeholders(es[key] ?? ''), key).toEqual(placeholders(text));
		}
	});

	it('give every message a Spanish text unless it reads the same in both languages', () => {
		// Only codes, proper names and placeholder-only templates may stay identical.
		const sameInBoth = new Set([
			'nav_api',
			'data_sha256',
			'family_table_alaska',
			'pw_node_label',
			'area_state_group'
		]);
		const untranslated = Object.keys(en).filter(
			(key) => !sameInBoth.has(key) && (es[key] === undefined || es[key] === en[key])
		);
		expect(untranslated).toEqual([]);
		for (const key of sameInBoth) expect(es[key], key).toBe(en[key]);
	});
});

/**
 * A training provider checks who trains for a job and what it pays: in English and in Spanish
 * (chosen with the language switch), at desktop and phone widths.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, lookAt, openPage, pageErrors, skipBrowser, visit } from '../helpers/browser';
import {
	chooseLanguage,
	escapeRegExp,
	JOURNEYS,
	numbers,
	shot,
	t,
	tPattern,
	tStart
} from '../helpers/i18n';

const LA = 'Los Angeles-Long Beach-Anaheim, CA';
const SOC = '15-1232';
const TITLE = 'Computer User Support Specialists';
// The bundled sample's OEWS year for Los Angeles (and the national file of the same year).
const YEAR = 2021;
const PERCENTILES = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;

interface OccupationApi {
	soc: string;
	annualWagePercentiles: Record<(typeof PERCENTILES)[number], number | null>;
	status: { annualWagePercentiles: Record<(typeof PERCENTILES)[number], string> };
}

describe.skipIf(skipBrowser)('provider: an occupation page', () => {
	afterAll(closeBrowser);

	it.each(JOURNEYS)('in $lang at $width px', async ({ lang, width }) => {
		const base = inject('e2eBaseUrl');
		const num = numbers(lang);
		const page = await openPage(base, width);
		await visit(page, `/regions/31080/occupations/${SOC}`);
		await chooseLanguage(page, lang);
		await lookAt(page, shot(lang, 'provider-1-occupation'), width);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(TITLE);

		const programsTable = page.getByRole('table', {
			name: new RegExp(
				`^${escapeRegExp(t(lang, 'occ_programs_caption', { occupation: TITLE, area: LA }))}`
			)
		});
		const readPrograms = () =>
			programsTable
				.locator('tbody tr:not(.institution)')
				.evaluateAll((rows) =>
					rows.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim()))
				);
		const programs = await readPrograms();
		expect(programs.length).toBeGreaterThan(0);
		for (const [program, , graduates] of programs) {
			// The CIP code the program is published under, e.g. 11.0701.
			expect(program).toMatch(/\d{2}\.\d{4}$/);
			expect(num.parse(graduates!), program).toBeGreaterThan(0);
		}
		// Programs grouped under their institution, at most ten institutions before "show all".
		const institutions = await programsTable.locator('tbody tr.institution th').allTextContents();
		expect(institutions.length).toBeGreaterThan(0);
		expect(institutions.length).toBeLessThanOrEqual(10);
		// The award filter is a link: certificates only, in the URL.
		await page
			.getByRole('navigation', { name: t(lang, 'occ_award_filter') })
			.getByRole('link', { name: tStart(lang, 'award_group_certificate') })
			.click();
		await page.waitForURL(/award=certificate/);
		const certificates = await readPrograms();
		expect(certificates.length).toBeGreaterThan(0);
		for (const [, award] of certificates)
			expect(award, 'a certificate').toMatch(lang === 'en' ? /^Certificate/ : /^Certificado/);
		await lookAt(page, shot(lang, 'provider-2-certificates'), width);
		await page.goBack();
		await page.waitForURL((u) => !u.search.includes('award='));

		const pay = await page
			.getByRole('table', { name: t(lang, 'occ_pay_caption'), exact: true })
			.locator('tbody tr')
			.evaluateAll((rows) =>
				rows.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim()))
			);
		expect(pay.map((r) => r[0])).toEqual([LA, t(lang, 'united_states')]);
		// Every percentile the files published, written as the language writes money.
		const published = async (area: string) => {
			const rows = (await (
				await fetch(`${base}/api/areas/${area}/occupations?year=${YEAR}`)
			).json()) as OccupationApi[];
			return rows.find((r) => r.soc === SOC)!;
		};
		let checked = 0;
		for (const [i, api] of [await published('31080'), await published('99')].entries()) {
			const row = pay[i]!;
			expect(row).toHaveLength(6);
			for (const [j, p] of PERCENTILES.entries()) {
				const value = api.annualWagePercentiles[p];
				if (api.status.annualWagePercentiles[p] !== 'published' || value === null) continue;
				expect(row[j + 1], `${row[0]} ${p}`).toBe(num.wage(value));
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(5);
		// An earlier build read "… for all jobsand 1.23 × the national median" (a lost space).
		const ratio = `[\\d${escapeRegExp(num.decimal + num.group)}]+`;
		const national = tPattern(lang, 'occ_median_national', { ratio }).source.slice(1, -1);
		const median = tPattern(lang, 'occ_median_ratio', { ratio }).source.slice(1, -1);
		expect(await page.locator('section[aria-labelledby="pay"] > p.ratios').innerText()).toMatch(
			new RegExp(`^${median}${national}\\.`)
		);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

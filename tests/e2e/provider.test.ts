/**
 * A training provider checks who trains for a job and what it pays: in English and in Spanish
 * (chosen with the language switch), at desktop and phone widths.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { closeBrowser, lookAt, openPage, pageErrors, skipBrowser, visit } from '../helpers/browser';
import {
	chooseLanguage,
	escapeRegExp,
	JOURNEYS,
	localized,
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

		// A row per percentile, a column per place.
		const payTable = page.getByRole('table', { name: t(lang, 'occ_pay_caption'), exact: true });
		expect(await payTable.locator('thead th').allTextContents()).toEqual([
			t(lang, 'occ_percentile'),
			LA,
			t(lang, 'united_states')
		]);
		const pay = await payTable
			.locator('tbody tr')
			.evaluateAll((rows) =>
				rows.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim()))
			);
		expect(pay).toHaveLength(PERCENTILES.length);
		// Both pay tables fit the screen: nothing to scroll sideways for, even on a phone.
		const payOverflow = await page
			.locator('section[aria-labelledby="pay"] .table-scroll')
			.evaluateAll((boxes) => boxes.map((b) => b.scrollWidth - b.clientWidth));
		expect(payOverflow).toEqual([0, 0]);
		// Every percentile the files published, written as the language writes money.
		const published = async (area: string) => {
			const rows = (await (
				await fetch(`${base}/api/areas/${area}/occupations?year=${YEAR}`)
			).json()) as OccupationApi[];
			return rows.find((r) => r.soc === SOC)!;
		};
		let checked = 0;
		for (const [i, api] of [await published('31080'), await published('99')].entries()) {
			for (const [j, p] of PERCENTILES.entries()) {
				const value = api.annualWagePercentiles[p];
				if (api.status.annualWagePercentiles[p] !== 'published' || value === null) continue;
				expect(pay[j]![i + 1], `${i === 0 ? LA : 'U.S.'} ${p}`).toBe(num.wage(value));
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

// A provider's own completions, without an area column (made up for the tests).
const OWN_FILE = join(process.cwd(), 'tests/fixtures/generic/completions_no_area.csv');

describe.skipIf(skipBrowser)('provider: imports its own completions', () => {
	afterAll(closeBrowser);

	// One language per width keeps the journey short; both languages and both widths are covered.
	it.each([
		{ lang: 'en' as const, width: 1280 },
		{ lang: 'es' as const, width: 375 }
	])('in $lang at $width px, with the same area for every row', async ({ lang, width }) => {
		const base = inject('e2eBaseUrl');
		const page = await openPage(base, width);
		await visit(page, `${localized(lang, '/login')}?next=${localized(lang, '/data')}`);
		await page.getByLabel(t(lang, 'login_name')).fill(`Provider ${width}`);
		await page.getByLabel(t(lang, 'login_token')).fill('e2e-editor-token');
		await page.getByRole('button', { name: t(lang, 'login_sign_in') }).click();
		await page.waitForURL(/\/data$/);
		await page.getByLabel(t(lang, 'data_choose_files')).setInputFiles(OWN_FILE);
		const card = page.getByRole('region', { name: /completions_no_area\.csv/ });
		// Recognised, but refused until the area is given; the message names the page's controls.
		await card.getByText(/lacks area/).waitFor();
		expect(await card.locator('.issues').innerText()).not.toMatch(/--map|--year|docs\//);
		expect(await card.getByRole('button', { name: t(lang, 'data_import') }).isDisabled()).toBe(
			true
		);
		// The obvious columns are already chosen: SOC Code → soc, Program → program.
		expect(await card.getByLabel(/^soc/).inputValue()).toBe('SOC Code');
		expect(await card.getByLabel(/^program(?!_)/).inputValue()).toBe('Program');
		expect(await card.getByLabel(/^completers/).inputValue()).toBe('Completers');
		await card.getByLabel(/^area/).selectOption({ label: t(lang, 'data_map_constant') });
		await card.getByLabel(t(lang, 'data_map_constant_value', { field: 'area' })).fill('31080');
		await card.getByRole('button', { name: t(lang, 'data_map_check') }).click();
		await card.getByText(t(lang, 'data_sample_ok_all', { rows: '3' })).waitFor();
		await lookAt(page, shot(lang, 'provider-3-own-completions'), width);
		await card.getByRole('button', { name: t(lang, 'data_import') }).click();

		// The history names the source and links to the occupation pages the import changed.
		const row = page
			.getByRole('table', { name: tPattern(lang, 'data_history_caption', { count: '\\d+' }) })
			.locator('tbody tr', { hasText: 'completions_no_area.csv' });
		await row.waitFor({ timeout: 60_000 });
		expect(await row.locator('td').allTextContents()).toContain(
			'program completions (non-credit, bootcamps, certifications)'
		);
		await row.getByRole('link', { name: SOC }).click();
		await page.waitForURL(new RegExp(`/regions/31080/occupations/${SOC}$`));
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(TITLE);
		const other = page.getByText(
			/IT Support Professional Certificate \(Eastside Workforce Academy\) 42 \(completions_no_area\.csv\)/
		);
		await other.waitFor();
		expect(
			await page.getByText(/Help Desk Technician Bootcamp \(Harbor Tech Bootcamp\) 18/).count()
		).toBe(1);
		// …and listed as programs, each with its graduates and the file it came from.
		const imported = page.getByRole('table', {
			name: t(lang, 'occ_other_programs_caption', { occupation: TITLE, area: LA })
		});
		expect(
			await imported
				.locator('tbody tr')
				.evaluateAll((rows) =>
					rows.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim()))
				)
		).toEqual([
			[
				'IT Support Professional Certificate (Eastside Workforce Academy)',
				'42',
				'completions_no_area.csv'
			],
			['Help Desk Technician Bootcamp (Harbor Tech Bootcamp)', '18', 'completions_no_area.csv']
		]);
		await lookAt(page, shot(lang, 'provider-4-own-programs-listed'), width);

		// Leave the shared server's data as it was for the other journeys.
		await visit(page, localized(lang, '/data'));
		page.once('dialog', (d) => void d.accept());
		await row.getByRole('button', { name: new RegExp(`^${t(lang, 'data_delete')}`) }).click();
		await row.waitFor({ state: 'detached' });
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

/**
 * A board's data lead manages data in the browser: signs in, uploads, checks the preview, maps
 * the columns of their own file, follows an import across a page reload, deletes a run.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateOewsCsv } from '../../bench/gen-oews';
import {
	axeFindings,
	closeBrowser,
	lookAt,
	openPage,
	pageErrors,
	skipBrowser,
	visit,
	WIDTHS
} from '../helpers/browser';

/** The token the e2e server runs with (tests/e2e/global-setup.ts). */
const TOKEN = 'e2e-editor-token';
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'rlm-e2e-data-'));
});
afterAll(async () => {
	await closeBrowser();
	rmSync(dir, { recursive: true, force: true });
});

async function signIn(page: Page, name: string, token = TOKEN): Promise<void> {
	await visit(page, '/login?next=/data');
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('Editor token').fill(token);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

function historyRow(page: Page, file: string) {
	return page.getByRole('table', { name: /import runs/ }).locator('tbody tr', { hasText: file });
}

describe.skipIf(skipBrowser)('data page', () => {
	it('is public to read, and says how to sign in before any write', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		await visit(page, '/data');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Data');
		// The bundled sample's runs are listed, each with its source and row count.
		expect(await historyRow(page, 'oews_MSA_M2021_los_angeles.csv').count()).toBe(1);
		expect(await page.getByRole('button', { name: /Choose files/ }).count()).toBe(0);
		expect(await page.getByLabel('Choose files').count()).toBe(0);
		expect(await page.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
		await page.getByRole('link', { name: 'Sign in' }).click();
		await page.waitForURL(/\/login/);
		// A wrong token is refused with a message; the form stays.
		await page.getByLabel('Editor token').fill('not-the-token');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.getByRole('alert').textContent()).toContain('not right');
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});

	it.each(WIDTHS)(
		'maps the columns of an unknown CSV, imports it and deletes the run (%i px)',
		async (width) => {
			const page = await openPage(inject('e2eBaseUrl'), width);
			await signIn(page, `Dana ${width}`);
			await page.waitForURL(/\/data$/);
			expect(await page.getByText(`Signed in as editor: Dana ${width}.`).count()).toBe(1);
			const file = join(dir, `partner-certs-${width}.csv`);
			writeFileSync(
				file,
				// A header of its own per width: the first run's mapping is remembered for its header.
				`Credential,Org,Occupation code,Notes ${width}\n` +
					`CompTIA A+ ${width},CompTIA,15-1232,<img src=x onerror=alert(1)>\n` +
					`Security+ ${width},CompTIA,15-1212,=HYPERLINK("http://x")\n`
			);
			await page.getByLabel('Choose files').setInputFiles(file);
			const card = page.getByRole('region', { name: new RegExp(`partner-certs-${width}\\.csv`) });
			await card.getByText('Not recognised: map its columns below').waitFor();
			// The first rows as they will be read — markup in a cell is shown as text.
			const rows = card.getByRole('table', { name: /The first 2 rows/ });
			expect(await rows.locator('tbody tr').count()).toBe(2);
			expect(await rows.getByText('<img src=x onerror=alert(1)>').count()).toBe(1);
			expect(await card.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
			await lookAt(page, 'data-1-preview', width);

			await card.getByLabel('This file holds').selectOption('generic-credentials');
			await card.getByLabel(/^name/).selectOption('Credential');
			await card.getByLabel(/^issuer/).selectOption('Org');
			await card.getByLabel(/^soc/).selectOption('Occupation code');
			await card.getByRole('button', { name: 'Check with this mapping' }).click();
			await card.getByText('All 2 rows were checked and are fine.').waitFor();
			expect(await card.getByText('credentials').first().count()).toBe(1);
			await card.getByRole('button', { name: 'Import' }).click();

			const row = historyRow(page, `partner-certs-${width}.csv`);
			await row.waitFor();
			const cells = await row.locator('td').allTextContents();
			// The source by its name, not its id.
			expect(cells).toContain('credentials');
			expect(cells).toContain(`Dana ${width}`);
			expect(cells).toContain('2');
			await lookAt(page, 'data-2-imported', width);

			// The same header again: the saved mapping is applied without asking.
			const again = join(dir, `partner-certs-${width}-b.csv`);
			writeFileSync(
				again,
				`Credential,Org,Occupation code,Notes ${width}\nNetwork+ ${width},CompTIA,15-1231,\n`
			);
			await page.getByLabel('Choose files').setInputFiles(again);
			const card2 = page.getByRole('region', {
				name: new RegExp(`partner-certs-${width}-b\\.csv`)
			});
			await card2
				.getByText('A column mapping saved for files with these columns was applied.')
				.waitFor();
			expect(await card2.getByRole('button', { name: 'Import' }).isDisabled()).toBe(false);
			await card2.getByRole('button', { name: 'Discard' }).click();
			await card2.waitFor({ state: 'detached' });

			// Delete the run: confirmed in a dialog, gone from the history.
			page.once('dialog', (d) => void d.accept());
			await row.getByRole('button', { name: /^Delete/ }).click();
			await row.waitFor({ state: 'detached' });
			expect(pageErrors(page)).toEqual([]);
			await page.context().close();
		}
	);

	it('lists each problem of a bad file with its line and column, and will not import it', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		await signIn(page, 'Lee');
		await page.waitForURL(/\/data$/);
		const file = join(dir, 'projections_bad.csv');
		writeFileSync(
			file,
			'area,soc,base_year,projected_year,employment_base,employment_projected,openings\n' +
				'06,15-1252,2022,2032,1200,1350,110\n' +
				'06,15-1212,2022,2032,lots,900,80\n'
		);
		await page.getByLabel('Choose files').setInputFiles(file);
		const card = page.getByRole('region', { name: /projections_bad\.csv/ });
		await card.getByText(/problem\(s\) found/).waitFor();
		const problems = await card.locator('.issues li').allTextContents();
		expect(problems.some((p) => /Line 3, column 5 employment_base/.test(p))).toBe(true);
		expect(await card.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
		await card.getByRole('button', { name: 'Discard' }).click();
		const findings = await axeFindings(page, '/data (signed in)');
		expect(findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')).toEqual([]);
		await page.context().close();
	});

	it('reports a problem past the checked sample after the import, and offers the file again', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		await signIn(page, 'Kim');
		await page.waitForURL(/\/data$/);
		const rows = Array.from({ length: 2100 }, (_, i) => `Cert ${i},Issuer,15-1232`);
		rows[2099] = 'Cert bad,Issuer,15-12X2';
		const file = join(dir, 'credentials_long.csv');
		writeFileSync(file, `name,issuer,soc\n${rows.join('\n')}\n`);
		await page.getByLabel('Choose files').setInputFiles(file);
		const card = page.getByRole('region', { name: /credentials_long\.csv/ });
		await card.getByText(/The first 2,000 rows were checked and are fine/).waitFor();
		await card.getByRole('button', { name: 'Import' }).click();
		const jobs = page.getByRole('region', { name: 'Imports in progress and just finished' });
		const report = jobs.locator('li', { hasText: 'credentials_long.csv' });
		await report.getByText(/^Not imported/).waitFor({ timeout: 60_000 });
		expect(await report.locator('.issues li').first().textContent()).toContain('Line 2101');
		expect(await historyRow(page, 'credentials_long.csv').count()).toBe(0);
		await report.getByRole('button', { name: /Check this file again/ }).click();
		const again = page.getByRole('region', { name: /credentials_long\.csv \(/ });
		await again.getByText(/The first 2,000 rows were checked/).waitFor();
		await again.getByRole('button', { name: 'Discard' }).click();
		await again.waitFor({ state: 'detached' });
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});

	it('shows the progress of a long import from the server, also after a reload', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		await signIn(page, 'Robin');
		await page.waitForURL(/\/data$/);
		// Synthetic OEWS rows for a year no real file covers, removed again at the end.
		const file = join(dir, 'synthetic_oews_M2039.csv');
		await generateOewsCsv(file, 150_000);
		await page.getByLabel('Choose files').setInputFiles(file);
		const card = page.getByRole('region', { name: /synthetic_oews_M2039\.csv/ });
		await card
			.getByText('BLS Occupational Employment and Wage Statistics', { exact: false })
			.waitFor();
		expect(await card.getByLabel('Year').inputValue()).toBe('2039');
		await card.getByRole('button', { name: 'Import' }).click();

		const jobs = page.getByRole('region', { name: 'Imports in progress and just finished' });
		const progress = jobs.getByRole('progressbar');
		await progress.waitFor();
		await jobs
			.getByText(/Importing: [\d,]+ rows read, \d+% of the file/)
			.waitFor({ timeout: 60_000 });
		const before = Number(await progress.getAttribute('value'));
		await page.reload();
		await page.waitForLoadState('domcontentloaded');
		// After the reload the page finds the job on the server and follows it to the end.
		const jobsAfter = page.getByRole('region', { name: 'Imports in progress and just finished' });
		await jobsAfter.getByText('synthetic_oews_M2039.csv').waitFor();
		await jobsAfter
			.getByText('Imported: 150,000 rows read, 150,000 imported · 2039')
			.waitFor({ timeout: 90_000 });
		expect(before).toBeGreaterThanOrEqual(0);
		const row = historyRow(page, 'synthetic_oews_M2039.csv');
		await row.waitFor();
		expect(await row.locator('td').nth(4).textContent()).toBe('2039');
		page.once('dialog', (d) => void d.accept());
		await row.getByRole('button', { name: /^Delete/ }).click();
		await row.waitFor({ state: 'detached' });
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});

	it('an editor sets the living wage of Los Angeles, the table compares with it, then removes it', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 375);
		await visit(page, '/regions/31080');
		await page.getByText('No living wage is set for this area').waitFor();
		expect(await page.getByRole('button', { name: 'Set a living wage' }).count()).toBe(0);
		await page.getByRole('link', { name: 'Sign in as an editor to set one' }).click();
		await page.waitForURL(/\/login/);
		await page.getByLabel('Your name').fill('Sam');
		await page.getByLabel('Editor token').fill(TOKEN);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(/\/regions\/31080$/);
		await page.getByRole('button', { name: 'Set a living wage' }).click();
		await page.getByLabel('Annual living wage (US dollars)').fill('$52,000');
		await page.getByLabel('Source').fill('<b>MIT</b> calculator, 1 adult, 2024');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('Living wage used for this area: $52,000 a year').waitFor();
		// The source is shown as typed, never as markup.
		expect(
			await page.getByText('<b>MIT</b> calculator, 1 adult, 2024', { exact: false }).count()
		).toBe(1);
		const api = (await (await page.request.get('/api/areas/31080/living-wage')).json()) as {
			annualWage: number;
		};
		expect(api.annualWage).toBe(52000);
		await lookAt(page, 'data-3-living-wage', 375);
		page.once('dialog', (d) => void d.accept());
		await page.getByRole('button', { name: 'Change' }).click();
		await page.getByRole('button', { name: 'Remove' }).click();
		await page.getByText('No living wage is set for this area').waitFor();
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

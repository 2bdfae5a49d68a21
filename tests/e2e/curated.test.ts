/** A board's editor records a move their employer partners see, on the pathway map itself. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, lookAt, openPage, pageErrors, skipBrowser, visit } from '../helpers/browser';

const TOKEN = 'e2e-editor-token';

describe.skipIf(skipBrowser)('curated pathway edits', () => {
	afterAll(closeBrowser);

	it('adds a curated move from the details panel, sees it on the map, and undoes it', async () => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		await visit(page, '/pathways?area=31080&node=15-1232');
		// A reader is offered the sign-in, not the form.
		expect(await page.getByText('Edit moves from this job (editor)').count()).toBe(0);
		await page.getByRole('link', { name: 'Sign in as an editor to add or hide moves' }).click();
		await page.getByLabel('Your name').fill('Jo');
		await page.getByLabel('Editor token').fill(TOKEN);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(/\/pathways\?area=31080$/);
		await visit(page, '/pathways?area=31080&node=15-1232');

		await page.getByText('Edit moves from this job (editor)').click();
		const target = page.getByLabel(/^Add a move from Computer User Support Specialists to/);
		const option = target.locator('option:not([value=""])').first();
		const soc = (await option.getAttribute('value'))!;
		const title = ((await option.textContent()) ?? '').replace(/ \(\d{2}-\d{4}\)$/, '');
		await target.selectOption(soc);
		await page
			.getByLabel('Note (why, who says so)')
			.fill('Two partner employers promote from the help desk');
		await page.getByRole('button', { name: 'Add move' }).click();
		await page.getByText(`Added: Computer User Support Specialists → ${title}.`).waitFor();

		// The map now draws it as a curated edge, and the panel lists it with its source.
		const api = (await (await page.request.get(`/api/pathways?area=31080`)).json()) as {
			edges: { from: string; to: string; source: string }[];
		};
		expect(api.edges).toContainEqual(
			expect.objectContaining({ from: '15-1232', to: soc, source: 'curated' })
		);
		// (Beyond the first five moves the list is folded away, so count rather than wait to see it.)
		await expect
			.poll(() =>
				page.locator('.moves li', { hasText: title }).filter({ hasText: '(curated)' }).count()
			)
			.toBe(1);
		await lookAt(page, 'pathways-curated', 1280);

		// Undo: the edit is an import run by "Jo"; deleting it removes the edge.
		const runs = (await (await page.request.get('/api/imports')).json()) as {
			id: number;
			source: string;
			importedBy: string;
			fileName: string;
		}[];
		const run = runs.find(
			(r) => r.source === 'curated' && r.fileName.includes(`15-1232 → ${soc}`)
		)!;
		expect(run.importedBy).toBe('Jo');
		expect((await page.request.delete(`/api/imports/${run.id}`)).status()).toBe(200);
		const after = (await (await page.request.get(`/api/pathways?area=31080`)).json()) as {
			edges: { from: string; to: string; source: string }[];
		};
		expect(after.edges.filter((e) => e.source === 'curated' && e.to === soc)).toEqual([]);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

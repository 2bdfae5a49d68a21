/**
 * A counsellor opens the Los Angeles digital-jobs map, looks at help-desk work, finds routes to
 * security analysis with what to train for at each step, and saves the map as SVG and PNG.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
	axeFindings,
	downloadText,
	closeBrowser,
	lookAt,
	openPage,
	pageErrors,
	settle,
	skipBrowser,
	visit,
	WIDTHS
} from '../helpers/browser';

const SUPPORT = '15-1232';
const SECURITY = '15-1212';
const usd = (n: number) => `$${n.toLocaleString('en-US')}`;

interface NodeJson {
	soc: string;
	title: string;
	medianAnnualWage: number | null;
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
	const res = await page.request.get(path);
	expect(res.status(), path).toBe(200);
	return (await res.json()) as T;
}

/** Share of pixels that are not near-white in a band of a PNG, drawn in the page's canvas. */
function inkShare(page: Page, png: Buffer, top: number, height: number): Promise<number> {
	return page.evaluate(
		async ({ b64, top, height }) => {
			const img = new Image();
			img.src = `data:image/png;base64,${b64}`;
			await img.decode();
			const canvas = document.createElement('canvas');
			canvas.width = img.naturalWidth;
			canvas.height = height;
			const ctx = canvas.getContext('2d')!;
			ctx.drawImage(img, 0, -top);
			const px = ctx.getImageData(0, 0, canvas.width, height).data;
			let ink = 0;
			for (let i = 0; i < px.length; i += 4) if (px[i]! + px[i + 1]! + px[i + 2]! < 600) ink++;
			return ink / (px.length / 4);
		},
		{ b64: png.toString('base64'), top, height }
	);
}

describe.skipIf(skipBrowser)('pathways: node details, route finder and exports', () => {
	afterAll(closeBrowser);

	it.each(WIDTHS)('at %i px', async (width) => {
		const page = await openPage(inject('e2eBaseUrl'), width);
		await visit(page, '/pathways?area=31080');
		await lookAt(page, 'pathways-1-map', width);

		// Select help-desk work on the map: the panel loads without reloading the map.
		const expected = await apiJson<{
			title: string;
			credentials: unknown[];
			programs: { top: { institution: string }[] };
		}>(page, `/api/pathways/node?area=31080&soc=${SUPPORT}`);
		expect(expected.credentials).toEqual([]);
		expect((await page.request.get('/api/pathways/node?area=31080&soc=15')).status()).toBe(400);
		expect((await page.request.get('/api/pathways/node?area=31080&soc=15-9999')).status()).toBe(
			404
		);
		const institutions = [...new Set(expected.programs.top.map((p) => p.institution))];
		expect(institutions).toEqual(expect.arrayContaining(['Pasadena City College']));
		await page
			.locator('svg')
			.getByRole('link', { name: /^Computer User Support Specialists:/ })
			.click();
		const panel = page.locator('section.details');
		await expect
			.poll(() => panel.locator('h2').textContent())
			.toContain('Computer User Support Specialists');
		expect(page.url()).toContain(`node=${SUPPORT}`);
		const programs = (await panel.locator('ul.programs').textContent()) ?? '';
		for (const name of institutions) expect(programs).toContain(name);
		expect(await panel.textContent()).toContain('No credentials imported for this occupation');
		expect(await panel.textContent()).toContain('Median wage here: $61,070');
		await lookAt(page, 'pathways-2-selected', width);
		if (width === WIDTHS[0]) {
			// The panel as a click leaves it (the page-level axe check sees the empty panel).
			const findings = await axeFindings(page, '/pathways with a node selected');
			expect(findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')).toEqual([]);
		}

		// The same panel from the link itself (a reload, or no JavaScript).
		await page.reload();
		await page.waitForLoadState('networkidle');
		expect(await panel.locator('h2').textContent()).toContain('Computer User Support Specialists');
		expect(await panel.locator('ul.programs').textContent()).toContain(institutions[0]);

		// A select inside its label is named "From" plus its chosen option, hence the anchors.
		await page
			.getByRole('combobox', { name: /^From\b/ })
			.selectOption({ label: 'Computer User Support Specialists' });
		await page
			.getByRole('combobox', { name: /^To\b/ })
			.selectOption({ label: 'Information Security Analysts' });
		await page.getByRole('button', { name: 'Show', exact: true }).click();
		await settle(page, new RegExp(`from=${SUPPORT}&to=${SECURITY}`));
		await lookAt(page, 'pathways-3-routes', width);

		const map = await apiJson<{ nodes: NodeJson[] }>(
			page,
			`/api/pathways?area=31080&from=${SUPPORT}&to=${SECURITY}`
		);
		const wageOf = new Map(map.nodes.map((n) => [n.soc, n.medianAnnualWage]));
		const routes = await page.locator('section.routes > ol > li').evaluateAll((items) =>
			items.map((li) =>
				Array.from(li.querySelectorAll('ol.steps > li')).map((step) => ({
					href: step.querySelector('a')?.getAttribute('href') ?? '',
					wage: step.querySelector('.wage')?.textContent?.trim() ?? '',
					training: step.querySelector('.train')?.textContent ?? null
				}))
			)
		);
		expect(routes.length).toBeGreaterThan(0);
		for (const steps of routes) {
			expect(steps.length).toBeGreaterThanOrEqual(2);
			expect(steps[0]!.href).toBe(`/regions/31080/occupations/${SUPPORT}`);
			expect(steps.at(-1)!.href).toBe(`/regions/31080/occupations/${SECURITY}`);
			steps.forEach((step, k) => {
				const soc = step.href.split('/').at(-1)!;
				const wage = wageOf.get(soc);
				expect(wage, soc).toBeTypeOf('number');
				expect(step.wage, soc).toBe(usd(wage!));
				// Every move names what to train for: local programs (or none) and credentials.
				if (k > 0) {
					expect(step.training, soc).toMatch(/Local programs \(IPEDS 2024\)|No local program/);
					expect(step.training, soc).toContain('No credentials imported');
				}
			});
		}
		// Security analysts: the largest local programs are named at the last step.
		const securityPrograms = await apiJson<{ programs: { top: { institution: string }[] } }>(
			page,
			`/api/pathways/node?area=31080&soc=${SECURITY}`
		);
		expect(routes[0]!.at(-1)!.training).toContain(securityPrograms.programs.top[0]!.institution);

		const [svgDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download SVG' }).click()
		]);
		expect(svgDownload.suggestedFilename()).toBe('pathways-31080.svg');
		const svg = await downloadText(svgDownload);
		expect(svg).toMatch(/^<\?xml [^>]*\?>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(svg).toContain('Career pathways, all digital jobs: Los Angeles-Long Beach-Anaheim, CA');
		expect(svg).toContain('next job pays 10%+ more'); // the legend
		expect(svg).toContain('oews_MSA_M2021_los_angeles.csv'); // the sources
		expect(svg.trimEnd()).toMatch(/<\/svg>$/);
		const svgWidth = Number(/<svg [^>]*width="([\d.]+)"/.exec(svg)![1]);
		const svgHeight = Number(/<svg [^>]*height="([\d.]+)"/.exec(svg)![1]);

		const [pngDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download PNG' }).click()
		]);
		expect(pngDownload.suggestedFilename()).toBe('pathways-31080.png');
		const png = readFileSync(await pngDownload.path());
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
		// The same drawing as the SVG file, at twice its size.
		expect(png.readUInt32BE(16)).toBe(Math.round(svgWidth * 2));
		expect(png.readUInt32BE(20)).toBe(Math.round(svgHeight * 2));
		expect(png.readUInt32BE(16)).toBeGreaterThan(1000);
		// The title is drawn in the top band and the map below it: ink in both, not a blank image.
		expect(await inkShare(page, png, 0, 60)).toBeGreaterThan(0.01);
		expect(await inkShare(page, png, 300, 600)).toBeGreaterThan(0.01);
		expect(pageErrors(page)).toEqual([]);
		await page.context().close();
	});
});

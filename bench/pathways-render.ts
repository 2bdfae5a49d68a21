/**
 * Time to first render of the pathway map in Chromium, next to the areas page (a small page) in
 * the same run: starts the built app on a temporary copy of the database given (or imports the
 * bundled sample), loads each page RUNS times and reports the medians of navigation-to-load and
 * of the map's SVG being in the DOM.
 * Usage: npx tsx bench/pathways-render.ts [DATABASE]
 */
import { chromium } from 'playwright-core';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/helpers/process';
import { median } from './harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'rlm-bench-render-'));
const source = process.argv[2];
if (source && existsSync(source)) copyFileSync(source, join(dir, 'app.db'));
const server = await startServer({ DATABASE_URL: join(dir, 'app.db') });
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
});
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	const measure = async (path: string, selector: string) => {
		const times: number[] = [];
		for (let i = 0; i <= RUNS; i++) {
			const start = performance.now();
			await page.goto(server.url + path, { waitUntil: 'load' });
			await page.waitForSelector(selector);
			if (i > 0) times.push(performance.now() - start); // first load warms the server's caches
		}
		return median(times);
	};
	const areas = await measure('/', 'table');
	const digital = await measure('/pathways?area=31080', '.map svg circle');
	const focus = await measure('/pathways?area=31080&focus=15-1232', '.map svg circle');
	const routes = await measure('/pathways?area=31080&from=15-1232&to=15-1212', '.routes ol');
	console.log(`areas page: ${areas.toFixed(0)} ms (baseline)`);
	console.log(
		`pathway map, digital jobs: ${digital.toFixed(0)} ms (${(digital / areas).toFixed(1)}× the areas page)`
	);
	console.log(
		`pathway map, around one job (2 steps): ${focus.toFixed(0)} ms (${(focus / areas).toFixed(1)}×)`
	);
	console.log(`pathway map with routes: ${routes.toFixed(0)} ms (${(routes / areas).toFixed(1)}×)`);
} finally {
	await browser.close();
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}

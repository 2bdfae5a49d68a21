/** `npm start` on an empty database: it migrates, loads the bundled sample and serves the app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type Served } from '../helpers/process';

let server: Served;
let dir: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'rlm-server-'));
	server = await startServer({ DATABASE_URL: join(dir, 'app.db') });
}, 300_000);

afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('the served app on the bundled sample', () => {
	it('reports health', async () => {
		const res = await fetch(`${server.url}/api/health`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ ok: true });
	});

	it('lists the nation with every national year and Los Angeles with 2021', async () => {
		const areas = (await (await fetch(`${server.url}/api/areas`)).json()) as {
			code: string;
			type: string;
			years: number[];
		}[];
		expect(areas.find((a) => a.code === '99')).toMatchObject({
			type: 'national',
			years: [2020, 2021, 2022, 2023, 2024, 2025]
		});
		expect(areas.find((a) => a.code === '31080')).toMatchObject({
			title: 'Los Angeles-Long Beach-Anaheim, CA',
			type: 'msa',
			years: [2021]
		});
		const csv = await (await fetch(`${server.url}/api/areas?format=csv`)).text();
		expect(csv.split('\r\n')[0]).toBe('code,title,type,state,years');
		expect(csv).toContain('31080,"Los Angeles-Long Beach-Anaheim, CA",msa,CA,2021');
	});

	it('serves an area occupations list as JSON and the same rows as CSV', async () => {
		const rows = (await (
			await fetch(`${server.url}/api/areas/31080/occupations?year=2021`)
		).json()) as Record<string, unknown>[];
		expect(rows).toHaveLength(758);
		const devs = rows.find((r) => r.soc === '15-1252')!;
		expect(devs).toMatchObject({
			title: 'Software Developers',
			level: 'detailed',
			employment: 49020,
			lqPublished: 0.89,
			medianAnnualWage: 127690
		});
		expect(devs.lq as number).toBeCloseTo(0.89, 1);
		const ceo = rows.find((r) => r.soc === '11-1011') as {
			annualWagePercentiles: { p90: number | null };
			status: { annualWagePercentiles: { p90: string } };
		};
		expect(ceo.annualWagePercentiles.p90).toBeNull();
		expect(ceo.status.annualWagePercentiles.p90).toBe('top_coded');
		const csv = await (
			await fetch(`${server.url}/api/areas/31080/occupations?year=2021&format=csv`)
		).text();
		expect(csv.trim().split('\r\n')).toHaveLength(759);
	});

	it('answers unknown areas and bad years with JSON errors', async () => {
		const missing = await fetch(`${server.url}/api/areas/12345/occupations`);
		expect(missing.status).toBe(404);
		expect(await missing.json()).toEqual({
			error: { status: 404, message: 'No area with code 12345 in the database.' }
		});
		const badYear = await fetch(`${server.url}/api/areas/31080/occupations?year=21`);
		expect(badYear.status).toBe(400);
		const wrongYear = await fetch(`${server.url}/api/areas/31080/occupations?year=2024`);
		expect(wrongYear.status).toBe(404);
	});

	it('renders the region page with honest markers and its sources', async () => {
		const res = await fetch(`${server.url}/regions/31080?q=chief`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Los Angeles-Long Beach-Anaheim, CA');
		expect(html).toContain('Chief Executives');
		expect(html).toContain('≥ $208,000');
		expect(html).toContain('oews_MSA_M2021_los_angeles.csv');
		expect(html).toContain('national_M2021_dl.xlsx');
		const home = await (await fetch(server.url)).text();
		expect(home).toContain('href="/regions/31080"');
	});

	it('answers an unknown region page with 404', async () => {
		expect((await fetch(`${server.url}/regions/12345`)).status).toBe(404);
		expect((await fetch(`${server.url}/regions/not-a-code`)).status).toBe(404);
	});
});

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
	server = await startServer({
		DATABASE_URL: join(dir, 'app.db'),
		EDITOR_TOKEN: 'test-editor-token'
	});
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

	it('said what it did on the empty database: a line per sample file, then its address', async () => {
		// The address is printed once the server answers, a moment after it starts listening.
		for (let i = 0; i < 50 && !/Ready after/.test(server.output()); i++) {
			await new Promise((r) => setTimeout(r, 100));
		}
		const out = server.output();
		expect(out).toContain('importing the bundled sample');
		const files = out.match(/^ {2}imported data\/sample\/\S+ \(\d+ rows\) in \d+\.\d s$/gm) ?? [];
		expect(files.length).toBeGreaterThan(10);
		expect(out).toMatch(/Sample imported in \d+\.\d s\./);
		expect(out).toMatch(/Ready after \d+\.\d s: http:\/\/127\.0\.0\.1:\d+/);
		// Build noise stays hidden unless the build fails.
		expect(out).not.toMatch(/vite|transforming|rendering chunks/i);
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
			years: [2021, 2022],
			completeYears: [2021]
		});
		// The nation and the 396 metropolitan and NECTA areas of the May 2022 file.
		expect(areas.length).toBeGreaterThanOrEqual(397);
		expect(areas.find((a) => a.code === '79600')).toMatchObject({ years: [2022] });
		const csv = await (await fetch(`${server.url}/api/areas?format=csv`)).text();
		expect(csv.split('\r\n')[0]).toBe('code,title,type,state,years');
		expect(csv).toContain('31080,"Los Angeles-Long Beach-Anaheim, CA",msa,CA,2021 2022');
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

	it('sends the region page under 100 KB, the whole table one plain link away', async () => {
		const page = async (path: string) => {
			const res = await fetch(new URL(path, `${server.url}/regions/31080`), {
				headers: { accept: 'text/html' }
			});
			expect(res.status).toBe(200);
			return res.text();
		};
		// The table's rows in order: the occupation each row header links to.
		const socs = (html: string) =>
			[
				...html.matchAll(/<th scope="row"[^>]*><a href="\/regions\/31080\/occupations\/([\d-]{7})/g)
			].map((m) => m[1]);
		// A link as the server wrote it (no script runs here), resolved against the page.
		const showAll = (html: string) =>
			/<a href="([^"]*limit=all[^"]*)">Show all (\d+)<\/a>/.exec(html)!.slice(1);

		const first = await page('/regions/31080');
		expect(Buffer.byteLength(first)).toBeLessThan(100 * 1024);
		expect(socs(first)).toHaveLength(25);
		expect(first).toContain('Showing 25 of 735 matching occupations (735 in all).');
		const [allHref, count] = showAll(first);
		expect(count).toBe('735');
		const all = await page(allHref!.replaceAll('&amp;', '&'));
		const every = socs(all);
		expect(every).toHaveLength(735);
		expect(every.slice(0, 25)).toEqual(socs(first));
		const gaps = (await (await fetch(`${server.url}/api/areas/31080/gaps?limit=all`)).json()) as {
			soc: string;
		}[];
		expect(new Set(every)).toEqual(new Set(gaps.map((g) => g.soc)));

		// A filtered, sorted table keeps its filter and sort through "Show all".
		const filtered = await page('/regions/31080?q=engineer&sort=title&dir=asc');
		const [filteredHref, matching] = showAll(filtered);
		const href = filteredHref!.replaceAll('&amp;', '&');
		expect(new URLSearchParams(href.slice(href.indexOf('?'))).get('q')).toBe('engineer');
		const allFiltered = await page(href);
		const titles = [
			...allFiltered.matchAll(/<th scope="row"[^>]*><a href="[^"]+"[^>]*>([^<]+)<\/a>/g)
		].map((m) => m[1]!.replaceAll('&amp;', '&').toLowerCase());
		expect(titles).toHaveLength(Number(matching));
		expect(titles.length).toBeGreaterThan(25);
		expect(titles).toEqual([...titles].sort());
	});

	it('answers an unknown region page with 404', async () => {
		const missing = await fetch(`${server.url}/regions/12345`);
		expect(missing.status).toBe(404);
		// A page a reader can act on: what is missing, in words, and where to go instead.
		const html = await missing.text();
		expect(html).toMatch(/<h1>Page not found<\/h1>/);
		expect(html).toContain('No area with code 12345 in the database.');
		expect(html).toMatch(/<a href="\/compare">Compare areas side by side<\/a>/);
		const spanish = await (await fetch(`${server.url}/es/regions/12345`)).text();
		expect(spanish).toMatch(/<h1>Página no encontrada<\/h1>/);
		expect(spanish).toMatch(/<a href="\/es\/pathways">Explorar trayectorias profesionales<\/a>/);
		expect((await fetch(`${server.url}/regions/not-a-code`)).status).toBe(404);
	});

	it('serves the gaps of an area as JSON (the documented fields) and as CSV', async () => {
		const res = await fetch(`${server.url}/api/areas/31080/gaps?limit=all`);
		expect(res.status).toBe(200);
		const rows = (await res.json()) as Record<string, unknown>[];
		expect(rows.length).toBe(735);
		const devs = rows.find((r) => r.soc === '15-1252')!;
		for (const key of [
			'soc',
			'title',
			'category',
			'employment',
			'lq',
			'openings',
			'openingsMethod',
			'supply',
			'supplyGap',
			'supplyRatio',
			'medianAnnualWage',
			'wageToRegionalMedian',
			'wageToNationalMedian',
			'entryAnnualWage',
			'livingWageRatio',
			'representation',
			'score',
			'sources'
		]) {
			expect(devs).toHaveProperty(key);
		}
		expect(devs).toMatchObject({
			category: 'Programming and Development',
			openingsMethod: 'national-rate'
		});
		expect(
			(devs.representation as { group: string; geography: string }[]).map((c) => c.group)
		).toEqual(['women', 'white', 'black', 'asian', 'hispanic']);
		const support = await (
			await fetch(`${server.url}/api/areas/31080/gaps?category=Support`)
		).json();
		expect((support as { category: string }[]).every((r) => r.category === 'Support')).toBe(true);
		const csv = await (
			await fetch(`${server.url}/api/areas/31080/gaps?format=csv&category=Support`)
		).text();
		const [head, ...lines] = csv.trim().split('\r\n');
		expect(head).toContain('soc,title,category,employment,lq,openings');
		expect(head).toContain('hispanicParityIndex');
		expect(lines).toHaveLength((support as unknown[]).length);
	});

	it('serves the digital-jobs summary and a comparison of areas', async () => {
		const digital = (await (await fetch(`${server.url}/api/areas/31080/digital`)).json()) as {
			categories: { category: string; employment: number }[];
		};
		expect(digital.categories.map((c) => c.category)).toEqual([
			'Data Management and Analysis',
			'Design',
			'Networking',
			'Programming and Development',
			'Support',
			'Crosscutting',
			'All digital jobs'
		]);
		expect(digital.categories.at(-1)!.employment).toBe(
			digital.categories.slice(0, -1).reduce((s, c) => s + c.employment, 0)
		);
		const compare = await fetch(`${server.url}/api/compare?areas=31080,99&year=2021`);
		expect(compare.status).toBe(200);
		const body = (await compare.json()) as { areas: { area: { code: string } }[] };
		expect(body.areas.map((a) => a.area.code)).toEqual(['31080', '99']);
		expect((await fetch(`${server.url}/api/compare?areas=31080`)).status).toBe(400);
		expect((await fetch(`${server.url}/api/compare?areas=31080,12345`)).status).toBe(404);
	});

	it('sets a living wage only for an editor, and the gaps use it', async () => {
		const url = `${server.url}/api/areas/31080/living-wage`;
		const body = JSON.stringify({ annualWage: 52000, source: 'test figure' });
		const headers = { 'content-type': 'application/json' };
		expect((await fetch(url, { method: 'PUT', body, headers })).status).toBe(401);
		expect(
			(
				await fetch(url, {
					method: 'PUT',
					body,
					headers: { ...headers, authorization: 'Bearer wrong' }
				})
			).status
		).toBe(403);
		expect(await (await fetch(url)).json()).toBeNull();
		const bad = await fetch(url, {
			method: 'PUT',
			body: '{"annualWage":-3}',
			headers: { ...headers, authorization: 'Bearer test-editor-token' }
		});
		expect(bad.status).toBe(400);
		const ok = await fetch(url, {
			method: 'PUT',
			body,
			headers: { ...headers, authorization: 'Bearer test-editor-token' }
		});
		expect(ok.status).toBe(200);
		expect(await ok.json()).toMatchObject({
			area: '31080',
			annualWage: 52000,
			source: 'test figure'
		});
		const rows = (await (await fetch(`${server.url}/api/areas/31080/gaps?limit=all`)).json()) as {
			soc: string;
			entryAnnualWage: number;
			livingWageRatio: number;
		}[];
		const support = rows.find((r) => r.soc === '15-1232')!;
		expect(support.livingWageRatio).toBeCloseTo(support.entryAnnualWage / 52000, 9);
	});

	it('renders an occupation page with pay, programs, representation, skills and related jobs', async () => {
		const res = await fetch(`${server.url}/regions/31080/occupations/15-1232`);
		expect(res.status).toBe(200);
		const html = await res.text();
		for (const text of [
			'Computer User Support Specialists',
			'United States',
			'Programs that feed it',
			'Who works in it',
			'Technology skills',
			'Moves up from here',
			'closely related: among the 10 jobs O*NET lists as most related',
			'Some college, no degree'
		]) {
			expect(html).toContain(text);
		}
		expect((await fetch(`${server.url}/regions/31080/occupations/99-9999`)).status).toBe(404);
		expect((await fetch(`${server.url}/regions/31080/occupations/151232`)).status).toBe(404);
	});

	it('renders the region profile cards and a table CSV that matches the filters', async () => {
		const html = await (
			await fetch(`${server.url}/regions/31080?category=digital&flag=under`)
		).text();
		expect(html).toContain('Digital jobs');
		expect(html).toContain('Largest supply gaps');
		// Each card says which jobs it covers: the supply gaps are every job's, the pay card digital.
		expect(html).toContain('All jobs in the area, not only digital ones');
		expect(html).toContain('Best-paid digital jobs without a bachelor');
		const csv = await (
			await fetch(
				`${server.url}/regions/31080/table.csv?category=digital&flag=under&cols=category,employment`
			)
		).text();
		const [head, ...rows] = csv.trim().split('\r\n');
		expect(head).toBe(
			'soc,title,category,employment,employment_status,' +
				'category_source,category_year,employment_source,employment_year'
		);
		expect(rows.length).toBeGreaterThan(5);
		expect(rows.every((r) => /^\d{2}-\d{4},/.test(r))).toBe(true);
		// Each row names the files and years behind its figures: Los Angeles' OEWS is May 2021.
		const cells = rows[0]!.split(',');
		expect(cells.at(-2)).toMatch(/M2021/);
		expect(cells.at(-1)).toBe('2021');
		expect(cells.at(-4)).toMatch(/\.(csv|xlsx)/);
	});

	it('sends the pathways page and a route page under 150 KB, the full pickers on demand', async () => {
		const html = async (path: string) => {
			const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
			expect(res.status, path).toBe(200);
			return res.text();
		};
		// One select's options as the server wrote them.
		const options = (page: string, name: string) => {
			const select = new RegExp(`<select[^>]* name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(
				page
			);
			return [...select![1]!.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
		};
		const map = await html('/pathways?area=31080');
		const route = await html('/pathways?area=31080&from=15-1232&to=15-1212');
		expect(Buffer.byteLength(map)).toBeLessThanOrEqual(150 * 1024);
		expect(Buffer.byteLength(route)).toBeLessThanOrEqual(150 * 1024);
		// The first route comes with what each step takes; the others are one link away.
		expect(route).toContain('Skills to build');
		expect(route).toMatch(/href="\?[^"]*route=2"/);
		const second = await html('/pathways?area=31080&from=15-1232&to=15-1212&route=2');
		expect(Buffer.byteLength(second)).toBeLessThanOrEqual(150 * 1024);
		expect(second).toMatch(/href="\?[^"]*route=1"/);

		// The pickers list the digital jobs and the chosen ones, not all 736 occupations…
		const every = (await (
			await fetch(`${server.url}/api/pathways/occupations?area=31080`)
		).json()) as { soc: string; title: string; category: string | null }[];
		expect(every.length).toBeGreaterThan(700);
		const digital = every.filter((c) => c.category !== null).map((c) => c.soc);
		expect(every.slice(0, digital.length).map((c) => c.soc)).toEqual(digital);
		expect(options(map, 'from').filter(Boolean).sort()).toEqual([...digital].sort());
		const nurse = await html('/pathways?area=31080&from=29-1141&to=15-1212');
		expect(options(nurse, 'from')).toContain('29-1141');
		expect(options(nurse, 'from')).toHaveLength(digital.length + 2);
		expect(options(map, 'area')).toEqual(['', '99', '31080']);

		// …and without JavaScript a typed name or code is read by the server.
		const typed = await fetch(
			`${server.url}/pathways?area=31080&q-from=registered+nurses&to=15-1212&q-to=&q-area=`,
			{ redirect: 'manual' }
		);
		expect(typed.status).toBe(303);
		expect(new URL(typed.headers.get('location')!, server.url).search).toBe(
			'?area=31080&to=15-1212&from=29-1141'
		);
		const tucson = await fetch(`${server.url}/pathways?q-area=Tucson`, { redirect: 'manual' });
		expect(new URL(tucson.headers.get('location')!, server.url).search).toBe('?area=46060');
		const several = await html('/pathways?area=31080&q-to=nurse');
		expect(several).toMatch(
			/“nurse” matches \d+ occupations: choose one in the list \(they have been added to it\)/
		);
		expect(options(several, 'to')).toContain('29-1141');
		const none = await html('/es/pathways?area=31080&q-to=zzzz');
		expect(none).toContain('Ninguna ocupación coincide con «zzzz»');
	});

	it('renders the comparison and the pathway map, and answers the pathways API', async () => {
		const compare = await (await fetch(`${server.url}/compare?areas=31080,99`)).text();
		expect(compare).toContain('Digital jobs by category');
		expect(compare).toContain('Los Angeles-Long Beach-Anaheim, CA');
		const map = await fetch(`${server.url}/pathways?area=31080&from=15-1232&to=15-1212`);
		expect(map.status).toBe(200);
		expect(await map.text()).toContain(
			'Routes from Computer User Support Specialists to Information Security Analysts'
		);
		const api = (await (
			await fetch(
				`${server.url}/api/pathways?area=31080&from=15-1232&to=15-1212&objective=fewest-steps`
			)
		).json()) as {
			nodes: { soc: string; level: string | null }[];
			edges: { from: string; to: string; source: string }[];
			routes: { path: string[]; steps: { from: string; to: string }[] }[];
		};
		expect(api.routes[0]!.path).toEqual(['15-1232', '15-1212']);
		expect(api.routes[0]!.steps.map((s) => [s.from, s.to])).toEqual([['15-1232', '15-1212']]);
		expect(api.edges.every((e) => e.source.length > 0)).toBe(true);
		expect(api.nodes.find((n) => n.soc === '15-1232')!.level).toBe('entry');
		expect((await fetch(`${server.url}/api/pathways?area=abc`)).status).toBe(400);
	});

	it("renders Tucson's and Washington's pages with what their May 2022 data cover", async () => {
		for (const [code, title] of [
			['46060', 'Tucson, AZ'],
			['47900', 'Washington-Arlington-Alexandria, DC-VA-MD-WV']
		] as const) {
			const res = await fetch(`${server.url}/regions/${code}`);
			expect(res.status).toBe(200);
			const html = await res.text();
			expect(html).toContain(title);
			expect(html).toContain(
				'The data for 2022 cover only: 15 Computer and Mathematical Occupations.'
			);
			expect(html).toContain('Total employment ≈');
			expect(html).toContain('derived');
			// The all-jobs median is missing from a partial file, not zero or "not published".
			expect(html).toMatch(/Median annual wage across all occupations:\s*<strong>not in the data</);
			expect(html).toContain('Not covered: the digital occupations in SOC groups 11, 13, 27');
			expect(html).toContain('oews_MSA_M2022_computer_occupations.csv');
		}
		const dc = (await (await fetch(`${server.url}/api/areas/47900/gaps?limit=all`)).json()) as {
			soc: string;
			employment: number;
			medianAnnualWage: number;
			lq: number;
		}[];
		expect(dc.find((r) => r.soc === '15-1252')).toMatchObject({
			employment: 69360,
			medianAnnualWage: 134870,
			lq: 2.21
		});
		// A CBSA code people know finds the NECTA OEWS publishes.
		const boston = await fetch(`${server.url}/regions/14460`, { redirect: 'manual' });
		expect(boston.status).toBe(307);
		expect(boston.headers.get('location')).toBe('/regions/71650');
	});

	it('compares Tucson, Miami, Boston and Washington, and maps pathways for Tucson', async () => {
		const res = await fetch(`${server.url}/compare?areas=46060,33100,71650,47900`);
		expect(res.status).toBe(200);
		const html = await res.text();
		for (const title of [
			'Tucson, AZ',
			'Miami-Fort Lauderdale-West Palm Beach, FL',
			'Boston-Cambridge-Nashua, MA-NH',
			'Washington-Arlington-Alexandria, DC-VA-MD-WV'
		]) {
			expect(html).toContain(title);
		}
		expect(html.match(/cover only: 15 Computer and Mathematical Occupations/g)).toHaveLength(4);
		expect(html).toContain('groups 27 not covered');
		const api = (await (
			await fetch(`${server.url}/api/compare?areas=46060,33100,14460,47900`)
		).json()) as { areas: { area: { code: string }; coverage: { complete: boolean } }[] };
		expect(api.areas.map((a) => a.area.code)).toEqual(['46060', '33100', '71650', '47900']);
		expect(api.areas.every((a) => !a.coverage.complete)).toBe(true);

		const pathways = await fetch(`${server.url}/pathways?area=46060`);
		expect(pathways.status).toBe(200);
		expect(await pathways.text()).toContain(
			'The data for 2022 cover only: 15 Computer and Mathematical Occupations.'
		);
		const nodes = (await (await fetch(`${server.url}/api/pathways?area=46060`)).json()) as {
			nodes: { soc: string }[];
			coverage: { groups: { code: string }[] };
		};
		expect(nodes.coverage.groups.map((g) => g.code)).toEqual(['15']);
		expect(nodes.nodes.length).toBeGreaterThan(5);
		expect(nodes.nodes.every((n) => n.soc.startsWith('15-'))).toBe(true);
	});

	it('serves the metro map figures and outlines', async () => {
		const map = (await (await fetch(`${server.url}/api/map`)).json()) as {
			year: number;
			areas: { code: string; values: Record<string, number | null> }[];
		};
		expect(map.year).toBe(2022);
		expect(map.areas).toHaveLength(396);
		expect(map.areas.find((a) => a.code === '47900')!.values).toMatchObject({
			computerLq: 2.38,
			computerJobs: 243800,
			softwareWage: 134870
		});
		const outlines = await fetch(`${server.url}/map/metros-2023.json`);
		expect(outlines.status).toBe(200);
	});

	it('lists imports, and deletes one only for an editor', async () => {
		const runs = (await (await fetch(`${server.url}/api/imports`)).json()) as {
			id: number;
			fileName: string;
		}[];
		const metro = runs.find((r) => r.fileName === 'metro_job_postings_us.csv')!;
		expect(metro).toBeDefined();
		const url = `${server.url}/api/imports/${metro.id}`;
		expect((await fetch(url, { method: 'DELETE' })).status).toBe(401);
		expect(
			(
				await fetch(`${server.url}/api/imports/999999`, {
					method: 'DELETE',
					headers: { authorization: 'Bearer test-editor-token' }
				})
			).status
		).toBe(404);
		const ok = await fetch(url, {
			method: 'DELETE',
			headers: { authorization: 'Bearer test-editor-token' }
		});
		expect(await ok.json()).toEqual({ deleted: metro.id });
		const after = (await (await fetch(`${server.url}/api/imports`)).json()) as { id: number }[];
		expect(after.map((r) => r.id)).not.toContain(metro.id);
		expect(after).toHaveLength(runs.length - 1);
	});

	it('gzips pages and API answers for clients that accept it, and only for them', async () => {
		const { request } = await import('node:http');
		const get = (path: string, encoding?: string) =>
			new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
				const req = request(
					new URL(path, server.url),
					{ headers: encoding ? { 'accept-encoding': encoding } : {} },
					(res) => {
						const chunks: Buffer[] = [];
						res.on('data', (c: Buffer) => chunks.push(c));
						res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
					}
				);
				req.on('error', reject);
				req.end();
			});
		const { gunzipSync } = await import('node:zlib');
		const plain = await get('/api/areas/31080/gaps');
		expect(plain.headers['content-encoding']).toBeUndefined();
		const zipped = await get('/api/areas/31080/gaps', 'gzip, deflate, br');
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(String(zipped.headers.vary)).toContain('Accept-Encoding');
		// The same answer, in a fraction of the bytes.
		expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
		expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
		const html = await get('/regions/31080', 'gzip');
		expect(html.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(html.body).toString('utf8')).toContain('Los Angeles');
		// Tiny answers are left alone.
		expect((await get('/api/health', 'gzip')).headers['content-encoding']).toBeUndefined();
	});
});

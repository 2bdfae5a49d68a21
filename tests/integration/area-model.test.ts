/**
 * The area model is built once per request and kept until the data change; page loads are called
 * directly (as SvelteKit would) to prove it; and the occupation page, the map and its CSV tell the
 * same relatedness for a pair O*NET lists twice.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { saveCuratedEdit } from '../../src/lib/server/db/queries/curated';
import { setLivingWage } from '../../src/lib/server/db/queries/sources';
import { areaModel, areaModelBuilds } from '../../src/lib/server/reports/area-model';
import { occupationPage } from '../../src/lib/server/reports/views/occupation';
import { pathwaysReport } from '../../src/lib/server/reports/views/pathways';
import { seededDb, type TempDb } from '../helpers/db';
import { callHandler, callLoad } from '../helpers/routes';

let t: TempDb;
vi.mock('$lib/server/db', () => ({ getDb: () => t.db }));
beforeAll(async () => {
	t = await seededDb([
		'data/reference/digital-jobs-categories.csv',
		'data/sample/national_M2021_dl.xlsx',
		'data/sample/oews_MSA_M2021_los_angeles.csv',
		'data/sample/onet/Related Occupations.txt',
		'data/sample/onet/Job Zones.txt',
		'data/sample/bls_ep_occupation_2024-34.xlsx'
	]);
}, 180_000);
afterAll(() => t?.close());

const url = (path: string) => new URL(path, 'http://localhost');

describe('one area model per request', () => {
	it('builds the model once for a pathways link that names a node', async () => {
		const before = areaModelBuilds();
		const mod = await import('../../src/routes/pathways/+page.server');
		const data = (await callLoad(mod, url('/pathways?area=31080&node=15-1232'))) as {
			report: { year: number };
			details: { soc: string; title: string } | null;
		};
		expect(data.details?.title).toBe('Computer User Support Specialists');
		expect(areaModelBuilds() - before).toBe(1);
	});

	it('serves the occupation page of the same area from the same model', async () => {
		const before = areaModelBuilds();
		const mod =
			await import('../../src/routes/regions/[area=area]/occupations/[soc=soc]/+page.server');
		const data = (await callLoad(mod, url('/regions/31080/occupations/15-1252'), {
			area: '31080',
			soc: '15-1252'
		})) as { gap: { title: string; employment: number } };
		expect(data.gap).toMatchObject({ title: 'Software Developers', employment: 49020 });
		expect(areaModelBuilds() - before).toBe(0);
	});

	it('builds again when the data change or a living wage is set, not before', () => {
		const first = areaModel(t.db, '31080');
		expect(areaModel(t.db, '31080', { year: 2021 })).toBe(first);
		setLivingWage(t.db, '31080', 52_000, 'test', null);
		const withWage = areaModel(t.db, '31080');
		expect(withWage).not.toBe(first);
		expect(withWage.livingWage?.annualWage).toBe(52_000);
		saveCuratedEdit(t.db, {
			from: '15-1232',
			to: '15-1212',
			note: null,
			remove: false,
			area: null,
			by: null
		});
		expect(areaModel(t.db, '31080')).not.toBe(withWage);
	});
});

describe('one relatedness rule', () => {
	// O*NET lists 11-1011 → 11-3031 twice: Primary-Short rank 4 (11-3031.01), Primary-Long rank 9.
	it('gives 11-1011 → 11-3031 the same tier on the occupation page, the map and its CSV', async () => {
		const page = occupationPage(t.db, '31080', '11-1011');
		expect(page.relatedOut.find((r) => r.soc === '11-3031')).toMatchObject({
			tier: 'Primary-Short',
			rank: 4,
			// Chief Executives → Financial Managers: the page calls it a step down, the map's move
			// (the other way) a move up.
			direction: 'down'
		});
		// The map reads the pair as a move up (Financial Managers → Chief Executives) with that tier.
		const map = pathwaysReport(t.db, '31080', {
			scope: { kind: 'focus', soc: '11-1011' },
			showAllMoves: true
		});
		const move = map.edges.find((e) => e.from === '11-3031' && e.to === '11-1011');
		expect(move?.tier).toBe('Primary-Short');
		expect(move?.direction).toBe('up');
		const mod = await import('../../src/routes/api/pathways/+server');
		const csv = await (
			await callHandler(
				mod,
				url('/api/pathways?area=31080&focus=11-1011&moves=all&format=csv&table=edges')
			)
		).text();
		expect(csv.split('\r\n').find((l) => l.startsWith('11-3031,11-1011,'))).toMatch(
			/^11-3031,11-1011,onet,Primary-Short,,up,/
		);
	});
});

/**
 * The metro outlines: the committed file is what `npm run build:map` makes from the bundled
 * delineation and us-atlas, and the outlines hold the counties they should.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
	MAP_FILE,
	buildMap,
	metroCounties,
	readCrosswalk,
	readDelineation
} from '../../../scripts/build-map';

describe('metro outlines', () => {
	it('are up to date with the delineation, the crosswalk and us-atlas', async () => {
		expect(readFileSync(MAP_FILE, 'utf8')).toBe(await buildMap());
	});

	it('group the 2023 delineation counties, NECTAs through their CBSA', async () => {
		const metros = await readDelineation('data/sample/census/list1_2023.xlsx');
		const counties = metroCounties(metros, readCrosswalk('data/reference/oews-area-cbsa.csv'));
		expect(counties.get('46060')).toEqual(['04019']); // Tucson: Pima County
		expect(counties.get('33100')!.sort()).toEqual(['12011', '12086', '12099']);
		// 23 county rows in the file (its PROVENANCE says 24 county-equivalents).
		expect(counties.get('47900')).toHaveLength(23);
		expect(counties.get('71650')).toEqual(counties.get('14460')); // Boston NECTA = its CBSA
		expect(counties.get('71650')).toHaveLength(7);
		expect(counties.get('79600')).toEqual(['25027']); // Worcester NECTA: Worcester County
		expect(counties.get('17460')).toEqual(counties.get('17410')); // Cleveland, renumbered
	});

	it('hold one outline per metro, with the delineation named', () => {
		const topo = JSON.parse(readFileSync(MAP_FILE, 'utf8')) as Topology & { delineation: string };
		expect(topo.delineation).toMatch(/July 2023/);
		const metros = feature(topo, topo.objects.metros as GeometryCollection) as unknown as {
			features: { id: string; geometry: { type: string } }[];
		};
		const ids = metros.features.map((f) => f.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const code of ['46060', '33100', '71650', '79600', '47900', '31080']) {
			expect(ids).toContain(code);
		}
		expect(metros.features.every((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
	});
});

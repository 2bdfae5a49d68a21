/**
 * npm run build:map — the metro shapes of the home page's map, computed once here rather than on
 * every page view, into static/map/metros-2023.json (TopoJSON, served as a file and fetched only
 * when the map is drawn).
 *
 * - Counties and states: Census cartographic boundaries 1:10m from the `us-atlas` package.
 * - Which counties make each metro: the OMB July 2023 delineation (data/sample/census/list1_2023.xlsx),
 *   metropolitan areas only; OEWS areas with other codes (New England NECTAs, metros renumbered in
 *   2023) through data/reference/oews-area-cbsa.csv.
 * - Counties are merged into one outline per metro with topojson-client's `mergeArcs`, and only
 *   the arcs the metros and states use are kept.
 *
 * The output is deterministic; tests/unit/map/shapes.test.ts checks the committed file is current.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { mergeArcs } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';

export const MAP_FILE = 'static/map/metros-2023.json';
const DELINEATION = 'data/sample/census/list1_2023.xlsx';
const CROSSWALK = 'data/reference/oews-area-cbsa.csv';
const ATLAS = 'node_modules/us-atlas/counties-10m.json';

interface Metro {
	title: string;
	counties: string[];
}

/** CBSA code → title and counties, metropolitan areas only. */
export async function readDelineation(path: string): Promise<Map<string, Metro>> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(path);
	const sheet = wb.worksheets[0]!;
	const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
	const col = (name: string) => {
		const i = header.indexOf(name);
		if (i < 0) throw new Error(`${path}: no column "${name}" in the header on row 1`);
		return i;
	};
	const [code, title, kind, state, county] = [
		col('CBSA Code'),
		col('CBSA Title'),
		col('Metropolitan/Micropolitan Statistical Area'),
		col('FIPS State Code'),
		col('FIPS County Code')
	];
	const metros = new Map<string, Metro>();
	sheet.eachRow((row, n) => {
		if (n === 1) return;
		const v = row.values as unknown[];
		const cbsa = String(v[code] ?? '').trim();
		if (!/^\d{5}$/.test(cbsa) || !String(v[kind] ?? '').startsWith('Metropolitan')) return;
		const fips = `${String(v[state]).padStart(2, '0')}${String(v[county]).padStart(3, '0')}`;
		const m = metros.get(cbsa) ?? { title: String(v[title]), counties: [] };
		m.counties.push(fips);
		metros.set(cbsa, m);
	});
	return metros;
}

/** OEWS area → its 2023 CBSA and/or explicit counties. */
export function readCrosswalk(path: string): { area: string; cbsa: string; counties: string[] }[] {
	return readFileSync(path, 'utf8')
		.split(/\r?\n/)
		.slice(1)
		.filter((l) => l.trim() !== '')
		.map((line) => {
			const [area = '', cbsa = '', counties = ''] = line.split(',');
			return { area, cbsa, counties: counties.split(' ').filter(Boolean) };
		});
}

/** Shape id (the OEWS area code, or the CBSA code where they agree) → counties. */
export function metroCounties(
	metros: Map<string, Metro>,
	crosswalk: ReturnType<typeof readCrosswalk>
): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const [cbsa, m] of metros) out.set(cbsa, m.counties);
	for (const row of crosswalk) {
		const counties =
			row.counties.length > 0 ? row.counties : (metros.get(row.cbsa)?.counties ?? []);
		if (counties.length === 0) throw new Error(`${CROSSWALK}: no counties for ${row.area}`);
		out.set(row.area, counties);
	}
	return out;
}

type Polys = Polygon | MultiPolygon;

/** Merges counties into metros and keeps only the arcs used, renumbered. */
export function buildTopology(atlas: Topology, counties: Map<string, string[]>): Topology {
	const countyObj = atlas.objects.counties as GeometryCollection;
	const byFips = new Map(
		countyObj.geometries.map((g) => [String(g.id), g as Polys & { id: string }])
	);
	const metros: (MultiPolygon & { id: string })[] = [];
	for (const [id, fips] of [...counties].sort((a, b) => a[0].localeCompare(b[0]))) {
		const parts = fips.map((f) => byFips.get(f)).filter((g): g is Polys & { id: string } => !!g);
		if (parts.length === 0) continue;
		const merged = mergeArcs(atlas, parts);
		metros.push({ type: 'MultiPolygon', arcs: merged.arcs, id });
	}
	const states = atlas.objects.states as GeometryCollection;
	// Renumber the arcs the kept geometries use; a negative index (~i) is a reversed arc.
	const used = new Map<number, number>();
	const keep: number[] = [];
	const remap = (a: number): number => {
		const i = a < 0 ? ~a : a;
		let j = used.get(i);
		if (j === undefined) {
			j = keep.length;
			used.set(i, j);
			keep.push(i);
		}
		return a < 0 ? ~j : j;
	};
	const ring = (r: number[]) => r.map(remap);
	const poly = (p: number[][]) => p.map(ring);
	const geometry = <G extends Polys & { id?: string | number }>(g: G): G =>
		(g.type === 'Polygon'
			? { ...g, arcs: poly(g.arcs as number[][]) }
			: { ...g, arcs: (g.arcs as number[][][]).map(poly) }) as G;
	return {
		type: 'Topology',
		transform: atlas.transform,
		bbox: atlas.bbox,
		objects: {
			metros: { type: 'GeometryCollection', geometries: metros.map(geometry) },
			states: {
				type: 'GeometryCollection',
				geometries: (states.geometries as (Polys & { id: string })[]).map((g) => ({
					...geometry(g),
					properties: undefined
				}))
			}
		},
		arcs: keep.map((i) => atlas.arcs[i]!)
	} as Topology;
}

export async function buildMap(root = process.cwd()): Promise<string> {
	const atlas = JSON.parse(readFileSync(resolve(root, ATLAS), 'utf8')) as Topology;
	const metros = await readDelineation(resolve(root, DELINEATION));
	const counties = metroCounties(metros, readCrosswalk(resolve(root, CROSSWALK)));
	const topology = buildTopology(atlas, counties);
	return JSON.stringify({
		...topology,
		// Said on the map: which delineation drew these outlines.
		delineation: 'OMB Bulletin 23-01 (July 2023); Census cartographic boundaries via us-atlas 3'
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const text = await buildMap();
	mkdirSync(dirname(MAP_FILE), { recursive: true });
	writeFileSync(MAP_FILE, text);
	console.log(`${MAP_FILE}: ${(text.length / 1024).toFixed(0)} kB`);
}

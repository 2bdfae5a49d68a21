/**
 * npx tsx bench/pathways.ts — the pathway map's pure building blocks on the whole O*NET graph
 * (every occupation in Occupation Data.txt, every edge in Related Occupations.txt), medians of
 * BENCH_RUNS (default 7) timed runs after one warm-up:
 *  - the baseline: a plain breadth-first traversal (bfsReachable, K = 4) from the 50 origins of
 *    fixed (from, to) pairs, timed in the same run; every other median is printed as a ratio
 *    to it (the target: within 20 × BFS).
 * The map's pieces (moves with feasibility, career routes, layout v2) are timed against it: buildMoves from the O*NET edges and the Skills profiles
 * (data/sample/onet/Skills.txt), findCareerRoutes for each objective with K = 4 over the same 50
 * pairs, layoutPathwaysV2 of every move and of each occupation's 3 strongest; it also prints the
 * calibrated viable similarity (10th percentile over Primary-Short pairs) and the size of the
 * focus map around Software Developers.
 * Node keys are O*NET-SOC codes (1,016 nodes). Wages and employment: OEWS national May 2024 by
 * SOC (the O*NET code's first 7 characters; when OEWS publishes only the broad group, e.g.
 * 13-1020 for 13-1021, the broad group's row); `#` = the top-code cap read from the workbook's
 * Field Descriptions. Levels: O*NET Job Zones + BLS EP 2024–34 typical entry education.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	bfsReachable,
	indexGraph,
	pathwayLevel,
	type PathwayEdge,
	type PathwayGraph,
	type PathwayNode,
	type RelatednessTier
} from '../src/lib/analysis/pathways';
import { findCareerRoutes, indexMoves, ROUTE_OBJECTIVES } from '../src/lib/analysis/career-routes';
import { focusMap, strongestMoves } from '../src/lib/analysis/map-scope';
import { buildMoves } from '../src/lib/analysis/moves';
import { layoutPathwaysV2 } from '../src/lib/analysis/pathway-layout-v2';
import {
	calibrateThreshold,
	skillProfiles,
	skillRowsFromText,
	skillSimilarity,
	VIABLE_SIMILARITY
} from '../src/lib/analysis/skills';
import { cellText } from '../src/lib/server/import/xlsx';
import { median } from './harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SAMPLE = join(process.cwd(), 'data/sample');
const K = 4;
const PAIRS = 50;

/** Tab-separated O*NET text file → rows of cells (header dropped). */
function tsv(file: string): string[][] {
	return readFileSync(join(SAMPLE, 'onet', file), 'utf8')
		.split(/\r?\n/)
		.slice(1)
		.filter((line) => line.trim() !== '')
		.map((line) => line.split('\t'));
}

async function sheetRows(file: string, sheet: string | number): Promise<string[][]> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(join(SAMPLE, file));
	const ws = typeof sheet === 'number' ? workbook.worksheets[sheet] : workbook.getWorksheet(sheet);
	if (!ws) throw new Error(`${file}: no sheet ${sheet}`);
	const rows: string[][] = [];
	ws.eachRow((row) => {
		const values = row.values as ExcelJS.CellValue[];
		rows.push(values.slice(1).map((v) => cellText(v ?? undefined)));
	});
	return rows;
}

const number = (text: string | undefined) => {
	const v = Number((text ?? '').replace(/,/g, ''));
	return text === undefined || text.trim() === '' || !Number.isFinite(v) ? null : v;
};

async function loadGraph(): Promise<PathwayGraph> {
	const loadStart = performance.now();
	const zones = new Map(tsv('Job Zones.txt').map((r) => [r[0]!, Number(r[2])]));

	// OEWS national, cross-industry rows keyed by OCC_CODE.
	const oews = await sheetRows('national_M2024_dl.xlsx', 0);
	const head = oews[0]!.map((h) => h.trim().toUpperCase());
	const col = (name: string) => head.indexOf(name);
	const [occ, emp, median_] = [col('OCC_CODE'), col('TOT_EMP'), col('A_MEDIAN')];
	const notes = (await sheetRows('national_M2024_dl.xlsx', 'Field Descriptions')).flat().join(' ');
	const cap = number(/#\s*=.*?\$([\d,]+) per year/.exec(notes)?.[1]);
	if (cap === null) throw new Error('top-code cap not found in Field Descriptions');
	const wages = new Map<
		string,
		{ wage: number | null; topCoded: boolean; employment: number | null }
	>();
	for (const r of oews.slice(1)) {
		const code = r[occ]!;
		if (wages.has(code)) continue;
		const topCoded = r[median_]!.trim() === '#';
		wages.set(code, {
			wage: topCoded ? cap : number(r[median_]),
			topCoded,
			employment: number(r[emp])
		});
	}

	// EP Table 1.2: openings (thousands) and typical entry education by SOC.
	const ep = await sheetRows('bls_ep_occupation_2024-34.xlsx', 'Table 1.2');
	const epHead = ep.findIndex((r) => r.some((c) => /national employment matrix code/i.test(c)));
	const epCols = ep[epHead]!;
	const at = (re: RegExp) => epCols.findIndex((c) => re.test(c));
	const [epCode, epOpenings, epEducation] = [
		at(/matrix code/i),
		at(/openings/i),
		at(/typical education/i)
	];
	const projections = new Map(
		ep
			.slice(epHead + 1)
			.map(
				(r) =>
					[
						r[epCode]!,
						{ openings: number(r[epOpenings]), education: r[epEducation]?.trim() || null }
					] as const
			)
	);

	const nodes: PathwayNode[] = tsv('Occupation Data.txt').map(([code, title]) => {
		const soc = code!.slice(0, 7);
		const w = wages.get(soc) ?? wages.get(`${soc.slice(0, 6)}0`);
		const p = projections.get(soc);
		const jobZone = zones.get(code!) ?? null;
		const education = p?.education === '—' ? null : (p?.education ?? null);
		return {
			soc: code!,
			title: title!,
			level: pathwayLevel(jobZone, education),
			category: null,
			medianAnnualWage: w?.wage ?? null,
			wageTopCoded: w?.topCoded ?? false,
			employment: w?.employment ?? null,
			openings: p?.openings === null || p === undefined ? null : p.openings * 1000,
			jobZone,
			entryEducation: education
		};
	});
	const edges: PathwayEdge[] = tsv('Related Occupations.txt').map((r) => ({
		from: r[0]!,
		to: r[2]!,
		source: 'onet',
		tier: r[4] as RelatednessTier,
		rank: Number(r[5]),
		note: null
	}));
	const levels = new Map<string, number>();
	for (const n of nodes)
		levels.set(n.level ?? 'unknown', (levels.get(n.level ?? 'unknown') ?? 0) + 1);
	console.log(
		`graph: ${nodes.length} nodes, ${edges.length} edges; wages known ${nodes.filter((n) => n.medianAnnualWage !== null).length} (top-coded ${nodes.filter((n) => n.wageTopCoded).length}); levels ${[...levels].map(([k, v]) => `${k} ${v}`).join(', ')}; loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`
	);
	return { nodes, edges };
}

const ms = (start: number) => performance.now() - start;
const fmt = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

const graph = await loadGraph();
const codes = graph.nodes.map((n) => n.soc).sort();
// Fixed pairs spread over the code list (strides coprime with 1,016), no pair with from === to.
const pairs = Array.from({ length: PAIRS }, (_, i) => {
	const from = codes[(i * 97 + 5) % codes.length]!;
	let to = codes[(i * 389 + 211) % codes.length]!;
	if (to === from) to = codes[(i * 389 + 212) % codes.length]!;
	return [from, to] as const;
});

const times: Record<string, number[]> = { index: [], bfs: [] };
let reached = 0;
for (let run = 0; run <= RUNS; run++) {
	let t = performance.now();
	const ix = indexGraph(graph);
	const indexMs = ms(t);
	t = performance.now();
	let reachedNow = 0;
	for (const [from] of pairs) reachedNow += bfsReachable(ix, from, K).size;
	const bfsMs = ms(t);
	reached = reachedNow;
	if (run === 0) continue; // run 0 warms up the JIT
	times.index!.push(indexMs);
	times.bfs!.push(bfsMs);
}

const bfs = median(times.bfs!);
console.log(`runs: ${RUNS} (medians; one warm-up run not counted)`);
console.log(`indexGraph (whole graph): ${fmt(median(times.index!))} ms`);
console.log(
	`bfsReachable K=${K} from ${PAIRS} origins: ${fmt(bfs)} ms (${fmt((bfs / PAIRS) * 1000)} µs each; ${reached} nodes reached in all)`
);

// ---------------------------------------------------------------------------------------------
// The map: moves with feasibility, career routes and the layered layout.

const skillRows = skillRowsFromText(readFileSync(join(SAMPLE, 'onet', 'Skills.txt'), 'utf8'));
const profiles = skillProfiles(skillRows);
const primaryShort = graph.edges
	.filter((e) => e.tier === 'Primary-Short')
	.map((e) => {
		const a = profiles.get(e.from);
		const b = profiles.get(e.to);
		return a && b ? skillSimilarity(a, b) : null;
	})
	.filter((v): v is number => v !== null);
const calibrated = calibrateThreshold(primaryShort, 0.9);
console.log(
	`skills: ${profiles.size} profiles; viable similarity calibrated on ${primaryShort.length} Primary-Short pairs = ${calibrated?.toFixed(3)} (VIABLE_SIMILARITY ${VIABLE_SIMILARITY})`
);

const v2: Record<string, number[]> = { moves: [], index: [], layoutAll: [], layoutTop3: [] };
for (const o of ROUTE_OBJECTIVES) v2[o] = [];
const v2Found: Record<string, number> = {};
let movesCount = 0;
let rejectedCount = 0;
for (let run = 0; run <= RUNS; run++) {
	let t = performance.now();
	const built = buildMoves(graph.nodes, graph.edges, { profiles });
	const movesMs = ms(t);
	movesCount = built.moves.length;
	rejectedCount = built.rejected.length;
	t = performance.now();
	const mix = indexMoves(graph.nodes, built.moves);
	const indexMs = ms(t);
	t = performance.now();
	const all = layoutPathwaysV2({ nodes: graph.nodes, edges: built.moves });
	const layoutAllMs = ms(t);
	t = performance.now();
	const top3 = strongestMoves(graph.nodes, built.moves, { perNode: 3 });
	const small = layoutPathwaysV2({ nodes: top3.nodes, edges: top3.moves });
	const layoutTop3Ms = ms(t);
	const objectiveMs: Record<string, number> = {};
	for (const objective of ROUTE_OBJECTIVES) {
		t = performance.now();
		let routes = 0;
		for (const [from, to] of pairs) {
			if (findCareerRoutes(mix, from, to, { objective, maxSteps: K }).length > 0) routes++;
		}
		objectiveMs[objective] = ms(t);
		v2Found[objective] = routes;
	}
	if (run === 0) {
		console.log(
			`v2 moves: ${built.moves.length} offered, ${built.rejected.length} rejected (${['down', 'zone-jump'].map((r) => `${r} ${built.rejected.filter((x) => x.reason === r).length}`).join(', ')})`
		);
		console.log(
			`v2 layout, every move: ${all.width} × ${all.height} px, ${all.links.length} links, crossings ${all.crossings} (code order ${all.naiveCrossings})`
		);
		console.log(
			`v2 layout, 3 strongest per node: ${small.links.length} links (${top3.hiddenMoves} behind "show all"), ${small.width} × ${small.height} px, crossings ${small.crossings} (code order ${small.naiveCrossings})`
		);
		const focus = focusMap(graph.nodes, built.moves, '15-1252.00');
		console.log(
			`v2 focus map of 15-1252.00: ${focus.nodes.length} occupations, ${focus.moves.length} moves (${focus.hiddenNodes} occupations and ${focus.hiddenMoves} moves left out)`
		);
		continue;
	}
	v2.moves!.push(movesMs);
	v2.index!.push(indexMs);
	v2.layoutAll!.push(layoutAllMs);
	v2.layoutTop3!.push(layoutTop3Ms);
	for (const o of ROUTE_OBJECTIVES) v2[o]!.push(objectiveMs[o]!);
}
const ratio = (m: number) => `${(m / bfs).toFixed(2)} × BFS`;
console.log(
	`v2 buildMoves (${movesCount} moves, ${rejectedCount} rejected): ${fmt(median(v2.moves!))} ms`
);
console.log(`v2 indexMoves: ${fmt(median(v2.index!))} ms`);
console.log(
	`v2 layoutPathwaysV2, every move: ${fmt(median(v2.layoutAll!))} ms = ${ratio(median(v2.layoutAll!))}`
);
console.log(
	`v2 strongestMoves + layoutPathwaysV2, 3 per node: ${fmt(median(v2.layoutTop3!))} ms = ${ratio(median(v2.layoutTop3!))}`
);
for (const o of ROUTE_OBJECTIVES) {
	const m = median(v2[o]!);
	console.log(
		`v2 findCareerRoutes ${o} K=${K}, ${PAIRS} pairs: ${fmt(m)} ms (${v2Found[o]} pairs with a route) = ${ratio(m)}`
	);
}

// One named example per objective, to see the answers are sensible.
const title = new Map(
	graph.nodes.map((n) => [n.soc, `${n.title} ($${n.medianAnnualWage ?? '?'})`])
);
const exampleMoves = indexMoves(
	graph.nodes,
	buildMoves(graph.nodes, graph.edges, { profiles }).moves
);
for (const o of ROUTE_OBJECTIVES) {
	const [best] = findCareerRoutes(exampleMoves, '43-4051.00', '15-1252.00', {
		objective: o,
		maxSteps: K
	});
	console.log(
		`example ${o}: ${best ? best.path.map((s) => title.get(s)).join(' → ') : 'no route'}`
	);
}

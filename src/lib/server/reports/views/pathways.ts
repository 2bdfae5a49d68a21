/**
 * The career-pathway map of an area: occupations as nodes (with local wages, demand and level),
 * transitions as edges (O*NET related occupations and imported or curated edges, each with its
 * source), the part of the graph in scope, routes between two occupations, and a layout.
 */
import {
	edgeWageChange,
	findRoutes,
	indexGraph,
	pathwayLevel,
	scopeGraph,
	type PathwayEdge,
	type PathwayNode,
	type PathwayScope,
	type Route,
	type RouteObjective
} from '../../../analysis/pathways';
import { layoutPathways, type PathwayLayout } from '../../../analysis/pathway-layout';
import { isSocCode } from '../../../domain/codes';
import type { AreaRow } from '../../../domain/rows';
import type { Db } from '../../db/client';
import {
	credentialNamesFor,
	credentialsFor,
	type CredentialRow
} from '../../db/queries/credentials';
import { CURATED_REMOVED } from '../../db/queries/curated';
import {
	jobZones,
	programsFeeding,
	technologySkills,
	type ProgramRow,
	type TechSkill
} from '../../db/queries/occupation';
import { importedEdges, onetRelations } from '../../db/queries/pathways';
import { latestRun } from '../../db/queries/runs';
import { placementFor, runRef, type RunRef } from '../../db/queries/sources';
import { areaModel, type AreaModel, type AreaOptions } from '../area-model';
import { rowFor } from './occupation';

export interface PathwayOptions {
	year?: number;
	scope: PathwayScope;
	from?: string;
	to?: string;
	steps?: number;
	objective?: RouteObjective;
	sizeBy?: 'employment' | 'openings';
}

export interface MapNode extends PathwayNode {
	supplyGap: number | null;
	livingWageRatio: number | null;
	underRepresented: string[];
}

export interface MapEdge extends PathwayEdge {
	wageChangePct: number | null;
	paysMore: boolean | null;
}

export interface PathwaysReport {
	area: AreaModel['area'];
	year: number;
	/** The occupation groups the area's data hold: the map has nodes for these only. */
	coverage: AreaModel['coverage'];
	nodes: MapNode[];
	edges: MapEdge[];
	routes: Route[];
	/** All occupations of the area, for the route finder's pickers. */
	choices: { soc: string; title: string }[];
	layout: PathwayLayout;
	sources: AreaModel['sources'];
	edgeSources: string[];
}

/** O*NET relations as SOC pairs, plus every imported pathway edge, less curated removals. */
function allEdges(db: Db, area: string): PathwayEdge[] {
	const onet: PathwayEdge[] = onetRelations(db).map((r) => ({
		from: r.from,
		to: r.to,
		source: 'onet',
		tier: r.tier,
		rank: r.rank,
		note: null
	}));
	const imported = importedEdges(db, area);
	// A curated removal hides the move from every source; it is not an edge itself.
	const removed = new Set(
		imported.filter((r) => r.source === CURATED_REMOVED).map((r) => `${r.from}>${r.to}`)
	);
	return [
		...onet,
		...imported
			.filter((r) => r.source !== CURATED_REMOVED)
			.map((r) => ({
				from: r.from,
				to: r.to,
				source: r.source,
				tier: null,
				rank: null,
				note: r.note
			}))
	].filter((e) => !removed.has(`${e.from}>${e.to}`));
}

/** Every detailed occupation of the area as a map node. */
function mapNodes(db: Db, rows: readonly AreaRow[]): MapNode[] {
	const zones = jobZones(db);
	return rows.map((r) => {
		const jobZone = zones.get(r.soc) ?? null;
		return {
			soc: r.soc,
			title: r.title,
			level: pathwayLevel(jobZone, r.entryEducation),
			category: r.category,
			medianAnnualWage: r.medianAnnualWage,
			wageTopCoded: r.medianTopCoded,
			employment: r.employment,
			openings: r.openings,
			jobZone,
			entryEducation: r.entryEducation,
			supplyGap: r.supplyGap,
			livingWageRatio: r.livingWageRatio,
			underRepresented: r.representation
				.filter((c) => c.flag === 'under-represented')
				.map((c) => c.group)
		};
	});
}

export function pathwaysReport(db: Db, area: string, options: PathwayOptions): PathwaysReport {
	const model = areaModel(db, area, { year: options.year });
	const nodes = mapNodes(db, model.rows);
	const bySoc = new Map(nodes.map((n) => [n.soc, n]));
	const edges = allEdges(db, area).filter((e) => bySoc.has(e.from) && bySoc.has(e.to));
	const graph = { nodes, edges };
	const scoped = scopeGraph(nodes, edges, options.scope);
	const withWages = (list: readonly PathwayEdge[]): MapEdge[] =>
		list.map((e) => {
			const change = edgeWageChange(e, bySoc);
			return { ...e, wageChangePct: change.premium, paysMore: change.paysMore };
		});
	let routes: Route[] = [];
	if (options.from && options.to && bySoc.has(options.from) && bySoc.has(options.to)) {
		routes = findRoutes(indexGraph(graph), options.from, options.to, {
			objective: options.objective ?? 'largest-gain',
			maxSteps: options.steps ?? 4,
			limit: 3
		});
	}
	// Routes stay visible on the map even when they leave the scope.
	const routeSocs = new Set(routes.flatMap((r) => r.steps));
	const scopeSocs = new Set(scoped.nodes.map((n) => n.soc));
	const shownNodes = [
		...scoped.nodes,
		...nodes.filter((n) => routeSocs.has(n.soc) && !scopeSocs.has(n.soc))
	] as MapNode[];
	const shownSet = new Set(shownNodes.map((n) => n.soc));
	const routeEdges = new Set(
		routes.flatMap((r) => r.steps.slice(1).map((to, i) => `${r.steps[i]}>${to}`))
	);
	const shownEdges = edges.filter(
		(e) =>
			shownSet.has(e.from) &&
			shownSet.has(e.to) &&
			(scopeSocs.has(e.from) && scopeSocs.has(e.to) ? true : routeEdges.has(`${e.from}>${e.to}`))
	);
	return {
		area: model.area,
		year: model.year,
		coverage: model.coverage,
		nodes: shownNodes,
		edges: withWages(shownEdges),
		routes,
		choices: nodes
			.map((n) => ({ soc: n.soc, title: n.title }))
			.sort((a, b) => a.title.localeCompare(b.title)),
		layout: layoutPathways(
			{ nodes: shownNodes, edges: shownEdges },
			{ sizeBy: options.sizeBy ?? 'employment' }
		),
		sources: model.sources,
		edgeSources: [...new Set(edges.map((e) => e.source))]
	};
}

// ---------------------------------------------------------------------------------------------
// One node's details (the map's side panel and GET /api/pathways/node)
// ---------------------------------------------------------------------------------------------

/** A move into or out of the node, with the wage change of the step. */
export interface NodeMove {
	soc: string;
	title: string;
	source: string;
	/** Δ as a fraction (0.25 = +25%); null when either wage is unpublished. */
	wageChange: number | null;
	/** The destination's median is top-coded: the change is a lower bound. */
	wageChangeAtLeast: boolean;
	paysMore: boolean | null;
}

/** Programs (IPEDS) feeding the occupation in the area: the largest few, with totals. */
export interface ProgramSummary {
	/** The largest programs by completions (at most `limit`). */
	top: ProgramRow[];
	/** All programs found and their completions (IPEDS first majors). */
	count: number;
	completions: number;
	/** The IPEDS year; null when no completions are imported. */
	year: number | null;
}

export interface NodeDetails {
	area: AreaModel['area'];
	year: number;
	soc: string;
	title: string;
	level: MapNode['level'];
	category: string | null;
	medianAnnualWage: number | null;
	wageTopCoded: boolean;
	/** 25th percentile, the usual starting pay. */
	entryAnnualWage: number | null;
	/** The occupation's median ÷ the median of all the area's jobs. */
	wageToRegionalMedian: number | null;
	regionalMedianWage: number | null;
	employment: number | null;
	openings: number | null;
	openingsMethod: AreaRow['openingsMethod'];
	supply: number | null;
	supplyGap: number | null;
	entryEducation: string | null;
	workExperience: string | null;
	jobTraining: string | null;
	jobZone: number | null;
	skills: TechSkill[];
	credentials: CredentialRow[];
	programs: ProgramSummary;
	representation: AreaRow['representation'];
	representationGeography: AreaModel['representation']['geography'];
	comesFrom: NodeMove[];
	leadsTo: NodeMove[];
	/** Every import run behind the figures above. */
	sources: RunRef[];
}

function summarisePrograms(rows: ProgramRow[], limit: number): ProgramSummary {
	return {
		top: rows.slice(0, limit),
		count: rows.length,
		completions: rows.reduce((s, p) => s + p.completions, 0),
		year: rows[0]?.year ?? null
	};
}

/**
 * Everything the map's panel shows for one occupation: pay, preparation, skills, credentials,
 * the local programs that feed it (the occupation page's own query), representation, demand and
 * supply, and the moves into and out of it with the wage change of each step.
 */
export function pathwayNodeDetails(
	db: Db,
	area: string,
	soc: string,
	options: AreaOptions & { programs?: number } = {}
): NodeDetails {
	const model = areaModel(db, area, options);
	const row = rowFor(model, soc);
	const nodes = mapNodes(db, model.rows);
	const bySoc = new Map(nodes.map((n) => [n.soc, n]));
	const node = bySoc.get(soc)!;
	const move = (e: PathwayEdge, other: string): NodeMove => {
		const change = edgeWageChange(e, bySoc);
		return {
			soc: other,
			title: bySoc.get(other)?.title ?? other,
			source: e.source,
			wageChange: change.premium,
			wageChangeAtLeast: change.atLeast,
			paysMore: change.paysMore
		};
	};
	// Largest wage change first; unknown changes last.
	const byChange = (a: NodeMove, b: NodeMove) =>
		(b.wageChange ?? -Infinity) - (a.wageChange ?? -Infinity) || a.title.localeCompare(b.title);
	const edges = allEdges(db, area).filter((e) => bySoc.has(e.from) && bySoc.has(e.to));
	const credentials = credentialsFor(db, soc, model.area.code);
	const runIds = new Set(model.sources.map((s) => s.runId));
	for (const c of credentials) runIds.add(c.runId);
	for (const table of ['onet_job_zones', 'onet_technology_skills', 'onet_related'] as const) {
		const id = latestRun(db, table);
		if (id !== null) runIds.add(id);
	}
	const known = new Map(model.sources.map((s) => [s.runId, s]));
	return {
		area: model.area,
		year: model.year,
		soc,
		title: row.title,
		level: node.level,
		category: row.category,
		medianAnnualWage: row.medianAnnualWage,
		wageTopCoded: row.medianTopCoded,
		entryAnnualWage: row.entryAnnualWage,
		wageToRegionalMedian: row.wageToRegionalMedian,
		regionalMedianWage: model.regionalMedianWage,
		employment: row.employment,
		openings: row.openings,
		openingsMethod: row.openingsMethod,
		supply: row.supply,
		supplyGap: row.supplyGap,
		entryEducation: row.entryEducation,
		workExperience: row.workExperience,
		jobTraining: row.jobTraining,
		jobZone: node.jobZone,
		skills: technologySkills(db, soc, 10),
		credentials,
		programs: summarisePrograms(programsFeeding(db, soc, model.placement), options.programs ?? 8),
		representation: row.representation,
		representationGeography: model.representation.geography,
		comesFrom: edges
			.filter((e) => e.to === soc)
			.map((e) => move(e, e.from))
			.sort(byChange),
		leadsTo: edges
			.filter((e) => e.from === soc)
			.map((e) => move(e, e.to))
			.sort(byChange),
		sources: [...runIds]
			.map((id) => known.get(id) ?? runRef(db, id))
			.filter((r): r is RunRef => r !== null)
	};
}

/** What to train for at one step of a route: the largest local programs and the credentials. */
export interface StepTraining {
	programs: ProgramSummary;
	credentials: string[];
}

/**
 * Training for each occupation on the found routes: the `limit` largest programs by completions
 * (the occupation page's query) and the names of the imported credentials.
 */
export function routeTraining(
	db: Db,
	area: PathwaysReport['area'],
	routes: readonly Route[],
	limit = 3
): Record<string, StepTraining> {
	const socs = [...new Set(routes.flatMap((r) => r.steps))];
	const placement = placementFor(db, area);
	const names = credentialNamesFor(db, socs, area.code);
	const out: Record<string, StepTraining> = {};
	for (const soc of socs) {
		out[soc] = {
			programs: summarisePrograms(programsFeeding(db, soc, placement), limit),
			credentials: names.get(soc) ?? []
		};
	}
	return out;
}

/** Reads the map's state from the URL (shared by the page and the API). */
export function readPathwayOptions(url: URL): PathwayOptions {
	const p = url.searchParams;
	const soc = (v: string | null) => (v && isSocCode(v) ? v : undefined);
	const focus = soc(p.get('focus'));
	const category = p.get('category');
	const scope: PathwayScope = focus
		? { kind: 'focus', soc: focus, steps: 2 }
		: category
			? { kind: 'category', category }
			: { kind: 'digital' };
	const objectiveText = p.get('objective');
	const objective: RouteObjective =
		objectiveText === 'never-lower' || objectiveText === 'fewest-steps'
			? objectiveText
			: 'largest-gain';
	const stepsText = p.get('steps');
	const steps = stepsText && /^[1-6]$/.test(stepsText) ? Number(stepsText) : 4;
	const yearText = p.get('year');
	return {
		year: yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined,
		scope,
		from: soc(p.get('from')),
		to: soc(p.get('to')),
		steps,
		objective,
		sizeBy: p.get('size') === 'openings' ? 'openings' : 'employment'
	};
}

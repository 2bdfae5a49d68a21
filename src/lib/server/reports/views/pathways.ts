/**
 * The career-pathway map of an area over the second version of the method (docs/METHODS.md §
 * Pathways): occupations as nodes, moves with a direction and a feasibility (moves.ts), a small
 * map scope (map-scope.ts), routes ranked by an objective (career-routes.ts) with what each step
 * takes (skills.ts, step-plan.ts), and the layered layout (pathway-layout-v2.ts).
 */
import {
	findCareerRoutes,
	indexMoves,
	ROUTE_OBJECTIVES,
	type CareerObjective,
	type CareerRoute,
	type RouteStep
} from '../../../analysis/career-routes';
import type {
	CredentialLevel,
	FundingSource,
	ReferenceCredential
} from '../../../analysis/credentials-reference';
import { buildMoves, isCatchAll, type Move, type MoveSource } from '../../../analysis/moves';
import { focusMap, strongestMoves } from '../../../analysis/map-scope';
import { layoutPathwaysV2, type PathwayLayoutV2 } from '../../../analysis/pathway-layout-v2';
import { pathwayLevel, type PathwayEdge, type PathwayNode } from '../../../analysis/pathways';
import {
	hotTechnologiesToLearn,
	skillProfiles,
	socSkillProfiles,
	skillsToBuild,
	type SkillProfile,
	type SkillToBuild,
	type TechnologyInput
} from '../../../analysis/skills';
import {
	credentialsForStep,
	fundingForStep,
	isShortAward,
	preparationStep,
	programsForStep,
	type PreparationStep,
	type StepPrograms
} from '../../../analysis/step-plan';
import { isSocCode } from '../../../domain/codes';
import type { AreaRow } from '../../../domain/rows';
import type { Db } from '../../db/client';
import { credentialsFor, type CredentialRow } from '../../db/queries/credentials';
import { CURATED_REMOVED } from '../../db/queries/curated';
import {
	jobZones,
	programsFeeding,
	technologySkills,
	type ProgramRow,
	type TechSkill
} from '../../db/queries/occupation';
import {
	credentialReference,
	fundingReference,
	skillRatings
} from '../../db/queries/pathway-reference';
import { importedEdges, onetRelations } from '../../db/queries/pathways';
import { latestRun } from '../../db/queries/runs';
import { runRef, type RunRef } from '../../db/queries/sources';
import { areaModel, type AreaModel, type AreaOptions } from '../area-model';
import { rowFor } from './occupation';

/**
 * The map's drawing width: the widest its column gets beside the job-details panel (a 75rem page
 * less the 22rem panel). Laid out at 960 it overflowed that column, so the last column's labels
 * looked cut off until the map was scrolled sideways.
 */
const MAP_WIDTH = 780;

export type PathwayScope =
	{ kind: 'category'; category: string } | { kind: 'digital' } | { kind: 'focus'; soc: string };

export interface PathwayOptions {
	year?: number;
	scope: PathwayScope;
	from?: string;
	to?: string;
	/** At most this many moves per route (1–4); default 3. */
	steps?: number;
	objective?: CareerObjective;
	sizeBy?: 'employment' | 'openings';
	/** Draw every move among the shown occupations, not only each one's strongest. */
	showAllMoves?: boolean;
	/** Every local program of a step, not only those that fit it. */
	allPrograms?: boolean;
}

export interface MapNode extends PathwayNode {
	supplyGap: number | null;
	livingWageRatio: number | null;
	underRepresented: string[];
	catchAll: boolean;
}

/** A move as the map and the API show it: the move itself and its best source in words. */
export interface MapEdge extends Move {
	/** The best source: `onet`, `curated`, `skills` or an imported file's label. */
	source: string;
	tier: string | null;
	note: string | null;
}

/** A credential as a step lists it: the fee always with its date and its sources. */
export interface StepCredential {
	id: string;
	name: string;
	issuer: string;
	level: CredentialLevel;
	feeUsd: number | null;
	feeBasis: string | null;
	feeAsOf: string | null;
	sources: string[];
}

export interface StepFunding {
	id: string;
	name: string;
	administrator: string;
	typicalMaxUsd: number | null;
	sources: string[];
}

/** One step of a route with what it takes. */
export interface PlannedStep extends RouteStep {
	skillsToBuild: SkillToBuild[];
	/** False when O*NET rates no skills for the next job (the list above is then empty). */
	skillsKnown: boolean;
	hotTechnologies: TechnologyInput[];
	preparation: PreparationStep;
	credentials: StepCredential[];
	programs: StepPrograms<ProgramRow>;
	funding: StepFunding[];
	/** Groups under-represented in the next job here (representation rule of the area model). */
	underRepresented: string[];
}

export interface PlannedRoute extends Omit<CareerRoute, 'steps'> {
	steps: PlannedStep[];
}

export interface PathwaysReport {
	area: AreaModel['area'];
	year: number;
	/** The occupation groups the area's data hold: the map has nodes for these only. */
	coverage: AreaModel['coverage'];
	nodes: MapNode[];
	edges: MapEdge[];
	/** Moves among the shown occupations left out of the map (behind "show all moves"). */
	hiddenMoves: number;
	/** Occupations a focus map reached but did not show. */
	hiddenNodes: number;
	routes: PlannedRoute[];
	objective: CareerObjective;
	/** All occupations of the area, for the pickers, with their category (digital first). */
	choices: { soc: string; title: string; category: string | null }[];
	layout: PathwayLayoutV2;
	sources: AreaModel['sources'];
	edgeSources: string[];
	/** The reference tables behind the step plans: counts, for the "starting point" note. */
	reference: { credentials: number; funding: number; skills: boolean };
}

/**
 * O*NET relations as SOC pairs plus every imported pathway edge, less curated removals, and the
 * removals themselves (`from>to`): a removal hides the move from every source, whichever way a
 * source lists the pair, so the caller drops them again from the built moves.
 */
function allEdges(db: Db, area: string): { edges: PathwayEdge[]; removed: Set<string> } {
	const onet: PathwayEdge[] = onetRelations(db).map((r) => ({
		from: r.from,
		to: r.to,
		source: 'onet',
		tier: r.tier,
		rank: r.rank,
		note: null
	}));
	const imported = importedEdges(db, area);
	const removed = new Set(
		imported.filter((r) => r.source === CURATED_REMOVED).map((r) => `${r.from}>${r.to}`)
	);
	const edges = [
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
	return { edges, removed };
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
			underRepresented: underRepresented(r),
			catchAll: isCatchAll(r.soc)
		};
	});
}

const underRepresented = (r: AreaRow) =>
	r.representation.filter((c) => c.flag === 'under-represented').map((c) => c.group);

/** The best source of a move in one word, and its O*NET tier and note. */
function sourceLabel(sources: readonly MoveSource[]): Pick<MapEdge, 'source' | 'tier' | 'note'> {
	const s = sources[0];
	if (!s) return { source: 'unknown', tier: null, note: null };
	if (s.kind === 'onet') return { source: 'onet', tier: s.tier, note: null };
	if (s.kind === 'curated') return { source: 'curated', tier: null, note: s.note };
	if (s.kind === 'imported') return { source: s.label, tier: null, note: s.note };
	return { source: 'skills', tier: null, note: null };
}

interface AreaGraph {
	nodes: MapNode[];
	bySoc: Map<string, MapNode>;
	moves: Move[];
	profiles: Map<string, SkillProfile>;
	edgeSources: string[];
}

// One graph per area model: the model is memoised per data version, so this is too.
const graphs = new WeakMap<AreaModel, AreaGraph>();

function areaGraph(db: Db, model: AreaModel): AreaGraph {
	const known = graphs.get(model);
	if (known) return known;
	const nodes = mapNodes(db, model.rows);
	const bySoc = new Map(nodes.map((n) => [n.soc, n]));
	const all = allEdges(db, model.area.code);
	const edges = all.edges.filter((e) => bySoc.has(e.from) && bySoc.has(e.to));
	const profiles = socSkillProfiles(skillProfiles(skillRatings(db)));
	// Moves run toward more preparation, so a pair O*NET lists the other way round can come back
	// as the removed move: drop removals again after building.
	const removed = all.removed;
	const moves = buildMoves(nodes, edges, { profiles }).moves.filter(
		(m) => !removed.has(`${m.from}>${m.to}`)
	);
	const graph = {
		nodes,
		bySoc,
		moves,
		profiles,
		edgeSources: [...new Set(edges.map((e) => e.source))]
	};
	graphs.set(model, graph);
	return graph;
}

const toCredential = (c: ReturnType<typeof credentialReference>[number]): ReferenceCredential => ({
	id: c.id,
	name: c.name,
	issuer: c.issuer,
	kind: c.kind,
	category: c.category,
	level: c.level as CredentialLevel,
	socCodes: c.socCodes.split(';'),
	feeUsd: c.feeUsd,
	feeBasis: c.feeBasis,
	feeAsOf: c.feeAsOf,
	typicalPrep: c.typicalPrep,
	prerequisites: c.prerequisites,
	renewal: c.renewal,
	dod8140: c.dod8140 as ReferenceCredential['dod8140'],
	sources: c.sourceUrls.split(';'),
	notes: c.notes,
	line: c.line
});

const toFunding = (f: ReturnType<typeof fundingReference>[number]): FundingSource => ({
	id: f.id,
	name: f.name,
	administrator: f.administrator,
	whoQualifies: f.whoQualifies,
	covers: f.covers,
	typicalMaxUsd: f.typicalMaxUsd,
	sources: f.sourceUrls.split(';'),
	line: f.line
});

/** The shown part of a credential: fee, its date and its sources always together. */
const stepCredential = (c: ReferenceCredential): StepCredential => ({
	id: c.id,
	name: c.name,
	issuer: c.issuer,
	level: c.level,
	feeUsd: c.feeUsd,
	feeBasis: c.feeBasis,
	feeAsOf: c.feeAsOf,
	sources: c.sources
});

/**
 * What each step of the routes takes: skills to build and hot technologies (O*NET), the
 * education and experience step, reference credentials, the local programs that fit the step,
 * funding pointers and the groups under-represented in the next job.
 */
function planRoutes(
	db: Db,
	model: AreaModel,
	graph: AreaGraph,
	routes: readonly CareerRoute[],
	allPrograms: boolean
): PlannedRoute[] {
	const credentials = credentialReference(db).map(toCredential);
	const funding = fundingReference(db).map(toFunding);
	const rows = new Map(model.rows.map((r) => [r.soc, r]));
	const tech = new Map<string, TechSkill[]>();
	const techOf = (soc: string) => {
		let list = tech.get(soc);
		if (!list) tech.set(soc, (list = technologySkills(db, soc, 500)));
		return list;
	};
	const prep = (soc: string) => {
		const r = rows.get(soc);
		return {
			jobZone: graph.bySoc.get(soc)?.jobZone ?? null,
			entryEducation: r?.entryEducation ?? null,
			workExperience: r?.workExperience ?? null
		};
	};
	return routes.map((route) => ({
		...route,
		steps: route.steps.map((step): PlannedStep => {
			const next = graph.bySoc.get(step.to)!;
			const creds = credentialsForStep(credentials, step.to);
			const programs = programsForStep(
				programsFeeding(db, step.to, model.placement),
				{ entryEducation: next.entryEducation, level: next.level },
				{ showAll: allPrograms }
			);
			const listed = programs.groups.flatMap((g) => g.programs);
			return {
				...step,
				skillsToBuild: skillsToBuild(graph.profiles.get(step.from), graph.profiles.get(step.to)),
				skillsKnown: graph.profiles.has(step.to),
				hotTechnologies: hotTechnologiesToLearn(techOf(step.from), techOf(step.to)),
				preparation: preparationStep(prep(step.from), prep(step.to)),
				credentials: creds.map(stepCredential),
				programs,
				funding: fundingForStep(funding, {
					credentials: creds.length,
					shortPrograms: listed.filter((p) => isShortAward(p.awardLevel)).length,
					bachelorPrograms: listed.filter((p) => p.awardLevel === 5).length
				}).map((f) => ({
					id: f.id,
					name: f.name,
					administrator: f.administrator,
					typicalMaxUsd: f.typicalMaxUsd,
					sources: f.sources
				})),
				underRepresented: next.underRepresented
			};
		})
	}));
}

const DIGITAL_FIRST = (a: MapNode, b: MapNode) =>
	Number(a.category === null) - Number(b.category === null) || a.title.localeCompare(b.title);

const choicesOf = (nodes: readonly MapNode[]) =>
	[...nodes].sort(DIGITAL_FIRST).map((n) => ({ soc: n.soc, title: n.title, category: n.category }));

/** Every occupation of the area for the pickers, digital first (GET /api/pathways/occupations). */
export function pathwayChoices(db: Db, area: string, options: AreaOptions = {}) {
	return choicesOf(areaGraph(db, areaModel(db, area, options)).nodes);
}

export function pathwaysReport(db: Db, area: string, options: PathwayOptions): PathwaysReport {
	const model = areaModel(db, area, { year: options.year });
	const graph = areaGraph(db, model);
	const { nodes, bySoc, moves } = graph;
	const objective = options.objective ?? 'most-feasible';
	let found: CareerRoute[] = [];
	if (options.from && options.to && bySoc.has(options.from) && bySoc.has(options.to)) {
		found = findCareerRoutes(indexMoves(nodes, moves), options.from, options.to, {
			objective,
			maxSteps: options.steps ?? 3,
			limit: 3
		});
	}
	const routeKeys = new Set(found.flatMap((r) => r.steps.map((s) => `${s.from}>${s.to}`)));
	const routeMoves = new Set(moves.filter((m) => routeKeys.has(`${m.from}>${m.to}`)));
	const scope = options.scope;
	const scoped =
		scope.kind === 'focus'
			? focusMap(nodes, moves, scope.soc, { showAll: options.showAllMoves })
			: strongestMoves(
					nodes.filter((n) =>
						scope.kind === 'category' ? n.category === scope.category : n.category !== null
					),
					moves,
					{ showAll: options.showAllMoves, keep: routeMoves }
				);
	// Routes stay visible on the map even when they leave the scope.
	const shown = new Set(scoped.nodes.map((n) => n.soc));
	const routeSocs = found.flatMap((r) => r.path).filter((s) => !shown.has(s));
	for (const s of routeSocs) shown.add(s);
	const shownNodes = nodes.filter((n) => shown.has(n.soc));
	const shownMoves = [...scoped.moves, ...[...routeMoves].filter((m) => !scoped.moves.includes(m))];
	const edges: MapEdge[] = shownMoves.map((m) => ({ ...m, ...sourceLabel(m.sources) }));
	return {
		area: model.area,
		year: model.year,
		coverage: model.coverage,
		nodes: shownNodes,
		edges,
		hiddenMoves: scoped.hiddenMoves,
		hiddenNodes: scoped.hiddenNodes,
		routes: planRoutes(db, model, graph, found, options.allPrograms ?? false),
		objective,
		choices: choicesOf(nodes),
		layout: layoutPathwaysV2(
			{ nodes: shownNodes, edges: shownMoves },
			{ sizeBy: options.sizeBy ?? 'employment', width: MAP_WIDTH }
		),
		sources: model.sources,
		edgeSources: graph.edgeSources,
		reference: {
			credentials: credentialReference(db).length,
			funding: fundingReference(db).length,
			skills: graph.profiles.size > 0
		}
	};
}

// ---------------------------------------------------------------------------------------------
// One node's details (the map's side panel and GET /api/pathways/node)
// ---------------------------------------------------------------------------------------------

/** A move into or out of the node: direction, feasibility and the wage change of the step. */
export interface NodeMove {
	soc: string;
	title: string;
	source: string;
	tier: string | null;
	direction: Move['direction'];
	feasibility: number;
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
	/** Credentials a board imported for the occupation. */
	credentials: CredentialRow[];
	/** Credentials of the reference table mapped to the occupation (entry-level, cheapest first). */
	referenceCredentials: StepCredential[];
	programs: ProgramSummary;
	representation: AreaRow['representation'];
	representationGeography: AreaModel['representation']['geography'];
	/** Moves into the job (feeders), most feasible first. */
	comesFrom: NodeMove[];
	/** Moves out of it (next steps), most feasible first. */
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
 * supply, and the moves into and out of it with direction, feasibility and wage change.
 */
export function pathwayNodeDetails(
	db: Db,
	area: string,
	soc: string,
	options: AreaOptions & { programs?: number } = {}
): NodeDetails {
	const model = areaModel(db, area, options);
	const row = rowFor(model, soc);
	const graph = areaGraph(db, model);
	const node = graph.bySoc.get(soc)!;
	const move = (m: Move, other: string): NodeMove => {
		const label = sourceLabel(m.sources);
		return {
			soc: other,
			title: graph.bySoc.get(other)?.title ?? other,
			source: label.source,
			tier: label.tier,
			direction: m.direction,
			feasibility: m.feasibility,
			wageChange: m.wageChange,
			wageChangeAtLeast: m.wageChangeAtLeast,
			paysMore: m.wageChange === null ? null : m.wageChange > 0
		};
	};
	const byFeasibility = (a: NodeMove, b: NodeMove) =>
		b.feasibility - a.feasibility || a.title.localeCompare(b.title);
	const credentials = credentialsFor(db, soc, model.area.code);
	const runIds = new Set(model.sources.map((s) => s.runId));
	for (const c of credentials) runIds.add(c.runId);
	for (const table of [
		'onet_job_zones',
		'onet_technology_skills',
		'onet_related',
		'onet_skills',
		'credential_reference'
	] as const) {
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
		referenceCredentials: credentialsForStep(credentialReference(db).map(toCredential), soc).map(
			stepCredential
		),
		programs: summarisePrograms(programsFeeding(db, soc, model.placement), options.programs ?? 8),
		representation: row.representation,
		representationGeography: model.representation.geography,
		comesFrom: graph.moves
			.filter((m) => m.to === soc)
			.map((m) => move(m, m.from))
			.sort(byFeasibility),
		leadsTo: graph.moves
			.filter((m) => m.from === soc)
			.map((m) => move(m, m.to))
			.sort(byFeasibility),
		sources: [...runIds]
			.map((id) => known.get(id) ?? runRef(db, id))
			.filter((r): r is RunRef => r !== null)
	};
}

/** Reads the map's state from the URL (shared by the page and the API). */
export function readPathwayOptions(url: URL): PathwayOptions {
	const p = url.searchParams;
	const soc = (v: string | null) => (v && isSocCode(v) ? v : undefined);
	const focus = soc(p.get('focus'));
	const category = p.get('category');
	const scope: PathwayScope = focus
		? { kind: 'focus', soc: focus }
		: category
			? { kind: 'category', category }
			: { kind: 'digital' };
	const objectiveText = p.get('objective');
	const objective: CareerObjective = (ROUTE_OBJECTIVES as readonly string[]).includes(
		objectiveText ?? ''
	)
		? (objectiveText as CareerObjective)
		: 'most-feasible';
	const stepsText = p.get('steps');
	const steps = stepsText && /^[1-4]$/.test(stepsText) ? Number(stepsText) : 3;
	const yearText = p.get('year');
	return {
		year: yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined,
		scope,
		from: soc(p.get('from')),
		to: soc(p.get('to')),
		steps,
		objective,
		sizeBy: p.get('size') === 'openings' ? 'openings' : 'employment',
		showAllMoves: p.get('moves') === 'all',
		allPrograms: p.get('programs') === 'all'
	};
}

/**
 * Career moves with a direction and a feasibility a counsellor can explain.
 *
 * A move A → B is offered when B asks the same or more preparation than A (O*NET Job Zone, then
 * BLS typical entry education) and, at equal preparation, pays at least as much; never across
 * more than one Job Zone. Its feasibility is a weighted mean of three documented parts:
 * relatedness (O*NET tier or a board's own edge), skill similarity (`skillSimilarity`) and the
 * preparation step. A curated edge is an editor's word and keeps its direction even toward less
 * preparation (a move `down`). Catch-all occupations ("All Other", xx-xx99) are marked so routes never pass
 * through them. Pure: no db, no svelte. docs/METHODS.md § Pathways gives the formulas.
 */
import {
	educationTier,
	type PathwayEdge,
	type PathwayNode,
	type RelatednessTier
} from './pathways';
import { skillSimilarity, VIABLE_SIMILARITY, type SkillProfile } from './skills';
import { stepPremium } from './wages';

/** Where the evidence for a move comes from. */
export type MoveSource =
	| { kind: 'onet'; tier: RelatednessTier; rank: number | null }
	| { kind: 'curated'; note: string | null }
	| { kind: 'imported'; label: string; note: string | null }
	| { kind: 'skills' };

export type MoveDirection = 'up' | 'lateral' | 'down';

export interface FeasibilityParts {
	/** 0–1 from the best source: Primary-Short or curated 1, Primary-Long or imported 0.75,
	 * Supplemental 0.5, skill similarity alone 0. */
	relatedness: number;
	/** `skillSimilarity` of the two profiles, 0–1; null when either profile is missing. */
	skills: number | null;
	/** 1 − 0.5 × Job Zone step − 0.25 × education step (tiers, at most 2), floored at 0;
	 * null when neither Job Zones nor entry educations are known for both. */
	preparation: number | null;
}

export interface FeasibilityWeights {
	relatedness: number;
	skills: number;
	preparation: number;
}

export const DEFAULT_WEIGHTS: FeasibilityWeights = {
	relatedness: 0.4,
	skills: 0.4,
	preparation: 0.2
};

export interface Move {
	from: string;
	to: string;
	/** Every source that lists the pair, best first (O*NET tiers, curated, imported, skills). */
	sources: MoveSource[];
	/** `down` only for a curated move: an editor may send people toward less preparation. */
	direction: MoveDirection;
	jobZone: { from: number | null; to: number | null };
	/** Typical entry education, as published (BLS EP). */
	entryEducation: { from: string | null; to: string | null };
	/** Wage change Δ = (W_to − W_from) / W_from; see `stepPremium`. */
	wageChange: number | null;
	wageChangeAtLeast: boolean;
	/** 0–1: Σ wᵢ·partᵢ / Σ wᵢ over the known parts. */
	feasibility: number;
	parts: FeasibilityParts;
	/** Skills similarity ≥ the viable threshold (Nesta's "viable" test); null when unknown. */
	similarEnough: boolean | null;
	/** The move's ends that are catch-all codes. */
	catchAll: { from: boolean; to: boolean };
}

export type RejectReason = 'down' | 'zone-jump' | 'unknown-node' | 'self';

export interface RejectedMove {
	from: string;
	to: string;
	reason: RejectReason;
	sources: MoveSource[];
}

export interface MoveOptions {
	/** Skill profiles by node key (`soc`); without them the skills part is unknown. */
	profiles?: ReadonlyMap<string, SkillProfile>;
	/** Similarity counted as viable; default VIABLE_SIMILARITY. */
	viableSimilarity?: number;
	/**
	 * Per occupation, add up to this many moves found by skill similarity alone (the most
	 * similar others at or above the viable threshold, not already related); default 0.
	 */
	similarNeighbours?: number;
	weights?: FeasibilityWeights;
}

// ---------------------------------------------------------------------------------------------
// Marks and direction

/**
 * A catch-all code: a SOC "All Other" code (xx-xx99) or its O*NET `.00` row. O*NET's own
 * children of such codes (`15-1299.08` Computer Systems Engineers/Architects) are specific
 * occupations and are not catch-alls.
 */
export function isCatchAll(code: string): boolean {
	return /^\d{2}-\d{2}99(\.00)?$/.test(code);
}

/** Education ranks finer than the levels: no credential < high school < sub-bachelor < … */
const EDUCATION_STEP: Record<string, number> = {
	none: 0,
	secondary: 1,
	'sub-bachelor': 2,
	bachelor: 3,
	graduate: 4
};

const educationRank = (entryEducation: string | null | undefined): number | null => {
	const tier = educationTier(entryEducation);
	return tier === null ? null : EDUCATION_STEP[tier]!;
};

const validZone = (z: number | null | undefined): number | null =>
	z !== null && z !== undefined && Number.isInteger(z) && z >= 1 && z <= 5 ? z : null;

type DirectionNode = Pick<
	PathwayNode,
	'jobZone' | 'entryEducation' | 'medianAnnualWage' | 'wageTopCoded'
>;

/**
 * Direction of a move by preparation, then pay:
 * 1. Job Zone: higher → up, lower → down (when both are known);
 * 2. same or unknown zone: typical entry education tier, the same way;
 * 3. same preparation (or unknown): the wage change — a known cut → down, a rise → up, else
 *    (no change, or a wage unknown) lateral.
 */
export function moveDirection(from: DirectionNode, to: DirectionNode): MoveDirection {
	const za = validZone(from.jobZone);
	const zb = validZone(to.jobZone);
	if (za !== null && zb !== null && za !== zb) return zb > za ? 'up' : 'down';
	const ea = educationRank(from.entryEducation);
	const eb = educationRank(to.entryEducation);
	if (ea !== null && eb !== null && ea !== eb) return eb > ea ? 'up' : 'down';
	const pay = stepPremium(
		{ value: from.medianAnnualWage, topCoded: from.wageTopCoded },
		{ value: to.medianAnnualWage, topCoded: to.wageTopCoded }
	).premium;
	if (pay === null || pay === 0) return 'lateral';
	return pay > 0 ? 'up' : 'down';
}

// ---------------------------------------------------------------------------------------------
// Feasibility

const TIER_SCORE: Record<RelatednessTier, number> = {
	'Primary-Short': 1,
	'Primary-Long': 0.75,
	Supplemental: 0.5
};

function sourceScore(s: MoveSource): number {
	switch (s.kind) {
		case 'onet':
			return TIER_SCORE[s.tier];
		case 'curated':
			return 1;
		case 'imported':
			return 0.75;
		case 'skills':
			return 0;
	}
}

const SOURCE_ORDER: Record<MoveSource['kind'], number> = {
	onet: 0,
	curated: 1,
	imported: 2,
	skills: 3
};

const bySourceStrength = (a: MoveSource, b: MoveSource) =>
	sourceScore(b) - sourceScore(a) || SOURCE_ORDER[a.kind] - SOURCE_ORDER[b.kind];

/** The preparation part; null when neither measure is known at both ends. */
export function preparationScore(from: DirectionNode, to: DirectionNode): number | null {
	const za = validZone(from.jobZone);
	const zb = validZone(to.jobZone);
	const ea = educationRank(from.entryEducation);
	const eb = educationRank(to.entryEducation);
	const zoneStep = za !== null && zb !== null ? Math.max(0, zb - za) : null;
	const eduStep = ea !== null && eb !== null ? Math.min(2, Math.max(0, eb - ea)) : null;
	if (zoneStep === null && eduStep === null) return null;
	return Math.max(0, 1 - 0.5 * (zoneStep ?? 0) - 0.25 * (eduStep ?? 0));
}

/** Σ wᵢ·partᵢ / Σ wᵢ over the parts that are known (relatedness always is). */
export function feasibilityScore(
	parts: FeasibilityParts,
	weights: FeasibilityWeights = DEFAULT_WEIGHTS
): number {
	let sum = weights.relatedness * parts.relatedness;
	let total = weights.relatedness;
	if (parts.skills !== null) {
		sum += weights.skills * parts.skills;
		total += weights.skills;
	}
	if (parts.preparation !== null) {
		sum += weights.preparation * parts.preparation;
		total += weights.preparation;
	}
	return total > 0 ? sum / total : 0;
}

// ---------------------------------------------------------------------------------------------
// Building the moves

function edgeSource(e: PathwayEdge): MoveSource {
	if (e.source === 'onet' && e.tier !== null) return { kind: 'onet', tier: e.tier, rank: e.rank };
	if (e.source === 'curated') return { kind: 'curated', note: e.note };
	return { kind: 'imported', label: e.source, note: e.note };
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sourceKey(s: MoveSource): string {
	switch (s.kind) {
		case 'onet':
			return `onet|${s.tier}|${s.rank}`;
		case 'curated':
			return `curated|${s.note}`;
		case 'imported':
			return `imported|${s.label}|${s.note}`;
		case 'skills':
			return 'skills';
	}
}

/**
 * Moves from the graph's edges (and, optionally, skill similarity), each with its direction,
 * sources and feasibility; and the listed pairs that are NOT offered, with the reason.
 *
 * - O*NET related occupations are read as evidence that two jobs are close, not as a
 *   direction: the pair A–B (from either list, best tier kept) becomes the move in the upward
 *   direction by `moveDirection`; a lateral pair becomes a move each way.
 * - Curated and imported edges keep the direction their file gives. A curated edge is kept even
 *   when it goes down (toward less preparation): it is the editor's stated move, its own
 *   candidate with its `curated` source, never folded into the O*NET move the other way. An
 *   imported edge that goes down is rejected (`down`).
 * - Any move of more than one Job Zone is rejected (`zone-jump`): the step in between is the
 *   move to offer.
 * - `similarNeighbours` > 0 adds skill-similarity moves (source `skills`).
 *
 * Output order: moves by (from, to); rejected by (from, to). Deterministic for any input order.
 */
export function buildMoves(
	nodes: readonly PathwayNode[],
	edges: readonly PathwayEdge[],
	options: MoveOptions = {}
): { moves: Move[]; rejected: RejectedMove[] } {
	const weights = options.weights ?? DEFAULT_WEIGHTS;
	const viable = options.viableSimilarity ?? VIABLE_SIMILARITY;
	const profiles = options.profiles;
	const bySoc = new Map(nodes.map((n) => [n.soc, n]));

	/** key "a>b" → sources of the DIRECTED candidate (and their keys, to list each once). */
	const candidates = new Map<string, MoveSource[]>();
	const sourceKeys = new Set<string>();
	const rejected: RejectedMove[] = [];
	const add = (from: string, to: string, s: MoveSource) => {
		const k = `${from}>${to}`;
		const sk = `${k}|${sourceKey(s)}`;
		if (sourceKeys.has(sk)) return;
		sourceKeys.add(sk);
		const list = candidates.get(k);
		if (!list) candidates.set(k, [s]);
		else list.push(s);
	};
	const reject = (from: string, to: string, reason: RejectReason, s: MoveSource) =>
		rejected.push({ from, to, reason, sources: [s] });

	const orientPair = (a: string, b: string, s: MoveSource) => {
		const dir = moveDirection(bySoc.get(a)!, bySoc.get(b)!);
		if (dir === 'up') add(a, b, s);
		else if (dir === 'down') add(b, a, s);
		else {
			add(a, b, s);
			add(b, a, s);
		}
	};

	for (const e of edges) {
		const s = edgeSource(e);
		if (e.from === e.to) {
			reject(e.from, e.to, 'self', s);
			continue;
		}
		if (!bySoc.has(e.from) || !bySoc.has(e.to)) {
			reject(e.from, e.to, 'unknown-node', s);
			continue;
		}
		if (s.kind === 'onet') orientPair(e.from, e.to, s);
		else if (s.kind === 'curated') add(e.from, e.to, s);
		else if (moveDirection(bySoc.get(e.from)!, bySoc.get(e.to)!) === 'down') {
			reject(e.from, e.to, 'down', s);
		} else add(e.from, e.to, s);
	}

	const similarity = new Map<string, number | null>();
	const simOf = (a: string, b: string): number | null => {
		if (!profiles) return null;
		const k = a < b ? `${a}|${b}` : `${b}|${a}`;
		if (similarity.has(k)) return similarity.get(k)!;
		const pa = profiles.get(a);
		const pb = profiles.get(b);
		const v = pa && pb ? skillSimilarity(pa, pb) : null;
		similarity.set(k, v);
		return v;
	};

	const neighbours = Math.floor(options.similarNeighbours ?? 0);
	if (profiles && neighbours > 0) {
		const keyed = nodes
			.filter((n) => profiles.has(n.soc))
			.map((n) => n.soc)
			.sort(byCode);
		const related = new Set<string>();
		for (const k of candidates.keys()) {
			const [a, b] = k.split('>') as [string, string];
			related.add(a < b ? `${a}|${b}` : `${b}|${a}`);
		}
		for (const a of keyed) {
			const best: { b: string; sim: number }[] = [];
			for (const b of keyed) {
				if (a === b || related.has(a < b ? `${a}|${b}` : `${b}|${a}`)) continue;
				const sim = simOf(a, b);
				if (sim !== null && sim >= viable) best.push({ b, sim });
			}
			best.sort((x, y) => y.sim - x.sim || byCode(x.b, y.b));
			for (const { b } of best.slice(0, neighbours)) orientPair(a, b, { kind: 'skills' });
		}
	}

	const moves: Move[] = [];
	for (const [k, sources] of [...candidates].sort((x, y) => byCode(x[0], y[0]))) {
		const [from, to] = k.split('>') as [string, string];
		const a = bySoc.get(from)!;
		const b = bySoc.get(to)!;
		sources.sort(bySourceStrength);
		const za = validZone(a.jobZone);
		const zb = validZone(b.jobZone);
		if (za !== null && zb !== null && Math.abs(zb - za) > 1) {
			rejected.push({ from, to, reason: 'zone-jump', sources });
			continue;
		}
		const skills = simOf(from, to);
		const parts: FeasibilityParts = {
			relatedness: sourceScore(sources[0]!),
			skills,
			preparation: preparationScore(a, b)
		};
		const pay = stepPremium(
			{ value: a.medianAnnualWage, topCoded: a.wageTopCoded },
			{ value: b.medianAnnualWage, topCoded: b.wageTopCoded }
		);
		moves.push({
			from,
			to,
			sources,
			direction: moveDirection(a, b),
			jobZone: { from: za, to: zb },
			entryEducation: { from: a.entryEducation, to: b.entryEducation },
			wageChange: pay.premium,
			wageChangeAtLeast: pay.atLeast,
			feasibility: feasibilityScore(parts, weights),
			parts,
			similarEnough: skills === null ? null : skills >= viable,
			catchAll: { from: isCatchAll(from), to: isCatchAll(to) }
		});
	}
	rejected.sort((x, y) => byCode(x.from, y.from) || byCode(x.to, y.to));
	return { moves, rejected };
}

/**
 * O*NET skill profiles (the 35 Skills: importance 1–5 and level 0–7 per occupation), the
 * similarity of two profiles, the skills a move asks to build and the hot technologies it adds.
 * Pure: no db, no svelte.
 */

/** One row of O*NET `Skills.txt` as the importer hands it over (other scales are ignored). */
export interface SkillRow {
	/** O*NET-SOC code (`15-1232.00`) or any node key. */
	code: string;
	/** Element ID, e.g. `2.A.1.a`. */
	elementId: string;
	elementName: string;
	/** `IM` (importance) or `LV` (level); other scale ids are ignored. */
	scaleId: string;
	value: number;
	/** O*NET's `Not Relevant = Y` on an LV row: the level counts as 0. */
	notRelevant: boolean;
}

export interface SkillRating {
	name: string;
	/** 1–5; null when the importance row is missing. */
	importance: number | null;
	/** 0–7; 0 when O*NET marks the skill not relevant; null when the level row is missing. */
	level: number | null;
}

/** Element ID → rating. */
export type SkillProfile = ReadonlyMap<string, SkillRating>;

/**
 * Rows of O*NET's tab-separated `Skills.txt` (header first, the 15 published columns: code in
 * column 1, element id and name in 3–4, scale id in 5, value in 7, Not Relevant in 13). For
 * the bench and the tests; the importer (phase 2) validates the file and names bad cells.
 */
export function skillRowsFromText(text: string): SkillRow[] {
	return text
		.split(/\r?\n/)
		.slice(1)
		.filter((line) => line.trim() !== '')
		.map((line) => line.split('\t'))
		.map((r) => ({
			code: r[0]!,
			elementId: r[2]!,
			elementName: r[3]!,
			scaleId: r[4]!,
			value: Number(r[6]),
			notRelevant: r[12] === 'Y'
		}));
}

/** Groups rows by code into profiles. A repeated (code, element, scale) keeps the last row. */
export function skillProfiles(rows: Iterable<SkillRow>): Map<string, SkillProfile> {
	const out = new Map<string, Map<string, SkillRating>>();
	for (const r of rows) {
		if (r.scaleId !== 'IM' && r.scaleId !== 'LV') continue;
		let profile = out.get(r.code);
		if (!profile) out.set(r.code, (profile = new Map()));
		const rating = profile.get(r.elementId) ?? {
			name: r.elementName,
			importance: null,
			level: null
		};
		if (r.scaleId === 'IM') rating.importance = r.value;
		else rating.level = r.notRelevant ? 0 : r.value;
		profile.set(r.elementId, rating);
	}
	return out;
}

/**
 * Profiles keyed by 6-digit SOC from profiles keyed by O*NET-SOC code: the SOC's own `.00`
 * profile when O*NET rates it; otherwise the mean of its rated children (`15-1299.08`, …), skill
 * by skill over the children that rate it. Codes that are already SOC codes pass through.
 */
export function socSkillProfiles(
	byOnetCode: ReadonlyMap<string, SkillProfile>
): Map<string, SkillProfile> {
	const groups = new Map<string, SkillProfile[]>();
	const own = new Map<string, SkillProfile>();
	for (const [code, profile] of byOnetCode) {
		const soc = code.slice(0, 7);
		if (code === soc || code.slice(7) === '.00') own.set(soc, profile);
		else groups.set(soc, [...(groups.get(soc) ?? []), profile]);
	}
	const out = new Map<string, SkillProfile>(own);
	for (const [soc, list] of groups) {
		if (out.has(soc)) continue;
		const merged = new Map<string, SkillRating>();
		const ids = new Set(list.flatMap((p) => [...p.keys()]));
		for (const id of [...ids].sort()) {
			const ratings = list.map((p) => p.get(id)).filter((r) => r !== undefined);
			const mean = (pick: (r: SkillRating) => number | null) => {
				const vs = ratings.map(pick).filter((v): v is number => v !== null);
				return vs.length === 0 ? null : vs.reduce((s, v) => s + v, 0) / vs.length;
			};
			merged.set(id, {
				name: ratings[0]!.name,
				importance: mean((r) => r.importance),
				level: mean((r) => r.level)
			});
		}
		out.set(soc, merged);
	}
	return out;
}

/**
 * Similarity of two skill profiles, 0–1: each profile becomes a vector of importance × level
 * over the skills BOTH rate (both ratings known), centred on its own mean, and the similarity is
 * the cosine of the two centred vectors (Pearson's r), with negative values read as 0.
 *
 * Why centred: every O*NET occupation rates every skill above zero, so the plain cosine of two
 * profiles sits between about 0.8 and 0.99 for almost any pair (O*NET 29.3: median 0.91 over
 * random pairs, 0.97 over Primary-Short related pairs) and separates little. Centring asks
 * whether the two jobs lean on the SAME skills more than on their others (median 0.69 random,
 * 0.91 Primary-Short).
 *
 * Null when fewer than 3 skills are rated by both, or when either vector is flat (every
 * importance × level equal), where the correlation is undefined.
 */
export function skillSimilarity(a: SkillProfile, b: SkillProfile): number | null {
	const xs: number[] = [];
	const ys: number[] = [];
	for (const [id, ra] of a) {
		const rb = b.get(id);
		if (!rb || ra.importance === null || ra.level === null) continue;
		if (rb.importance === null || rb.level === null) continue;
		xs.push(ra.importance * ra.level);
		ys.push(rb.importance * rb.level);
	}
	if (xs.length < 3) return null;
	const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
	const my = ys.reduce((s, v) => s + v, 0) / ys.length;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < xs.length; i++) {
		const dx = xs[i]! - mx;
		const dy = ys[i]! - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	if (sxx === 0 || syy === 0) return null;
	return Math.max(0, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * The similarity threshold calibrated on O*NET's own expert-reviewed relations: the value that
 * `share` of the given similarities (in practice, those of every Primary-Short pair) reach or
 * exceed. `share` 0.9 → the 10th percentile (nearest rank). Null for an empty list.
 */
export function calibrateThreshold(similarities: readonly number[], share = 0.9): number | null {
	const sorted = similarities.filter((v) => Number.isFinite(v)).sort((x, y) => x - y);
	if (sorted.length === 0) return null;
	const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil((1 - share) * sorted.length) - 1));
	return sorted[k]!;
}

/**
 * The default "viable" similarity: 0.77, the 10th percentile of `skillSimilarity` over O*NET
 * 29.3's 4,027 rated Primary-Short pairs (`calibrateThreshold(…, 0.9)`, measured by
 * bench/pathways.ts). Nine in ten of O*NET's closest relations clear it; over random pairs of
 * occupations about a quarter do.
 */
export const VIABLE_SIMILARITY = 0.77;

export interface SkillToBuild {
	elementId: string;
	name: string;
	/** Level in the current job (0–7); null when O*NET gives none. */
	fromLevel: number | null;
	/** Level the next job asks for. */
	toLevel: number;
	/** toLevel − fromLevel (fromLevel null counts as 0). */
	gap: number;
	/** Importance of the skill in the next job (1–5). */
	importance: number;
}

/**
 * The skills a move asks to build: skills the next job rates at importance ≥ `minImportance`
 * (default 3, "important" on O*NET's 1–5 scale) whose level there exceeds the current job's by
 * at least `minGap` (default 0.5 on the 0–7 scale), largest gap first (ties: higher importance,
 * then name), at most `limit` (default 5).
 */
export function skillsToBuild(
	from: SkillProfile | undefined,
	to: SkillProfile | undefined,
	options: { limit?: number; minImportance?: number; minGap?: number } = {}
): SkillToBuild[] {
	if (!to) return [];
	const limit = options.limit ?? 5;
	const minImportance = options.minImportance ?? 3;
	const minGap = options.minGap ?? 0.5;
	const out: SkillToBuild[] = [];
	for (const [elementId, rt] of to) {
		if (rt.level === null || rt.importance === null || rt.importance < minImportance) continue;
		const fromLevel = from?.get(elementId)?.level ?? null;
		const gap = rt.level - (fromLevel ?? 0);
		if (gap < minGap) continue;
		out.push({
			elementId,
			name: rt.name,
			fromLevel,
			toLevel: rt.level,
			gap,
			importance: rt.importance
		});
	}
	out.sort(
		(a, b) =>
			b.gap - a.gap ||
			b.importance - a.importance ||
			(a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
	);
	return out.slice(0, limit);
}

/** A technology skill of an occupation (O*NET Technology Skills: example, hot, in demand). */
export interface TechnologyInput {
	example: string;
	hot: boolean;
	inDemand: boolean;
}

/**
 * The next job's hot technologies the current job does not list (compared by example name,
 * ignoring case and spacing): in-demand ones first, then by name, at most `limit` (default 6).
 */
export function hotTechnologiesToLearn(
	from: readonly TechnologyInput[],
	to: readonly TechnologyInput[],
	limit = 6
): TechnologyInput[] {
	const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
	const known = new Set(from.map((t) => key(t.example)));
	const seen = new Set<string>();
	const out: TechnologyInput[] = [];
	for (const t of to) {
		const k = key(t.example);
		if (!t.hot || known.has(k) || seen.has(k)) continue;
		seen.add(k);
		out.push(t);
	}
	out.sort(
		(a, b) =>
			Number(b.inDemand) - Number(a.inDemand) ||
			(a.example < b.example ? -1 : a.example > b.example ? 1 : 0)
	);
	return out.slice(0, limit);
}

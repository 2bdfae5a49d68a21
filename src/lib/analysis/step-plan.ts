/**
 * What one step of a pathway takes, beyond skills (skills.ts): the education and experience
 * step, the reference credentials mapped to the next job, and the local programs that fit the
 * step. Pure: no db, no svelte.
 */
import type { CredentialLevel, FundingSource, ReferenceCredential } from './credentials-reference';
import { educationTier, type EducationTier, type PathwayLevel } from './pathways';

// ---------------------------------------------------------------------------------------------
// Education and experience

export interface PreparationInput {
	jobZone: number | null;
	/** BLS EP typical entry education, as published. */
	entryEducation: string | null;
	/** BLS EP work experience in a related occupation, as published. */
	workExperience: string | null;
}

export type Change = 'more' | 'same' | 'less';

export interface PreparationStep {
	jobZone: { from: number | null; to: number | null; change: Change | null };
	entryEducation: { from: string | null; to: string | null; change: Change | null };
	workExperience: { from: string | null; to: string | null };
}

const TIER_ORDER: Record<EducationTier, number> = {
	none: 0,
	secondary: 1,
	'sub-bachelor': 2,
	bachelor: 3,
	graduate: 4
};

const change = (a: number | null, b: number | null): Change | null =>
	a === null || b === null ? null : b > a ? 'more' : b < a ? 'less' : 'same';

/**
 * The education/experience step of a move. `change` compares Job Zones and education tiers
 * (no credential < high school < some college, nondegree award or associate's < bachelor's <
 * graduate); null when either end is unknown.
 */
export function preparationStep(from: PreparationInput, to: PreparationInput): PreparationStep {
	const tierRank = (e: string | null) => {
		const t = educationTier(e);
		return t === null ? null : TIER_ORDER[t];
	};
	return {
		jobZone: { from: from.jobZone, to: to.jobZone, change: change(from.jobZone, to.jobZone) },
		entryEducation: {
			from: from.entryEducation,
			to: to.entryEducation,
			change: change(tierRank(from.entryEducation), tierRank(to.entryEducation))
		},
		workExperience: { from: from.workExperience, to: to.workExperience }
	};
}

// ---------------------------------------------------------------------------------------------
// Credentials

const LEVEL_ORDER: Record<CredentialLevel, number> = { entry: 0, intermediate: 1, advanced: 2 };

/**
 * Reference credentials mapped to the next occupation (`toSoc`: a SOC code, or an O*NET code
 * whose first 7 characters are used), entry-level first, then cheapest (a reported fee before
 * none), then name. The rows keep fee, date and sources so each fee can be shown with both.
 */
export function credentialsForStep(
	credentials: readonly ReferenceCredential[],
	toSoc: string,
	limit = 8
): ReferenceCredential[] {
	const soc = toSoc.slice(0, 7);
	return credentials
		.filter((c) => c.socCodes.includes(soc))
		.sort(
			(a, b) =>
				LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
				(a.feeUsd === null
					? b.feeUsd === null
						? 0
						: 1
					: b.feeUsd === null
						? -1
						: a.feeUsd - b.feeUsd) ||
				(a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
		)
		.slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Programs

/** The fields of an IPEDS program row the filter needs (the server's ProgramRow fits). */
export interface StepProgram {
	unitid: string;
	institution: string;
	city: string | null;
	cip: string;
	cipTitle: string | null;
	/** IPEDS AWLEVEL code. */
	awardLevel: number;
	completions: number;
	year: number;
}

/**
 * IPEDS award level → the entry-education tier it reaches and a length order (shorter first).
 * 1, 2, 4 and 20, 21 are certificates below the bachelor's; 3 the associate's; 5 the
 * bachelor's; 6 (postbaccalaureate certificate), 7, 8 and 17–19 are graduate awards.
 */
const AWARDS: ReadonlyMap<number, { tier: EducationTier; length: number }> = new Map([
	[20, { tier: 'sub-bachelor', length: 0 }],
	[1, { tier: 'sub-bachelor', length: 1 }],
	[21, { tier: 'sub-bachelor', length: 1 }],
	[2, { tier: 'sub-bachelor', length: 2 }],
	[3, { tier: 'sub-bachelor', length: 3 }],
	[4, { tier: 'sub-bachelor', length: 4 }],
	[5, { tier: 'bachelor', length: 5 }],
	[6, { tier: 'graduate', length: 6 }],
	[7, { tier: 'graduate', length: 7 }],
	[8, { tier: 'graduate', length: 8 }],
	[17, { tier: 'graduate', length: 9 }],
	[18, { tier: 'graduate', length: 9 }],
	[19, { tier: 'graduate', length: 9 }]
]);

/** True for certificates (below the bachelor's) and the associate's degree. */
export const isShortAward = (awardLevel: number) => AWARDS.get(awardLevel)?.tier === 'sub-bachelor';

export interface ProgramGroup<P extends StepProgram = StepProgram> {
	unitid: string;
	institution: string;
	city: string | null;
	programs: P[];
	completions: number;
}

export interface StepPrograms<P extends StepProgram = StepProgram> {
	groups: ProgramGroup<P>[];
	/** Programs shown (in the groups). */
	shown: number;
	/** Programs left out by the award filter (0 with `showAll`). */
	hidden: number;
	/** The award ceiling applied: the next job's education tier; null when none was applied. */
	ceiling: EducationTier | null;
	/** Whether short awards were put first. */
	shortFirst: boolean;
}

/**
 * The local programs that fit a step into the next job, grouped by institution.
 *
 * - Filter (unless `showAll`): awards at or below the next job's typical entry education tier —
 *   an associate's or certificate for a job that asks for some college or an award, up to a
 *   bachelor's for one that asks for a bachelor's. High school or no credential → awards below
 *   the bachelor's (a short program is the realistic help). Unknown education → no filter.
 * - Order: for feeder, entry and mid steps short awards (certificates, associate's) first, each
 *   shorter award before a longer one, then more completions; for advanced steps (or unknown
 *   level) more completions first. Ties: institution name, CIP code.
 * - Groups: one per institution, in the order of each institution's first program; at most
 *   `limit` groups (default 6).
 */
export function programsForStep<P extends StepProgram>(
	programs: readonly P[],
	next: { entryEducation: string | null; level: PathwayLevel | null },
	options: { showAll?: boolean; limit?: number } = {}
): StepPrograms<P> {
	const tier = educationTier(next.entryEducation);
	const ceiling: EducationTier | null =
		options.showAll || tier === null
			? null
			: tier === 'none' || tier === 'secondary'
				? 'sub-bachelor'
				: tier;
	const fits = (p: P) => {
		if (ceiling === null) return true;
		const award = AWARDS.get(p.awardLevel);
		return award !== undefined && TIER_ORDER[award.tier] <= TIER_ORDER[ceiling];
	};
	const kept = programs.filter(fits);
	const shortFirst = next.level !== null && next.level !== 'advanced';
	const length = (p: P) => AWARDS.get(p.awardLevel)?.length ?? 99;
	kept.sort(
		(a, b) =>
			(shortFirst ? length(a) - length(b) : 0) ||
			b.completions - a.completions ||
			(a.institution < b.institution ? -1 : a.institution > b.institution ? 1 : 0) ||
			(a.cip < b.cip ? -1 : a.cip > b.cip ? 1 : 0)
	);
	const groups = new Map<string, ProgramGroup<P>>();
	for (const p of kept) {
		let g = groups.get(p.unitid);
		if (!g) {
			g = {
				unitid: p.unitid,
				institution: p.institution,
				city: p.city,
				programs: [],
				completions: 0
			};
			groups.set(p.unitid, g);
		}
		g.programs.push(p);
		g.completions += p.completions;
	}
	const list = [...groups.values()].slice(0, options.limit ?? 6);
	return {
		groups: list,
		shown: list.reduce((s, g) => s + g.programs.length, 0),
		hidden: programs.length - kept.length,
		ceiling,
		shortFirst
	};
}

// ---------------------------------------------------------------------------------------------
// Funding pointers

/**
 * Funding references that could pay for a step, as pointers (which ids, in what order). The
 * rule is this project's reading of who each program pays for, and only a starting point:
 * - an exam-based credential on the step → GI Bill test fees (`gi-bill-license-cert`), WIOA
 *   ITA (`wioa-ita`), employer assistance (`employer-sec127`);
 * - a program below the bachelor's → Pell (`pell-grant`), Workforce Pell for short programs
 *   (`workforce-pell`), WIOA ITA, SNAP E&T (`snap-et`);
 * - a bachelor's program → Pell, employer assistance;
 * - always last: Registered Apprenticeship (`registered-apprenticeship`).
 * Ids missing from `funding` are skipped; each id appears once, in the order above.
 */
export function fundingForStep(
	funding: readonly FundingSource[],
	step: { credentials: number; shortPrograms: number; bachelorPrograms: number }
): FundingSource[] {
	const ids: string[] = [];
	if (step.credentials > 0) ids.push('gi-bill-license-cert', 'wioa-ita', 'employer-sec127');
	if (step.shortPrograms > 0) ids.push('pell-grant', 'workforce-pell', 'wioa-ita', 'snap-et');
	if (step.bachelorPrograms > 0) ids.push('pell-grant', 'employer-sec127');
	ids.push('registered-apprenticeship');
	const byId = new Map(funding.map((f) => [f.id, f]));
	return [...new Set(ids)]
		.map((id) => byId.get(id))
		.filter((f): f is FundingSource => f !== undefined);
}

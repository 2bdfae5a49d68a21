/**
 * Where a training-supply gap means something, and which awards count toward it.
 *
 * 1. Gap eligibility (`gapEligibility`). A gap between openings and graduates is shown only where
 *    training is the way in: the occupation's typical entry education (BLS EP) is a postsecondary
 *    award or higher (rank ≥ 1, see `education-levels.ts`), or a licence/certification is needed
 *    to work. Elsewhere the gap is `not-applicable`, with the reason — never a number. An
 *    occupation that needs 5 years or more of related work experience keeps its gap but carries
 *    `experienceFlag`: graduates do not fill it directly.
 *    Missing: no EP education and no licence known → `unknown` (not a guess either way).
 *
 * 2. Award eligibility (`awardRule`, `awardCounts`). An award counts toward an occupation when
 *    its level is at least the level the occupation needs, with documented exceptions:
 *    - licensure: an associate's-degree nurse is an RN (29-1141 needs a bachelor's in EP, but the
 *      associate's leads to the same licence); and, for RNs, master's and doctoral awards are left
 *      out because their graduates are nearly all licensed nurses already (RN-to-BSN graduates
 *      cannot be told apart from pre-licensure BSNs in IPEDS and still count — a stated limit);
 *    - postsecondary teachers (25-1xxx): only doctoral awards link to them, whatever EP says, so a
 *      bachelor's in nursing does not become a nursing instructor.
 *    Missing: an occupation with no EP education takes no floor (every award counts) and says so
 *    (`floorKnown = false`).
 */
import {
	educationRank,
	POSTSECONDARY_AWARD_RANK,
	ASSOCIATE_RANK,
	BACHELOR_RANK,
	DOCTORAL_RANK,
	awardRank
} from './education-levels';

export type GapApplicability = 'applicable' | 'not-applicable' | 'unknown';

export type GapReason =
	| 'postsecondary-award'
	| 'licence-required'
	| 'no-postsecondary-award-needed'
	| 'no-education-data';

export interface EligibilityInput {
	/** BLS EP "Typical education needed for entry", as published. */
	entryEducation: string | null;
	/** BLS EP "Work experience in a related occupation" ("5 years or more", "Less than 5 years", "None"). */
	workExperience: string | null;
	/** A licence or certification is needed to work (from a reference table); null = not known. */
	licenceRequired: boolean | null;
}

export interface GapEligibility {
	status: GapApplicability;
	reason: GapReason;
	/** 5+ years of related experience: graduates do not fill the occupation directly. */
	experienceFlag: boolean;
}

export const EXPERIENCE_FLAG_TEXT = '5 years or more';

export function gapEligibility(input: EligibilityInput): GapEligibility {
	const rank = educationRank(input.entryEducation);
	const experienceFlag = (input.workExperience ?? '').trim().toLowerCase() === EXPERIENCE_FLAG_TEXT;
	if (rank !== null && rank >= POSTSECONDARY_AWARD_RANK) {
		return { status: 'applicable', reason: 'postsecondary-award', experienceFlag };
	}
	if (input.licenceRequired === true) {
		return { status: 'applicable', reason: 'licence-required', experienceFlag };
	}
	if (rank === null) return { status: 'unknown', reason: 'no-education-data', experienceFlag };
	return { status: 'not-applicable', reason: 'no-postsecondary-award-needed', experienceFlag };
}

export interface AwardRule {
	/** Lowest award rank that counts. */
	minRank: number;
	/** Highest award rank that counts (licensure exceptions); Infinity = none. */
	maxRank: number;
	/** Why the rule differs from "at or above the EP level", or null. */
	exception: 'rn-licensure' | 'postsecondary-teacher' | null;
	/** False when the occupation has no EP education and every award counts. */
	floorKnown: boolean;
}

/** Registered nurses: the two awards that lead to a first RN licence. */
export const RN_SOC = '29-1141';
const POSTSECONDARY_TEACHER = /^25-1\d{3}$/;

export function awardRule(soc: string, entryEducation: string | null): AwardRule {
	if (POSTSECONDARY_TEACHER.test(soc)) {
		return {
			minRank: DOCTORAL_RANK,
			maxRank: Infinity,
			exception: 'postsecondary-teacher',
			floorKnown: true
		};
	}
	if (soc === RN_SOC) {
		return {
			minRank: ASSOCIATE_RANK,
			maxRank: BACHELOR_RANK,
			exception: 'rn-licensure',
			floorKnown: true
		};
	}
	const rank = educationRank(entryEducation);
	return {
		minRank: rank ?? 0,
		maxRank: Infinity,
		exception: null,
		floorKnown: rank !== null
	};
}

/** Whether an award of IPEDS level `awardLevel` counts toward an occupation with `rule`. */
export function awardCounts(rule: AwardRule, awardLevel: number): boolean {
	const rank = awardRank(awardLevel);
	if (rank === null) return false;
	return rank >= rule.minRank && rank <= rule.maxRank;
}

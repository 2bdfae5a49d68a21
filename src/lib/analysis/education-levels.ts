/**
 * One ladder for the preparation an occupation needs (BLS Employment Projections' "typical
 * education needed for entry") and the awards programs grant (IPEDS AWLEVEL), so the two can be
 * compared: an award qualifies for an occupation when its rank is at least the occupation's.
 *
 * Ranks (no unit; only their order matters):
 *
 *   0  No formal educational credential; High school diploma or equivalent
 *   0.5 Some college, no degree            (no award is needed)
 *   1  Postsecondary nondegree award        (IPEDS 1, 2, 4, 20, 21: certificates below the bachelor's)
 *   2  Associate's degree                   (IPEDS 3)
 *   3  Bachelor's degree                    (IPEDS 5; 6 post-baccalaureate certificate = 3.5)
 *   4  Master's degree                      (IPEDS 7; 8 post-master's certificate = 4.5)
 *   5  Doctoral or professional degree      (IPEDS 17, 18, 19; 9–11 before 2010)
 *
 * Missing: an EP category this table does not know (EP's `—`, blank, a typo) gives null, never
 * a guessed rank; so does an unknown AWLEVEL code.
 */

export const EP_EDUCATION = [
	'No formal educational credential',
	'High school diploma or equivalent',
	'Some college, no degree',
	'Postsecondary nondegree award',
	"Associate's degree",
	"Bachelor's degree",
	"Master's degree",
	'Doctoral or professional degree'
] as const;
export type EpEducation = (typeof EP_EDUCATION)[number];

const EP_RANK: Record<EpEducation, number> = {
	'No formal educational credential': 0,
	'High school diploma or equivalent': 0,
	'Some college, no degree': 0.5,
	'Postsecondary nondegree award': 1,
	"Associate's degree": 2,
	"Bachelor's degree": 3,
	"Master's degree": 4,
	'Doctoral or professional degree': 5
};

/** The lowest rank that is a postsecondary award. */
export const POSTSECONDARY_AWARD_RANK = 1;
export const ASSOCIATE_RANK = 2;
export const BACHELOR_RANK = 3;
export const MASTER_RANK = 4;
export const DOCTORAL_RANK = 5;

const normalise = (s: string) =>
	s
		.trim()
		.toLowerCase()
		.replace(/[\u2018\u2019`]/g, "'")
		.replace(/\s+/g, ' ');

const EP_BY_KEY = new Map(EP_EDUCATION.map((e) => [normalise(e), e]));

/** The EP category a cell names (case, curly quotes and spacing ignored), or null. */
export function epEducation(text: string | null | undefined): EpEducation | null {
	if (!text) return null;
	return EP_BY_KEY.get(normalise(text)) ?? null;
}

/** Rank of an EP entry-education text; null when unknown or missing. */
export function educationRank(text: string | null | undefined): number | null {
	const e = epEducation(text);
	return e === null ? null : EP_RANK[e];
}

const AWARD_RANK = new Map<number, number>([
	[1, 1], // under one academic year (before 2020-21)
	[20, 1], // under 12 weeks
	[21, 1], // 12 weeks to under one year
	[2, 1], // one to under two years
	[4, 1], // two to under four years
	[3, 2],
	[5, 3],
	[6, 3.5],
	[7, 4],
	[8, 4.5],
	[9, 5],
	[10, 5],
	[11, 5],
	[17, 5],
	[18, 5],
	[19, 5]
]);

/** Rank of an IPEDS AWLEVEL code; null for a code IPEDS does not define. */
export function awardRank(awardLevel: number): number | null {
	return AWARD_RANK.get(awardLevel) ?? null;
}

/**
 * The four kinds of award a person choosing a program asks for, read off the ladder above:
 * certificates below the bachelor's, associate's, bachelor's, and every award after a bachelor's
 * (post-baccalaureate certificates, master's, doctorates).
 */
export const AWARD_GROUPS = ['certificate', 'associate', 'bachelor', 'graduate'] as const;
export type AwardGroup = (typeof AWARD_GROUPS)[number];

/** The group of an IPEDS AWLEVEL code; null for a code IPEDS does not define. */
export function awardGroup(awardLevel: number): AwardGroup | null {
	const rank = awardRank(awardLevel);
	if (rank === null) return null;
	if (rank < ASSOCIATE_RANK) return 'certificate';
	if (rank < BACHELOR_RANK) return 'associate';
	if (rank === BACHELOR_RANK) return 'bachelor';
	return 'graduate';
}

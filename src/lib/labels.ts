/** Labels for codes that pages show (client-safe: no server imports). */

/** IPEDS award levels (AWLEVEL). */
export const AWARD_LEVELS: Record<number, string> = {
	1: 'Certificate under 1 year',
	2: 'Certificate, 1–2 years',
	3: "Associate's degree",
	4: 'Certificate, 2–4 years',
	5: "Bachelor's degree",
	6: 'Postbaccalaureate certificate',
	7: "Master's degree",
	8: "Post-master's certificate",
	17: 'Doctorate (research)',
	18: 'Doctorate (professional practice)',
	19: 'Doctorate (other)',
	20: 'Certificate under 12 weeks',
	21: 'Certificate, 12 weeks to 1 year'
};

export const GROUP_LABELS: Record<string, string> = {
	women: 'Women',
	white: 'White',
	black: 'Black',
	asian: 'Asian',
	hispanic: 'Hispanic or Latino'
};

export const FLAG_LABELS: Record<string, string> = {
	'under-represented': 'under-represented',
	'over-represented': 'over-represented',
	'near-parity': 'near parity',
	'too-few': 'too few to say',
	'no-data': 'no data'
};

export const JOB_ZONES: Record<number, string> = {
	1: '1 — little or no preparation',
	2: '2 — some preparation',
	3: '3 — medium preparation',
	4: '4 — considerable preparation',
	5: '5 — extensive preparation'
};

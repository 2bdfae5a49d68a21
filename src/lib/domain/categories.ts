/**
 * The six digital-job categories of JFF's framework (the project's table in
 * data/reference/digital-jobs-categories.csv maps SOC codes to them), in display order.
 */
export const DIGITAL_CATEGORIES = [
	'Data Management and Analysis',
	'Design',
	'Networking',
	'Programming and Development',
	'Support',
	'Crosscutting'
] as const;
export type DigitalCategory = (typeof DIGITAL_CATEGORIES)[number];

/** The pseudo-category that sums every digital occupation of an area. */
export const ALL_DIGITAL = 'All digital jobs';

/**
 * Column names people commonly give the fields of the tidy import formats, so the data page can
 * pre-select the obvious ones (Program → program, Completers → completers, CBSA → area). Names
 * are compared ignoring case, spaces, underscores and punctuation. A guess is only a starting
 * point: the editor sees it selected and can change it.
 */
const SYNONYMS: Record<string, readonly string[]> = {
	area: [
		'area code',
		'cbsa',
		'cbsa code',
		'msa',
		'msa code',
		'metro',
		'metro area',
		'region',
		'fips'
	],
	soc: ['soc code', 'occ code', 'occupation code', 'soc 2018'],
	cip: ['cip code'],
	title: ['occupation title', 'occ title', 'job title', 'occupation', 'occupation name'],
	year: ['reference year', 'calendar year', 'academic year', 'award year'],
	program: ['program name', 'program title', 'programme', 'course', 'course name'],
	completers: ['completions', 'completed', 'graduates', 'number of completers', 'total completers'],
	provider: ['provider name', 'institution', 'institution name', 'school', 'college'],
	program_type: ['credential type', 'award type', 'award level', 'program kind'],
	postings: ['job postings', 'posting count', 'postings count'],
	period: ['date', 'month', 'quarter'],
	name: ['credential', 'credential name'],
	issuer: ['issued by', 'issuing body', 'awarding body', 'org', 'organization'],
	source: ['data source'],
	note: ['notes', 'comment', 'comments'],
	openings: ['annual openings'],
	median_wage: ['median annual wage'],
	cost_usd: ['cost', 'price', 'tuition'],
	duration_months: ['duration', 'months'],
	url: ['link', 'website', 'web address'],
	universe: ['population']
};

/** A column name or field reduced to letters and digits, lower case (`Program_Name` → `programname`). */
export const plainName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Our field → the file's column that obviously gives it. A column named as a field goes to that
 * field first; synonyms fill the rest. Each column serves at most one field.
 */
export function guessFields(
	fields: readonly string[],
	header: readonly string[]
): Record<string, string> {
	const out: Record<string, string> = {};
	const taken = new Set<string>();
	const pick = (field: string, names: readonly string[]) => {
		if (out[field] !== undefined) return;
		const wanted = new Set(names.map(plainName));
		const column = header.find((h) => h.trim() !== '' && !taken.has(h) && wanted.has(plainName(h)));
		if (column === undefined) return;
		out[field] = column;
		taken.add(column);
	};
	for (const field of fields) pick(field, [field]);
	for (const field of fields) pick(field, SYNONYMS[field] ?? []);
	return out;
}

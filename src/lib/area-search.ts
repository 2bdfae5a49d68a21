/**
 * Finding an area by name, code, CBSA alias or state, and grouping a list by state: shared by the
 * home page's list beside the map and the compare page's picker.
 */

/** USPS state codes → names (the 50 states, DC and Puerto Rico, as OEWS areas use them). */
export const STATE_NAMES: Record<string, string> = {
	AL: 'Alabama',
	AK: 'Alaska',
	AZ: 'Arizona',
	AR: 'Arkansas',
	CA: 'California',
	CO: 'Colorado',
	CT: 'Connecticut',
	DE: 'Delaware',
	DC: 'District of Columbia',
	FL: 'Florida',
	GA: 'Georgia',
	HI: 'Hawaii',
	ID: 'Idaho',
	IL: 'Illinois',
	IN: 'Indiana',
	IA: 'Iowa',
	KS: 'Kansas',
	KY: 'Kentucky',
	LA: 'Louisiana',
	ME: 'Maine',
	MD: 'Maryland',
	MA: 'Massachusetts',
	MI: 'Michigan',
	MN: 'Minnesota',
	MS: 'Mississippi',
	MO: 'Missouri',
	MT: 'Montana',
	NE: 'Nebraska',
	NV: 'Nevada',
	NH: 'New Hampshire',
	NJ: 'New Jersey',
	NM: 'New Mexico',
	NY: 'New York',
	NC: 'North Carolina',
	ND: 'North Dakota',
	OH: 'Ohio',
	OK: 'Oklahoma',
	OR: 'Oregon',
	PA: 'Pennsylvania',
	PR: 'Puerto Rico',
	RI: 'Rhode Island',
	SC: 'South Carolina',
	SD: 'South Dakota',
	TN: 'Tennessee',
	TX: 'Texas',
	UT: 'Utah',
	VT: 'Vermont',
	VA: 'Virginia',
	WA: 'Washington',
	WV: 'West Virginia',
	WI: 'Wisconsin',
	WY: 'Wyoming',
	GU: 'Guam',
	VI: 'Virgin Islands'
};

export interface Searchable {
	code: string;
	title: string;
	type: string;
	state: string | null;
	/** Other codes that find the area (the 2023 CBSA code of a NECTA). */
	aliases?: string[];
}

/**
 * True when `query` finds the area: part of its title, its code or an alias (from the start),
 * its state's code (exactly) or name (from the start). The title holds every state of a
 * multi-state metro (`…, DC-VA-MD-WV`), so those are found from each of their states.
 */
export function matchesArea(a: Searchable, query: string): boolean {
	const q = query.trim().toLowerCase();
	if (q === '') return true;
	const states = stateCodes(a);
	return (
		a.title.toLowerCase().includes(q) ||
		a.code.startsWith(q) ||
		(a.aliases ?? []).some((x) => x.startsWith(q)) ||
		states.some((s) => s.toLowerCase() === q || (STATE_NAMES[s] ?? '').toLowerCase().startsWith(q))
	);
}

/** The states of an area: its primary state and those after the comma of its title. */
function stateCodes(a: Searchable): string[] {
	const fromTitle = /,\s*([A-Z]{2}(?:-[A-Z]{2})*)(?:\s|$)/.exec(a.title)?.[1]?.split('-') ?? [];
	return [...new Set([...(a.state ? [a.state] : []), ...fromTitle])];
}

/** Areas grouped by primary state (the nation first, under ''), states in name order. */
export function groupByState<T extends Searchable>(areas: readonly T[]): [string, T[]][] {
	const groups: Record<string, T[]> = {};
	for (const a of areas) (groups[a.type === 'national' ? '' : (a.state ?? '')] ??= []).push(a);
	const name = (s: string) => (s === '' ? '' : (STATE_NAMES[s] ?? s));
	return Object.entries(groups).sort((x, y) => name(x[0]).localeCompare(name(y[0])));
}

export const stateName = (code: string): string => STATE_NAMES[code] ?? code;

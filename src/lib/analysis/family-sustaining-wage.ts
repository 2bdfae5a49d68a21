/**
 * A family-sustaining wage benchmark that exists by default.
 *
 *   guideline(year, jurisdiction, n) = first person + (n − 1) × each additional person
 *   default benchmark = 200% × guideline(data year, the area's state, family of 3)   ($ a year)
 *
 * HHS publishes one table for the 48 contiguous states and DC and separate ones for Alaska and
 * Hawaii (`data/sample/hhs_poverty_guidelines_2019_2025.csv`). An area's state picks the table;
 * the nation and any other state take the contiguous one. A living wage an editor sets for the area
 * replaces the default (`source = 'editor'`). Hourly = annual ÷ 2,080 (OEWS's full-year hours).
 * Year: the data year's guideline; when the table lacks that year, the newest earlier year, and
 * the year used is returned; when it has no earlier year, null (never a later year's figure).
 * It is a benchmark, labelled as such: not a cost-of-living budget for the area.
 */

export type PovertyJurisdiction = 'contiguous' | 'alaska' | 'hawaii';

export interface PovertyGuideline {
	year: number;
	jurisdiction: PovertyJurisdiction;
	firstPerson: number;
	additionalPerson: number;
	source: string;
}

export const DEFAULT_MULTIPLE = 2;
export const DEFAULT_FAMILY_SIZE = 3;
export const HOURS_PER_YEAR = 2080;

/** The HHS table an area's state uses (two-letter postal code; null = the nation). */
export function jurisdictionOf(state: string | null | undefined): PovertyJurisdiction {
	const s = (state ?? '').trim().toUpperCase();
	return s === 'AK' ? 'alaska' : s === 'HI' ? 'hawaii' : 'contiguous';
}

export function guidelineFor(
	table: readonly PovertyGuideline[],
	year: number,
	jurisdiction: PovertyJurisdiction
): PovertyGuideline | null {
	let best: PovertyGuideline | null = null;
	for (const g of table) {
		if (g.jurisdiction !== jurisdiction || g.year > year) continue;
		if (!best || g.year > best.year) best = g;
	}
	return best;
}

export function povertyGuideline(g: PovertyGuideline, familySize: number): number {
	return g.firstPerson + Math.max(0, Math.floor(familySize) - 1) * g.additionalPerson;
}

export interface FamilySustainingWage {
	annualWage: number;
	hourlyWage: number;
	source: 'editor' | 'hhs-poverty-guideline';
	/** Editor's source text, or the HHS table's citation. */
	citation: string;
	/** The guideline year used (null for an editor's figure). */
	year: number | null;
	jurisdiction: PovertyJurisdiction | null;
	multiple: number | null;
	familySize: number | null;
}

export function familySustainingWage(input: {
	editor: { annualWage: number; source: string } | null;
	table: readonly PovertyGuideline[];
	state: string | null;
	year: number;
	multiple?: number;
	familySize?: number;
}): FamilySustainingWage | null {
	if (input.editor && input.editor.annualWage > 0) {
		return {
			annualWage: input.editor.annualWage,
			hourlyWage: input.editor.annualWage / HOURS_PER_YEAR,
			source: 'editor',
			citation: input.editor.source,
			year: null,
			jurisdiction: null,
			multiple: null,
			familySize: null
		};
	}
	const jurisdiction = jurisdictionOf(input.state);
	const g = guidelineFor(input.table, input.year, jurisdiction);
	if (!g) return null;
	const multiple = input.multiple ?? DEFAULT_MULTIPLE;
	const familySize = input.familySize ?? DEFAULT_FAMILY_SIZE;
	const annualWage = multiple * povertyGuideline(g, familySize);
	return {
		annualWage,
		hourlyWage: annualWage / HOURS_PER_YEAR,
		source: 'hhs-poverty-guideline',
		citation: g.source,
		year: g.year,
		jurisdiction,
		multiple,
		familySize
	};
}

const JURISDICTIONS: readonly string[] = ['contiguous', 'alaska', 'hawaii'];
const HEADER = ['year', 'jurisdiction', 'first_person', 'additional_person', 'source'];

/**
 * The guideline table from its rows as read from the bundled CSV (`rows[0]` the header
 * `year,jurisdiction,first_person,additional_person,source`; row i is line i + 1). Errors name the
 * file, line and column; a year and jurisdiction given twice is an error; blank rows are skipped.
 */
export function povertyGuidelinesFromRows(
	rows: readonly (readonly string[])[],
	fileName = 'poverty guidelines'
): PovertyGuideline[] {
	const header = (rows[0] ?? []).map((h) =>
		h
			.replace(/^\uFEFF/, '')
			.trim()
			.toLowerCase()
	);
	if (HEADER.some((h, i) => header[i] !== h)) {
		throw new Error(`${fileName}, line 1: expected the header ${HEADER.join(',')}`);
	}
	const out: PovertyGuideline[] = [];
	const seen = new Set<string>();
	rows.slice(1).forEach((row, i) => {
		if (row.every((c) => c.trim() === '')) return;
		const at = `${fileName}, line ${i + 2}`;
		const f = row.map((x) => x.trim());
		const whole = (col: number, name: string) => {
			const n = Number(f[col]);
			if (!/^\d+$/.test(f[col] ?? '') || !(n > 0)) {
				throw new Error(
					`${at}, column ${col + 1} (${name}): expected a whole number, found "${f[col] ?? ''}"`
				);
			}
			return n;
		};
		const year = whole(0, 'year');
		const jurisdiction = f[1] ?? '';
		if (!JURISDICTIONS.includes(jurisdiction)) {
			throw new Error(
				`${at}, column 2 (jurisdiction): expected contiguous, alaska or hawaii, found "${jurisdiction}"`
			);
		}
		const key = `${year}|${jurisdiction}`;
		if (seen.has(key)) throw new Error(`${at}: ${year} ${jurisdiction} appears twice`);
		seen.add(key);
		out.push({
			year,
			jurisdiction: jurisdiction as PovertyJurisdiction,
			firstPerson: whole(2, 'first_person'),
			additionalPerson: whole(3, 'additional_person'),
			source: f[4] ?? ''
		});
	});
	return out;
}

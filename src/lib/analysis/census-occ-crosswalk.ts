/**
 * SOC codes for every line of a table coded with Census 2018 occupation titles (CPS Table 11,
 * ACS), through the Census Bureau's 2018 occupation code list and crosswalk.
 *
 * 1. A table line finds its Census line by title. Titles are compared without case, commas,
 *    trailing colons, `&`/"and" differences or runs of spaces (Table 11 writes "Embalmers,
 *    crematory operators, and funeral attendants" where the code list has no serial comma).
 * 2. A Census line's SOC entry stands for detailed SOC 2018 codes:
 *    - a detailed code (`15-1252`) for itself;
 *    - a broad code (`15-1230`) for the detailed codes under it (15-1231, 15-1232);
 *    - a wildcard (`15-124X`, `13-20XX`, `51-4XXX`) for the detailed codes its digits match;
 *    - a header line's group (`15-0000`, `11-0000 - 29-0000`) for every detailed code in it.
 *    Each detailed code belongs to the single most specific detail line that matches it, so a
 *    wildcard "Other …" line covers only the codes no other line claims ("Database administrators
 *    and architects", 15-124X, is 15-1242 and 15-1243; 15-1241 and 15-1244 have lines of their own).
 * 3. `Total, 16 years and over` stands for every detailed code. Four Table 11 aggregates carry BLS
 *    names the code list does not use (`TABLE11_AGGREGATES`: e.g. "Professional and related
 *    occupations" = SOC 15-0000 through 29-0000); they are groups over those ranges. Any other line
 *    with no Census title is `unmatched`, with no codes — never guessed.
 */

export interface CensusOccLine {
	title: string;
	/** Four-digit Census code (`1050`), or a range (`1005-1240`) on a group header line. */
	code: string;
	/** The SOC entry as published: a code, a wildcard, a range, or `none`. */
	soc: string;
}

export type CpsLineKind = 'detailed' | 'group' | 'total' | 'unmatched';

export interface CpsLineSocs {
	title: string;
	kind: CpsLineKind;
	censusCode: string | null;
	/** The Census line's SOC entry, as published. */
	socEntry: string | null;
	/** Detailed SOC 2018 codes the line stands for, sorted. */
	socs: string[];
}

const TOTAL_LINE = /^total,?\s+16 years and over$/i;

/** Table 11 aggregate lines named by BLS, not by the Census code list, and the SOC range of each. */
export const TABLE11_AGGREGATES: Record<string, string> = {
	'management professional and related occupations': '11-0000 - 29-0000',
	'management business and financial operations occupations': '11-0000 - 13-0000',
	'professional and related occupations': '15-0000 - 29-0000',
	'education training and library occupations': '25-0000'
};
const DETAILED = /^\d{2}-\d{4}$/;
const DETAIL_CODE = /^\d{4}$/;

export function censusTitleKey(title: string): string {
	return title
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[,:]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The digits a single SOC entry fixes: `15-124X` → `15-124`, `15-1230` → `15-123`, `15-0000` →
 * `15-`, `15-1252` → `15-1252`. Null for anything else (`none`, ranges).
 */
export function socPrefix(entry: string): string | null {
	const e = entry.trim().toUpperCase();
	if (!/^\d{2}-[\dX]{4}$/.test(e)) return null;
	const wild = e.indexOf('X');
	if (wild >= 0) {
		if (/\d/.test(e.slice(wild))) return null; // a digit after an X is no pattern we know
		return e.slice(0, wild);
	}
	return e.replace(/0+$/, '');
}

function inRange(soc: string, entry: string): boolean {
	const m = /^(\d{2}-\d{4})\s*-\s*(\d{2}-\d{4})$/.exec(entry.trim());
	if (!m) return false;
	const low = m[1]!;
	// The upper end names a group: every code under it counts (29-0000 → through 29-9999).
	const highPrefix = socPrefix(m[2]!) ?? m[2]!;
	const high = highPrefix + '9'.repeat(7 - highPrefix.length);
	return soc >= low && soc <= high;
}

function groupSocs(entry: string, detailed: readonly string[]): string[] {
	if (/\s-\s/.test(entry)) return detailed.filter((s) => inRange(s, entry));
	const prefix = socPrefix(entry);
	return prefix === null ? [] : detailed.filter((s) => s.startsWith(prefix));
}

/** Detailed codes per Census detail line: each code to the most specific line matching it. */
export function detailLineSocs(
	lines: readonly CensusOccLine[],
	detailedSocs: Iterable<string>
): Map<string, string[]> {
	const detail = lines
		.filter((l) => DETAIL_CODE.test(l.code.trim()))
		.map((l) => ({ code: l.code.trim(), prefix: socPrefix(l.soc) }))
		.filter((l): l is { code: string; prefix: string } => l.prefix !== null);
	const out = new Map<string, string[]>(detail.map((l) => [l.code, []]));
	for (const soc of [...new Set(detailedSocs)].filter((s) => DETAILED.test(s)).sort()) {
		let best: { code: string; prefix: string } | null = null;
		for (const l of detail) {
			if (soc.startsWith(l.prefix) && (!best || l.prefix.length > best.prefix.length)) best = l;
		}
		if (best) out.get(best.code)!.push(soc);
	}
	return out;
}

export function cpsLineSocs(
	tableTitles: readonly string[],
	censusLines: readonly CensusOccLine[],
	detailedSocs: Iterable<string>
): CpsLineSocs[] {
	const detailed = [...new Set(detailedSocs)].filter((s) => DETAILED.test(s)).sort();
	const byDetail = detailLineSocs(censusLines, detailed);
	const byTitle = new Map<string, CensusOccLine>();
	for (const l of censusLines) {
		const key = censusTitleKey(l.title);
		const prev = byTitle.get(key);
		// A detail line wins over a header line of the same title.
		if (!prev || (!DETAIL_CODE.test(prev.code.trim()) && DETAIL_CODE.test(l.code.trim()))) {
			byTitle.set(key, l);
		}
	}
	return tableTitles.map((title) => {
		if (TOTAL_LINE.test(title.trim())) {
			return { title, kind: 'total', censusCode: null, socEntry: null, socs: detailed };
		}
		const key = censusTitleKey(title);
		const line = byTitle.get(key);
		const aggregate = TABLE11_AGGREGATES[key];
		if (!line && aggregate) {
			return {
				title,
				kind: 'group',
				censusCode: null,
				socEntry: aggregate,
				socs: groupSocs(aggregate, detailed)
			};
		}
		if (!line) return { title, kind: 'unmatched', censusCode: null, socEntry: null, socs: [] };
		const code = line.code.trim();
		if (DETAIL_CODE.test(code)) {
			return {
				title,
				kind: 'detailed',
				censusCode: code,
				socEntry: line.soc,
				socs: byDetail.get(code) ?? []
			};
		}
		return {
			title,
			kind: 'group',
			censusCode: code,
			socEntry: line.soc,
			socs: groupSocs(line.soc, detailed)
		};
	});
}

/** SOC code → the CPS line that stands for it (detailed lines only): the reverse lookup. */
export function cpsLineBySoc(lines: readonly CpsLineSocs[]): Map<string, string> {
	const out = new Map<string, string>();
	for (const l of lines) if (l.kind === 'detailed') for (const s of l.socs) out.set(s, l.title);
	return out;
}

/**
 * Training supply for one occupation in one area: IPEDS completions allocated to it (averaged
 * over the newest years the area has, up to 3), plus imported non-IPEDS completions (bootcamps,
 * certifications, non-credit, apprenticeships) listed with their source.
 *
 *   supply(s) = mean over years y ∈ Y of ipeds(s, y)  +  Σ other(s)
 *
 * Units: completers a year. Y = the newest `max` (3) years with IPEDS completions for the area.
 *
 * "Not measured" versus 0: supply is `not-measured` (value null) when no imported source can say
 * anything about the occupation — no CIP links to it in the crosswalk and no imported completion
 * names it, or no completions at all are imported for the area. It is 0 only when a source covers
 * the occupation and found no graduates. Imported non-IPEDS completions count for the occupation
 * they name (they carry no IPEDS award level, so the award-level floor does not apply to them)
 * and each is listed with its source, so a changed number can always be traced.
 */

export interface OtherCompletion {
	/** The imported file's source label, e.g. "Regional bootcamp completions 2024". */
	source: string;
	program: string | null;
	completers: number;
}

export interface SupplyInput {
	soc: string;
	/** Completions allocated to this occupation per IPEDS year (`allocateByDemand(...).bySoc`). */
	ipedsByYear: ReadonlyMap<number, ReadonlyMap<string, number>>;
	/** Occupations some CIP links to in the crosswalk. */
	linkedSocs: ReadonlySet<string>;
	/** Imported non-IPEDS completions already resolved to this occupation. */
	other: readonly OtherCompletion[];
	/** Most completion years averaged (default 3). */
	maxYears?: number;
}

export type SupplyStatus = 'measured' | 'not-measured';

export interface SupplyMeasure {
	status: SupplyStatus;
	/** Completers a year, or null when not measured. */
	value: number | null;
	/** The IPEDS part (average over `years`), or null when no IPEDS year covers the occupation. */
	ipeds: number | null;
	other: OtherCompletion[];
	/** IPEDS years averaged, newest first. */
	years: number[];
}

export const DEFAULT_COMPLETION_YEARS = 3;

/** The newest `max` years, newest first (how many completion years the area has, capped). */
export function completionYears(
	available: Iterable<number>,
	max = DEFAULT_COMPLETION_YEARS
): number[] {
	return [...new Set(available)].sort((a, b) => b - a).slice(0, Math.max(0, max));
}

export function supplyMeasure(input: SupplyInput): SupplyMeasure {
	const years = completionYears(input.ipedsByYear.keys(), input.maxYears);
	const other = input.other.filter((o) => Number.isFinite(o.completers) && o.completers >= 0);
	const otherSum = other.reduce((s, o) => s + o.completers, 0);
	const ipedsCovers = years.length > 0 && input.linkedSocs.has(input.soc);
	if (!ipedsCovers && other.length === 0) {
		return { status: 'not-measured', value: null, ipeds: null, other: [], years };
	}
	const ipeds = ipedsCovers
		? years.reduce((s, y) => s + (input.ipedsByYear.get(y)!.get(input.soc) ?? 0), 0) / years.length
		: null;
	return { status: 'measured', value: (ipeds ?? 0) + otherSum, ipeds, other, years };
}

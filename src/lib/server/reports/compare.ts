/** Several areas side by side: the same measures for each, for a funder comparing regions. */
import type { Db } from '../db/client';
import { gapsReport, type GapRow, type GapsReport } from './gaps';

export interface CompareArea {
	area: GapsReport['area'];
	year: number;
	regionalMedianWage: number | null;
	digital: GapsReport['digital'];
	digitalRepresentation: GapsReport['digitalRepresentation'];
	representationGeography: GapsReport['representation']['geography'];
	sources: GapsReport['sources'];
}

export interface CompareReport {
	areas: CompareArea[];
	/** One row per occupation present in any area, with each area's row (or null) in area order. */
	occupations: { soc: string; title: string; category: string | null; byArea: (GapRow | null)[] }[];
}

/**
 * Builds every area's gaps report for `year` (each area's latest year when omitted, or when an
 * area lacks that year — said in its `year`).
 */
export function compareReport(db: Db, codes: string[], year?: number): CompareReport {
	const reports = codes.map((code) => {
		try {
			return gapsReport(db, code, { year });
		} catch (e) {
			// An area without the requested year still compares on its latest year.
			if (year !== undefined) return gapsReport(db, code, {});
			throw e;
		}
	});
	const bySoc = new Map<
		string,
		{ soc: string; title: string; category: string | null; byArea: (GapRow | null)[] }
	>();
	reports.forEach((r, i) => {
		for (const row of r.rows) {
			const entry = bySoc.get(row.soc) ?? {
				soc: row.soc,
				title: row.title,
				category: row.category,
				byArea: codes.map(() => null)
			};
			entry.byArea[i] = row;
			bySoc.set(row.soc, entry);
		}
	});
	return {
		areas: reports.map((r) => ({
			area: r.area,
			year: r.year,
			regionalMedianWage: r.regionalMedianWage,
			digital: r.digital,
			digitalRepresentation: r.digitalRepresentation,
			representationGeography: r.representation.geography,
			sources: r.sources
		})),
		occupations: [...bySoc.values()].sort((a, b) => a.soc.localeCompare(b.soc))
	};
}

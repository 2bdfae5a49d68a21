/** Several areas side by side: the same measures for each, for a funder comparing regions. */
import type { GapRow } from '../../../domain/rows';
import type { Db } from '../../db/client';
import { areaModel, type AreaModel } from '../area-model';
import { gapRows } from './gaps';
import { getArea, resolveAreaAlias } from '../../db/queries/oews';

export interface CompareArea {
	area: AreaModel['area'];
	year: number;
	regionalMedianWage: number | null;
	total: AreaModel['total'];
	coverage: AreaModel['coverage'];
	digital: AreaModel['digital'];
	digitalUncovered: AreaModel['digitalUncovered'];
	digitalRepresentation: AreaModel['digitalRepresentation'];
	representationGeography: AreaModel['representation']['geography'];
	sources: AreaModel['sources'];
}

export interface CompareReport {
	areas: CompareArea[];
	/** One row per occupation present in any area, with each area's row (or null) in area order. */
	occupations: { soc: string; title: string; category: string | null; byArea: (GapRow | null)[] }[];
}

/**
 * Every area's model for `year` (each area's latest year when omitted, or when an area lacks
 * that year — said in its `year`).
 */
export function compareReport(db: Db, asked: string[], year?: number): CompareReport {
	// A CBSA code people know (Boston 14460) stands for the area OEWS publishes (NECTA 71650).
	const codes = asked.map((c) => (getArea(db, c) ? c : (resolveAreaAlias(db, c) ?? c)));
	const models = codes.map((code) => {
		try {
			return areaModel(db, code, { year });
		} catch (e) {
			// An area without the requested year still compares on its latest year.
			if (year !== undefined) return areaModel(db, code, {});
			throw e;
		}
	});
	const bySoc = new Map<
		string,
		{ soc: string; title: string; category: string | null; byArea: (GapRow | null)[] }
	>();
	models.forEach((model, i) => {
		for (const row of gapRows(model)) {
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
		areas: models.map((r) => ({
			area: r.area,
			year: r.year,
			regionalMedianWage: r.regionalMedianWage,
			total: r.total,
			coverage: r.coverage,
			digital: r.digital,
			digitalUncovered: r.digitalUncovered,
			digitalRepresentation: r.digitalRepresentation,
			representationGeography: r.representation.geography,
			sources: r.sources
		})),
		occupations: [...bySoc.values()].sort((a, b) => a.soc.localeCompare(b.soc))
	};
}

/** Several areas side by side: the same measures for each, for a funder comparing regions. */
import { commonYear, type CommonYear } from '../../../analysis/vintages';
import type { GapRow } from '../../../domain/rows';
import type { Db } from '../../db/client';
import { NATIONAL_AREA } from '../../../domain/codes';
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
	/**
	 * How the year was chosen: the one asked for (`requested`), else the latest year every area
	 * has (`common`); when they share none (`none-shared`) each area shows its own latest year.
	 */
	yearChoice: { status: 'requested' | CommonYear['status']; year: number | null };
	areas: CompareArea[];
	/** One row per occupation present in any area, with each area's row (or null) in area order. */
	occupations: { soc: string; title: string; category: string | null; byArea: (GapRow | null)[] }[];
}

/**
 * The latest year whose data cover every occupation in all the areas; only when the areas share
 * no complete year, the latest year they share at all (a partial file, e.g. computer occupations
 * only, would otherwise pull a comparison onto a year with a tenth of the jobs).
 */
function sharedYear(db: Db, codes: string[]): CommonYear {
	const areas = codes.map((code) => getArea(db, code));
	const complete = commonYear(
		areas.map((a, i) => ({ area: codes[i]!, years: a?.completeYears ?? [] }))
	);
	if (complete.status === 'common') return complete;
	return commonYear(areas.map((a, i) => ({ area: codes[i]!, years: a?.years ?? [] })));
}

/** The areas' models on one year, and how that year was chosen. */
export interface CompareModels {
	codes: string[];
	models: AreaModel[];
	yearChoice: CompareReport['yearChoice'];
}

/**
 * Every area's model for `year`. Without a year, the latest year every area has; if they share
 * none, each area's own latest year (said in `yearChoice` and in each area's `year`). An area
 * without a requested year still compares on its latest year.
 */
export function compareModels(db: Db, asked: string[], requested?: number): CompareModels {
	// A CBSA code people know (Boston 14460) stands for the area OEWS publishes (NECTA 71650).
	const codes = asked.map((c) => (getArea(db, c) ? c : (resolveAreaAlias(db, c) ?? c)));
	const shared = requested === undefined ? sharedYear(db, codes) : null;
	const year = requested ?? shared?.year ?? undefined;
	const models = codes.map((code) => {
		try {
			return areaModel(db, code, { year });
		} catch (e) {
			// An area without the requested year still compares on its latest year.
			if (year !== undefined) return areaModel(db, code, {});
			throw e;
		}
	});
	return {
		codes,
		models,
		yearChoice: shared
			? { status: shared.status, year: shared.year }
			: { status: 'requested', year: requested ?? null }
	};
}

/** The years every one of the areas has (newest first): the choices of the compare page. */
export function sharedYears(db: Db, codes: string[]): number[] {
	const lists = codes.map((code) => new Set(getArea(db, code)?.years ?? []));
	const [first, ...rest] = lists;
	return [...(first ?? [])].filter((y) => rest.every((l) => l.has(y))).sort((a, b) => b - a);
}

export function compareReport(db: Db, asked: string[], requested?: number): CompareReport {
	return compareFromModels(compareModels(db, asked, requested));
}

/** The API's comparison of models already built (the page builds them once for both). */
export function compareFromModels({ codes, models, yearChoice }: CompareModels): CompareReport {
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
		yearChoice,
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

/** The nation's location quotient: 1 by definition (its share over itself), never "not published". */
export const nationalLq = (areaCode: string, lq: number | null): number | null =>
	areaCode === NATIONAL_AREA ? (lq ?? 1) : lq;

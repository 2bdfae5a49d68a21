/** The gaps report of the API: the area model's rows as GapRows, with its CSV. */
import { round, type CsvCell } from '../../../domain/columns';
import type { AreaRow, GapRow } from '../../../domain/rows';
import { toCsv } from '../../csv-out';
import type { Db } from '../../db/client';
import { areaModel, type AreaModel, type AreaOptions } from '../area-model';

export interface GapsReport {
	area: AreaModel['area'];
	year: number;
	rows: GapRow[];
	regionalMedianWage: AreaModel['regionalMedianWage'];
	total: AreaModel['total'];
	coverage: AreaModel['coverage'];
	livingWage: AreaModel['livingWage'];
	familyWage: AreaModel['familyWage'];
	supply: AreaModel['supply'];
	representation: AreaModel['representation'];
	digital: AreaModel['digital'];
	digitalUncovered: AreaModel['digitalUncovered'];
	digitalShareOfJobs: AreaModel['digitalShareOfJobs'];
	digitalRepresentation: AreaModel['digitalRepresentation'];
	postingsTrend: AreaModel['postingsTrend'];
	weights: AreaModel['weights'];
	scenarios: AreaModel['scenarios'];
	vintages: AreaModel['vintages'];
	sources: AreaModel['sources'];
}

/** An area row as the API gives it: without the OEWS detail, with the area's sources. */
export function toGapRow(row: AreaRow, sources: GapRow['sources']): GapRow {
	const { oews: _oews, ...rest } = row;
	void _oews;
	return { ...rest, sources };
}

/** The model's summary without its rows (the parts of a page that are not the table). */
export function modelSummary(model: AreaModel): Omit<GapsReport, 'rows'> {
	return {
		area: model.area,
		year: model.year,
		regionalMedianWage: model.regionalMedianWage,
		total: model.total,
		coverage: model.coverage,
		livingWage: model.livingWage,
		familyWage: model.familyWage,
		supply: model.supply,
		representation: model.representation,
		digital: model.digital,
		digitalUncovered: model.digitalUncovered,
		digitalShareOfJobs: model.digitalShareOfJobs,
		digitalRepresentation: model.digitalRepresentation,
		postingsTrend: model.postingsTrend,
		weights: model.weights,
		scenarios: model.scenarios,
		vintages: model.vintages,
		sources: model.sources
	};
}

/** Each row's `sources`: the source and year of every run behind the area's figures. */
export const sourceYears = (model: AreaModel): GapRow['sources'] =>
	model.sources.map((s) => ({ source: s.source, year: s.year }));

export function gapRows(model: AreaModel): GapRow[] {
	const sources = sourceYears(model);
	return model.rows.map((r) => toGapRow(r, sources));
}

export function gapsReport(db: Db, area: string, options: AreaOptions = {}): GapsReport {
	const model = areaModel(db, area, options);
	const { area: a, year, ...rest } = modelSummary(model);
	return { area: a, year, rows: gapRows(model), ...rest };
}

/** The gaps rows as CSV: the JSON fields, with one column group per demographic group. */
export function gapsCsv(rows: readonly GapRow[], groups: readonly string[]): string {
	const r3 = (x: number | null, digits = 3) => round(x, digits);
	const base: [string, (r: GapRow) => CsvCell][] = [
		['soc', (r) => r.soc],
		['title', (r) => r.title],
		['category', (r) => r.category],
		['employment', (r) => r.employment],
		['lq', (r) => r3(r.lq)],
		['openings', (r) => r3(r.openings, 1)],
		['openingsGrowth', (r) => r3(r.openingsGrowth, 1)],
		['openingsReplacement', (r) => r3(r.openingsReplacement, 1)],
		['openingsMethod', (r) => r.openingsMethod],
		['openingsVintage', (r) => r.openingsSource?.vintage ?? null],
		['supply', (r) => r3(r.supply, 1)],
		['supplyStatus', (r) => r.supplyStatus],
		['supplyGap', (r) => r3(r.supplyGap, 1)],
		['supplyRatio', (r) => r3(r.supplyRatio)],
		['gapStatus', (r) => r.gapStatus],
		['gapReason', (r) => r.gapReason],
		['experienceFlag', (r) => r.experienceFlag],
		['supplyGapEven', (r) => r3(r.supplyGapEven, 1)],
		['signDisagrees', (r) => r.signDisagrees],
		['medianAnnualWage', (r) => r.medianAnnualWage],
		['medianTopCoded', (r) => r.medianTopCoded],
		['wageToRegionalMedian', (r) => r3(r.wageToRegionalMedian)],
		['wageToRegionalBound', (r) => r.wageToRegionalBound],
		['wageToNationalMedian', (r) => r3(r.wageToNationalMedian)],
		['wageToNationalBound', (r) => r.wageToNationalBound],
		['p25AnnualWage', (r) => r.p25AnnualWage],
		['entryAnnualWage', (r) => r.entryAnnualWage],
		['livingWageRatio', (r) => r3(r.livingWageRatio)],
		['livingWageBound', (r) => r.livingWageBound],
		['employmentReliability', (r) => r.reliability.employment],
		['wageReliability', (r) => r.reliability.wage],
		['entryEducation', (r) => r.entryEducation],
		['score', (r) => r3(r.score, 1)],
		['scoreReason', (r) => r.scoreReason],
		['rank', (r) => r.rank?.now ?? null],
		['rankBest', (r) => r.rank?.best ?? null],
		['rankWorst', (r) => r.rank?.worst ?? null]
	];
	const rep: [string, (r: GapRow) => CsvCell][] = groups.flatMap((g) => {
		const cell = (r: GapRow) => r.representation.find((c) => c.group === g);
		return [
			[`${g}Scope`, (r: GapRow) => cell(r)?.scope ?? null],
			[`${g}Share`, (r: GapRow) => r3(cell(r)?.share ?? null)],
			[`${g}Baseline`, (r: GapRow) => r3(cell(r)?.baseline ?? null)],
			[`${g}ParityIndex`, (r: GapRow) => r3(cell(r)?.parityIndex ?? null)],
			[`${g}MarginPoints`, (r: GapRow) => r3(cell(r)?.marginPoints ?? null, 1)],
			[`${g}Flag`, (r: GapRow) => cell(r)?.flag ?? null]
		] as [string, (r: GapRow) => CsvCell][];
	});
	const columns = [...base, ...rep];
	return toCsv(
		columns.map(([name]) => name),
		rows.map((r) => columns.map(([, get]) => get(r)))
	);
}

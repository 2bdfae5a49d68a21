/** The gaps rows as CSV: the JSON fields, with one column group per demographic group. */
import { toCsv, type CsvCell } from '../csv-out';
import type { GapRow } from './gaps';

const round = (x: number | null, digits = 3) =>
	x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

export function gapsCsv(rows: readonly GapRow[], groups: readonly string[]): string {
	const base: [string, (r: GapRow) => CsvCell][] = [
		['soc', (r) => r.soc],
		['title', (r) => r.title],
		['category', (r) => r.category],
		['employment', (r) => r.employment],
		['lq', (r) => round(r.lq)],
		['openings', (r) => round(r.openings, 1)],
		['openingsMethod', (r) => r.openingsMethod],
		['supply', (r) => round(r.supply, 1)],
		['supplyGap', (r) => round(r.supplyGap, 1)],
		['supplyRatio', (r) => round(r.supplyRatio)],
		['medianAnnualWage', (r) => r.medianAnnualWage],
		['medianTopCoded', (r) => r.medianTopCoded],
		['wageToRegionalMedian', (r) => round(r.wageToRegionalMedian)],
		['wageToNationalMedian', (r) => round(r.wageToNationalMedian)],
		['entryAnnualWage', (r) => r.entryAnnualWage],
		['livingWageRatio', (r) => round(r.livingWageRatio)],
		['entryEducation', (r) => r.entryEducation],
		['score', (r) => round(r.score, 1)]
	];
	const rep: [string, (r: GapRow) => CsvCell][] = groups.flatMap((g) => {
		const cell = (r: GapRow) => r.representation.find((c) => c.group === g);
		return [
			[`${g}Share`, (r: GapRow) => round(cell(r)?.share ?? null)],
			[`${g}Baseline`, (r: GapRow) => round(cell(r)?.baseline ?? null)],
			[`${g}ParityIndex`, (r: GapRow) => round(cell(r)?.parityIndex ?? null)],
			[`${g}Shortfall`, (r: GapRow) => round(cell(r)?.shortfall ?? null, 0)],
			[`${g}Flag`, (r: GapRow) => cell(r)?.flag ?? null]
		] as [string, (r: GapRow) => CsvCell][];
	});
	const columns = [...base, ...rep];
	return toCsv(
		columns.map(([name]) => name),
		rows.map((r) => columns.map(([, get]) => get(r)))
	);
}

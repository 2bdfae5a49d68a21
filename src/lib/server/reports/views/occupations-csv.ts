/** The occupations list as CSV: the API's JSON fields flattened, each value beside its status. */
import { round, type CsvCell } from '../../../domain/columns';
import type { OccupationRow } from '../../../domain/rows';
import { toCsv } from '../../csv-out';

const COLUMNS: [string, (r: OccupationRow) => CsvCell][] = [
	['soc', (r) => r.soc],
	['title', (r) => r.title],
	['level', (r) => r.level],
	['employment', (r) => r.employment],
	['employmentStatus', (r) => r.status.employment],
	['lq', (r) => round(r.lq, 3)],
	['lqStatus', (r) => r.status.lq],
	['lqPublished', (r) => r.lqPublished],
	['lqPublishedStatus', (r) => r.status.lqPublished],
	['medianAnnualWage', (r) => r.medianAnnualWage],
	['medianAnnualWageStatus', (r) => r.status.medianAnnualWage],
	['meanAnnualWage', (r) => r.meanAnnualWage],
	['meanAnnualWageStatus', (r) => r.status.meanAnnualWage],
	...(['p10', 'p25', 'p50', 'p75', 'p90'] as const).flatMap(
		(p): [string, (r: OccupationRow) => CsvCell][] => [
			[`annualWage${p.toUpperCase()}`, (r) => r.annualWagePercentiles[p]],
			[`annualWage${p.toUpperCase()}Status`, (r) => r.status.annualWagePercentiles[p]]
		]
	)
];

export function occupationsCsv(rows: readonly OccupationRow[]): string {
	return toCsv(
		COLUMNS.map(([name]) => name),
		rows.map((r) => COLUMNS.map(([, get]) => get(r)))
	);
}

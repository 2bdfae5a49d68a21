/**
 * A comparison as a table for a spreadsheet: one row per area and occupation, after each area's
 * headline rows (all occupations, then each digital-jobs category). Every measure of the column
 * registry comes with the files (`…_source`) and years (`…_year`) it was computed from, so a
 * figure pasted elsewhere still says where it came from.
 */
import { COLUMNS, type Column, type CsvCell } from '../../../domain/columns';
import { NATIONAL_AREA, ALL_OCCUPATIONS } from '../../../domain/codes';
import type { AreaRow } from '../../../domain/rows';
import type { Db } from '../../db/client';
import type { AreaModel } from '../area-model';
import { compareModels, nationalLq } from './compare';
import { provenance, provenanceHeaders } from './provenance';

export interface CompareTable {
	/** Lines saying what the table is, its sources and method (a CSV's first lines, an XLSX sheet). */
	about: string[];
	header: string[];
	rows: CsvCell[][];
	/** Without extension: the areas and the year(s), e.g. `compare-31080-99-2021`. */
	baseName: string;
}

const MEASURES = COLUMNS.filter((c) => c.key !== 'category') as readonly Column[];
const ROW_TYPES = {
	area: 'all-occupations',
	category: 'digital-category',
	representation: 'digital-representation',
	occupation: 'occupation'
};

/** Filled on `digital-representation` rows only: a group's share of the area's digital jobs. */
const GROUP_COLUMNS = [
	'group_share_of_digital_jobs',
	'group_baseline_share',
	'group_geography',
	'group_source',
	'group_year'
];

/** Each measure's figures, then the files and years they come from. */
const HEADER = [
	'area_code',
	'area_title',
	'area_year',
	'row_type',
	'soc',
	'title',
	'category',
	...MEASURES.flatMap((c) => [...c.csv.map(([h]) => h), ...provenanceHeaders(c)]),
	...GROUP_COLUMNS
];

const noGroup: CsvCell[] = GROUP_COLUMNS.map(() => null);

function areaRows(model: AreaModel): CsvCell[][] {
	const prov = new Map(MEASURES.map((c) => [c.key, provenance(model, c)]));
	const lead = [model.area.code, model.area.title, model.year];
	const occupationRow = (r: AreaRow): CsvCell[] => [
		...lead,
		ROW_TYPES.occupation,
		r.soc,
		r.title,
		r.category,
		...MEASURES.flatMap((c) => [...c.csv.map(([, get]) => get(r)), ...prov.get(c.key)!]),
		...noGroup
	];
	/**
	 * A headline row: only the named CSV columns filled (with their measures' sources), and the
	 * group columns only on a representation row.
	 */
	const headline = (
		type: string,
		soc: string,
		title: string,
		category: string | null,
		cells: Record<string, CsvCell>,
		group: CsvCell[] = noGroup
	) => [
		...lead,
		type,
		soc,
		title,
		category,
		...MEASURES.flatMap((c) => {
			const filled = c.csv.some(([h]) => h in cells);
			return [...c.csv.map(([h]) => cells[h] ?? null), ...(filled ? prov.get(c.key)! : ['', ''])];
		}),
		...group
	];
	/** A group's share of the area's digital jobs (pooled by employment) and its baseline share. */
	const [repSource, repYear] = prov.get('representation')!;
	const groupRow = (g: AreaModel['digitalRepresentation'][number]): CsvCell[] =>
		headline(ROW_TYPES.representation, '', g.group, null, {}, [
			g.shareOfDigitalJobs,
			g.baseline,
			model.representation.geography,
			repSource,
			repYear
		]);
	return [
		headline(ROW_TYPES.area, ALL_OCCUPATIONS, 'All occupations', null, {
			employment: model.total.employment,
			employment_status: model.total.employmentStatus,
			median_annual_wage: model.total.medianAnnualWage,
			median_status: model.total.medianStatus
		}),
		...model.digital.map((d) =>
			headline(ROW_TYPES.category, '', d.category, d.category, {
				employment: d.employment,
				median_annual_wage: d.medianWage
			})
		),
		...model.digitalRepresentation.map(groupRow),
		...model.rows.map((r) => occupationRow({ ...r, lq: nationalLq(model.area.code, r.lq) }))
	];
}

export function compareTable(db: Db, asked: string[], requested?: number): CompareTable {
	const { models, yearChoice } = compareModels(db, asked, requested);
	const years = [...new Set(models.map((m) => m.year))].sort();
	const files = [
		...new Set(
			models.flatMap((m) =>
				m.sources.map((s) => `${s.fileName} (${s.source}${s.year === null ? '' : ` ${s.year}`})`)
			)
		)
	];
	const about = [
		`Comparison of ${models.map((m) => `${m.area.title} (${m.area.code}; ${m.year})`).join('; ')}.`,
		yearChoice.status === 'none-shared'
			? 'The areas share no year: each is shown on its own latest year.'
			: `Year ${years.join('; ')} (${yearChoice.status === 'requested' ? 'as asked' : 'the latest year every area has'}).`,
		"Rows: per area its all-occupations total (soc 00-0000), each digital-jobs category, each group's share of the digital jobs against its baseline share (digital-representation; the group_ columns), then every occupation.",
		'Each measure is followed by the files (_source) and years (_year) it was computed from; empty cells were not published or do not apply (see the _status columns).',
		`The nation's location quotient is 1 by definition (area ${NATIONAL_AREA}).`,
		'Methods: docs/METHODS.md of the application; figures as on the compare page.',
		`Sources: ${files.join('; ')}.`
	];
	return {
		about,
		header: HEADER,
		rows: models.flatMap(areaRows),
		baseName: `compare-${models.map((m) => m.area.code).join('-')}-${years.join('-')}`
	};
}

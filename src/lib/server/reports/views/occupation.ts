/** One occupation in one area: everything a provider or counselor needs on one page. */
import type { GapRow, OccupationRow } from '../../../domain/rows';
import type { Db } from '../../db/client';
import {
	jobZone,
	programsFeeding,
	relatedOccupations,
	socDefinition,
	technologySkills,
	type ProgramRow,
	type RelatedRow,
	type TechSkill
} from '../../db/queries/occupation';
import { areaModel, type AreaModel, type AreaOptions } from '../area-model';
import { ReportError } from '../region';
import { sourceYears, toGapRow } from './gaps';

type Related = RelatedRow & { medianAnnualWage: number | null; employment: number | null };

export interface OccupationPage {
	area: AreaModel['area'];
	year: number;
	gap: GapRow;
	regional: OccupationRow;
	national: OccupationRow | null;
	topCode: number | null;
	definition: string | null;
	jobZone: number | null;
	skills: TechSkill[];
	relatedOut: Related[];
	relatedIn: Related[];
	programs: ProgramRow[];
	supplyYears: number[];
	leavesOut: readonly string[];
	representation: AreaModel['representation'];
	familyWage: AreaModel['familyWage'];
	vintages: AreaModel['vintages'];
	sources: AreaModel['sources'];
}

/** The model's row for `soc`, or a 404 that says the area has no estimate for it. */
export function rowFor(model: AreaModel, soc: string) {
	const row = model.rows.find((r) => r.soc === soc);
	if (!row)
		throw new ReportError(
			`${model.area.title} has no published estimate for occupation ${soc} in ${model.year}.`,
			404
		);
	return row;
}

export function occupationPage(
	db: Db,
	area: string,
	soc: string,
	options: AreaOptions = {}
): OccupationPage {
	const model = areaModel(db, area, options);
	const row = rowFor(model, soc);
	const local = new Map(model.oews.rows.map((r) => [r.soc, r]));
	const withLocal = (rows: RelatedRow[]) =>
		rows.map((r) => ({
			...r,
			medianAnnualWage: local.get(r.soc)?.medianAnnualWage ?? null,
			employment: local.get(r.soc)?.employment ?? null
		}));
	return {
		area: model.area,
		year: model.year,
		gap: toGapRow(row, sourceYears(model)),
		regional: row.oews,
		national: model.national?.rows.find((r) => r.soc === soc) ?? null,
		topCode: model.oews.topCode?.annual ?? null,
		definition: socDefinition(db, soc),
		jobZone: jobZone(db, soc),
		skills: technologySkills(db, soc),
		relatedOut: withLocal(relatedOccupations(db, soc, 'out')),
		relatedIn: withLocal(relatedOccupations(db, soc, 'in')),
		programs: programsFeeding(db, soc, model.placement),
		supplyYears: model.supply.years,
		leavesOut: model.supply.leavesOut,
		representation: model.representation,
		familyWage: model.familyWage,
		vintages: model.vintages,
		sources: model.sources
	};
}

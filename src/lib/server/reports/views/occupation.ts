/** One occupation in one area: everything a provider or counselor needs on one page. */
import type { GapRow, OccupationRow } from '../../../domain/rows';
import type { Db } from '../../db/client';
import { moveDirection, type MoveDirection } from '../../../analysis/moves';
import { stepPremium } from '../../../analysis/wages';
import {
	jobZone,
	jobZones,
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

/**
 * A related job with the move it makes from the job before it (this job for "where people go
 * next", the related job for "where people come from"): `direction` up or down by preparation
 * (Job Zone, then typical entry education), at the same preparation up when it pays 10% more
 * and lateral (a similar job) otherwise; and `wageChange` the local median pay change of that move as a
 * fraction, null when a wage is not published or top-coded at the start.
 */
type Related = RelatedRow & {
	medianAnnualWage: number | null;
	employment: number | null;
	direction: MoveDirection;
	wageChange: number | null;
	/** The destination's wage is top-coded, so `wageChange` is a lower bound. */
	wageChangeAtLeast: boolean;
};

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
	const modelRows = new Map(model.rows.map((r) => [r.soc, r]));
	const zones = jobZones(db);
	const asMoveEnd = (code: string) => {
		const r = modelRows.get(code);
		return {
			jobZone: zones.get(code) ?? null,
			entryEducation: r?.entryEducation ?? null,
			medianAnnualWage: local.get(code)?.medianAnnualWage ?? null,
			wageTopCoded: r?.medianTopCoded ?? false
		};
	};
	const payChange = (a: ReturnType<typeof asMoveEnd>, b: ReturnType<typeof asMoveEnd>) => {
		const p = stepPremium(
			{ value: a.medianAnnualWage, topCoded: a.wageTopCoded },
			{ value: b.medianAnnualWage, topCoded: b.wageTopCoded }
		);
		return {
			wageChange: p.premium,
			wageChangeAtLeast: p.premium !== null && p.atLeast,
			paysMore: p.paysMore === true
		};
	};
	const withLocal = (rows: RelatedRow[], way: 'out' | 'in'): Related[] =>
		rows.map((r) => {
			const [from, to] = way === 'out' ? [soc, r.soc] : [r.soc, soc];
			const a = asMoveEnd(from);
			const b = asMoveEnd(to);
			const pay = payChange(a, b);
			// Preparation decides first (the map's rule with the wages left out); at the same
			// preparation a job is "similar" unless it pays the map's 10% more.
			const byPreparation = moveDirection(
				{ ...a, medianAnnualWage: null },
				{ ...b, medianAnnualWage: null }
			);
			return {
				...r,
				medianAnnualWage: local.get(r.soc)?.medianAnnualWage ?? null,
				employment: local.get(r.soc)?.employment ?? null,
				direction: byPreparation !== 'lateral' ? byPreparation : pay.paysMore ? 'up' : 'lateral',
				wageChange: pay.wageChange,
				wageChangeAtLeast: pay.wageChangeAtLeast
			};
		});
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
		relatedOut: withLocal(relatedOccupations(db, soc, 'out'), 'out'),
		relatedIn: withLocal(relatedOccupations(db, soc, 'in'), 'in'),
		programs: programsFeeding(db, soc, model.placement),
		supplyYears: model.supply.years,
		leavesOut: model.supply.leavesOut,
		representation: model.representation,
		familyWage: model.familyWage,
		vintages: model.vintages,
		sources: model.sources
	};
}

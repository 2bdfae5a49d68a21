/** One occupation in one area: everything a provider or counselor needs on one page. */
import type { Db } from '../db/client';
import {
	jobZone,
	programsFeeding,
	relatedOccupations,
	socDefinition,
	technologySkills,
	type ProgramRow,
	type RelatedRow,
	type TechSkill
} from '../db/queries/occupation';
import { placementFor } from '../db/queries/sources';
import { NATIONAL_AREA } from '../import/sources/bls-oews';
import { gapsReport, type GapRow, type GapsOptions, type GapsReport } from './gaps';
import { regionReport, ReportError, type OccupationRow } from './region';

export interface OccupationPage {
	area: GapsReport['area'];
	year: number;
	gap: GapRow;
	regional: OccupationRow;
	national: OccupationRow | null;
	topCode: number | null;
	definition: string | null;
	jobZone: number | null;
	skills: TechSkill[];
	relatedOut: (RelatedRow & { medianAnnualWage: number | null; employment: number | null })[];
	relatedIn: (RelatedRow & { medianAnnualWage: number | null; employment: number | null })[];
	programs: ProgramRow[];
	supplyYears: number[];
	leavesOut: readonly string[];
	representation: GapsReport['representation'];
	sources: GapsReport['sources'];
}

export function occupationPage(
	db: Db,
	area: string,
	soc: string,
	options: GapsOptions = {}
): OccupationPage {
	const gaps = gapsReport(db, area, options);
	const gap = gaps.rows.find((r) => r.soc === soc);
	if (!gap)
		throw new ReportError(
			`${gaps.area.title} has no published estimate for occupation ${soc} in ${gaps.year}.`,
			404
		);
	const region = regionReport(db, area, gaps.year);
	const regional = region.rows.find((r) => r.soc === soc)!;
	const national =
		area === NATIONAL_AREA
			? regional
			: region.hasNationalReference
				? (regionReport(db, NATIONAL_AREA, gaps.year).rows.find((r) => r.soc === soc) ?? null)
				: null;
	const local = new Map(region.rows.map((r) => [r.soc, r]));
	const withLocal = (rows: RelatedRow[]) =>
		rows.map((r) => ({
			...r,
			medianAnnualWage: local.get(r.soc)?.medianAnnualWage ?? null,
			employment: local.get(r.soc)?.employment ?? null
		}));
	return {
		area: gaps.area,
		year: gaps.year,
		gap,
		regional,
		national,
		topCode: region.topCode?.annual ?? null,
		definition: socDefinition(db, soc),
		jobZone: jobZone(db, soc),
		skills: technologySkills(db, soc),
		relatedOut: withLocal(relatedOccupations(db, soc, 'out')),
		relatedIn: withLocal(relatedOccupations(db, soc, 'in')),
		programs: programsFeeding(db, soc, placementFor(db, gaps.area)),
		supplyYears: gaps.supply.years,
		leavesOut: gaps.supply.leavesOut,
		representation: gaps.representation,
		sources: gaps.sources
	};
}

/** The digital-jobs summary of an area: the area model narrowed to what a board quotes. */
import type { Db } from '../../db/client';
import { areaModel, type AreaModel } from '../area-model';

export interface DigitalSummary {
	area: AreaModel['area'];
	year: number;
	regionalMedianWage: number | null;
	total: AreaModel['total'];
	coverage: AreaModel['coverage'];
	categories: AreaModel['digital'];
	/** Per category, the SOC groups of its occupations the area's data lack (see area-model.ts). */
	uncovered: AreaModel['digitalUncovered'];
	shareOfJobs: number | null;
	representation: AreaModel['digitalRepresentation'];
	representationGeography: AreaModel['representation']['geography'];
	/** The year of the occupation shares (CPS). */
	representationYear: number | null;
	sources: AreaModel['sources'];
}

export function digitalSummary(db: Db, area: string, year?: number): DigitalSummary {
	const r = areaModel(db, area, { year });
	return {
		area: r.area,
		year: r.year,
		regionalMedianWage: r.regionalMedianWage,
		total: r.total,
		coverage: r.coverage,
		categories: r.digital,
		uncovered: r.digitalUncovered,
		shareOfJobs: r.digitalShareOfJobs,
		representation: r.digitalRepresentation,
		representationGeography: r.representation.geography,
		representationYear: r.representation.year,
		sources: r.sources
	};
}

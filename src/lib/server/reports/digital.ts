/** The digital-jobs summary of an area: the gaps report narrowed to what a board quotes. */
import type { Db } from '../db/client';
import { gapsReport, type GapsReport } from './gaps';

export interface DigitalSummary {
	area: GapsReport['area'];
	year: number;
	regionalMedianWage: number | null;
	categories: GapsReport['digital'];
	representation: GapsReport['digitalRepresentation'];
	representationGeography: GapsReport['representation']['geography'];
	baselineUniverse: string | null;
	sources: GapsReport['sources'];
}

export function digitalSummary(db: Db, area: string, year?: number): DigitalSummary {
	const r = gapsReport(db, area, { year });
	return {
		area: r.area,
		year: r.year,
		regionalMedianWage: r.regionalMedianWage,
		categories: r.digital,
		representation: r.digitalRepresentation,
		representationGeography: r.representation.geography,
		baselineUniverse: r.representation.baselineUniverse,
		sources: r.sources
	};
}

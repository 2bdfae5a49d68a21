/** One occupation in one area: everything a provider or counselor needs on one page. */
import { AWARD_GROUPS, awardGroup, type AwardGroup } from '../../../analysis/education-levels';
import type { FieldStatus, GapRow, OccupationRow, Percentiles } from '../../../domain/rows';
import type { Db } from '../../db/client';
import { moveDirection, type MoveDirection } from '../../../analysis/moves';
import { stepPremium } from '../../../analysis/wages';
import { factsFor, type FactRow } from '../../db/queries/oews';
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

/** How many institutions the page lists before "show all". */
export const INSTITUTIONS_SHOWN = 10;

/** The programs list's state, read from the URL so a filtered list is a link. */
export interface ProgramOptions {
	/** Only programs granting this kind of award; null: every award. */
	award: AwardGroup | null;
	/** Every institution rather than the first INSTITUTIONS_SHOWN. */
	all: boolean;
}

/** One institution's programs for the occupation, largest first. */
export interface InstitutionPrograms {
	unitid: string;
	institution: string;
	city: string | null;
	/** Graduates of the listed programs (IPEDS first majors). */
	completions: number;
	programs: ProgramRow[];
}

export interface ProgramsView extends ProgramOptions {
	/** Programs before the filter applies, in all and per award group (the filter's counts). */
	total: number;
	byAward: Record<AwardGroup, number>;
	/** How many institutions the list shows unless `all`. */
	firstShown: number;
	/** Programs, institutions and graduates that pass the filter. */
	count: number;
	institutionCount: number;
	graduates: number;
	/** The IPEDS year, or null with no programs at all. */
	year: number | null;
	/** Institutions by graduates, largest first: the first INSTITUTIONS_SHOWN unless `all`. */
	institutions: InstitutionPrograms[];
}

/** An OEWS row's hourly wages, each percentile with its publication status. */
export interface HourlyWages {
	percentiles: Percentiles;
	status: Record<keyof Percentiles, FieldStatus>;
}

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
	programs: ProgramsView;
	/** Hourly percentiles (OEWS publishes both; `annualOnly`/`hourlyOnly` rows lack one). */
	hourly: { regional: HourlyWages; national: HourlyWages | null; cap: number | null };
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
	options: AreaOptions = {},
	programOptions: ProgramOptions = { award: null, all: false }
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
		programs: programsView(programsFeeding(db, soc, model.placement, null), programOptions),
		hourly: {
			regional: hourlyWages(factsFor(db, model.area.code, model.year).facts, soc)!,
			national: model.national
				? hourlyWages(factsFor(db, model.national.area.code, model.year).facts, soc)
				: null,
			cap: model.oews.topCode?.hourly ?? null
		},
		supplyYears: model.supply.years,
		leavesOut: model.supply.leavesOut,
		representation: model.representation,
		familyWage: model.familyWage,
		vintages: model.vintages,
		sources: model.sources
	};
}

/** `?award=` (one of AWARD_GROUPS) and `?all=1`; any other award is a 400 that lists the choices. */
export function programOptionsFromUrl(url: URL): ProgramOptions {
	const award = url.searchParams.get('award') || null;
	if (award !== null && !(AWARD_GROUPS as readonly string[]).includes(award))
		throw new ReportError(
			`Unknown award "${award}": use one of ${AWARD_GROUPS.join(', ')}, or leave it out for every award.`,
			400
		);
	return { award: award as AwardGroup | null, all: url.searchParams.get('all') === '1' };
}

/** The programs grouped by institution, filtered to an award group, cut to the first few. */
export function programsView(rows: ProgramRow[], options: ProgramOptions): ProgramsView {
	const byAward = Object.fromEntries(AWARD_GROUPS.map((g) => [g, 0])) as Record<AwardGroup, number>;
	const kept: ProgramRow[] = [];
	for (const r of rows) {
		const group = awardGroup(r.awardLevel);
		if (group) byAward[group]++;
		if (options.award === null || group === options.award) kept.push(r);
	}
	const byInstitution = new Map<string, InstitutionPrograms>();
	for (const r of kept) {
		let inst = byInstitution.get(r.unitid);
		if (!inst) {
			inst = {
				unitid: r.unitid,
				institution: r.institution,
				city: r.city,
				completions: 0,
				programs: []
			};
			byInstitution.set(r.unitid, inst);
		}
		inst.completions += r.completions;
		inst.programs.push(r);
	}
	const institutions = [...byInstitution.values()].sort(
		(a, b) => b.completions - a.completions || a.institution.localeCompare(b.institution)
	);
	return {
		...options,
		total: rows.length,
		byAward,
		firstShown: INSTITUTIONS_SHOWN,
		count: kept.length,
		institutionCount: institutions.length,
		graduates: kept.reduce((s, r) => s + r.completions, 0),
		year: rows[0]?.year ?? null,
		institutions: options.all ? institutions : institutions.slice(0, INSTITUTIONS_SHOWN)
	};
}

function hourlyWages(facts: FactRow[], soc: string): HourlyWages | null {
	const f = facts.find((r) => r.soc === soc);
	if (!f) return null;
	const st = (s: FactRow['hourlyMedianStatus']): FieldStatus => s ?? 'published';
	return {
		percentiles: {
			p10: f.hourlyP10,
			p25: f.hourlyP25,
			p50: f.hourlyMedian,
			p75: f.hourlyP75,
			p90: f.hourlyP90
		},
		status: {
			p10: st(f.hourlyP10Status),
			p25: st(f.hourlyP25Status),
			p50: st(f.hourlyMedianStatus),
			p75: st(f.hourlyP75Status),
			p90: st(f.hourlyP90Status)
		}
	};
}

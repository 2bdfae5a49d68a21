/** Typed reads of OEWS facts, areas and import runs. No arithmetic here: see src/lib/analysis. */
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { groupOf, parseGroups } from '../../../domain/codes';
import { cached } from '../cache';
import type { Db } from '../client';
import { statusFields, type OewsStatuses } from '../oews-statuses';
import { areaAliases, areas, importRuns, oewsCoverage, oewsFacts, occupations } from '../schema';

export interface AreaSummary {
	code: string;
	title: string;
	type: 'national' | 'state' | 'msa' | 'nonmetro';
	state: string | null;
	necta: boolean;
	years: number[];
	/** Years whose data hold every occupation (the all-occupations total), not a partial file. */
	completeYears: number[];
}

export function listAreas(db: Db): AreaSummary[] {
	return cached(db, 'areas', () => listAreasUncached(db));
}

function listAreasUncached(db: Db): AreaSummary[] {
	const rows = db
		.select({
			code: areas.code,
			title: areas.title,
			type: areas.type,
			state: areas.state,
			necta: areas.necta,
			years: sql<string>`group_concat(distinct ${oewsCoverage.year})`,
			completeYears: sql<
				string | null
			>`group_concat(distinct case when ${oewsCoverage.occGroups} like '00%' then ${oewsCoverage.year} end)`
		})
		.from(areas)
		.innerJoin(oewsCoverage, eq(oewsCoverage.area, areas.code))
		.groupBy(areas.code)
		.orderBy(
			sql`case ${areas.type} when 'national' then 0 when 'state' then 1 else 2 end`,
			asc(areas.title)
		)
		.all();
	const years = (text: string | null) =>
		(text ?? '')
			.split(',')
			.filter((y) => y !== '')
			.map(Number)
			.sort((a, b) => a - b);
	return rows.map((r) => ({ ...r, years: years(r.years), completeYears: years(r.completeYears) }));
}

/**
 * The year a page opens on: the latest complete year (every occupation), so that a partial file
 * of a later year does not hide the full picture; else the latest year.
 */
export function defaultYear(area: AreaSummary): number {
	return area.completeYears.at(-1) ?? area.years.at(-1)!;
}

export function getArea(db: Db, code: string): AreaSummary | null {
	return listAreas(db).find((a) => a.code === code) ?? null;
}

/** The area code an alias (e.g. a CBSA code for a New England NECTA) stands for. */
export function resolveAreaAlias(db: Db, alias: string): string | null {
	const row = db
		.select({ code: areaAliases.code })
		.from(areaAliases)
		.where(eq(areaAliases.alias, alias))
		.get();
	return row?.code ?? null;
}

/** Every alias of each area code (e.g. 71650 → [14460]). */
export function aliasesByArea(db: Db): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const r of db.select().from(areaAliases).all()) {
		out.set(r.code, [...(out.get(r.code) ?? []), r.alias]);
	}
	return out;
}

/** The newest import run holding this area's estimates for the year, or null. */
export function latestRunFor(db: Db, area: string, year: number): number | null {
	const row = db
		.select({ runId: sql<number | null>`max(${oewsCoverage.runId})` })
		.from(oewsCoverage)
		.where(and(eq(oewsCoverage.area, area), eq(oewsCoverage.year, year)))
		.get();
	return row?.runId ?? null;
}

/** The runs behind an area-year, newest first, each with the occupation groups it supplies. */
export function coverageFor(
	db: Db,
	area: string,
	year: number
): { runId: number; groups: string[] }[] {
	return db
		.select({ runId: oewsCoverage.runId, groups: oewsCoverage.occGroups })
		.from(oewsCoverage)
		.where(and(eq(oewsCoverage.area, area), eq(oewsCoverage.year, year)))
		.orderBy(desc(oewsCoverage.runId))
		.all()
		.map((r) => ({ runId: r.runId, groups: parseGroups(r.groups) }));
}

/**
 * An area-year's occupations, assembled from every run that supplies part of it: each
 * occupation group comes from the newest run supplying it (see import/oews-coverage.ts).
 * `groups` are the groups present, sorted; `runIds` the runs actually used.
 */
export function factsFor(
	db: Db,
	area: string,
	year: number
): { facts: FactRow[]; runIds: number[]; groups: string[] } {
	const owner = new Map<string, number>();
	for (const run of coverageFor(db, area, year)) {
		for (const g of run.groups) if (!owner.has(g)) owner.set(g, run.runId);
	}
	const runIds = [...new Set(owner.values())].sort((a, b) => b - a);
	const facts =
		runIds.length === 1
			? factsForRun(db, runIds[0]!, area)
			: runIds
					.flatMap((id) =>
						factsForRun(db, id, area).filter((f) => owner.get(groupOf(f.soc)) === id)
					)
					.sort((a, b) => a.soc.localeCompare(b.soc));
	return { facts, runIds, groups: [...owner.keys()].sort() };
}

/** A fact row as readers see it: each measure's status unfolded into its own `…Status` field. */
export type FactRow = Omit<typeof oewsFacts.$inferSelect, 'statuses'> &
	OewsStatuses & {
		title: string;
		level: (typeof occupations.$inferSelect)['level'];
		vintage: string;
	};

/** Every occupation row of one import run for one area, with titles. */
export function factsForRun(db: Db, runId: number, area: string): FactRow[] {
	return cached(db, `facts:${runId}:${area}`, () => factsForRunUncached(db, runId, area));
}

function factsForRunUncached(db: Db, runId: number, area: string): FactRow[] {
	return db
		.select({
			...getTableColumns(oewsFacts),
			title: occupations.title,
			level: occupations.level,
			vintage: occupations.vintage
		})
		.from(oewsFacts)
		.innerJoin(occupations, eq(occupations.soc, oewsFacts.soc))
		.where(and(eq(oewsFacts.runId, runId), eq(oewsFacts.area, area)))
		.orderBy(asc(oewsFacts.soc))
		.all()
		.map(({ statuses, ...row }) => ({ ...row, ...statusFields(statuses) }));
}

export interface RunInfo {
	id: number;
	source: string;
	year: number | null;
	fileName: string;
	sha256: string;
	finishedAt: string | null;
	meta: Record<string, unknown> | null;
}

export function runsById(db: Db, ids: number[]): RunInfo[] {
	if (ids.length === 0) return [];
	return db
		.select({
			id: importRuns.id,
			source: importRuns.source,
			year: importRuns.year,
			fileName: importRuns.fileName,
			sha256: importRuns.sha256,
			finishedAt: importRuns.finishedAt,
			meta: importRuns.meta
		})
		.from(importRuns)
		.where(inArray(importRuns.id, ids))
		.orderBy(desc(importRuns.id))
		.all()
		.map((r) => ({ ...r, meta: r.meta ? (JSON.parse(r.meta) as Record<string, unknown>) : null }));
}

export function countImportRuns(db: Db): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(importRuns)
			.get()?.n ?? 0
	);
}

/**
 * The metro map's figures: one value per metropolitan (or NECTA) area and measure, for one year.
 * Each measure is chosen so that it can be read from a partial file of computer occupations as
 * well as from a complete one (it needs no all-occupations total), so every metro can be shaded
 * on the same footing.
 */
import type { Db } from '../db/client';
import { cached } from '../db/cache';
import { digitalCategoriesMap } from '../db/queries/sources';

import type { MapMeasure } from '../../map-measures';

export interface MapArea {
	code: string;
	title: string;
	state: string | null;
	values: Record<MapMeasure, number | null>;
	/** True when the area's data for the year hold every occupation (not a partial file). */
	complete: boolean;
}

export interface MetroMap {
	year: number | null;
	/** Years with metro data, newest last. */
	years: number[];
	areas: MapArea[];
	/** The files behind the figures. */
	sources: { fileName: string; year: number | null }[];
}

const COMPUTER = '15-0000';
const SOFTWARE = '15-1252';

/**
 * Metro figures for `year` (default: the year with the most metros). Facts come from the newest
 * run supplying each occupation group, as everywhere else (import/oews-coverage.ts).
 */
export function metroMap(db: Db, year?: number): MetroMap {
	return cached(db, `metro-map:${year ?? ''}`, () => build(db, year));
}

function build(db: Db, asked?: number): MetroMap {
	const sqlite = db.$client;
	const counts = sqlite
		.prepare(
			`SELECT c.year, count(DISTINCT c.area) AS n FROM oews_coverage c
			 JOIN areas a ON a.code = c.area WHERE a.type = 'msa' GROUP BY c.year ORDER BY c.year`
		)
		.all() as { year: number; n: number }[];
	const years = counts.map((c) => c.year);
	const year = asked ?? [...counts].sort((a, b) => b.n - a.n || b.year - a.year)[0]?.year ?? null;
	if (year === null) return { year: null, years, areas: [], sources: [] };
	const digital = digitalCategoriesMap(db).bySoc;
	const socs = [...new Set([COMPUTER, SOFTWARE, ...digital.keys()])];
	// The group test `,15,` within `,00,11,15,`: occ_groups is a sorted comma list.
	const supplies = (alias: string) =>
		`(',' || ${alias}.occ_groups || ',') LIKE '%,' || substr(f.soc, 1, 2) || ',%'`;
	const rows = sqlite
		.prepare(
			`SELECT c.area, a.title, a.state, f.soc, f.employment, f.jobs_per_1000 AS per1000,
			        f.lq_published AS lq, f.annual_median AS median, c.run_id AS runId
			 FROM oews_coverage c
			 JOIN areas a ON a.code = c.area AND a.type = 'msa'
			 JOIN oews_facts f ON f.run_id = c.run_id AND f.area = c.area
			 WHERE c.year = ? AND f.soc IN (SELECT value FROM json_each(?)) AND ${supplies('c')}
			   AND c.run_id = (SELECT max(c2.run_id) FROM oews_coverage c2
			                   WHERE c2.area = c.area AND c2.year = c.year AND ${supplies('c2')})
			 ORDER BY a.title`
		)
		.all(year, JSON.stringify(socs)) as {
		area: string;
		title: string;
		state: string | null;
		soc: string;
		employment: number | null;
		per1000: number | null;
		lq: number | null;
		median: number | null;
		runId: number;
	}[];
	const complete = new Set(
		(
			sqlite
				.prepare(`SELECT area FROM oews_coverage WHERE year = ? AND occ_groups LIKE '00%'`)
				.all(year) as { area: string }[]
		).map((r) => r.area)
	);
	const areas = new Map<string, MapArea>();
	const runIds = new Set<number>();
	for (const r of rows) {
		runIds.add(r.runId);
		let a = areas.get(r.area);
		if (!a) {
			a = {
				code: r.area,
				title: r.title,
				state: r.state,
				values: { digitalPer1000: null, computerLq: null, softwareWage: null, computerJobs: null },
				complete: complete.has(r.area)
			};
			areas.set(r.area, a);
		}
		if (r.soc === COMPUTER) {
			a.values.computerLq = r.lq;
			a.values.computerJobs = r.employment;
		}
		if (r.soc === SOFTWARE) a.values.softwareWage = r.median;
		if (digital.has(r.soc) && r.per1000 !== null) {
			// JOBS_1000 is per 1,000 of all the area's jobs, so shares add up without the total.
			a.values.digitalPer1000 =
				Math.round(((a.values.digitalPer1000 ?? 0) + r.per1000) * 1000) / 1000;
		}
	}
	const sources = runIds.size
		? (sqlite
				.prepare(
					`SELECT file_name AS fileName, year FROM import_runs WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`
				)
				.all(JSON.stringify([...runIds])) as { fileName: string; year: number | null }[])
		: [];
	return { year, years, areas: [...areas.values()], sources };
}

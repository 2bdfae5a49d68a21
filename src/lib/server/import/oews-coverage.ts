/**
 * Partial OEWS files. BLS publishes complete area files (every occupation and the 00-0000
 * total), but users also bring cuts: one occupation group for every metro, or a few rows of one
 * area. Coverage is tracked per occupation group (the two-digit SOC major code, `00` for the
 * total), per import run, area and year, in `oews_coverage.occ_groups`:
 *
 * - a group the area-year does not have yet is added;
 * - a group it already has is kept as it is, unless the user chose to replace (`replace`), in
 *   which case the new run supplies it and the older run's rows of that group are set aside;
 * - readers take each group from the newest run that supplies it (db/queries/oews.ts).
 *
 * So a file holding only computer occupations adds them where they are missing and never
 * displaces a complete file's picture by accident.
 */
import type Database from 'better-sqlite3';
import { TOTAL_GROUP, formatGroups, groupOf, parseGroups } from '../../domain/codes';

/** One run's share of an area-year. */
export interface HeldRun {
	runId: number;
	fileName: string;
	groups: Set<string>;
}

/** Where a file met groups an area-year already had, and what became of its rows there. */
export interface Overlap {
	area: string;
	year: number;
	/** Groups of this file the area-year already held. */
	groups: string[];
	/** The runs that held them. */
	runs: { runId: number; fileName: string }[];
	/** `kept`: the earlier figures stay and this file's rows for these groups are not used. */
	action: 'kept' | 'replaced';
	/** This file's rows for those groups. */
	rows: number;
}

/** What the database holds for each area in `year`, newest run first. */
export function heldForYear(sqlite: Database.Database, year: number): Map<string, HeldRun[]> {
	const rows = sqlite
		.prepare(
			`SELECT c.area, c.run_id AS runId, r.file_name AS fileName, c.occ_groups AS groups
			 FROM oews_coverage c JOIN import_runs r ON r.id = c.run_id
			 WHERE c.year = ? ORDER BY c.run_id DESC`
		)
		.all(year) as { area: string; runId: number; fileName: string; groups: string }[];
	const held = new Map<string, HeldRun[]>();
	for (const r of rows) {
		const list = held.get(r.area) ?? [];
		list.push({ runId: r.runId, fileName: r.fileName, groups: new Set(parseGroups(r.groups)) });
		held.set(r.area, list);
	}
	return held;
}

/**
 * Decides, row by row, whether a file's row is written: the one place the add / keep / replace
 * rule lives. Also collects what the file supplies per area, for its coverage rows.
 */
export class CoverageDecision {
	private readonly supplied = new Map<string, Set<string>>();
	private readonly met = new Map<string, Overlap>();

	constructor(
		private readonly held: Map<string, HeldRun[]>,
		private readonly year: number,
		private readonly replace: boolean
	) {}

	/** The last area and group accepted that no earlier run holds (rows come area by area). */
	private lastArea = '';
	private lastGroup = '';

	/** True when the row (area, SOC code) is to be written. */
	accept(area: string, soc: string): boolean {
		const group = groupOf(soc);
		// The same area and group as the last row, already recorded: no set to hash a new string into.
		if (area === this.lastArea && group === this.lastGroup) return true;
		const holder = this.held.get(area)?.find((run) => run.groups.has(group));
		if (holder) {
			let overlap = this.met.get(area);
			if (!overlap) {
				overlap = {
					area,
					year: this.year,
					groups: [],
					runs: [],
					action: this.replace ? 'replaced' : 'kept',
					rows: 0
				};
				this.met.set(area, overlap);
			}
			overlap.rows++;
			if (!overlap.groups.includes(group)) overlap.groups.push(group);
			if (!overlap.runs.some((r) => r.runId === holder.runId)) {
				overlap.runs.push({ runId: holder.runId, fileName: holder.fileName });
			}
			if (!this.replace) return false;
		}
		let groups = this.supplied.get(area);
		if (!groups) this.supplied.set(area, (groups = new Set<string>()));
		groups.add(group);
		// Rows that replace another run's are counted one by one (above): those are not cached.
		if (!holder) {
			this.lastArea = area;
			this.lastGroup = group;
		}
		return true;
	}

	/** The groups this file supplies for `area`, as stored. */
	groupsFor(area: string): string {
		return formatGroups(this.supplied.get(area) ?? []);
	}

	overlaps(): Overlap[] {
		return [...this.met.values()].map((o) => ({ ...o, groups: o.groups.sort() }));
	}
}

/** Notes for the import report: what was kept or replaced, a few areas by name. */
export function overlapNotes(overlaps: readonly Overlap[], limit = 10): string[] {
	const notes = overlaps.slice(0, limit).map((o) => {
		const runs = o.runs.map((r) => `run ${r.runId}, ${r.fileName}`).join('; ');
		const groups = o.groups.map((g) => (g === TOTAL_GROUP ? 'the all-occupations total' : g));
		return o.action === 'kept'
			? `area ${o.area}, May ${o.year}: already holds occupation group ${groups.join(', ')} (${runs}); this file's ${o.rows} rows for it were not used — replace to use them instead (--replace)`
			: `area ${o.area}, May ${o.year}: this file's ${o.rows} rows replace occupation group ${groups.join(', ')} of ${runs}`;
	});
	if (overlaps.length > limit) {
		notes.push(`… and ${overlaps.length - limit} more area-years that already held these groups`);
	}
	return notes;
}

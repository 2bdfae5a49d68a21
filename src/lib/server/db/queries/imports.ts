/** Import history: every run with what it read, and deleting a run with all its rows. */
import { cached } from '../cache';
import type { Db } from '../client';

export interface ImportRunRow {
	id: number;
	source: string;
	year: number | null;
	fileName: string;
	sha256: string;
	rowsRead: number;
	rowsImported: number;
	status: string;
	importedBy: string | null;
	startedAt: string;
	finishedAt: string | null;
}

export function listImportRuns(db: Db): ImportRunRow[] {
	return db.$client
		.prepare(
			`SELECT id, source, year, file_name AS fileName, sha256, rows_read AS rowsRead,
			        rows_imported AS rowsImported, status, imported_by AS importedBy,
			        started_at AS startedAt, finished_at AS finishedAt
			 FROM import_runs ORDER BY id DESC`
		)
		.all() as ImportRunRow[];
}

/** The stored file of one run (its sha256 names it in the uploads folder), or null. */
export function importRunFile(db: Db, id: number): { sha256: string; fileName: string } | null {
	const run = db.$client
		.prepare('SELECT sha256, file_name AS fileName FROM import_runs WHERE id = ?')
		.get(id) as { sha256: string; fileName: string } | undefined;
	return run ?? null;
}

/**
 * Deletes a run and, through the foreign keys' ON DELETE CASCADE, every row it imported — in one
 * transaction, so pages see the data either with the run or without it. Returns false when no
 * such run exists.
 */
export function deleteImportRun(db: Db, id: number): boolean {
	const run = db.$client.transaction((runId: number) => {
		return db.$client.prepare('DELETE FROM import_runs WHERE id = ?').run(runId).changes > 0;
	});
	return run(id);
}

/** What an import run changed, for links to the pages that show it. */
export interface RunReach {
	/** Areas its rows are about (codes, sorted), with their titles where the areas table has them. */
	areas: { code: string; title: string | null }[];
	/** Occupations of a run about few of them (at most three, in one area): their pages. */
	occupations: { area: string; soc: string }[];
	/** Whether it wrote career-pathway moves. */
	pathways: boolean;
}

/** Occupations a run may name before their pages are too many to link one by one. */
const FEW_OCCUPATIONS = 3;

/**
 * Each run's reach, read from the rows it wrote (runs do not record their areas): every table
 * with a run id and an area column, grouped once per table. Cached per data version, since it
 * changes only with an import or a deletion.
 */
export function runReach(db: Db): Map<number, RunReach> {
	return cached(db, 'run-reach', () => {
		const sqlite = db.$client;
		const tables = sqlite
			.prepare(
				`SELECT m.name AS name,
				        EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'soc') AS hasSoc
				 FROM sqlite_master m
				 WHERE m.type = 'table'
				   AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'run_id')
				   AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'area')`
			)
			.all() as { name: string; hasSoc: 0 | 1 }[];
		const titles = new Map(
			(
				sqlite.prepare('SELECT code, title FROM areas').all() as { code: string; title: string }[]
			).map((a) => [a.code, a.title])
		);
		const byRun = new Map<number, { areas: Set<string>; socs: Map<string, Set<string>> }>();
		const entry = (run: number) => {
			let e = byRun.get(run);
			if (!e) byRun.set(run, (e = { areas: new Set(), socs: new Map() }));
			return e;
		};
		for (const t of tables) {
			const socs = t.hasSoc
				? `CASE WHEN count(DISTINCT soc) <= ${FEW_OCCUPATIONS} THEN group_concat(DISTINCT soc) END`
				: 'NULL';
			const rows = sqlite
				.prepare(
					`SELECT run_id AS run, area, ${socs} AS socs FROM "${t.name}"
					 WHERE area IS NOT NULL GROUP BY run_id, area`
				)
				.all() as { run: number; area: string; socs: string | null }[];
			for (const r of rows) {
				const e = entry(r.run);
				e.areas.add(r.area);
				if (r.socs) {
					const set = e.socs.get(r.area) ?? new Set();
					for (const soc of r.socs.split(',')) if (soc) set.add(soc);
					e.socs.set(r.area, set);
				}
			}
		}
		const withPathways = new Set(
			(
				sqlite.prepare('SELECT DISTINCT run_id AS run FROM pathway_edges').all() as {
					run: number;
				}[]
			).map((r) => r.run)
		);
		const out = new Map<number, RunReach>();
		for (const run of new Set([...byRun.keys(), ...withPathways])) {
			const e = byRun.get(run);
			const areas = [...(e?.areas ?? [])].sort();
			const socs = e && e.areas.size === 1 ? [...(e.socs.get(areas[0]!) ?? [])].sort() : [];
			out.set(run, {
				areas: areas.map((code) => ({ code, title: titles.get(code) ?? null })),
				occupations:
					socs.length <= FEW_OCCUPATIONS ? socs.map((soc) => ({ area: areas[0]!, soc })) : [],
				pathways: withPathways.has(run)
			});
		}
		return out;
	});
}

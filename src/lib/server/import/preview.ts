/**
 * What the data page shows before an import: the detected source and year, the first rows as
 * they will be read, the problems found in a sample, and for files we do not recognise (or the
 * generic formats) the fields their columns can be mapped to.
 *
 * The sample is validated by a real dry run of the loader against a scratch in-memory database
 * with the same schema, so the preview never takes the write lock of the real one (an import
 * may be running) and can never change it.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { createDb, migrateDb, type Db } from '../db/client';
import { importFile, isConstant, type FilePreview } from './load';
import { headerKey } from './normalize';
import { ADAPTERS } from './sources/index';
import type { Overlap } from './oews-coverage';
import type { Issue } from './sources/types';

/** Data rows a preview validates (the import itself validates every row). */
export const PREVIEW_SAMPLE_ROWS = 2000;

export interface MappingTarget {
	id: string;
	title: string;
	required: string[];
	optional: string[];
}

export interface UploadPreview {
	file: string;
	size: number;
	sha256: string | null;
	source: { id: string; title: string; publisher: string } | null;
	year: number | null;
	table: FilePreview | null;
	/** Rows the sample read and whether they pass. */
	sampleRows: number;
	ok: boolean;
	issues: Issue[];
	notes: string[];
	alreadyImported: { runId: number; source: string; year: number | null } | null;
	/**
	 * Area-years (in the rows checked) whose occupation groups are already in the database:
	 * without the Replace choice the import keeps those figures and skips this file's rows.
	 */
	overlaps: Overlap[];
	/** The mapping used for this preview, and whether it came from an earlier confirmation. */
	mapping: { signature: string | null; columnMap: Record<string, string>; saved: boolean };
	targets: MappingTarget[];
}

/** The formats a user maps their own columns to: the generic CSV kinds (plain field names). */
export function mappingTargets(): MappingTarget[] {
	const field = /^[a-z][a-z0-9_]*$/;
	return ADAPTERS.filter((a) => a.id.startsWith('generic-')).map((a) => ({
		id: a.id,
		title: a.title,
		required: a.required.filter((f) => field.test(f)),
		optional: a.optional.filter((f) => field.test(f))
	}));
}

/** Each source's name as people call it, by its id (`bls-oews` → its title). */
export function sourceTitles(): Map<string, string> {
	return new Map(ADAPTERS.map((a) => [a.id, a.title]));
}

/** A header's identity for remembering its mapping: its normalised cells in order. */
export function headerSignature(header: string[]): string | null {
	const keys = header.map(headerKey);
	if (keys.every((k) => k === '')) return null;
	return createHash('sha256').update(keys.join('\u001f')).digest('hex');
}

export function savedMapping(db: Db, signature: string): Record<string, string> | null {
	const row = db.$client
		.prepare('SELECT mapping FROM column_mappings WHERE signature = ?')
		.get(signature) as { mapping: string } | undefined;
	if (!row) return null;
	try {
		const parsed = JSON.parse(row.mapping) as unknown;
		return isColumnMap(parsed) ? parsed : null;
	} catch {
		return null;
	}
}

export function saveMapping(
	db: Db,
	header: string[],
	columnMap: Record<string, string>,
	by: string | null
): void {
	const signature = headerSignature(header);
	// Values for every row belong to one file (its area, its year), not to its columns' names.
	const columns = Object.fromEntries(Object.entries(columnMap).filter(([k]) => !isConstant(k)));
	if (!signature || Object.keys(columns).length === 0) return;
	db.$client
		.prepare(
			`INSERT INTO column_mappings (signature, header, mapping, updated_at, updated_by)
			 VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT(signature) DO UPDATE SET header = excluded.header, mapping = excluded.mapping,
			   updated_at = excluded.updated_at, updated_by = excluded.updated_by`
		)
		.run(signature, JSON.stringify(header), JSON.stringify(columns), new Date().toISOString(), by);
}

/** A column map from untrusted input: a flat object of short strings, at most 200 entries. */
export function isColumnMap(value: unknown): value is Record<string, string> {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
	const entries = Object.entries(value);
	return (
		entries.length <= 200 &&
		entries.every(([k, v]) => k.length <= 200 && typeof v === 'string' && v.length <= 200)
	);
}

let template: Buffer | null = null;

/** A fresh in-memory database with the app's schema (a migrated image, made once, reopened). */
function scratchDb(): Database.Database {
	if (!template) {
		const db = createDb(':memory:');
		migrateDb(db);
		template = db.$client.serialize();
		db.$client.close();
	}
	const sqlite = new Database(template);
	sqlite.pragma('foreign_keys = ON');
	return sqlite;
}

/**
 * Reference tables some formats read while importing (OEWS 2019–2020: the hybrid crosswalk;
 * CPS Table 11: SOC titles; SOC files: known occupations), copied from the real database so the
 * dry run judges a file as the import will. `import_runs` comes along for their foreign keys,
 * with its hashes changed so the file being previewed is never taken as already imported.
 */
const REFERENCE_TABLES = [
	'areas',
	'occupations',
	'occupation_crosswalk',
	'soc_definitions',
	'occupation_titles',
	// Which occupation groups each area-year already holds: the preview says what would be replaced.
	'oews_coverage'
] as const;

function copyReference(scratch: Database.Database, realPath: string): void {
	if (!realPath || realPath === ':memory:') return;
	scratch.pragma('foreign_keys = OFF');
	scratch.prepare('ATTACH DATABASE ? AS real').run(realPath);
	try {
		const columns = (
			scratch.prepare("SELECT name FROM pragma_table_info('import_runs')").all() as {
				name: string;
			}[]
		).map((c) => c.name);
		const select = columns.map((c) => (c === 'sha256' ? `'reference-' || id` : c)).join(', ');
		scratch.exec(
			`INSERT INTO main.import_runs (${columns.join(', ')}) SELECT ${select} FROM real.import_runs`
		);
		for (const table of REFERENCE_TABLES) {
			scratch.exec(`INSERT INTO main.${table} SELECT * FROM real.${table}`);
		}
	} finally {
		scratch.exec('DETACH DATABASE real');
		scratch.pragma('foreign_keys = ON');
	}
}

export async function previewUpload(
	db: Db,
	path: string,
	options: {
		fileName: string;
		columnMap?: Record<string, string>;
		year?: number;
		replace?: boolean;
	}
): Promise<UploadPreview> {
	const scratch = scratchDb();
	try {
		copyReference(scratch, db.$client.name);
		const run = (columnMap?: Record<string, string>) =>
			importFile(scratch, path, {
				fileName: options.fileName,
				year: options.year,
				columnMap,
				sample: PREVIEW_SAMPLE_ROWS,
				replace: options.replace,
				audience: 'browser'
			});
		let columnMap = options.columnMap ?? {};
		let report = await run(options.columnMap);
		let saved = false;
		const signature = report.preview ? headerSignature(report.preview.header) : null;
		if (!options.columnMap && signature) {
			// A header an editor mapped before: use the mapping they confirmed then.
			const remembered = savedMapping(db, signature);
			if (remembered) {
				report = await run(remembered);
				columnMap = remembered;
				saved = true;
			}
		}
		const adapter = ADAPTERS.find((a) => a.id === report.source) ?? null;
		const earlier = report.sha256
			? (db.$client
					.prepare('SELECT id AS runId, source, year FROM import_runs WHERE sha256 = ?')
					.get(report.sha256) as UploadPreview['alreadyImported'] | undefined)
			: undefined;
		return {
			file: options.fileName,
			size: statSync(path).size,
			sha256: report.sha256,
			source: adapter
				? { id: adapter.id, title: adapter.title, publisher: adapter.publisher }
				: null,
			year: report.year,
			table: report.preview ?? null,
			sampleRows: report.rowsRead,
			ok: report.status !== 'rejected',
			issues: report.issues,
			notes: report.notes,
			alreadyImported: earlier ?? null,
			overlaps: report.overlaps,
			mapping: { signature, columnMap, saved },
			targets: mappingTargets()
		};
	} finally {
		scratch.close();
	}
}

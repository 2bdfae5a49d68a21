/**
 * The bundled sample (data/sample/), in the order it must be imported: reference tables before
 * the files that rely on them. Env-free, used by `npm start`, `npm run seed` and the tests.
 */
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { importFile, type FileReport } from '../src/lib/server/import/load';

export const SAMPLE_DIR = resolve(process.cwd(), 'data/sample');

export const SAMPLE_FILES = [
	'oes_2019_hybrid_structure.xlsx',
	'national_M2020_dl.xlsx',
	'national_M2021_dl.xlsx',
	'national_M2022_dl.xlsx',
	'national_M2023_dl.xlsx',
	'national_M2024_dl.xlsx',
	'national_M2025_dl.xlsx',
	'oews_MSA_M2021_los_angeles.csv'
];

/** The CBSA codes of New England metros that OEWS publishes under NECTA codes. */
export const AREA_ALIASES: { alias: string; code: string; note: string }[] = [
	{
		alias: '14460',
		code: '71650',
		note: 'Boston-Cambridge-Newton CBSA; OEWS NECTA Boston-Cambridge-Nashua'
	},
	{ alias: '49340', code: '79600', note: 'Worcester CBSA; OEWS NECTA Worcester, MA-CT' }
];

export async function loadSample(
	sqlite: Database.Database,
	log: (line: string) => void = () => {}
): Promise<FileReport[]> {
	const insertAlias = sqlite.prepare(
		'INSERT OR IGNORE INTO area_aliases (alias, code, note) VALUES (?, ?, ?)'
	);
	for (const a of AREA_ALIASES) insertAlias.run(a.alias, a.code, a.note);
	const reports: FileReport[] = [];
	for (const name of SAMPLE_FILES) {
		const report = await importFile(sqlite, resolve(SAMPLE_DIR, name));
		log(
			`${report.status} ${name}${report.status === 'imported' ? ` (${report.rowsImported} rows)` : ''}`
		);
		if (report.status === 'rejected') {
			throw new Error(
				`bundled sample ${name} was rejected: ${report.issues.map((i) => i.message).join('; ')}`
			);
		}
		reports.push(report);
	}
	return reports;
}

/**
 * The bundled sample (data/sample/), in the order it must be imported: reference tables before
 * the files that rely on them. Env-free, used by `npm start`, `npm run seed` and the tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { importFile, type FileReport } from '../src/lib/server/import/load';

const ROOT = process.cwd();

/**
 * Every bundled file, in import order: reference tables and code maps first (the OEWS 2019/2020
 * files need the hybrid structure; CPS title matching uses SOC and O*NET titles), then the facts.
 */
export const SAMPLE_FILES = [
	'data/sample/oes_2019_hybrid_structure.xlsx',
	'data/sample/soc_2018_definitions.xlsx',
	'data/sample/soc_2018_direct_match_title_file.xlsx',
	'data/reference/digital-jobs-categories.csv',
	'data/reference/licensed-occupations.csv',
	'data/sample/hhs_poverty_guidelines_2019_2025.csv',
	'data/sample/census_2018_occupation_code_list_and_crosswalk.xlsx',
	'data/sample/CIP2020_SOC2018_Crosswalk.xlsx',
	'data/sample/national_M2020_dl.xlsx',
	'data/sample/national_M2021_dl.xlsx',
	'data/sample/national_M2022_dl.xlsx',
	'data/sample/national_M2023_dl.xlsx',
	'data/sample/national_M2024_dl.xlsx',
	'data/sample/national_M2025_dl.xlsx',
	'data/sample/oews_MSA_M2021_los_angeles.csv',
	'data/sample/oews_MSA_M2022_computer_occupations.csv',
	'data/sample/onet/Occupation Data.txt',
	'data/sample/onet/Related Occupations.txt',
	'data/sample/onet/Job Zones.txt',
	'data/sample/onet/Education, Training, and Experience Categories.txt',
	'data/sample/onet/Education, Training, and Experience.xlsx',
	'data/sample/onet/Technology Skills.txt',
	'data/sample/onet/Alternate Titles.xlsx',
	'data/sample/bls_ep_occupation_2022-32.xlsx',
	'data/sample/bls_ep_occupation_2024-34.xlsx',
	'data/sample/cpsaat11_2021.xlsx',
	'data/sample/cpsaat11_2022.xlsx',
	'data/sample/cpsaat11_2023.xlsx',
	'data/sample/acs1_2019_cbsa.csv',
	'data/sample/ipeds/hd2022_target_cbsas.csv',
	'data/sample/ipeds/hd2023_target_cbsas.csv',
	'data/sample/ipeds/hd2024.csv',
	'data/sample/ipeds/c2022_a_target_cbsas.csv',
	'data/sample/ipeds/c2023_a_target_cbsas.csv',
	'data/sample/ipeds/c2024_a_all_institutions.csv',
	'data/sample/indeed/aggregate_job_postings_US.csv',
	'data/sample/indeed/job_postings_by_sector_US.csv',
	'data/sample/indeed/metro_job_postings_us.csv',
	// Last, so the run ids of the files above stay as they were before these were bundled.
	'data/sample/onet/Skills.txt',
	'data/sample/credentials/it_credentials.csv',
	'data/sample/credentials/funding_sources.csv'
];

/**
 * The 2023 CBSA codes people know for areas OEWS publishes under other codes: New England NECTAs
 * (Boston 14460 → 71650) and metros renumbered in 2023 (Cleveland 17410 → 17460). Read from the
 * project's own table, which the metro map uses too.
 */
export function areaAliases(root = ROOT): { alias: string; code: string; note: string }[] {
	const lines = readFileSync(resolve(root, 'data/reference/oews-area-cbsa.csv'), 'utf8')
		.split(/\r?\n/)
		.slice(1)
		.filter((l) => l.trim() !== '');
	return lines
		.map((line) => {
			const [code = '', alias = '', , ...note] = line.split(',');
			return { alias, code, note: `CBSA ${alias} (2023); ${note.join(',')}` };
		})
		.filter((a) => a.alias !== '' && a.alias !== a.code);
}

export async function loadSample(
	sqlite: Database.Database,
	log: (line: string) => void = () => {}
): Promise<FileReport[]> {
	const insertAlias = sqlite.prepare(
		'INSERT OR IGNORE INTO area_aliases (alias, code, note) VALUES (?, ?, ?)'
	);
	for (const a of areaAliases()) insertAlias.run(a.alias, a.code, a.note);
	const reports: FileReport[] = [];
	for (const name of SAMPLE_FILES) {
		const report = await importFile(sqlite, resolve(ROOT, name));
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

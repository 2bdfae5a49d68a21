/**
 * npm run bench:report — cost of the gaps report and of a 6-area comparison against a plain
 * SELECT of the same fact rows, in the same run (medians of repeated runs).
 *
 * The database is a temporary one: the real reference files (EP projections, CIP–SOC crosswalk,
 * digital categories, CPS Table 11, ACS baseline, IPEDS 2024, national OEWS 2024) plus SYNTHETIC
 * OEWS rows for 400 made-up metro areas × the first 800 real detailed SOC codes (values drawn from
 * a seeded generator, clearly not data), so every part of the report has work to do.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateDb } from '../src/lib/server/db/client';
import { importFile } from '../src/lib/server/import/load';
import { compareReport } from '../src/lib/server/reports/views/compare';
import { gapsReport } from '../src/lib/server/reports/views/gaps';
import { median } from './harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const AREAS = 400;
const OCCUPATIONS = 800;
const dir = mkdtempSync(join(tmpdir(), 'rlm-bench-report-'));
const db = createDb(join(dir, 'bench.db'));
migrateDb(db);

const reference = [
	'data/sample/national_M2024_dl.xlsx',
	'data/sample/bls_ep_occupation_2024-34.xlsx',
	'data/sample/CIP2020_SOC2018_Crosswalk.xlsx',
	'data/reference/digital-jobs-categories.csv',
	'data/sample/cpsaat11_2022.xlsx',
	'data/sample/acs1_2019_cbsa.csv',
	'data/sample/ipeds/hd2024.csv',
	'data/sample/ipeds/c2024_a_all_institutions.csv'
];
for (const f of reference) {
	const r = await importFile(db.$client, f);
	if (r.status !== 'imported') throw new Error(`${f}: ${JSON.stringify(r.issues[0])}`);
}

// Synthetic metro rows over real SOC codes.
const socs = (
	db.$client
		.prepare("SELECT soc, title FROM occupations WHERE level = 'detailed' ORDER BY soc LIMIT ?")
		.all(OCCUPATIONS) as { soc: string; title: string }[]
).map((o) => o);
let seed = 7;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const header =
	'AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,LOC_QUOTIENT,A_MEAN,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90';
const lines = [header];
const areaCodes: string[] = [];
for (let a = 0; a < AREAS; a++) {
	// Real CBSA codes of big metros first so baselines and completions apply; then made-up ones.
	const code = a === 0 ? '31080' : String(10000 + a * 97).padStart(5, '0');
	areaCodes.push(code);
	const total = Math.round(200000 + rand() * 5_000_000);
	lines.push(
		`${code},"Synthetic metro ${a}, ST",4,ST,000000,00-0000,All Occupations,total,${total},1.00,60000,25000,32000,45000,70000,110000`
	);
	for (const { soc, title } of socs) {
		const w = 30000 + rand() * 120000;
		lines.push(
			`${code},"Synthetic metro ${a}, ST",4,ST,000000,${soc},"${title.replaceAll('"', '""')}",detailed,${Math.round(rand() * 5000) * 10},${(rand() * 2).toFixed(2)},${Math.round(w)},${Math.round(w * 0.6)},${Math.round(w * 0.8)},${Math.round(w)},${Math.round(w * 1.3)},${Math.round(w * 1.7)}`
		);
	}
}
const file = join(dir, 'synthetic_M2024.csv');
writeFileSync(file, lines.join('\n') + '\n');
const imported = await importFile(db.$client, file);
if (imported.status !== 'imported') throw new Error(JSON.stringify(imported.issues[0]));
console.log(
	`synthetic OEWS: ${AREAS} areas × ${socs.length} occupations = ${imported.rowsImported.toLocaleString('en-US')} rows`
);

const runId = imported.runId!;
const plain = db.$client.prepare('SELECT * FROM oews_facts WHERE run_id = ? AND area = ?');
const time = (fn: () => unknown) => {
	const t = performance.now();
	fn();
	return performance.now() - t;
};

const area = areaCodes[0]!;
const six = areaCodes.slice(0, 6);
const cold = time(() => gapsReport(db, area));
const gaps: number[] = [];
const plainOne: number[] = [];
const compare: number[] = [];
const plainSix: number[] = [];
for (let i = 0; i < RUNS; i++) {
	plainOne.push(time(() => plain.all(runId, area)));
	gaps.push(time(() => gapsReport(db, area)));
	plainSix.push(time(() => six.forEach((a) => plain.all(runId, a))));
	compare.push(time(() => compareReport(db, six)));
}
const show = (label: string, ms: number[], base: number[]) =>
	console.log(
		`${label}: median ${median(ms).toFixed(2)} ms vs plain SELECT ${median(base).toFixed(2)} ms → ratio ${(median(ms) / median(base)).toFixed(2)} (target ≤ 5)`
	);
console.log(`gaps report, first (cold) call: ${cold.toFixed(1)} ms`);
show('gaps report, one area', gaps, plainOne);
show('comparison, six areas', compare, plainSix);
db.$client.close();
rmSync(dir, { recursive: true, force: true });

/**
 * npm run bench:import — import speed against the sqlite3 CLI in the same run (medians of
 * BENCH_RUNS, default 3):
 *  - a generated OEWS-shaped CSV of 420,000 rows (synthetic: see bench/gen-oews.ts);
 *  - the real IPEDS C2024_A completions file in data/sample/ipeds/ (when present).
 * Ours = the whole pipeline (sha256 pass, header detection, every cell validated and typed, one
 * transaction); the CLI imports all columns as text with no checks. Targets: ratio ≥ 0.5, RSS < 300 MB.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateOewsCsv } from './gen-oews';
import { compare } from './harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const OUT = join(process.cwd(), 'bench/out');
mkdirSync(OUT, { recursive: true });

const oews = join(OUT, 'oews_synthetic_M2024.csv');
const t0 = performance.now();
const rows = await generateOewsCsv(oews);
console.log(
	`generated ${rows.toLocaleString('en-US')} OEWS-shaped rows, ${(statSync(oews).size / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`
);
compare('OEWS synthetic', oews, rows, OUT, RUNS);

const ipeds = join(process.cwd(), 'data/sample/ipeds/c2024_a_all_institutions.csv');
if (existsSync(ipeds)) {
	// Rows the adapter imports: every data row except the CIP 99 institution totals.
	const lines = readFileSync(ipeds, 'utf8')
		.split(/\r?\n/)
		.slice(1)
		.filter((l) => l.trim() !== '');
	const expected = lines.filter((l) => l.split(',')[1] !== '99').length;
	console.log(
		`\nIPEDS C2024_A: ${lines.length.toLocaleString('en-US')} data rows, ${expected.toLocaleString('en-US')} to import`
	);
	compare('IPEDS completions', ipeds, expected, OUT, RUNS);
}
rmSync(OUT, { recursive: true, force: true });

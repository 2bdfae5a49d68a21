/**
 * npm run bench:import — OEWS import speed against the sqlite3 CLI in the same run.
 *
 * Generates a 420,000-row OEWS-shaped CSV, then (RUNS times each, medians reported):
 *  - ours:  the real pipeline (detect, validate, type every cell, one transaction) in a child
 *           process, whose peak RSS is reported;
 *  - CLI:   `sqlite3 db ".import --csv file t"` into an empty database (all text, no checks).
 * Prints rows/s for both and the ratio ours/CLI (target ≥ 0.5) and peak RSS (target < 300 MB).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateOewsCsv } from './gen-oews';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const OUT = join(process.cwd(), 'bench/out');
mkdirSync(OUT, { recursive: true });
const csv = join(OUT, 'oews_synthetic_M2024.csv');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const t0 = performance.now();
const rows = await generateOewsCsv(csv);
console.log(
	`generated ${rows.toLocaleString('en-US')} rows, ${(statSync(csv).size / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`
);

const ours: { seconds: number; maxRssMb: number }[] = [];
const cli: number[] = [];
for (let i = 0; i < RUNS; i++) {
	const db = join(OUT, 'ours.db');
	rmSync(db, { force: true });
	rmSync(`${db}-wal`, { force: true });
	const run = spawnSync('node_modules/.bin/tsx', ['bench/import-one.ts', csv, db], {
		encoding: 'utf8'
	});
	if (run.status !== 0) throw new Error(run.stderr);
	const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
	if (result.status !== 'imported' || result.rows !== rows)
		throw new Error(`import failed: ${run.stdout}`);
	ours.push(result);

	const cliDb = join(OUT, 'cli.db');
	rmSync(cliDb, { force: true });
	const start = performance.now();
	const sq = spawnSync('sqlite3', [cliDb, `.import --csv ${csv} oews`], { encoding: 'utf8' });
	if (sq.status !== 0) throw new Error(`sqlite3 failed: ${sq.stderr}`);
	cli.push((performance.now() - start) / 1000);
	console.log(
		`run ${i + 1}: ours ${result.seconds.toFixed(2)} s (peak RSS ${result.maxRssMb.toFixed(0)} MB), sqlite3 CLI ${cli.at(-1)!.toFixed(2)} s`
	);
}
const oursS = median(ours.map((o) => o.seconds));
const cliS = median(cli);
const ratio = rows / oursS / (rows / cliS);
console.log(
	`\nours:        ${oursS.toFixed(2)} s  ${Math.round(rows / oursS).toLocaleString('en-US')} rows/s  peak RSS ${Math.max(...ours.map((o) => o.maxRssMb)).toFixed(0)} MB`
);
console.log(
	`sqlite3 CLI: ${cliS.toFixed(2)} s  ${Math.round(rows / cliS).toLocaleString('en-US')} rows/s`
);
console.log(`ratio ours/CLI rows/s: ${ratio.toFixed(2)} (target ≥ 0.50)`);
rmSync(OUT, { recursive: true, force: true });

/**
 * `npm run import` end to end — npm, Node starting, the compiled CLI, the import, the exit — on
 * the 420,000-row OEWS-shaped file, against the sqlite3 CLI's `.import --csv` of the same file and
 * against the same CLI run through tsx (as `npm run import` did before it was compiled), runs
 * interleaved. Peak RSS is GNU time's maximum resident set of the command's processes.
 *
 * Usage: npm run bench:cli -- [RUNS=3]   (npx tsx bench/import-cli.ts [RUNS=3])
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOewsCsv } from './gen-oews';
import { median, sqliteCliSeconds } from './harness';

const RUNS = Number(process.argv[2] ?? 3);
const ROWS = 420_000;
const dir = mkdtempSync(join(tmpdir(), 'rlm-bench-cli-'));
const file = join(dir, 'oews_synthetic_M2024.csv');

/** Wall-clock seconds and peak RSS (MB) of one command importing `file` into a fresh database. */
function timed(command: string[]): { seconds: number; rssMb: number } {
	const db = join(dir, 'ours.db');
	for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
	const start = performance.now();
	const run = spawnSync(
		'/usr/bin/time',
		['-f', '%M', ...command, '--db', db, '--year', '2024', file],
		{
			encoding: 'utf8'
		}
	);
	const seconds = (performance.now() - start) / 1000;
	if (run.status !== 0)
		throw new Error(`${command.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
	if (!/imported .* 420,000 of 420,000 rows/.test(run.stdout)) throw new Error(run.stdout);
	return { seconds, rssMb: Number(run.stderr.trim().split('\n').at(-1)) / 1024 };
}

try {
	console.log(`Generating ${ROWS.toLocaleString('en-US')} rows…`);
	await generateOewsCsv(file, ROWS);
	// Compiles the CLI now if it is stale, so no run pays for it.
	spawnSync('node', ['scripts/cli.js', 'import', '--help']);
	const npm = ['npm', 'run', '--silent', 'import', '--'];
	const tsx = ['node_modules/.bin/tsx', 'scripts/import.ts'];
	const results = {
		npm: [] as { seconds: number; rssMb: number }[],
		tsx: [] as { seconds: number; rssMb: number }[],
		cli: [] as number[]
	};
	for (let i = 0; i < RUNS; i++) {
		results.npm.push(timed(npm));
		results.cli.push(sqliteCliSeconds(file, dir));
		results.tsx.push(timed(tsx));
		console.log(
			`run ${i + 1}: npm run import ${results.npm.at(-1)!.seconds.toFixed(2)} s (${results.npm.at(-1)!.rssMb.toFixed(0)} MB), ` +
				`sqlite3 ${results.cli.at(-1)!.toFixed(2)} s, through tsx ${results.tsx.at(-1)!.seconds.toFixed(2)} s`
		);
	}
	const cli = median(results.cli);
	for (const [label, runs] of [
		['npm run import (compiled)', results.npm],
		['tsx scripts/import.ts', results.tsx]
	] as const) {
		const s = median(runs.map((r) => r.seconds));
		const rss = Math.max(...runs.map((r) => r.rssMb));
		console.log(
			`${label}: median ${s.toFixed(2)} s, ${Math.round(ROWS / s).toLocaleString('en-US')} rows/s, ` +
				`${(cli / s).toFixed(2)} × the sqlite3 CLI (${cli.toFixed(2)} s; target ≥ 0.6), peak RSS ${rss.toFixed(0)} MB (target < 300)`
		);
	}
} finally {
	if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

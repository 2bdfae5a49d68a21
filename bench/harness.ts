/**
 * Shared benchmark pieces: import a file through the real pipeline in a child process (so its
 * peak RSS is its own) and time the sqlite3 CLI's `.import --csv` of the same file, interleaved,
 * reporting medians and the rows/s ratio measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface ImportRun {
	seconds: number;
	status: string;
	rows: number;
	maxRssMb: number;
}

export function importInChild(file: string, dir: string, prepare: string[] = []): ImportRun {
	const db = join(dir, 'ours.db');
	for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
	const run = spawnSync('node_modules/.bin/tsx', ['bench/import-one.ts', file, db, ...prepare], {
		encoding: 'utf8'
	});
	if (run.status !== 0) throw new Error(run.stderr);
	return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ImportRun;
}

export function sqliteCliSeconds(file: string, dir: string): number {
	const db = join(dir, 'cli.db');
	rmSync(db, { force: true });
	const start = performance.now();
	const result = spawnSync('sqlite3', [db, `.import --csv ${file} t`], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
	return (performance.now() - start) / 1000;
}

export function compare(
	label: string,
	file: string,
	expectedRows: number,
	dir: string,
	runs: number,
	prepare: string[] = []
) {
	const ours: ImportRun[] = [];
	const cli: number[] = [];
	for (let i = 0; i < runs; i++) {
		const result = importInChild(file, dir, prepare);
		if (result.status !== 'imported' || result.rows !== expectedRows) {
			throw new Error(
				`${label}: import ${result.status}, ${result.rows} rows (expected ${expectedRows})`
			);
		}
		ours.push(result);
		cli.push(sqliteCliSeconds(file, dir));
		console.log(
			`${label} run ${i + 1}: ours ${result.seconds.toFixed(2)} s (peak RSS ${result.maxRssMb.toFixed(0)} MB), sqlite3 CLI ${cli.at(-1)!.toFixed(2)} s`
		);
	}
	const oursS = median(ours.map((o) => o.seconds));
	const cliS = median(cli);
	const ratio = expectedRows / oursS / (expectedRows / cliS);
	const rss = Math.max(...ours.map((o) => o.maxRssMb));
	console.log(
		`${label}: ours ${oursS.toFixed(2)} s = ${Math.round(expectedRows / oursS).toLocaleString('en-US')} rows/s, peak RSS ${rss.toFixed(0)} MB`
	);
	console.log(
		`${label}: sqlite3 CLI ${cliS.toFixed(2)} s = ${Math.round(expectedRows / cliS).toLocaleString('en-US')} rows/s`
	);
	console.log(`${label}: ratio ours/CLI rows/s ${ratio.toFixed(2)} (target ≥ 0.50)`);
	return { oursS, cliS, ratio, rss };
}

/**
 * npm run import -- [--db PATH] [--json] [--year YYYY] [--replace] FILE...
 * Exit codes: 0 every file imported or skipped, 1 a file was rejected, 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createDb, databasePathFromEnv, migrateDb } from '../src/lib/server/db/client';
import {
	databaseFailure,
	importFile,
	publicReport,
	rejected,
	type FileReport
} from '../src/lib/server/import/load';
import { parseArgs, UsageError } from './cli-args';

const USAGE = `usage: npm run import -- [--db PATH] [--json] [--year YYYY] [--replace] [--map "THEIRS=OURS"]... [--map-file FILE] FILE...

Imports CSV, TSV or XLSX files into the database (default: $DATABASE_URL or data/app.db).
Each file is one transaction: a file with any error writes nothing.
  --db PATH     database file to write
  --json        print one JSON object with a report per file
  --year YYYY   reference year, for files whose name does not carry it
  --replace     replace OEWS figures already imported for the same area, year and
                occupation group (without it they are kept and such rows are skipped)
  --map "their column=our field"
                rename a column before the source is detected (repeatable)
  --map "=value=our field"
                give every row that value for a field the file has no column for,
                e.g. --map "=31080=area" (your own-data formats only)
  --map-file F  the same, one "their column=our field" per line (# starts a comment)
npm run sources lists the formats and the columns each expects.`;

function formatReport(r: FileReport): string {
	const lines: string[] = [];
	const what = [r.source, r.year].filter(Boolean).join(' ');
	if (r.status === 'imported') {
		lines.push(
			`imported  ${r.file}  ${what}: ${r.rowsImported.toLocaleString('en-US')} of ${r.rowsRead.toLocaleString('en-US')} rows (run ${r.runId})`
		);
	} else if (r.status === 'skipped') {
		lines.push(`skipped   ${r.file}  ${what}`);
	} else {
		lines.push(`REJECTED  ${r.file}${what ? `  ${what}` : ''}: nothing was written`);
	}
	for (const i of r.issues) {
		const place = [r.file, i.line, i.column].filter((p) => p !== null).join(':');
		lines.push(`  ${place}: ${i.message}`);
	}
	for (const n of r.notes) lines.push(`  note: ${n}`);
	return lines.join('\n');
}

/** Reads `--map` pairs and `--map-file` files into one map: their column → our field. */
function readColumnMap(pairs: string[], files: string[]): Record<string, string> | undefined {
	const entries: [string, string, string][] = pairs.map((p) => [p, ...splitPair(p, '--map')]);
	for (const file of files) {
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			throw new UsageError(`--map-file: cannot read ${file}`);
		}
		text.split(/\r?\n/).forEach((line, i) => {
			const trimmed = line.trim();
			if (trimmed === '' || trimmed.startsWith('#')) return;
			entries.push([trimmed, ...splitPair(trimmed, `${file} line ${i + 1}`)]);
		});
	}
	if (entries.length === 0) return undefined;
	return Object.fromEntries(entries.map(([, theirs, ours]) => [theirs, ours]));
}

function splitPair(text: string, where: string): [string, string] {
	const eq = text.lastIndexOf('=');
	const theirs = text.slice(0, eq).trim();
	const ours = text.slice(eq + 1).trim();
	if (eq <= 0 || theirs === '' || ours === '') {
		throw new UsageError(
			`${where}: expected "their column=our field", found ${JSON.stringify(text)}`
		);
	}
	return [theirs, ours];
}

async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs(argv, {
			flags: ['json', 'help', 'replace'],
			options: ['db', 'year', 'map', 'map-file']
		});
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`import: ${e.message}\n\n${USAGE}`);
			return 2;
		}
		throw e;
	}
	if (args.flags.has('help')) {
		console.log(USAGE);
		return 0;
	}
	const json = args.flags.has('json');
	if (args.positional.length === 0) {
		console.error(`import: name at least one file\n\n${USAGE}`);
		return 2;
	}
	const yearText = args.options.get('year')?.at(-1);
	const year = yearText === undefined ? undefined : Number(yearText);
	if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) {
		console.error(
			`import: --year must be a year like 2024, not ${JSON.stringify(yearText)}\n\n${USAGE}`
		);
		return 2;
	}
	let columnMap: Record<string, string> | undefined;
	try {
		columnMap = readColumnMap(args.options.get('map') ?? [], args.options.get('map-file') ?? []);
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`import: ${e.message}\n\n${USAGE}`);
			return 2;
		}
		throw e;
	}
	const dbPath = args.options.get('db')?.at(-1) ?? databasePathFromEnv();
	let db;
	try {
		db = createDb(dbPath);
		migrateDb(db);
	} catch (e) {
		console.error(`import: ${dbPath}: ${databaseFailure(e) ?? (e as Error).message}`);
		return 1;
	}
	const reports: FileReport[] = [];
	for (const file of args.positional) {
		let report: FileReport;
		try {
			report = await importFile(db.$client, file, {
				year,
				columnMap,
				replace: args.flags.has('replace'),
				onProgress:
					json || !process.stderr.isTTY
						? undefined
						: (n) => process.stderr.write(`\r  ${file}: ${n.toLocaleString('en-US')} rows…`)
			});
		} catch (e) {
			// Reported like any rejected file, and the files after it are still imported.
			report = rejected(basename(file), `the import failed: ${(e as Error).message}`);
		}
		if (!json && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
		reports.push(report);
		if (!json) console.log(formatReport(report));
	}
	db.$client.close();
	if (json) {
		process.stdout.write(JSON.stringify({ files: reports.map(publicReport) }) + '\n');
	}
	return reports.some((r) => r.status === 'rejected') ? 1 : 0;
}

let finished = false;
// Node exits when nothing is left to wait for, even with main() unsettled: an import whose reader
// lost its stream would end the CLI silently with status 0. That must read as a failure.
process.on('beforeExit', () => {
	if (finished) return;
	finished = true;
	console.error(
		'import: stopped before every file was imported (a reader ended without finishing)'
	);
	process.exitCode = 1;
});

main(process.argv.slice(2)).then(
	(code) => {
		finished = true;
		process.exitCode = code;
	},
	(e: unknown) => {
		finished = true;
		console.error(e instanceof Error ? (e.stack ?? e.message) : e);
		process.exitCode = 1;
	}
);

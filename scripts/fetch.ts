/**
 * npm run fetch -- [--db PATH] [--base URL] [--replace] [--json] SOURCE YEAR
 * Downloads an official file, checks and unpacks it, and imports it as `npm run import` would.
 * Exit codes: 0 imported or skipped, 1 the download or the import failed, 2 usage error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, databasePathFromEnv, migrateDb } from '../src/lib/server/db/client';
import {
	FetchError,
	OFFICIAL_SOURCES,
	checkOfficial,
	downloadOfficial,
	findSource
} from '../src/lib/server/fetch/official';
import { importFile, publicReport } from '../src/lib/server/import/load';
import { parseArgs, UsageError } from './cli-args';

const USAGE = `usage: npm run fetch -- [--db PATH] [--base URL] [--replace] [--json] SOURCE YEAR

Downloads the publisher's file for YEAR, checks it, unpacks it and imports it.
Sources:
${OFFICIAL_SOURCES.map((s) => `  ${s.id.padEnd(18)} ${s.title} (${s.url(2024)})`).join('\n')}
  --db PATH     database file to write (default: $DATABASE_URL or data/app.db)
  --base URL    fetch from a mirror: URL/<publisher host>/<path> (default: $FETCH_BASE_URL,
                else the publisher's own address)
  --replace     replace figures already imported for the same area, year and occupation group
  --json        print the import report as JSON`;

async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs(argv, {
			flags: ['json', 'help', 'replace'],
			options: ['db', 'base']
		});
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`fetch: ${e.message}\n\n${USAGE}`);
			return 2;
		}
		throw e;
	}
	if (args.flags.has('help')) {
		console.log(USAGE);
		return 0;
	}
	const [id, yearText] = args.positional;
	const source = id ? findSource(id) : null;
	const year = Number(yearText);
	if (!source || !/^\d{4}$/.test(yearText ?? '') || args.positional.length !== 2) {
		console.error(
			`fetch: ${!source ? `name a source (${id ? `not ${JSON.stringify(id)}` : 'none given'})` : 'name a four-digit year'}\n\n${USAGE}`
		);
		return 2;
	}
	const json = args.flags.has('json');
	const base = args.options.get('base')?.at(-1) ?? process.env.FETCH_BASE_URL ?? null;
	const db = createDb(args.options.get('db')?.at(-1) ?? databasePathFromEnv());
	const dir = mkdtempSync(join(tmpdir(), 'rlm-fetch-'));
	const say = (line: string) => {
		if (!json) process.stderr.write(`${line}\n`);
	};
	try {
		migrateDb(db);
		let shown = -1;
		const file = await downloadOfficial(source, year, {
			dir,
			base,
			onProgress: (p) => {
				const mb = Math.floor(p.bytes / 1_048_576);
				if (p.phase === 'download' && mb !== shown) {
					shown = mb;
					say(
						`  downloading… ${mb} MB${p.total ? ` of ${Math.ceil(p.total / 1_048_576)} MB` : ''}`
					);
				}
				if (p.phase === 'unpack') say('  unpacking…');
			}
		});
		say(`  checking ${file.name}…`);
		await checkOfficial(db, source, file, year);
		say(`  importing ${file.name}…`);
		const report = await importFile(db.$client, file.path, {
			fileName: file.name,
			year,
			replace: args.flags.has('replace'),
			onProgress: (n) => say(`  ${n.toLocaleString('en-US')} rows…`)
		});
		if (json) console.log(JSON.stringify({ url: file.url, ...publicReport(report) }, null, 2));
		else {
			console.log(
				`${report.status}  ${file.name} from ${file.url}: ${report.rowsImported.toLocaleString('en-US')} rows`
			);
			for (const i of report.issues) {
				console.log(
					`  ${[file.name, i.line, i.column].filter((x) => x !== null).join(':')}: ${i.message}`
				);
			}
			for (const n of report.notes) console.log(`  note: ${n}`);
		}
		return report.status === 'rejected' ? 1 : 0;
	} catch (e) {
		if (!(e instanceof FetchError)) throw e;
		if (json) console.log(JSON.stringify({ status: 'failed', error: e.message }, null, 2));
		else console.error(`fetch: ${e.message}`);
		return 1;
	} finally {
		db.$client.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

process.exitCode = await main(process.argv.slice(2));

/**
 * npx tsx bench/oews-rows.ts [FILE] — the OEWS adapter's row checks alone: the generated
 * 420,000-row file (bench/gen-oews.ts) is parsed by papaparse in batches of 1,000 rows, and only
 * the adapter's `row()` over each batch is timed (CPU, `process.cpuUsage`), with writes going
 * nowhere. Run it under `node --cpu-prof --import tsx` to see the adapter's functions by self
 * time; the whole import's figures are `npm run bench:import`'s.
 */
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createDb, migrateDb } from '../src/lib/server/db/client';
import { headerKey } from '../src/lib/server/import/normalize';
import { blsOews } from '../src/lib/server/import/sources/bls-oews';
import type { AdapterSession } from '../src/lib/server/import/sources/types';
import type { Writes } from '../src/lib/server/import/writes';
import { generateOewsCsv } from './gen-oews';

const file = process.argv[2] ?? join(process.cwd(), 'bench/out/oews_synthetic_M2024.csv');
if (!existsSync(file)) {
	mkdirSync(join(process.cwd(), 'bench/out'), { recursive: true });
	await generateOewsCsv(file);
}
const db = createDb(':memory:');
migrateDb(db);
const nowhere = { run() {} } as unknown as ReturnType<Writes['prepare']>;
let session: AdapterSession | null = null;
let batch: string[][] = [];
let line = 1;
let cpu = 0;
let imported = 0;
let issues = 0;
const issue = () => void issues++;

function runBatch() {
	const start = process.cpuUsage();
	for (const cells of batch)
		if (session!.row(cells, ++line, issue, true) === 'imported') imported++;
	const used = process.cpuUsage(start);
	cpu += used.user + used.system;
	batch = [];
}

await new Promise<void>((resolve, reject) => {
	Papa.parse<string[]>(createReadStream(file), {
		step(result) {
			if (session) {
				batch.push(result.data);
				if (batch.length === 1000) runBatch();
				return;
			}
			const header = result.data;
			session = blsOews.open({
				sqlite: db.$client,
				writes: { line: null, prepare: () => nowhere },
				runId: 1,
				fileName: 'oews_synthetic_M2024.csv',
				header,
				keys: header.map(headerKey),
				year: 2024,
				notes: [],
				sheet: null,
				headerLine: 1,
				replace: false,
				overlaps: []
			});
		},
		complete() {
			runBatch();
			resolve();
		},
		error: reject
	});
});
console.log(
	`${imported.toLocaleString('en-US')} rows imported, ${issues} issues; row() ${(cpu / 1000).toFixed(0)} ms of CPU`
);

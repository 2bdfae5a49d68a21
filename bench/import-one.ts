/** Child process of bench/import-oews.ts: imports one file into a fresh database, prints JSON. */
import { createDb, migrateDb } from '../src/lib/server/db/client';
import { importFile } from '../src/lib/server/import/load';

const [file, dbPath] = process.argv.slice(2) as [string, string];
const db = createDb(dbPath);
migrateDb(db);
const start = performance.now();
const report = await importFile(db.$client, file, { year: 2024 });
const seconds = (performance.now() - start) / 1000;
db.$client.pragma('wal_checkpoint(TRUNCATE)');
db.$client.close();
console.log(
	JSON.stringify({
		seconds,
		status: report.status,
		rows: report.rowsImported,
		issues: report.issues.slice(0, 3),
		maxRssMb: process.resourceUsage().maxRSS / 1024
	})
);

/**
 * Child process of the import benchmarks: imports `prepare` files (not timed), then one file
 * (timed) into a fresh database, and prints one JSON line.
 */
import { createDb, migrateDb } from '../src/lib/server/db/client';
import { importFile } from '../src/lib/server/import/load';

const [file, dbPath, ...prepare] = process.argv.slice(2) as [string, string, ...string[]];
const db = createDb(dbPath);
migrateDb(db);
for (const p of prepare) await importFile(db.$client, p);
const start = performance.now();
const report = await importFile(db.$client, file, {
	year: /oews_synthetic/.test(file) ? 2024 : undefined,
	// IMPORT_WRITER=inline measures the single-thread path for comparison.
	writer: process.env.IMPORT_WRITER === 'inline' ? 'inline' : undefined
});
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

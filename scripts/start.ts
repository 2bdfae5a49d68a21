/**
 * npm start: migrate the database, load the bundled sample when it is empty, build the app when
 * the build is missing or older than the sources, then serve it on PORT (default 3000) and print
 * its address once it answers.
 *
 * On an empty database the build (a separate process) runs while the sample is imported, so the
 * two share the machine's cores instead of waiting for each other. The build's own output is kept
 * and shown only when it fails. A database that cannot be written is served read-only.
 */
import { pathToFileURL } from 'node:url';
import { databasePathFromEnv, openForServing } from '../src/lib/server/db/client';
import { countImportRuns } from '../src/lib/server/db/queries/oews';
import { BUILD_ENTRY, buildApp, buildIsStale } from './build';
import { loadSample } from './sample-data';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const started = performance.now();
const building = buildIsStale() ? buildApp() : null;
if (building) console.log('Building the app (in the background)…');

const dbPath = databasePathFromEnv();
const { db, readOnly } = openForServing(dbPath);
if (readOnly) {
	console.log(`${dbPath} cannot be written (${readOnly}): serving it read-only.`);
} else if (countImportRuns(db) === 0) {
	console.log(`Empty database at ${dbPath}: importing the bundled sample…`);
	let last = performance.now();
	await loadSample(db.$client, (line) => {
		console.log(`  ${line} in ${seconds(last)} s`);
		last = performance.now();
	});
	console.log(`Sample imported in ${seconds(started)} s.`);
}
db.$client.close();

if (building) {
	const result = await building;
	if (result.code !== 0) {
		console.error(result.output);
		console.error('The build failed; see the messages above.');
		process.exit(result.code);
	}
	console.log(`Built in ${seconds(started)} s.`);
}

process.env.PORT ??= '3000';
// SvelteKit checks the Origin of form POSTs (uploads) against the server's own origin, which
// adapter-node takes to be https unless told: say what it is when serving plain HTTP locally.
// Behind a proxy, set ORIGIN to the public address instead.
const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
process.env.ORIGIN ??= `http://${host}:${process.env.PORT}`;
await import(pathToFileURL(BUILD_ENTRY).href);

// The address, once the server answers (also when WEB_CONCURRENCY started several processes).
const local = `http://${host === 'localhost' ? '127.0.0.1' : host}:${process.env.PORT}`;
for (let i = 0; i < 300; i++) {
	const ok = await fetch(`${local}/api/health`).then(
		(r) => r.ok,
		() => false
	);
	if (ok) {
		console.log(`\nReady after ${seconds(started)} s: http://${host}:${process.env.PORT}\n`);
		break;
	}
	await new Promise((r) => setTimeout(r, 100));
}

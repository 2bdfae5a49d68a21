/**
 * npm start: migrate the database, load the bundled sample when it is empty, build the app when
 * the build is missing or older than the sources, then serve it on PORT (default 3000).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDb, databasePathFromEnv, migrateDb } from '../src/lib/server/db/client';
import { countImportRuns } from '../src/lib/server/db/queries/oews';
import { loadSample } from './sample-data';

const BUILD_ENTRY = resolve('build/index.js');
const BUILD_INPUTS = [
	'src',
	'static',
	'messages',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	let newest = s.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

function buildIsStale(): boolean {
	if (!existsSync(BUILD_ENTRY)) return true;
	const built = statSync(BUILD_ENTRY).mtimeMs;
	return BUILD_INPUTS.some((p) => newestMtime(p) > built);
}

const dbPath = databasePathFromEnv();
const db = createDb(dbPath);
migrateDb(db);
if (countImportRuns(db) === 0) {
	console.log(`Empty database at ${dbPath}: importing the bundled sample…`);
	await loadSample(db.$client, (line) => console.log(`  ${line}`));
}
db.$client.close();

if (buildIsStale()) {
	console.log('Building the app…');
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('The build failed; see the messages above.');
		process.exit(result.status ?? 1);
	}
}

process.env.PORT ??= '3000';
// Uploads of up to 200 MB (the upload route enforces the limit per file).
process.env.BODY_SIZE_LIMIT ??= '210M';
// SvelteKit checks the Origin of form POSTs (uploads) against the server's own origin, which
// adapter-node takes to be https unless told: say what it is when serving plain HTTP locally.
// Behind a proxy, set ORIGIN to the public address instead.
const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
process.env.ORIGIN ??= `http://${host}:${process.env.PORT}`;
await import(pathToFileURL(BUILD_ENTRY).href);

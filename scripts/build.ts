/**
 * Builds what the app runs from, quietly, only what is stale: the command-line scripts
 * (scripts/cli.js) and the server (`vite build` into build/, when missing or older than its
 * sources). `npm ci` runs it (package.json `prepare`), so a fresh clone's `npm start` serves at
 * once; `npm start` and `npm test` run it again, which costs nothing when nothing changed.
 * The build's output is shown only when it fails.
 *
 * Usage: tsx scripts/build.ts [--force]
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_SCRIPTS, compileCli } from './cli.js';

export const BUILD_ENTRY = resolve('build/index.js');
const BUILD_INPUTS = [
	'src',
	'static',
	'messages',
	'scripts/server-entry.js',
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

export function buildIsStale(): boolean {
	if (!existsSync(BUILD_ENTRY)) return true;
	const built = statSync(BUILD_ENTRY).mtimeMs;
	return BUILD_INPUTS.some((p) => newestMtime(p) > built);
}

/** Runs `vite build` quietly; resolves with its exit code and everything it printed. */
export function buildApp(): Promise<{ code: number; output: string }> {
	return new Promise((done) => {
		const child = spawn('npx', ['vite', 'build'], { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', (e) => done({ code: 1, output: `${output}\n${e.message}` }));
		child.on('close', (code) => done({ code: code ?? 1, output }));
	});
}

const invoked = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invoked) {
	const started = performance.now();
	for (const name of CLI_SCRIPTS) await compileCli(name);
	if (process.argv.includes('--force') || buildIsStale()) {
		console.log('Building the app…');
		const result = await buildApp();
		if (result.code !== 0) {
			console.error(result.output);
			console.error('The build failed; see the messages above.');
			process.exit(result.code);
		}
		console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
	}
}

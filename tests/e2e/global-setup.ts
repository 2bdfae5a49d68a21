/**
 * One served app for every browser test: `npm start`'s script on a fresh database (it migrates,
 * loads the bundled sample and builds when the build is missing or stale). Vitest runs every
 * project's global setup before any test file, so a build this triggers never races another
 * project's server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, chromiumMissing, skipBrowser } from '../helpers/browser';
import { startServer } from '../helpers/process';

export default async function setup(project: TestProject) {
	if (chromiumMissing) {
		// No browser, no point serving: on CI each test then fails naming the missing package.
		console.warn(
			skipBrowser
				? `e2e: skipped, no Chromium at ${CHROMIUM} (install Debian's chromium package).`
				: `e2e: no Chromium at ${CHROMIUM} and CI=true: the browser tests will fail.`
		);
		project.provide('e2eBaseUrl', '');
		return;
	}
	const dir = mkdtempSync(join(tmpdir(), 'rlm-e2e-'));
	// Loading the sample takes ~20 s and a stale build ~30 s more on a busy two-core machine.
	const server = await startServer(
		{ DATABASE_URL: join(dir, 'app.db'), EDITOR_TOKEN: 'e2e-editor-token' },
		300_000
	).catch((e: unknown) => {
		rmSync(dir, { recursive: true, force: true });
		throw e;
	});
	project.provide('e2eBaseUrl', server.url);
	// A server that dies mid-run (e.g. another process rebuilding build/ under it) would otherwise
	// show up only as refused connections in whichever tests came next.
	let stopping = false;
	server.child.once('exit', (code, signal) => {
		if (!stopping) {
			console.error(
				`e2e: the server exited (${code ?? signal}) mid-run:\n${server.output().slice(-3000)}`
			);
		}
	});
	return async () => {
		stopping = true;
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	};
}

/** Child processes for tests: the CLI, and the built server on a free loopback port. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

export function runScript(script: string, args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(TSX, [script, ...args], {
		encoding: 'utf8',
		env: { ...process.env, ...env },
		timeout: 120_000
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface Served {
	url: string;
	child: ChildProcess;
	output: () => string;
	stop(): Promise<void>;
}

/** `npm start`'s script, and the built server alone as `node build` runs it. */
export const NPM_START = [TSX, 'scripts/start.ts'];
export const NODE_BUILD = [process.execPath, 'build'];

/**
 * Runs `npm start`'s script (or `command`) with the given environment and waits until it
 * listens. `wrapper`, if given, is a command that runs it (its arguments end with the script's
 * command line), e.g. `setpriv …` or `unshare -m sh -c '…; exec "$@"' sh`.
 */
export async function startServer(
	env: Record<string, string>,
	timeoutMs = 120_000,
	wrapper: string[] = [],
	command = NPM_START
): Promise<Served> {
	const port = await freePort();
	// The server (and a build it starts) must run as `npm start` would, not as part of Vitest:
	// Vitest sets NODE_ENV=test, which Vite would build a development-mode client with (Svelte's
	// dev checks, ~6 KB gzip more per page), and VITEST, under which vite.config.ts leaves out the
	// Paraglide plugin, so a build would ship whatever messages were compiled last.
	const parentEnv = { ...process.env };
	delete parentEnv.VITEST;
	if (parentEnv.NODE_ENV === 'test') delete parentEnv.NODE_ENV;
	const line = [...wrapper, ...command];
	const child = spawn(line[0]!, line.slice(1), {
		// ORIGIN as npm start sets it, so `node build` passes SvelteKit's cross-site check alike.
		env: {
			...parentEnv,
			ORIGIN: `http://127.0.0.1:${port}`,
			...env,
			PORT: String(port),
			HOST: '127.0.0.1'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), timeoutMs);
		const check = () => {
			if (log.includes('Listening on')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', check);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${log}`));
		});
	});
	return {
		url: `http://127.0.0.1:${port}`,
		child,
		output: () => log,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 5000).unref();
			})
	};
}

/**
 * `runScript` without blocking this process, for a script that talks to a server the test
 * itself runs (e.g. the fetch command against a local HTTP server).
 */
export function runScriptAsync(
	script: string,
	args: string[],
	env: Record<string, string> = {}
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(TSX, [script, ...args], { env: { ...process.env, ...env } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

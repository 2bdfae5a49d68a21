/**
 * processRunning decides whether a server process that left jobs and uploads behind is gone. A
 * killed process whose parent died too is a zombie until something reaps it (in a container whose
 * first process does not, for ever), and signal 0 still reaches it.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { processRunning } from '../../../src/lib/server/uploads';

describe('processRunning', () => {
	it('is true for a live process and false for a killed one, reaped or not', async () => {
		expect(processRunning(process.pid)).toBe(true);
		// A shell with a child; both killed, so the child is orphaned before it is reaped.
		const shell = spawn('sh', ['-c', 'sleep 60 & wait'], { stdio: 'ignore' });
		let child = 0;
		for (let i = 0; i < 50 && !child; i++) {
			await new Promise((r) => setTimeout(r, 20));
			child = Number(spawnSync('pgrep', ['-P', String(shell.pid)], { encoding: 'utf8' }).stdout);
		}
		expect(child).toBeGreaterThan(0);
		expect(processRunning(child)).toBe(true);
		process.kill(child, 'SIGKILL');
		shell.kill('SIGKILL');
		await new Promise((r) => shell.once('exit', r));
		for (let i = 0; i < 50 && processRunning(child); i++) {
			await new Promise((r) => setTimeout(r, 20));
		}
		expect(processRunning(child)).toBe(false);
		expect(processRunning(0)).toBe(false);
		expect(processRunning(-1)).toBe(false);
	});
});

/** The upload folder's sweep, as the server's timer runs it: what is left behind goes, what is in use stays. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDLE_MS, stagingDir, sweepUploads } from '../../../src/lib/server/uploads';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'rlm-sweep-'));
	mkdirSync(stagingDir(dir), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (path: string) => {
	writeFileSync(path, 'x');
	return path;
};

describe('sweepUploads', () => {
	it('keeps a fresh upload of a live process, and removes it once idle past the limit', () => {
		const part = file(join(dir, `.part-${process.pid}-abc-x.csv`));
		const incoming = file(join(dir, '.incoming-abc-x.csv'));
		const kept = file(join(dir, 'imported-original.csv'));
		expect(sweepUploads(dir)).toEqual([]);
		// A later tick of the timer, after the idle limit.
		const later = Date.now() + IDLE_MS + 1000;
		expect(sweepUploads(dir, () => false, later).sort()).toEqual([incoming, part].sort());
		expect(existsSync(kept)).toBe(true);
	});

	it('removes an unfinished upload of a process that is gone at once', () => {
		// A pid far above any the kernel hands out here.
		const orphan = file(join(dir, '.part-999999999-abc-x.csv'));
		expect(sweepUploads(dir)).toEqual([orphan]);
	});

	it('keeps a staged upload for a day, and longer while an import waits for it', () => {
		const id = '0123abcd-0123-0123-0123-0123456789ab';
		const staged = file(join(stagingDir(dir), `.incoming-${id}-x.csv`));
		const dayLater = Date.now() + 25 * 3600 * 1000;
		expect(sweepUploads(dir, () => false, Date.now() + IDLE_MS * 2)).toEqual([]);
		expect(sweepUploads(dir, (s) => s === id, dayLater)).toEqual([]);
		expect(sweepUploads(dir, () => false, dayLater)).toEqual([staged]);
	});

	it('removes an official-file download folder left by a crash once nothing writes to it', () => {
		const fetch = join(stagingDir(dir), '.fetch-abc123');
		mkdirSync(fetch);
		file(join(fetch, 'oesm24ma.zip'));
		expect(sweepUploads(dir)).toEqual([]);
		expect(existsSync(fetch)).toBe(true);
		expect(sweepUploads(dir, () => false, Date.now() + IDLE_MS + 1000)).toEqual([fetch]);
		expect(existsSync(fetch)).toBe(false);
	});
});

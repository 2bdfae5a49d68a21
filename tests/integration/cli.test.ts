/** `npm run import`: exit codes, --json output, and re-import reported as skipped. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../helpers/process';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'rlm-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = 'tests/fixtures/oews/MSA_M2021_la_cut.csv';
const BAD = 'tests/fixtures/bad/oews_M2021_non_numeric.csv';

describe('npm run import', () => {
	it('--map "=value=field" gives every row a value for a field the file lacks', () => {
		const file = 'tests/fixtures/generic/completions_no_area.csv';
		const map = ['--map', 'SOC Code=soc', '--map', 'Program Type=program_type'];
		const bad = runScript('scripts/import.ts', [
			'--db',
			join(dir, 'c.db'),
			'--json',
			...map,
			'--map',
			'=31 080=area',
			file
		]);
		expect(bad.code).toBe(1);
		expect(JSON.parse(bad.stdout).files[0].issues[0].message).toMatch(
			/^area, the value for every row \("31 080"\): expected an area code/
		);
		const good = runScript('scripts/import.ts', [
			'--db',
			join(dir, 'c.db'),
			'--json',
			...map,
			'--map',
			'=31080=area',
			file
		]);
		expect(good.code).toBe(0);
		expect(JSON.parse(good.stdout).files[0]).toMatchObject({
			source: 'generic-program-completions',
			status: 'imported',
			rowsImported: 3
		});
	});

	it('prints one JSON object, exits 0, and reports a re-import as skipped', () => {
		const db = join(dir, 'a.db');
		const first = runScript('scripts/import.ts', ['--db', db, '--json', GOOD]);
		expect(first.code).toBe(0);
		expect(JSON.parse(first.stdout)).toEqual({
			files: [
				{
					file: 'MSA_M2021_la_cut.csv',
					source: 'bls-oews',
					status: 'imported',
					year: 2021,
					rowsRead: 21,
					rowsImported: 21,
					issues: [],
					notes: [],
					overlaps: []
				}
			]
		});
		const again = runScript('scripts/import.ts', ['--db', db, '--json', GOOD]);
		expect(again.code).toBe(0);
		expect(JSON.parse(again.stdout).files[0]).toMatchObject({ status: 'skipped', rowsImported: 0 });
	});

	it('exits 1 when a file is rejected, naming file, line and column', () => {
		const db = join(dir, 'b.db');
		const out = runScript('scripts/import.ts', ['--db', db, GOOD, BAD]);
		expect(out.code).toBe(1);
		expect(out.stdout).toContain('imported  MSA_M2021_la_cut.csv');
		expect(out.stdout).toContain('REJECTED  oews_M2021_non_numeric.csv');
		expect(out.stdout).toContain('oews_M2021_non_numeric.csv:5:12: TOT_EMP: expected a number');
		const json = runScript('scripts/import.ts', ['--db', db, '--json', BAD]);
		expect(json.code).toBe(1);
		expect(JSON.parse(json.stdout).files[0]).toMatchObject({
			status: 'rejected',
			issues: [{ line: 5, column: 12 }]
		});
	});

	it('keeps figures an area-year holds unless --replace is given', () => {
		const db = join(dir, 'd.db');
		const full = 'data/sample/oews_MSA_M2021_los_angeles.csv';
		expect(runScript('scripts/import.ts', ['--db', db, full]).code).toBe(0);
		const kept = runScript('scripts/import.ts', ['--db', db, GOOD]);
		expect(kept.code).toBe(1);
		expect(kept.stdout).toContain('nothing new in this file');
		expect(kept.stdout).toContain('(--replace)');
		const replaced = runScript('scripts/import.ts', ['--db', db, '--replace', GOOD]);
		expect(replaced.code).toBe(0);
		expect(replaced.stdout).toMatch(/note: area 31080, May 2021: this file's 21 rows replace/);
	});

	it('exits 2 on usage errors', () => {
		expect(runScript('scripts/import.ts', ['--db', join(dir, 'c.db')]).code).toBe(2);
		expect(runScript('scripts/import.ts', ['--bogus', GOOD]).code).toBe(2);
		expect(runScript('scripts/import.ts', ['--year', 'soon', GOOD]).code).toBe(2);
	});
});

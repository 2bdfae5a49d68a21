/**
 * A value for every row in the column mapping (`{"=31080": "area"}`, the data page's "The same
 * value for every row", the CLI's `--map "=31080=area"`): a provider's completions file without
 * an area column imports as one area; a bad value is named once, by field, and changes nothing.
 * The fixture tests/fixtures/generic/completions_no_area.csv is made up for these tests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runReach } from '../../src/lib/server/db/queries/imports';
import { importFile } from '../../src/lib/server/import/load';
import { previewUpload, saveMapping, savedMapping } from '../../src/lib/server/import/preview';
import { CLI_ONLY } from '../../src/lib/server/import/wording';
import { FIXTURES, snapshot, tempDb, type TempDb } from '../helpers/db';

const FILE = join(FIXTURES, 'generic', 'completions_no_area.csv');
const COLUMNS = { 'SOC Code': 'soc', 'Program Type': 'program_type' };

let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.close());

const completions = () =>
	t.db.$client
		.prepare(
			'SELECT area, year, provider, program, soc, completers FROM program_completions ORDER BY source_line'
		)
		.all() as Record<string, unknown>[];

describe('a value for every row', () => {
	it('without it, the file is refused for its missing area, in the words of its reader', async () => {
		const cli = await importFile(t.db.$client, FILE, { columnMap: COLUMNS, writer: 'inline' });
		expect(cli.status).toBe('rejected');
		expect(cli.issues[0]!.message).toContain('lacks area');
		expect(cli.issues[0]!.message).toContain('--map "=value=our field"');
		const page = await importFile(t.db.$client, FILE, {
			columnMap: COLUMNS,
			writer: 'inline',
			audience: 'browser'
		});
		expect(page.issues[0]!.message).toContain('The same value for every row');
		expect(page.issues[0]!.message).not.toMatch(CLI_ONLY);
	});

	it('gives every row the area, checked and written like a column', async () => {
		const report = await importFile(t.db.$client, FILE, {
			columnMap: { ...COLUMNS, '=31080': 'area' },
			writer: 'inline'
		});
		expect(report.issues).toEqual([]);
		expect(report.status).toBe('imported');
		expect(report.rowsImported).toBe(3);
		expect(completions()).toEqual([
			{
				area: '31080',
				year: 2024,
				provider: 'Eastside Workforce Academy',
				program: 'IT Support Professional Certificate',
				soc: '15-1232',
				completers: 42
			},
			{
				area: '31080',
				year: 2024,
				provider: 'Harbor Tech Bootcamp',
				program: 'Help Desk Technician Bootcamp',
				soc: '15-1232',
				completers: 18
			},
			{
				area: '31080',
				year: 2024,
				provider: 'Eastside Workforce Academy',
				program: 'Network Support Fundamentals',
				soc: '15-1231',
				completers: 12
			}
		]);
		// The data page links the run to the pages it changed, read from the rows it wrote.
		expect(runReach(t.db).get(report.runId!)).toEqual({
			areas: [{ code: '31080', title: null }],
			occupations: [
				{ area: '31080', soc: '15-1231' },
				{ area: '31080', soc: '15-1232' }
			],
			pathways: false
		});
		// The value is read as the area column would be: `US` is the nation's code.
		t.db.$client.exec('DELETE FROM import_runs');
		const us = await importFile(t.db.$client, FILE, {
			fileName: 'completions-us.csv',
			columnMap: { ...COLUMNS, '=US': 'area' },
			writer: 'inline'
		});
		expect(us.status).toBe('imported');
		expect(new Set(completions().map((r) => r.area))).toEqual(new Set(['99']));
	});

	it('a bad value is one problem naming the field, and the database is left as it was', async () => {
		const before = snapshot(t.db);
		const report = await importFile(t.db.$client, FILE, {
			columnMap: { ...COLUMNS, '=31 080': 'area' },
			writer: 'inline'
		});
		expect(report.status).toBe('rejected');
		expect(report.issues).toHaveLength(1);
		expect(report.issues[0]).toMatchObject({ line: null, column: null });
		expect(report.issues[0]!.message).toMatch(
			/^area, the value for every row \("31 080"\): expected an area code/
		);
		expect(snapshot(t.db)).toEqual(before);
	});

	it('refuses a value for a field the file has as a column, or that the format lacks', async () => {
		const before = snapshot(t.db);
		const twice = await importFile(t.db.$client, FILE, {
			columnMap: { ...COLUMNS, '=31080': 'area', '=2023': 'year' },
			writer: 'inline'
		});
		expect(twice.status).toBe('rejected');
		expect(twice.issues.map((i) => i.message)).toEqual([
			'year is both the column "Year" and a value for every row ("2023"): keep one of them'
		]);
		expect(twice.issues[0]).toMatchObject({ line: 1, column: 6 });
		const foreign = await importFile(t.db.$client, FILE, {
			columnMap: { ...COLUMNS, '=31080': 'area', '=x': 'universe' },
			writer: 'inline'
		});
		expect(foreign.status).toBe('rejected');
		expect(foreign.issues[0]!.message).toMatch(/^universe is not a field of program completions/);
		expect(snapshot(t.db)).toEqual(before);
	});

	it('the preview checks it too, and a remembered mapping keeps the columns but not the value', async () => {
		const map = { ...COLUMNS, '=31080': 'area' };
		const preview = await previewUpload(t.db, FILE, { fileName: 'c.csv', columnMap: map });
		expect(preview.ok).toBe(true);
		expect(preview.source?.id).toBe('generic-program-completions');
		expect(preview.mapping.columnMap).toEqual(map);
		// The preview's table is the file as it is: no column for the value.
		expect(preview.table?.header).toEqual([
			'Program',
			'Provider',
			'Program Type',
			'SOC Code',
			'Completers',
			'Year'
		]);
		const bad = await previewUpload(t.db, FILE, {
			fileName: 'c.csv',
			columnMap: { ...COLUMNS, '=31 080': 'area' }
		});
		expect(bad.ok).toBe(false);
		expect(bad.issues.map((i) => i.message)).toEqual([
			'area, the value for every row ("31 080"): expected an area code (e.g. 99, 06, 31080, or your own code without spaces), found "31 080"'
		]);
		saveMapping(t.db, preview.table!.header, map, 'Dana');
		expect(savedMapping(t.db, preview.mapping.signature!)).toEqual(COLUMNS);
	});
});

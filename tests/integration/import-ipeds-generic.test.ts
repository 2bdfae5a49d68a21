/**
 * NCES IPEDS (HD directory and C_A completions) and the generic tidy CSVs of boards and
 * providers: real IPEDS rows in both encodings, the whole national 2024 completions file checked
 * against sums taken straight from the raw CSV, every generic kind's example file, and rejected
 * files that leave the database unchanged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDelimited } from '../../src/lib/server/import/csv';
import { inspectFile } from '../../src/lib/server/import/file-info';
import { importFile, type ImportOptions } from '../../src/lib/server/import/load';
import { FIXTURES, SAMPLE, snapshot, tempDb, type TempDb } from '../helpers/db';

const IPEDS = join(FIXTURES, 'ipeds');
const EXAMPLES = join(process.cwd(), 'data/examples');

let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.close());

type Row = Record<string, unknown>;
const one = (sql: string, ...params: unknown[]): Row =>
	t.db.$client.prepare(sql).get(...params) as Row;
const all = (sql: string, ...params: unknown[]): Row[] =>
	t.db.$client.prepare(sql).all(...params) as Row[];
const institution = (unitid: string) => one('SELECT * FROM institutions WHERE unitid = ?', unitid);

/** The cells of one line of a file as the loader decodes it (to check the decoding itself). */
async function cellsOf(path: string, first: string): Promise<{ header: string[]; row: string[] }> {
	const info = await inspectFile(path);
	const rows: string[][] = [];
	await readDelimited(path, info.encoding, (cells) => {
		rows.push(cells);
	});
	return { header: rows[0]!, row: rows.find((r) => r[0] === first)! };
}

describe('IPEDS HD (institutional characteristics)', () => {
	it('reads raw 2022 lines in Windows-1252: padded cells, 4-digit county codes, blank web address', async () => {
		const path = join(IPEDS, 'hd2022_cut.csv');
		expect((await inspectFile(path)).encoding).toBe('windows-1252');
		const r = await importFile(t.db.$client, path);
		expect(r).toMatchObject({
			status: 'imported',
			source: 'nces-ipeds-hd',
			year: 2022,
			rowsRead: 10,
			rowsImported: 10,
			issues: []
		});
		expect(institution('168421')).toEqual({
			run_id: r.runId,
			unitid: '168421',
			year: 2022,
			name: 'Worcester Polytechnic Institute',
			city: 'Worcester',
			state: 'MA',
			cbsa: '49340',
			county_fips: '25027',
			county_name: 'Worcester County',
			sector: 2,
			web_address: 'https://www.wpi.edu/'
		});
		// COUNTYCD 4019 is Pima County, AZ: FIPS 04019.
		expect(institution('103741')).toMatchObject({ cbsa: '46060', county_fips: '04019', sector: 9 });
		expect(institution('166665')).toMatchObject({ sector: 0 }); // a system office
		expect(institution('167455')).toMatchObject({ web_address: null }); // published as " "
		// WPI's line carries the file's only non-ASCII bytes (0x93/0x94 curly quotes).
		const { header, row } = await cellsOf(path, '168421');
		expect(row[header.indexOf('CHFNM')]).toBe('Winston \u201cWole\u201d Soboyejo');
	});

	it('keeps accented names and cities from a Windows-1252 file and from UTF-8 with BOM alike', async () => {
		const latin = join(IPEDS, 'hd2024_pr_windows1252.csv');
		const utf8 = join(IPEDS, 'hd2024_cut.csv');
		expect((await inspectFile(latin)).encoding).toBe('windows-1252');
		expect((await inspectFile(utf8)).encoding).toBe('utf-8-bom');
		const a = await importFile(t.db.$client, latin);
		expect(a).toMatchObject({ status: 'imported', year: 2024, rowsImported: 2 });
		const fromLatin = all(
			'SELECT unitid, name, city, county_name FROM institutions ORDER BY unitid'
		);
		expect(fromLatin).toEqual([
			{
				unitid: '241225',
				name: 'Universidad Central de Bayamon',
				city: 'Bayamón',
				county_name: 'Bayamón Municipio'
			},
			{
				unitid: '430935',
				name: 'Colegio de Cinematografía Artes y Television',
				city: 'Bayamon',
				county_name: 'Bayamón Municipio'
			}
		]);
		const b = await importFile(t.db.$client, utf8);
		expect(b).toMatchObject({ status: 'imported', year: 2024, rowsImported: 10, issues: [] });
		const fromUtf8 = all(
			`SELECT unitid, name, city, county_name FROM institutions
			 WHERE run_id = ? AND unitid IN ('241225', '430935') ORDER BY unitid`,
			b.runId
		);
		expect(fromUtf8).toEqual(fromLatin);
	});

	it('stores CBSA and county -1/-2 as NULL and pads county codes', async () => {
		const r = await importFile(t.db.$client, join(IPEDS, 'hd2024_cut.csv'));
		expect(r.notes).toContain(
			'2 institutions are outside any CBSA (CBSA -1/-2): stored with no CBSA'
		);
		expect(institution('101587')).toMatchObject({ cbsa: null, county_fips: '01119' });
		expect(institution('243638')).toMatchObject({
			cbsa: null,
			county_fips: null,
			county_name: null,
			state: 'FM'
		});
		expect(institution('110662')).toMatchObject({
			name: 'University of California-Los Angeles',
			cbsa: '31080',
			county_fips: '06037',
			county_name: 'Los Angeles County',
			sector: 1
		});
	});

	it('imports the whole 2024 directory: one row per institution', async () => {
		const path = join(SAMPLE, 'ipeds/hd2024.csv');
		const lines = readFileSync(path, 'utf8')
			.split('\r\n')
			.filter((l) => l !== '');
		const r = await importFile(t.db.$client, path);
		expect(r).toMatchObject({ status: 'imported', rowsRead: lines.length - 1, issues: [] });
		expect(r.rowsImported).toBe(lines.length - 1);
		expect(one("SELECT count(*) AS n FROM institutions WHERE cbsa = '31080'")).toEqual({ n: 254 });
	});
});

/** The data rows of a completions CSV, read with a plain split (the file has no quoted cells). */
function rawCompletions(path: string): string[][] {
	const [, ...body] = readFileSync(path, 'utf8')
		.split('\n')
		.filter((l) => l !== '');
	return body.map((l) => l.split(','));
}

describe('IPEDS completions (C_A)', () => {
	it('keeps CIP codes as text and skips the CIP 99 institution totals', async () => {
		const path = join(IPEDS, 'c2022_a_cut.csv');
		const raw = rawCompletions(path);
		const totals = raw.filter((c) => c[1] === '99').length;
		expect(totals).toBeGreaterThan(0);
		const r = await importFile(t.db.$client, path);
		expect(r).toMatchObject({
			status: 'imported',
			source: 'nces-ipeds-completions',
			year: 2022,
			rowsRead: raw.length,
			rowsImported: raw.length - totals
		});
		expect(r.notes).toContain(
			`${totals} institution total rows (CIPCODE 99) skipped: sums by CIP would count them twice`
		);
		expect(one("SELECT count(*) AS n FROM completions WHERE cip = '99'")).toEqual({ n: 0 });
		expect(
			one(
				"SELECT * FROM completions WHERE unitid = '104179' AND cip = '01.0101' AND award_level = 5"
			)
		).toEqual({
			run_id: r.runId,
			unitid: '104179',
			year: 2022,
			cip: '01.0101',
			major_number: 1,
			award_level: 5,
			total: 28,
			men: 13,
			women: 15
		});
		expect(
			one(
				"SELECT total, men, women, typeof(cip) AS t FROM completions WHERE unitid = '168421' AND cip = '11.0701' AND award_level = 5"
			)
		).toEqual({ total: 183, men: 135, women: 48, t: 'text' });
	});

	it('imports the whole national 2024 file: counts and sums agree with the raw CSV', async () => {
		const path = join(SAMPLE, 'ipeds/c2024_a_all_institutions.csv');
		const raw = rawCompletions(path);
		const totals = raw.filter((c) => c[1] === '99').length;
		let cs = 0;
		for (const c of raw) if (c[1] === '11.0701') cs += Number(c[4]);
		const r = await importFile(t.db.$client, path);
		expect(r).toMatchObject({
			status: 'imported',
			year: 2024,
			rowsRead: raw.length,
			rowsImported: raw.length - totals,
			issues: []
		});
		expect(one('SELECT count(*) AS n FROM completions')).toEqual({ n: raw.length - totals });
		expect(one("SELECT sum(total) AS s FROM completions WHERE cip = '11.0701'")).toEqual({ s: cs });
		expect(cs).toBeGreaterThan(70_000);
	});

	const header2024 = readFileSync(join(IPEDS, 'hd2024_cut.csv'), 'utf8')
		.replace(/^\uFEFF/, '')
		.split('\r\n')[0]!
		.split(',');
	it.each([
		[
			'bad/c2024_a_cip_lost_zero.csv',
			2,
			2,
			'CIPCODE: "1.0999" has lost its leading zero (CIP codes are NN.NNNN, e.g. 01.0999); save the file again with this column as text'
		],
		[
			'bad/c2024_a_non_numeric.csv',
			4,
			7,
			'CTOTALW: expected a whole number of awards or blank, found "n/a"'
		],
		[
			'bad/hd2024_bad_cbsa.csv',
			5,
			header2024.indexOf('CBSA') + 1,
			'CBSA: expected a 5-digit CBSA code, -1 or -2, found "Los Angeles"'
		]
	])(
		'rejects %s with line %i, column %i, leaving the database unchanged',
		async (file, line, column, message) => {
			await importFile(t.db.$client, join(IPEDS, 'c2022_a_cut.csv'));
			const before = snapshot(t.db);
			const r = await importFile(t.db.$client, join(IPEDS, file));
			expect(r.status).toBe('rejected');
			expect(r.issues).toEqual([{ line, column, message }]);
			expect(snapshot(t.db)).toEqual(before);
		}
	);
});

// ---------------------------------------------------------------------------------------------
// Generic tidy CSVs
// ---------------------------------------------------------------------------------------------

/** Data rows of an example: every line after the label line and the header. */
const exampleRows = (file: string) =>
	readFileSync(join(EXAMPLES, file), 'utf8')
		.split('\n')
		.filter((l) => l !== '').length - 2;

describe('generic tidy CSVs: the example files', () => {
	it.each([
		[
			'projections_example.csv',
			'generic-projections',
			"SELECT * FROM projections WHERE soc = '15-1252'",
			{
				area: '46060',
				base_year: 2022,
				projected_year: 2032,
				employment_base: 2410,
				employment_projected: 2980,
				change: 570,
				openings: 210,
				openings_status: null,
				median_wage: 118500,
				entry_education: "Bachelor's degree"
			}
		],
		[
			'projections_example.csv',
			'generic-projections',
			"SELECT * FROM projections WHERE soc = '43-4051'",
			{ employment_base: 8100, openings: 1020, median_wage: null, median_wage_status: 'blank' }
		],
		[
			'postings_counts_example.csv',
			'generic-postings-counts',
			"SELECT * FROM postings_counts WHERE soc = '15-1212' AND period = '2024-Q4'",
			{ area: '46060', postings: 150, measure: 'unique' }
		],
		[
			'occupation_demographics_example.csv',
			'generic-occupation-demographics',
			"SELECT * FROM occupation_demographics WHERE soc = '15-1252' AND \"group\" = 'hispanic'",
			{ year: 2023, share: 520 / 2410, count: 520, total_employment: 2410, matched_by: 'code' }
		],
		[
			'occupation_demographics_example.csv',
			'generic-occupation-demographics',
			"SELECT * FROM occupation_demographics WHERE soc = '31-1131'",
			{ group: 'women', share: 0.88, share_status: null, source_line: 10 }
		],
		[
			'labor_force_baseline_example.csv',
			'generic-labor-force-baseline',
			'SELECT * FROM labor_force_baseline WHERE "group" = \'women\'',
			{ area: '46060', year: 2023, universe: 'labor-force', share: 0.472, share_moe: 0.008 }
		],
		[
			'program_completions_example.csv',
			'generic-program-completions',
			"SELECT * FROM program_completions WHERE program = 'Data Analytics Intensive'",
			{ soc: null, cip: '30.7001', completers: 22, program_type: 'bootcamp', year: 2024 }
		],
		[
			'pathway_edges_example.csv',
			'generic-pathway-edges',
			"SELECT * FROM pathway_edges WHERE from_soc = '15-1244'",
			{ to_soc: '15-1212', source: 'employer partnership', area: '46060' }
		],
		[
			'credentials_example.csv',
			'generic-credentials',
			"SELECT * FROM credentials WHERE soc = '31-1131'",
			{ completion_rate: 0.91, employment_rate: 0.84, cost_usd: 1200, area: '46060' }
		]
	])('%s → %s', async (file, source, sql, expected) => {
		const r = await importFile(t.db.$client, join(EXAMPLES, file));
		const rows = exampleRows(file);
		expect(r).toMatchObject({ status: 'imported', source, rowsRead: rows, rowsImported: rows });
		expect(r.issues).toEqual([]);
		expect(one(sql)).toMatchObject(expected);
	});

	it('reads a file with its own column names through a column map', async () => {
		const text = readFileSync(join(EXAMPLES, 'postings_counts_example.csv'), 'utf8').replace(
			'area,soc,period,postings,measure',
			'Region,Occupation Code,Quarter,Job Ads,measure'
		);
		const path = join(t.dir, 'board_postings.csv');
		writeFileSync(path, text.replace('46060,15-1252,2024-Q3,365', '46060,15-1252,2024-Q3,36S'));
		const map: ImportOptions['columnMap'] = {
			Region: 'area',
			'Occupation Code': 'soc',
			Quarter: 'period',
			'Job Ads': 'postings'
		};
		const bad = await importFile(t.db.$client, path, { columnMap: map });
		expect(bad.issues).toEqual([
			{ line: 5, column: 4, message: 'postings ("Job Ads"): expected a number, found "36S"' }
		]);
		writeFileSync(path, text);
		const r = await importFile(t.db.$client, path, { columnMap: map });
		expect(r).toMatchObject({
			status: 'imported',
			source: 'generic-postings-counts',
			rowsImported: 12
		});
		expect(one("SELECT sum(postings) AS s FROM postings_counts WHERE soc = '29-1141'")).toEqual({
			s: 1210 + 1175 + 1232 + 1198
		});
	});
});

/** Writes a copy of an example with one line edited (1-based line numbers, as reported). */
function variant(file: string, line: number, edit: (text: string) => string): string {
	const lines = readFileSync(join(EXAMPLES, file), 'utf8').split('\n');
	const changed = edit(lines[line - 1]!);
	if (changed === lines[line - 1])
		throw new Error(`the edit of ${file} line ${line} changed nothing`);
	lines[line - 1] = changed;
	const path = join(t.dir, file);
	writeFileSync(path, lines.join('\n'));
	return path;
}

describe('generic tidy CSVs: bad input', () => {
	it.each([
		[
			'bad SOC code',
			'projections_example.csv',
			3,
			(l: string) => l.replace('15-1252', '151252'),
			{ line: 3, column: 2, message: 'soc: expected a SOC code like 15-1252, found "151252"' }
		],
		[
			'O*NET code instead of SOC',
			'pathway_edges_example.csv',
			4,
			(l: string) => l.replace('15-1244', '15-1244.00'),
			{
				line: 4,
				column: 2,
				message:
					'to_soc: "15-1244.00" is an O*NET-SOC code; write the 7-character SOC code (15-1244)'
			}
		],
		[
			'share above 1',
			'occupation_demographics_example.csv',
			3,
			(l: string) => l.replace(',0.21,', ',21,'),
			{
				line: 3,
				column: 6,
				message:
					'share: expected a fraction from 0 to 1 (or a percent with its sign, e.g. 45%), found "21"'
			}
		],
		[
			'percent above 100',
			'labor_force_baseline_example.csv',
			3,
			(l: string) => l.replace(',0.472,', ',147.2%,'),
			{ line: 3, column: 5, message: 'share: expected a percent from 0% to 100%, found "147.2%"' }
		],
		[
			'bare rate above 1',
			'credentials_example.csv',
			3,
			(l: string) => l.replace(',0.78,', ',78,'),
			{
				line: 3,
				column: 7,
				message:
					'completion_rate: expected a fraction from 0 to 1 (or a percent with its sign, e.g. 45%), found "78"'
			}
		],
		[
			'missing required column',
			'projections_example.csv',
			2,
			(l: string) => l.replace(',openings,', ',annual_openings,'),
			{
				line: 2,
				column: null,
				message:
					'this looks like a regional employment projections file, but the header lacks openings (see docs/IMPORT.md, "Your own data"; --map "their column=our field" renames columns, --map "=value=our field" gives every row one value)'
			}
		],
		[
			'non-numeric count',
			'postings_counts_example.csv',
			5,
			(l: string) => l.replace(',365,', ',about 365,'),
			{ line: 5, column: 4, message: 'postings: expected a number, found "about 365"' }
		],
		[
			'count above total',
			'labor_force_baseline_example.csv',
			5,
			(l: string) => l.replace(',187400,', ',587400,'),
			{ line: 5, column: 6, message: 'count: 587400 is more than total 489000' }
		],
		[
			'no SOC and no CIP',
			'program_completions_example.csv',
			5,
			(l: string) => l.replace(',15-1254,', ',,'),
			{
				line: 5,
				column: 6,
				message: 'soc and cip are both blank: give the occupation (soc) or program code (cip)'
			}
		],
		[
			'CIP lost its leading zero',
			'program_completions_example.csv',
			5,
			(l: string) => l.replace(',15-1254,', ',15-1254,9.0702'),
			{
				line: 5,
				column: 7,
				message:
					'cip: "9.0702" has lost its leading zero (CIP codes are NN.NNNN, e.g. 09.0702); save the file again with this column as text'
			}
		],
		[
			'area that lost its leading zero',
			'postings_counts_example.csv',
			3,
			(l: string) => l.replace('46060,', '6037,'),
			{
				line: 3,
				column: 1,
				message:
					'area: "6037" looks like a code that lost its leading zero (state FIPS codes have 2 digits, counties and CBSAs 5, e.g. 06 or 06037); save the column as text'
			}
		],
		[
			'bad period',
			'postings_counts_example.csv',
			4,
			(l: string) => l.replace('2024-Q2', '2024-Q5'),
			{
				line: 4,
				column: 3,
				message: 'period: expected 2025, 2025-Q1, 2025-03 or 2025-03-15, found "2024-Q5"'
			}
		],
		[
			'edge to itself',
			'pathway_edges_example.csv',
			3,
			(l: string) => l.replace('15-1232,15-1231', '15-1232,15-1232'),
			{ line: 3, column: 2, message: 'to_soc: the edge leads from 15-1232 back to itself' }
		],
		[
			'url without a scheme',
			'credentials_example.csv',
			4,
			(l: string) => l.replace('https://example.org/network-cert', 'example.org/network-cert'),
			{
				line: 4,
				column: 10,
				message:
					'url: expected an address starting with http:// or https://, found "example.org/network-cert"'
			}
		]
	])(
		'%s (%s) is rejected with line and column; nothing changes',
		async (_what, file, line, edit, issue) => {
			await importFile(t.db.$client, join(EXAMPLES, 'pathway_edges_example.csv'));
			const before = snapshot(t.db);
			const r = await importFile(t.db.$client, variant(file, line, edit));
			expect(r.status).toBe('rejected');
			expect(r.issues).toEqual([issue]);
			expect(snapshot(t.db)).toEqual(before);
		}
	);

	it('reports a duplicate row with the line it repeats', async () => {
		const path = variant('projections_example.csv', 4, (l) => l.replace('15-1211', '15-1252'));
		const r = await importFile(t.db.$client, path);
		expect(r.issues).toEqual([
			{ line: 4, column: 2, message: 'soc 15-1252 in area 46060 is already on line 3' }
		]);
	});
});

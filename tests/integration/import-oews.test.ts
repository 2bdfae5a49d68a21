/**
 * The OEWS import on real BLS files: every variant the adapter reads, the whole Los Angeles 2021
 * file, agreement of computed LQ with BLS's published LQ, idempotent re-import, and rejection
 * that leaves the database untouched.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareLq } from '../../src/lib/analysis/location-quotient';
import { decodeStatuses, OEWS_MEASURES } from '../../src/lib/server/db/oews-statuses';
import { importFile } from '../../src/lib/server/import/load';
import { regionReport } from '../../src/lib/server/reports/region';
import { FIXTURES, SAMPLE, snapshot, tempDb, type TempDb } from '../helpers/db';

const OEWS = join(FIXTURES, 'oews');
let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.close());

type Fact = Record<string, unknown>;
/** A fact row with its folded statuses unfolded, one `…_status` beside each value. */
const unfolded = (row: Fact): Fact => {
	const statuses = decodeStatuses(row.statuses as string | null);
	return Object.fromEntries([
		...Object.entries(row),
		...OEWS_MEASURES.map(([, column], k) => [`${column}_status`, statuses[k]])
	]);
};
const fact = (area: string, soc: string): Fact =>
	unfolded(
		t.db.$client
			.prepare('SELECT * FROM oews_facts WHERE area = ? AND soc = ?')
			.get(area, soc) as Fact
	);
/** Every fact row of a database, with the run id blanked so two databases compare equal. */
const factsOf = (db: TempDb['db']): Fact[] =>
	db.$client
		.prepare('SELECT * FROM oews_facts ORDER BY area, soc')
		.all()
		.map((f) => ({ ...(f as Fact), run_id: 0 }));

/** Imports one file into a fresh database and returns its report and facts. */
async function importFresh(path: string) {
	const other = tempDb();
	try {
		const report = await importFile(other.db.$client, path);
		return { report, facts: factsOf(other.db) };
	} finally {
		other.close();
	}
}

describe('OEWS variants', () => {
	it('reads the MSA CSV cut: thousands separators, markers and their statuses', async () => {
		const r = await importFile(t.db.$client, join(OEWS, 'MSA_M2021_la_cut.csv'));
		expect(r).toMatchObject({
			status: 'imported',
			source: 'bls-oews',
			year: 2021,
			rowsRead: 21,
			rowsImported: 21,
			issues: []
		});
		expect(fact('31080', '00-0000')).toMatchObject({
			employment: 5719620,
			annual_mean: 65930,
			o_group: 'total'
		});
		expect(fact('31080', '15-1252')).toMatchObject({
			employment: 49020,
			annual_median: 127690,
			lq_published: 0.89,
			year: 2021
		});
		// Legislators: employment and hourly wages withheld, annual wages published.
		expect(fact('31080', '11-1031')).toMatchObject({
			employment: null,
			employment_status: 'employment_not_available',
			hourly_median: null,
			hourly_median_status: 'not_available',
			annual_median: 61810,
			annual_median_status: null
		});
		// Chief Executives: top-coded wages are NULL with status, never 0.
		expect(fact('31080', '11-1011')).toMatchObject({
			annual_p90: null,
			annual_p90_status: 'top_coded'
		});
		const area = t.db.$client.prepare("SELECT * FROM areas WHERE code = '31080'").get();
		expect(area).toEqual({
			code: '31080',
			title: 'Los Angeles-Long Beach-Anaheim, CA',
			type: 'msa',
			state: 'CA',
			necta: 0
		});
		const run = t.db.$client.prepare('SELECT meta FROM import_runs').get() as { meta: string };
		expect(JSON.parse(run.meta).topCode).toEqual({ hourly: 100, annual: 208000, from: 'year' });
	});

	it('reads lower-case headers and the older O_GROUP spelling to the same facts', async () => {
		await importFile(t.db.$client, join(OEWS, 'MSA_M2021_la_cut.csv'));
		const lower = await importFresh(join(OEWS, 'MSA_M2021_la_cut_lowercase.csv'));
		expect(lower.report.status).toBe('imported');
		expect(lower.facts).toEqual(factsOf(t.db));
	});

	it('reads cells padded with no-break spaces (as a web page copies them) like clean ones', async () => {
		await importFile(t.db.$client, join(OEWS, 'MSA_M2021_la_cut.csv'));
		const nb = '\u00a0';
		const padded = readFileSync(join(OEWS, 'MSA_M2021_la_cut.csv'), 'utf8')
			.split('\n')
			.map(
				(line, i) =>
					i === 0
						? line
						: line
								.replace(/^31080,/, `${nb}31080${nb},`) // AREA
								.replace(/,000000,/, `,${nb}000000,`) // NAICS
								.replace(/,(\d{2}-\d{4}),/, `,${nb}$1${nb},`) // OCC_CODE
								.replace(/,(total|major|minor|broad|detailed),/, `,$1${nb},`) // O_GROUP
								.replace(/,"([\d,]+)",/, `,"${nb}$1${nb}",`) // TOT_EMP
			)
			.join('\n');
		expect(padded.split(nb).length - 1).toBeGreaterThanOrEqual(21 * 6);
		const dir = mkdtempSync(join(tmpdir(), 'rlm-nbsp-'));
		try {
			const path = join(dir, 'MSA_M2021_nbsp.csv');
			writeFileSync(path, padded);
			const { report, facts } = await importFresh(path);
			expect(report).toMatchObject({ status: 'imported', rowsImported: 21, issues: [] });
			expect(facts).toEqual(factsOf(t.db));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('reads the same rows from XLSX with numeric cells as from CSV', async () => {
		await importFile(t.db.$client, join(OEWS, 'MSA_M2021_la_cut.csv'));
		const xlsx = await importFresh(join(OEWS, 'MSA_M2021_la_cut.xlsx'));
		expect(xlsx.report).toMatchObject({ status: 'imported', rowsImported: 21 });
		expect(xlsx.facts).toEqual(factsOf(t.db));
	});

	it('reads a national XLSX: broad/detailed twins kept once as detailed, caps from Field Descriptions', async () => {
		const r = await importFile(t.db.$client, join(OEWS, 'national_M2021_cut.xlsx'));
		expect(r).toMatchObject({ status: 'imported', year: 2021, rowsRead: 8, rowsImported: 7 });
		expect(r.notes.join(' ')).toContain(
			'1 codes published at both the broad and the detailed level'
		);
		const twins = t.db.$client
			.prepare("SELECT o_group FROM oews_facts WHERE soc = '13-1020'")
			.all();
		expect(twins).toEqual([{ o_group: 'detailed' }]);
		expect(fact('99', '00-0000')).toMatchObject({
			employment: 140886310,
			lq_published: null,
			lq_published_status: 'blank'
		});
		expect(t.db.$client.prepare("SELECT type, state FROM areas WHERE code = '99'").get()).toEqual({
			type: 'national',
			state: null
		});
		const run = t.db.$client.prepare('SELECT meta FROM import_runs').get() as { meta: string };
		expect(JSON.parse(run.meta).topCode).toEqual({ hourly: 100, annual: 208000, from: 'file' });
	});

	it('needs the hybrid structure for May 2020, then keeps hybrid codes with their SOC 2018 members', async () => {
		const before = snapshot(t.db);
		const refused = await importFile(t.db.$client, join(OEWS, 'national_M2020_cut.xlsx'));
		expect(refused.status).toBe('rejected');
		expect(refused.issues[0]!.message).toContain('hybrid structure');
		expect(snapshot(t.db)).toEqual(before);

		expect(
			(await importFile(t.db.$client, join(SAMPLE, 'oes_2019_hybrid_structure.xlsx'))).status
		).toBe('imported');
		const r = await importFile(t.db.$client, join(OEWS, 'national_M2020_cut.xlsx'));
		expect(r).toMatchObject({ status: 'imported', year: 2020 });
		expect(
			t.db.$client.prepare("SELECT vintage, level FROM occupations WHERE soc = '15-1256'").get()
		).toEqual({
			vintage: 'oes-hybrid',
			level: 'detailed'
		});
		const members = t.db.$client
			.prepare(
				"SELECT DISTINCT to_code FROM occupation_crosswalk WHERE from_code = '15-1256' ORDER BY to_code"
			)
			.pluck()
			.all();
		expect(members).toEqual(['15-1252', '15-1253']);
		expect(
			t.db.$client.prepare("SELECT vintage FROM occupations WHERE soc = '11-1011'").pluck().get()
		).toBe('2018');
	});
});

describe('the whole Los Angeles 2021 file', () => {
	it('imports all 758 rows with every marker kept as a status', async () => {
		const r = await importFile(t.db.$client, join(SAMPLE, 'oews_MSA_M2021_los_angeles.csv'));
		expect(r).toMatchObject({ status: 'imported', rowsRead: 758, rowsImported: 758 });
		const groups = t.db.$client
			.prepare('SELECT o_group, count(*) AS n FROM oews_facts GROUP BY o_group ORDER BY o_group')
			.all();
		expect(groups).toEqual([
			{ o_group: 'detailed', n: 735 },
			{ o_group: 'major', n: 22 },
			{ o_group: 'total', n: 1 }
		]);
		// Counts of markers in the file, from its PROVENANCE: ** 172, * 433, # 218 cells.
		const statuses = (
			t.db.$client
				.prepare('SELECT statuses FROM oews_facts WHERE statuses IS NOT NULL')
				.pluck()
				.all() as string[]
		).flatMap(decodeStatuses);
		const count = (status: string) => statuses.filter((s) => s === status).length;
		expect(count('employment_not_available')).toBe(172);
		expect(count('not_available')).toBe(433);
		expect(count('top_coded')).toBe(218);
	});

	it('computes LQ that agrees with BLS published LQ for at least 95% of detailed occupations (±0.02)', async () => {
		await importFile(t.db.$client, join(SAMPLE, 'national_M2021_dl.xlsx'));
		await importFile(t.db.$client, join(SAMPLE, 'oews_MSA_M2021_los_angeles.csv'));
		const report = regionReport(t.db, '31080', 2021);
		const detailed = report.rows.filter((r) => r.level === 'detailed');
		const result = compareLq(
			detailed.map((r) => ({ computed: r.lq, published: r.lqPublished })),
			0.02
		);
		console.log(
			`LQ agreement, Los Angeles vs U.S. May 2021: ${result.agreeing}/${result.compared} = ${(result.rate! * 100).toFixed(1)}% within ±0.02 (max difference ${result.maxDifference!.toFixed(3)})`
		);
		expect(result.compared).toBeGreaterThan(500);
		expect(result.rate).toBeGreaterThanOrEqual(0.95);
	});
});

const BAD: [file: string, line: number | null, column: number | null, message: RegExp][] = [
	['oews_M2021_non_numeric.csv', 5, 12, /TOT_EMP: expected a number .* found "12a4"/],
	['oews_M2021_ragged_row.csv', 7, 23, /has 22 fields but the header on line 1 has 32/],
	['oews_M2021_bad_soc_code.csv', 4, 9, /OCC_CODE: expected a SOC code .* found "151252"/],
	['oews_M2021_bad_o_group.csv', 3, 11, /O_GROUP: expected .* found "sector"/],
	[
		'oews_M2021_duplicate_row.csv',
		8,
		null,
		/duplicate row: area 31080, occupation 15-0000 is already on line 6/
	],
	[
		'oews_M2021_duplicated_header.csv',
		1,
		13,
		/column "TOT_EMP" appears twice \(columns 12 and 13\)/
	],
	['oews_M2021_header_only.csv', 1, null, /no data rows after the header/],
	['oews_M2021_unterminated_quote.csv', 9, null, /quoted field is not closed/],
	['oews_M2021_data_after_notes.csv', 7, null, /data after the notes that begin on line 6/],
	['oews_no_year_in_name.csv', 1, null, /cannot tell which May estimates/],
	['oews_M2021_empty.csv', null, null, /the file is empty/],
	['oews_M2021_binary.csv', null, null, /not a CSV, TSV or XLSX file/],
	['unknown_columns.csv', null, null, /no known source recognised.*"name", "city"/],
	[
		'national_M2021_truncated.xlsx',
		null,
		null,
		/cannot read this XLSX workbook: it is truncated or damaged \(its zip directory/
	],
	['oews_M2021_utf16.csv', null, null, /UTF-16 text; save it as "CSV UTF-8"/],
	['oews_M2021_huge_field.csv', 2, 10, /holds more than 100,000 characters .*the limit is 100,000/],
	['oews_M2021_semicolon_ragged.csv', 4, 31, /has 30 fields but the header on line 1 has 32/],
	['oews_M2021_tab_non_numeric.tsv', 6, 28, /A_MEDIAN: expected a number .* found "about 50k"/],
	['oews_M2021_windows1252_bad_area.csv', 3, 1, /AREA: expected a numeric area code, found "LA"/],
	['oews_M2021_bom_missing_title.csv', 7, 10, /OCC_TITLE is empty/],
	['oews_M2021_truncated.csv', 15, null, /a quoted field is never closed/],
	['oews_M2021_crlf_extra_field.csv', 11, 33, /has 33 fields but the header on line 1 has 32/],
	['oews_M2021_bad_area_type.csv', 4, 3, /AREA_TYPE: expected 1, 2, 3, 4 or 6, found "5"/],
	['oews_M2018_soc2010.csv', 1, null, /May 2018 OEWS files use SOC 2010 codes/],
	['oews_M2021_no_a_median.csv', 1, null, /the OEWS header lacks A_MEDIAN/],
	['oews_M2021_bad_flag.csv', 8, 31, /ANNUAL: expected TRUE or blank, found "yes"/],
	['oews_M2021_blank_lines_only.csv', null, null, /only blank lines/],
	['oews_M2021_pdf_renamed.csv', null, null, /this is a PDF document/],
	['not_a_workbook.xlsx', null, null, /cannot read this XLSX workbook/],
	['MSA_M2021_xlsx_text_in_number.xlsx', 4, 12, /TOT_EMP: expected a number .* found "n\/a"/],
	['unknown_workbook.xlsx', null, null, /no known source recognised.*"Line item", "Amount"/],
	[
		'digital_categories_unknown.csv',
		5,
		3,
		/jff_category: expected one of .* found "Data Wrangling"/
	],
	['digital_categories_duplicate.csv', 7, 1, /soc 15-1243 is already categorised on line 3/],
	[
		'oews_M2021_negative_employment.csv',
		4,
		12,
		/TOT_EMP: expected a number that is not negative, found "-5000"/
	],
	[
		'oews_M2021_negative_wage.csv',
		6,
		28,
		/A_MEDIAN: expected a number that is not negative, found "-61,810"/
	],
	[
		'oews_M2021_area_lost_digit.csv',
		4,
		1,
		/AREA: "3108" is not a metropolitan area code: .*5 digits.*"Los Angeles-Long Beach-Anaheim, CA" is area 31080 in this database/
	],
	[
		'oews_M2021_mixed_encoding.csv',
		4,
		null,
		/mixes two text encodings: line 3 holds UTF-8 text, but line 4 holds the byte 0xE9.*"é"/
	]
];

describe('idempotence and rejection', () => {
	it('has a broken file for every case in the corpus', () => {
		expect(
			readdirSync(join(FIXTURES, 'bad'))
				.filter((f) => f !== 'README.md')
				.sort()
		).toEqual(BAD.map(([f]) => f).sort());
	});

	it('skips a file whose sha256 was already imported, changing nothing', async () => {
		const path = join(OEWS, 'MSA_M2021_la_cut.csv');
		expect((await importFile(t.db.$client, path)).status).toBe('imported');
		const before = snapshot(t.db);
		const again = await importFile(t.db.$client, path);
		expect(again).toMatchObject({ status: 'skipped', rowsImported: 0 });
		expect(again.notes[0]).toMatch(/already imported as run 1/);
		expect(snapshot(t.db)).toEqual(before);
	});

	it.each(BAD)(
		'%s is rejected at line %s, column %s, and the database is unchanged',
		async (file, line, column, message) => {
			await importFile(t.db.$client, join(OEWS, 'MSA_M2021_la_cut.csv'));
			const before = snapshot(t.db);
			const r = await importFile(t.db.$client, join(FIXTURES, 'bad', file));
			expect(r.status).toBe('rejected');
			expect(r.rowsImported).toBe(0);
			expect(r.file).toBe(file);
			expect(r.issues[0]).toMatchObject({ line, column });
			expect(r.issues[0]!.message).toMatch(message);
			expect(snapshot(t.db)).toEqual(before);
		}
	);
});

describe('the mixed-encoding message', () => {
	it('names a byte as Windows-1252 reads it, also where Latin-1 differs (0x93 is “)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'rlm-mixed-'));
		try {
			const bytes = readFileSync(join(FIXTURES, 'bad', 'oews_M2021_mixed_encoding.csv'));
			const path = join(dir, 'oews_M2021_mixed_quote.csv');
			writeFileSync(
				path,
				bytes.map((b) => (b === 0xe9 ? 0x93 : b))
			);
			const r = await importFile(t.db.$client, path);
			expect(r.issues[0]!.message).toMatch(/holds the byte 0x93,.*it would be "“"/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

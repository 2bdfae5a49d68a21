/**
 * BLS Employment Projections national `occupation.xlsx` → `projections` (area `99`).
 *
 * Two layouts are read from the same sheet, Table 1.2:
 * - 2024–34 onwards: Table 1.2 holds the projections AND the worker characteristics (median wage,
 *   typical entry education, work experience, on-the-job training, percent self-employed).
 * - 2022–32: Table 1.2 holds projections and openings only; the characteristics are in Table 1.7,
 *   a later sheet of the same workbook, read through `extraSheet` to update the rows already written.
 *
 * Quirks handled: the header is on row 2 under a title row; headers differ in dashes (`2024–34`
 * vs `2022-32`) and footnote markers (`[1]` vs `(1)`), so they are matched loosely; Table 1.1 (and
 * 1.3–1.7, 1.10) share much of the header, so inside a workbook only the sheet named Table 1.2 is
 * claimed; titles are indented with spaces; `—` marks a missing value; footnote rows follow the
 * data; employment, change and openings are in THOUSANDS and are stored as persons (× 1,000);
 * the median wage is in dollars and `>=$239,200` is top-coded (NULL + `top_coded`, the cap in
 * meta, as for OEWS). Percent changes and percent self-employed stay percents (0–100), as the
 * column names `change_pct` and `self_employed_pct` say.
 */
import { FirstSeen, type Measured } from '../kit';
import { SOC_CODE, quote } from '../normalize';
import type { RowSink } from '../rows';
import {
	ImportError,
	type AdapterSession,
	type DetectContext,
	type IssueSink,
	type OpenContext,
	type SourceAdapter
} from './types';

const AREA = '99';
/** EP publishes employment, change and openings in thousands. */
const THOUSAND = 1000;

/**
 * A header cell reduced to lowercase words: footnote markers (`[1]`, `(1)`) dropped, and every run
 * of other characters (spaces, commas, hyphens, en dashes, `_` from `headerKey`) made one space.
 */
export function looseKey(raw: string): string {
	return raw
		.toLowerCase()
		.replace(/\[\d+\]|\(\d+\)/g, ' ')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

const FIELDS = {
	title: /^(\d{4}) national employment matrix title$/,
	code: /^(\d{4}) national employment matrix code$/,
	type: /^occupation type$/,
	change: /^employment change numeric\b/,
	changePct: /^employment change percent\b/,
	selfEmployed: /^percent self employed\b/,
	openings: /^occupational openings\b/,
	wage: /^median annual wage\b/,
	education: /^typical education needed for entry\b/,
	experience: /^work experience in a related occupation\b/,
	training: /^typical on the job training\b/
} as const;
type Field = keyof typeof FIELDS;
const EMPLOYMENT = /^employment (\d{4})$/;

type Columns = Partial<Record<Field, number>>;

function findColumns(keys: string[]): Columns {
	const found: Columns = {};
	keys.forEach((key, i) => {
		const k = looseKey(key);
		for (const [field, re] of Object.entries(FIELDS) as [Field, RegExp][]) {
			if (found[field] === undefined && re.test(k)) found[field] = i;
		}
	});
	return found;
}

/** The `Employment, YYYY` columns, in the order of their years. */
function employmentColumns(keys: string[]): { year: number; index: number }[] {
	const out: { year: number; index: number }[] = [];
	keys.forEach((key, i) => {
		const m = EMPLOYMENT.exec(looseKey(key));
		if (m?.[1]) out.push({ year: Number(m[1]), index: i });
	});
	return out.sort((a, b) => a.year - b.year);
}

function matrixYear(keys: string[], index: number | undefined): number | null {
	if (index === undefined) return null;
	const m = FIELDS.code.exec(looseKey(keys[index] ?? ''));
	return m?.[1] ? Number(m[1]) : null;
}

/** The year a header cell names, e.g. 2024 in `Median annual wage, dollars, 2024[1]`. */
function yearIn(header: string[], index: number | undefined): number | null {
	if (index === undefined) return null;
	const m = /\b((?:19|20)\d{2})\b/.exec(looseKey(header[index] ?? ''));
	return m?.[1] ? Number(m[1]) : null;
}

const MISSING = new Set(['—', '–', '-']);

/** A published number, `—` (not available) or blank; null when the text is neither. */
function readNumber(raw: string): Measured | null {
	const t = raw.trim();
	if (t === '') return { value: null, status: 'blank' };
	if (MISSING.has(t)) return { value: null, status: 'not_available' };
	if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return null;
	return { value: Number(t.replaceAll(',', '')), status: null };
}

/** Median wage: a number, `—`, or a top code such as `>=$239,200` (returned as `cap`). */
function readWage(raw: string): (Measured & { cap?: number }) | null {
	const top = /^>=?\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)$/.exec(raw.trim());
	if (top?.[1])
		return { value: null, status: 'top_coded', cap: Number(top[1].replaceAll(',', '')) };
	return readNumber(raw.replace(/^\s*\$/, ''));
}

/** Text characteristics: `—` and blank become NULL. */
function readText(raw: string): string | null {
	const t = raw.trim();
	return t === '' || MISSING.has(t) ? null : t;
}

const persons = (thousands: number | null) =>
	thousands === null ? null : Math.round(thousands * THOUSAND);

const OCCUPATION_TYPES: Record<string, string> = { 'line item': 'Line item', summary: 'Summary' };

interface Characteristics {
	selfEmployed: number | null;
	wage: Measured;
	education: string | null;
	experience: string | null;
	training: string | null;
}

/**
 * Reads the characteristic cells of one row (shared by Table 1.2 of 2024–34 and Table 1.7 of
 * 2022–32). Problems go to `report` with the 0-based column; returns null when there was one.
 */
function readCharacteristics(
	cells: string[],
	cols: Columns,
	header: string[],
	report: (column: number, message: string) => void,
	onCap: (cap: number) => void
): Characteristics | null {
	const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? ''));
	let ok = true;
	let selfEmployed: number | null = null;
	if (cols.selfEmployed !== undefined) {
		const m = readNumber(cell(cols.selfEmployed));
		if (m === null || (m.value !== null && (m.value < 0 || m.value > 100))) {
			report(
				cols.selfEmployed,
				`${header[cols.selfEmployed]}: expected a percent from 0 to 100 or —, found ${quote(cell(cols.selfEmployed).trim())}`
			);
			ok = false;
		} else selfEmployed = m.value;
	}
	let wage: Measured = { value: null, status: 'blank' };
	if (cols.wage !== undefined) {
		const m = readWage(cell(cols.wage));
		if (m === null || (m.value !== null && m.value < 0)) {
			report(
				cols.wage,
				`${header[cols.wage]}: expected a dollar amount, >=$cap or —, found ${quote(cell(cols.wage).trim())}`
			);
			ok = false;
		} else {
			if (m.cap !== undefined) onCap(m.cap);
			wage = { value: m.value, status: m.status };
		}
	}
	if (!ok) return null;
	return {
		selfEmployed,
		wage,
		education: readText(cell(cols.education)),
		experience: readText(cell(cols.experience)),
		training: readText(cell(cols.training))
	};
}

const HEADER_SCAN_ROWS = 20;

function open(ctx: OpenContext): AdapterSession {
	const cols = findColumns(ctx.header);
	const employment = employmentColumns(ctx.header);
	const need: [Field, string][] = [
		['title', 'National Employment Matrix title'],
		['code', 'National Employment Matrix code'],
		['type', 'Occupation type'],
		['openings', 'Occupational openings']
	];
	const missing = need.filter(([f]) => cols[f] === undefined).map(([, label]) => label);
	if (employment.length < 2)
		missing.push('Employment, <base year> and Employment, <projected year>');
	if (missing.length > 0) {
		throw new ImportError(`the Employment Projections header lacks ${missing.join('; ')}`);
	}
	const base = employment[0]!;
	const projected = employment[employment.length - 1]!;
	if (projected.year <= base.year) {
		throw new ImportError(
			`the Employment columns name one year only (${base.year}): expected a base and a projected year`
		);
	}
	const nemYear = matrixYear(ctx.header, cols.code);
	let wageYear = yearIn(ctx.header, cols.wage);
	// 2024–34 puts the characteristics in Table 1.2; 2022–32 leaves them to Table 1.7.
	const inline = cols.education !== undefined || cols.wage !== undefined;
	if (ctx.year !== null && ctx.year !== base.year && ctx.year !== projected.year) {
		ctx.notes.push(
			`the file name (or --year) says ${ctx.year}, the header says ${base.year}–${projected.year}: ` +
				`the header's years are used`
		);
	}

	const insert = ctx.sqlite.prepare(
		`INSERT INTO projections (run_id, area, soc, title, occupation_type, base_year, projected_year,
		   employment_base, employment_projected, change, change_pct, openings, openings_status,
		   median_wage, median_wage_status, self_employed_pct, entry_education, work_experience,
		   job_training)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const update = ctx.sqlite.prepare(
		`UPDATE projections SET self_employed_pct = ?, median_wage = ?, median_wage_status = ?,
		   entry_education = ?, work_experience = ?, job_training = ?
		 WHERE run_id = ? AND area = ? AND soc = ?`
	);

	const seen = new FirstSeen();
	const types = { 'Line item': 0, Summary: 0 } as Record<string, number>;
	let topCap: number | null = null;
	let topCoded = 0;
	const onCap = (cap: number) => {
		topCap = topCap === null ? cap : Math.max(topCap, cap);
		topCoded++;
	};
	// Table 1.7 (2022–32 layout)
	let extraName: string | null = null;
	const extraMatched = new Set<string>();
	let extraUnknown = 0;

	const cell = (cells: string[], i: number | undefined) =>
		i === undefined ? '' : (cells[i] ?? '').trim();

	function row(cells: string[], line: number, issue: IssueSink, write: boolean) {
		const soc = cell(cells, cols.code);
		if (!SOC_CODE.test(soc)) {
			issue(
				cols.code!,
				`${ctx.header[cols.code!]}: expected a code like 15-1252, found ${quote(soc)}`
			);
			return 'skipped' as const;
		}
		const title = cell(cells, cols.title);
		if (title === '') {
			issue(cols.title!, `${ctx.header[cols.title!]} is empty`);
			return 'skipped' as const;
		}
		const rawType = cell(cells, cols.type);
		const type = OCCUPATION_TYPES[rawType.toLowerCase()];
		if (!type) {
			issue(cols.type!, `Occupation type: expected Line item or Summary, found ${quote(rawType)}`);
			return 'skipped' as const;
		}
		let bad = false;
		const numberAt = (i: number | undefined, what: string): Measured => {
			if (i === undefined) return { value: null, status: 'blank' };
			const m = readNumber(cells[i] ?? '');
			if (m === null) {
				issue(i, `${ctx.header[i]}: expected ${what} or —, found ${quote(cell(cells, i))}`);
				bad = true;
				return { value: null, status: null };
			}
			return m;
		};
		const empBase = numberAt(base.index, 'a number (thousands)');
		const empProjected = numberAt(projected.index, 'a number (thousands)');
		const change = numberAt(cols.change, 'a number (thousands)');
		const changePct = numberAt(cols.changePct, 'a percent');
		const openings = numberAt(cols.openings, 'a number (thousands)');
		for (const [m, i] of [
			[empBase, base.index],
			[empProjected, projected.index],
			[openings, cols.openings!]
		] as const) {
			if (m.value !== null && m.value < 0) {
				issue(
					i,
					`${ctx.header[i]}: expected a number of 0 or more, found ${quote(cell(cells, i))}`
				);
				bad = true;
			}
		}
		const traits = inline
			? readCharacteristics(cells, cols, ctx.header, issue, onCap)
			: {
					selfEmployed: null,
					wage: { value: null, status: null },
					education: null,
					experience: null,
					training: null
				};
		if (bad || traits === null) return 'skipped' as const;
		const earlier = seen.check(soc, line);
		if (earlier !== undefined) {
			issue(cols.code!, `occupation ${soc} appears twice: it is already on line ${earlier}`);
			return 'skipped' as const;
		}
		types[type] = (types[type] ?? 0) + 1;
		if (!write) return 'imported' as const;
		insert.run(
			ctx.runId,
			AREA,
			soc,
			title,
			type,
			base.year,
			projected.year,
			persons(empBase.value),
			persons(empProjected.value),
			persons(change.value),
			changePct.value,
			persons(openings.value),
			openings.value === null ? openings.status : null,
			traits.wage.value,
			traits.wage.status,
			traits.selfEmployed,
			traits.education,
			traits.experience,
			traits.training
		);
		return 'imported' as const;
	}

	/** Table 1.7 of a 2022–32 workbook: finds its own header, then updates rows by code. */
	function table17(name: string): RowSink {
		let header: string[] | null = null;
		let xcols: Columns = {};
		let scanned = 0;
		let notesFrom: number | null = null;
		const fail = (message: string, line: number, column: number | null): never => {
			throw new ImportError(`${name}: ${message}`, line, column === null ? null : column + 1);
		};
		return (cells, line) => {
			if (cells.every((c) => c.trim() === '')) return;
			if (header === null) {
				const found = findColumns(cells);
				if (found.code === undefined) {
					if (++scanned >= HEADER_SCAN_ROWS) {
						fail(
							`no National Employment Matrix code column in its first ${HEADER_SCAN_ROWS} rows`,
							line,
							null
						);
					}
					return;
				}
				header = cells.map((c) => c.trim());
				xcols = found;
				wageYear ??= yearIn(header, found.wage);
				const year = matrixYear(header, found.code);
				if (nemYear !== null && year !== nemYear) {
					fail(
						`its header names the ${year} National Employment Matrix, Table 1.2 the ${nemYear} one`,
						line,
						found.code
					);
				}
				if (found.wage === undefined && found.education === undefined) {
					fail(`the header on line ${line} has no median wage or education columns`, line, null);
				}
				return;
			}
			const soc = cell(cells, xcols.code);
			if (soc === '') {
				notesFrom ??= line;
				return;
			}
			if (notesFrom !== null)
				fail(`data after the notes that begin on line ${notesFrom}`, line, null);
			if (!SOC_CODE.test(soc)) {
				fail(
					`${header[xcols.code!]}: expected a code like 15-1252, found ${quote(soc)}`,
					line,
					xcols.code!
				);
			}
			if (extraMatched.has(soc)) fail(`occupation ${soc} appears twice`, line, xcols.code!);
			const traits = readCharacteristics(
				cells,
				xcols,
				header,
				(column, message) => fail(message, line, column),
				onCap
			);
			if (traits === null) return; // unreachable: fail() throws
			const r = update.run(
				traits.selfEmployed,
				traits.wage.value,
				traits.wage.status,
				traits.education,
				traits.experience,
				traits.training,
				ctx.runId,
				AREA,
				soc
			);
			if (r.changes > 0) extraMatched.add(soc);
			else extraUnknown++;
		};
	}

	return {
		year: base.year,
		row,
		extraSheet(name) {
			if (inline || extraName !== null || !/^table 1\.7$/i.test(name.trim())) return null;
			extraName = name;
			return table17(name);
		},
		finish() {
			const sheets = [ctx.sheet ?? 'Table 1.2'];
			if (!inline) {
				if (extraName === null) {
					ctx.notes.push(
						'this Table 1.2 has no worker characteristics and the workbook has no Table 1.7: ' +
							'median wage, education, experience, training and self-employment are left empty'
					);
				} else {
					sheets.push(extraName);
					const without = seen.size - extraMatched.size;
					if (without > 0) {
						ctx.notes.push(`${without} occupations of Table 1.2 have no row in ${extraName}`);
					}
					if (extraUnknown > 0) {
						ctx.notes.push(
							`${extraUnknown} rows of ${extraName} name occupations that are not in Table 1.2 and were ignored`
						);
					}
				}
				// Rows that got no characteristics: their wage was never published here.
				ctx.sqlite
					.prepare(
						`UPDATE projections SET median_wage_status = 'blank'
						 WHERE run_id = ? AND median_wage IS NULL AND median_wage_status IS NULL`
					)
					.run(ctx.runId);
			}
			if (topCoded > 0) {
				ctx.notes.push(
					`${topCoded} median wages at or above the top code ($${topCap}) kept as NULL with status top_coded`
				);
			}
			return {
				meta: {
					layout: inline ? 'table-1.2-with-characteristics' : 'table-1.2-and-table-1.7',
					sheets,
					baseYear: base.year,
					projectedYear: projected.year,
					matrixYear: nemYear,
					wageYear,
					sourceUnits: {
						employment: 'thousands',
						change: 'thousands',
						openings: 'thousands, annual average',
						medianWage: 'dollars',
						changePct: 'percent',
						selfEmployedPct: 'percent'
					},
					storedUnits: { employment: 'persons', change: 'persons', openings: 'persons' },
					rows: { lineItem: types['Line item'], summary: types.Summary },
					topCode: topCap === null ? null : { annual: topCap, rows: topCoded }
				}
			};
		}
	};
}

/** Table 1.2 inside a workbook; any CSV export whose header has the same columns. */
function detect(keys: string[], where: DetectContext): boolean {
	if (where.sheet !== null && !/^table 1\.2$/i.test(where.sheet.trim())) return false;
	const cols = findColumns(keys);
	return (
		cols.code !== undefined &&
		cols.title !== undefined &&
		cols.type !== undefined &&
		cols.openings !== undefined &&
		employmentColumns(keys).length >= 2
	);
}

export const blsEpOccupation: SourceAdapter = {
	id: 'bls-ep-occupation',
	title: 'BLS Employment Projections, occupation.xlsx Table 1.2 (+ Table 1.7 for 2022–32)',
	publisher: 'U.S. Bureau of Labor Statistics',
	required: [
		'YYYY National Employment Matrix title',
		'YYYY National Employment Matrix code',
		'Occupation type',
		'Employment, YYYY (base)',
		'Employment, YYYY (projected)',
		'Occupational openings, YYYY–YY annual average'
	],
	optional: [
		'Employment change, numeric',
		'Employment change, percent',
		'Percent self employed',
		'Median annual wage',
		'Typical education needed for entry',
		'Work experience in a related occupation',
		'Typical on-the-job training needed to attain competency in the occupation'
	],
	detect,
	open
};

export const adapters: SourceAdapter[] = [blsEpOccupation];

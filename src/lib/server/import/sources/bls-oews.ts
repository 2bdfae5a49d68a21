/**
 * BLS OEWS cross-industry estimates: national, state and metropolitan/nonmetropolitan area files,
 * May 2019 onwards, CSV or XLSX, upper- or lower-case headers.
 *
 * - Markers (`*`, `**`, `#`, `~`) become NULL values with a status beside them.
 * - `#` (top-coded) caps are read from the workbook's Field Descriptions sheet when it has one,
 *   otherwise from the cap BLS published for the file's year.
 * - May 2019 and May 2020 use the OES hybrid structure: codes that are a pure renumbering of one
 *   SOC 2018 code are mapped to it; hybrid codes that span several SOC 2018 codes are kept as they
 *   are (vintage `oes-hybrid`), their SOC 2018 members in `occupation_crosswalk`.
 * - A code that national files publish at both the broad and the detailed level is kept once, as
 *   detailed.
 * - Industry-specific rows (NAICS other than 000000) are skipped and counted in the notes.
 */
import type Database from 'better-sqlite3';
import { NATIONAL_AREA } from '../../../domain/codes';
import type { Writes } from '../writes';
import type { ValueStatus } from '../../../domain/rows';
import { OEWS_MEASURES, encodeStatuses } from '../../db/oews-statuses';
import type { AreaType, OccupationLevel } from '../../db/schema';
import { PackedFirstSeen, cellAt, codeNumber, findColumns, notMeasured } from '../kit';
import { SOC_CODE, parseFlag, tryMeasureInto, quote, socLevel, socParent } from '../normalize';
import { CoverageDecision, heldForYear, overlapNotes } from '../oews-coverage';
import { HYBRID_FROM, SOC2018 } from './oes-hybrid-structure';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

/** Canonical field → header spellings seen across OEWS years (after `headerKey`). */
const COLUMNS = {
	area: ['area'],
	areaTitle: ['area_title', 'area_name'],
	areaType: ['area_type'],
	primState: ['prim_state', 'st'],
	naics: ['naics'],
	occCode: ['occ_code'],
	occTitle: ['occ_title'],
	oGroup: ['o_group', 'occ_group', 'group'],
	totEmp: ['tot_emp'],
	empPrse: ['emp_prse'],
	jobs1000: ['jobs_1000', 'jobs_1000_orig'],
	locQuotient: ['loc_quotient', 'loc_q'],
	hMean: ['h_mean'],
	aMean: ['a_mean'],
	meanPrse: ['mean_prse'],
	hPct10: ['h_pct10'],
	hPct25: ['h_pct25'],
	hMedian: ['h_median'],
	hPct75: ['h_pct75'],
	hPct90: ['h_pct90'],
	aPct10: ['a_pct10'],
	aPct25: ['a_pct25'],
	aMedian: ['a_median'],
	aPct75: ['a_pct75'],
	aPct90: ['a_pct90'],
	annual: ['annual'],
	hourly: ['hourly']
} as const;
type Field = keyof typeof COLUMNS;

/** Each measure's column in the file, in the order of the fact table's (OEWS_MEASURES). */
const MEASURES = [
	'totEmp',
	'empPrse',
	'jobs1000',
	'locQuotient',
	'hMean',
	'aMean',
	'meanPrse',
	'hPct10',
	'hPct25',
	'hMedian',
	'hPct75',
	'hPct90',
	'aPct10',
	'aPct25',
	'aMedian',
	'aPct75',
	'aPct90'
] as const satisfies readonly Field[] & { length: typeof OEWS_MEASURES.length };

/** A field's header as BLS writes it, for messages and the adapter's column lists. */
const headerName = (field: Field) => COLUMNS[field][0].toUpperCase();
const MEASURE_NAMES = MEASURES.map(headerName);

/** Parameters of one fact insert: run, area, soc, year, o_group, the values, statuses, 3 more. */
const FACT_PARAMS = 5 + MEASURES.length + 1 + 3;
/** Where the statuses text goes among them. */
const STATUSES_AT = 5 + MEASURES.length;

const REQUIRED: Field[] = ['occCode', 'occTitle', 'totEmp', 'aMedian'];

/**
 * The wage caps behind `#`, as BLS states them in each year's Field Descriptions. Used only when
 * the file itself does not say (CSV exports carry no Field Descriptions sheet).
 */
export const TOP_CODE_BY_YEAR: Record<number, { hourly: number; annual: number }> = {
	2019: { hourly: 100, annual: 208_000 },
	2020: { hourly: 100, annual: 208_000 },
	2021: { hourly: 100, annual: 208_000 },
	2022: { hourly: 115, annual: 239_200 },
	2023: { hourly: 115, annual: 239_200 },
	2024: { hourly: 115, annual: 239_200 },
	2025: { hourly: 115, annual: 239_200 }
};

const AREA_TYPE_CODES: Record<string, AreaType> = {
	'1': 'national',
	'2': 'state',
	'3': 'state', // U.S. territory
	'4': 'msa', // MSA or New England NECTA
	'6': 'nonmetro'
};

const LEVELS: readonly OccupationLevel[] = ['total', 'major', 'minor', 'broad', 'detailed'];
const O_GROUPS = new Set<OccupationLevel>(LEVELS);

/** Canonical text form of an OEWS area code for its type (see docs/IMPORT notes in the adapter). */
export function normaliseAreaCode(raw: string, type: AreaType): string {
	const digits = raw.trim().replace(/^0+(?=\d)/, '');
	switch (type) {
		case 'national':
			return NATIONAL_AREA;
		case 'state':
			return digits.padStart(2, '0');
		case 'msa':
			return digits.padStart(5, '0');
		case 'nonmetro':
			return digits.padStart(7, '0');
	}
}

const AREA_WIDTHS: Record<
	Exclude<AreaType, 'national'>,
	{ digits: number[]; name: string; example: string }
> = {
	state: { digits: [1, 2], name: 'state codes have 2 digits', example: '06' },
	msa: { digits: [5], name: 'metropolitan area and NECTA codes have 5 digits', example: '31080' },
	// Seven digits, the first a state's leading digit: 0100001 loses its zero in a spreadsheet.
	nonmetro: { digits: [6, 7], name: 'nonmetropolitan area codes have 7 digits', example: '0100001' }
};

/**
 * Null when `raw` has the width BLS publishes for an area of `type` (leading zeros aside, which
 * spreadsheets drop), else why not. A code that lost a digit must not become a new area:
 * `3108` for Los Angeles' 31080 would be stored as an area `03108` holding LA's figures.
 * `known` finds the code this database already has for the row's area title, if any.
 */
export function areaWidthProblem(
	raw: string,
	type: AreaType,
	title: string,
	known: (title: string) => string | undefined
): string | null {
	if (type === 'national') return null;
	const digits = raw.replace(/^0+(?=\d)/, '');
	const width = AREA_WIDTHS[type];
	if (width.digits.includes(digits.length)) return null;
	const same = title ? known(title) : undefined;
	const likely = same
		? `${quote(title)} is area ${same} in this database`
		: type === 'msa' && digits.length === 4
			? `probably ${digits}0, with its last digit lost (most codes end in 0)`
			: null;
	return (
		`AREA: ${quote(raw)} is not a ${type === 'msa' ? 'metropolitan' : type} area code: ${width.name} (e.g. ${width.example}); ` +
		(likely ? `${likely}. ` : '') +
		'Save the AREA column as text so no digit is lost, and import the file again'
	);
}

function inferAreaType(code: string): AreaType {
	const digits = code.replace(/^0+(?=\d)/, '');
	if (code === '99' || code.toUpperCase() === 'US') return 'national';
	if (digits.length <= 2) return 'state';
	if (digits.length >= 6) return 'nonmetro';
	return 'msa';
}

function isNecta(code: string, type: AreaType): boolean {
	return type === 'msa' && /^7\d{4}$/.test(code);
}

function prepareWriters(writes: Writes) {
	const columns = [
		'run_id',
		'area',
		'soc',
		'year',
		'o_group',
		...OEWS_MEASURES.map(([, column]) => column),
		'statuses',
		'annual_only',
		'hourly_only',
		'source_line'
	];
	return {
		area: writes.prepare(
			`INSERT INTO areas (code, title, type, state, necta) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT(code) DO UPDATE SET title = excluded.title, type = excluded.type,
			   state = coalesce(excluded.state, areas.state), necta = excluded.necta`
		),
		occupation: writes.prepare(
			`INSERT INTO occupations (soc, title, level, parent, vintage) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT(soc) DO UPDATE SET title = excluded.title, vintage = excluded.vintage
			 WHERE excluded.vintage = '2018' OR occupations.vintage <> '2018'`
		),
		fact: writes.prepare(
			`INSERT INTO oews_facts (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
		),
		promote: writes.prepare(
			`UPDATE oews_facts SET o_group = 'detailed' WHERE run_id = ? AND area = ? AND soc = ?`
		),
		coverage: writes.prepare(
			`INSERT INTO oews_coverage (run_id, area, year, rows, occ_groups) VALUES (?, ?, ?, ?, ?)`
		)
	};
}

/** Reads the `#` caps out of a Field Descriptions line, e.g. "… $115.00 per hour or $239,200 per year". */
export function parseTopCodeNote(text: string): { hourly: number; annual: number } | null {
	const m = /\$\s*([\d,.]+)\s*per hour or \$\s*([\d,]+)\s*per year/i.exec(text);
	if (!m?.[1] || !m[2]) return null;
	return { hourly: Number(m[1].replaceAll(',', '')), annual: Number(m[2].replaceAll(',', '')) };
}

function hybridMap(sqlite: Database.Database): Map<string, string[]> {
	const rows = sqlite
		.prepare(
			`SELECT from_code AS fromCode, to_code AS toCode FROM occupation_crosswalk
			 WHERE from_vintage = ? AND to_vintage = ?
			 AND run_id = (SELECT max(run_id) FROM occupation_crosswalk WHERE from_vintage = ? AND to_vintage = ?)`
		)
		.all(HYBRID_FROM, SOC2018, HYBRID_FROM, SOC2018) as { fromCode: string; toCode: string }[];
	const map = new Map<string, string[]>();
	for (const { fromCode, toCode } of rows) {
		const list = map.get(fromCode);
		if (list) {
			if (!list.includes(toCode)) list.push(toCode);
		} else map.set(fromCode, [toCode]);
	}
	return map;
}

function open(ctx: OpenContext): AdapterSession {
	const col = findColumns(ctx.keys, COLUMNS);
	const missing = REQUIRED.filter((f) => col[f] < 0);
	if (missing.length > 0) {
		throw new ImportError(`the OEWS header lacks ${missing.map(headerName).join(', ')}`);
	}
	const year = ctx.year;
	if (year === null) {
		throw new ImportError(
			'cannot tell which May estimates this OEWS file holds: keep the year in the file name ' +
				'(e.g. MSA_M2021_dl.csv) or pass --year'
		);
	}
	if (year < 2019) {
		throw new ImportError(
			`May ${year} OEWS files use SOC 2010 codes; this importer reads May 2019 and later`
		);
	}
	const fileLooksNational = /national|_nat/i.test(ctx.fileName);
	if (col.area < 0 && !fileLooksNational) {
		throw new ImportError(
			'the OEWS header has no AREA column, and the file name does not say it is a national file'
		);
	}

	let hybrid: Map<string, string[]> | null = null;
	if (year <= 2020) {
		hybrid = hybridMap(ctx.sqlite);
		if (hybrid.size === 0) {
			throw new ImportError(
				`May ${year} OEWS files use the OES 2019 hybrid codes: import the hybrid structure ` +
					'first (data/sample/oes_2019_hybrid_structure.xlsx)'
			);
		}
	}

	const write = prepareWriters(ctx.writes);
	const areaByTitle = ctx.sqlite.prepare('SELECT code FROM areas WHERE title = ? ORDER BY code');
	/** Area titles this file has written, first: its writes may not be readable yet (writes.ts). */
	const titleCodes = new Map<string, string>();
	const knownArea = (title: string) =>
		titleCodes.get(title) ?? (areaByTitle.get(title) as { code: string } | undefined)?.code;
	// What the area-years already hold, read before this file writes anything.
	const coverage = new CoverageDecision(heldForYear(ctx.sqlite, year), year, ctx.replace);
	/**
	 * Line × 8 + level of every (area, code) written: tells a broad/detailed pair from a duplicate
	 * without reading the database back, whose writes may still be on their way (writes.ts).
	 */
	const written = new PackedFirstSeen();
	const measureColumns = MEASURES.map((field) => col[field]);
	/**
	 * The fact insert's parameters, filled in place row after row (a write copies them before it
	 * returns): 5 keys, the values, statuses, 3 more. One array for the file, not one per row.
	 */
	const params: unknown[] = new Array(FACT_PARAMS);
	/** One value and its status as read (tryMeasureInto's output), and the row's statuses. */
	const measured: unknown[] = [null, null];
	const statuses: (ValueStatus | null)[] = MEASURES.map(() => null);
	const seenAreas = new Set<string>();
	/** Codes written to `occupations`, by number where the code has the SOC shape (see below). */
	const seenOccupations = new Set<number | string>();
	/** The last O_GROUP read as a level. */
	let lastGroup = '';
	const areaRows = new Map<string, number>();
	let industryRows = 0;
	let duplicateBroad = 0;
	let remapped = 0;
	const hybridKept = new Set<string>();
	let topCode: { hourly: number; annual: number; from: 'file' | 'year' } | null = null;
	let topCoded = 0;

	const lastArea = {
		raw: '\u0000', // matches no real cell, so the first row is always read in full
		typeCode: '',
		rawTitle: '',
		type: 'national' as AreaType,
		code: '',
		title: ''
	};

	const session: AdapterSession = {
		year,
		row(cells, line, issue, doWrite) {
			const naics = cellAt(cells, col.naics);
			if (naics !== '' && naics !== '000000' && naics !== '0') {
				industryRows++;
				return 'skipped';
			}
			// Area: files run area by area, so the last area's reading is reused while it repeats.
			const rawArea = cellAt(cells, col.area);
			const typeCode = cellAt(cells, col.areaType);
			const rawTitle = cellAt(cells, col.areaTitle);
			if (
				rawArea !== lastArea.raw ||
				typeCode !== lastArea.typeCode ||
				rawTitle !== lastArea.rawTitle
			) {
				if (col.area < 0) {
					lastArea.type = 'national';
					lastArea.code = NATIONAL_AREA;
					lastArea.title = 'U.S.';
				} else {
					if (!/^\d{1,7}$/.test(rawArea) && rawArea.toUpperCase() !== 'US') {
						issue(col.area, `AREA: expected a numeric area code, found ${quote(rawArea)}`);
						return 'skipped';
					}
					if (typeCode !== '' && !AREA_TYPE_CODES[typeCode]) {
						issue(col.areaType, `AREA_TYPE: expected 1, 2, 3, 4 or 6, found ${quote(typeCode)}`);
						return 'skipped';
					}
					const type = AREA_TYPE_CODES[typeCode] ?? inferAreaType(rawArea);
					const wrongWidth = areaWidthProblem(rawArea, type, rawTitle, knownArea);
					if (wrongWidth) {
						issue(col.area, wrongWidth);
						return 'skipped';
					}
					lastArea.type = type;
					lastArea.code = normaliseAreaCode(rawArea, type);
					lastArea.title = rawTitle || (lastArea.type === 'national' ? 'U.S.' : lastArea.code);
				}
				lastArea.raw = rawArea;
				lastArea.typeCode = typeCode;
				lastArea.rawTitle = rawTitle;
			}
			const areaType = lastArea.type;
			const areaCode = lastArea.code;
			const areaTitle = lastArea.title;
			// Occupation
			let soc = cellAt(cells, col.occCode);
			if (!SOC_CODE.test(soc)) {
				issue(col.occCode, `OCC_CODE: expected a SOC code like 15-1252, found ${quote(soc)}`);
				return 'skipped';
			}
			const title = cellAt(cells, col.occTitle);
			if (title === '') {
				issue(col.occTitle, 'OCC_TITLE is empty');
				return 'skipped';
			}
			const rawGroup = cellAt(cells, col.oGroup).toLowerCase();
			let oGroup: OccupationLevel;
			if (rawGroup === '') oGroup = socLevel(soc);
			// Compared with the last row's first (most rows repeat it): no hashing of a new string.
			else if (rawGroup === lastGroup || O_GROUPS.has(rawGroup as OccupationLevel))
				oGroup = lastGroup = rawGroup as OccupationLevel;
			else {
				issue(
					col.oGroup,
					`O_GROUP: expected total, major, minor, broad or detailed, found ${quote(rawGroup)}`
				);
				return 'skipped';
			}
			let vintage = '2018';
			if (hybrid) {
				const targets = hybrid.get(soc);
				if (targets && targets.length === 1 && targets[0] !== soc) {
					soc = targets[0]!;
					remapped++;
				} else if (targets && targets.length > 1) {
					vintage = 'oes-hybrid';
					hybridKept.add(soc);
				}
			}
			// Values
			let bad = false;
			let marked = false;
			for (let k = 0; k < MEASURES.length; k++) {
				const i = measureColumns[k]!;
				if (i < 0) {
					params[5 + k] = null;
					statuses[k] = 'blank';
					marked = true;
					continue;
				}
				const raw = cells[i] ?? '';
				if (!tryMeasureInto(raw, measured, 0)) {
					issue(i, `${MEASURE_NAMES[k]}: ${notMeasured(raw)}`);
					bad = true;
					continue;
				}
				const value = measured[0] as number | null;
				// Every OEWS measure is a count, a wage, a ratio or an error: none can be negative.
				if (value !== null && value < 0) {
					issue(
						i,
						`${MEASURE_NAMES[k]}: expected a number that is not negative, found ${quote(raw.trim())}`
					);
					bad = true;
					continue;
				}
				params[5 + k] = value;
				const status = measured[1] as ValueStatus | null;
				if (status !== null) {
					statuses[k] = status;
					marked = true;
					if (status === 'top_coded') topCoded++;
				}
			}
			// Most rows have no marker: their statuses are NULL without building a text.
			if (marked) {
				params[STATUSES_AT] = encodeStatuses(statuses);
				statuses.fill(null);
			} else params[STATUSES_AT] = null;
			let annualOnly = false;
			let hourlyOnly = false;
			try {
				annualOnly = parseFlag(cellAt(cells, col.annual));
			} catch (e) {
				issue(col.annual, `ANNUAL: ${(e as Error).message}`);
				bad = true;
			}
			try {
				hourlyOnly = parseFlag(cellAt(cells, col.hourly));
			} catch (e) {
				issue(col.hourly, `HOURLY: ${(e as Error).message}`);
				bad = true;
			}
			if (bad) return 'skipped';

			if (!doWrite) return 'imported';
			const earlier = written.check(areaCode, soc, line * 8 + LEVELS.indexOf(oGroup));
			if (earlier !== undefined) {
				// The same area and code twice. BLS publishes some codes both as broad and as
				// detailed: keep one row, as detailed. Anything else is a real duplicate.
				const earlierGroup = LEVELS[earlier % 8]!;
				const pair = new Set([earlierGroup, oGroup]);
				if (pair.size === 2 && pair.has('broad') && pair.has('detailed')) {
					duplicateBroad++;
					if (earlierGroup === 'broad') {
						write.promote.run([ctx.runId, areaCode, soc]);
						written.set(areaCode, soc, earlier - (earlier % 8) + LEVELS.indexOf('detailed'));
					}
					return 'skipped';
				}
				issue(
					null,
					`duplicate row: area ${areaCode}, occupation ${soc} is already on line ${Math.floor(earlier / 8)}`
				);
				return 'skipped';
			}
			if (!coverage.accept(areaCode, soc)) return 'skipped';
			if (!seenAreas.has(areaCode)) {
				seenAreas.add(areaCode);
				if (!titleCodes.has(areaTitle)) titleCodes.set(areaTitle, areaCode);
				const state = cellAt(cells, col.primState) || null;
				write.area.run([
					areaCode,
					areaTitle,
					areaType,
					areaType === 'national' ? null : state,
					isNecta(areaCode, areaType) ? 1 : 0
				]);
			}
			// By number where the code has the SOC shape: a number hashes no new string.
			const code = codeNumber(soc);
			const occupationKey = code >= 0 ? code : soc;
			if (!seenOccupations.has(occupationKey)) {
				seenOccupations.add(occupationKey);
				write.occupation.run([soc, title, socLevel(soc), socParent(soc), vintage]);
			}
			params[0] = ctx.runId;
			params[1] = areaCode;
			params[2] = soc;
			params[3] = year;
			params[4] = oGroup;
			params[FACT_PARAMS - 3] = annualOnly ? 1 : 0;
			params[FACT_PARAMS - 2] = hourlyOnly ? 1 : 0;
			params[FACT_PARAMS - 1] = line;
			write.fact.run(params);
			areaRows.set(areaCode, (areaRows.get(areaCode) ?? 0) + 1);
			return 'imported';
		},
		extraSheet(name) {
			if (!/field descriptions/i.test(name)) return null;
			return (cells) => {
				for (const c of cells) {
					const found = parseTopCodeNote(c);
					if (found && c.includes('#')) topCode = { ...found, from: 'file' };
				}
			};
		},
		finish(issue) {
			for (const [area, rows] of areaRows) {
				write.coverage.run([ctx.runId, area, year, rows, coverage.groupsFor(area)]);
			}
			const overlaps = coverage.overlaps();
			ctx.overlaps.push(...overlaps);
			if (areaRows.size === 0 && overlaps.length > 0) {
				issue(
					null,
					'nothing new in this file: every area and year it holds already has these occupation ' +
						"groups, and they are kept as they are. To use this file's figures instead, import " +
						'it again choosing to replace them (--replace)'
				);
			}
			ctx.notes.push(...overlapNotes(overlaps));
			if (industryRows > 0) {
				ctx.notes.push(
					`${industryRows} industry-specific rows skipped: only cross-industry estimates are imported`
				);
			}
			if (duplicateBroad > 0) {
				ctx.notes.push(
					`${duplicateBroad} codes published at both the broad and the detailed level were kept once, as detailed`
				);
			}
			if (remapped > 0) {
				ctx.notes.push(`${remapped} OES hybrid codes renumbered to their SOC 2018 code`);
			}
			if (hybridKept.size > 0) {
				ctx.notes.push(
					`${hybridKept.size} OES hybrid codes that span several SOC 2018 codes kept as published`
				);
			}
			const cap =
				topCode ?? (TOP_CODE_BY_YEAR[year] ? { ...TOP_CODE_BY_YEAR[year]!, from: 'year' } : null);
			return { meta: { topCode: cap, topCodedCells: topCoded } };
		}
	};
	return session;
}

export const blsOews: SourceAdapter = {
	id: 'bls-oews',
	title: 'BLS Occupational Employment and Wage Statistics (cross-industry)',
	publisher: 'U.S. Bureau of Labor Statistics',
	required: REQUIRED.map(headerName),
	deferredWrites: true,
	optional: (Object.keys(COLUMNS) as Field[]).filter((f) => !REQUIRED.includes(f)).map(headerName),
	detect(keys) {
		return (
			keys.includes('occ_code') &&
			keys.includes('tot_emp') &&
			(keys.includes('a_median') || keys.includes('h_median'))
		);
	},
	open
};

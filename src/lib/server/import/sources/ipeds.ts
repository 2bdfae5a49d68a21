/**
 * NCES IPEDS: institutional characteristics (HD, "Directory information") and completions by
 * program (C_A, awards by 6-digit CIP code and award level).
 *
 * - HD files change encoding by year (Windows-1252 up to 2022, UTF-8 with BOM from 2023); the
 *   loader decodes both. Cells of older files are padded (` 4`, `"A "`), so every cell is trimmed.
 * - HD coded fields use `-1` (not reported) and `-2` (not applicable): stored as NULL.
 * - C_A: CIP codes stay text `NN.NNNN`. `99` rows are the institution's grand total and are
 *   skipped (counted in the notes), so sums by CIP never count an award twice. Second majors
 *   (MAJORNUM 2, raw NCES files only) are skipped too: the table holds first majors.
 * - A CIP code that lost its leading zero (`1.0101`) or trailing zeros (`11.07`) is an error:
 *   the right code cannot be known for sure, so the file must be saved again with CIP as text.
 */
import { FirstSeen, cellAt, cipProblem, findColumns, isCip6, isDigit } from '../kit';
import { quote, tryMeasureInto } from '../normalize';
import {
	ImportError,
	type AdapterSession,
	type IssueSink,
	type OpenContext,
	type SourceAdapter
} from './types';

/** True for an IPEDS UNITID: six digits. */
function isUnitid(text: string): boolean {
	if (text.length !== 6) return false;
	for (let i = 0; i < 6; i++) if (!isDigit(text.charCodeAt(i))) return false;
	return true;
}

// ---------------------------------------------------------------------------------------------
// HD: institutional characteristics
// ---------------------------------------------------------------------------------------------

const HD_COLUMNS = {
	unitid: 'unitid',
	name: 'instnm',
	city: 'city',
	state: 'stabbr',
	cbsa: 'cbsa',
	county: 'countycd',
	countyName: 'countynm',
	sector: 'sector',
	web: 'webaddr'
} as const;
type HdField = keyof typeof HD_COLUMNS;
const HD_REQUIRED: HdField[] = ['unitid', 'name', 'cbsa'];

/** IPEDS codes for "not reported" / "not applicable". */
function notReported(text: string): boolean {
	return text === '' || text === '-1' || text === '-2';
}

function openHd(ctx: OpenContext): AdapterSession {
	const at = findColumns(ctx.keys, HD_COLUMNS);
	const missing = HD_REQUIRED.filter((f) => at[f] < 0);
	if (missing.length > 0) {
		throw new ImportError(
			`the IPEDS HD header lacks ${missing.map((f) => HD_COLUMNS[f].toUpperCase()).join(', ')}`
		);
	}
	const year = ctx.year;
	if (year === null) {
		throw new ImportError(
			'cannot tell which IPEDS year this HD file is: keep the year in the file name ' +
				'(e.g. hd2024.csv) or pass --year'
		);
	}
	const insert = ctx.sqlite.prepare(
		`INSERT INTO institutions
		 (run_id, unitid, year, name, city, state, cbsa, county_fips, county_name, sector, web_address)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const firstLine = new FirstSeen();
	let noCbsa = 0;

	return {
		year,
		row(cells, line, issue, write) {
			const get = (f: HdField) => cellAt(cells, at[f]);
			let bad = false;
			const unitid = get('unitid');
			if (!isUnitid(unitid)) {
				issue(at.unitid, `UNITID: expected a 6-digit IPEDS unit id, found ${quote(unitid)}`);
				return 'skipped';
			}
			const earlier = firstLine.check(unitid, line);
			if (earlier !== undefined) {
				issue(at.unitid, `UNITID ${unitid} appears twice (first on line ${earlier})`);
				return 'skipped';
			}
			const name = get('name');
			if (name === '') {
				issue(at.name, 'INSTNM is empty');
				bad = true;
			}
			const state = get('state');
			if (state !== '' && !/^[A-Z]{2}$/.test(state)) {
				issue(at.state, `STABBR: expected a 2-letter postal code, found ${quote(state)}`);
				bad = true;
			}
			const cbsaText = get('cbsa');
			let cbsa: string | null = null;
			if (!notReported(cbsaText)) {
				if (/^\d{5}$/.test(cbsaText)) cbsa = cbsaText;
				else {
					issue(at.cbsa, `CBSA: expected a 5-digit CBSA code, -1 or -2, found ${quote(cbsaText)}`);
					bad = true;
				}
			}
			const countyText = get('county');
			let county: string | null = null;
			if (!notReported(countyText)) {
				// IPEDS writes COUNTYCD as a number, so counties of states 01–09 lose a zero.
				if (/^\d{4,5}$/.test(countyText)) county = countyText.padStart(5, '0');
				else {
					issue(
						at.county,
						`COUNTYCD: expected a county FIPS code (4 or 5 digits), -1 or -2, found ${quote(countyText)}`
					);
					bad = true;
				}
			}
			const sectorText = get('sector');
			let sector: number | null = null;
			if (!notReported(sectorText)) {
				if (/^(?:\d|99)$/.test(sectorText)) sector = Number(sectorText);
				else {
					issue(
						at.sector,
						`SECTOR: expected an IPEDS sector code 0–9 or 99, found ${quote(sectorText)}`
					);
					bad = true;
				}
			}
			if (bad) return 'skipped';
			if (cbsa === null) noCbsa++;
			if (write) {
				const countyName = get('countyName');
				insert.run(
					ctx.runId,
					unitid,
					year,
					name,
					get('city') || null,
					state || null,
					cbsa,
					county,
					notReported(countyName) ? null : countyName,
					sector,
					get('web') || null
				);
			}
			return 'imported';
		},
		finish() {
			if (noCbsa > 0) {
				ctx.notes.push(
					`${noCbsa} institutions are outside any CBSA (CBSA -1/-2): stored with no CBSA`
				);
			}
			return { meta: { institutions: firstLine.size, outsideCbsa: noCbsa } };
		}
	};
}

export const ipedsHd: SourceAdapter = {
	id: 'nces-ipeds-hd',
	title: 'NCES IPEDS institutional characteristics (HD directory information)',
	publisher: 'U.S. Department of Education, National Center for Education Statistics',
	required: ['UNITID', 'INSTNM', 'CBSA'],
	optional: ['CITY', 'STABBR', 'COUNTYCD', 'COUNTYNM', 'SECTOR', 'WEBADDR'],
	detect(keys) {
		return keys.includes('unitid') && keys.includes('instnm') && keys.includes('cbsa');
	},
	open: openHd
};

// ---------------------------------------------------------------------------------------------
// C_A: completions by CIP and award level
// ---------------------------------------------------------------------------------------------

const C_COLUMNS = {
	unitid: 'unitid',
	cip: 'cipcode',
	major: 'majornum',
	award: 'awlevel',
	total: 'ctotalt',
	men: 'ctotalm',
	women: 'ctotalw'
} as const;
type CField = keyof typeof C_COLUMNS;
const C_REQUIRED: CField[] = ['unitid', 'cip', 'major', 'award', 'total'];

/** AWLEVEL codes IPEDS has used since 2010 (1–8, 17–21; 9–11 are the older doctor's codes). */
function isAwardLevel(n: number): boolean {
	return Number.isInteger(n) && n >= 1 && n <= 21 && !(n >= 12 && n <= 16);
}

function openCompletions(ctx: OpenContext): AdapterSession {
	const at = findColumns(ctx.keys, C_COLUMNS);
	const missing = C_REQUIRED.filter((f) => at[f] < 0);
	if (missing.length > 0) {
		throw new ImportError(
			`the IPEDS completions header lacks ${missing.map((f) => C_COLUMNS[f].toUpperCase()).join(', ')}`
		);
	}
	const year = ctx.year;
	if (year === null) {
		throw new ImportError(
			'cannot tell which IPEDS year this completions file is: keep the year in the file name ' +
				'(e.g. c2024_a.csv) or pass --year'
		);
	}
	const insert = ctx.writes.prepare(
		`INSERT INTO completions (run_id, unitid, year, cip, major_number, award_level, total, men, women)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		(p) =>
			`duplicate row: UNITID ${String(p[1])}, CIPCODE ${String(p[3])}, AWLEVEL ${String(p[5])} appears on an earlier line`
	);
	// One parameter array for every row (the writes copy the values on each run).
	const params: unknown[] = [ctx.runId, '', year, '', 1, 0, null, null, null];
	// Scratch space for tryMeasureInto: value, status.
	const scratch: unknown[] = [null, null];
	const countCols = [at.total, at.men, at.women];
	const countNames = ['CTOTALT', 'CTOTALM', 'CTOTALW'];
	let totalRows = 0;
	let secondMajors = 0;

	/** Reads a count into params[6 + k]; false (after reporting) when the cell is not one. */
	const count = (cells: string[], k: number, issue: IssueSink): boolean => {
		const i = countCols[k]!;
		if (i < 0) {
			params[6 + k] = null;
			return true;
		}
		const raw = cells[i] ?? '';
		if (tryMeasureInto(raw, scratch, 0)) {
			const v = scratch[0] as number | null;
			const status = scratch[1];
			if (status === null && v !== null && Number.isInteger(v) && v >= 0) {
				params[6 + k] = v;
				return true;
			}
			if (status === 'blank') {
				params[6 + k] = null;
				return true;
			}
		}
		issue(
			i,
			`${countNames[k]}: expected a whole number of awards or blank, found ${quote(raw.trim())}`
		);
		return false;
	};

	return {
		year,
		row(cells, _line, issue, write) {
			const unitid = cellAt(cells, at.unitid);
			if (!isUnitid(unitid)) {
				issue(at.unitid, `UNITID: expected a 6-digit IPEDS unit id, found ${quote(unitid)}`);
				return 'skipped';
			}
			const cip = cellAt(cells, at.cip);
			if (!isCip6(cip)) {
				if (cip === '99') {
					totalRows++;
					return 'skipped';
				}
				issue(at.cip, `CIPCODE: ${cipProblem(cip)}`);
				return 'skipped';
			}
			const major = cellAt(cells, at.major);
			if (major !== '1') {
				if (major === '2') {
					secondMajors++;
					return 'skipped';
				}
				issue(
					at.major,
					`MAJORNUM: expected 1 (first major) or 2 (second major), found ${quote(major)}`
				);
				return 'skipped';
			}
			const awardText = cellAt(cells, at.award);
			const award = awardText === '' ? NaN : Number(awardText);
			if (!isAwardLevel(award)) {
				issue(
					at.award,
					`AWLEVEL: expected an IPEDS award level code (1–8, 17–21), found ${quote(awardText)}`
				);
				return 'skipped';
			}
			const ok = count(cells, 0, issue) && count(cells, 1, issue) && count(cells, 2, issue);
			if (!ok) return 'skipped';
			if (!write) return 'imported';
			params[1] = unitid;
			params[3] = cip;
			params[5] = award;
			insert.run(params);
			return 'imported';
		},
		finish() {
			if (totalRows > 0) {
				ctx.notes.push(
					`${totalRows} institution total rows (CIPCODE 99) skipped: sums by CIP would count them twice`
				);
			}
			if (secondMajors > 0) {
				ctx.notes.push(`${secondMajors} second-major rows (MAJORNUM 2) skipped: first majors only`);
			}
			return { meta: { totalRowsSkipped: totalRows, secondMajorsSkipped: secondMajors } };
		}
	};
}

export const ipedsCompletions: SourceAdapter = {
	id: 'nces-ipeds-completions',
	title: 'NCES IPEDS completions by CIP code and award level (C_A)',
	publisher: 'U.S. Department of Education, National Center for Education Statistics',
	required: ['UNITID', 'CIPCODE', 'MAJORNUM', 'AWLEVEL', 'CTOTALT'],
	optional: ['CTOTALM', 'CTOTALW', 'IS_CIP_6DIGIT'],
	deferredWrites: true,
	detect(keys) {
		return (
			keys.includes('unitid') &&
			keys.includes('cipcode') &&
			keys.includes('awlevel') &&
			keys.includes('ctotalt')
		);
	},
	open: openCompletions
};

export const adapters: SourceAdapter[] = [ipedsHd, ipedsCompletions];

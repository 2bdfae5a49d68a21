/**
 * The credentials and funding reference tables (`data/sample/credentials/`): a compiled starting
 * point, not an agency file. Every fee travels with its date (`fee_as_of`) and its sources so the
 * page can show them; an editor's own file in the same columns replaces or extends the rows.
 *
 * Pure: text in, rows and problems out. A problem names the file, the line (1-based, counting the
 * header as line 1 and the lines inside quoted cells) and the column (1-based, with its name).
 */
import Papa from 'papaparse';

export const CREDENTIAL_LEVELS = ['entry', 'intermediate', 'advanced'] as const;
export type CredentialLevel = (typeof CREDENTIAL_LEVELS)[number];

export interface ReferenceCredential {
	/** `credential_id`: a lower-case slug, unique in the file. */
	id: string;
	name: string;
	issuer: string;
	/** e.g. `certification`, `certificate program`. */
	kind: string;
	/** JFF digital category as the compiler judged it; null when blank. */
	category: string | null;
	level: CredentialLevel;
	/** SOC 2018 detailed codes (`15-1212`) the credential prepares for, in file order. */
	socCodes: string[];
	/** Reported standard US fee in dollars; null when no price was found. */
	feeUsd: number | null;
	/** What the fee buys (per exam, subscription …); null when blank. */
	feeBasis: string | null;
	/** `YYYY` or `YYYY-MM` of the fee's source; null when the source is undated. */
	feeAsOf: string | null;
	typicalPrep: string | null;
	prerequisites: string | null;
	renewal: string | null;
	dod8140: 'yes' | 'no' | 'unknown';
	/** The pages the facts come from (at least one). */
	sources: string[];
	notes: string | null;
	/** Line of the row in its file, for messages and for tracing a figure back. */
	line: number;
}

export interface FundingSource {
	id: string;
	name: string;
	administrator: string;
	whoQualifies: string;
	covers: string;
	/** A published maximum in dollars; null where none is set nationally (e.g. WIOA ITA caps). */
	typicalMaxUsd: number | null;
	sources: string[];
	line: number;
}

export interface ReferenceProblem {
	file: string;
	line: number;
	/** 1-based column; 0 when the problem is the file's header as a whole. */
	column: number;
	field: string;
	message: string;
}

export interface ParsedReference<T> {
	rows: T[];
	/** Every problem found (rows with a problem are left out of `rows`). Import nothing when any. */
	problems: ReferenceProblem[];
}

/** One row's cells by column name, as a row reader sees them (a CSV here, an import adapter's row). */
export interface Cells {
	get(field: string): string;
	/** Records a problem at the field's column and returns null. */
	fail(field: string, message: string): null;
	line: number;
}

/**
 * Reads a CSV with a header, checks the required columns, and hands each row to `read`, which
 * returns a value or null (after calling `fail`). Column names are matched case-insensitively
 * after trimming; extra columns are ignored so an editor may keep their own notes.
 */
function readTable<T>(
	text: string,
	file: string,
	required: readonly string[],
	read: (cells: Cells) => T | null
): ParsedReference<T> {
	const problems: ReferenceProblem[] = [];
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
	const table = parsed.data;
	const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
	const missing = required.filter((f) => !header.includes(f));
	if (missing.length > 0) {
		problems.push({
			file,
			line: 1,
			column: 0,
			field: missing.join(', '),
			message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`
		});
		return { rows: [], problems };
	}
	const rows: T[] = [];
	// A quoted cell may hold line breaks: count them so later rows keep their true line number.
	let line = 1 + newlinesIn(table[0] ?? []);
	for (let r = 1; r < table.length; r++) {
		const raw = table[r]!;
		line += 1;
		const rowLine = line;
		line += newlinesIn(raw);
		if (raw.length === 1 && raw[0]!.trim() === '') continue;
		if (raw.length !== header.length) {
			problems.push({
				file,
				line: rowLine,
				column: Math.min(raw.length, header.length) + 1,
				field: '',
				message: `expected ${header.length} cells, found ${raw.length}`
			});
			continue;
		}
		let failed = false;
		const cells: Cells = {
			line: rowLine,
			get: (field) => (raw[header.indexOf(field)] ?? '').trim(),
			fail: (field, message) => {
				failed = true;
				problems.push({ file, line: rowLine, column: header.indexOf(field) + 1, field, message });
				return null;
			}
		};
		const value = read(cells);
		if (value !== null && !failed) rows.push(value);
	}
	return { rows, problems };
}

function newlinesIn(cells: readonly string[]): number {
	let n = 0;
	for (const c of cells) for (const ch of c) if (ch === '\n') n++;
	return n;
}

const orNull = (v: string) => (v === '' ? null : v);

function required(cells: Cells, field: string): string | null {
	const v = cells.get(field);
	return v === '' ? cells.fail(field, `${field} is empty`) : v;
}

function dollars(cells: Cells, field: string): number | null | undefined {
	const v = cells.get(field);
	if (v === '') return null;
	const n = Number(v.replace(/^\$/, '').replace(/,/g, ''));
	if (!Number.isFinite(n) || n < 0) {
		cells.fail(field, `${field}: expected a dollar amount or blank, found "${v}"`);
		return undefined;
	}
	return n;
}

function urls(cells: Cells, field: string): string[] | null {
	const list = cells
		.get(field)
		.split(';')
		.map((u) => u.trim())
		.filter((u) => u !== '');
	if (list.length === 0) return cells.fail(field, `${field}: at least one source URL is needed`);
	const bad = list.find((u) => !/^https?:\/\/[^\s]+$/i.test(u));
	if (bad !== undefined) return cells.fail(field, `${field}: "${bad}" is not an http(s) URL`);
	return list;
}

/** The row's id: present, a slug, not on an earlier line (`seen` maps ids to their lines). */
function uniqueId(cells: Cells, field: string, seen: Map<string, number>): string | null {
	const id = required(cells, field);
	if (id === null) return null;
	if (!SLUG.test(id))
		return cells.fail(field, `${field} "${id}": use lower-case letters, digits and -`);
	const earlier = seen.get(id);
	if (earlier !== undefined)
		return cells.fail(field, `${field} "${id}" is already on line ${earlier}`);
	seen.set(id, cells.line);
	return id;
}

const SOC = /^\d{2}-\d{4}$/;
const AS_OF = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

export const CREDENTIAL_COLUMNS = [
	'credential_id',
	'name',
	'issuer',
	'kind',
	'category',
	'level',
	'soc_codes',
	'exam_fee_usd',
	'fee_basis',
	'fee_as_of',
	'typical_prep',
	'prerequisites',
	'renewal',
	'dod_8140',
	'source_urls',
	'notes'
] as const;

/** Columns an editor's own credentials file must have; the others may be left out. */
export const CREDENTIAL_REQUIRED = [
	'credential_id',
	'name',
	'issuer',
	'level',
	'soc_codes',
	'exam_fee_usd',
	'fee_as_of',
	'source_urls'
] as const;

/**
 * Parses `it_credentials.csv` (or an editor's file with at least `CREDENTIAL_REQUIRED`).
 * Checks: id a unique slug; name and issuer present; level one of CREDENTIAL_LEVELS; at least
 * one SOC code, each `NN-NNNN`; fee blank or a non-negative amount; `fee_as_of` blank, `YYYY` or
 * `YYYY-MM`; a fee without a date is allowed (the page says "date not given") but a date without
 * a fee is not (it would date nothing); `dod_8140` blank (= unknown), yes, no or unknown; at least
 * one http(s) source.
 */
export function parseCredentialsReference(
	text: string,
	file: string
): ParsedReference<ReferenceCredential> {
	const seen = new Map<string, number>();
	return readTable(text, file, CREDENTIAL_REQUIRED, (c) => readCredential(c, seen));
}

/**
 * One credential row (the checks of `parseCredentialsReference`); null after `c.fail` when the
 * row is refused. `seen` maps ids to their lines across the file.
 */
export function readCredential(c: Cells, seen: Map<string, number>): ReferenceCredential | null {
	const id = uniqueId(c, 'credential_id', seen);
	const name = required(c, 'name');
	const issuer = required(c, 'issuer');
	const levelText = c.get('level').toLowerCase();
	const level = (CREDENTIAL_LEVELS as readonly string[]).includes(levelText)
		? (levelText as CredentialLevel)
		: c.fail('level', `level: expected entry, intermediate or advanced, found "${c.get('level')}"`);
	const socCodes = c
		.get('soc_codes')
		.split(';')
		.map((s) => s.trim())
		.filter((s) => s !== '');
	if (socCodes.length === 0) c.fail('soc_codes', 'soc_codes: at least one SOC code is needed');
	const badSoc = socCodes.find((s) => !SOC.test(s));
	if (badSoc !== undefined) {
		c.fail('soc_codes', `soc_codes: "${badSoc}" is not a SOC code like 15-1212`);
	}
	const feeUsd = dollars(c, 'exam_fee_usd');
	const feeAsOf = orNull(c.get('fee_as_of'));
	if (feeAsOf !== null && !AS_OF.test(feeAsOf)) {
		c.fail('fee_as_of', `fee_as_of: expected YYYY or YYYY-MM, found "${feeAsOf}"`);
	} else if (feeAsOf !== null && feeUsd === null) {
		c.fail('fee_as_of', 'fee_as_of is given but exam_fee_usd is blank');
	}
	const dodText = c.get('dod_8140').toLowerCase() || 'unknown';
	const dod8140 =
		dodText === 'yes' || dodText === 'no' || dodText === 'unknown'
			? dodText
			: c.fail('dod_8140', `dod_8140: expected yes, no or unknown, found "${c.get('dod_8140')}"`);
	const sources = urls(c, 'source_urls');
	if (
		id === null ||
		name === null ||
		issuer === null ||
		level === null ||
		feeUsd === undefined ||
		dod8140 === null ||
		sources === null
	) {
		return null;
	}
	return {
		id,
		name,
		issuer,
		kind: c.get('kind') || 'certification',
		category: orNull(c.get('category')),
		level,
		socCodes,
		feeUsd,
		feeBasis: orNull(c.get('fee_basis')),
		feeAsOf,
		typicalPrep: orNull(c.get('typical_prep')),
		prerequisites: orNull(c.get('prerequisites')),
		renewal: orNull(c.get('renewal')),
		dod8140,
		sources,
		notes: orNull(c.get('notes')),
		line: c.line
	};
}

export const FUNDING_COLUMNS = [
	'funding_id',
	'name',
	'administrator',
	'who_qualifies',
	'covers',
	'typical_max_usd',
	'source_urls'
] as const;

/** Parses `funding_sources.csv`: every column required; the maximum may be blank. */
export function parseFundingReference(text: string, file: string): ParsedReference<FundingSource> {
	const seen = new Map<string, number>();
	return readTable(text, file, FUNDING_COLUMNS, (c) => readFunding(c, seen));
}

/** One funding row (the checks of `parseFundingReference`); null after `c.fail` when refused. */
export function readFunding(c: Cells, seen: Map<string, number>): FundingSource | null {
	const id = uniqueId(c, 'funding_id', seen);
	const name = required(c, 'name');
	const administrator = required(c, 'administrator');
	const whoQualifies = required(c, 'who_qualifies');
	const covers = required(c, 'covers');
	const typicalMaxUsd = dollars(c, 'typical_max_usd');
	const sources = urls(c, 'source_urls');
	if (
		id === null ||
		name === null ||
		administrator === null ||
		whoQualifies === null ||
		covers === null ||
		typicalMaxUsd === undefined ||
		sources === null
	) {
		return null;
	}
	return { id, name, administrator, whoQualifies, covers, typicalMaxUsd, sources, line: c.line };
}

/**
 * The reference table with an editor's own rows applied: a row whose id is already in `base`
 * replaces it (in its place), new ids are appended in the editor's order.
 */
export function mergeCredentials(
	base: readonly ReferenceCredential[],
	own: readonly ReferenceCredential[]
): ReferenceCredential[] {
	const ownById = new Map(own.map((c) => [c.id, c]));
	const merged = base.map((c) => ownById.get(c.id) ?? c);
	const baseIds = new Set(base.map((c) => c.id));
	return [...merged, ...own.filter((c) => !baseIds.has(c.id))];
}

/**
 * Turning published cells into typed values: numbers with thousands separators, the OEWS
 * suppression markers, and codes that must stay text.
 */
import type { Measured, ValueStatus } from '../../domain/rows';

const MARKERS: Record<string, ValueStatus> = {
	'*': 'not_available',
	'**': 'employment_not_available',
	'#': 'top_coded',
	'~': 'under_half_percent'
};

/**
 * Reads a plain decimal number with optional sign, `,` thousands groups and fraction, or returns
 * NaN. A hand-written scanner: this runs for every numeric cell of every file (7 million cells in
 * an all-data OEWS file), where a regular expression plus replaceAll cost several times more.
 */
function scanNumber(text: string): number {
	const n = text.length;
	let i = 0;
	let sign = 1;
	const first = text.charCodeAt(0);
	if (first === 45 /* - */ || first === 43 /* + */) {
		sign = first === 45 ? -1 : 1;
		i = 1;
	}
	let int = 0;
	let digits = 0;
	let groupDigits = -1; // digits since the last comma; -1 before any comma
	for (; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			int = int * 10 + (c - 48);
			digits++;
			if (groupDigits >= 0) groupDigits++;
		} else if (c === 44 /* , */) {
			if (digits === 0 || (groupDigits === -1 ? digits > 3 : groupDigits !== 3)) return NaN;
			groupDigits = 0;
		} else break;
	}
	if (groupDigits !== -1 && groupDigits !== 3) return NaN;
	if (i === n) {
		if (digits === 0) return NaN;
		return digits <= EXACT_DIGITS ? sign * int : exactly(text, groupDigits);
	}
	if (text.charCodeAt(i) !== 46 /* . */ || i === n - 1) return NaN;
	let fraction = 0;
	const fractionDigits = n - i - 1;
	for (let j = i + 1; j < n; j++) {
		const c = text.charCodeAt(j);
		if (c < 48 || c > 57) return NaN;
		fraction = fraction * 10 + (c - 48);
	}
	// With at most 15 digits the digits make an exact integer, and one division by an exact power
	// of ten rounds once, correctly: the double Number() gives, without reading the text again.
	if (digits + fractionDigits <= EXACT_DIGITS) {
		const scale = POWERS_OF_TEN[fractionDigits]!;
		return (sign * (int * scale + fraction)) / scale;
	}
	return exactly(text, groupDigits);
}

/** Digits that always make an exact integer in a double (10^15 < 2^53). */
const EXACT_DIGITS = 15;
/** 10^0 … 10^15, each made by exact integer products (not Math.pow). */
const POWERS_OF_TEN = [1];
while (POWERS_OF_TEN.length <= EXACT_DIGITS) POWERS_OF_TEN.push(POWERS_OF_TEN.at(-1)! * 10);

/** A longer number, rounded by the engine exactly as Number() would. */
function exactly(text: string, groupDigits: number): number {
	return Number(groupDigits === -1 ? text : text.replaceAll(',', ''));
}

export class CellError extends Error {}

/** What a numeric cell may hold unless a source says otherwise: OEWS's number or marker. */
const NUMBER_OR_MARKER = 'a number or a marker (*, **, #, ~)';

/**
 * Why a numeric cell was refused, for the message after `COLUMN: ` (`expected` names what the
 * column may hold).
 */
export function notMeasured(raw: string, expected = NUMBER_OR_MARKER): string {
	return `expected ${expected}, found ${quote(raw.trim())}`;
}

/**
 * Reads a numeric cell into `out[at]` (value) and `out[at + 1]` (status), without allocating,
 * for hot loops: blank → NULL/`blank`; `*`, `**`, `#`, `~` → NULL and their status; a number
 * (thousands separators allowed) → the number and NULL. Anything else returns false
 * (`notMeasured` says why).
 */
export function tryMeasureInto(raw: string, out: unknown[], at: number): boolean {
	let text = raw;
	const last = text.length - 1;
	if (last >= 0) {
		// What trim() removes is a control/space (≤ 32) or beyond ASCII (NBSP, BOM, …), as in
		// the kit's cellAt: a number a web page padded with NBSP reads like a text cell does.
		const first = text.charCodeAt(0);
		const end = text.charCodeAt(last);
		if (first <= 32 || first >= 128 || end <= 32 || end >= 128) text = text.trim();
	}
	if (text === '') {
		out[at] = null;
		out[at + 1] = 'blank';
		return true;
	}
	const c = text.charCodeAt(0);
	if (c === 42 /* * */ || c === 35 /* # */ || c === 126 /* ~ */) {
		const marker = MARKERS[text];
		if (marker) {
			out[at] = null;
			out[at + 1] = marker;
			return true;
		}
	}
	const value = scanNumber(text);
	if (Number.isNaN(value)) return false;
	out[at] = value;
	out[at + 1] = null;
	return true;
}

/** `tryMeasureInto` as a value, `{ value, status }`; a CellError when the cell is neither. */
export function parseMeasured(raw: string): Measured {
	const out: unknown[] = [null, null];
	if (!tryMeasureInto(raw, out, 0)) throw new CellError(notMeasured(raw));
	return { value: out[0] as number | null, status: out[1] as ValueStatus | null };
}

/** `TRUE`/`FALSE`/blank (OEWS ANNUAL and HOURLY columns). */
export function parseFlag(raw: string): boolean {
	if (raw === '') return false;
	const text = raw.trim().toUpperCase();
	if (text === '' || text === 'FALSE' || text === '0') return false;
	if (text === 'TRUE' || text === '1' || text === 'X') return true;
	throw new CellError(`expected TRUE or blank, found ${quote(raw)}`);
}

/** Shows a user's cell text in a message: trimmed to 60 characters and quoted. */
export function quote(text: string): string {
	const cut = text.length > 60 ? `${text.slice(0, 57)}…` : text;
	return JSON.stringify(cut);
}

/** Normalises a header cell for matching: case, surrounding space, inner spaces and dashes. */
export function headerKey(raw: string): string {
	return raw
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s\-/]+/g, '_');
}

export const SOC_CODE = /^\d{2}-\d{4}$/;

/**
 * The structural level of a SOC code: `00-0000` total, `15-0000` major, `15-1200` minor,
 * `15-1250` broad, anything else detailed (SOC detailed codes never end in 0).
 */
export function socLevel(code: string): 'total' | 'major' | 'minor' | 'broad' | 'detailed' {
	if (code === '00-0000') return 'total';
	if (code.endsWith('0000')) return 'major';
	if (code.endsWith('00')) return 'minor';
	if (code.endsWith('0')) return 'broad';
	return 'detailed';
}

/** The code one level up the SOC hierarchy, or null for the total. */
export function socParent(code: string): string | null {
	switch (socLevel(code)) {
		case 'total':
			return null;
		case 'major':
			return '00-0000';
		case 'minor':
			return `${code.slice(0, 2)}-0000`;
		case 'broad':
			return `${code.slice(0, 5)}00`;
		case 'detailed':
			return `${code.slice(0, 6)}0`;
	}
}

/** Reads a four-digit year (1990–2099) out of a file name such as `MSA_M2021_dl.xlsx`. */
export function yearFromFileName(name: string): number | null {
	const base = name.split(/[\\/]/).pop() ?? name;
	const m = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/.exec(base);
	if (m?.[1]) return Number(m[1]);
	// BLS zip-style names: oesm21ma, oesm19nat
	const short = /oesm(\d{2})/i.exec(base);
	if (short?.[1]) return 2000 + Number(short[1]);
	return null;
}

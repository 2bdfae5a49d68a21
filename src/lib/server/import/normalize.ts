/**
 * Turning published cells into typed values: numbers with thousands separators, the OEWS
 * suppression markers, and codes that must stay text.
 */
import type { ValueStatus } from '../db/schema';

export interface Measured {
	value: number | null;
	/** NULL when the value was published; otherwise why it is missing. */
	status: ValueStatus | null;
}

const MARKERS: Record<string, ValueStatus> = {
	'*': 'not_available',
	'**': 'employment_not_available',
	'#': 'top_coded',
	'~': 'under_half_percent'
};

/** A plain decimal number, optionally signed, with optional `,` thousands groups. */
const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

export class CellError extends Error {}

/**
 * Reads a numeric cell. Blank → `blank`; `*`, `**`, `#`, `~` → their status; anything else must be
 * a number (thousands separators allowed) or it throws a CellError naming the bad text.
 */
export function parseMeasured(raw: string): Measured {
	const text = raw.trim();
	if (text === '') return { value: null, status: 'blank' };
	const marker = MARKERS[text];
	if (marker) return { value: null, status: marker };
	if (!NUMBER.test(text) || text === '.' || text === '-' || text === '+') {
		throw new CellError(`expected a number or a marker (*, **, #, ~), found ${quote(text)}`);
	}
	return { value: Number(text.replaceAll(',', '')), status: null };
}

/** `TRUE`/`FALSE`/blank (OEWS ANNUAL and HOURLY columns). */
export function parseFlag(raw: string): boolean {
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

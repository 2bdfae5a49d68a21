/**
 * The adapter kit: what every source adapter needs, written once. Finding columns by their
 * normalised header key, reading a cell (trimmed only when it needs it), the code readers (SOC,
 * CIP, area, year), numbers with the suppression markers and the bounds a count, share or wage
 * must keep (`RowReader`; `readMeasured` for a source with markers of its own, `notMeasured` for
 * the message), the measured-value type, and duplicate and year tracking (`FirstSeen`, and
 * `PackedFirstSeen` for an OEWS all-data file's 420,000 keys). Adapters are short tables of their
 * columns and rules over these.
 */
import type { Measured, ValueStatus } from '../../domain/rows';
import { SOC_CODE, headerKey, notMeasured, quote, tryMeasureInto } from './normalize';
import type { IssueSink, OpenContext } from './sources/types';

export type { Measured };
export { notMeasured };

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** Area codes: a public code (`99`, `06`, `31080`) or a board's own (`LWDA-12`). */
const AREA_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;

/**
 * The cell at `i` trimmed ('' for a column the file lacks, i < 0), calling trim() only when an
 * edge may need it: trim() allocates, and most cells are clean.
 */
export function cellAt(cells: string[], i: number): string {
	if (i < 0) return '';
	const v = cells[i] ?? '';
	const n = v.length;
	if (n === 0) return v;
	// Every character trim() removes is a control/space (≤ 32) or beyond ASCII (NBSP, BOM, …).
	const first = v.charCodeAt(0);
	const last = v.charCodeAt(n - 1);
	return first <= 32 || first >= 128 || last <= 32 || last >= 128 ? v.trim() : v;
}

/**
 * Where each column of `spec` is in the header `keys`; -1 when absent. A field names its header
 * key, or the keys it is known by (the first found in the header wins, in header order).
 */
export function findColumns<F extends string>(
	keys: readonly string[],
	spec: Readonly<Record<F, string | readonly string[]>>
): Record<F, number> {
	const at = {} as Record<F, number>;
	for (const [field, key] of Object.entries(spec) as [F, string | readonly string[]][]) {
		at[field] =
			typeof key === 'string' ? keys.indexOf(key) : keys.findIndex((k) => key.includes(k));
	}
	return at;
}

export function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** True for a 6-digit CIP code written as text, `NN.NNNN` (e.g. `11.0701`, `01.0101`). */
export function isCip6(text: string): boolean {
	if (text.length !== 7 || text.charCodeAt(2) !== 46 /* . */) return false;
	return (
		isDigit(text.charCodeAt(0)) &&
		isDigit(text.charCodeAt(1)) &&
		isDigit(text.charCodeAt(3)) &&
		isDigit(text.charCodeAt(4)) &&
		isDigit(text.charCodeAt(5)) &&
		isDigit(text.charCodeAt(6))
	);
}

/**
 * Why a CIP cell is not a 6-digit code, for the message after `COLUMN: `; null when it is one.
 * Damaged codes get a message of their own: a spreadsheet that read CIP as a number turns
 * `01.0101` into `1.0101` and `11.0700` into `11.07`, and guessing the original is not safe.
 */
export function cipProblem(text: string): string | null {
	if (isCip6(text)) return null;
	if (/^\d\.\d{4}$/.test(text)) {
		return (
			`${quote(text)} has lost its leading zero (CIP codes are NN.NNNN, e.g. ` +
			`0${text}); save the file again with this column as text`
		);
	}
	if (/^\d{2}\.\d{1,3}$/.test(text)) {
		return (
			`${quote(text)} is not a 6-digit CIP code (NN.NNNN, e.g. 11.0701); if trailing zeros ` +
			'were lost, save the file again with this column as text'
		);
	}
	return `expected a 6-digit CIP code like 11.0701, found ${quote(text)}`;
}

/**
 * A number, or one of a source's own `markers` (cell text → status) instead of OEWS's; blank is
 * NULL/`blank`. Null when the cell is neither (OEWS's markers included), for `notMeasured`.
 */
export function readMeasured(
	raw: string,
	markers: ReadonlyMap<string, ValueStatus>
): Measured | null {
	const text = raw.trim();
	const marked = markers.get(text);
	if (marked !== undefined) return { value: null, status: marked };
	const out: unknown[] = [null, null];
	if (!tryMeasureInto(text, out, 0)) return null;
	const status = out[1] as ValueStatus | null;
	if (status !== null && status !== 'blank') return null;
	return { value: out[0] as number | null, status };
}

/** Remembers the first line of each key, to report duplicates with the line they repeat. */
export class FirstSeen {
	private readonly lines = new Map<string, number>();
	/** Keys seen so far. */
	get size(): number {
		return this.lines.size;
	}
	/** The earlier line of this key, or undefined (and the key is recorded). */
	check(key: string, line: number): number | undefined {
		const earlier = this.lines.get(key);
		if (earlier === undefined) this.lines.set(key, line);
		return earlier;
	}
}

/**
 * `FirstSeen` for (area, SOC code) keys at the scale of an all-data OEWS file (420,000 rows),
 * holding a number per key that the caller may change later. The area being read keeps its codes
 * in a Map; an area left behind is packed into sorted typed arrays (12 bytes a code instead of
 * the ~35 of a Map entry, and no key strings at all), so 420,000 keys hold ~5 MB. Files come
 * area by area, so an area is rarely packed twice.
 */
export class PackedFirstSeen {
	private area: string | null = null;
	private current = new Map<number, number>();
	/** The packed codes of the area being read, when it was read before and left. */
	private earlier: Packed | undefined;
	private readonly packed = new Map<string, Packed>();
	/** Codes of another shape: none pass the OEWS checks today; kept so nothing is lost. */
	private readonly other = new Map<string, number>();

	/** The number recorded for (area, soc), or undefined (and `value` is recorded). */
	check(area: string, soc: string, value: number): number | undefined {
		const code = codeNumber(soc);
		if (code < 0) {
			const key = `${area}|${soc}`;
			const before = this.other.get(key);
			if (before === undefined) this.other.set(key, value);
			return before;
		}
		if (area !== this.area) this.enter(area);
		const before = this.current.get(code);
		if (before !== undefined) return before;
		const at = this.earlier ? search(this.earlier.codes, code) : -1;
		if (at >= 0) return this.earlier!.values[at];
		this.current.set(code, value);
		return undefined;
	}

	/** Records `value` for (area, soc), replacing any number it had. */
	set(area: string, soc: string, value: number): void {
		const code = codeNumber(soc);
		if (code < 0) {
			this.other.set(`${area}|${soc}`, value);
			return;
		}
		if (area !== this.area) this.enter(area);
		const at = this.earlier ? search(this.earlier.codes, code) : -1;
		if (at >= 0) this.earlier!.values[at] = value;
		else this.current.set(code, value);
	}

	private enter(area: string): void {
		const left = this.area;
		const codes = this.current;
		if (left !== null && codes.size > 0) {
			// An area read again adds to its packed codes; the two never hold the same code.
			const old = this.earlier;
			const n = codes.size + (old ? old.codes.length : 0);
			const sorted = new Int32Array(n);
			let i = 0;
			for (const code of codes.keys()) sorted[i++] = code;
			if (old) sorted.set(old.codes, i);
			sorted.sort();
			const values = new Float64Array(n);
			for (let k = 0; k < n; k++) {
				const value = codes.get(sorted[k]!);
				values[k] = value !== undefined ? value : old!.values[search(old!.codes, sorted[k]!)]!;
			}
			this.packed.set(left, { codes: sorted, values });
		}
		this.area = area;
		this.current = new Map();
		this.earlier = this.packed.get(area);
	}
}

interface Packed {
	codes: Int32Array;
	values: Float64Array;
}

/** `15-1252` → 151252 without allocating; −1 for any other shape. */
export function codeNumber(soc: string): number {
	if (soc.length !== 7 || soc.charCodeAt(2) !== 45 /* - */) return -1;
	let n = 0;
	for (let i = 0; i < 7; i++) {
		if (i === 2) continue;
		const d = soc.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return -1;
		n = n * 10 + d;
	}
	return n;
}

/** Index of `code` in the sorted `codes`, or −1. */
function search(codes: Int32Array, code: number): number {
	let lo = 0;
	let hi = codes.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const c = codes[mid]!;
		if (c === code) return mid;
		if (c < code) lo = mid + 1;
		else hi = mid - 1;
	}
	return -1;
}

/** Tracks whether every row states the same year. */
export class SameYear {
	private value: number | null | undefined = undefined;
	see(year: number): void {
		if (this.value === undefined) this.value = year;
		else if (this.value !== year) this.value = null;
	}
	get(): number | null {
		return this.value ?? null;
	}
}

/**
 * Reads the cells of one row by field name, reporting each problem with the column it is in.
 * Every reader returns null after reporting, and sets `bad` so the row can be skipped once all
 * its cells have been checked (a user sees every problem of a row at once).
 */
export class RowReader {
	private readonly index = new Map<string, number>();
	private readonly labels = new Map<string, string>();
	private readonly scratch: unknown[] = [null, null];
	private cells: string[] = [];
	private sink: IssueSink = () => {};
	bad = false;

	constructor(
		readonly ctx: OpenContext,
		fields: readonly string[]
	) {
		for (const f of fields) {
			const i = ctx.keys.indexOf(f);
			if (i < 0) continue;
			this.index.set(f, i);
			// Name the user's own column too when it was renamed by --map.
			const written = ctx.header[i] ?? f;
			this.labels.set(f, headerKey(written) === f ? f : `${f} (${quote(written)})`);
		}
	}

	has(f: string): boolean {
		return this.index.has(f);
	}

	column(f: string): number | null {
		return this.index.get(f) ?? null;
	}

	begin(cells: string[], issue: IssueSink): void {
		this.cells = cells;
		this.sink = issue;
		this.bad = false;
	}

	/** Reports a problem with the row as a whole (or with a column, when given). */
	fail(f: string | null, message: string): null {
		this.sink(f === null ? null : this.column(f), message);
		this.bad = true;
		return null;
	}

	/** Reports a problem with one cell, prefixed by the column's name (and the user's, if mapped). */
	problem(f: string, message: string): null {
		return this.fail(f, `${this.labels.get(f) ?? f}: ${message}`);
	}

	raw(f: string): string {
		const i = this.index.get(f);
		return i === undefined ? '' : (this.cells[i] ?? '').trim();
	}

	text(f: string): string | null {
		return this.raw(f) || null;
	}

	/** Lower-case text for category-like columns (`women`, `bootcamp`), collapsing inner space. */
	category(f: string, required: boolean): string | null {
		const v = this.raw(f).toLowerCase().replace(/\s+/g, ' ');
		if (v === '') return required ? this.problem(f, 'is empty') : null;
		return v;
	}

	requiredText(f: string): string | null {
		const v = this.raw(f);
		return v === '' ? this.problem(f, 'is empty') : v;
	}

	soc(f: string, required: boolean): string | null {
		const v = this.raw(f);
		if (v === '')
			return required ? this.problem(f, 'is empty (expected a SOC code like 15-1252)') : null;
		if (SOC_CODE.test(v)) return v;
		if (/^\d{2}-\d{4}\.\d{2}$/.test(v)) {
			return this.problem(
				f,
				`${quote(v)} is an O*NET-SOC code; write the 7-character SOC code (${v.slice(0, 7)})`
			);
		}
		return this.problem(f, `expected a SOC code like 15-1252, found ${quote(v)}`);
	}

	cip(f: string): string | null {
		const v = this.raw(f);
		if (v === '') return null;
		const problem = cipProblem(v);
		return problem === null ? v : this.problem(f, problem);
	}

	area(f: string, required: boolean): string | null {
		const v = this.raw(f);
		if (v === '')
			return required ? this.problem(f, 'is empty (expected an area code like 31080)') : null;
		if (v.toUpperCase() === 'US') return '99';
		if (/^\d+$/.test(v) && [1, 3, 4, 6].includes(v.length)) {
			return this.problem(
				f,
				`${quote(v)} looks like a code that lost its leading zero (state FIPS codes have 2 ` +
					'digits, counties and CBSAs 5, e.g. 06 or 06037); save the column as text'
			);
		}
		if (!AREA_CODE.test(v)) {
			return this.problem(
				f,
				`expected an area code (e.g. 99, 06, 31080, or your own code without spaces), found ${quote(v)}`
			);
		}
		return v;
	}

	year(f: string, required: boolean): number | null {
		const v = this.raw(f);
		if (v === '') return required ? this.problem(f, 'is empty (expected a year like 2024)') : null;
		const n = /^\d{4}$/.test(v) ? Number(v) : NaN;
		if (!(n >= MIN_YEAR && n <= MAX_YEAR)) {
			return this.problem(f, `expected a year like 2024, found ${quote(v)}`);
		}
		return n;
	}

	/**
	 * A number, with its status when `markers` (the table keeps a status beside it). Blank is
	 * NULL (status `blank`) unless `required`.
	 */
	measured(
		f: string,
		opts: { required?: boolean; markers?: boolean; min?: number; above?: number } = {}
	): Measured | null {
		const i = this.index.get(f);
		if (i === undefined) return { value: null, status: 'blank' };
		const raw = this.cells[i] ?? '';
		const out = this.scratch;
		if (!tryMeasureInto(raw, out, 0)) {
			return this.problem(f, opts.markers ? notMeasured(raw) : notMeasured(raw, 'a number'));
		}
		const value = out[0] as number | null;
		const status = out[1] as ValueStatus | null;
		if (status === 'blank') {
			return opts.required ? this.problem(f, 'is empty (expected a number)') : { value, status };
		}
		if (status !== null && !opts.markers) {
			return this.problem(
				f,
				`expected a number, found ${quote(raw.trim())} (leave the cell blank when there is none)`
			);
		}
		if (value !== null && opts.min !== undefined && value < opts.min) {
			return this.problem(f, `expected ${opts.min} or more, found ${quote(raw.trim())}`);
		}
		if (value !== null && opts.above !== undefined && value <= opts.above) {
			return this.problem(f, `expected more than ${opts.above}, found ${quote(raw.trim())}`);
		}
		return { value, status };
	}

	number(
		f: string,
		opts: { required?: boolean; min?: number; above?: number } = {}
	): number | null {
		return this.measured(f, opts)?.value ?? null;
	}

	/**
	 * A share or rate: a fraction 0–1, or a percent written with its sign (`45%`, `12.5 %`).
	 * A bare number above 1 is an error: `45` could be 45% or a count, so it is never guessed.
	 */
	share(f: string, opts: { markers?: boolean } = {}): Measured | null {
		const text = this.raw(f);
		const percent = /^(.*?)\s*%$/.exec(text);
		if (percent) {
			const out = this.scratch;
			const n = tryMeasureInto(percent[1]!, out, 0) ? (out[0] as number | null) : null;
			if (n === null || out[1] !== null || n < 0 || n > 100) {
				return this.problem(f, `expected a percent from 0% to 100%, found ${quote(text)}`);
			}
			return { value: n / 100, status: null };
		}
		const m = this.measured(f, { markers: opts.markers });
		if (m === null || m.value === null) return m;
		if (m.value < 0 || m.value > 1) {
			return this.problem(
				f,
				`expected a fraction from 0 to 1 (or a percent with its sign, e.g. 45%), found ${quote(text)}`
			);
		}
		return m;
	}
}

/**
 * Streaming reader for delimited text (CSV, TSV, semicolon-separated) with papaparse.
 * Rows are arrays (`header: false` costs half the parse time of objects); the loader maps
 * columns by index after matching the header row. Line numbers count physical lines, so a
 * quoted field that spans lines moves the next row's number on as an editor would show it.
 */
import Papa from 'papaparse';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { TextEncoding } from './file-info';
import { MAX_CELL_BYTES, MAX_CELL_CHARS, MAX_ROW_BYTES, ReadError, type RowSink } from './rows';

export const DELIMITERS = [',', '\t', ';', '|'];

/**
 * Decoded text is handed on in pieces of at most 64 KB. V8 puts a string over ~128 KB in its
 * large-object space, one allocation and one collection each: decoding the 112 MB bench file in
 * 256 KB pieces took 0.6–1.2 s of CPU, in 64 KB pieces under 0.1 s.
 */
const PIECE = 1 << 16;

/**
 * Bytes to text. UTF-8 goes through Node's StringDecoder: TextDecoder in streaming mode took
 * about 5× as long on a 112 MB file, and StringDecoder holds an unfinished character over to the
 * next chunk the same way. Only the BOM, which TextDecoder dropped by itself, is dropped here.
 * Windows-1252 stays on TextDecoder in streaming mode: Node's one-shot decode of that label reads
 * the bytes as Latin-1 (0x93 would come out as a control character, not “).
 */
function decoder(encoding: TextEncoding): Transform {
	if (encoding === 'windows-1252') {
		const td = new TextDecoder('windows-1252');
		return new Transform({
			readableObjectMode: true,
			transform(chunk: Buffer, _enc, done) {
				for (let at = 0; at < chunk.length; at += PIECE) {
					const piece = td.decode(chunk.subarray(at, at + PIECE), { stream: true });
					if (piece !== '') this.push(piece);
				}
				done();
			}
		});
	}
	const sd = new StringDecoder('utf8');
	let start = true;
	const text = (piece: string) => {
		if (start && piece !== '') {
			start = false;
			if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
		}
		return piece || undefined;
	};
	return new Transform({
		readableObjectMode: true,
		transform(chunk: Buffer, _enc, done) {
			for (let at = 0; at < chunk.length; at += PIECE) {
				const piece = text(sd.write(chunk.subarray(at, at + PIECE)));
				if (piece !== undefined) this.push(piece);
			}
			done();
		},
		flush(done) {
			done(null, text(sd.end()));
		}
	});
}

const enum At {
	FieldStart,
	Unquoted,
	Quoted,
	/** A `"` inside a quoted field: an escaped quote, the field's end, or a stray. */
	QuoteInQuoted,
	/** Spaces after a closing quote, before the delimiter. */
	AfterQuote
}

const MB = (n: number) => `${n / 1024 / 1024} MB`;

/**
 * Measures cells and records on the raw bytes, before they are decoded or handed to papaparse
 * (which keeps an unfinished record in memory as one growing string: a 190 MB line would cost
 * gigabytes). It follows papaparse's reading of quotes: a quote opens a field only at its start,
 * `""` inside is a quote, and a quote followed by anything but the delimiter, spaces or a line
 * end does not close the field. Throws a ReadError naming the line and column where the cell (or
 * record) that grew too long begins.
 */
export class RecordLimits {
	private at = At.FieldStart;
	/** Bytes of the stream before the current chunk. */
	private base = 0;
	private line = 1;
	/** Offset of the last CR taken as a line end: an LF right after it ends the same line. */
	private crAt = -2;
	private column = 1;
	private fieldStart = 0;
	private fieldLine = 1;
	private recordStart = 0;
	private recordLine = 1;

	constructor(private readonly delimiter: number) {}

	/** Throws when the open cell or record is past its limit at stream offset `here`. */
	private check(here: number): void {
		if (here - this.fieldStart > MAX_CELL_BYTES) {
			throw new ReadError(
				`this cell holds more than ${MAX_CELL_CHARS.toLocaleString('en-US')} characters (${MAX_CELL_BYTES.toLocaleString('en-US')} bytes were read without reaching its end); the limit is ${MAX_CELL_CHARS.toLocaleString('en-US')} (is a closing quote missing?)`,
				this.fieldLine,
				this.column
			);
		}
		if (here - this.recordStart > MAX_ROW_BYTES) {
			throw new ReadError(
				`this row is longer than ${MB(MAX_ROW_BYTES)}; the limit is ${MB(MAX_ROW_BYTES)} (is a closing quote missing?)`,
				this.recordLine
			);
		}
	}

	/** A line break at stream offset `at`; CRLF counts once. */
	private lineBreak(byte: number, at: number): void {
		if (byte === 13) {
			this.line++;
			this.crAt = at;
		} else if (this.crAt !== at - 1) this.line++;
	}

	private nextField(at: number): void {
		this.check(at);
		this.fieldStart = at + 1;
		this.fieldLine = this.line;
	}

	/**
	 * Reads a chunk. The common case, an unquoted cell, is skipped with a tight loop that only
	 * looks for the delimiter and line ends, and a quoted one with indexOf: the per-byte state
	 * machine runs only at a cell's edges.
	 */
	scan(chunk: Uint8Array): void {
		const d = this.delimiter;
		const n = chunk.length;
		let i = 0;
		while (i < n) {
			if (this.at === At.Quoted) {
				const q = chunk.indexOf(34, i);
				const end = q < 0 ? n : q;
				for (let k = i; k < end; k++) {
					const b = chunk[k]!;
					if (b === 10 || b === 13) this.lineBreak(b, this.base + k);
				}
				if (q < 0) break;
				this.at = At.QuoteInQuoted;
				i = q + 1;
				continue;
			}
			if (this.at === At.Unquoted) {
				let j = i;
				for (; j < n; j++) {
					const b = chunk[j]!;
					if (b === d || (b < 14 && (b === 10 || b === 13))) break;
				}
				if (j === n) break;
				i = j; // the delimiter or line end, read below
				this.at = At.FieldStart;
				this.edge(chunk[i]!, this.base + i);
				i++;
				continue;
			}
			const b = chunk[i]!;
			const here = this.base + i;
			if (this.at === At.QuoteInQuoted || this.at === At.AfterQuote) {
				if (b === 34 && this.at === At.QuoteInQuoted) {
					this.at = At.Quoted; // "" is one quote
					i++;
					continue;
				}
				if (b === 32 || (b === 9 && d !== 9)) {
					this.at = At.AfterQuote;
					i++;
					continue;
				}
				if (b !== d && b !== 10 && b !== 13) {
					this.at = At.Quoted; // papaparse reads on to the next quote
					i++;
					continue;
				}
				this.at = At.FieldStart;
				this.edge(b, here);
				i++;
				continue;
			}
			// At a cell's start.
			if (b === d || b === 10 || b === 13) this.edge(b, here);
			else this.at = b === 34 ? At.Quoted : At.Unquoted;
			i++;
		}
		this.base += n;
		this.check(this.base);
	}

	/** The delimiter or a line end that closes a cell, at stream offset `at`. */
	private edge(b: number, at: number): void {
		if (b === this.delimiter) {
			this.nextField(at);
			this.column++;
			return;
		}
		this.lineBreak(b, at);
		this.nextField(at);
		this.column = 1;
		this.recordStart = at + 1;
		this.recordLine = this.line;
	}
}

/**
 * Characters handed to papaparse and not yet read into whole rows past which the exact scan
 * (RecordLimits) starts: the longest cell allowed, far above any real row (a few KB). An
 * unfinished record this long is a lost quote, a runaway cell or a row on its way past
 * MAX_ROW_BYTES, and the exact scan then says which, where. Starting it no later than this
 * keeps the errors what a scan from the first byte gives (tests/integration/import-limits).
 */
export const SUSPECT_CHARS = MAX_CELL_CHARS;

/** Exact scans started so far in this process (tests check that a sound file needs none). */
export const exactScans = { started: 0 };

/**
 * Papaparse's progress: characters it has received, its cursor after its last chunk, and line
 * feeds received against rows read (see `lineFeeds`).
 */
interface Watch {
	received: number;
	parsed: number;
	feeds: number;
	rows: number;
}

/** Line feeds in a piece of text. */
function lineFeeds(piece: string): number {
	let n = 0;
	for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) n++;
	return n;
}

/** Scans the file's first `end` bytes into `limits`: the exact scan, started late. */
function catchUp(path: string, limits: RecordLimits, end: number): void {
	const fd = openSync(path, 'r');
	try {
		const buffer = Buffer.allocUnsafe(1 << 20);
		for (let at = 0; at < end;) {
			const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
			if (n === 0) break;
			limits.scan(buffer.subarray(0, n));
			at += n;
		}
	} finally {
		closeSync(fd);
	}
}

/**
 * Guards the bytes on their way to papaparse. Scanning every byte with RecordLimits took a tenth
 * of the importing thread on a large file, for files that are almost always sound; so the scan
 * starts only once papaparse holds more than SUSPECT_CHARS of an unfinished record. It then
 * reads the file up to here from the start (to know the quotes, lines and columns) and goes on
 * with every chunk, so a broken file is refused with the same message, line and column as if it
 * had been scanned throughout, and papaparse never holds much more than the limits allow.
 */
function limited(path: string, delimiter: string, watch: Watch): Transform {
	let exact: RecordLimits | null = null;
	let offset = 0;
	return new Transform({
		transform(chunk: Buffer, _enc, done) {
			try {
				if (!exact && watch.received - watch.parsed > SUSPECT_CHARS) {
					exactScans.started++;
					exact = new RecordLimits(delimiter.charCodeAt(0));
					catchUp(path, exact, offset);
				}
				exact?.scan(chunk);
				offset += chunk.length;
			} catch (e) {
				done(e as Error);
				return;
			}
			done(null, chunk);
		}
	});
}

function countNewlines(cells: string[]): number {
	let n = 0;
	for (const cell of cells) {
		if (cell.length === 0) continue;
		let i = cell.indexOf('\n');
		while (i !== -1) {
			n++;
			i = cell.indexOf('\n', i + 1);
		}
	}
	return n;
}

export interface DelimitedResult {
	delimiter: string;
	rows: number;
}

/**
 * Picks the delimiter from the first ten non-blank lines: for each candidate, the most common
 * non-zero count per line (outside quotes) and how many lines have exactly that count; the
 * candidate on which most lines agree wins (comma when none occurs). A consistent count is what
 * separates a real delimiter from commas in text or a note line above the header, which
 * papaparse's own guess can trip on in short files.
 */
export function guessDelimiter(text: string): string {
	const lines = text
		.replace(/^\uFEFF/, '')
		.split(/\r\n|\n|\r/)
		.filter((l) => l.trim() !== '')
		.slice(0, 10);
	let best = ',';
	let bestScore = 0;
	let bestCount = 0;
	for (const d of DELIMITERS) {
		const perLine = lines.map((line) => {
			let quoted = false;
			let n = 0;
			for (const ch of line) {
				if (ch === '"') quoted = !quoted;
				else if (!quoted && ch === d) n++;
			}
			return n;
		});
		const tally = new Map<number, number>();
		for (const n of perLine) if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1);
		for (const [count, lines] of tally) {
			if (lines > bestScore || (lines === bestScore && count > bestCount)) {
				best = d;
				bestScore = lines;
				bestCount = count;
			}
		}
	}
	return best;
}

function headText(path: string, encoding: TextEncoding): string {
	const fd = openSync(path, 'r');
	try {
		const buffer = Buffer.alloc(64 * 1024);
		const n = readSync(fd, buffer, 0, buffer.length, 0);
		return new TextDecoder(encoding === 'windows-1252' ? 'windows-1252' : 'utf-8').decode(
			buffer.subarray(0, n)
		);
	} finally {
		closeSync(fd);
	}
}

export function readDelimited(
	path: string,
	encoding: TextEncoding,
	sink: RowSink,
	progress?: { bytes: number },
	signal?: AbortSignal
): Promise<DelimitedResult> {
	return new Promise((resolve, reject) => {
		let line = 1;
		let rows = 0;
		let stopped = false;
		let failure: ReadError | null = null;
		const delimiter = guessDelimiter(headText(path, encoding));
		/** Fields in the first row: a row with a stray quote is kept only if it has as many. */
		let width = -1;
		// 256 KB reads: each decoded piece stays an ordinary heap string. Node makes text over ~1 MB
		// an external string, which the collector lets pile up to ~64 MB (peak RSS +70 MB).
		// The signal closes the file quietly: an AbortError raised into the pipe could arrive after
		// papaparse has finished and dropped its listeners, with nobody left to hear it.
		const raw = createReadStream(path, { highWaterMark: 1 << 18 });
		const onAbort = () => raw.destroy();
		signal?.addEventListener('abort', onAbort, { once: true });
		if (progress) raw.on('data', (chunk) => (progress.bytes += chunk.length));
		const watch: Watch = { received: 0, parsed: 0, feeds: 0, rows: 0 };
		const check = limited(path, delimiter, watch);
		const input = raw.pipe(check).pipe(decoder(encoding));
		// Counted before papaparse reads each piece (this listener is first), so that in its chunk
		// callback `received - cursor` is the unfinished record it holds.
		input.on('data', (piece: string) => {
			watch.received += piece.length;
			watch.feeds += lineFeeds(piece);
		});
		// pipe() does not pass errors on: papaparse hears of them only from its own input.
		raw.on('error', (e) => input.destroy(e));
		check.on('error', (e) => input.destroy(e));
		// papaparse drops its listeners once it completes; an abort after that (the importer's
		// watchdog or a failed write stopping the read) must not surface as an uncaught error.
		input.on('error', () => {});
		Papa.parse<string[]>(input as unknown as File, {
			header: false,
			dynamicTyping: false,
			skipEmptyLines: false,
			delimiter,
			// Whole pieces of rows at a time: papaparse's `step` wraps every row in its own result
			// object and call, a sixth of the importing thread's time on a large file.
			chunk(result, parser) {
				watch.parsed = result.meta.cursor;
				watch.rows += result.data.length;
				if (stopped) return;
				// Papaparse hands over only rows it saw end with their line break, except at the very
				// end: one last record, whose own line is known before its cells. With LF or CRLF
				// breaks, as many line feeds received as rows read then means no cell so far holds
				// one: each row is one line, and its cells need no search. Otherwise (a quoted line
				// break, CR-only breaks) the cells are searched.
				const oneLineEach = result.meta.linebreak !== '\r' && watch.feeds === watch.rows;
				/** The first quote problem of each row of this piece, by the row's index in it. */
				let quoteErrors: Map<number, Papa.ParseError> | null = null;
				for (const e of result.errors) {
					if (e.type !== 'Quotes' || e.row === undefined) continue;
					quoteErrors ??= new Map();
					if (!quoteErrors.has(e.row)) quoteErrors.set(e.row, e);
				}
				const data = result.data;
				for (let i = 0; i < data.length; i++) {
					const cells = data[i]!;
					const here = line;
					line += oneLineEach ? 1 : 1 + countNewlines(cells);
					if (width < 0 && !(cells.length === 1 && cells[0] === '')) width = cells.length;
					const quoteError = quoteErrors?.get(i);
					// A quote inside an unquoted cell (NCES writes `…&hl="veteran"&…` in URLs) is read
					// as a literal character; only when the row then falls apart is it an error.
					const stray = quoteError?.code === 'InvalidQuotes' && cells.length === width;
					if (quoteError && !stray) {
						failure = new ReadError(
							quoteError.code === 'MissingQuotes'
								? 'a quoted field is never closed (a " is missing)'
								: 'a quoted field is not closed properly (check the " characters on this line)',
							here
						);
						stopped = true;
						parser.abort();
						return;
					}
					rows++;
					if (sink(cells, here) === false) {
						stopped = true;
						parser.abort();
						return;
					}
				}
			},
			complete() {
				signal?.removeEventListener('abort', onAbort);
				raw.destroy();
				if (failure) reject(failure);
				else resolve({ delimiter, rows });
			},
			error(err: Error) {
				signal?.removeEventListener('abort', onAbort);
				raw.destroy();
				reject(err);
			}
		});
	});
}

/**
 * Streaming reader for delimited text (CSV, TSV, semicolon-separated) with papaparse.
 * Rows are arrays (`header: false` costs half the parse time of objects); the loader maps
 * columns by index after matching the header row. Line numbers count physical lines, so a
 * quoted field that spans lines moves the next row's number on as an editor would show it.
 */
import Papa from 'papaparse';
import { createReadStream, existsSync } from 'node:fs';
import { Transform } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TextEncoding } from './file-info';
import { ReadError, type RowSink } from './rows';

export const DELIMITERS = [',', '\t', ';', '|'];

function decoder(encoding: TextEncoding): Transform {
	const label = encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
	const td = new TextDecoder(label, { ignoreBOM: false });
	return new Transform({
		readableObjectMode: true,
		transform(chunk: Buffer, _enc, done) {
			done(null, td.decode(chunk, { stream: true }));
		},
		flush(done) {
			const rest = td.decode();
			done(null, rest || undefined);
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

const QUOTE_MESSAGES: Record<string, string> = {
	MissingQuotes: 'a quoted field is never closed (a " is missing)'
};
const QUOTE_DEFAULT = 'a quoted field is not closed properly (check the " characters on this line)';

const WORKER_URL = new URL('./csv-worker.js', import.meta.url);
/** Rows per message from the parsing thread. */
const BATCH_ROWS = 2000;

/**
 * Reads a delimited file row by row. Parsing runs on a worker thread when its script is at hand
 * (the CLI, the tests, child processes), so that parsing and validating/writing use both cores;
 * otherwise on this thread. Either way the sink sees the same rows and line numbers.
 */
export function readDelimited(
	path: string,
	encoding: TextEncoding,
	sink: RowSink
): Promise<DelimitedResult> {
	const threaded =
		process.env.IMPORT_THREADS !== '0' &&
		WORKER_URL.protocol === 'file:' &&
		existsSync(fileURLToPath(WORKER_URL));
	return threaded ? readThreaded(path, encoding, sink) : readInline(path, encoding, sink);
}

interface RowBatch {
	type: 'rows';
	text: string;
	lengths: Int32Array;
	widths: Int32Array;
	lines: Int32Array;
}
type WorkerMessage =
	| RowBatch
	| { type: 'quote-error'; code: string; line: number }
	| { type: 'end'; delimiter: string; rows: number }
	| { type: 'error'; message: string };

function readThreaded(
	path: string,
	encoding: TextEncoding,
	sink: RowSink
): Promise<DelimitedResult> {
	return new Promise((resolve, reject) => {
		const control = new SharedArrayBuffer(8);
		const state = new Int32Array(control);
		const worker = new Worker(WORKER_URL, {
			workerData: { path, encoding, delimiters: DELIMITERS, batchRows: BATCH_ROWS, control },
			// Parsing needs little memory; a small young generation keeps the process's RSS down.
			resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 }
		});
		let settled = false;
		let rows = 0;
		const settle = (fn: () => void) => {
			if (settled) return;
			settled = true;
			void worker.terminate();
			fn();
		};
		const consumed = () => {
			Atomics.add(state, 1, 1);
			Atomics.notify(state, 1);
		};
		worker.on('message', (m: WorkerMessage) => {
			if (settled) return;
			if (m.type === 'rows') {
				const { text, lengths, widths, lines } = m;
				let pos = 0;
				let c = 0;
				for (let r = 0; r < widths.length; r++) {
					const width = widths[r]!;
					const cells: string[] = new Array(width);
					for (let k = 0; k < width; k++) {
						const len = lengths[c++]!;
						cells[k] = text.slice(pos, pos + len);
						pos += len;
					}
					rows++;
					if (sink(cells, lines[r]!) === false) {
						consumed();
						settle(() => resolve({ delimiter: '', rows }));
						return;
					}
				}
				consumed();
			} else if (m.type === 'quote-error') {
				settle(() => reject(new ReadError(QUOTE_MESSAGES[m.code] ?? QUOTE_DEFAULT, m.line)));
			} else if (m.type === 'end') {
				settle(() => resolve({ delimiter: m.delimiter, rows }));
			} else {
				settle(() => reject(new Error(m.message)));
			}
		});
		worker.once('error', (e) => settle(() => reject(e)));
		worker.once('exit', (code) =>
			settle(() => reject(new Error(`the CSV reader stopped unexpectedly (exit code ${code})`)))
		);
	});
}

function readInline(path: string, encoding: TextEncoding, sink: RowSink): Promise<DelimitedResult> {
	return new Promise((resolve, reject) => {
		let line = 1;
		let rows = 0;
		let stopped = false;
		let failure: ReadError | null = null;
		let delimiter = ',';
		const input = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(decoder(encoding));
		Papa.parse<string[]>(input as unknown as File, {
			header: false,
			dynamicTyping: false,
			skipEmptyLines: false,
			delimitersToGuess: DELIMITERS,
			step(result, parser) {
				if (stopped) return;
				const cells = result.data;
				delimiter = result.meta.delimiter;
				const here = line;
				line += 1 + countNewlines(cells);
				const quoteError = result.errors.find((e) => e.type === 'Quotes');
				if (quoteError) {
					failure = new ReadError(QUOTE_MESSAGES[quoteError.code] ?? QUOTE_DEFAULT, here);
					stopped = true;
					parser.abort();
					return;
				}
				rows++;
				if (sink(cells, here) === false) {
					stopped = true;
					parser.abort();
				}
			},
			complete() {
				if (failure) reject(failure);
				else resolve({ delimiter, rows });
			},
			error(err: Error) {
				reject(err);
			}
		});
	});
}

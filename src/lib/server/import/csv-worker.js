// Parses a delimited file off the main thread (plain JavaScript so it runs in a worker under any
// loader). Rows go back in batches as ONE string of concatenated cells plus Int32Arrays of cell
// lengths, cells per row and line numbers: cheap to post, and no separator can collide with data.
// Flow control: the worker blocks while more than MAX_AHEAD batches are unread, so memory stays
// flat however large the file.
import { parentPort, workerData } from 'node:worker_threads';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import Papa from 'papaparse';

const { path, encoding, delimiters, batchRows, control } = workerData;
const MAX_AHEAD = 4;
const state = new Int32Array(control); // [0] batches posted, [1] batches consumed

function decoder() {
	const td = new TextDecoder(encoding === 'windows-1252' ? 'windows-1252' : 'utf-8', {
		ignoreBOM: false
	});
	return new Transform({
		readableObjectMode: true,
		transform(chunk, _enc, done) {
			done(null, td.decode(chunk, { stream: true }));
		},
		flush(done) {
			const rest = td.decode();
			done(null, rest || undefined);
		}
	});
}

let parts = [];
let lengths = [];
let widths = [];
let lines = [];
let line = 1;
let rows = 0;
let delimiter = ',';

function flush() {
	if (widths.length === 0) return;
	const message = {
		type: 'rows',
		text: parts.join(''),
		lengths: Int32Array.from(lengths),
		widths: Int32Array.from(widths),
		lines: Int32Array.from(lines)
	};
	parts = [];
	lengths = [];
	widths = [];
	lines = [];
	Atomics.add(state, 0, 1);
	parentPort.postMessage(message, [
		message.lengths.buffer,
		message.widths.buffer,
		message.lines.buffer
	]);
	// Wait (up to 1 s at a time) while the reader is more than MAX_AHEAD batches behind.
	while (Atomics.load(state, 0) - Atomics.load(state, 1) > MAX_AHEAD) {
		Atomics.wait(state, 1, Atomics.load(state, 1), 1000);
	}
}

const input = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(decoder());
Papa.parse(input, {
	header: false,
	dynamicTyping: false,
	skipEmptyLines: false,
	delimitersToGuess: delimiters,
	step(result, parser) {
		const cells = result.data;
		delimiter = result.meta.delimiter;
		const here = line;
		const quoteError = result.errors.find((e) => e.type === 'Quotes');
		if (quoteError) {
			flush();
			parentPort.postMessage({ type: 'quote-error', code: quoteError.code, line: here });
			parser.abort();
			return;
		}
		let breaks = 0;
		for (let i = 0; i < cells.length; i++) {
			const cell = cells[i];
			parts.push(cell);
			lengths.push(cell.length);
			if (cell.length > 0) {
				let at = cell.indexOf('\n');
				while (at !== -1) {
					breaks++;
					at = cell.indexOf('\n', at + 1);
				}
			}
		}
		line += 1 + breaks;
		widths.push(cells.length);
		lines.push(here);
		rows++;
		if (widths.length >= batchRows) flush();
	},
	complete(results) {
		if (results && results.meta && results.meta.aborted) return;
		flush();
		parentPort.postMessage({ type: 'end', delimiter, rows });
	},
	error(err) {
		parentPort.postMessage({
			type: 'error',
			message: String(err && err.message ? err.message : err)
		});
	}
});

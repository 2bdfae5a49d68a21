/**
 * Imports one file: detect its source from the header row, stream its rows through the adapter,
 * and write everything in ONE transaction with an `import_runs` row. Any problem rolls the whole
 * file back, so a rejected file leaves the database exactly as it was.
 */
import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { readDelimited } from './csv';
import { inspectFile, type FileInfo } from './file-info';
import { headerKey, quote, yearFromFileName } from './normalize';
import type { Overlap } from './oews-coverage';
import { MAX_CELL_CHARS, ReadError, type Heartbeat, type RowSink } from './rows';
export { MAX_CELL_CHARS } from './rows';
import { detectAdapter, ADAPTERS } from './sources/index';
import { ImportError, type AdapterSession, type Issue, type SourceAdapter } from './sources/types';
import { forBrowser } from './wording';
import { readWorkbook } from './xlsx';
import { WorkbookError } from './zip';
import {
	InlineWrites,
	WriterThread,
	WriterUnavailable,
	canWriteOnThread,
	type WriteError,
	type Writes
} from './writes';

export type ImportStatus = 'imported' | 'skipped' | 'rejected';

export interface FileReport {
	file: string;
	source: string | null;
	status: ImportStatus;
	year: number | null;
	rowsRead: number;
	rowsImported: number;
	issues: Issue[];
	/** Non-fatal remarks (rows skipped on purpose, codes renumbered, …). */
	notes: string[];
	runId: number | null;
	sha256: string | null;
	/** The header row as written, once a source was recognised. */
	header?: string[];
	/** Only for a dry run (`sample`): where the table starts and its first rows as read. */
	preview?: FilePreview;
	/** Area-years whose figures this file met already imported, and whether it kept or replaced them. */
	overlaps: Overlap[];
}

export interface FilePreview {
	sheet: string | null;
	headerLine: number | null;
	header: string[];
	rows: { line: number; cells: string[] }[];
	/** True when the dry run read the whole file (false: it stopped after `sample` rows). */
	complete: boolean;
}

/** Live counters of a running import, read by whoever shows its progress. */
export interface ImportProgress {
	/** Data rows read so far. */
	rows: number;
	/** Bytes of the file read so far (of `info.size`). */
	bytes: number;
}

/** The public shape of a file's report (CLI `--json`, `POST /api/imports`): no run id or hash. */
export function publicReport(r: FileReport) {
	return {
		file: r.file,
		source: r.source,
		status: r.status,
		year: r.year,
		rowsRead: r.rowsRead,
		rowsImported: r.rowsImported,
		issues: r.issues,
		notes: r.notes,
		overlaps: r.overlaps
	};
}

export interface ImportOptions {
	/** Name to record and report (defaults to the path's base name). */
	fileName?: string;
	/** Reference year when the file name does not carry it. */
	year?: number;
	importedBy?: string;
	/** Stop reading after this many problems (default 50). */
	maxIssues?: number;
	/**
	 * Renames the file's columns before its source is detected: their header → ours, both
	 * compared after `headerKey` normalisation (`--map "their column=our field"`). A key that
	 * starts with `=` is no column but a value every row gets for that field
	 * (`{"=31080": "area"}`, `--map "=31080=area"`): read and checked as if every row held it.
	 */
	columnMap?: Record<string, string>;
	onProgress?: (rowsRead: number) => void;
	/** Counters updated as the file is read (rows and bytes), for a progress bar. */
	progress?: ImportProgress;
	/**
	 * A dry run: read at most this many data rows, validate them, keep the first rows for a
	 * preview, and roll everything back. Meant for a scratch database (see preview.ts).
	 */
	sample?: number;
	/**
	 * Fail the import when it has made no progress (no byte read, no row, no part inflated) for
	 * this long. Default: `IMPORT_STALL_SECONDS` from the environment, else 60 s.
	 */
	stallMs?: number;
	/**
	 * Where an adapter with `deferredWrites` writes: on a writer thread (default, for a database
	 * file) or inline on this connection. Both give the same database; `inline` is for tests.
	 */
	writer?: 'thread' | 'inline';
	/**
	 * Replace figures the database already holds for the same area, year and occupation group
	 * (`--replace`, the data page's Replace box). Without it such rows are kept as they were.
	 */
	replace?: boolean;
	/**
	 * Who reads the messages: the command line (default) or the data page, whose messages name
	 * its controls instead of command-line options.
	 */
	audience?: 'cli' | 'browser';
}

/** A column map key that is a value for every row rather than a column (`=31080`). */
export function isConstant(key: string): boolean {
	return key.startsWith('=');
}

/** Data rows a dry run keeps to show. */
export const PREVIEW_ROWS = 20;

/** Rows searched for a header before giving up (BLS workbooks put notes above some headers). */
const HEADER_SCAN_ROWS = 20;
const PROGRESS_EVERY = 10_000;
const DEFAULT_STALL_MS = 60_000;

function stallLimit(options: ImportOptions): number {
	if (options.stallMs !== undefined) return options.stallMs;
	const seconds = Number(process.env.IMPORT_STALL_SECONDS);
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_STALL_MS;
}

/** An import that stopped moving; the watchdog's message says for how long. */
export class StallError extends Error {}

/**
 * Settles with `work`, or rejects with a StallError once `position()` has not changed for
 * `stallMs`. The timer also keeps the process alive: a reader whose promise can never settle
 * (its stream ended without a word) would otherwise let the CLI exit as if all were well.
 */
export function watchdog<T>(work: Promise<T>, position: () => number, stallMs: number): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let last = position();
		let since = Date.now();
		const timer = setInterval(
			() => {
				const now = position();
				if (now !== last) {
					last = now;
					since = Date.now();
				} else if (Date.now() - since >= stallMs) {
					clearInterval(timer);
					const seconds = (stallMs / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 });
					reject(
						new StallError(
							`the import stopped making progress: nothing was read for ${seconds} s, so it was stopped and nothing was written (is the file complete and readable?)`
						)
					);
				}
			},
			Math.max(20, Math.min(1000, stallMs / 5))
		);
		work.then(
			(value) => {
				clearInterval(timer);
				resolve(value);
			},
			(e: unknown) => {
				clearInterval(timer);
				reject(e);
			}
		);
	});
}

type Sqlite = Database.Database;

/**
 * The message for a failure of the database rather than of the file, or null. SQLite rolls the
 * transaction back by itself on some of these (SQLITE_FULL, SQLITE_IOERR), so either way nothing
 * of the file was written.
 */
export function databaseFailure(e: unknown): string | null {
	const code = (e as { code?: unknown } | null)?.code;
	if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
	if (code === 'SQLITE_FULL') {
		return 'the database is full (its disk has no space left, or it reached its size limit): nothing was written; make room and import the file again';
	}
	if (code.startsWith('SQLITE_READONLY')) {
		return 'the database cannot be written: it is read-only (check the permissions of the database file and its folder); nothing was written';
	}
	if (code.startsWith('SQLITE_IOERR')) {
		return `the database could not be written (${(e as Error).message}; is its disk full or failing?): nothing was written`;
	}
	if (code.startsWith('SQLITE_BUSY')) {
		return 'the database is busy (another import is writing to it): nothing was written; try again when that import has finished';
	}
	return null;
}

function isBlank(cells: string[]): boolean {
	for (const c of cells) if (c.trim() !== '') return false;
	return true;
}

function onlyFirstCell(cells: string[]): boolean {
	if ((cells[0] ?? '').trim() === '') return false;
	for (let i = 1; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
	return true;
}

function preview(cells: string[]): string {
	const text = cells
		.filter((c) => c.trim() !== '')
		.slice(0, 6)
		.map((c) => quote(c.trim()))
		.join(', ');
	return text || '(empty)';
}

class FileImport {
	readonly issues: Issue[] = [];
	readonly notes: string[] = [];
	readonly overlaps: Overlap[] = [];
	adapter: SourceAdapter | null = null;
	session: AdapterSession | null = null;
	header: string[] = [];
	/** The mapping's values for every row, in the order they follow the file's columns. */
	readonly constants: { field: string; value: string }[];
	headerLine = 0;
	runId: number | null = null;
	rowsRead = 0;
	rowsImported = 0;
	scanned = 0;
	readonly sampled: { line: number; cells: string[] }[] = [];
	/** Rows seen while looking for a header (a dry run shows them when none is recognised). */
	readonly scannedRows: { line: number; cells: string[] }[] = [];
	/** A dry run stopped on purpose after `sample` rows. */
	sampleFull = false;
	firstRow: string[] | null = null;
	footnotesFrom: number | null = null;
	/** The sheet being read (XLSX), or null for delimited text. */
	sheetName: string | null = null;
	inTransaction = false;
	stopped = false;
	writes: Writes | null = null;
	/** The writer thread holding this file's transaction, when the adapter's writes run there. */
	thread: WriterThread | null = null;
	/** A writer thread started before the file was read (large files), for `begin` to take. */
	spare: SpareWriter | null = null;

	constructor(
		readonly sqlite: Sqlite,
		readonly fileName: string,
		readonly info: FileInfo,
		readonly options: ImportOptions
	) {
		this.constants = Object.entries(options.columnMap ?? {})
			.filter(([from]) => isConstant(from))
			.map(([from, to]) => ({ field: headerKey(to), value: from.slice(1).trim() }));
	}

	/**
	 * A value for every row that does not pass: said once, naming the field (every row would
	 * repeat it), and the file goes no further.
	 */
	private constantProblem(index: number, message: string): void {
		const c = this.constants[index]!;
		const detail = message.startsWith(`${c.field}: `) ? message.slice(c.field.length + 2) : message;
		this.issue(null, null, `${c.field}, the value for every row (${quote(c.value)}): ${detail}`);
		this.stopped = true;
	}

	get maxIssues() {
		return this.options.maxIssues ?? 50;
	}

	/**
	 * Records a problem. `always`: a row the database refused, which the writer thread reports
	 * later than the row was read; it is kept even past the limit, and the report puts every
	 * problem in line order and keeps the first `maxIssues`, as an inline import would have.
	 */
	issue(line: number | null, column: number | null, message: string, always = false): void {
		if (always || this.issues.length < this.maxIssues) this.issues.push({ line, column, message });
		if (this.issues.length >= this.maxIssues) this.stopped = true;
	}

	/** The sink for the data sheet (or the only table of a delimited file). */
	readonly rows: RowSink = (cells, line) => {
		if (this.stopped) return false;
		if (!this.session) return this.scanForHeader(cells, line);
		return this.dataRow(cells, line);
	};

	private mapColumns(keys: string[]): string[] {
		const map = this.options.columnMap;
		if (!map) return keys;
		const normalised = new Map(
			Object.entries(map)
				.filter(([from]) => !isConstant(from))
				.map(([from, to]) => [headerKey(from), headerKey(to)])
		);
		return keys.map((k) => normalised.get(k) ?? k);
	}

	/**
	 * Checks the mapping's values for every row against the header and the detected format:
	 * true when they fit (they then follow the file's own columns in `keys`).
	 */
	private checkConstants(adapter: SourceAdapter, keys: string[], line: number): boolean {
		if (this.constants.length > 0 && !adapter.id.startsWith('generic-')) {
			// The public formats' adapters read their own headers: a value for every row is for
			// the tidy formats a board or provider keeps.
			this.issue(
				null,
				null,
				`${adapter.title} files take no values for every row (only the formats for your own data do)`
			);
			return false;
		}
		const fields = new Set([...adapter.required, ...adapter.optional]);
		for (const [i, c] of this.constants.entries()) {
			const column = keys.indexOf(c.field);
			if (column < this.header.length) {
				this.issue(
					line,
					column + 1,
					`${c.field} is both the column ${quote(this.header[column]!)} and a value for every ` +
						`row (${quote(c.value)}): keep one of them`
				);
			} else if (!fields.has(c.field)) {
				this.issue(
					null,
					null,
					`${c.field} is not a field of ${adapter.title}, so it cannot have a value for every row`
				);
			} else if (i !== column - this.header.length) {
				this.issue(null, null, `${c.field} is given more than one value for every row`);
			}
		}
		return this.issues.length === 0;
	}

	private scanForHeader(cells: string[], line: number): boolean {
		if (isBlank(cells)) return true;
		if (this.tooLong(cells, line)) {
			this.stopped = true;
			return false;
		}
		this.firstRow ??= cells;
		this.scanned++;
		if (this.options.sample !== undefined && this.scannedRows.length <= PREVIEW_ROWS) {
			this.scannedRows.push({ line, cells: [...cells] });
		}
		const keys = [...this.mapColumns(cells.map(headerKey)), ...this.constants.map((c) => c.field)];
		const adapter = detectAdapter(keys, { sheet: this.sheetName, fileName: this.fileName });
		if (!adapter) {
			// Give up on this sheet (a workbook may hold its table on a later one).
			if (this.scanned >= HEADER_SCAN_ROWS) return false;
			return true;
		}
		this.adapter = adapter;
		this.header = cells.map((c) => c.trim());
		this.headerLine = line;
		const seen = new Map<string, number>();
		keys.slice(0, cells.length).forEach((k, i) => {
			if (k === '') return;
			const first = seen.get(k);
			if (first !== undefined) {
				this.issue(
					line,
					i + 1,
					`column ${quote(cells[i]!.trim())} appears twice (columns ${first + 1} and ${i + 1})`
				);
			} else seen.set(k, i);
		});
		if (this.issues.length > 0 || !this.checkConstants(adapter, keys, line)) {
			this.stopped = true;
			return false;
		}
		this.begin(adapter);
		try {
			this.session = adapter.open({
				sqlite: this.sqlite,
				writes: this.writes!,
				runId: this.runId!,
				fileName: this.fileName,
				header: this.header,
				keys,
				year: this.options.year ?? yearFromFileName(this.fileName),
				notes: this.notes,
				sheet: this.sheetName,
				headerLine: line,
				replace: this.options.replace === true,
				overlaps: this.overlaps
			});
		} catch (e) {
			if (!(e instanceof ImportError)) throw e;
			this.issue(e.line ?? line, e.column, e.message);
			this.stopped = true;
			return false;
		}
		return true;
	}

	/** Reports the first over-long cell of a row; true when there was one. */
	private tooLong(cells: string[], line: number): boolean {
		for (let i = 0; i < cells.length; i++) {
			const n = cells[i]!.length;
			if (n > MAX_CELL_CHARS) {
				this.issue(
					line,
					i + 1,
					`this cell holds ${n.toLocaleString('en-US')} characters; the limit is ${MAX_CELL_CHARS.toLocaleString('en-US')} (is a closing quote missing?)`
				);
				return true;
			}
		}
		return false;
	}

	private dataRow(cells: string[], line: number): boolean {
		if (isBlank(cells)) return true;
		if (this.tooLong(cells, line)) return !this.stopped;
		const width = this.header.length;
		if (this.rowsRead > 0 && onlyFirstCell(cells)) {
			this.footnotesFrom ??= line;
			return true;
		}
		if (this.footnotesFrom !== null) {
			// One message is enough: the rest of the file is in doubt.
			this.issue(line, null, `data after the notes that begin on line ${this.footnotesFrom}`);
			this.stopped = true;
			return false;
		}
		const sample = this.options.sample;
		if (sample !== undefined && this.rowsRead >= sample) {
			this.sampleFull = true;
			this.stopped = true;
			return false;
		}
		this.rowsRead++;
		if (this.options.progress) this.options.progress.rows = this.rowsRead;
		if (sample !== undefined && this.sampled.length < PREVIEW_ROWS) {
			this.sampled.push({ line, cells: [...cells] });
		}
		if (this.options.onProgress && this.rowsRead % PROGRESS_EVERY === 0) {
			this.options.onProgress(this.rowsRead);
		}
		if (cells.length !== width) {
			const extra = cells.slice(width);
			const tooMany = cells.length > width && !isBlank(extra);
			const tooFew = cells.length < width && this.info.format !== 'xlsx';
			if (tooMany || tooFew) {
				this.issue(
					line,
					tooMany ? width + 1 : cells.length + 1,
					`this row has ${cells.length} fields but the header on line ${this.headerLine} has ${width}`
				);
				return !this.stopped;
			}
			if (cells.length < width) while (cells.length < width) cells.push('');
		}
		const before = this.issues.length;
		this.writes!.line = line;
		const result = this.session!.row(
			this.constants.length > 0 ? [...cells, ...this.constants.map((c) => c.value)] : cells,
			line,
			(column, message) => {
				if (column !== null && column >= width) this.constantProblem(column - width, message);
				else this.issue(line, column === null ? null : column + 1, message);
			},
			before === 0
		);
		if (result === 'imported' && this.issues.length === 0) this.rowsImported++;
		return !this.stopped;
	}

	/** A row the database refused (the writer thread reports it after the row was read). */
	refused(line: number | null, message: string): void {
		this.issue(line, null, message, true);
	}

	/** The database failed under the writer thread: nothing more is written. */
	writerFailed(error: WriteError): void {
		if (!this.thread) return; // fell back to inline writes before any was sent
		this.issue(null, null, databaseFailure(error) ?? `the import failed: ${error.message}`);
		this.stopped = true;
	}

	begin(adapter: SourceAdapter): void {
		const sql = `INSERT INTO import_runs (source, year, file_name, sha256, status, imported_by, started_at)
			VALUES (?, NULL, ?, ?, 'imported', ?, ?)`;
		const params = [
			adapter.id,
			this.fileName,
			this.info.sha256,
			this.options.importedBy ?? null,
			new Date().toISOString()
		];
		const refused = (line: number | null, message: string) => this.refused(line, message);
		if (adapter.deferredWrites && mayWriteOnThread(this.sqlite, this.options)) {
			const spare = this.spare;
			if (spare && !spare.relay.to) {
				spare.relay.to = this;
				this.thread = spare.thread;
			} else this.thread = startWriter(this.sqlite, this);
			this.inTransaction = true;
			try {
				this.runId = this.thread.begin(sql, params);
				this.writes = this.thread;
				return;
			} catch (e) {
				if (!(e instanceof WriterUnavailable)) throw e;
				// No thread to write on: the same writes inline, only slower.
				void this.thread.rollback();
				this.thread = null;
				this.inTransaction = false;
			}
		}
		this.sqlite.exec('BEGIN IMMEDIATE');
		this.inTransaction = true;
		this.runId = Number(this.sqlite.prepare(sql).run(params).lastInsertRowid);
		this.writes = new InlineWrites(this.sqlite, refused);
	}

	async rollback(): Promise<void> {
		if (this.thread) await this.thread.rollback();
		// SQLite may have rolled back already (SQLITE_FULL, SQLITE_IOERR): a second ROLLBACK throws.
		else if (this.inTransaction && this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
		this.inTransaction = false;
	}

	/** Closes the read: final checks, then COMMIT or ROLLBACK. */
	async finish(): Promise<FileReport> {
		// Rows the writer thread refused are reported before anything is decided.
		if (this.thread) await this.thread.drain();
		if (!this.adapter && this.issues.length === 0 && !this.firstRow) {
			this.issue(null, null, 'the file holds only blank lines: there is no header and no data');
		}
		if (!this.adapter && this.issues.length === 0) {
			const first = this.firstRow ? `; line 1 reads ${preview(this.firstRow)}` : '';
			this.issue(
				null,
				null,
				`no known source recognised in the first ${HEADER_SCAN_ROWS} rows${first}. ` +
					`Known sources: ${ADAPTERS.map((a) => a.title).join('; ')} (npm run sources lists their headers)`
			);
		}
		if (this.session && this.issues.length === 0 && this.rowsRead === 0) {
			this.issue(this.headerLine, null, `no data rows after the header on line ${this.headerLine}`);
		}
		// Writes from the end-of-file checks (e.g. OEWS coverage) belong to no line.
		if (this.writes) this.writes.line = null;
		if (this.options.sample !== undefined) {
			// A dry run: the end-of-file checks only make sense on the whole file.
			if (this.session && this.issues.length === 0 && !this.sampleFull) {
				this.session.finish((column, message) =>
					this.issue(null, column === null ? null : column + 1, message)
				);
			}
			await this.rollback();
			const year = this.session?.year ?? null;
			return this.report(this.issues.length > 0 ? 'rejected' : 'imported', year, null);
		}
		let meta: Record<string, unknown> | undefined;
		if (this.session && this.issues.length === 0) {
			meta = this.session.finish((column, message) =>
				this.issue(null, column === null ? null : column + 1, message)
			).meta;
		}
		const year = this.session?.year ?? null;
		if (this.issues.length > 0 || !this.inTransaction) {
			await this.rollback();
			if (this.stopped && this.issues.length >= this.maxIssues) {
				this.notes.push(`reading stopped after ${this.maxIssues} problems`);
			}
			return this.report('rejected', year, null);
		}
		const close: [string, unknown[]] = [
			`UPDATE import_runs SET year = ?, rows_read = ?, rows_imported = ?, meta = ?, finished_at = ?
			 WHERE id = ?`,
			[
				year,
				this.rowsRead,
				this.rowsImported,
				meta ? JSON.stringify(meta) : null,
				new Date().toISOString(),
				this.runId
			]
		];
		if (this.thread) {
			const committed = await this.thread.commit([close]);
			this.inTransaction = false;
			if (committed) return this.report('imported', year, this.runId);
			// The writer says why (a refused row, a full disk) before it answers.
			if (this.issues.length === 0)
				this.issue(null, null, 'the import failed: nothing was written');
			return this.report('rejected', year, null);
		}
		this.sqlite.prepare(close[0]).run(close[1]);
		this.sqlite.exec('COMMIT');
		this.inTransaction = false;
		return this.report('imported', year, this.runId);
	}

	report(status: ImportStatus, year: number | null, runId: number | null): FileReport {
		const preview: FilePreview | undefined =
			this.options.sample === undefined
				? undefined
				: this.session
					? {
							sheet: this.sheetName,
							headerLine: this.headerLine,
							header: this.header,
							rows: this.sampled,
							complete: !this.sampleFull
						}
					: {
							// Nothing recognised: the first non-blank row is taken as the header to map.
							sheet: this.sheetName,
							headerLine: this.scannedRows[0]?.line ?? null,
							header: (this.scannedRows[0]?.cells ?? []).map((c) => c.trim()),
							rows: this.scannedRows.slice(1, PREVIEW_ROWS + 1),
							complete: false
						};
		return inWords(
			{
				header: this.session ? this.header : undefined,
				preview,
				file: this.fileName,
				source: this.adapter?.id ?? null,
				status,
				year,
				rowsRead: this.rowsRead,
				rowsImported: status === 'imported' ? this.rowsImported : 0,
				issues: inLineOrder(this.issues).slice(0, this.maxIssues),
				notes: this.notes,
				runId,
				sha256: this.info.sha256,
				overlaps: this.overlaps
			},
			this.options
		);
	}
}

/** Problems by line (file-wide ones, without a line, last), in the order found within a line. */
function inLineOrder(issues: Issue[]): Issue[] {
	return issues
		.map((issue, i) => ({ issue, i }))
		.sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || a.i - b.i)
		.map((x) => x.issue);
}

/** The report in the words of its reader: the data page's controls, or the CLI's options. */
function inWords(report: FileReport, options: ImportOptions): FileReport {
	if (options.audience !== 'browser') return report;
	return {
		...report,
		issues: report.issues.map((i) => ({ ...i, message: forBrowser(i.message) })),
		notes: report.notes.map(forBrowser)
	};
}

function mixedEncodingMessage(mixed: NonNullable<FileInfo['mixed']>): string {
	const byte = Buffer.from([mixed.byte]);
	const hex = mixed.byte.toString(16).toUpperCase().padStart(2, '0');
	// Streaming mode: Node's one-shot decode of this label reads the byte as Latin-1 (0x93 → U+0093).
	const asLatin = new TextDecoder('windows-1252').decode(byte, { stream: true });
	return (
		`the file mixes two text encodings: line ${mixed.utf8Line} holds UTF-8 text` +
		`, but line ${mixed.otherLine} holds the byte 0x${hex}, which is not UTF-8 (in Windows-1252 it would be ${JSON.stringify(asLatin)}). ` +
		'Read either way, part of the file would come out garbled: save the whole file as "CSV UTF-8" and import it again'
	);
}

/** The report of a file rejected as a whole, before any row was read. */
export function rejected(file: string, message: string, sha256: string | null = null): FileReport {
	return {
		file,
		source: null,
		status: 'rejected',
		year: null,
		rowsRead: 0,
		rowsImported: 0,
		issues: [{ line: null, column: null, message }],
		notes: [],
		runId: null,
		sha256,
		overlaps: []
	};
}

/** Whether this import's writes may run on a writer thread (when its adapter defers them). */
function mayWriteOnThread(sqlite: Sqlite, options: ImportOptions): boolean {
	return options.sample === undefined && options.writer !== 'inline' && canWriteOnThread(sqlite);
}

/** Where a writer thread's events go: the import that took it (none yet for a spare). */
type Relay = Pick<FileImport, 'refused' | 'writerFailed'>;

/** A writer thread started before its import knew it would need one; taken once `relay.to` is set. */
interface SpareWriter {
	thread: WriterThread;
	relay: { to: Relay | null };
}

function startWriter(sqlite: Sqlite, to: Relay): WriterThread {
	return new WriterThread(
		sqlite.name,
		{
			refused: (line, message) => to.refused(line, message),
			failed: (error) => to.writerFailed(error)
		},
		{
			maxPageCount: sqlite.pragma('max_page_count', { simple: true }) as number,
			busyTimeout: sqlite.pragma('busy_timeout', { simple: true }) as number
		}
	);
}

/**
 * Files this large start their writer thread before they are read through once (hash, encoding):
 * its start-up (Node, the driver, the connection: ~80 ms) then overlaps that read instead of
 * holding the first row back. Smaller files, most of them read by adapters that write inline,
 * start one only when their adapter asks.
 */
export const EARLY_WRITER_BYTES = 16 * 1024 * 1024;

function spareWriter(sqlite: Sqlite, path: string, options: ImportOptions): SpareWriter | null {
	if (!mayWriteOnThread(sqlite, options)) return null;
	let size: number;
	try {
		size = statSync(path).size;
	} catch {
		return null; // the read says why
	}
	if (size < EARLY_WRITER_BYTES) return null;
	const relay: { to: Relay | null } = { to: null };
	const thread = startWriter(sqlite, {
		refused: (line, message) => relay.to?.refused(line, message),
		writerFailed: (error) => relay.to?.writerFailed(error)
	});
	return { thread, relay };
}

export async function importFile(
	sqlite: Sqlite,
	path: string,
	options: ImportOptions = {}
): Promise<FileReport> {
	const spare = spareWriter(sqlite, path, options);
	try {
		return await importWith(sqlite, path, options, spare);
	} finally {
		// Not taken (the file was refused, skipped, or its adapter writes inline): stopped here.
		if (spare && !spare.relay.to) await spare.thread.rollback();
	}
}

async function importWith(
	sqlite: Sqlite,
	path: string,
	options: ImportOptions,
	spare: SpareWriter | null
): Promise<FileReport> {
	const fileName = options.fileName ?? basename(path);
	const progress = options.progress ?? { rows: 0, bytes: 0 };
	const heartbeat: Heartbeat = { beats: 0 };
	const stallMs = stallLimit(options);
	const moving = () => heartbeat.beats + progress.bytes + progress.rows;
	const stop = new AbortController();
	let info: FileInfo;
	try {
		info = await watchdog(inspectFile(path, heartbeat, stop.signal), moving, stallMs);
	} catch (e) {
		stop.abort();
		if (e instanceof StallError) return rejected(fileName, e.message);
		const code = (e as NodeJS.ErrnoException).code;
		return rejected(
			fileName,
			code === 'ENOENT' ? 'no such file' : `cannot read the file: ${(e as Error).message}`
		);
	}
	if (info.format === 'empty') return rejected(fileName, 'the file is empty', info.sha256);
	if (info.format === 'utf16') {
		return rejected(
			fileName,
			'the file is UTF-16 text; save it as "CSV UTF-8" (or plain UTF-8 text) and import it again',
			info.sha256
		);
	}
	if (info.format === 'pdf') {
		return rejected(
			fileName,
			'this is a PDF document: download the CSV or XLSX version of the table instead',
			info.sha256
		);
	}
	if (info.format === 'binary') {
		return rejected(
			fileName,
			'this is not a CSV, TSV or XLSX file: it holds binary data',
			info.sha256
		);
	}
	if (info.format === 'delimited' && info.mixed) {
		const report = rejected(fileName, mixedEncodingMessage(info.mixed), info.sha256);
		report.issues[0]!.line = info.mixed.otherLine;
		return report;
	}
	const earlier = sqlite
		.prepare('SELECT id, source, year FROM import_runs WHERE sha256 = ?')
		.get(info.sha256) as { id: number; source: string; year: number | null } | undefined;
	if (earlier) {
		return {
			file: fileName,
			source: earlier.source,
			status: 'skipped',
			year: earlier.year,
			rowsRead: 0,
			rowsImported: 0,
			issues: [],
			notes: [`already imported as run ${earlier.id} (same sha256)`],
			runId: earlier.id,
			sha256: info.sha256,
			overlaps: []
		};
	}

	const job = new FileImport(sqlite, fileName, info, { ...options, progress });
	job.spare = spare;
	if (info.format === 'delimited' && info.notUtf8Line !== undefined) {
		job.notes.push(
			`read as Windows-1252 text: the file is not UTF-8 (line ${info.notUtf8Line} has the first byte that is not)`
		);
	}
	const read = async () => {
		if (info.format === 'xlsx') {
			await readWorkbook(
				path,
				{
					sheet: (name) => {
						if (job.stopped) return null;
						if (!job.session) {
							job.scanned = 0; // still looking for the data sheet
							job.sheetName = name;
							return job.rows;
						}
						return job.session.extraSheet?.(name) ?? null;
					}
				},
				progress,
				heartbeat
			);
		} else {
			await readDelimited(path, info.encoding, job.rows, progress, stop.signal);
		}
	};
	try {
		await watchdog(read(), moving, stallMs);
	} catch (e) {
		// Whatever the reader still delivers after this is dropped.
		job.stopped = true;
		stop.abort();
		await job.rollback();
		const failure = databaseFailure(e);
		if (failure) job.issue(null, null, failure);
		else if (e instanceof StallError || e instanceof WorkbookError) {
			job.issue(
				null,
				null,
				e instanceof WorkbookError ? `cannot read this XLSX workbook: ${e.message}` : e.message
			);
		} else if (e instanceof ReadError) job.issue(e.line, e.column, e.message);
		else if (e instanceof ImportError) job.issue(e.line, e.column, e.message);
		else if (info.format === 'xlsx' && !job.session) {
			job.issue(
				null,
				null,
				`cannot read this XLSX workbook (it may be truncated or damaged): ${(e as Error).message}`
			);
		} else {
			job.issue(null, null, `the import failed: ${(e as Error).message}`);
		}
		return job.report('rejected', job.session?.year ?? null, null);
	}
	try {
		return await job.finish();
	} catch (e) {
		await job.rollback();
		job.issue(null, null, databaseFailure(e) ?? `the import failed: ${(e as Error).message}`);
		return job.report('rejected', null, null);
	}
}

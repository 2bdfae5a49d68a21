/** The contract every source adapter follows: detect a header row, then parse and write rows. */
import type Database from 'better-sqlite3';
import type { Overlap } from '../oews-coverage';
import type { RowSink } from '../rows';
import type { Writes } from '../writes';

export interface Issue {
	/** 1-based line (or XLSX row); null when the problem is with the file as a whole. */
	line: number | null;
	/** 1-based column; null when the problem is with the whole row or file. */
	column: number | null;
	message: string;
}

/** Reports a problem on the current row; `column` is the 0-based index of the cell, or null. */
export type IssueSink = (column: number | null, message: string) => void;

export interface DetectContext {
	sheet: string | null;
	fileName: string;
}

export interface OpenContext {
	/**
	 * The database: for reading reference data, and for writing when the adapter does not set
	 * `deferredWrites`. An adapter that sets it must write only through `writes`.
	 */
	sqlite: Database.Database;
	/** Row writes whose results the adapter does not read (see writes.ts). */
	writes: Writes;
	runId: number;
	fileName: string;
	/** Header cells as written in the file. */
	header: string[];
	/** Header cells normalised by `headerKey`. */
	keys: string[];
	/** Year given by the user (`--year`) or read from the file name. */
	year: number | null;
	/** Non-fatal remarks for the import report. */
	notes: string[];
	/** The workbook sheet the header was found on (null for delimited text). */
	sheet: string | null;
	/** 1-based line of the header row. */
	headerLine: number;
	/** The user chose to replace figures the database already holds for the same area and year. */
	replace: boolean;
	/** Where the file met figures already held (filled by adapters that track coverage). */
	overlaps: Overlap[];
}

export interface AdapterSession {
	/** The reference year of the data, once known. */
	readonly year: number | null;
	/**
	 * Parses one data row, reporting problems through `issue`. Writes it only when `write` is true
	 * (once a file has an error the loader keeps validating but stops writing).
	 */
	row(cells: string[], line: number, issue: IssueSink, write: boolean): 'imported' | 'skipped';
	/** Other sheets of the same workbook (e.g. OEWS Field Descriptions); null to ignore one. */
	extraSheet?(name: string): RowSink | null;
	/** End of file: last checks, and facts about the file to keep with its import run. */
	finish(issue: IssueSink): { meta?: Record<string, unknown> };
}

export interface SourceAdapter {
	id: string;
	title: string;
	publisher: string;
	/** Header names the adapter needs (case and spacing do not matter). */
	required: string[];
	/** Header names it reads when present. */
	optional: string[];
	/**
	 * The adapter writes only through `ctx.writes` and never reads back what this file wrote, so
	 * the loader may run its writes on a writer thread while it reads the next rows.
	 */
	deferredWrites?: boolean;
	/**
	 * True when a normalised header row (see `headerKey`) is this source's. `where` tells the
	 * workbook sheet (null for delimited text) and the file name, for sources whose header alone
	 * is ambiguous (e.g. BLS EP Table 1.1 and 1.2 share a header).
	 */
	detect(keys: string[], where: DetectContext): boolean;
	/** Starts reading a file; throws an ImportError when the file cannot be read as this source. */
	open(ctx: OpenContext): AdapterSession;
}

/** A problem with the file as a whole (line/column optional). */
export class ImportError extends Error {
	constructor(
		message: string,
		readonly line: number | null = null,
		readonly column: number | null = null
	) {
		super(message);
	}
}

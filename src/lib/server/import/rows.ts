/** What the file readers hand to the loader: one row of cells at a time, with where it came from. */

export interface RowPlace {
	/** 1-based line (delimited text) or row number (XLSX sheet). */
	line: number;
}

/**
 * Receives rows in file order. Returning `false` stops the read early (used once the loader has
 * seen enough errors to report).
 */
export type RowSink = (cells: string[], line: number) => boolean | void;

export interface SheetSink {
	/** Called when a new sheet starts (XLSX only; delimited files are one unnamed sheet). */
	sheet(name: string): RowSink | null;
}

export class ReadError extends Error {
	constructor(
		message: string,
		readonly line: number,
		readonly column: number | null = null
	) {
		super(message);
	}
}

/** No public source has cells this long; a longer one is a broken file (e.g. a lost quote). */
export const MAX_CELL_CHARS = 100_000;
/**
 * The same limit on the bytes as they arrive, before any text is made of them: 4 bytes a
 * character covers any UTF-8 text (and doubled quotes), so no cell within MAX_CELL_CHARS trips it.
 */
export const MAX_CELL_BYTES = 4 * MAX_CELL_CHARS;
/** One row (a CSV record, a worksheet's `<row>` element): a real row is a few KB. */
export const MAX_ROW_BYTES = 4 * 1024 * 1024;

/** Counts anything that shows an import is still moving (chunks hashed, parts inflated). */
export interface Heartbeat {
	beats: number;
}

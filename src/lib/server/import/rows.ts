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

/**
 * What the loader's thread and the writer thread say to each other (`writes.ts` sends,
 * `writer-program.ts` answers). Types only: the writer's program is compiled to a string that
 * imports nothing of ours, so nothing here may exist at run time.
 *
 * Shared state (`WriterData.state`, two Int32 slots): slot 0 counts `rows` messages sent and not
 * yet written (the sender waits at MAX_IN_FLIGHT); slot 1 is set to 1 when `begin`'s answer is on
 * the `reply` port (the sender waits on it synchronously).
 */
import type { MessagePort } from 'node:worker_threads';

/** A database error as it crosses threads: SQLite's code and message. */
export interface WriteError {
	code: string | null;
	message: string;
}

/** Given to the thread when it starts. */
export interface WriterData {
	/** Where better-sqlite3 is loaded from (an absolute path). */
	driver: string;
	/** Rows a plain INSERT writes per statement. */
	rows: number;
	maxPageCount: number | null;
	busyTimeout: number;
	/** The database file. */
	path: string;
	state: SharedArrayBuffer;
	/** Where `begin` is answered (read synchronously with receiveMessageOnPort). */
	reply: MessagePort;
}

/**
 * Rows packed by `Batch`: per row its statement id, line (−1 for none) and parameter count in
 * `nums`, then its parameters; tag 1 = a number in `nums`, 2 = the next of `strings`, 0 = NULL.
 */
export interface RowsMessage {
	type: 'rows';
	length: number;
	tags: ArrayBuffer;
	nums: ArrayBuffer;
	strings: string[];
}

export type ToWriter =
	/** BEGIN IMMEDIATE and the import run's INSERT; answered on `reply` (`BeginAnswer`). */
	| { type: 'begin'; sql: string; params: unknown[] }
	/** Statement `id`, and its many-rows form (null when it has none). */
	| { type: 'prepare'; id: number; sql: string; multi: string | null }
	| RowsMessage
	| { type: 'drain' }
	/** Runs `final` ([sql, params] pairs) then COMMIT. */
	| { type: 'commit'; final: [string, unknown[]][] }
	| { type: 'rollback' };

export type BeginAnswer = { ok: true; id: number } | { ok: false; error: WriteError };

export type FromWriter =
	/** A row the database refused (constraint): the file stops here. */
	| { type: 'refused'; id: number; line: number | null; params: unknown[]; error: WriteError }
	/** Any other database failure: nothing more is written. */
	| { type: 'failed'; error: WriteError }
	| { type: 'drained' }
	| { type: 'done'; committed: boolean };

/**
 * Where an adapter's row writes go. An adapter that opts in (`SourceAdapter.deferredWrites`)
 * never reads a write's result: it hands parameters to `ctx.writes.prepare(sql).run(params)`,
 * and the loader decides where they run:
 *
 * - `InlineWrites`: at once, on the loader's own connection and transaction (dry runs, in-memory
 *   databases, adapters that did not opt in);
 * - `WriterThread`: on a worker thread that owns a second connection to the same database file
 *   and the file's whole transaction, while this thread goes on reading and checking rows. The
 *   two halves of an import (parsing and validating; binding and inserting) then use both cores.
 *
 * Either way the database ends the same: every write of a file in one transaction, committed only
 * when the file has no problem, and a row the database refuses (a duplicate key) is reported on
 * its line with the adapter's own message.
 */
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import {
	MessageChannel,
	Worker,
	receiveMessageOnPort,
	type MessagePort
} from 'node:worker_threads';
import { WRITER_SOURCE } from './writer-program.generated';
import type {
	BeginAnswer,
	FromWriter,
	RowsMessage,
	ToWriter,
	WriteError,
	WriterData
} from './writer-protocol';

/** Describes a row the database refused because of a constraint (e.g. a duplicate key). */
export type ConflictMessage = (params: readonly unknown[]) => string;

export interface DeferredStatement {
	/** Queues or runs the write; what it needs of `params` is copied before it returns. */
	run(params: readonly unknown[]): void;
}

export interface Writes {
	/** The line being read: a refused write is reported on it. */
	line: number | null;
	prepare(sql: string, conflict?: ConflictMessage): DeferredStatement;
}

export type { WriteError };

export class DatabaseError extends Error {
	constructor(
		message: string,
		readonly code: string | null
	) {
		super(message);
	}
}

/** The writer thread could not start (no driver in the thread, say): write inline instead. */
export class WriterUnavailable extends Error {}

function isConstraint(code: unknown): boolean {
	return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/** The issue text for a row the database refused. */
function refusal(conflict: ConflictMessage | undefined, params: readonly unknown[], e: WriteError) {
	if (conflict && /PRIMARYKEY|UNIQUE/.test(e.code ?? '')) return conflict(params);
	return `the database refused this row (${e.message})`;
}

type Refused = (line: number | null, message: string) => void;

/** Writes at once on the loader's connection, inside its transaction. */
export class InlineWrites implements Writes {
	line: number | null = null;

	constructor(
		private readonly sqlite: Database.Database,
		private readonly refused: Refused
	) {}

	prepare(sql: string, conflict?: ConflictMessage): DeferredStatement {
		const statement = this.sqlite.prepare(sql);
		return {
			run: (params) => {
				try {
					statement.run(params as unknown[]);
				} catch (e) {
					const code = (e as { code?: unknown }).code;
					if (!isConstraint(code)) throw e;
					const error = { code: code as string, message: (e as Error).message };
					this.refused(this.line, refusal(conflict, params, error));
				}
			}
		};
	}
}

/** Slots per message to the writer (about 1,000 OEWS rows). */
const BATCH_VALUES = 48_000;
/** The longest row a statement may have. */
const MAX_PARAMS = 999;
/** Rows of a plain INSERT written by one statement (fewer calls into SQLite: ~40% less time). */
const ROWS_PER_STATEMENT = 8;

/**
 * `INSERT INTO t (a, b) VALUES (?, ?)` as one statement for `rows` rows, or null for a statement
 * of another shape (an upsert, an UPDATE), which is run row by row.
 */
export function manyRows(sql: string, rows: number): string | null {
	const m = /^(\s*INSERT\s+INTO\s+[^;]*?\bVALUES\s*)(\(\s*\?(?:\s*,\s*\?)*\s*\))\s*$/i.exec(sql);
	if (!m) return null;
	return m[1] + Array(rows).fill(m[2]).join(', ');
}
/** Messages sent and not yet written; the sender waits beyond this (memory stays flat). */
const MAX_IN_FLIGHT = 4;
/** How long a synchronous call may wait for the writer (opening, BEGIN with its busy timeout). */
const CALL_TIMEOUT_MS = 60_000;

/**
 * Rows on their way to the writer, packed so that sending them costs little: per row its
 * statement id, line (−1 for none) and parameter count, then the parameters; a number is kept in
 * `nums`, a string in `strings` (in order), NULL as a tag alone. The two typed arrays are handed
 * over to the writer thread, not copied.
 */
class Batch {
	readonly tags = new Uint8Array(BATCH_VALUES + MAX_PARAMS + 3);
	readonly nums = new Float64Array(BATCH_VALUES + MAX_PARAMS + 3);
	readonly strings: string[] = [];
	length = 0;

	add(id: number, line: number | null, params: readonly unknown[]) {
		const { tags, nums, strings } = this;
		const stringsBefore = strings.length;
		let i = this.length;
		nums[i] = id;
		nums[i + 1] = line ?? -1;
		nums[i + 2] = params.length;
		i += 3;
		for (let k = 0; k < params.length; k++, i++) {
			const v = params[k];
			if (typeof v === 'number') {
				tags[i] = 1;
				nums[i] = v;
			} else if (typeof v === 'string') {
				tags[i] = 2;
				strings.push(v);
			} else if (v === null || v === undefined) {
				tags[i] = 0;
			} else {
				// Nothing of the row stays in the batch (a caller that goes on must not shift the
				// strings of the rows after it).
				strings.length = stringsBefore;
				throw new TypeError(`a ${typeof v} cannot be written as a parameter`);
			}
		}
		this.length = i;
	}
}

export interface WriterOptions {
	/** The importing connection's page limit (PRAGMA max_page_count), kept by the writer. */
	maxPageCount?: number;
	/**
	 * How long BEGIN may wait for another writer, in ms: the importing connection's, since this
	 * thread waits for the writer's answer (the server's 250 ms keeps its pages answering).
	 */
	busyTimeout?: number;
	/** Where the thread loads better-sqlite3 from (default: where this module finds it). */
	driver?: string;
}

export interface WriterEvents {
	/** A row the database refused (constraint): its line and the adapter's message. */
	refused: Refused;
	/** The database failed (full disk, I/O error, …): nothing more will be written. */
	failed: (error: WriteError) => void;
}

/**
 * The file's transaction on a worker thread. `begin` is synchronous (the adapter needs the run id
 * before its first row); rows are sent in batches of plain values; the sender blocks only when
 * MAX_IN_FLIGHT batches wait, which keeps memory flat whatever the file size.
 */
export class WriterThread implements Writes {
	/** Threads started so far in this process (tests check which path an import took). */
	static started = 0;
	/** Threads started and not yet exited (tests check that none is left behind). */
	static live = 0;
	line: number | null = null;
	private readonly worker: Worker;
	private readonly replies: MessagePort;
	private readonly state: Int32Array;
	private readonly conflicts: (ConflictMessage | undefined)[] = [];
	private batch = new Batch();
	private waiting: ((message: FromWriter) => void) | null = null;
	private ended = false;
	private exited = false;

	constructor(path: string, events: WriterEvents, options: WriterOptions = {}) {
		WriterThread.started++;
		WriterThread.live++;
		const channel = new MessageChannel();
		this.replies = channel.port2;
		const shared = new SharedArrayBuffer(8);
		this.state = new Int32Array(shared);
		const workerData: WriterData = {
			driver: options.driver ?? createRequire(import.meta.url).resolve('better-sqlite3'),
			rows: ROWS_PER_STATEMENT,
			maxPageCount: options.maxPageCount ?? null,
			busyTimeout: options.busyTimeout ?? 5000,
			path,
			state: shared,
			reply: channel.port1
		};
		this.worker = new Worker(WRITER_SOURCE, {
			eval: true,
			// Compiled JavaScript (writer-program.ts): no loader (tsx, Vitest) starts in the thread.
			execArgv: [],
			workerData,
			transferList: [channel.port1]
		});
		this.worker.on('message', (m: FromWriter) => {
			if (m.type === 'refused') {
				events.refused(m.line, refusal(this.conflicts[m.id], m.params, m.error));
			} else if (m.type === 'failed') {
				events.failed(m.error as WriteError);
			} else if (this.waiting) {
				const resolve = this.waiting;
				this.waiting = null;
				resolve(m);
			}
		});
		this.worker.on('error', (e) => {
			events.failed({ code: null, message: e.message });
			this.settle();
		});
		this.worker.on('exit', () => {
			WriterThread.live--;
			this.exited = true;
			this.settle();
		});
	}

	private settle() {
		if (!this.waiting) return;
		const resolve = this.waiting;
		this.waiting = null;
		resolve({ type: 'done', committed: false });
	}

	/** BEGIN IMMEDIATE and the first statement (the import run); returns its row id. */
	begin(sql: string, params: unknown[]): number {
		Atomics.store(this.state, 1, 0);
		this.send({ type: 'begin', sql, params });
		const outcome = Atomics.wait(this.state, 1, 0, CALL_TIMEOUT_MS);
		const answer = receiveMessageOnPort(this.replies)?.message as BeginAnswer | undefined;
		if (!answer) {
			// Timed out: the thread may still take the lock later, so no other writer may start.
			if (outcome === 'timed-out') {
				throw new DatabaseError('the database writer did not start in time', null);
			}
			throw new WriterUnavailable('the database writer stopped');
		}
		if (!answer.ok) {
			// An SQLite error is the database's (busy, read-only, …); anything else is the thread's.
			if (answer.error.code?.startsWith('SQLITE_')) {
				throw new DatabaseError(answer.error.message, answer.error.code);
			}
			throw new WriterUnavailable(answer.error.message);
		}
		return answer.id;
	}

	prepare(sql: string, conflict?: ConflictMessage): DeferredStatement {
		const id = this.conflicts.length;
		this.conflicts.push(conflict);
		this.flush();
		this.send({ type: 'prepare', id, sql, multi: manyRows(sql, ROWS_PER_STATEMENT) });
		return {
			run: (params) => {
				if (params.length > MAX_PARAMS)
					throw new RangeError(`too many parameters (${params.length})`);
				this.batch.add(id, this.line, params);
				if (this.batch.length >= BATCH_VALUES) this.flush();
			}
		};
	}

	/** Sends the rows queued so far; waits while the writer is MAX_IN_FLIGHT batches behind. */
	private flush() {
		if (this.batch.length === 0 || this.exited) return;
		const batch = this.batch;
		this.batch = new Batch();
		const since = Date.now();
		let queued: number;
		while ((queued = Atomics.load(this.state, 0)) >= MAX_IN_FLIGHT) {
			// One batch takes milliseconds; a writer silent this long has stopped (its thread died).
			if (Date.now() - since > CALL_TIMEOUT_MS) {
				throw new DatabaseError('the database writer stopped', null);
			}
			Atomics.wait(this.state, 0, queued, 1000);
		}
		Atomics.add(this.state, 0, 1);
		const rows: RowsMessage = {
			type: 'rows',
			length: batch.length,
			tags: batch.tags.buffer,
			nums: batch.nums.buffer,
			strings: batch.strings
		};
		this.send(rows, [batch.tags.buffer, batch.nums.buffer]);
	}

	/** Every message to the thread goes through here, checked against the protocol. */
	private send(message: ToWriter, transfer?: ArrayBuffer[]) {
		this.worker.postMessage(message, transfer);
	}

	private request(message: ToWriter): Promise<FromWriter> {
		return new Promise((resolve) => {
			if (this.exited) {
				resolve({ type: 'done', committed: false });
				return;
			}
			this.waiting = resolve;
			this.send(message);
		});
	}

	/** Resolves once every row sent so far was written or refused (refusals reported first). */
	async drain(): Promise<void> {
		this.flush();
		await this.request({ type: 'drain' });
	}

	/** Runs `final` and COMMITs; false when a row was refused or the database failed (rolled back). */
	async commit(final: [string, unknown[]][]): Promise<boolean> {
		this.flush();
		const answer = await this.request({ type: 'commit', final });
		await this.end();
		return answer.type === 'done' && answer.committed;
	}

	async rollback(): Promise<void> {
		if (this.ended) return;
		this.batch = new Batch();
		await this.request({ type: 'rollback' });
		await this.end();
	}

	private async end() {
		this.ended = true;
		this.replies.close();
		await this.worker.terminate();
	}
}

/** True when imports into this connection can write on a writer thread (a file, not read-only). */
export function canWriteOnThread(sqlite: Database.Database): boolean {
	return !sqlite.memory && !sqlite.readonly && sqlite.name !== '' && !sqlite.inTransaction;
}

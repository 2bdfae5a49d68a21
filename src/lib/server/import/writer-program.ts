/**
 * The writer thread's program (see `writes.ts`): it owns a second connection to the database file
 * and the file's whole transaction, and writes the rows the loader's thread sends.
 *
 * It never runs from this file. `npm run gen:writer` compiles it to CommonJS text in
 * `writer-program.generated.ts`, which `writes.ts` starts with `new Worker(…, { eval: true })`:
 * the same under tsx, Vitest and the built server, with no file to bundle and no loader in the
 * thread. So it may import only Node's own modules at run time (types are erased), and
 * `tests/unit/server/writer-program.test.ts` fails when the generated copy is stale.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type * as Protocol from './writer-protocol';

type Statement = BetterSqlite3.Statement<unknown[]>;

const data = workerData as Protocol.WriterData;
if (!parentPort) throw new Error('the writer program runs only on a worker thread');
const port = parentPort;
const state = new Int32Array(data.state);
const ROWS = data.rows;
const statements: Statement[] = [];
/** Per statement: its many-rows form (null when it has none), rows waiting for it, their lines. */
const multi: (Statement | null)[] = [];
const waiting: unknown[][] = [];
const waitingLines: (number | null)[][] = [];
const scratch: unknown[][] = [];
let db: BetterSqlite3.Database | null = null;
let openError: Protocol.WriteError | null = null;
let failed = false;

function errorOf(e: unknown): Protocol.WriteError {
	const code = (e as { code?: unknown } | null)?.code;
	const message = (e as { message?: unknown } | null)?.message;
	return { code: typeof code === 'string' ? code : null, message: String(message || e) };
}

try {
	// The driver's own path: it resolves from there, wherever this text is evaluated.
	const Database = createRequire(data.driver)(data.driver) as typeof BetterSqlite3;
	db = new Database(data.path, { fileMustExist: true });
	db.pragma('busy_timeout = ' + Number(data.busyTimeout));
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	if (data.maxPageCount) db.pragma('max_page_count = ' + Number(data.maxPageCount));
} catch (e) {
	openError = errorOf(e);
}

function post(message: Protocol.FromWriter) {
	port.postMessage(message);
}

function answer(message: Protocol.BeginAnswer) {
	data.reply.postMessage(message);
	Atomics.store(state, 1, 1);
	Atomics.notify(state, 1);
}

function fail(e: unknown): false {
	failed = true;
	post({ type: 'failed', error: errorOf(e) });
	return false;
}

function isConstraint(e: unknown): boolean {
	const code = (e as { code?: unknown } | null)?.code;
	return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/** Runs one row; a row refused (constraint) is reported with its line; either way the file stops. */
function runOne(id: number, line: number | null, params: unknown[]): boolean {
	try {
		statements[id]!.run(params);
		return true;
	} catch (e) {
		if (!isConstraint(e)) return fail(e);
		failed = true;
		post({ type: 'refused', id, line, params: params.slice(), error: errorOf(e) });
		return false;
	}
}

/** Writes the rows waiting for statement id: ROWS at a time in one statement, or one by one. */
function flushWaiting(id: number): boolean {
	const values = waiting[id];
	const lines = waitingLines[id]!;
	if (!values || lines.length === 0) return true;
	const count = values.length / ROWS;
	if (lines.length === ROWS) {
		try {
			multi[id]!.run(values);
			lines.length = 0;
			return true;
		} catch (e) {
			// One statement for all: nothing of it was written. Row by row finds the one refused.
			if (!isConstraint(e)) return fail(e);
		}
	}
	for (let r = 0; r < lines.length; r++) {
		if (!runOne(id, lines[r]!, values.slice(r * count, (r + 1) * count))) return false;
	}
	lines.length = 0;
	return true;
}

function runRows(m: Protocol.RowsMessage) {
	const tags = new Uint8Array(m.tags);
	const nums = new Float64Array(m.nums);
	const strings = m.strings;
	const n = m.length;
	let s = 0;
	/** The parameter in a slot (strings are taken in order). */
	const value = (slot: number) =>
		tags[slot] === 1 ? nums[slot] : tags[slot] === 2 ? strings[s++] : null;
	let i = 0;
	let last = -1;
	while (i < n) {
		const id = nums[i]!;
		const line = nums[i + 1]! < 0 ? null : nums[i + 1]!;
		const count = nums[i + 2]!;
		const start = i + 3;
		i = start + count;
		if (id !== last && last >= 0 && !flushWaiting(last)) return;
		last = id;
		if (multi[id]) {
			// Gathered into one statement of ROWS rows: one call and one step instead of ROWS.
			let values = waiting[id];
			const lines = waitingLines[id]!;
			if (values === undefined || values.length !== count * ROWS)
				values = waiting[id] = new Array<unknown>(count * ROWS);
			const at = lines.length * count;
			for (let k = 0; k < count; k++) values[at + k] = value(start + k);
			lines.push(line);
			if (lines.length === ROWS && !flushWaiting(id)) return;
			continue;
		}
		let params = scratch[id];
		if (params === undefined || params.length !== count)
			params = scratch[id] = new Array<unknown>(count);
		for (let k = 0; k < count; k++) params[k] = value(start + k);
		if (!runOne(id, line, params)) return;
	}
	if (last >= 0) flushWaiting(last);
}

function rollback() {
	try {
		if (db?.inTransaction) db.exec('ROLLBACK');
	} catch {
		// SQLite may have rolled back by itself (SQLITE_FULL, SQLITE_IOERR).
	}
}

function close() {
	rollback();
	try {
		db?.close();
	} catch {
		// closing is best effort: the thread ends next
	}
	db = null;
}

function handle(m: Protocol.ToWriter) {
	switch (m.type) {
		case 'begin':
			try {
				if (openError) throw Object.assign(new Error(openError.message), { code: openError.code });
				db!.exec('BEGIN IMMEDIATE');
				const result = db!.prepare(m.sql).run(m.params);
				answer({ ok: true, id: Number(result.lastInsertRowid) });
			} catch (e) {
				rollback();
				answer({ ok: false, error: errorOf(e) });
			}
			break;
		case 'prepare':
			if (failed) break;
			statements[m.id] = db!.prepare(m.sql);
			multi[m.id] = m.multi ? db!.prepare(m.multi) : null;
			waitingLines[m.id] = [];
			break;
		case 'rows':
			if (!failed) runRows(m);
			break;
		case 'drain':
			post({ type: 'drained' });
			break;
		case 'commit':
			try {
				for (const [sql, params] of m.final) {
					if (failed) break;
					db!.prepare(sql).run(params);
				}
				if (!failed) db!.exec('COMMIT');
			} catch (e) {
				fail(e);
			}
			close();
			post({ type: 'done', committed: !failed });
			break;
		case 'rollback':
			close();
			post({ type: 'done', committed: false });
			break;
	}
}

port.on('message', (m: Protocol.ToWriter) => {
	try {
		handle(m);
	} catch (e) {
		fail(e);
	} finally {
		// A batch is acknowledged whatever happened to it, so the sender never waits for nothing.
		if (m.type === 'rows') {
			Atomics.sub(state, 0, 1);
			Atomics.notify(state, 0);
		}
	}
});

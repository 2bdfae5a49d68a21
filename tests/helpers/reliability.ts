/**
 * Fault-injection helpers: run `scripts/import.ts` as a child that reports the phase it has
 * reached, and SIGKILL it wherever a test chooses.
 *
 * The same file is also loaded INSIDE that child (`tsx --import tests/helpers/reliability.ts`,
 * with PHASE_ENV set). There it only observes: it wraps `fs.createReadStream` and better-sqlite3's
 * `exec`/`close` to write one `@phase` line to stderr (synchronously, so a line written before the
 * kill is never lost) at each step of an import. It changes nothing the import does, so a test can
 * say afterwards exactly which step a kill interrupted. Node built-ins only at the top level, so
 * loading it into the child costs nothing measurable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join, resolve } from 'node:path';

export const PHASE_ENV = 'RLM_RELIABILITY_PHASES';
const MARK = '@phase';
const HERE = 'tests/helpers/reliability.ts';
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

/**
 * The steps of one import, in the order the child reports them. `sha256` is the pre-pass over the
 * file (file-info.ts), `parse` the second read that feeds the rows into the open transaction.
 */
export const PHASES = [
	'sha256',
	'sha256-done',
	'parse',
	'begin',
	'parse-done',
	'commit',
	'committed',
	'rollback',
	'close',
	'closed',
	'exit'
] as const;
export type PhaseName = (typeof PHASES)[number];

export interface Phase {
	name: PhaseName;
	/** `performance.now()` in the child when it wrote the line. */
	childMs: number;
	/** Milliseconds since spawn when the parent read the line. */
	parentMs: number;
}

/**
 * Wraps `proto.exec` (better-sqlite3's Database.prototype) to `mark` BEGIN, COMMIT and ROLLBACK.
 * JavaScript source, run on the main thread and prepended to the writer thread's program.
 */
const MARK_TRANSACTIONS = `
	const exec = proto.exec;
	proto.exec = function (sql) {
		const verb = sql.trim().toUpperCase();
		if (verb === 'COMMIT') mark('commit');
		const result = exec.call(this, sql);
		if (verb === 'BEGIN IMMEDIATE') mark('begin');
		else if (verb === 'COMMIT') mark('committed');
		else if (verb === 'ROLLBACK') mark('rollback');
		return result;
	};`;

if (process.env[PHASE_ENV] === '1') installPhaseMarks();

function installPhaseMarks(): void {
	const require = createRequire(import.meta.url);
	const fs = require('node:fs') as typeof import('node:fs');
	const mark = (name: PhaseName) =>
		fs.writeSync(2, `${MARK} ${performance.now().toFixed(1)} ${name}\n`);
	// The CLI's last argument is the file being imported; only its reads are phases.
	const target = resolve(process.argv.at(-1) ?? '');
	const reads: [PhaseName, PhaseName][] = [
		['sha256', 'sha256-done'],
		['parse', 'parse-done']
	];
	const createReadStream = fs.createReadStream;
	fs.createReadStream = ((...args: Parameters<typeof createReadStream>) => {
		const stream = createReadStream(...args);
		const [path] = args;
		if (typeof path === 'string' && resolve(path) === target) {
			const names = reads.shift();
			if (names) {
				mark(names[0]);
				stream.once('close', () => mark(names[1]));
			}
		}
		return stream;
	}) as typeof createReadStream;
	// load.ts and csv.ts import these as ESM named bindings; this updates those bindings.
	syncBuiltinESMExports();

	const Database = require('better-sqlite3') as typeof import('better-sqlite3');
	const proto = Database.prototype;
	new Function('proto', 'mark', MARK_TRANSACTIONS)(proto, mark);
	const close = proto.close;
	proto.close = function (this: typeof proto) {
		mark('close');
		const result = close.call(this);
		mark('closed');
		return result;
	};
	process.once('exit', () => mark('exit'));

	// Imports of the large sources write on a writer thread (import/writes.ts), which loads its
	// own copy of better-sqlite3: the same marks for BEGIN/COMMIT/ROLLBACK there, prepended to the
	// thread's program.
	const threads = require('node:worker_threads') as typeof import('node:worker_threads');
	const Worker = threads.Worker;
	const inThread = `{
		const { workerData } = require('node:worker_threads');
		const fs = require('node:fs');
		// on the main thread's clock (a thread's performance.now() starts at the thread's start)
		const now = () => performance.timeOrigin + performance.now() - ${performance.timeOrigin};
		const mark = (name) => fs.writeSync(2, '${MARK} ' + now().toFixed(1) + ' ' + name + '\\n');
		const proto = require(workerData.driver).prototype;
		${MARK_TRANSACTIONS}
	}\n`;
	threads.Worker = class extends Worker {
		constructor(code: string | URL, options?: import('node:worker_threads').WorkerOptions) {
			super(options?.eval && typeof code === 'string' ? inThread + code : code, options);
		}
	} as typeof Worker;
	syncBuiltinESMExports();
}

export interface ImportChild {
	child: ChildProcess;
	/** Phases the child reported so far (all of them once `exited` has resolved). */
	phases: Phase[];
	/** Resolves when the child reports `name`; rejects if it exits first. */
	reached(name: PhaseName): Promise<Phase>;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
	/** SIGKILLs the whole process group now; returns milliseconds since spawn. */
	kill(): number;
	ms(): number;
	stdout(): string;
	stderr(): string;
}

/**
 * Starts `tsx scripts/import.ts --db DB FILE` with the phase marks. It runs in its own process
 * group: tsx's CLI is a wrapper that spawns a second node process to run the script, and a
 * SIGKILL sent to the wrapper alone leaves that importer running to the end.
 */
export function spawnImport(db: string, file: string): ImportChild {
	const started = performance.now();
	const ms = () => Math.round(performance.now() - started);
	const child = spawn(TSX, ['--import', `./${HERE}`, 'scripts/import.ts', '--db', db, file], {
		env: { ...process.env, [PHASE_ENV]: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	const phases: Phase[] = [];
	const waiting = new Map<PhaseName, ((p: Phase) => void)[]>();
	let out = '';
	let err = '';
	let pending = '';
	child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
	child.stderr!.setEncoding('utf8').on('data', (d: string) => {
		pending += d;
		let nl = pending.indexOf('\n');
		while (nl >= 0) {
			const line = pending.slice(0, nl);
			pending = pending.slice(nl + 1);
			nl = pending.indexOf('\n');
			const m = /^@phase (\S+) (\S+)$/.exec(line);
			if (!m) {
				err += line + '\n';
				continue;
			}
			const phase: Phase = { name: m[2] as PhaseName, childMs: Number(m[1]), parentMs: ms() };
			phases.push(phase);
			for (const resolveWait of waiting.get(phase.name) ?? []) resolveWait(phase);
			waiting.delete(phase.name);
		}
	});
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>(
		(resolveExit) => {
			child.once('close', (code, signal) => resolveExit({ code, signal, ms: ms() }));
		}
	);
	return {
		child,
		phases,
		exited,
		ms,
		stdout: () => out,
		stderr: () => err + pending,
		reached(name) {
			const seen = phases.find((p) => p.name === name);
			if (seen) return Promise.resolve(seen);
			return new Promise((resolveWait, reject) => {
				waiting.set(name, [...(waiting.get(name) ?? []), resolveWait]);
				void exited.then(() => reject(new Error(`the import exited before "${name}"`)));
			});
		},
		kill() {
			const at = ms();
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch (e) {
				// Already gone (it finished before the kill): the test reads that from the phases.
				if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
			}
			return at;
		}
	};
}

/** Small seeded generator, so a failing trial can be replayed with the same kill times. */
export function seededRandom(seed: number): () => number {
	let s = seed | 0;
	return () => {
		s = (s + 0x6d2b79f5) | 0;
		let t = Math.imul(s ^ (s >>> 15), 1 | s);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** SQLite's files for a database: the file itself and, in WAL mode, its -wal and -shm. */
export function dbFiles(path: string): string[] {
	return [path, `${path}-wal`, `${path}-shm`];
}

/** Byte sizes of the database, -wal and -shm files (0 when absent). */
export function dbFileSizes(path: string): { db: number; wal: number; shm: number } {
	const [db, wal, shm] = dbFiles(path).map((p) => (existsSync(p) ? statSync(p).size : 0));
	return { db: db!, wal: wal!, shm: shm! };
}

/**
 * Copies a database as a crashed process left it (file, -wal, -shm), so it can be opened by a
 * checker while the original stays untouched for the next process to recover.
 */
export function copyDb(from: string, to: string): void {
	dbFiles(from).forEach((src, i) => {
		if (existsSync(src)) copyFileSync(src, dbFiles(to)[i]!);
	});
}

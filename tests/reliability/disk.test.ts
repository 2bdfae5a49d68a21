/**
 * A database that cannot be written, and a disk that fills up mid-import: the import is refused,
 * nothing is lost, and the database stays readable (and, once there is room, importable).
 *
 * - Read-only: better-sqlite3's `readonly` open option in-process; and the CLI run as an
 *   unprivileged user against a 0444 file in a 0555 folder (as root, permissions stop nothing).
 * - Full: `PRAGMA max_page_count` on the importing connection (SQLITE_FULL while rows are
 *   inserted); and the CLI writing to a 2 MB tmpfs mounted in a private mount namespace (a real
 *   ENOSPC, hit when COMMIT writes the WAL). The OS-level cases need root and are skipped without.
 *
 * Four of these found bugs (a full disk made importFile throw; an unwritable database was blamed
 * on the workbook; the CLI crashed): fixed in load.ts and scripts/import.ts, see docs/RELIABILITY.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOewsCsv } from '../../bench/gen-oews';
import { createDb, migrateDb, type Db } from '../../src/lib/server/db/client';
import { importFile, type FileReport } from '../../src/lib/server/import/load';
import { FIXTURES, SAMPLE, snapshot } from '../helpers/db';
import { PHASE_ENV } from '../helpers/reliability';

const OEWS = join(FIXTURES, 'oews');
const EARLIER = [join(OEWS, 'MSA_M2021_la_cut.csv'), join(SAMPLE, 'national_M2021_dl.xlsx')];
/**
 * Files the base database does not hold yet, or (the CSV: LA 2021 again) holds and is told to
 * replace, so an import really tries to write.
 */
const NEW_CSV = join(OEWS, 'MSA_M2021_la_cut_lowercase.csv');
const NEW_XLSX = join(OEWS, 'national_M2020_cut.xlsx');
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

const isRoot = process.getuid?.() === 0;
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
/** A private mount namespace, so the small tmpfs is invisible to (and outlives no) other process. */
const canMount = isRoot && has('unshare') && spawnSync('unshare', ['-m', 'true']).status === 0;

let work: string;
let base: string;
let baseSnapshot: ReturnType<typeof snapshot>;
/** A 5,400-row OEWS-shaped CSV: about 1.3 MB of new pages, far more than the room left below. */
let synthetic: string;
let syntheticRows: number;

function withDb<T>(path: string, use: (db: Db) => T, readonly = false): T {
	const db = createDb(path, { readonly });
	try {
		return use(db);
	} finally {
		db.$client.close();
	}
}

async function withDbAsync<T>(
	path: string,
	use: (db: Db) => Promise<T>,
	readonly = false
): Promise<T> {
	const db = createDb(path, { readonly });
	try {
		return await use(db);
	} finally {
		db.$client.close();
	}
}

/** A fresh copy of the pre-loaded database in its own folder. */
function copyOfBase(name: string): string {
	const dir = join(work, name);
	mkdirSync(dir);
	const path = join(dir, 'app.db');
	copyFileSync(base, path);
	return path;
}

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The earlier data answers as before: a known Los Angeles figure (BLS, May 2021). */
function readsStillWork(db: Db): void {
	expect(
		db.$client
			.prepare("SELECT employment FROM oews_facts WHERE area = '31080' AND soc = '00-0000'")
			.get()
	).toEqual({ employment: 5719620 });
}

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'rlm-disk-'));
	base = join(work, 'base.db');
	await withDbAsync(base, async (db) => {
		migrateDb(db);
		for (const file of EARLIER) {
			expect((await importFile(db.$client, file)).status).toBe('imported');
		}
	});
	baseSnapshot = withDb(base, snapshot);
	synthetic = join(work, 'oews_synthetic_M2024.csv');
	syntheticRows = await generateOewsCsv(synthetic, 5_000);
});

afterAll(() => {
	if (!work) return;
	// The read-only case leaves folders without write permission behind.
	spawnSync('chmod', ['-R', 'u+rwX', work]);
	rmSync(work, { recursive: true, force: true });
});

describe('a read-only database (readonly open option)', () => {
	it.each([
		['CSV', NEW_CSV],
		['XLSX', NEW_XLSX]
	])('%s: the import is rejected, nothing changes, reads still work', async (_format, file) => {
		const path = copyOfBase(`readonly-${_format}`);
		await withDbAsync(
			path,
			async (db) => {
				// The base holds LA 2021's rows: replacing them is what makes this import write.
				const report = await importFile(db.$client, file, { replace: true });
				expect(report).toMatchObject({ status: 'rejected', runId: null, rowsImported: 0 });
				expect(report.issues).toHaveLength(1);
				expect(snapshot(db)).toEqual(baseSnapshot);
				readsStillWork(db);
			},
			true
		);
		expect(fileHash(path)).toBe(fileHash(base));
	});

	it('CSV: the message says the database cannot be written', async () => {
		const path = copyOfBase('readonly-message-csv');
		const report = await withDbAsync(
			path,
			(db) => importFile(db.$client, NEW_CSV, { replace: true }),
			true
		);
		// Today: "the import failed: attempt to write a readonly database" (SQLite's wording).
		expect(report.issues[0]!.message).toMatch(/read-?only/);
	});

	it('XLSX: the message blames the workbook, not the database', async () => {
		const path = copyOfBase('readonly-message-xlsx');
		const report = await withDbAsync(path, (db) => importFile(db.$client, NEW_XLSX), true);
		// Today: "cannot read this XLSX workbook (it may be truncated or damaged): attempt to
		// write a readonly database".
		expect(report.issues[0]!.message).toMatch(/read-?only/);
		expect(report.issues[0]!.message).not.toMatch(/damaged|truncated|cannot read this XLSX/);
	});
});

describe.skipIf(!isRoot || !has('setpriv'))(
	'a read-only database file (the CLI as an unprivileged user)',
	() => {
		let path: string;
		let run: { code: number | null; stdout: string; stderr: string };
		beforeAll(() => {
			path = copyOfBase('readonly-cli');
			const dir = join(work, 'readonly-cli');
			chmodSync(path, 0o444);
			chmodSync(dir, 0o555);
			chmodSync(work, 0o755); // mkdtemp makes it 0700: the user must reach the file
			const result = spawnSync(
				'setpriv',
				[
					'--reuid=65534',
					'--regid=65534',
					'--clear-groups',
					TSX,
					'scripts/import.ts',
					'--db',
					path,
					'--replace',
					NEW_CSV
				],
				{ encoding: 'utf8', env: { ...process.env, HOME: tmpdir() }, timeout: 60_000 }
			);
			run = { code: result.status, stdout: result.stdout, stderr: result.stderr };
		});

		it('fails (exit 1), leaves the file byte-identical, and the database is readable', () => {
			expect(run.code).toBe(1);
			expect(existsSync(`${path}-wal`)).toBe(false);
			expect(fileHash(path)).toBe(fileHash(base));
			withDb(
				path,
				(db) => {
					expect(snapshot(db)).toEqual(baseSnapshot);
					readsStillWork(db);
				},
				true
			);
		});

		it('the CLI prints a stack trace instead of a clear message', () => {
			// Today: "SqliteError: attempt to write a readonly database\n    at Database.pragma
			// … at openSqlite (src/lib/server/db/client.ts…)" from `journal_mode = WAL`.
			expect(run.stderr).toMatch(/cannot be written|read-only/);
			expect(run.stderr).not.toMatch(/\n\s+at /);
		});
	}
);

describe('a full disk (PRAGMA max_page_count on the importing connection)', () => {
	/** Runs the import with room for 16 more pages (64 KB); returns what importFile did. */
	async function importIntoFullDb(db: Db): Promise<FileReport | Error> {
		const pages = db.$client.pragma('page_count', { simple: true }) as number;
		db.$client.pragma(`max_page_count = ${pages + 16}`);
		return importFile(db.$client, synthetic).catch((e: unknown) => e as Error);
	}

	it('nothing changes, reads work, and the same file imports once there is room', async () => {
		const path = copyOfBase('full-pragma');
		await withDbAsync(path, async (db) => {
			const first = await importIntoFullDb(db);
			// Whatever importFile did (see the below), no transaction is left open…
			expect(db.$client.inTransaction).toBe(false);
			expect(first instanceof Error ? first.message : first.status).not.toBe('imported');
			// …and not one row of the file is visible.
			expect(snapshot(db)).toEqual(baseSnapshot);
			expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
			readsStillWork(db);
			db.$client.pragma('max_page_count = 4294967294');
			const again = await importFile(db.$client, synthetic);
			expect(again).toMatchObject({ status: 'imported', rowsImported: syntheticRows });
		});
	});

	it('rejected with a clear message (today importFile throws)', async () => {
		const path = copyOfBase('full-pragma-message');
		const outcome = await withDbAsync(path, importIntoFullDb);
		// Today it throws "cannot rollback - no transaction is active": SQLite already rolled the
		// transaction back on SQLITE_FULL, and FileImport.rollback() issues a second ROLLBACK.
		expect(outcome).not.toBeInstanceOf(Error);
		const report = outcome as FileReport;
		expect(report.status).toBe('rejected');
		expect(report.issues[0]!.message).toMatch(/database is full|disk is full|no space/);
	});
});

describe.skipIf(!canMount)('a full disk (the CLI on a 2 MB tmpfs: real ENOSPC)', () => {
	let after: string;
	let run: { code: number | null; stdout: string; stderr: string };
	beforeAll(() => {
		const dir = join(work, 'full-tmpfs');
		const mount = join(dir, 'mnt');
		after = join(dir, 'after');
		mkdirSync(mount, { recursive: true });
		mkdirSync(after);
		// Mount, copy the database in, import, then copy what is left out before the namespace
		// (and with it the mount) goes away.
		const script = [
			'mount -t tmpfs -o size=2m tmpfs "$1" || exit 97',
			'cp "$3" "$1/app.db"',
			'"$4" --import ./tests/helpers/reliability.ts scripts/import.ts --db "$1/app.db" "$5"',
			'code=$?',
			'cp "$1"/app.db* "$2"/',
			'exit $code'
		].join('\n');
		const result = spawnSync(
			'unshare',
			['-m', 'sh', '-c', script, 'sh', mount, after, base, TSX, synthetic],
			{ encoding: 'utf8', env: { ...process.env, [PHASE_ENV]: '1' }, timeout: 60_000 }
		);
		run = { code: result.status, stdout: result.stdout, stderr: result.stderr };
	});

	it('fails (exit 1) in COMMIT, and the database is unchanged, intact and readable', () => {
		expect(run.code, run.stderr).toBe(1);
		// 1.3 MB of new pages fit the page cache, so the disk fills when COMMIT writes the WAL.
		const phases = [...run.stderr.matchAll(/^@phase \S+ (\S+)$/gm)].map((m) => m[1]);
		expect(phases).toContain('commit');
		expect(phases).not.toContain('committed');
		withDb(join(after, 'app.db'), (db) => {
			expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
			expect(snapshot(db)).toEqual(baseSnapshot);
			readsStillWork(db);
		});
	});

	it('the CLI reports the full disk (today: a stack trace)', () => {
		// Today: "SqliteError: cannot rollback - no transaction is active … at FileImport.rollback".
		expect(run.stdout).toMatch(/^REJECTED {2}oews_synthetic_M2024\.csv.*: nothing was written$/m);
		expect(run.stdout).toMatch(/database is full|disk is full|no space/);
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});
});

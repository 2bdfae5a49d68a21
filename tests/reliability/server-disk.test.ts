/**
 * The built server when its storage fails under it: the database becomes read-only, or the disk
 * fills up. It must keep serving reads (a page and an API answer, with the data), refuse an
 * upload with an answer that names the cause, change nothing, keep no file of the upload, and
 * import the same file once the storage is back.
 *
 * - Read-only: as root, file permissions stop nothing, so the server runs as root without the
 *   capabilities that bypass them (`setpriv --bounding-set=-dac_override,-dac_read_search`); the
 *   test then takes write permission away from the database (file and folder, as `chmod a-w`
 *   would) while the server runs, and from the upload folder.
 * - Full: the server runs in a private mount namespace (`unshare -m`) with its data folder — the
 *   database and the upload folder, as in the default layout — on a 16 MB tmpfs that nothing
 *   else sees and that goes away with the server. The test fills it through `/proc/PID/root`.
 * Both need root and are skipped without it (as tests/reliability/disk.test.ts does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	closeSync,
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	statSync,
	statfsSync,
	writeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOewsCsv } from '../../bench/gen-oews';
import { FIXTURES, SAMPLE } from '../helpers/db';
import { startServer, type Served } from '../helpers/process';
import { buildDb, filesUnder, snapshotOf, snapshotOfCopy, uploadFiles } from '../helpers/upload';

const TOKEN = 'reliability-disk-token';
const EARLIER = [
	join(FIXTURES, 'oews/MSA_M2021_la_cut.csv'),
	join(SAMPLE, 'national_M2021_dl.xlsx')
];
/** A file the database does not hold yet, so that importing it really writes. */
const NEW_CSV = join(FIXTURES, 'oews/MSA_M2021_la_cut_lowercase.csv');

const isRoot = process.getuid?.() === 0;
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const canMount = isRoot && has('unshare') && spawnSync('unshare', ['-m', 'true']).status === 0;

let work: string;
let base: string;

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

type Report = { file: string; status: string; rowsImported: number; issues: { message: string }[] };

/** The server still answers reads with the data: the API and the region page (BLS, May 2021). */
async function readsWork(server: Served): Promise<void> {
	const api = await fetch(`${server.url}/api/areas/31080/occupations?year=2021`);
	expect(api.status).toBe(200);
	const rows = (await api.json()) as { soc: string; employment: number | null }[];
	expect(rows.find((r) => r.soc === '00-0000')?.employment).toBe(5719620);
	expect(rows.find((r) => r.soc === '15-1252')?.employment).toBe(49020);
	const page = await fetch(`${server.url}/regions/31080`);
	expect(page.status).toBe(200);
	const html = await page.text();
	expect(html).toMatch(/<h1[^>]*>Los Angeles-Long Beach-Anaheim, CA/);
	expect(html).toContain('Software Developers');
}

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'rlm-server-disk-'));
	base = join(work, 'base.db');
	await buildDb(base, EARLIER);
});

afterAll(() => {
	if (!work) return;
	spawnSync('chmod', ['-R', 'u+rwX', work]);
	rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!isRoot || !has('setpriv'))(
	'the database becomes read-only under the running server',
	() => {
		let server: Served;
		let data: string;
		let db: string;
		let uploads: string;

		beforeAll(async () => {
			data = join(work, 'ro/data');
			uploads = join(work, 'ro/uploads');
			mkdirSync(data, { recursive: true });
			mkdirSync(uploads);
			db = join(data, 'app.db');
			copyFileSync(base, db);
			server = await startServer(
				{ DATABASE_URL: db, UPLOAD_DIR: uploads, EDITOR_TOKEN: TOKEN },
				120_000,
				['setpriv', '--bounding-set=-dac_override,-dac_read_search']
			);
			// A running server: its connection is open before the permissions change.
			await readsWork(server);
		}, 180_000);

		afterAll(async () => {
			await server?.stop();
		});

		it('database read-only: the upload is refused as read-only, nothing changes, reads go on', async () => {
			const before = snapshotOf(db);
			for (const f of ['app.db', 'app.db-wal', 'app.db-shm']) {
				if (existsSync(join(data, f))) chmodSync(join(data, f), 0o444);
			}
			chmodSync(data, 0o555);
			const bytes = [fileHash(db), fileHash(`${db}-wal`)];

			const res = await uploadFiles(server.url, TOKEN, [
				{ name: 'MSA_M2021_la_cut_lowercase.csv', content: readFileSync(NEW_CSV) }
			]);
			expect(res.status, res.text).toBe(422);
			const [report] = res.json<{ files: Report[] }>().files;
			expect(report).toMatchObject({ status: 'rejected', rowsImported: 0 });
			expect(report!.issues).toHaveLength(1);
			expect(report!.issues[0]!.message).toMatch(/database cannot be written: it is read-only/);

			expect(snapshotOf(db)).toEqual(before);
			expect([fileHash(db), fileHash(`${db}-wal`)]).toEqual(bytes);
			expect(filesUnder(uploads)).toEqual([]);
			await readsWork(server);
		});

		it('upload folder read-only too: refused with 500 naming the folder, nothing kept', async () => {
			const before = snapshotOf(db);
			chmodSync(uploads, 0o555);
			const res = await uploadFiles(server.url, TOKEN, [
				{ name: 'MSA_M2021_la_cut_lowercase.csv', content: readFileSync(NEW_CSV) }
			]);
			expect(res.status, res.text).toBe(500);
			expect(res.json<{ error: { message: string } }>().error.message).toMatch(
				/upload folder cannot be written: it is read-only or the server lacks permission/
			);
			expect(snapshotOf(db)).toEqual(before);
			expect(filesUnder(uploads)).toEqual([]);
			await readsWork(server);
		});

		it('write access back: the same file imports (nothing of the refused attempts was recorded)', async () => {
			chmodSync(uploads, 0o755);
			chmodSync(data, 0o755);
			for (const f of ['app.db', 'app.db-wal', 'app.db-shm']) {
				if (existsSync(join(data, f))) chmodSync(join(data, f), 0o644);
			}
			const res = await uploadFiles(server.url, TOKEN, [
				{ name: 'MSA_M2021_la_cut_lowercase.csv', content: readFileSync(NEW_CSV) }
			]);
			expect(res.status, res.text).toBe(200);
			expect(res.json<{ files: Report[] }>().files[0]).toMatchObject({
				status: 'imported',
				rowsImported: 21
			});
			expect(filesUnder(uploads)).toEqual([
				expect.stringMatching(/^[0-9a-f]{64}-MSA_M2021_la_cut_lowercase\.csv$/)
			]);
			await readsWork(server);
		});
	}
);

describe.skipIf(!canMount)('the disk fills up under the running server (a 16 MB tmpfs)', () => {
	let server: Served;
	/** The data folder as the test reaches it: through the server's own mount namespace. */
	let inside: string;
	let synthetic: string;
	let syntheticRows: number;

	const available = () => {
		const s = statfsSync(inside);
		return s.bavail * s.bsize;
	};
	/** Writes a filler file until only `keep` bytes are left on the tmpfs. */
	function fillLeaving(keep: number): void {
		const fd = openSync(join(inside, 'filler'), 'a');
		const block = Buffer.alloc(1 << 20, 0x2e);
		try {
			let left = available() - keep;
			while (left > 0) left -= writeSync(fd, block, 0, Math.min(left, block.length));
		} finally {
			closeSync(fd);
		}
	}

	beforeAll(async () => {
		synthetic = join(work, 'oews_synthetic_M2024.csv');
		syntheticRows = await generateOewsCsv(synthetic, 5_000);
		const mount = join(work, 'full/data');
		mkdirSync(mount, { recursive: true });
		const script = [
			'mount -t tmpfs -o size=16m tmpfs "$RLM_MOUNT" || exit 97',
			'cp "$RLM_BASE" "$RLM_MOUNT/app.db" || exit 98',
			'exec "$@"'
		].join('\n');
		server = await startServer(
			{
				DATABASE_URL: join(mount, 'app.db'),
				UPLOAD_DIR: join(mount, 'uploads'),
				EDITOR_TOKEN: TOKEN,
				RLM_MOUNT: mount,
				RLM_BASE: base
			},
			120_000,
			['unshare', '-m', 'sh', '-c', script, 'sh']
		);
		inside = `/proc/${server.child.pid}/root${mount}`;
		expect(statfsSync(inside).blocks * statfsSync(inside).bsize).toBe(16 * 1024 * 1024);
		await readsWork(server);
	}, 180_000);

	afterAll(async () => {
		// The namespace, and with it the tmpfs, ends with the server.
		await server?.stop();
	});

	it('room for the upload, not for the import: refused as "database is full", nothing changes', async () => {
		const before = snapshotOfCopy(join(inside, 'app.db'));
		const size = statSync(synthetic).size;
		// The file fits (with 256 KB to spare); the ~3 MB of pages its rows need do not.
		fillLeaving(size + 256 * 1024);
		const res = await uploadFiles(server.url, TOKEN, [
			{ name: 'oews_synthetic_M2024.csv', content: readFileSync(synthetic) }
		]);
		expect(res.status, res.text).toBe(422);
		const [report] = res.json<{ files: Report[] }>().files;
		expect(report).toMatchObject({ status: 'rejected', rowsImported: 0 });
		expect(report!.issues.map((i) => i.message)).toEqual([
			expect.stringMatching(/^the database is full .*nothing was written/)
		]);
		expect(snapshotOfCopy(join(inside, 'app.db'))).toEqual(before);
		expect(filesUnder(join(inside, 'uploads'))).toEqual([]);
		await readsWork(server);
	});

	it('no room at all: the upload is refused with 507, nothing kept, nothing changes', async () => {
		const before = snapshotOfCopy(join(inside, 'app.db'));
		fillLeaving(0);
		expect(available()).toBe(0);
		const res = await uploadFiles(server.url, TOKEN, [
			{ name: 'oews_synthetic_M2024.csv', content: readFileSync(synthetic) }
		]);
		expect(res.status, res.text).toBe(507);
		expect(res.json<{ error: { message: string } }>().error.message).toMatch(
			/no space left for the upload .*nothing was imported/
		);
		expect(snapshotOfCopy(join(inside, 'app.db'))).toEqual(before);
		expect(filesUnder(join(inside, 'uploads'))).toEqual([]);
		await readsWork(server);
	});

	it('room again: the same file imports', async () => {
		rmSync(join(inside, 'filler'));
		const res = await uploadFiles(server.url, TOKEN, [
			{ name: 'oews_synthetic_M2024.csv', content: readFileSync(synthetic) }
		]);
		expect(res.status, res.text).toBe(200);
		expect(res.json<{ files: Report[] }>().files[0]).toMatchObject({
			status: 'imported',
			rowsImported: syntheticRows
		});
		await readsWork(server);
	});
});

/** The data page's preview: a dry run that judges a file as the import will, and writes nothing. */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importFile } from '../../src/lib/server/import/load';
import { previewUpload } from '../../src/lib/server/import/preview';
import { FIXTURES, SAMPLE, snapshot, tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
afterEach(() => t?.close());

describe('previewUpload', () => {
	it('reads the reference data the import needs (May 2020 OEWS needs the hybrid structure)', async () => {
		t = tempDb();
		const file = join(FIXTURES, 'oews/national_M2020_cut.xlsx');
		const opts = { fileName: 'national_M2020_cut.xlsx' };
		const without = await previewUpload(t.db, file, opts);
		expect(without.ok).toBe(false);
		expect(without.issues[0]!.message).toContain('hybrid structure');
		await importFile(t.db.$client, join(SAMPLE, 'oes_2019_hybrid_structure.xlsx'));
		const before = snapshot(t.db);
		const withRef = await previewUpload(t.db, file, opts);
		expect(withRef).toMatchObject({ ok: true, year: 2020, source: { id: 'bls-oews' } });
		expect(withRef.issues).toEqual([]);
		// The import agrees with the preview, and the preview itself wrote nothing.
		expect(snapshot(t.db)).toEqual(before);
		expect((await importFile(t.db.$client, file)).status).toBe('imported');
	});

	it('matches CPS titles against the SOC titles already imported, as the import does', async () => {
		t = tempDb();
		for (const f of ['soc_2018_definitions.xlsx', 'soc_2018_direct_match_title_file.xlsx'])
			await importFile(t.db.$client, join(SAMPLE, f));
		const file = join(SAMPLE, 'cpsaat11_2022.xlsx');
		const preview = await previewUpload(t.db, file, { fileName: 'cpsaat11_2022.xlsx' });
		const imported = await importFile(t.db.$client, file);
		expect(imported.status).toBe('imported');
		expect(preview.ok).toBe(true);
		// The same notes (how many titles matched) as the real import.
		expect(preview.notes).toEqual(imported.notes);
	});

	it('says when the same file is already imported, and still shows its rows', async () => {
		t = tempDb();
		const file = join(FIXTURES, 'oews/MSA_M2021_la_cut.csv');
		const first = await importFile(t.db.$client, file);
		const preview = await previewUpload(t.db, file, { fileName: 'MSA_M2021_la_cut.csv' });
		expect(preview.alreadyImported).toMatchObject({ runId: first.runId });
		expect(preview.table!.rows.length).toBeGreaterThan(0);
	});
});

/**
 * The pathway references on the bundled files: O*NET 29.3 Skills (whole file), the credentials
 * and funding reference, an editor's credentials file replacing and extending the bundled one,
 * and spoiled copies rejected with line and column and the database unchanged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../../src/lib/server/import/load';
import {
	credentialReference,
	fundingReference,
	skillRatings
} from '../../src/lib/server/db/queries/pathway-reference';
import { SAMPLE, snapshot, tempDb, type TempDb } from '../helpers/db';

const CREDENTIALS = join(SAMPLE, 'credentials', 'it_credentials.csv');
const FUNDING = join(SAMPLE, 'credentials', 'funding_sources.csv');
let t: TempDb;
let dir: string;
beforeEach(() => {
	t = tempDb();
	dir = mkdtempSync(join(tmpdir(), 'rlm-ref-'));
});
afterEach(() => {
	t.close();
	rmSync(dir, { recursive: true, force: true });
});

/** A copy of `text` under `name` in the test's folder. */
const file = (name: string, text: string) => {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
};

describe('O*NET Skills', () => {
	it('imports every importance and level rating of the 879 rated occupations', async () => {
		const r = await importFile(t.db.$client, join(SAMPLE, 'onet', 'Skills.txt'));
		expect(r).toMatchObject({ status: 'imported', source: 'onet-skills', rowsImported: 61530 });
		const rows = skillRatings(t.db);
		expect(new Set(rows.map((x) => x.code)).size).toBe(879);
		// O*NET 29.3 rates no skills for Software Developers.
		expect(rows.some((x) => x.code.startsWith('15-1252'))).toBe(false);
		expect(rows.filter((x) => x.code === '15-1232.00' && x.elementId === '2.A.1.a')).toEqual([
			{
				code: '15-1232.00',
				elementId: '2.A.1.a',
				elementName: 'Reading Comprehension',
				scaleId: 'IM',
				value: 4,
				notRelevant: false
			},
			expect.objectContaining({ scaleId: 'LV', value: 4, notRelevant: false })
		]);
	});

	it('refuses a Knowledge row and an out-of-range level, naming line and column', async () => {
		const lines = readFileSync(join(SAMPLE, 'onet', 'Skills.txt'), 'utf8')
			.split('\n')
			.slice(0, 6);
		const cells = lines[3]!.split('\t');
		cells[6] = '7.5';
		lines[3] = cells.join('\t');
		const knowledge = lines[4]!.split('\t');
		knowledge[2] = '2.C.1.a';
		lines[4] = knowledge.join('\t');
		const before = snapshot(t.db);
		const r = await importFile(t.db.$client, file('Skills.txt', lines.join('\n')));
		expect(r.status).toBe('rejected');
		expect(r.issues).toEqual([
			expect.objectContaining({
				line: 4,
				column: 7,
				message: expect.stringContaining('1 to 5 on scale IM')
			}),
			expect.objectContaining({
				line: 5,
				column: 3,
				message: expect.stringContaining('not an O*NET skill')
			})
		]);
		expect(snapshot(t.db)).toEqual(before);
	});
});

describe('credentials and funding reference', () => {
	it('imports the 40 credentials with fee, date and sources, and the 7 funding sources', async () => {
		expect((await importFile(t.db.$client, CREDENTIALS)).status).toBe('imported');
		expect((await importFile(t.db.$client, FUNDING)).status).toBe('imported');
		const creds = credentialReference(t.db);
		expect(creds).toHaveLength(40);
		const secPlus = creds.find((c) => c.id === 'comptia-security-plus')!;
		expect(secPlus).toMatchObject({
			socCodes: '15-1212;15-1244;15-1231',
			feeUsd: 439,
			feeAsOf: '2026-06',
			level: 'entry'
		});
		expect(secPlus.sourceUrls.split(';').length).toBeGreaterThan(1);
		expect(fundingReference(t.db).map((f) => f.id)).toContain('wioa-ita');
	});

	it("applies an editor's file: a row replaced by id, a new one added", async () => {
		await importFile(t.db.$client, CREDENTIALS);
		const own = file(
			'our-credentials.csv',
			[
				'credential_id,name,issuer,level,soc_codes,exam_fee_usd,fee_as_of,source_urls',
				'comptia-security-plus,CompTIA Security+ (SY0-701),CompTIA,entry,15-1212,400,2026-09,https://example.org/our-price',
				'la-cyber-cert,LA Cyber Certificate,LA Community College,entry,15-1212,1200,2026-08,https://example.org/la'
			].join('\n')
		);
		expect((await importFile(t.db.$client, own)).status).toBe('imported');
		const creds = credentialReference(t.db);
		expect(creds).toHaveLength(41);
		expect(creds.find((c) => c.id === 'comptia-security-plus')).toMatchObject({
			feeUsd: 400,
			feeAsOf: '2026-09',
			sourceUrls: 'https://example.org/our-price'
		});
		expect(creds.at(-1)!.id).toBe('la-cyber-cert');
	});

	it('refuses a date without a fee and a missing source, the database unchanged', async () => {
		const bad = file(
			'bad-credentials.csv',
			[
				'credential_id,name,issuer,level,soc_codes,exam_fee_usd,fee_as_of,source_urls',
				'ok-one,Fine,Issuer,entry,15-1212,10,2026,https://example.org/a',
				'dated-nothing,No fee,Issuer,entry,15-1212,,2026-01,https://example.org/b',
				'no-source,No source,Issuer,entry,15-1212,5,2026,'
			].join('\n')
		);
		const before = snapshot(t.db);
		const r = await importFile(t.db.$client, bad);
		expect(r.status).toBe('rejected');
		expect(r.issues).toEqual([
			expect.objectContaining({
				line: 3,
				column: 7,
				message: expect.stringContaining('fee_as_of')
			}),
			expect.objectContaining({ line: 4, column: 8, message: expect.stringContaining('source') })
		]);
		expect(snapshot(t.db)).toEqual(before);
	});
});

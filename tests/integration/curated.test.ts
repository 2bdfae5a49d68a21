/** Curated pathway edits: each is its own run, shown as its own source, and undone by deleting it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCuratedEdit } from '../../src/lib/server/db/queries/curated';
import { deleteImportRun } from '../../src/lib/server/db/queries/imports';
import { pathwaysReport } from '../../src/lib/server/reports/views/pathways';
import { seededDb, type TempDb } from '../helpers/db';

let t: TempDb;
beforeAll(async () => {
	t = await seededDb([
		'data/reference/digital-jobs-categories.csv',
		'data/sample/national_M2024_dl.xlsx',
		'data/sample/onet/Related Occupations.txt',
		'data/sample/onet/Job Zones.txt'
	]);
}, 120_000);
afterAll(() => t.close());

const edge = (from: string, to: string) =>
	// Every move, not only each job's strongest (the map's default scope).
	pathwaysReport(t.db, '99', { scope: { kind: 'digital' }, showAllMoves: true }).edges.filter(
		(e) => e.from === from && e.to === to
	);

describe('curated pathway edits', () => {
	it('adds an edge with its own source and note, and deleting its run removes it', () => {
		// Web developers (Job Zone 3) → graphic designers (4): O*NET lists the pair only as a
		// Supplemental relation, so a curated move outranks it and shows as its own source.
		expect(edge('15-1254', '27-1024').map((e) => e.source)).not.toContain('curated');
		const runId = saveCuratedEdit(t.db, {
			from: '15-1254',
			to: '27-1024',
			note: 'employer partners hire from the design program',
			remove: false,
			area: null,
			by: 'test'
		});
		expect(edge('15-1254', '27-1024')).toContainEqual(
			expect.objectContaining({
				source: 'curated',
				note: 'employer partners hire from the design program',
				tier: null
			})
		);
		expect(deleteImportRun(t.db, runId)).toBe(true);
		expect(edge('15-1254', '27-1024').map((e) => e.source)).not.toContain('curated');
	});

	it("keeps an editor's move toward less preparation as its own curated move", () => {
		// Graphic designers (Job Zone 4) → web developers (3): the editor's direction runs against
		// the O*NET pair's upward move, which must neither absorb it nor lose its own source.
		expect(edge('27-1024', '15-1254')).toEqual([]);
		expect(edge('15-1254', '27-1024').map((e) => e.source)).toEqual(['onet']);
		const runId = saveCuratedEdit(t.db, {
			from: '27-1024',
			to: '15-1254',
			note: 'designers retrain as front-end developers',
			remove: false,
			area: null,
			by: 'test'
		});
		expect(edge('27-1024', '15-1254')).toEqual([
			expect.objectContaining({
				source: 'curated',
				note: 'designers retrain as front-end developers',
				direction: 'down',
				jobZone: { from: 4, to: 3 },
				sources: [{ kind: 'curated', note: 'designers retrain as front-end developers' }]
			})
		]);
		expect(edge('15-1254', '27-1024').map((e) => e.sources.map((s) => s.kind))).toEqual([['onet']]);
		expect(deleteImportRun(t.db, runId)).toBe(true);
		expect(edge('27-1024', '15-1254')).toEqual([]);
	});

	it('removes an O*NET move from the map until the removal is deleted', () => {
		expect(edge('15-1232', '15-1212').map((e) => e.source)).toEqual(['onet']);
		const runId = saveCuratedEdit(t.db, {
			from: '15-1232',
			to: '15-1212',
			note: 'not seen locally',
			remove: true,
			area: null,
			by: 'test'
		});
		expect(edge('15-1232', '15-1212')).toEqual([]);
		deleteImportRun(t.db, runId);
		expect(edge('15-1232', '15-1212').map((e) => e.source)).toEqual(['onet']);
	});
});

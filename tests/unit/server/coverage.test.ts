import { describe, expect, it } from 'vitest';
import { derivedTotalEmployment } from '../../../src/lib/analysis/coverage';
import { uncoveredGroups } from '../../../src/lib/analysis/digital-jobs';
import { CoverageDecision, overlapNotes } from '../../../src/lib/server/import/oews-coverage';
import { CLI_ONLY, forBrowser } from '../../../src/lib/server/import/wording';

const held = (groups: string[], runId = 3) =>
	new Map([['31080', [{ runId, fileName: 'full.csv', groups: new Set(groups) }]]]);

describe('CoverageDecision', () => {
	it('adds groups an area-year lacks, keeps those it holds, and records the meeting', () => {
		const d = new CoverageDecision(held(['00', '15']), 2021, false);
		expect(d.accept('31080', '17-2051')).toBe(true);
		expect(d.accept('31080', '15-1252')).toBe(false);
		expect(d.accept('31080', '00-0000')).toBe(false);
		expect(d.accept('46060', '15-1252')).toBe(true);
		expect(d.groupsFor('31080')).toBe('17');
		expect(d.groupsFor('46060')).toBe('15');
		expect(d.overlaps()).toEqual([
			{
				area: '31080',
				year: 2021,
				groups: ['00', '15'],
				runs: [{ runId: 3, fileName: 'full.csv' }],
				action: 'kept',
				rows: 2
			}
		]);
	});

	it('writes every row when told to replace, and says what it replaces', () => {
		const d = new CoverageDecision(held(['15']), 2021, true);
		expect(d.accept('31080', '15-1252')).toBe(true);
		expect(d.groupsFor('31080')).toBe('15');
		const [note] = overlapNotes(d.overlaps());
		expect(note).toContain("this file's 1 rows replace occupation group 15 of run 3, full.csv");
	});
});

describe('CoverageDecision, row after row of one area', () => {
	it('counts every row it replaces, and every row it keeps, not only the first of a run', () => {
		const replacing = new CoverageDecision(held(['15']), 2021, true);
		const keeping = new CoverageDecision(held(['15']), 2021, false);
		for (const soc of ['15-1211', '15-1212', '15-1252', '17-2051', '17-2061', '15-1299']) {
			replacing.accept('31080', soc);
			keeping.accept('31080', soc);
		}
		expect(replacing.overlaps()[0]).toMatchObject({ action: 'replaced', rows: 4 });
		expect(keeping.overlaps()[0]).toMatchObject({ action: 'kept', rows: 4 });
		expect(replacing.groupsFor('31080')).toBe('15,17');
		expect(keeping.groupsFor('31080')).toBe('17');
	});
});

describe('derivedTotalEmployment', () => {
	it('divides jobs by jobs per 1,000 on the largest row, to the hundred', () => {
		expect(
			derivedTotalEmployment([
				{ employment: 60, jobsPer1000: 0.2 },
				{ employment: 12750, jobsPer1000: 33.614 },
				{ employment: null, jobsPer1000: 1 }
			])
		).toBe(379300);
		expect(derivedTotalEmployment([{ employment: 10, jobsPer1000: null }])).toBeNull();
		expect(derivedTotalEmployment([{ employment: 10, jobsPer1000: 0 }])).toBeNull();
	});
});

describe('uncoveredGroups', () => {
	it('lists, per category, the groups of its occupations missing from the data', () => {
		const bySoc = new Map([
			['15-1252', 'Programming and Development'],
			['27-1024', 'Design'],
			['15-1255', 'Design']
		]);
		expect(uncoveredGroups(bySoc, ['Programming and Development', 'Design'], ['15'])).toEqual({
			'All digital jobs': ['27'],
			'Programming and Development': [],
			Design: ['27']
		});
	});
});

describe('forBrowser', () => {
	it('names the page controls instead of command-line options', () => {
		const cli = [
			'cannot tell which May estimates this OEWS file holds: keep the year in the file name (e.g. MSA_M2021_dl.csv) or pass --year',
			'cannot tell which year these rows are for: add a year column, keep the year in the file name, or pass --year',
			'the file name (or --year) says 2023, the header says 2022–2032: …',
			'the table says 2022, the file name or --year 2021: 2022 used',
			'import it again choosing to replace them (--replace)',
			'this looks like a projections file, but the header lacks soc (see docs/IMPORT-GENERIC.md; --map "their column=our field" renames columns)',
			'Known sources: … (npm run sources lists their headers)',
			'this looks like a program completions file, but the header lacks area (see docs/IMPORT.md, "Your own data"; --map "their column=our field" renames columns, --map "=value=our field" gives every row one value)',
			'the credentials header needs soc and/or cip (see docs/IMPORT.md, "Your own data")'
		];
		for (const message of cli) {
			expect(message).toMatch(CLI_ONLY);
			expect(forBrowser(message)).not.toMatch(CLI_ONLY);
		}
		expect(forBrowser(cli[0]!)).toContain('enter the year in the Year box');
	});
});

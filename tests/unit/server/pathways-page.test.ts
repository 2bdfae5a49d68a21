import { describe, expect, it } from 'vitest';
import { resolveTyped } from '../../../src/lib/server/reports/views/pathways-page';

const JOBS = [
	{ soc: '29-1141', title: 'Registered Nurses' },
	{ soc: '29-1171', title: 'Nurse Practitioners' },
	{ soc: '31-1131', title: 'Nursing Assistants' },
	{ soc: '15-1212', title: 'Information Security Analysts' },
	{ soc: '27-1024', title: 'Graphic Designers' },
	{ soc: '43-4051', title: 'Técnicos de atención' }
];
const find = (text: string, limit?: number) =>
	resolveTyped(
		text,
		JOBS,
		(j) => j.soc,
		(j) => j.title,
		limit
	);

describe('a typed occupation read without JavaScript', () => {
	it('takes a code, a whole title or the only title holding the text', () => {
		expect(find('15-1212')).toEqual({ kind: 'one', item: JOBS[3] });
		expect(find('  registered NURSES ')).toEqual({ kind: 'one', item: JOBS[0] });
		expect(find('graphic')).toEqual({ kind: 'one', item: JOBS[4] });
		// Accents ignored both ways.
		expect(find('tecnicos')).toEqual({ kind: 'one', item: JOBS[5] });
	});

	it('offers every match when several hold the text, cut at the limit with the full count', () => {
		expect(find('nurs')).toEqual({ kind: 'many', matches: JOBS.slice(0, 3), count: 3 });
		expect(find('nurs', 2)).toEqual({ kind: 'many', matches: JOBS.slice(0, 2), count: 3 });
		// A code prefix is a match too: 29- holds the two nurses' codes.
		expect(find('29-')).toEqual({ kind: 'many', matches: JOBS.slice(0, 2), count: 2 });
	});

	it('says when nothing matches', () => {
		expect(find('astronaut')).toEqual({ kind: 'none' });
	});
});

/**
 * Occupations that need a licence or certification to work (data/reference/licensed-occupations.csv
 * or a board's own table with the header `soc,title,credential,note`): a training gap applies to
 * them whatever their EP entry education. The newest import replaces the list.
 */
import { FirstSeen, cellAt, findColumns } from '../kit';
import { SOC_CODE, quote } from '../normalize';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

function open(ctx: OpenContext): AdapterSession {
	const col = findColumns(ctx.keys, {
		soc: 'soc',
		title: 'title',
		credential: 'credential',
		note: 'note'
	});
	if (col.soc < 0 || col.credential < 0)
		throw new ImportError('the header needs soc and credential');
	const insert = ctx.sqlite.prepare(
		'INSERT INTO licensed_occupations (run_id, soc, title, credential, note) VALUES (?, ?, ?, ?, ?)'
	);
	const seen = new FirstSeen();
	const cell = (cells: string[], i: number) => cellAt(cells, i) || null;
	return {
		year: ctx.year,
		row(cells, line, issue, write) {
			const soc = cellAt(cells, col.soc);
			if (!SOC_CODE.test(soc)) {
				issue(col.soc, `soc: expected a SOC code like 47-2111, found ${quote(soc)}`);
				return 'skipped';
			}
			const credential = cell(cells, col.credential);
			if (credential === null) {
				issue(col.credential, `credential: name the licence or certification ${soc} needs`);
				return 'skipped';
			}
			const earlier = seen.check(soc, line);
			if (earlier !== undefined) {
				issue(col.soc, `soc ${soc} is already listed on line ${earlier}`);
				return 'skipped';
			}
			if (write) {
				insert.run(ctx.runId, soc, cell(cells, col.title), credential, cell(cells, col.note));
			}
			return 'imported';
		},
		finish() {
			return { meta: { occupations: seen.size } };
		}
	};
}

export const adapters: SourceAdapter[] = [
	{
		id: 'licensed-occupations',
		title: 'Occupations that need a licence or certification (SOC → credential)',
		publisher: 'this project (data/reference/licensed-occupations.csv) or your own table',
		required: ['soc', 'credential'],
		optional: ['title', 'note'],
		detect: (keys) => keys.includes('soc') && keys.includes('credential'),
		open
	}
];

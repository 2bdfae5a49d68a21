/**
 * Occupations that need a licence or certification to work (data/reference/licensed-occupations.csv
 * or a board's own table with the header `soc,title,credential,note`): a training gap applies to
 * them whatever their EP entry education. The newest import replaces the list.
 */
import { SOC_CODE, quote } from '../normalize';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

function open(ctx: OpenContext): AdapterSession {
	const at = (k: string) => ctx.keys.indexOf(k);
	const [socCol, titleCol, credentialCol, noteCol] = ['soc', 'title', 'credential', 'note'].map(at);
	if (socCol! < 0 || credentialCol! < 0)
		throw new ImportError('the header needs soc and credential');
	const insert = ctx.sqlite.prepare(
		'INSERT INTO licensed_occupations (run_id, soc, title, credential, note) VALUES (?, ?, ?, ?, ?)'
	);
	const seen = new Map<string, number>();
	const cell = (cells: string[], i: number) => (i < 0 ? null : (cells[i] ?? '').trim() || null);
	return {
		year: ctx.year,
		row(cells, line, issue, write) {
			const soc = (cells[socCol!] ?? '').trim();
			if (!SOC_CODE.test(soc)) {
				issue(socCol!, `soc: expected a SOC code like 47-2111, found ${quote(soc)}`);
				return 'skipped';
			}
			const credential = cell(cells, credentialCol!);
			if (credential === null) {
				issue(credentialCol!, `credential: name the licence or certification ${soc} needs`);
				return 'skipped';
			}
			const earlier = seen.get(soc);
			if (earlier !== undefined) {
				issue(socCol!, `soc ${soc} is already listed on line ${earlier}`);
				return 'skipped';
			}
			seen.set(soc, line);
			if (write) {
				insert.run(ctx.runId, soc, cell(cells, titleCol!), credential, cell(cells, noteCol!));
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

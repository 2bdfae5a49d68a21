/**
 * SOC → JFF digital-job category: the project's documented table
 * (data/reference/digital-jobs-categories.csv) or a board's replacement with the same header.
 */
import { DIGITAL_CATEGORIES } from '../../db/schema';
import { FirstSeen, cellAt, findColumns } from '../kit';
import { SOC_CODE, quote } from '../normalize';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

const CATEGORY_BY_KEY = new Map(DIGITAL_CATEGORIES.map((c) => [c.toLowerCase(), c]));

function open(ctx: OpenContext): AdapterSession {
	const { socCol, categoryCol, noteCol } = findColumns(ctx.keys, {
		socCol: 'soc',
		categoryCol: 'jff_category',
		noteCol: 'note'
	});
	if (socCol < 0 || categoryCol < 0) throw new ImportError('the header needs soc and jff_category');
	const insert = ctx.sqlite.prepare(
		'INSERT INTO digital_categories (run_id, soc, category, note) VALUES (?, ?, ?, ?)'
	);
	const seen = new FirstSeen();
	return {
		year: ctx.year,
		row(cells, line, issue, write) {
			const soc = cellAt(cells, socCol);
			if (!SOC_CODE.test(soc)) {
				issue(socCol, `soc: expected a SOC code like 15-1252, found ${quote(soc)}`);
				return 'skipped';
			}
			const raw = cellAt(cells, categoryCol).replace(/\s+/g, ' ');
			const category = CATEGORY_BY_KEY.get(raw.toLowerCase());
			if (!category) {
				issue(
					categoryCol,
					`jff_category: expected one of ${DIGITAL_CATEGORIES.join(', ')}; found ${quote(raw)}`
				);
				return 'skipped';
			}
			const earlier = seen.check(soc, line);
			if (earlier !== undefined) {
				issue(socCol, `soc ${soc} is already categorised on line ${earlier}`);
				return 'skipped';
			}
			if (write) {
				const note = cellAt(cells, noteCol);
				insert.run(ctx.runId, soc, category, note || null);
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
		id: 'digital-jobs-categories',
		title: 'Digital-job categories (SOC → JFF category)',
		publisher: 'this project (data/reference/digital-jobs-categories.csv) or your own table',
		required: ['soc', 'jff_category'],
		optional: ['title', 'note'],
		detect: (keys) => keys.includes('soc') && keys.includes('jff_category'),
		open
	}
];

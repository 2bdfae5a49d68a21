/**
 * HHS poverty guidelines (data/sample/hhs_poverty_guidelines_2019_2025.csv, header
 * `year,jurisdiction,first_person,additional_person,source`): one row per year and table. The
 * rows are checked by `povertyGuidelinesFromRows` (the same rules the family-sustaining default
 * relies on), row by row, so an error names its line and column.
 */
import { povertyGuidelinesFromRows } from '../../../analysis/family-sustaining-wage';
import type { AdapterSession, OpenContext, SourceAdapter } from './types';

const HEADER = ['year', 'jurisdiction', 'first_person', 'additional_person', 'source'];

function open(ctx: OpenContext): AdapterSession {
	const insert = ctx.sqlite.prepare(
		`INSERT INTO poverty_guidelines (run_id, year, jurisdiction, first_person, additional_person, source)
		 VALUES (?, ?, ?, ?, ?, ?)`
	);
	const seen = new Map<string, number>();
	const years = new Set<number>();
	return {
		year: ctx.year,
		row(cells, line, issue, write) {
			let g;
			try {
				[g] = povertyGuidelinesFromRows([HEADER, cells], ctx.fileName);
			} catch (e) {
				const message = e instanceof Error ? e.message : String(e);
				const column = /column (\d+)/.exec(message);
				// The reader numbers this one row as line 2; the loader adds the real line.
				issue(column ? Number(column[1]) - 1 : null, message.replace(/^.*?line 2(, )?/, ''));
				return 'skipped';
			}
			if (!g) return 'skipped';
			const key = `${g.year}|${g.jurisdiction}`;
			const earlier = seen.get(key);
			if (earlier !== undefined) {
				issue(0, `${g.year} ${g.jurisdiction} is already given on line ${earlier}`);
				return 'skipped';
			}
			seen.set(key, line);
			years.add(g.year);
			if (write) {
				insert.run(
					ctx.runId,
					g.year,
					g.jurisdiction,
					g.firstPerson,
					g.additionalPerson,
					g.source || null
				);
			}
			return 'imported';
		},
		finish() {
			return { meta: { years: [...years].sort() } };
		}
	};
}

export const adapters: SourceAdapter[] = [
	{
		id: 'hhs-poverty-guidelines',
		title: 'HHS poverty guidelines (48 states and DC, Alaska, Hawaii)',
		publisher: 'U.S. Department of Health and Human Services (ASPE)',
		required: HEADER,
		optional: [],
		detect: (keys) => HEADER.every((h, i) => keys[i] === h),
		open
	}
];

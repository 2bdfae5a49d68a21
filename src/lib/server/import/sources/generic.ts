/**
 * Generic tidy CSVs that workforce boards and providers keep themselves: one documented header
 * per kind (lower snake_case), each recognised by its distinctive required columns. Users whose
 * columns are named differently map them (`--map "their column=our field"`), and a field the
 * file lacks can take one value for every row (`--map "=31080=area"`, see load.ts); these
 * adapters only ever see our field names. The formats are documented in docs/IMPORT.md, "Your own data".
 *
 * Rules shared by every kind:
 * - Codes are text: SOC `15-1252`, CIP `11.0701`, area `31080` / `06` / `99` (nation).
 * - Shares and rates are fractions from 0 to 1. A percent is accepted only with its sign
 *   (`45%` → 0.45): a bare `45` is an error, never guessed to be a percent.
 * - Numbers may have thousands separators. Blank optional cells are NULL; where the table keeps
 *   a status beside a value, `*`, `**`, `#`, `~` are read as the OEWS markers.
 * - Columns the kind does not read are listed in the import notes (a misspelt optional column
 *   would otherwise be lost without a word).
 */
import { FirstSeen, RowReader, SameYear, type Measured } from '../kit';
import { quote } from '../normalize';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

interface Kind {
	id: string;
	title: string;
	/** Header columns a file of this kind must have (our field names). */
	required: string[];
	optional: string[];
	/** Extra header rule beyond `required`, e.g. "share, or count and total". */
	alternative?: { ok(keys: string[]): boolean; text: string };
	/** Columns that tell this kind apart from every other (and from the public formats). */
	detect(keys: string[]): boolean;
	/** Whether the rows need a year (from a `year` column, the file name or --year). */
	needsYear?: boolean;
	start(ctx: OpenContext, fileYear: number | null): Body;
}

interface Body {
	/** Validates the row (through `r`) and writes it when `write`; false when it was not imported. */
	row(r: RowReader, line: number, write: boolean): boolean;
	/** The reference year every row states, when they agree (null: none or several). */
	year(): number | null;
	meta?(): Record<string, unknown>;
}

const has = (keys: string[], ...fields: string[]) => fields.every((f) => keys.includes(f));

function makeAdapter(kind: Kind): SourceAdapter {
	const fields = [...kind.required, ...kind.optional];
	return {
		id: kind.id,
		title: kind.title,
		publisher: 'a workforce board or provider, generic tidy CSV',
		required: kind.alternative ? [...kind.required, kind.alternative.text] : kind.required,
		optional: kind.optional,
		detect: (keys) => kind.detect(keys),
		open(ctx): AdapterSession {
			const missing = kind.required.filter((f) => !ctx.keys.includes(f));
			if (missing.length > 0) {
				throw new ImportError(
					`this looks like a ${kind.title} file, but the header lacks ${missing.join(', ')} ` +
						'(see docs/IMPORT.md, "Your own data"; --map "their column=our field" renames columns, ' +
						'--map "=value=our field" gives every row one value)'
				);
			}
			if (kind.alternative && !kind.alternative.ok(ctx.keys)) {
				throw new ImportError(
					`the ${kind.title} header needs ${kind.alternative.text} (see docs/IMPORT.md, "Your own data")`
				);
			}
			if (kind.needsYear && ctx.year === null && !ctx.keys.includes('year')) {
				throw new ImportError(
					'cannot tell which year these rows are for: add a year column, keep the year in the ' +
						'file name, or pass --year'
				);
			}
			const unread = ctx.header.filter((h, i) => h !== '' && !fields.includes(ctx.keys[i]!));
			if (unread.length > 0) {
				ctx.notes.push(
					`columns not read (not part of the ${kind.id} format): ${unread.map((h) => quote(h)).join(', ')}`
				);
			}
			const r = new RowReader(ctx, fields);
			const body = kind.start(ctx, ctx.year);
			return {
				// A year the rows state (e.g. every row's base_year) wins over the file name's.
				get year() {
					return body.year() ?? ctx.year;
				},
				row(cells, line, issue, write) {
					r.begin(cells, issue);
					return body.row(r, line, write) ? 'imported' : 'skipped';
				},
				finish() {
					return { meta: body.meta?.() ?? {} };
				}
			};
		}
	};
}

/** The row's year: its `year` cell when the file has that column, else the file's year. */
function rowYear(r: RowReader, fileYear: number | null): number | null {
	if (r.has('year')) {
		const y = r.year('year', fileYear === null);
		return y ?? fileYear;
	}
	return fileYear;
}

// ---------------------------------------------------------------------------------------------
// 1. Regional projections
// ---------------------------------------------------------------------------------------------

const projections: Kind = {
	id: 'generic-projections',
	title: 'regional employment projections',
	required: [
		'area',
		'soc',
		'base_year',
		'projected_year',
		'employment_base',
		'employment_projected',
		'openings'
	],
	optional: ['title', 'median_wage', 'entry_education'],
	detect: (keys) => has(keys, 'soc', 'base_year', 'projected_year'),
	start(ctx) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO projections (run_id, area, soc, title, base_year, projected_year,
			   employment_base, employment_projected, change, change_pct, openings, openings_status,
			   median_wage, median_wage_status, entry_education)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		const baseYears = new SameYear();
		return {
			row(r, line, write) {
				const area = r.area('area', true);
				const soc = r.soc('soc', true);
				const base = r.year('base_year', true);
				const projected = r.year('projected_year', true);
				const empBase = r.number('employment_base', { min: 0 });
				const empProjected = r.number('employment_projected', { min: 0 });
				const openings = r.measured('openings', { markers: true, min: 0 });
				const wage = r.measured('median_wage', { markers: true, min: 0 });
				if (base !== null && projected !== null && projected <= base) {
					r.problem(
						'projected_year',
						`expected a year after base_year ${base}, found ${projected}`
					);
				}
				if (r.bad || area === null || soc === null || base === null || projected === null) {
					return false;
				}
				const earlier = seen.check(`${area}|${soc}`, line);
				if (earlier !== undefined) {
					r.fail('soc', `soc ${soc} in area ${area} is already on line ${earlier}`);
					return false;
				}
				baseYears.see(base);
				if (!write) return true;
				const change = empBase !== null && empProjected !== null ? empProjected - empBase : null;
				const changePct =
					change !== null && empBase !== null && empBase > 0 ? (change / empBase) * 100 : null;
				insert.run(
					ctx.runId,
					area,
					soc,
					r.text('title'),
					base,
					projected,
					empBase,
					empProjected,
					change,
					changePct,
					openings!.value,
					openings!.status,
					wage!.value,
					wage!.status,
					r.text('entry_education')
				);
				return true;
			},
			year: () => baseYears.get()
		};
	}
};

// ---------------------------------------------------------------------------------------------
// 2. Job-posting counts
// ---------------------------------------------------------------------------------------------

/** `2025`, `2025-Q1` (also `2025Q1`, `2025-q1`), `2025-03`, `2025-03-15` → canonical text. */
export function normalisePeriod(text: string): string | null {
	if (/^\d{4}$/.test(text)) return text;
	const q = /^(\d{4})-?[Qq]([1-4])$/.exec(text);
	if (q) return `${q[1]}-Q${q[2]}`;
	if (/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return text;
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (d) {
		const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
		if (date.toISOString().slice(0, 10) === text) return text;
	}
	return null;
}

const postings: Kind = {
	id: 'generic-postings-counts',
	title: 'job-posting counts',
	required: ['area', 'soc', 'period', 'postings'],
	optional: ['measure'],
	detect: (keys) => has(keys, 'soc', 'period', 'postings'),
	start(ctx) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO postings_counts (run_id, area, soc, period, postings, measure)
			 VALUES (?, ?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		const years = new SameYear();
		return {
			row(r, line, write) {
				const area = r.area('area', true);
				const soc = r.soc('soc', true);
				const rawPeriod = r.raw('period');
				const period = normalisePeriod(rawPeriod);
				if (period === null) {
					r.problem(
						'period',
						`expected 2025, 2025-Q1, 2025-03 or 2025-03-15, found ${quote(rawPeriod)}`
					);
				}
				const count = r.number('postings', { required: true, min: 0 });
				const measure = r.category('measure', false);
				if (r.bad || area === null || soc === null || period === null || count === null) {
					return false;
				}
				const earlier = seen.check(`${area}|${soc}|${period}`, line);
				if (earlier !== undefined) {
					r.fail(
						'period',
						`soc ${soc}, area ${area}, period ${period} is already on line ${earlier}`
					);
					return false;
				}
				years.see(Number(period.slice(0, 4)));
				if (write) insert.run(ctx.runId, area, soc, period, count, measure);
				return true;
			},
			year: () => years.get()
		};
	}
};

// ---------------------------------------------------------------------------------------------
// 3 and 4. Occupation demographics and the labor-force baseline
// ---------------------------------------------------------------------------------------------

const shareOrCount = {
	ok: (keys: string[]) => keys.includes('share') || has(keys, 'count', 'total'),
	text: 'share (or count + total)'
};

/**
 * The share of a row: as given, or count ÷ total when the share cell is blank. Also checks
 * count against total. Null when the row has a problem (already reported).
 */
function shareOfRow(
	r: RowReader
): { share: Measured; count: number | null; total: number | null; moe: number | null } | null {
	const share = r.share('share', { markers: true }) ?? { value: null, status: null };
	const count = r.number('count', { min: 0 });
	const total = r.number('total', { min: 0 });
	const moe = r.share('share_moe');
	if (r.bad) return null;
	if (count !== null && total !== null && count > total) {
		return r.problem('count', `${count} is more than total ${total}`);
	}
	if (share.status === 'blank') {
		if (count === null || total === null) {
			return r.fail(
				r.has('share') ? 'share' : 'count',
				'share is blank and count and total are not both given: give a share, or count and total'
			);
		}
		if (total === 0) return r.problem('total', 'is 0, so no share can be computed');
		share.value = count / total;
		share.status = null;
	}
	return { share, count, total, moe: moe?.value ?? null };
}

const demographics: Kind = {
	id: 'generic-occupation-demographics',
	title: 'occupation demographics',
	required: ['area', 'soc', 'group'],
	optional: ['year', 'title', 'share', 'count', 'total', 'share_moe'],
	alternative: shareOrCount,
	needsYear: true,
	detect: (keys) =>
		has(keys, 'soc', 'group') &&
		(keys.includes('share') || keys.includes('count')) &&
		!keys.includes('universe'),
	start(ctx, fileYear) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO occupation_demographics (run_id, area, soc, source_title, matched_by, year,
			   "group", share, share_status, count, share_moe, total_employment, source_line)
			 VALUES (?, ?, ?, ?, 'code', ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		const years = new SameYear();
		return {
			row(r, line, write) {
				const area = r.area('area', true);
				const soc = r.soc('soc', true);
				const group = r.category('group', true);
				const year = rowYear(r, fileYear);
				const s = shareOfRow(r);
				if (r.bad || !s || area === null || soc === null || group === null || year === null) {
					return false;
				}
				const earlier = seen.check(`${area}|${soc}|${year}|${group}`, line);
				if (earlier !== undefined) {
					r.fail(
						'group',
						`group ${quote(group)} of ${soc} in area ${area} is already on line ${earlier}`
					);
					return false;
				}
				years.see(year);
				if (write) {
					insert.run(
						ctx.runId,
						area,
						soc,
						r.text('title'),
						year,
						group,
						s.share.value,
						s.share.status,
						s.count,
						s.moe,
						s.total,
						line
					);
				}
				return true;
			},
			year: () => years.get()
		};
	}
};

const baseline: Kind = {
	id: 'generic-labor-force-baseline',
	title: 'labor-force baseline',
	required: ['area', 'group', 'universe'],
	optional: ['year', 'share', 'count', 'total', 'share_moe'],
	alternative: shareOrCount,
	needsYear: true,
	detect: (keys) =>
		has(keys, 'group', 'universe') &&
		(keys.includes('share') || keys.includes('count')) &&
		!keys.includes('soc'),
	start(ctx, fileYear) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO labor_force_baseline (run_id, area, year, "group", universe, share, share_status,
			   count, share_moe, total)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		const years = new SameYear();
		return {
			row(r, line, write) {
				const area = r.area('area', true);
				const group = r.category('group', true);
				const universe = r.category('universe', true);
				const year = rowYear(r, fileYear);
				const s = shareOfRow(r);
				if (r.bad || !s || area === null || group === null || universe === null || year === null) {
					return false;
				}
				// The table keeps one year per area, group and universe in a run.
				const earlier = seen.check(`${area}|${group}|${universe}`, line);
				if (earlier !== undefined) {
					r.fail(
						'group',
						`group ${quote(group)} (${universe}) in area ${area} is already on line ${earlier}` +
							' (import one year per file)'
					);
					return false;
				}
				years.see(year);
				if (write) {
					insert.run(
						ctx.runId,
						area,
						year,
						group,
						universe,
						s.share.value,
						s.share.status,
						s.count,
						s.moe,
						s.total
					);
				}
				return true;
			},
			year: () => years.get()
		};
	}
};

// ---------------------------------------------------------------------------------------------
// 5. Program completions outside IPEDS
// ---------------------------------------------------------------------------------------------

const programs: Kind = {
	id: 'generic-program-completions',
	title: 'program completions (non-credit, bootcamps, certifications)',
	required: ['area', 'program', 'completers'],
	optional: ['year', 'provider', 'program_type', 'soc', 'cip'],
	alternative: {
		ok: (keys) => keys.includes('soc') || keys.includes('cip'),
		text: 'soc and/or cip'
	},
	needsYear: true,
	detect: (keys) => has(keys, 'program', 'completers'),
	start(ctx, fileYear) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO program_completions (run_id, area, year, provider, program, program_type, soc,
			   cip, completers, source_line)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		const years = new SameYear();
		return {
			row(r, line, write) {
				const area = r.area('area', true);
				const year = rowYear(r, fileYear);
				const provider = r.text('provider');
				const program = r.requiredText('program');
				const type = r.category('program_type', false);
				const soc = r.soc('soc', false);
				const cip = r.cip('cip');
				const completers = r.number('completers', { required: true, min: 0 });
				if (!r.bad && soc === null && cip === null) {
					r.fail(
						r.has('soc') ? 'soc' : 'cip',
						'soc and cip are both blank: give the occupation (soc) or program code (cip)'
					);
				}
				if (r.bad || area === null || year === null || program === null || completers === null) {
					return false;
				}
				const key = [area, year, provider ?? '', program, soc ?? '', cip ?? ''].join('|');
				const earlier = seen.check(key, line);
				if (earlier !== undefined) {
					r.fail(
						'program',
						`program ${quote(program)} is already on line ${earlier} with the same codes`
					);
					return false;
				}
				years.see(year);
				if (write) {
					insert.run(ctx.runId, area, year, provider, program, type, soc, cip, completers, line);
				}
				return true;
			},
			year: () => years.get()
		};
	}
};

// ---------------------------------------------------------------------------------------------
// 6. Pathway edges
// ---------------------------------------------------------------------------------------------

const pathways: Kind = {
	id: 'generic-pathway-edges',
	title: 'career-pathway edges',
	required: ['from_soc', 'to_soc', 'source'],
	optional: ['note', 'area'],
	detect: (keys) => has(keys, 'from_soc', 'to_soc'),
	start(ctx, fileYear) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO pathway_edges (run_id, from_soc, to_soc, source, note, area)
			 VALUES (?, ?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		return {
			row(r, line, write) {
				const from = r.soc('from_soc', true);
				const to = r.soc('to_soc', true);
				const source = r.requiredText('source');
				const area = r.area('area', false);
				if (from !== null && from === to) {
					r.problem('to_soc', `the edge leads from ${from} back to itself`);
				}
				if (r.bad || from === null || to === null || source === null) return false;
				const earlier = seen.check(`${from}|${to}|${source}`, line);
				if (earlier !== undefined) {
					r.fail(
						'to_soc',
						`the edge ${from} → ${to} from ${quote(source)} is already on line ${earlier}`
					);
					return false;
				}
				if (write) insert.run(ctx.runId, from, to, source, r.text('note'), area);
				return true;
			},
			year: () => fileYear
		};
	}
};

// ---------------------------------------------------------------------------------------------
// 7. Credentials
// ---------------------------------------------------------------------------------------------

const credentials: Kind = {
	id: 'generic-credentials',
	title: 'credentials',
	required: ['name', 'issuer', 'soc'],
	optional: [
		'type',
		'cost_usd',
		'duration_months',
		'completion_rate',
		'employment_rate',
		'median_wage_after',
		'url',
		'area'
	],
	detect: (keys) => has(keys, 'name', 'issuer', 'soc'),
	start(ctx, fileYear) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO credentials (run_id, name, type, issuer, soc, area, cost_usd, duration_months,
			   completion_rate, employment_rate, median_wage_after, url, source_line)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		return {
			row(r, line, write) {
				const name = r.requiredText('name');
				const type = r.category('type', false);
				const issuer = r.text('issuer');
				const soc = r.soc('soc', true);
				const area = r.area('area', false);
				const cost = r.number('cost_usd', { min: 0 });
				const months = r.number('duration_months', { above: 0 });
				const completion = r.share('completion_rate');
				const employment = r.share('employment_rate');
				const wage = r.number('median_wage_after', { min: 0 });
				const url = r.text('url');
				if (url !== null && !/^https?:\/\/\S+$/i.test(url)) {
					r.problem(
						'url',
						`expected an address starting with http:// or https://, found ${quote(url)}`
					);
				}
				if (r.bad || name === null || soc === null) return false;
				const earlier = seen.check([name, issuer ?? '', soc, area ?? ''].join('|'), line);
				if (earlier !== undefined) {
					r.fail('name', `credential ${quote(name)} for ${soc} is already on line ${earlier}`);
					return false;
				}
				if (write) {
					insert.run(
						ctx.runId,
						name,
						type,
						issuer,
						soc,
						area,
						cost,
						months,
						completion?.value ?? null,
						employment?.value ?? null,
						wage,
						url,
						line
					);
				}
				return true;
			},
			year: () => fileYear
		};
	}
};

const KINDS: readonly Kind[] = [
	projections,
	postings,
	demographics,
	baseline,
	programs,
	pathways,
	credentials
];

export const adapters: SourceAdapter[] = KINDS.map(makeAdapter);

/**
 * Indeed Hiring Lab job-postings index files (`hiring-lab/job_postings_tracker`, US folder):
 *
 * - `aggregate_job_postings_US.csv`: all postings and new postings, seasonally adjusted and not.
 * - `job_postings_by_sector_US.csv`: one series per Indeed occupational sector (not SOC).
 * - `metro_job_postings_us.csv`: one series per CBSA. Older snapshots publish `pct_chng_feb_1`
 *   (percent change since 2020-02-01, baseline 0); newer ones `indeed_job_postings_index`
 *   (baseline 100). `basis` records which.
 * - `state_job_postings_us.csv`: lowercase postal codes, stored as 2-digit state FIPS codes.
 *
 * Every value is a 7-day average of postings relative to 1 February 2020: a trend, never a count.
 * All series are seasonally adjusted except the aggregate file's `_NSA` column.
 */
import type Database from 'better-sqlite3';
import { FirstSeen } from '../kit';
import { quote } from '../normalize';
import { type AdapterSession, type IssueSink, type OpenContext, type SourceAdapter } from './types';

export const INDEX_BASIS = 'index-feb2020-100';
export const PCT_CHANGE_BASIS = 'pct-change-since-feb2020';
const US = '99';

/** Postal abbreviation → 2-digit FIPS code: the 50 states and the District of Columbia. */
export const STATE_FIPS: Readonly<Record<string, string>> = {
	AL: '01',
	AK: '02',
	AZ: '04',
	AR: '05',
	CA: '06',
	CO: '08',
	CT: '09',
	DE: '10',
	DC: '11',
	FL: '12',
	GA: '13',
	HI: '15',
	ID: '16',
	IL: '17',
	IN: '18',
	IA: '19',
	KS: '20',
	KY: '21',
	LA: '22',
	ME: '23',
	MD: '24',
	MA: '25',
	MI: '26',
	MN: '27',
	MS: '28',
	MO: '29',
	MT: '30',
	NE: '31',
	NV: '32',
	NH: '33',
	NJ: '34',
	NM: '35',
	NY: '36',
	NC: '37',
	ND: '38',
	OH: '39',
	OK: '40',
	OR: '41',
	PA: '42',
	RI: '44',
	SC: '45',
	SD: '46',
	TN: '47',
	TX: '48',
	UT: '49',
	VT: '50',
	VA: '51',
	WA: '53',
	WV: '54',
	WI: '55',
	WY: '56'
};

const TREND_NOTE =
	'Indeed job-postings values are an index of postings relative to 1 February 2020 (a trend), ' +
	'not counts of postings: compare them over time, never add them to employment or openings';

/** One value of a row: which column, its series name, basis and adjustment. */
interface Measure {
	column: number;
	basis: string;
	seasonallyAdjusted: boolean;
	/** Added to the series name (e.g. for the aggregate file's NSA column). */
	suffix: string;
}

interface Shape {
	/** Area code for the row, or null after reporting an issue. */
	area(cells: string[], issue: IssueSink): string | null;
	/** Series name for the row (before a measure's suffix), or null after reporting an issue. */
	series(cells: string[], issue: IssueSink): string | null;
	measures: Measure[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(text: string): boolean {
	const m = DATE.exec(text);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

/** Indeed's `variable` column: total postings are series `all`, new postings `new postings`. */
function readVariable(cells: string[], column: number, issue: IssueSink): string | null {
	if (column < 0) return 'all';
	const raw = (cells[column] ?? '').trim();
	const v = raw.toLowerCase();
	if (v === '' || v === 'total postings') return 'all';
	if (v === 'new postings') return v;
	issue(column, `variable: expected "total postings" or "new postings", found ${quote(raw)}`);
	return null;
}

function checkCountry(cells: string[], column: number, issue: IssueSink): boolean {
	if (column < 0) return true;
	const country = (cells[column] ?? '').trim();
	if (country.toUpperCase() === 'US') return true;
	issue(column, `jobcountry: this importer reads the US files, found ${quote(country)}`);
	return false;
}

function prepare(sqlite: Database.Database) {
	return sqlite.prepare(
		`INSERT INTO postings_index (run_id, area, series, date, value, basis, seasonally_adjusted)
		 VALUES (?, ?, ?, ?, ?, ?, ?)`
	);
}

/** Shared row loop: date, area, series, then one row per measure. */
function session(ctx: OpenContext, shape: Shape, label: string): AdapterSession {
	const at = (k: string) => ctx.keys.indexOf(k);
	const dateCol = at('date');
	const insert = prepare(ctx.sqlite);
	const seen = new FirstSeen();
	const areas = new Set<string>();
	const series = new Set<string>();
	let first = '';
	let last = '';
	let empty = 0;

	return {
		year: null,
		row(cells, line, issue, write) {
			const date = (cells[dateCol] ?? '').trim();
			if (!validDate(date)) {
				issue(dateCol, `date: expected a date like 2020-02-01, found ${quote(date)}`);
				return 'skipped';
			}
			const area = shape.area(cells, issue);
			const name = shape.series(cells, issue);
			if (area === null || name === null) return 'skipped';
			const values: (number | null)[] = [];
			let bad = false;
			for (const m of shape.measures) {
				const text = (cells[m.column] ?? '').trim();
				if (text === '' || text.toUpperCase() === 'NA') {
					values.push(null);
					empty++;
					continue;
				}
				const value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
				if (Number.isNaN(value)) {
					issue(m.column, `${ctx.header[m.column]}: expected a number, found ${quote(text)}`);
					bad = true;
				}
				values.push(value);
			}
			if (bad) return 'skipped';
			// One series per area and date; the file's own line tells the user where the first was.
			const key = `${area}\u0000${name}\u0000${date}`;
			const earlier = seen.check(key, line);
			if (earlier !== undefined) {
				issue(
					dateCol,
					`${label} ${quote(name)} for area ${area} on ${date} is already on line ${earlier}`
				);
				return 'skipped';
			}
			if (!write) return 'imported';
			shape.measures.forEach((m, k) => {
				const s = name + m.suffix;
				insert.run(ctx.runId, area, s, date, values[k]!, m.basis, m.seasonallyAdjusted ? 1 : 0);
				series.add(s);
			});
			areas.add(area);
			if (first === '' || date < first) first = date;
			if (date > last) last = date;
			return 'imported';
		},
		finish() {
			ctx.notes.push(TREND_NOTE);
			if (shape.measures.some((m) => m.basis === PCT_CHANGE_BASIS)) {
				ctx.notes.push(
					'this file gives the percent change since 1 February 2020 (0 = baseline), not the ' +
						'index (100 = baseline): stored with basis pct-change-since-feb2020'
				);
			}
			if (empty > 0) ctx.notes.push(`${empty} empty or NA values stored as NULL`);
			return { meta: { from: first, to: last, areas: areas.size, series: series.size } };
		}
	};
}

function openAggregate(ctx: OpenContext): AdapterSession {
	const at = (k: string) => ctx.keys.indexOf(k);
	const sa = at('indeed_job_postings_index_sa');
	const nsa = at('indeed_job_postings_index_nsa');
	const variable = at('variable');
	const country = at('jobcountry');
	const measures: Measure[] = [];
	// The table's key has no room for the adjustment, so the NSA series carries it in its name.
	if (sa >= 0) {
		measures.push({ column: sa, basis: INDEX_BASIS, seasonallyAdjusted: true, suffix: '' });
	}
	if (nsa >= 0) {
		measures.push({
			column: nsa,
			basis: INDEX_BASIS,
			seasonallyAdjusted: false,
			suffix: ' (not seasonally adjusted)'
		});
	}
	return session(
		ctx,
		{
			area: (cells, issue) => (checkCountry(cells, country, issue) ? US : null),
			series: (cells, issue) => readVariable(cells, variable, issue),
			measures
		},
		'series'
	);
}

function openSector(ctx: OpenContext): AdapterSession {
	const at = (k: string) => ctx.keys.indexOf(k);
	const sector = at('display_name');
	const variable = at('variable');
	const country = at('jobcountry');
	return session(
		ctx,
		{
			area: (cells, issue) => (checkCountry(cells, country, issue) ? US : null),
			series(cells, issue) {
				const name = (cells[sector] ?? '').trim();
				if (name === '') {
					issue(sector, 'display_name (the sector) is empty');
					return null;
				}
				const v = readVariable(cells, variable, issue);
				if (v === null) return null;
				return v === 'all' ? name : `${name}: new postings`;
			},
			measures: [
				{
					column: at('indeed_job_postings_index'),
					basis: INDEX_BASIS,
					seasonallyAdjusted: true,
					suffix: ''
				}
			]
		},
		'sector'
	);
}

function openMetro(ctx: OpenContext): AdapterSession {
	const at = (k: string) => ctx.keys.indexOf(k);
	const code = at('cbsa_code');
	const index = at('indeed_job_postings_index');
	const column = index >= 0 ? index : at('pct_chng_feb_1');
	return session(
		ctx,
		{
			area(cells, issue) {
				const raw = (cells[code] ?? '').trim();
				if (!/^\d{5}$/.test(raw)) {
					issue(code, `cbsa_code: expected a 5-digit CBSA code, found ${quote(raw)}`);
					return null;
				}
				return raw;
			},
			series: () => 'all',
			measures: [
				{
					column,
					basis: index >= 0 ? INDEX_BASIS : PCT_CHANGE_BASIS,
					seasonallyAdjusted: true,
					suffix: ''
				}
			]
		},
		'series'
	);
}

function openState(ctx: OpenContext): AdapterSession {
	const at = (k: string) => ctx.keys.indexOf(k);
	const state = at('state');
	return session(
		ctx,
		{
			area(cells, issue) {
				const raw = (cells[state] ?? '').trim();
				const fips = STATE_FIPS[raw.toUpperCase()];
				if (!fips) {
					issue(
						state,
						`state: expected a state's postal abbreviation (e.g. az), found ${quote(raw)}`
					);
					return null;
				}
				return fips;
			},
			series: () => 'all',
			measures: [
				{
					column: at('indeed_job_postings_index'),
					basis: INDEX_BASIS,
					seasonallyAdjusted: true,
					suffix: ''
				}
			]
		},
		'series'
	);
}

const PUBLISHER = 'Indeed Hiring Lab';

export const adapters: SourceAdapter[] = [
	{
		id: 'indeed-postings-us',
		title: 'Indeed Hiring Lab job postings index, United States (total and new postings)',
		publisher: PUBLISHER,
		required: ['date', 'indeed_job_postings_index_SA or indeed_job_postings_index_NSA'],
		optional: ['jobcountry', 'variable'],
		detect(keys) {
			return (
				keys.includes('date') &&
				(keys.includes('indeed_job_postings_index_sa') ||
					keys.includes('indeed_job_postings_index_nsa'))
			);
		},
		open: openAggregate
	},
	{
		id: 'indeed-postings-sector',
		title: 'Indeed Hiring Lab job postings index by occupational sector, United States',
		publisher: PUBLISHER,
		required: ['date', 'display_name', 'indeed_job_postings_index'],
		optional: ['jobcountry', 'variable'],
		detect(keys) {
			return (
				keys.includes('date') &&
				keys.includes('display_name') &&
				keys.includes('indeed_job_postings_index')
			);
		},
		open: openSector
	},
	{
		id: 'indeed-postings-metro',
		title: 'Indeed Hiring Lab job postings by metro area (index or % change since Feb 2020)',
		publisher: PUBLISHER,
		required: ['date', 'cbsa_code', 'indeed_job_postings_index or pct_chng_feb_1'],
		optional: [],
		detect(keys) {
			return (
				keys.includes('date') &&
				keys.includes('cbsa_code') &&
				(keys.includes('indeed_job_postings_index') || keys.includes('pct_chng_feb_1'))
			);
		},
		open: openMetro
	},
	{
		id: 'indeed-postings-state',
		title: 'Indeed Hiring Lab job postings index by state',
		publisher: PUBLISHER,
		required: ['date', 'state', 'indeed_job_postings_index'],
		optional: [],
		detect(keys) {
			return (
				keys.includes('date') &&
				keys.includes('state') &&
				keys.includes('indeed_job_postings_index')
			);
		},
		open: openState
	}
];

/**
 * BLS CPS annual averages, Table 11 (`cpsaat11.xlsx`): employed persons by detailed occupation,
 * with the percent who are women, White, Black or African American, Asian, and Hispanic or Latino.
 * National only (area `99`); one `occupation_demographics` row per occupation row × group.
 *
 * Two header layouts are read:
 * - 2022: `Occupation | 2022` on one row, `Total employed | Percent of total employed` below it,
 *   then the group names on a third row whose first two cells are empty (that row is the header).
 * - 2021: one flattened row (`Occupation | Total Employed | Percent of total employed Women | …`).
 *
 * CPS rows carry Census occupation titles, not SOC codes: each title is matched to a SOC code by
 * exact (normalised) title against what the database already holds — see `TitleMatcher`.
 * `–` (base under 50,000) becomes NULL with status `not_available`; an empty cell NULL/`blank`.
 * Totals are published in thousands and stored in persons.
 */
import type Database from 'better-sqlite3';
import type { ValueStatus } from '../../db/schema';
import { notMeasured, readMeasured, type Measured } from '../kit';
import { SOC_CODE, quote, socLevel } from '../normalize';
import { cpsCrosswalk } from './cps-crosswalk';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

export const CPS_AREA = '99';

/** Table 11's groups: the suffix of the header key → our group name. */
const GROUPS = [
	['women', 'women'],
	['white', 'white'],
	['black_or_african_american', 'black'],
	['asian', 'asian'],
	['hispanic_or_latino', 'hispanic']
] as const;
type Group = (typeof GROUPS)[number][1];

const PERCENT_PREFIX = 'percent_of_total_employed_';
const TOTAL_ROW = /^total,?\s+16 years and over$/i;

/** The group a header key names, with or without the 2021 layout's "Percent of total employed". */
function groupOf(key: string): Group | null {
	const bare = key.startsWith(PERCENT_PREFIX) ? key.slice(PERCENT_PREFIX.length) : key;
	for (const [suffix, group] of GROUPS) if (bare === suffix) return group;
	return null;
}

interface Layout {
	title: number;
	total: number;
	groups: { group: Group; column: number }[];
	/** The 2022 layout keeps the year on a row above the header. */
	stacked: boolean;
}

function layoutOf(keys: string[]): Layout | null {
	const groups: Layout['groups'] = [];
	keys.forEach((k, column) => {
		const group = groupOf(k);
		if (group && !groups.some((g) => g.group === group)) groups.push({ group, column });
	});
	if (groups.length !== GROUPS.length) return null;
	const named = keys.indexOf('occupation');
	const stacked = named < 0 && keys[0] === '';
	const title = stacked ? 0 : named;
	if (title < 0) return null;
	let total = keys.findIndex((k) => /^total_employed/.test(k));
	// 2022: "Total employed" sits on the row above, over the blank cell next to the title.
	if (total < 0 && keys[title + 1] === '') total = title + 1;
	if (total < 0) return null;
	return { title, total, groups, stacked };
}

/**
 * Years seen on a 2022-layout `Occupation | 2022` row, by file name, waiting for the header row
 * below it. The loader hands `open` only the header row, so `detect` — which sees every row above
 * it — is the one place the year printed in the file can be picked up.
 */
const yearAbove = new Map<string, number>();

function noteYearRow(keys: string[], fileName: string): void {
	if (keys[0] !== 'occupation' || !/^(19|20)\d{2}$/.test(keys[1] ?? '')) return;
	if (keys.slice(2).some((k) => k !== '')) return;
	yearAbove.set(fileName, Number(keys[1]));
}

// ---------------------------------------------------------------------------------------------
// Title matching

/** Compares titles: case, runs of spaces, dash variants and `&` versus `and` do not matter. */
export function titleKey(title: string): string {
	return title
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/\s*[\u2010-\u2015\u2212-]\s*/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Where a title was found, in the order tried; the name is stored as `matched_by`. */
const TIERS = ['exact-title', 'direct-match-title', 'alternate-title'] as const;
type Tier = (typeof TIERS)[number];

const LEVEL_DEPTH = { total: 0, major: 1, minor: 2, broad: 3, detailed: 4 } as const;

export type TitleMatch =
	| { soc: string; matchedBy: Tier | 'total' | 'census-crosswalk' }
	| { soc: null; ambiguous: string[] | null };

/**
 * Matches Census occupation titles to SOC codes using the titles already in the database:
 * official titles (`occupations`, `soc_definitions`) first, then SOC direct-match titles, then
 * O*NET alternate titles — a later list is tried only when the earlier ones hold no such title.
 * Within a list the most detailed level wins (a broad and a detailed code often share a title);
 * two codes at that level make the title ambiguous, and it stays unmatched.
 */
export class TitleMatcher {
	private readonly byKey = new Map<string, Map<Tier, Set<string>>>();
	readonly size: number;

	constructor(sqlite: Database.Database) {
		const rows = sqlite
			.prepare(
				`SELECT soc, title, 'exact-title' AS tier FROM occupations WHERE vintage = '2018'
				 UNION SELECT soc, title, 'exact-title' FROM soc_definitions
				 UNION SELECT soc, title, CASE kind WHEN 'soc-direct-match' THEN 'direct-match-title'
				   ELSE 'alternate-title' END
				 FROM occupation_titles WHERE kind IN ('soc-direct-match', 'onet-alternate')`
			)
			.all() as { soc: string; title: string; tier: Tier }[];
		for (const { soc, title, tier } of rows) {
			if (!SOC_CODE.test(soc)) continue;
			const key = titleKey(title);
			let tiers = this.byKey.get(key);
			if (!tiers) this.byKey.set(key, (tiers = new Map()));
			let codes = tiers.get(tier);
			if (!codes) tiers.set(tier, (codes = new Set()));
			codes.add(soc);
		}
		this.size = this.byKey.size;
	}

	match(title: string): TitleMatch {
		if (TOTAL_ROW.test(title.trim())) return { soc: '00-0000', matchedBy: 'total' };
		const tiers = this.byKey.get(titleKey(title));
		if (!tiers) return { soc: null, ambiguous: null };
		for (const tier of TIERS) {
			const codes = tiers.get(tier);
			if (!codes) continue;
			let depth = -1;
			let best: string[] = [];
			for (const soc of codes) {
				const d = LEVEL_DEPTH[socLevel(soc)];
				if (d > depth) [depth, best] = [d, [soc]];
				else if (d === depth) best.push(soc);
			}
			if (best.length === 1) return { soc: best[0]!, matchedBy: tier };
			return { soc: null, ambiguous: best.sort() };
		}
		return { soc: null, ambiguous: null };
	}
}

// ---------------------------------------------------------------------------------------------
// Cells

/** Table 11's one marker, any dash, for "base under 50,000" (OEWS's *, #, … are not numbers here). */
const DASHES = new Map<string, ValueStatus>(
	[...'-\u2010\u2011\u2012\u2013\u2014\u2015'].map((dash) => [dash, 'not_available'])
);

/** A Table 11 number, or the message for after the column's name. */
function readCell(raw: string): Measured | string {
	return readMeasured(raw, DASHES) ?? notMeasured(raw, 'a number or – (dash)');
}

/** A header cell as a column name for messages ("Black or African American"). */
function columnName(header: string[], i: number, fallback: string): string {
	const text = (header[i] ?? '').replace(/\s+/g, ' ').trim();
	return text === '' ? fallback : text;
}

function open(ctx: OpenContext): AdapterSession {
	const layout = layoutOf(ctx.keys);
	if (!layout)
		throw new ImportError('the CPS Table 11 header lacks its occupation or group columns');
	const printed = layout.stacked ? (yearAbove.get(ctx.fileName) ?? null) : null;
	yearAbove.delete(ctx.fileName);
	const year = printed ?? ctx.year;
	if (year === null) {
		throw new ImportError(
			'cannot tell which year this CPS Table 11 holds: keep the year in the file name ' +
				'(e.g. cpsaat11_2022.xlsx) or pass --year'
		);
	}
	if (printed !== null && ctx.year !== null && ctx.year !== printed) {
		ctx.notes.push(
			`the table says ${printed}, the file name or --year ${ctx.year}: ${printed} used`
		);
	}

	const matcher = new TitleMatcher(ctx.sqlite);
	// Detailed lines take their SOC codes from the Census code list when it is imported.
	const crosswalk = cpsCrosswalk(ctx.sqlite);
	const insert = ctx.sqlite.prepare(
		`INSERT INTO occupation_demographics
		 (run_id, area, soc, source_title, matched_by, year, "group", share, share_status, count,
		  share_moe, total_employment, source_line)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`
	);
	const totalName = columnName(ctx.header, layout.total, 'Total employed');
	const groupNames = layout.groups.map((g) =>
		columnName(ctx.header, g.column, g.group).replace(/^Percent of total employed /i, '')
	);
	const matchedBy = new Map<string, number>();
	const unmatched: string[] = [];
	let titles = 0;
	let suppressed = 0;

	return {
		year,
		row(cells, line, issue, write) {
			const title = (cells[layout.title] ?? '').replace(/\s+/g, ' ').trim();
			if (title === '') {
				issue(layout.title, 'Occupation is empty');
				return 'skipped';
			}
			let bad = false;
			const totalCell = readCell(cells[layout.total] ?? '');
			const total = typeof totalCell === 'string' ? null : totalCell.value;
			const totalProblem =
				typeof totalCell === 'string'
					? totalCell
					: total !== null && total < 0
						? `expected thousands of persons, found ${quote(String(total))}`
						: null;
			if (totalProblem !== null) {
				issue(layout.total, `${totalName}: ${totalProblem}`);
				bad = true;
			}
			const shares = layout.groups.map((g, k): Measured => {
				const cell = readCell(cells[g.column] ?? '');
				const problem =
					typeof cell === 'string'
						? cell
						: cell.value !== null && (cell.value < 0 || cell.value > 100)
							? `expected a percentage from 0 to 100, found ${quote(String(cell.value))}`
							: null;
				if (problem === null) return cell as Measured;
				issue(g.column, `${groupNames[k]}: ${problem}`);
				bad = true;
				return { value: null, status: null };
			});
			if (bad) return 'skipped';

			titles++;
			const crosswalked = crosswalk?.(title) ?? null;
			const match: TitleMatch = crosswalked
				? { soc: crosswalked[0]!, matchedBy: 'census-crosswalk' }
				: matcher.match(title);
			if (match.soc === null) {
				unmatched.push(
					// Whole titles, not `quote`'s 60-character cut: this list is what a user maps by hand.
					match.ambiguous
						? `${JSON.stringify(title)} (ambiguous: ${match.ambiguous.join(', ')})`
						: JSON.stringify(title)
				);
			} else matchedBy.set(match.matchedBy, (matchedBy.get(match.matchedBy) ?? 0) + 1);
			if (!write) return 'imported';
			const persons = total === null ? null : Math.round(total * 1000);
			// A combined line ("Computer support specialists") is written once per SOC code it stands for.
			(crosswalked ?? [match.soc]).forEach((soc, copy) => {
				layout.groups.forEach((g, k) => {
					const { value, status } = shares[k]!;
					if (status === 'not_available' && copy === 0) suppressed++;
					// percent × thousands × 10 = persons, kept in whole numbers to avoid 0.1 + 0.2 noise.
					const count = value === null || total === null ? null : Math.round(value * total * 10);
					insert.run(
						ctx.runId,
						CPS_AREA,
						soc,
						title,
						match.soc === null ? null : match.matchedBy,
						year,
						g.group,
						value === null ? null : value / 100,
						status,
						count,
						persons,
						line
					);
				});
			});
			return 'imported';
		},
		finish() {
			if (matcher.size === 0) {
				ctx.notes.push(
					'no occupation titles in the database to match CPS titles against: import an OEWS ' +
						'national file or the SOC 2018 definitions first, then import this table again'
				);
			}
			const matched = [...matchedBy.values()].reduce((a, b) => a + b, 0);
			if (matched > 0) {
				const how = [...matchedBy].map(([by, n]) => `${n} by ${by}`).join(', ');
				ctx.notes.push(`${matched} of ${titles} CPS occupation titles matched a SOC code (${how})`);
			}
			if (unmatched.length > 0) {
				ctx.notes.push(
					`${unmatched.length} of ${titles} CPS occupation titles matched no SOC code and are ` +
						`kept with soc NULL: ${unmatched.join('; ')}`
				);
			}
			if (suppressed > 0) {
				ctx.notes.push(
					`${suppressed} shares shown as – (base under 50,000 persons) stored as NULL, not_available`
				);
			}
			ctx.notes.push(
				'race shares cover White, Black and Asian alone and do not sum to 100%; Hispanic or ' +
					'Latino people may be of any race'
			);
			return {
				meta: {
					titles,
					matched: Object.fromEntries(matchedBy),
					unmatched: unmatched.length,
					totalUnits: 'persons (published in thousands)'
				}
			};
		}
	};
}

export const cpsTable11: SourceAdapter = {
	id: 'bls-cps-table11',
	title: 'BLS CPS Table 11: employed persons by detailed occupation, sex, race, Hispanic origin',
	publisher: 'U.S. Bureau of Labor Statistics',
	required: [
		'Occupation',
		'Total employed',
		'Women',
		'White',
		'Black or African American',
		'Asian',
		'Hispanic or Latino'
	],
	optional: [],
	detect(keys, where) {
		noteYearRow(keys, where.fileName);
		return layoutOf(keys) !== null;
	},
	open
};

export const adapters: SourceAdapter[] = [cpsTable11];

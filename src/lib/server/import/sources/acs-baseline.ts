/**
 * ACS 1-year estimates by CBSA, as extracted from the Census API (one row per CBSA, columns named
 * `<TABLE>_<COL>_<ROW>E` for estimates and `…M` for margins of error). Writes `labor_force_baseline`:
 *
 * - universe `workers-16+` from S0802 (workers 16 and over): the total count and the percent of
 *   workers in each race / Hispanic-origin group; share = percent / 100, count = share × total,
 *   share_moe = the published margin of error / 100.
 * - universe `population` from B03002 (Hispanic or Latino origin by race): counts; share =
 *   count / total. Census publishes no margin for the share, so share_moe stays NULL.
 *
 * `NA` (and Census's negative "jam" values) become NULL with status `not_available`.
 * The year is not in the file: it comes from the file name or `--year`.
 */
import type { ValueStatus } from '../../db/schema';
import { FirstSeen, readMeasured, type Measured } from '../kit';
import { CellError, quote } from '../normalize';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

/** S0802 column 1 (all workers 16+): row → group. Row 001 is the total. */
const WORKER_GROUPS = [
	['012', 'white'], // one race: White (any ethnicity)
	['013', 'black'], // one race: Black or African American
	['014', 'aian'], // one race: American Indian and Alaska Native
	['015', 'asian'], // one race: Asian
	['016', 'nhpi'], // one race: Native Hawaiian and Other Pacific Islander
	['017', 'other-race'], // one race: some other race
	['018', 'two-or-more'], // two or more races
	['019', 'hispanic'], // Hispanic or Latino origin, of any race
	['020', 'white-non-hispanic'] // White alone, not Hispanic or Latino
] as const;

/** B03002 rows → group. Row 001 is the total; 010/011 split row 009 and are not needed. */
const POPULATION_GROUPS = [
	['002', 'non-hispanic'],
	['003', 'white-non-hispanic'],
	['004', 'black-non-hispanic'],
	['005', 'aian-non-hispanic'],
	['006', 'asian-non-hispanic'],
	['007', 'nhpi-non-hispanic'],
	['008', 'other-race-non-hispanic'],
	['009', 'two-or-more-non-hispanic'],
	['012', 'hispanic']
] as const;

const WORKERS_TOTAL = 's0802_c01_001e';
const POPULATION_TOTAL = 'b03002_001e';

/** Values the Census API puts in place of an estimate or margin it does not publish. */
const JAM_VALUES = new Set([
	-111111111, -222222222, -333333333, -555555555, -666666666, -888888888, -999999999
]);

/** The Census API's own markers for a figure it does not publish (NA in any case, `(X)`, `N`). */
const ACS_MARKERS = new Map<string, ValueStatus>([
	['NA', 'not_available'],
	['(X)', 'not_available'],
	['N', 'not_available']
]);

function readCell(raw: string): Measured {
	const text = raw.trim();
	const m = readMeasured(/^na$/i.test(text) ? 'NA' : text, ACS_MARKERS);
	if (m === null) throw new CellError(`expected a number or NA, found ${quote(text)}`);
	if (m.value !== null && JAM_VALUES.has(m.value)) return { value: null, status: 'not_available' };
	if (m.value !== null && m.value < 0) {
		throw new CellError(`expected a number that is not negative, found ${quote(text)}`);
	}
	return m;
}

interface GroupColumns {
	group: string;
	estimate: number;
	moe: number;
}

function columnsOf(keys: string[], table: string, rows: readonly (readonly [string, string])[]) {
	const found: GroupColumns[] = [];
	const missing: string[] = [];
	for (const [row, group] of rows) {
		const estimate = keys.indexOf(`${table}_${row}e`);
		if (estimate < 0) missing.push(`${table}_${row}E`.toUpperCase());
		else found.push({ group, estimate, moe: keys.indexOf(`${table}_${row}m`) });
	}
	return { found, missing };
}

function open(ctx: OpenContext): AdapterSession {
	const at = (k: string) => ctx.keys.indexOf(k);
	const codeCol = at('cbsa_code');
	const workersTotal = at(WORKERS_TOTAL);
	const populationTotal = at(POPULATION_TOTAL);
	const year = ctx.year;
	if (year === null) {
		throw new ImportError(
			'cannot tell which ACS year this extract holds: keep the year in the file name ' +
				'(e.g. acs1_2019_cbsa.csv) or pass --year'
		);
	}
	const workers = columnsOf(ctx.keys, 's0802_c01', WORKER_GROUPS);
	const population = columnsOf(ctx.keys, 'b03002', POPULATION_GROUPS);
	if (workersTotal >= 0 && workers.found.length === 0) {
		throw new ImportError(
			'the ACS extract has S0802_C01_001E but none of rows 012–020 (percent of workers by race and Hispanic origin)'
		);
	}
	const universes: { universe: string; total: number; groups: GroupColumns[]; percent: boolean }[] =
		[];
	if (workersTotal >= 0) {
		universes.push({
			universe: 'workers-16+',
			total: workersTotal,
			groups: workers.found,
			percent: true
		});
		if (workers.missing.length > 0) {
			ctx.notes.push(
				`workers-16+: columns not in the file, groups skipped: ${workers.missing.join(', ')}`
			);
		}
	}
	if (populationTotal >= 0 && population.found.length > 0) {
		universes.push({
			universe: 'population',
			total: populationTotal,
			groups: population.found,
			percent: false
		});
		if (population.missing.length > 0) {
			ctx.notes.push(
				`population: columns not in the file, groups skipped: ${population.missing.join(', ')}`
			);
		}
	}
	if (universes.length === 0) {
		throw new ImportError(
			'the ACS extract has neither S0802 worker rows nor B03002 population rows'
		);
	}

	const insert = ctx.sqlite.prepare(
		`INSERT INTO labor_force_baseline
		 (run_id, area, year, "group", universe, share, share_status, count, share_moe, total)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const seen = new FirstSeen();
	const missingShares = new Map<string, number>();
	let areas = 0;

	return {
		year,
		row(cells, line, issue, write) {
			const code = (cells[codeCol] ?? '').trim();
			if (!/^\d{5}$/.test(code)) {
				issue(codeCol, `cbsa_code: expected a 5-digit CBSA code, found ${quote(code)}`);
				return 'skipped';
			}
			const earlier = seen.check(code, line);
			if (earlier !== undefined) {
				issue(codeCol, `cbsa_code: CBSA ${code} is already on line ${earlier}`);
				return 'skipped';
			}
			let bad = false;
			const read = (i: number): Measured => {
				if (i < 0) return { value: null, status: 'blank' };
				try {
					return readCell(cells[i] ?? '');
				} catch (e) {
					if (!(e instanceof CellError)) throw e;
					issue(i, `${ctx.header[i]}: ${e.message}`);
					bad = true;
					return { value: null, status: null };
				}
			};
			const rows: unknown[][] = [];
			for (const u of universes) {
				const total = read(u.total).value;
				for (const g of u.groups) {
					const estimate = read(g.estimate);
					const moe = read(g.moe).value;
					let share: number | null;
					let count: number | null;
					if (u.percent) {
						if (estimate.value !== null && estimate.value > 100) {
							issue(
								g.estimate,
								`${ctx.header[g.estimate]}: expected a percentage from 0 to 100, found ${quote(String(estimate.value))}`
							);
							bad = true;
						}
						share = estimate.value === null ? null : estimate.value / 100;
						count = share === null || total === null ? null : Math.round(share * total);
					} else {
						count = estimate.value;
						share = count === null || !total ? null : count / total;
					}
					const status: ValueStatus | null =
						share !== null ? null : estimate.value === null ? estimate.status : 'not_available';
					if (share === null) {
						missingShares.set(u.universe, (missingShares.get(u.universe) ?? 0) + 1);
					}
					const shareMoe = u.percent && moe !== null ? moe / 100 : null;
					rows.push([
						ctx.runId,
						code,
						year,
						g.group,
						u.universe,
						share,
						status,
						count,
						shareMoe,
						total
					]);
				}
			}
			if (bad) return 'skipped';
			if (!write) return 'imported';
			for (const params of rows) insert.run(params);
			areas++;
			return 'imported';
		},
		finish() {
			for (const [universe, n] of missingShares) {
				ctx.notes.push(
					`${universe}: ${n} shares not published for their CBSA (NA) stored as NULL, not_available`
				);
			}
			ctx.notes.push(
				'workers-16+ race groups are one race alone of any ethnicity (plus white-non-hispanic); ' +
					'hispanic is of any race; population groups are non-Hispanic races plus hispanic'
			);
			return {
				meta: { areas, universes: universes.map((u) => u.universe) }
			};
		}
	};
}

export const acsBaseline: SourceAdapter = {
	id: 'census-acs-cbsa-baseline',
	title:
		'Census ACS 1-year by CBSA: workers 16+ (S0802) and population (B03002) by race and Hispanic origin',
	publisher: 'U.S. Census Bureau',
	required: ['cbsa_code', 'S0802_C01_001E or B03002_001E'],
	optional: [
		'cbsa_name',
		...WORKER_GROUPS.flatMap(([row]) => [`S0802_C01_${row}E`, `S0802_C01_${row}M`]),
		...POPULATION_GROUPS.map(([row]) => `B03002_${row}E`)
	],
	detect(keys) {
		return (
			keys.includes('cbsa_code') &&
			(keys.includes(WORKERS_TOTAL) || keys.includes(POPULATION_TOTAL))
		);
	},
	open
};

export const adapters: SourceAdapter[] = [acsBaseline];

/**
 * The area model: for every detailed occupation of an area and year, demand (employment, LQ,
 * openings), supply (completions allocated through the CIP–SOC crosswalk, plus imported non-credit
 * completers), wages (against the region, the nation and a living wage), representation (each
 * group against its baseline) and a priority score, with the runs behind every figure.
 *
 * Built once per area, year and options, and kept until the data change (the data version of
 * ../db/cache.ts): every page and API answer about the area is a thin view over it (./views).
 * It is shared, so views never change it.
 */
import { chooseOpenings } from '../../analysis/openings';
import { parity, pooledShare } from '../../analysis/parity';
import { DEFAULT_WEIGHTS, priorityScores, type PriorityWeights } from '../../analysis/priority';
import { ratio } from '../../analysis/stats';
import {
	allocateSupply,
	averageLatestYears,
	SUPPLY_LEAVES_OUT,
	supplyGap,
	type Allocation
} from '../../analysis/supply-gap';
import { wageRatio } from '../../analysis/wages';
import {
	summariseByCategory,
	uncoveredGroups,
	type CategorySummary
} from '../../analysis/digital-jobs';
import { DIGITAL_CATEGORIES } from '../../domain/categories';
import { ALL_OCCUPATIONS, NATIONAL_AREA } from '../../domain/codes';
import {
	atLeastValue,
	type AreaRow,
	type DigitalGroupShare,
	type Geography,
	type OpeningsMethod,
	type ParityRule,
	type RepresentationCell
} from '../../domain/rows';
import { cached } from '../db/cache';
import type { Db } from '../db/client';
import { defaultYear, getArea } from '../db/queries/oews';
import {
	baselineFor,
	cipSocLinks,
	completionsFor,
	demographicsFor,
	digitalCategoriesMap,
	livingWageFor,
	placementFor,
	postingsCountsFor,
	postingsTrendFor,
	programCompletionsFor,
	projectionsFor,
	runRef,
	type BaselineRow,
	type LivingWage,
	type Placement,
	type PostingsPoint,
	type RunRef
} from '../db/queries/sources';
import { regionReport, ReportError, type RegionReport } from './region';

export interface AreaOptions {
	year?: number;
	allocation?: Allocation;
	weights?: PriorityWeights;
	rule?: ParityRule;
	floor?: number;
}

export interface AreaModel {
	area: RegionReport['area'];
	year: number;
	rows: AreaRow[];
	/** The area's OEWS report (every level, each figure with its status, the year's caps). */
	oews: RegionReport;
	/** The nation's OEWS report of the same year, when loaded (the nation's own for `99`). */
	national: RegionReport | null;
	placement: Placement;
	regionalMedianWage: number | null;
	/** The area's all-occupations figures and the occupation groups its data hold. */
	total: RegionReport['total'];
	coverage: RegionReport['coverage'];
	livingWage: LivingWage | null;
	supply: {
		allocation: Allocation;
		years: number[];
		unallocated: number | null;
		programCompleters: number;
		leavesOut: readonly string[];
	};
	representation: {
		groups: string[];
		geography: Geography | null;
		baselineUniverse: string | null;
		/** Per group, where its baseline comes from. */
		baselineScope: Record<string, 'regional' | 'national'>;
		rule: ParityRule;
		floor: number;
	};
	digital: CategorySummary[];
	/**
	 * Per digital-jobs category, the occupation groups (SOC major codes) of its occupations that
	 * the area's data do not hold: its sums leave those occupations out. Empty: fully covered.
	 */
	digitalUncovered: Record<string, string[]>;
	/** Digital jobs as a share of all the area's jobs; null when either part is not in the data. */
	digitalShareOfJobs: number | null;
	digitalRepresentation: DigitalGroupShare[];
	postingsTrend: PostingsPoint[];
	weights: PriorityWeights;
	sources: RunRef[];
}

let builds = 0;
/** How many area models this process has built (a test proves a request builds one). */
export const areaModelBuilds = (): number => builds;

/** The most models kept at once: each is a few hundred kB, and option variants multiply them. */
const MAX_MODELS = 24;

/**
 * The area model for `areaCode`: `options.year` or the area's latest year. Throws ReportError(404)
 * for an unknown area or a year the area lacks. Memoised per data version, resolved year, options
 * and living wage (the one input written outside import runs).
 */
export function areaModel(db: Db, areaCode: string, options: AreaOptions = {}): AreaModel {
	const area = getArea(db, areaCode);
	if (!area) throw new ReportError(`No area with code ${areaCode} in the database.`, 404);
	const year = options.year ?? defaultYear(area);
	const resolved: Required<AreaOptions> = {
		year,
		allocation: options.allocation ?? 'equal',
		weights: options.weights ?? DEFAULT_WEIGHTS,
		rule: options.rule ?? '80-percent',
		floor: options.floor ?? 100
	};
	const living = area.code === NATIONAL_AREA ? null : livingWageFor(db, area.code);
	const key = JSON.stringify([area.code, resolved, living?.annualWage, living?.updatedAt]);
	return cached(db, `area-model:${key}`, () => buildAreaModel(db, area.code, resolved, living), {
		bucket: 'area-model',
		max: MAX_MODELS
	});
}

function baselineByGroup(rows: BaselineRow[]): {
	shares: Map<string, number | null>;
	universe: string | null;
	runIds: number[];
} {
	// One universe for every group: the best available, labor force first.
	const order = ['labor-force', 'workers-16+', 'workers', 'population'];
	const universes = [...new Set(rows.map((r) => r.universe))].sort(
		(a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99)
	);
	const universe = universes[0] ?? null;
	const shares = new Map<string, number | null>();
	const runIds = new Set<number>();
	for (const r of rows) {
		if (r.universe !== universe || shares.has(r.group)) continue;
		shares.set(r.group, r.share);
		runIds.add(r.runId);
	}
	return { shares, universe, runIds: [...runIds] };
}

function buildAreaModel(
	db: Db,
	areaCode: string,
	options: Required<AreaOptions>,
	livingWage: LivingWage | null
): AreaModel {
	builds++;
	const region = regionReport(db, areaCode, options.year);
	const { allocation, weights, rule, floor } = options;
	const runIds = new Set<number>(region.sources.map((s) => s.runId));
	const cap = region.topCode?.annual ?? null;
	const detailed = region.rows.filter((r) => r.level === 'detailed');
	const isNational = region.area.code === NATIONAL_AREA;

	// National reference wages of the same year, for the wage-to-nation ratio.
	const nat = !region.hasNationalReference
		? null
		: isNational
			? region
			: regionReport(db, NATIONAL_AREA, region.year);
	const nationalMedian = new Map<string, { value: number | null; topCoded: boolean }>();
	if (nat) {
		const natCap = nat.topCode?.annual ?? null;
		for (const r of nat.rows) {
			nationalMedian.set(r.soc, {
				value: atLeastValue(r.medianAnnualWage, r.status.medianAnnualWage, natCap),
				topCoded: r.status.medianAnnualWage === 'top_coded'
			});
		}
	}

	// Demand.
	const national = projectionsFor(db, NATIONAL_AREA);
	// For the nation, its "own" projections are BLS EP's.
	const regional = isNational ? national : projectionsFor(db, region.area.code);
	// Each projections map comes from a single run.
	for (const m of [national, regional]) {
		const first = m.values().next().value;
		if (first) runIds.add(first.runId);
	}
	const openingsBySoc = new Map<string, { openings: number | null; method: OpeningsMethod }>();
	for (const r of detailed) {
		openingsBySoc.set(
			r.soc,
			chooseOpenings(regional.get(r.soc)?.openings, r.employment, national.get(r.soc) ?? null)
		);
	}

	// Supply.
	const placement = placementFor(db, region.area);
	const years = completionsFor(db, placement);
	const { links, runId: crosswalkRun } = cipSocLinks(db);
	const perYear = years.map((y) => {
		runIds.add(y.completionsRunId).add(y.institutionsRunId);
		return allocateSupply(
			y.byCip,
			links,
			allocation,
			new Map([...openingsBySoc].map(([soc, o]) => [soc, o.openings]))
		);
	});
	if (crosswalkRun && years.length > 0) runIds.add(crosswalkRun);
	const programs = programCompletionsFor(db, region.area.code);
	const programBySoc = new Map<string, number>();
	const programByCip = new Map<string, number>();
	for (const p of programs) {
		runIds.add(p.runId);
		if (p.soc) programBySoc.set(p.soc, (programBySoc.get(p.soc) ?? 0) + p.completers);
		else if (p.cip) programByCip.set(p.cip, (programByCip.get(p.cip) ?? 0) + p.completers);
	}
	const programAllocated = allocateSupply(programByCip, links, allocation);
	// Occupations no program links to (in the crosswalk) have no measurable supply: null, not 0.
	const linkedSocs = new Set([...links.values()].flat());
	const supplyBySoc = (soc: string): number | null => {
		if (!linkedSocs.has(soc) && !programBySoc.has(soc)) return null;
		const byYear = new Map(years.map((y, i) => [y.year, perYear[i]!.bySoc.get(soc) ?? 0]));
		const { value } = averageLatestYears(byYear);
		const extra = (programBySoc.get(soc) ?? 0) + (programAllocated.bySoc.get(soc) ?? 0);
		if (value === null && extra === 0) return years.length > 0 || programs.length > 0 ? 0 : null;
		return (value ?? 0) + extra;
	};
	const unallocated =
		years.length > 0
			? averageLatestYears(new Map(years.map((y, i) => [y.year, perYear[i]!.unallocated]))).value
			: null;

	// Wages.
	const regionalMedian = region.total.medianAnnualWage;

	// Representation: the area's own table if any, else national shares (mixed geography).
	const own = isNational ? [] : demographicsFor(db, region.area.code);
	const demographics = own.length > 0 ? own : demographicsFor(db, NATIONAL_AREA);
	if (demographics[0]) runIds.add(demographics[0].runId); // one run per area
	const geography: Geography | null =
		demographics.length === 0
			? null
			: own.length > 0 || isNational
				? isNational
					? 'national'
					: 'regional'
				: 'mixed';
	const baselineAreas = placement.kind === 'cbsa' ? placement.codes : [region.area.code];
	const baseline = baselineByGroup(baselineFor(db, baselineAreas));
	baseline.runIds.forEach((id) => runIds.add(id));
	const groups = [...new Set(demographics.map((d) => d.group))];
	// A group the regional baseline lacks (the ACS extract has no sex) falls back to its share
	// of all the nation's workers (the CPS all-occupations row), labelled as national.
	const baselineScope = new Map<string, 'regional' | 'national'>();
	for (const g of groups)
		if (baseline.shares.get(g) != null) baselineScope.set(g, isNational ? 'national' : 'regional');
	const nationalAll = (own.length > 0 ? demographicsFor(db, NATIONAL_AREA) : demographics).filter(
		(d) => d.soc === ALL_OCCUPATIONS
	);
	for (const d of nationalAll) {
		if (baselineScope.has(d.group) || d.share === null) continue;
		baseline.shares.set(d.group, d.share);
		baselineScope.set(d.group, 'national');
		runIds.add(d.runId);
	}
	const sharesBySoc = new Map<
		string,
		Map<string, { share: number | null; status: string | null }>
	>();
	for (const d of demographics) {
		const m = sharesBySoc.get(d.soc) ?? new Map();
		m.set(d.group, { share: d.share, status: d.shareStatus });
		sharesBySoc.set(d.soc, m);
	}

	// Categories and postings.
	const categories = digitalCategoriesMap(db);
	if (categories.runId) runIds.add(categories.runId);
	const postings = postingsCountsFor(db, region.area.code);

	const rows: AreaRow[] = detailed.map((r) => {
		const { openings, method } = openingsBySoc.get(r.soc)!;
		const supply = supplyBySoc(r.soc);
		const gap = supplyGap(openings, supply);
		const median = {
			value: atLeastValue(r.medianAnnualWage, r.status.medianAnnualWage, cap),
			topCoded: r.status.medianAnnualWage === 'top_coded'
		};
		const entry = r.annualWagePercentiles.p25;
		const proj = national.get(r.soc) ?? regional.get(r.soc);
		const shares = sharesBySoc.get(r.soc);
		const representation: RepresentationCell[] = groups.map((group) => {
			const cell = shares?.get(group);
			const p = parity(
				{
					share: cell?.share ?? null,
					total: r.employment,
					baseline: baseline.shares.get(group) ?? null,
					unreliable: cell?.status === 'not_available'
				},
				{ rule, floor }
			);
			return {
				group,
				share: p.share,
				baseline: p.baseline,
				parityIndex: p.parityIndex,
				gapPoints: p.gapPoints,
				shortfall: p.shortfall,
				z: p.z,
				flag: p.flag,
				geography: geography ?? 'mixed',
				baselineScope: baselineScope.get(group) ?? null
			};
		});
		const posting = postings.get(r.soc);
		if (posting) runIds.add(posting.runId);
		return {
			soc: r.soc,
			title: r.title,
			category: categories.bySoc.get(r.soc) ?? null,
			employment: r.employment,
			lq: r.lq,
			openings,
			openingsMethod: method,
			supply,
			supplyGap: gap.gap,
			supplyRatio: gap.ratio,
			medianAnnualWage: median.value,
			medianTopCoded: median.topCoded,
			wageToRegionalMedian: wageRatio(median, { value: regionalMedian, topCoded: false }).ratio,
			wageToNationalMedian: wageRatio(
				median,
				nationalMedian.get(r.soc) ?? { value: null, topCoded: false }
			).ratio,
			entryAnnualWage: entry,
			livingWageRatio: livingWage ? ratio(entry, livingWage.annualWage) : null,
			entryEducation: proj?.entryEducation ?? null,
			workExperience: proj?.workExperience ?? null,
			jobTraining: proj?.jobTraining ?? null,
			postings: posting?.postings ?? null,
			representation,
			score: null,
			scoreComponents: { demand: null, gap: null, wage: null, representation: null },
			oews: r
		};
	});

	// Priority: ranks within the area; representation = the largest shortfall of a flagged group.
	const scores = priorityScores(
		rows.map((r) => ({
			demand: r.openings,
			gap: r.supplyGap,
			wage: r.wageToRegionalMedian,
			representation: (() => {
				const flagged = r.representation.filter(
					(c) => c.flag === 'under-represented' && c.shortfall !== null
				);
				if (r.representation.every((c) => c.flag === 'no-data')) return null;
				return flagged.length === 0 ? 0 : Math.max(...flagged.map((c) => c.shortfall!));
			})()
		})),
		weights
	);
	scores.forEach((s, i) => {
		rows[i]!.score = s.score;
		rows[i]!.scoreComponents = s.components;
	});

	const sources = [...runIds].map((id) => runRef(db, id)).filter((r): r is RunRef => r !== null);

	// Digital jobs: by category, and each group's share of them against the baseline.
	const digitalRows = rows.filter((r) => r.category !== null);
	const digital = summariseByCategory(
		digitalRows.map((r) => ({
			soc: r.soc,
			category: r.category!,
			employment: r.employment,
			medianWage: r.medianTopCoded ? null : r.medianAnnualWage
		})),
		DIGITAL_CATEGORIES
	);
	const digitalUncovered = uncoveredGroups(
		categories.bySoc,
		DIGITAL_CATEGORIES,
		region.coverage.groups.map((g) => g.code)
	);
	const digitalAll = digital.find((c) => c.category === 'All digital jobs');
	const digitalRepresentation: DigitalGroupShare[] = groups.map((group) => {
		const pooled = pooledShare(
			digitalRows.map((r) => ({
				share: r.representation.find((c) => c.group === group)?.share ?? null,
				total: r.employment
			}))
		);
		return {
			group,
			shareOfDigitalJobs: pooled.share,
			baseline: baseline.shares.get(group) ?? null,
			employmentCovered: pooled.total
		};
	});

	return {
		area: region.area,
		year: region.year,
		rows,
		oews: region,
		national: nat,
		placement,
		regionalMedianWage: regionalMedian,
		total: region.total,
		coverage: region.coverage,
		livingWage,
		supply: {
			allocation,
			years: years.map((y) => y.year),
			unallocated,
			programCompleters: programs.reduce((s, p) => s + p.completers, 0),
			leavesOut: SUPPLY_LEAVES_OUT
		},
		representation: {
			groups,
			geography,
			baselineUniverse: baseline.universe,
			baselineScope: Object.fromEntries(baselineScope),
			rule,
			floor
		},
		digital,
		digitalUncovered,
		digitalShareOfJobs:
			Object.values(digitalUncovered).every((g) => g.length === 0) &&
			region.total.employmentStatus === 'published'
				? ratio(digitalAll?.employment ?? null, region.total.employment)
				: null,
		digitalRepresentation,
		postingsTrend: postingsTrendFor(db, baselineAreas),
		weights,
		sources
	};
}

/**
 * The gaps report: for every detailed occupation in an area, demand (employment, LQ, openings),
 * supply (completions allocated through the CIP–SOC crosswalk, plus imported non-credit
 * completers), wages (against the region, the nation and a living wage), representation (each
 * group against its baseline) and a priority score — each figure with the runs it came from.
 */
import { chooseOpenings, type OpeningsMethod } from '../../analysis/openings';
import { parity, pooledShare, type ParityFlag, type ParityRule } from '../../analysis/parity';
import {
	DEFAULT_WEIGHTS,
	priorityScores,
	type PriorityMeasure,
	type PriorityWeights
} from '../../analysis/priority';
import { ratio } from '../../analysis/stats';
import {
	allocateSupply,
	averageLatestYears,
	SUPPLY_LEAVES_OUT,
	supplyGap,
	type Allocation
} from '../../analysis/supply-gap';
import { wageRatio } from '../../analysis/wages';
import { summariseByCategory, type CategorySummary } from '../../analysis/digital-jobs';
import type { Db } from '../db/client';
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
	type PostingsPoint,
	type RunRef
} from '../db/queries/sources';
import { DIGITAL_CATEGORIES } from '../db/schema';
import { NATIONAL_AREA } from '../import/sources/bls-oews';
import { regionReport, type OccupationRow, type RegionReport } from './region';

export interface RepresentationCell {
	group: string;
	share: number | null;
	baseline: number | null;
	parityIndex: number | null;
	gapPoints: number | null;
	shortfall: number | null;
	z: number | null;
	flag: ParityFlag;
	/** `regional` when the occupation shares are the area's own; `mixed` when national shares meet a regional baseline. */
	geography: 'regional' | 'mixed' | 'national';
	/** Where the baseline comes from: the area's labor force, or (no regional figure) the nation's workers. */
	baselineScope: 'regional' | 'national' | null;
}

export interface GapRow {
	soc: string;
	title: string;
	category: string | null;
	employment: number | null;
	lq: number | null;
	openings: number | null;
	openingsMethod: OpeningsMethod;
	supply: number | null;
	supplyGap: number | null;
	supplyRatio: number | null;
	medianAnnualWage: number | null;
	/** True when the median is top-coded: `medianAnnualWage` is then the cap, a lower bound. */
	medianTopCoded: boolean;
	wageToRegionalMedian: number | null;
	wageToNationalMedian: number | null;
	entryAnnualWage: number | null;
	livingWageRatio: number | null;
	entryEducation: string | null;
	workExperience: string | null;
	jobTraining: string | null;
	postings: number | null;
	representation: RepresentationCell[];
	score: number | null;
	scoreComponents: Record<PriorityMeasure, number | null>;
	sources: { source: string; year: number | null }[];
}

export interface GapsOptions {
	year?: number;
	allocation?: Allocation;
	weights?: PriorityWeights;
	rule?: ParityRule;
	floor?: number;
}

export interface GapsReport {
	area: RegionReport['area'];
	year: number;
	rows: GapRow[];
	regionalMedianWage: number | null;
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
		geography: 'regional' | 'mixed' | 'national' | null;
		baselineUniverse: string | null;
		/** Per group, where its baseline comes from. */
		baselineScope: Record<string, 'regional' | 'national'>;
		rule: ParityRule;
		floor: number;
	};
	digital: CategorySummary[];
	digitalRepresentation: DigitalGroupShare[];
	postingsTrend: PostingsPoint[];
	weights: PriorityWeights;
	sources: RunRef[];
}

export interface DigitalGroupShare {
	group: string;
	/** The group's share of all digital jobs in the area (occupation shares pooled by employment). */
	shareOfDigitalJobs: number | null;
	/** Its share of the baseline (labor force or workers). */
	baseline: number | null;
	/** The digital-job employment the share is pooled over. */
	employmentCovered: number;
}

const topCodedCap = (r: OccupationRow, cap: number | null) =>
	r.medianAnnualWage ?? (r.status.medianAnnualWage === 'top_coded' ? cap : null);

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

export function gapsReport(db: Db, areaCode: string, options: GapsOptions = {}): GapsReport {
	const region = regionReport(db, areaCode, options.year);
	const allocation = options.allocation ?? 'equal';
	const weights = options.weights ?? DEFAULT_WEIGHTS;
	const rule = options.rule ?? '80-percent';
	const floor = options.floor ?? 100;
	const runIds = new Set<number>(region.sources.map((s) => s.runId));
	const cap = region.topCode?.annual ?? null;
	const detailed = region.rows.filter((r) => r.level === 'detailed');
	const isNational = region.area.code === NATIONAL_AREA;

	// National reference wages of the same year, for the wage-to-nation ratio.
	const nationalMedian = new Map<string, { value: number | null; topCoded: boolean }>();
	if (region.hasNationalReference) {
		const nat = isNational ? region : regionReport(db, NATIONAL_AREA, region.year);
		const natCap = nat.topCode?.annual ?? null;
		for (const r of nat.rows) {
			nationalMedian.set(r.soc, {
				value: topCodedCap(r, natCap),
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
	const livingWage = isNational ? null : livingWageFor(db, region.area.code);

	// Representation: the area's own table if any, else national shares (mixed geography).
	const own = isNational ? [] : demographicsFor(db, region.area.code);
	const demographics = own.length > 0 ? own : demographicsFor(db, NATIONAL_AREA);
	if (demographics[0]) runIds.add(demographics[0].runId); // one run per area
	const geography: 'regional' | 'mixed' | 'national' | null =
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
		(d) => d.soc === '00-0000'
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

	const rows: GapRow[] = detailed.map((r) => {
		const { openings, method } = openingsBySoc.get(r.soc)!;
		const supply = supplyBySoc(r.soc);
		const gap = supplyGap(openings, supply);
		const median = {
			value: topCodedCap(r, cap),
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
			sources: []
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
	const sourceYears = sources.map((s) => ({ source: s.source, year: s.year }));
	for (const row of rows) row.sources = sourceYears;

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
		regionalMedianWage: regionalMedian,
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
		digitalRepresentation,
		postingsTrend: postingsTrendFor(db, baselineAreas),
		weights,
		sources
	};
}

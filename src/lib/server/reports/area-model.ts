/**
 * The area model: for every detailed occupation of an area and year, demand (employment, LQ,
 * openings split into growth and replacement, from the EP vintage nearest the OEWS year), supply
 * (IPEDS awards at the level each occupation needs, split over the occupations a program leads to
 * by their openings, plus imported non-IPEDS completions with their source), the training gap
 * where training is the way in, wages with their bounds and reliability, a family-sustaining
 * benchmark, representation at the scope the data has, and a priority score, with the runs and
 * vintages behind every figure (docs/METHODS.md, "The methods of issue 13").
 *
 * Built once per area, year and options, and kept until the data change (the data version of
 * ../db/cache.ts): every page and API answer about the area is a thin view over it (./views).
 * It is shared, so views never change it.
 */
import {
	summariseByCategory,
	uncoveredGroups,
	type CategorySummary
} from '../../analysis/digital-jobs';
import {
	familySustainingWage,
	type FamilySustainingWage
} from '../../analysis/family-sustaining-wage';
import { chooseEpVintage, estimateOpeningsWithSource } from '../../analysis/openings-source';
import {
	DEFAULT_PRIORITY_SCORE_WEIGHTS,
	rankMovement,
	scorePriorities,
	type PriorityScore,
	type PriorityScoreInput,
	type PriorityScoreWeights
} from '../../analysis/priority-score';
import { pooledShare, representation as representationOf } from '../../analysis/representation';
import {
	allocateByDemand,
	type AllocationMode,
	type DemandAllocation,
	type OccupationDemand,
	type ProgramCompletions
} from '../../analysis/supply-allocation';
import { awardRule, gapEligibility } from '../../analysis/supply-eligibility';
import {
	completionYears,
	supplyMeasure,
	type OtherCompletion
} from '../../analysis/supply-measure';
import { ratio } from '../../analysis/stats';
import { signDisagrees, trainingGap } from '../../analysis/training-gap';
import { tableVintages, type TableVintages, type VintagePart } from '../../analysis/vintages';
import {
	boundedRatio,
	lowerQuartile,
	reliability,
	wageFigure,
	type WageFigure
} from '../../analysis/wage-figures';
import { DIGITAL_CATEGORIES } from '../../domain/categories';
import { ALL_OCCUPATIONS, NATIONAL_AREA } from '../../domain/codes';
import type {
	AreaRow,
	DigitalGroupShare,
	OccupationRow,
	RepresentationCell,
	RepresentationScope
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
	licensedSocs,
	livingWageFor,
	placementFor,
	postingsCountsFor,
	postingsTrendFor,
	povertyGuidelinesFor,
	programCompletionsFor,
	projectionsFor,
	projectionVintagesFor,
	runRef,
	type BaselineRow,
	type DemographicRow,
	type LivingWage,
	type Placement,
	type PostingsPoint,
	type ProjectionRow,
	type RunRef
} from '../db/queries/sources';
import { regionReport, ReportError, type RegionReport } from './region';

export interface AreaOptions {
	year?: number;
	/** How a program's graduates are split over its occupations: by openings (default) or evenly. */
	allocation?: AllocationMode;
	weights?: PriorityScoreWeights;
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
	/** The living wage an editor set for the area, if any. */
	livingWage: LivingWage | null;
	/** The benchmark the wage cards use: the editor's living wage, else 200% of the HHS guideline. */
	familyWage: FamilySustainingWage | null;
	supply: {
		allocation: AllocationMode;
		/** IPEDS completion years averaged, newest first (how many the area has, up to 3). */
		years: number[];
		/** Graduates a year no occupation could take (no linked occupation, or no award rule accepts them). */
		unallocated: number | null;
		/** Graduates a year counted (allocated + unallocated). */
		counted: number | null;
		programCompleters: number;
		/** Imported non-IPEDS completions, each with its source. */
		other: OtherCompletion[];
		leavesOut: readonly string[];
	};
	representation: {
		groups: string[];
		/** The geography of the shares and their baselines (null: no occupation shares imported). */
		geography: RepresentationScope | null;
		/** The survey year of the shares. */
		year: number | null;
		/** Per group, the share of all employed in the same geography (the baseline). */
		baseline: Record<string, number | null>;
		/** The area's own workforce mix (ACS), shown as context only. */
		context: { universe: string | null; shares: Record<string, number | null> };
	};
	/** Each occupation's rank under these scenarios (what moves a rank). */
	scenarios: string[];
	/** The sources and vintages the table combines. */
	vintages: TableVintages;
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
	weights: PriorityScoreWeights;
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
		allocation: options.allocation ?? 'openings',
		weights: options.weights ?? DEFAULT_PRIORITY_SCORE_WEIGHTS
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

/** What the supply figures leave out (shown on the supply card). */
export const SUPPLY_LEAVES_OUT = [
	'people moving into the region',
	'unemployed and career-changing workers',
	'training no imported source covers',
	'workers already in the occupation who move up'
] as const;

const EP_SOURCE = 'BLS Employment Projections';
const epLabel = (v: { baseYear: number; projectedYear: number }) =>
	`${v.baseYear}–${String(v.projectedYear).slice(-2)}`;

/** The EP vintage nearest the OEWS year among those imported for `area`, and its rows. */
function projectionsNearest(
	db: Db,
	area: string,
	year: number
): {
	rows: Map<string, ProjectionRow>;
	vintage: { label: string; baseYear: number; projectedYear: number; runId: number } | null;
} {
	const vintages = projectionVintagesFor(db, area).map((v) => ({ ...v, label: epLabel(v) }));
	const chosen = chooseEpVintage(year, vintages);
	if (!chosen) return { rows: new Map(), vintage: null };
	const v = vintages.find((x) => x.baseYear === chosen.baseYear)!;
	return { rows: projectionsFor(db, area, v.runId), vintage: v };
}

interface SupplyByMode {
	allocations: { year: number; allocation: DemandAllocation }[];
	bySoc: (soc: string) => ReturnType<typeof supplyMeasure>;
}

/**
 * Supply per occupation under one allocation mode: each IPEDS year's awards split over the
 * occupations that accept them, averaged over the years, plus imported non-IPEDS completions.
 */
function supplyUnder(
	mode: AllocationMode,
	years: { year: number; byAward: ProgramCompletions[] }[],
	links: Map<string, string[]>,
	demand: Map<string, OccupationDemand>,
	otherBySoc: Map<string, OtherCompletion[]>,
	linkedSocs: Set<string>
): SupplyByMode {
	const allocations = years.map((y) => ({
		year: y.year,
		allocation: allocateByDemand(y.byAward, links, demand, mode)
	}));
	const ipedsByYear = new Map(allocations.map((a) => [a.year, a.allocation.bySoc]));
	return {
		allocations,
		bySoc: (soc) =>
			supplyMeasure({ soc, ipedsByYear, linkedSocs, other: otherBySoc.get(soc) ?? [] })
	};
}

/**
 * Representation at the scope the data has: the area's own occupation × group table against its
 * own all-occupations row (regional), else CPS national shares against the nation's employed
 * (national). Never a national share against a regional baseline.
 */
function representationSource(
	db: Db,
	areaCode: string,
	isNational: boolean
): {
	scope: RepresentationScope | null;
	rows: DemographicRow[];
	baseline: Map<string, { share: number | null; base: number | null }>;
} {
	const own = isNational ? [] : demographicsFor(db, areaCode);
	const ownTotals = own.filter((d) => d.soc === ALL_OCCUPATIONS);
	const regional = own.length > 0 && ownTotals.length > 0;
	const rows = regional ? own : demographicsFor(db, NATIONAL_AREA);
	if (rows.length === 0) return { scope: null, rows, baseline: new Map() };
	const baseline = new Map<string, { share: number | null; base: number | null }>();
	for (const d of rows) {
		if (d.soc === ALL_OCCUPATIONS && !baseline.has(d.group)) {
			baseline.set(d.group, { share: d.share, base: d.totalEmployment });
		}
	}
	return { scope: regional ? 'regional' : 'national', rows, baseline };
}

function buildAreaModel(
	db: Db,
	areaCode: string,
	options: Required<AreaOptions>,
	livingWage: LivingWage | null
): AreaModel {
	builds++;
	const region = regionReport(db, areaCode, options.year);
	const { allocation, weights } = options;
	const runIds = new Set<number>(region.sources.map((s) => s.runId));
	const vintageParts: VintagePart[] = [
		{ source: 'BLS OEWS', year: region.year, label: `May ${region.year}` }
	];
	const cap = region.topCode?.annual ?? null;
	const detailed = region.rows.filter((r) => r.level === 'detailed');
	const isNational = region.area.code === NATIONAL_AREA;

	// National reference wages of the same year, for the wage-to-nation ratio.
	const nat = !region.hasNationalReference
		? null
		: isNational
			? region
			: regionReport(db, NATIONAL_AREA, region.year);
	const natCap = nat?.topCode?.annual ?? null;
	const nationalMedian = new Map<string, WageFigure>(
		(nat?.rows ?? []).map((r) => [r.soc, medianFigure(r, natCap)])
	);

	// Demand: openings from the EP vintage nearest the OEWS year; the area's own projections win.
	const national = projectionsNearest(db, NATIONAL_AREA, region.year);
	const own = isNational ? national : projectionsNearest(db, region.area.code, region.year);
	for (const p of [national, own]) if (p.vintage) runIds.add(p.vintage.runId);
	if (national.vintage) {
		vintageParts.push({
			source: EP_SOURCE,
			year: national.vintage.baseYear,
			label: national.vintage.label
		});
	}
	const openingsBySoc = new Map(
		detailed.map((r) => {
			const area = own.rows.get(r.soc);
			const nationalRow = national.rows.get(r.soc);
			const vintage = (area && !isNational ? own.vintage : national.vintage) ?? null;
			const estimate = vintage
				? estimateOpeningsWithSource({
						vintage,
						area: isNational ? (nationalRow ?? null) : (area ?? null),
						national: nationalRow ?? null,
						areaEmployment: r.employment,
						employmentYear: region.year
					})
				: { openings: null, growth: null, replacement: null, source: null };
			return [r.soc, estimate] as const;
		})
	);

	// Supply.
	const licensed = licensedSocs(db);
	const projectionOf = (soc: string) => national.rows.get(soc) ?? own.rows.get(soc);
	const demand = new Map<string, OccupationDemand>(
		detailed.map((r) => [
			r.soc,
			{
				openings: openingsBySoc.get(r.soc)!.openings,
				employment: r.employment,
				rule: awardRule(r.soc, projectionOf(r.soc)?.entryEducation ?? null)
			}
		])
	);
	const placement = placementFor(db, region.area);
	const completionYearsFound = completionsFor(db, placement);
	const { links, runId: crosswalkRun } = cipSocLinks(db);
	const years = completionYearsFound
		.filter((y) => completionYears(completionYearsFound.map((c) => c.year)).includes(y.year))
		.map((y) => {
			runIds.add(y.completionsRunId).add(y.institutionsRunId);
			vintageParts.push({ source: 'IPEDS completions', year: y.year });
			return {
				year: y.year,
				byAward: y.byAward.map((a) => ({
					cip: a.cip,
					awardLevel: a.awardLevel,
					completions: a.completions
				}))
			};
		});
	if (crosswalkRun && years.length > 0) runIds.add(crosswalkRun);
	const linkedSocs = new Set([...links.values()].flat());

	// Imported non-IPEDS completions: named occupations directly, CIP-only rows split like IPEDS.
	const programs = programCompletionsFor(db, region.area.code);
	const otherFor = (mode: AllocationMode) => {
		const bySoc = new Map<string, OtherCompletion[]>();
		const push = (soc: string, o: OtherCompletion) =>
			bySoc.set(soc, [...(bySoc.get(soc) ?? []), o]);
		for (const p of programs) {
			runIds.add(p.runId);
			const o = {
				source: p.fileName,
				program: p.provider ? `${p.program} (${p.provider})` : p.program
			};
			if (p.soc) push(p.soc, { ...o, completers: p.completers });
			else if (p.cip) {
				const a = allocateByDemand(
					[{ cip: p.cip, awardLevel: null, completions: p.completers }],
					links,
					demand,
					mode
				);
				for (const [soc, n] of a.bySoc) push(soc, { ...o, completers: n });
			}
		}
		return bySoc;
	};
	const supplyDefault = supplyUnder(
		allocation,
		years,
		links,
		demand,
		otherFor(allocation),
		linkedSocs
	);
	const evenMode: AllocationMode = allocation === 'even' ? 'openings' : 'even';
	const supplyOtherMode = supplyUnder(
		evenMode,
		years,
		links,
		demand,
		otherFor(evenMode),
		linkedSocs
	);
	const mean = (xs: number[]) =>
		xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
	const unallocated = mean(
		supplyDefault.allocations.map(
			(a) =>
				a.allocation.unallocated['no-linked-occupation'] +
				a.allocation.unallocated['award-counts-nowhere']
		)
	);
	const counted = mean(supplyDefault.allocations.map((a) => a.allocation.counted));

	// Wages and the family-sustaining benchmark.
	const regionalMedian = region.total.medianAnnualWage;
	const regionalFigure = wageFigure(regionalMedian, false, cap);
	const guidelines = povertyGuidelinesFor(db);
	const familyWage = familySustainingWage({
		editor: livingWage
			? { annualWage: livingWage.annualWage, source: livingWage.source ?? '' }
			: null,
		table: guidelines,
		state: region.area.state,
		year: region.year
	});
	if (familyWage?.source === 'hhs-poverty-guideline' && guidelines[0])
		runIds.add(guidelines[0].runId);
	const benchmark: WageFigure = familyWage
		? { value: familyWage.annualWage, status: 'published' }
		: { value: null, status: 'unavailable' };

	// Representation.
	const rep = representationSource(db, region.area.code, isNational);
	if (rep.rows[0]) {
		runIds.add(rep.rows[0].runId);
		vintageParts.push({ source: 'CPS', year: rep.rows[0].year });
	}
	const groups = [...new Set(rep.rows.map((d) => d.group))];
	const sharesBySoc = new Map<string, Map<string, DemographicRow>>();
	for (const d of rep.rows) {
		const m = sharesBySoc.get(d.soc) ?? new Map<string, DemographicRow>();
		m.set(d.group, d);
		sharesBySoc.set(d.soc, m);
	}
	const baselineAreas = placement.kind === 'cbsa' ? placement.codes : [region.area.code];
	const context = baselineByGroup(baselineFor(db, baselineAreas));
	context.runIds.forEach((id) => runIds.add(id));

	// Categories and postings.
	const categories = digitalCategoriesMap(db);
	if (categories.runId) runIds.add(categories.runId);
	const postings = postingsCountsFor(db, region.area.code);

	// The gap under the other allocation mode, for the sign check and the rank scenarios.
	const otherGap = new Map<string, number | null>();
	const rows: AreaRow[] = detailed.map((r) => {
		const openings = openingsBySoc.get(r.soc)!;
		const proj = projectionOf(r.soc);
		const eligibility = gapEligibility({
			entryEducation: proj?.entryEducation ?? null,
			workExperience: proj?.workExperience ?? null,
			licenceRequired: licensed === null ? null : licensed.has(r.soc)
		});
		const supply = supplyDefault.bySoc(r.soc);
		const gap = trainingGap(eligibility, openings.openings, supply);
		const gapOther = trainingGap(eligibility, openings.openings, supplyOtherMode.bySoc(r.soc));
		otherGap.set(r.soc, gapOther.gap);
		const gapEven = allocation === 'even' ? gap.gap : gapOther.gap;
		const median = medianFigure(r, cap);
		const p25 = wageFigure(
			r.annualWagePercentiles.p25,
			r.status.annualWagePercentiles.p25 === 'top_coded',
			cap
		);
		const toRegion = boundedRatio(median, regionalFigure);
		const toNation = boundedRatio(
			median,
			nationalMedian.get(r.soc) ?? { value: null, status: 'unavailable' }
		);
		const toLiving = boundedRatio(p25, benchmark);
		const shares = sharesBySoc.get(r.soc);
		const representation: RepresentationCell[] =
			rep.scope === null
				? []
				: groups.map((group) => {
						const cell = shares?.get(group);
						const base = rep.baseline.get(group);
						const p = representationOf({
							share: cell?.share ?? null,
							shareBase: cell?.totalEmployment ?? null,
							shareScope: rep.scope!,
							baseline: base?.share ?? null,
							baselineBase: base?.base ?? null,
							baselineScope: rep.scope!,
							suppressed: cell?.shareStatus === 'not_available'
						});
						return {
							group,
							scope: rep.scope!,
							baselineScope: rep.scope!,
							share: p.share,
							baseline: p.baseline,
							parityIndex: p.parityIndex,
							gapPoints: p.gapPoints,
							marginPoints: p.marginPoints,
							base: cell?.totalEmployment ?? null,
							flag: p.flag
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
			openings: openings.openings,
			openingsGrowth: openings.growth,
			openingsReplacement: openings.replacement,
			openingsSource: openings.source,
			openingsMethod: openings.source?.kind ?? null,
			supply: supply.value,
			supplyStatus: supply.status,
			supplyOther: supply.other,
			supplyGap: gap.gap,
			supplyRatio: gap.ratio,
			gapStatus: gap.status,
			gapReason: gap.reason,
			experienceFlag: gap.experienceFlag,
			supplyGapEven: gapEven,
			signDisagrees: signDisagrees(gap.gap, gapOther.gap),
			medianAnnualWage: median.value,
			medianTopCoded: median.status === 'top-coded',
			wageToRegionalMedian: toRegion.value,
			wageToRegionalBound: toRegion.bound,
			wageToNationalMedian: toNation.value,
			wageToNationalBound: toNation.bound,
			p25AnnualWage: p25.value,
			entryAnnualWage: lowerQuartile(p25, median).entryProxy ? p25.value : null,
			livingWageRatio: toLiving.value,
			livingWageBound: toLiving.bound,
			reliability: {
				employment: reliability(r.prse.employment),
				wage: reliability(r.prse.meanWage)
			},
			entryEducation: proj?.entryEducation ?? null,
			workExperience: proj?.workExperience ?? null,
			jobTraining: proj?.jobTraining ?? null,
			postings: posting?.postings ?? null,
			representation,
			score: null,
			scoreReason: null,
			scoreComponents: { demand: null, unmet: null, wage: null, representation: null },
			rank: null,
			oews: r
		};
	});

	// Priority, and what moves a rank: the even allocation and each measure left out.
	const inputs = (gapOf: (r: AreaRow) => number | null): PriorityScoreInput[] =>
		rows.map((r) => ({
			id: r.soc,
			employment: r.employment,
			employmentSuppressed: r.employment === null && r.oews.status.employment !== 'blank',
			openings: r.openings,
			gap: gapOf(r),
			gapNotApplicable: r.gapStatus === 'not-applicable',
			wageRatio: r.wageToRegionalMedian,
			wageTopCoded: r.wageToRegionalBound === 'at-least',
			underRepresentationPoints: underRepresentationPoints(r.representation)
		}));
	const scores = scorePriorities(
		inputs((r) => r.supplyGap),
		weights
	);
	const scenarioScores: { label: string; scores: readonly PriorityScore[] }[] = [
		{ label: 'current', scores },
		{
			label: allocation === 'even' ? 'allocation-openings' : 'allocation-even',
			scores: scorePriorities(
				inputs((r) => otherGap.get(r.soc) ?? null),
				weights
			)
		},
		...(Object.keys(weights) as (keyof PriorityScoreWeights)[])
			.filter((m) => weights[m] > 0)
			.map((m) => ({
				label: `without-${m}`,
				scores: scorePriorities(
					inputs((r) => r.supplyGap),
					{ ...weights, [m]: 0 }
				)
			}))
	];
	const movement = rankMovement(scenarioScores);
	scores.forEach((s, i) => {
		const row = rows[i]!;
		row.score = s.score;
		row.scoreReason = s.reason;
		row.scoreComponents = s.components;
		const m = movement.get(row.soc);
		const now = m?.ranks.current ?? null;
		row.rank = now === null || !m ? null : { now, best: m.best!, worst: m.worst! };
	});

	const sources = [...runIds].map((id) => runRef(db, id)).filter((r): r is RunRef => r !== null);

	// Digital jobs: by category, and each group's share of them against the same-scope baseline.
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
			baseline: rep.baseline.get(group)?.share ?? null,
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
		familyWage,
		supply: {
			allocation,
			years: years.map((y) => y.year),
			unallocated,
			counted,
			programCompleters: programs.reduce((s, p) => s + p.completers, 0),
			other: programs.map((p) => ({
				source: p.fileName,
				program: p.program,
				completers: p.completers
			})),
			leavesOut: SUPPLY_LEAVES_OUT
		},
		representation: {
			groups,
			geography: rep.scope,
			year: rep.rows[0]?.year ?? null,
			baseline: Object.fromEntries(groups.map((g) => [g, rep.baseline.get(g)?.share ?? null])),
			context: { universe: context.universe, shares: Object.fromEntries(context.shares) }
		},
		scenarios: scenarioScores.map((s) => s.label),
		vintages: tableVintages(vintageParts),
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

function medianFigure(r: OccupationRow, cap: number | null): WageFigure {
	return wageFigure(r.medianAnnualWage, r.status.medianAnnualWage === 'top_coded', cap);
}

/** The largest under-representation in points of a flagged group; 0 if none; null without data. */
function underRepresentationPoints(cells: readonly RepresentationCell[]): number | null {
	const measured = cells.filter((c) =>
		['under-represented', 'over-represented', 'within-margin'].includes(c.flag)
	);
	if (measured.length === 0) return null;
	const under = measured.filter((c) => c.flag === 'under-represented' && c.gapPoints !== null);
	return under.length === 0 ? 0 : Math.max(...under.map((c) => -c.gapPoints!));
}

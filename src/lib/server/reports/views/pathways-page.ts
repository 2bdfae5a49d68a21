/**
 * What the pathways page (and the route embed) send to the browser: the report cut to the fields
 * the components read, numbers rounded to what is drawn or printed, and the occupation pickers'
 * short lists. SvelteKit serialises a page's data next to its HTML, so every field here is paid
 * for twice on a first load (docs/PERFORMANCE.md § Pathways page size); the full lists of
 * occupations and areas are fetched when a picker is used (GET /api/pathways/occupations and
 * /api/areas).
 */
import { fold, matchesTyped } from '../../../fold';
import type { PathwaysReport } from './pathways';

export interface Choice {
	soc: string;
	title: string;
	category: string | null;
}

/** Rounds to `digits` decimals; drawing coordinates and shares need no more. */
const round = (x: number, digits: number) => {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
};
const roundOrNull = (x: number | null, digits: number) => (x === null ? null : round(x, digits));
/** Every decimal number in an SVG path to one decimal (layout paths carry float noise). */
const roundPath = (d: string) => d.replace(/-?\d+\.\d+/g, (n) => String(round(Number(n), 1)));

/**
 * The report as the page's components read it. `picked` are the occupations the form names
 * (from, to, focus) so their titles print even when they are not on the map; `routeParam` names the
 * route (`?route=N`, 1-based; the first by default) whose steps come with what they take.
 */
export function pathwaysPageReport(
	r: PathwaysReport,
	picked: readonly (string | undefined)[],
	routeParam: string | null = null
) {
	const wanted = new Set(picked);
	const asked = Number(routeParam);
	const openRoute = Number.isInteger(asked) && asked >= 1 && asked <= r.routes.length ? asked : 1;
	return {
		area: r.area,
		year: r.year,
		coverage: r.coverage,
		nodes: r.nodes.map((n) => ({
			soc: n.soc,
			title: n.title,
			level: n.level,
			medianAnnualWage: n.medianAnnualWage,
			employment: n.employment,
			supplyGap: roundOrNull(n.supplyGap, 1)
		})),
		edges: r.edges.map((e) => ({
			from: e.from,
			to: e.to,
			source: e.source,
			feasibility: round(e.feasibility, 3),
			wageChange: roundOrNull(e.wageChange, 4)
		})),
		hiddenMoves: r.hiddenMoves,
		hiddenNodes: r.hiddenNodes,
		routes: r.routes.map((route, i) => ({
			path: route.path,
			objective: route.objective,
			feasibility: round(route.feasibility, 3),
			wageGain: roundOrNull(route.wageGain, 4),
			wageGainAtLeast: route.wageGainAtLeast,
			gainPerStep: roundOrNull(route.gainPerStep, 4),
			smallestStepGain: roundOrNull(route.smallestStepGain, 4),
			steps: route.steps.map((s) => ({
				from: s.from,
				to: s.to,
				wageChange: roundOrNull(s.wageChange, 4),
				feasibility: round(s.feasibility, 3),
				parts: {
					relatedness: roundOrNull(s.parts.relatedness, 3),
					skills: roundOrNull(s.parts.skills, 3),
					preparation: roundOrNull(s.parts.preparation, 3)
				},
				preparation: {
					jobZone: { from: s.preparation.jobZone.from, to: s.preparation.jobZone.to },
					entryEducation: {
						from: s.preparation.entryEducation.from,
						to: s.preparation.entryEducation.to
					},
					workExperience: { to: s.preparation.workExperience.to }
				},
				// What the step takes, for the open route only: the others are a link away
				// (`?route=N`), which keeps a route page's HTML and data small.
				details:
					i + 1 === openRoute
						? {
								skillsKnown: s.skillsKnown,
								skillsToBuild: s.skillsToBuild.map((k) => ({
									elementId: k.elementId,
									name: k.name,
									fromLevel: k.fromLevel,
									toLevel: k.toLevel
								})),
								hotTechnologies: s.hotTechnologies.map((t) => t.example),
								credentials: s.credentials.map((c) => ({
									id: c.id,
									name: c.name,
									issuer: c.issuer,
									feeUsd: c.feeUsd,
									feeBasis: c.feeBasis,
									feeAsOf: c.feeAsOf,
									// The step lists two sources at most (the API has them all).
									sources: c.sources.slice(0, 2)
								})),
								programs: {
									hidden: s.programs.hidden,
									groups: s.programs.groups.map((g) => ({
										unitid: g.unitid,
										institution: g.institution,
										city: g.city,
										programs: g.programs.map((p) => ({
											cip: p.cip,
											cipTitle: p.cipTitle,
											awardLevel: p.awardLevel,
											completions: p.completions
										}))
									}))
								},
								funding: s.funding.map((f) => ({
									id: f.id,
									name: f.name,
									typicalMaxUsd: f.typicalMaxUsd,
									sources: f.sources.slice(0, 1)
								})),
								underRepresented: s.underRepresented
							}
						: null
			}))
		})),
		layout: {
			width: r.layout.width,
			height: r.layout.height,
			fontSize: r.layout.fontSize,
			lineHeight: r.layout.lineHeight,
			columns: r.layout.columns.map((c) => ({ level: c.level, x: c.x })),
			nodes: r.layout.nodes.map((n) => ({
				soc: n.soc,
				x: n.x,
				y: n.y,
				r: n.r,
				lines: n.lines,
				labelX: n.labelX,
				labelY: n.labelY
			})),
			links: r.layout.links.map((l) => ({ from: l.from, to: l.to, path: roundPath(l.path) }))
		},
		sources: r.sources.map((s) => ({ fileName: s.fileName, year: s.year })),
		edgeSources: r.edgeSources,
		/** The occupations the form names, for their titles (they may be off the map). */
		picked: r.choices.filter((c) => wanted.has(c.soc))
	};
}

export type PathwaysPageReport = ReturnType<typeof pathwaysPageReport>;

/** The pickers' first list: the digital occupations (the map's own scope) and the picked ones. */
export function shortChoices(r: PathwaysReport, picked: readonly string[]): Choice[] {
	const wanted = new Set(picked);
	return r.choices.filter((c) => c.category !== null || wanted.has(c.soc));
}

export type Resolved<T> =
	{ kind: 'one'; item: T } | { kind: 'none' } | { kind: 'many'; matches: T[]; count: number };

/**
 * A typed name or code as one item of a list, for the pickers without JavaScript: the code
 * itself, a title equal to the text, or the only title containing it. Several matches come back
 * (at most `limit`) so the page can offer them.
 */
export function resolveTyped<T>(
	text: string,
	items: readonly T[],
	code: (item: T) => string,
	title: (item: T) => string,
	limit = 25
): Resolved<T> {
	const q = fold(text);
	const byCode = items.find((x) => code(x).toLowerCase() === q);
	if (byCode) return { kind: 'one', item: byCode };
	const exact = items.filter((x) => fold(title(x)) === q);
	if (exact.length === 1) return { kind: 'one', item: exact[0]! };
	const matches = items.filter((x) => matchesTyped(q, code(x), title(x)));
	if (matches.length === 1) return { kind: 'one', item: matches[0]! };
	if (matches.length === 0) return { kind: 'none' };
	return { kind: 'many', matches: matches.slice(0, limit), count: matches.length };
}

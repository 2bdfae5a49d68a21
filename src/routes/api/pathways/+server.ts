import { json } from '@sveltejs/kit';
import { apiError, checkQuery, wantsCsv, withReport } from '$lib/server/api';
import { csvResponse, toCsv } from '$lib/server/csv-out';
import { getDb } from '$lib/server/db';
import { pathwaysReport, readPathwayOptions } from '$lib/server/reports/views/pathways';
import { isAreaCode } from '$lib/domain/codes';
import type { RequestHandler } from './$types';

/** A fraction as a percentage with one decimal (0.2345 → 23.5). */
const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
/** A 0–1 score to three decimals. */
const score3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export const GET: RequestHandler = ({ url }) => {
	const badQuery = checkQuery(url, '/api/pathways', 'get');
	if (badQuery) return badQuery;
	const area = url.searchParams.get('area') ?? '';
	if (!isAreaCode(area)) return apiError(400, 'area must be an area code, e.g. ?area=31080');
	return withReport(
		() => pathwaysReport(getDb(), area, readPathwayOptions(url)),
		(r) => {
			const nodes = r.nodes.map((n) => ({
				soc: n.soc,
				title: n.title,
				level: n.level,
				category: n.category,
				medianAnnualWage: n.medianAnnualWage,
				wageTopCoded: n.wageTopCoded,
				employment: n.employment,
				openings: n.openings,
				jobZone: n.jobZone,
				entryEducation: n.entryEducation,
				catchAll: n.catchAll
			}));
			const edges = r.edges.map((e) => ({
				from: e.from,
				to: e.to,
				source: e.source,
				tier: e.tier,
				note: e.note,
				direction: e.direction,
				feasibility: score3(e.feasibility),
				parts: {
					relatedness: score3(e.parts.relatedness),
					skills: score3(e.parts.skills),
					preparation: score3(e.parts.preparation)
				},
				wageChangePct: pct(e.wageChange)
			}));
			const routes = r.routes.map((x) => ({
				path: x.path,
				objective: x.objective,
				score: x.objective === 'fewest-steps' ? x.score : score3(x.score),
				feasibility: score3(x.feasibility),
				wageGainPct: pct(x.wageGain),
				gainAtLeast: x.wageGainAtLeast,
				gainPerStepPct: pct(x.gainPerStep),
				smallestStepGainPct: pct(x.smallestStepGain),
				steps: x.steps.map((s) => ({
					from: s.from,
					to: s.to,
					feasibility: score3(s.feasibility),
					parts: {
						relatedness: score3(s.parts.relatedness),
						skills: score3(s.parts.skills),
						preparation: score3(s.parts.preparation)
					},
					sources: s.sources,
					direction: s.direction,
					wageChangePct: pct(s.wageChange),
					wageChangeAtLeast: s.wageChangeAtLeast,
					preparation: s.preparation,
					skillsKnown: s.skillsKnown,
					skillsToBuild: s.skillsToBuild.map((k) => ({
						elementId: k.elementId,
						name: k.name,
						fromLevel: k.fromLevel === null ? null : Math.round(k.fromLevel * 100) / 100,
						toLevel: Math.round(k.toLevel * 100) / 100,
						importance: Math.round(k.importance * 100) / 100
					})),
					hotTechnologies: s.hotTechnologies,
					credentials: s.credentials,
					programs: {
						shown: s.programs.shown,
						hidden: s.programs.hidden,
						ceiling: s.programs.ceiling,
						shortFirst: s.programs.shortFirst,
						groups: s.programs.groups.map((g) => ({
							unitid: g.unitid,
							institution: g.institution,
							city: g.city,
							completions: g.completions,
							programs: g.programs.map((p) => ({
								cip: p.cip,
								cipTitle: p.cipTitle,
								awardLevel: p.awardLevel,
								completions: p.completions,
								year: p.year
							}))
						}))
					},
					funding: s.funding,
					underRepresented: s.underRepresented
				}))
			}));
			if (wantsCsv(url)) {
				if (url.searchParams.get('table') === 'edges') {
					return csvResponse(
						toCsv(
							[
								'from',
								'to',
								'source',
								'tier',
								'note',
								'direction',
								'feasibility',
								'relatedness',
								'skills',
								'preparation',
								'wageChangePct'
							],
							edges.map((e) => [
								e.from,
								e.to,
								e.source,
								e.tier,
								e.note,
								e.direction,
								e.feasibility,
								e.parts.relatedness,
								e.parts.skills,
								e.parts.preparation,
								e.wageChangePct
							])
						),
						`pathway-edges-${r.area.code}.csv`
					);
				}
				return csvResponse(
					toCsv(
						[
							'soc',
							'title',
							'level',
							'category',
							'medianAnnualWage',
							'wageTopCoded',
							'employment',
							'openings',
							'jobZone',
							'entryEducation'
						],
						nodes.map((n) => [
							n.soc,
							n.title,
							n.level,
							n.category,
							n.medianAnnualWage,
							n.wageTopCoded,
							n.employment,
							n.openings === null ? null : Math.round(n.openings),
							n.jobZone,
							n.entryEducation
						])
					),
					`pathway-nodes-${r.area.code}.csv`
				);
			}
			return json({
				area: r.area.code,
				year: r.year,
				coverage: r.coverage,
				objective: r.objective,
				nodes,
				edges,
				hiddenMoves: r.hiddenMoves,
				hiddenNodes: r.hiddenNodes,
				routes
			});
		}
	);
};

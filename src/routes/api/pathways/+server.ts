import { json } from '@sveltejs/kit';
import { apiError, checkQuery, wantsCsv, withReport } from '$lib/server/api';
import { csvResponse, toCsv } from '$lib/server/csv-out';
import { getDb } from '$lib/server/db';
import { pathwaysReport, readPathwayOptions } from '$lib/server/reports/views/pathways';
import { isAreaCode } from '$lib/domain/codes';
import type { RequestHandler } from './$types';

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
				entryEducation: n.entryEducation
			}));
			const edges = r.edges.map((e) => ({
				from: e.from,
				to: e.to,
				source: e.source,
				tier: e.tier,
				note: e.note,
				wageChangePct: e.wageChangePct === null ? null : Math.round(e.wageChangePct * 1000) / 10
			}));
			const routes = r.routes.map((x) => ({
				steps: x.steps,
				wageGainPct: x.wageGainPct === null ? null : Math.round(x.wageGainPct * 1000) / 10,
				gainAtLeast: x.gainAtLeast
			}));
			if (wantsCsv(url)) {
				if (url.searchParams.get('table') === 'edges') {
					return csvResponse(
						toCsv(
							['from', 'to', 'source', 'tier', 'note', 'wageChangePct'],
							edges.map((e) => [e.from, e.to, e.source, e.tier, e.note, e.wageChangePct])
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
			return json({ area: r.area.code, year: r.year, coverage: r.coverage, nodes, edges, routes });
		}
	);
};

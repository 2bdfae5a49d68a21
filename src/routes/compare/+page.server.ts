import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { aliasesByArea, listAreas, resolveAreaAlias } from '$lib/server/db/queries/oews';
import { compareReport } from '$lib/server/reports/views/compare';
import { ReportError } from '$lib/server/reports/region';
import { isAreaCode } from '$lib/domain/codes';
import type { PageServerLoad } from './$types';

export const load = (({ url }) => {
	const db = getDb();
	const known = new Set(listAreas(db).map((a) => a.code));
	// A CBSA code people know (Boston 14460) finds the area OEWS publishes (NECTA 71650).
	const picked = [
		...new Set(
			[...url.searchParams.getAll('area'), ...(url.searchParams.get('areas') ?? '').split(',')]
				.map((a) => a.trim())
				.filter(isAreaCode)
				.map((a) => (known.has(a) ? a : (resolveAreaAlias(db, a) ?? a)))
		)
	].slice(0, 6);
	const yearText = url.searchParams.get('year');
	const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
	const scope = url.searchParams.get('scope') === 'all' ? 'all' : 'digital';
	/** Every area, for the picker. */
	const aliases = aliasesByArea(db);
	const areas = listAreas(db).map((a) => ({
		aliases: aliases.get(a.code) ?? [],
		code: a.code,
		title: a.title,
		type: a.type,
		state: a.state,
		years: a.years
	}));
	if (picked.length < 2) return { areas, picked, year: year ?? null, scope, report: null };
	try {
		const report = compareReport(db, picked, year);
		/** Occupations to show: digital ones by default, largest first by combined employment. */
		const occupations = report.occupations
			.filter((o) => scope === 'all' || o.category !== null)
			.map((o) => ({
				soc: o.soc,
				title: o.title,
				category: o.category,
				byArea: o.byArea.map((r) =>
					r
						? {
								employment: r.employment,
								lq: r.lq,
								median: r.medianAnnualWage,
								medianTopCoded: r.medianTopCoded,
								openings: r.openings,
								gap: r.supplyGap
							}
						: null
				)
			}))
			.sort(
				(a, b) =>
					b.byArea.reduce((s, r) => s + (r?.employment ?? 0), 0) -
					a.byArea.reduce((s, r) => s + (r?.employment ?? 0), 0)
			)
			.slice(0, scope === 'all' ? 60 : 40);
		return {
			areas,
			picked,
			year: year ?? null,
			scope,
			report: { yearChoice: report.yearChoice, areas: report.areas, occupations }
		};
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.message);
		throw e;
	}
}) satisfies PageServerLoad;

/**
 * The pathways page's load: typed names from the no-JavaScript form resolved to codes, then the
 * report cut to what the page draws, the pickers' short lists and a named node's details.
 */
import { isAreaCode } from '../../../domain/codes';
import type { Db } from '../../db/client';
import { listAreas } from '../../db/queries/oews';
import { ReportError } from '../region';
import { pathwayChoices, pathwayNodeDetails, pathwaysReport, readPathwayOptions } from './pathways';
import { pathwaysPageReport, resolveTyped, shortChoices, type Choice } from './pathways-page';

/** The pickers whose text box is sent with the form when JavaScript is off (`q-from=nurse`). */
const OCCUPATION_FIELDS = ['from', 'to', 'focus'] as const;
type Field = 'area' | (typeof OCCUPATION_FIELDS)[number];

/** A typed name that matched no item or several: the page says so beside the picker. */
export interface PickProblem {
	field: Field;
	query: string;
	/** How many items matched (0: none). */
	count: number;
	/** The first matches, added to the picker's list so one can be chosen. */
	matches: { value: string; label: string; group: string | null }[];
}

/**
 * The page's data for `url`, or where to send the browser when every typed name was found (the
 * address then names the codes only, as the script-driven form's does).
 */
export function pathwaysPage(db: Db, url: URL) {
	const areas = listAreas(db).map((a) => ({ code: a.code, title: a.title }));
	const params = new URLSearchParams(url.searchParams);
	const typed = (field: Field) => params.get(`q-${field}`)?.trim() ?? '';
	const problems: PickProblem[] = [];
	let changed = false;
	/** Applies a typed name: its code replaces the picker's value, or the problem is kept. */
	function resolve<T>(
		field: Field,
		items: readonly T[],
		code: (x: T) => string,
		title: (x: T) => string,
		group: (x: T) => string | null
	) {
		const text = typed(field);
		if (params.has(`q-${field}`) && text === '') {
			params.delete(`q-${field}`);
			changed = true;
		}
		if (text === '') return;
		const found = resolveTyped(text, items, code, title);
		if (found.kind === 'one') {
			params.set(field, code(found.item));
			params.delete(`q-${field}`);
			changed = true;
			return;
		}
		const matches = found.kind === 'many' ? found.matches : [];
		problems.push({
			field,
			query: text,
			count: found.kind === 'many' ? found.count : 0,
			matches: matches.map((x) => ({ value: code(x), label: title(x), group: group(x) }))
		});
	}

	resolve(
		'area',
		areas,
		(a) => a.code,
		(a) => a.title,
		() => null
	);
	const area = params.get('area') ?? areas.find((a) => a.code !== '99')?.code ?? areas[0]?.code;
	if (!area) throw new ReportError('No areas in the database yet: import OEWS files first.', 404);
	if (!isAreaCode(area)) throw new ReportError('area must be an area code', 400);
	if (OCCUPATION_FIELDS.some((f) => typed(f) !== '' || params.has(`q-${f}`))) {
		const year = Number(params.get('year')) || undefined;
		const everyJob = pathwayChoices(db, area, { year });
		for (const field of OCCUPATION_FIELDS) {
			resolve(
				field,
				everyJob,
				(c: Choice) => c.soc,
				(c) => c.title,
				(c) => c.category
			);
		}
	}
	if (changed && problems.length === 0)
		return { redirect: `${url.pathname}?${params}`, data: null };

	const pageUrl = new URL(`${url.pathname}?${params}`, url);
	const options = readPathwayOptions(pageUrl);
	const report = pathwaysReport(db, area, options);
	const node = params.get('node');
	const picked = [options.from, options.to, params.get('focus')].filter((s): s is string => !!s);
	const here = areas.find((a) => a.code === report.area.code);
	const data = {
		report: pathwaysPageReport(report, picked, params.get('route')),
		/** The pickers' first lists; the full ones are fetched when a picker is used. */
		choices: shortChoices(report, picked),
		areaChoices: areas.filter((a) => a.code === '99' || a === here),
		problems,
		options: {
			...options,
			category: params.get('category') ?? '',
			focus: params.get('focus') ?? '',
			color: params.get('color') === 'gap' ? ('gap' as const) : ('wage' as const)
		},
		// Only for a link that names a node: a click on the map fetches /api/pathways/node.
		details:
			node && report.choices.some((c) => c.soc === node)
				? pathwayNodeDetails(db, area, node, { year: report.year })
				: null
	};
	return { redirect: null, data };
}

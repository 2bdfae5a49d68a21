/**
 * The API's OpenAPI 3.1 document, served at /api/openapi.json and rendered at /api. It is also the
 * one list of each route's query parameters: `checkQuery` (api.ts) answers 400 from it, so the
 * documentation and the validation cannot drift apart. tests/unit/server/openapi.test.ts fails
 * when a route under src/routes/api or a field of a real answer is missing here.
 */
import { ROUTE_OBJECTIVES } from '../analysis/career-routes';
import { PATHWAY_LEVELS } from '../analysis/pathways';
import { DIGITAL_CATEGORIES } from '../domain/categories';
import {
	areasExample,
	compareExample,
	digitalExample,
	gapsRowExample,
	nodeExample,
	pathwaysExample
} from './openapi-examples';

export interface JsonSchema {
	type?: string | string[];
	description?: string;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean | JsonSchema;
	items?: JsonSchema;
	enum?: readonly (string | number | boolean | null)[];
	pattern?: string;
	minimum?: number;
	maximum?: number;
	oneOf?: JsonSchema[];
	$ref?: string;
}

export interface Parameter {
	name: string;
	in: 'query' | 'path' | 'header';
	required?: boolean;
	description: string;
	schema: JsonSchema;
	example?: string | number;
	/** The value is compared without regard to case (categories). */
	'x-case-insensitive'?: boolean;
}

export interface MediaType {
	schema: JsonSchema;
	example?: unknown;
}

export interface ResponseSpec {
	description: string;
	headers?: Record<string, { description: string; schema: JsonSchema }>;
	content?: Record<string, MediaType>;
}

export interface Operation {
	summary: string;
	description?: string;
	tags: string[];
	parameters?: Parameter[];
	requestBody?: { required?: boolean; content: Record<string, MediaType> };
	responses: Record<string, ResponseSpec>;
	security?: Record<string, string[]>[];
}

export type Method = 'get' | 'put' | 'post' | 'delete';
export type PathItem = Partial<Record<Method, Operation>>;

// ---- Schema shorthands: every field is required unless listed as optional ------------------------

const str = (description?: string): JsonSchema => ({ type: 'string', description });
const int = (description?: string): JsonSchema => ({ type: 'integer', description });
const num = (description?: string): JsonSchema => ({ type: 'number', description });
const bool = (description?: string): JsonSchema => ({ type: 'boolean', description });
const oneOfValues = (values: readonly string[], description?: string): JsonSchema => ({
	type: 'string',
	enum: values,
	description
});
/** The same schema, or null (a value that was not published or cannot be computed). */
function orNull(s: JsonSchema): JsonSchema {
	if (s.$ref || s.oneOf) return { oneOf: [s, { type: 'null' }], description: s.description };
	const types = Array.isArray(s.type) ? s.type : [s.type ?? 'string'];
	return {
		...s,
		type: [...types, 'null'],
		...(s.enum ? { enum: [...s.enum, null] } : {})
	};
}
const arr = (items: JsonSchema, description?: string): JsonSchema => ({
	type: 'array',
	items,
	description
});
function obj(
	properties: Record<string, JsonSchema>,
	optional: readonly string[] = [],
	description?: string
): JsonSchema {
	return {
		type: 'object',
		description,
		properties,
		required: Object.keys(properties).filter((k) => !optional.includes(k))
	};
}
const ref = (name: keyof typeof schemas): JsonSchema => ({
	$ref: `#/components/schemas/${name}`
});
const json = (schema: JsonSchema, example?: unknown): Record<string, MediaType> => ({
	'application/json': example === undefined ? { schema } : { schema, example }
});

// ---- Shared shapes ----------------------------------------------------------------------------

const STATUS = [
	'published',
	'computed',
	'not_available',
	'employment_not_available',
	'top_coded',
	'under_half_percent',
	'blank',
	'no_national_data',
	'reference_area'
] as const;
const BOUND = ['exact', 'at-least', 'at-most'] as const;
const percentiles = (s: JsonSchema) => obj({ p10: s, p25: s, p50: s, p75: s, p90: s });
const status = oneOfValues(STATUS, 'Why a value is what it is (docs/API.md, the status table).');
const runSource = obj({
	runId: int('The import run (GET /api/imports).'),
	source: str('Source id, e.g. bls-oews.'),
	year: orNull(int()),
	fileName: str()
});
const representationCell = obj(
	{
		group: str(),
		scope: oneOfValues(['national', 'regional']),
		baselineScope: oneOfValues(['national', 'regional']),
		share: orNull(num('Share of the occupation’s workers, 0–1.')),
		baseline: orNull(num('Share of all employed in the same geography, 0–1.')),
		parityIndex: orNull(num()),
		gapPoints: orNull(num('share − baseline, percentage points.')),
		marginPoints: orNull(num('Margin of error of the difference at 90% confidence.')),
		base: orNull(int('The survey’s count of the occupation’s workers.')),
		flag: oneOfValues([
			'under-represented',
			'over-represented',
			'within-margin',
			'too-few',
			'no-data'
		])
	},
	['scope', 'baselineScope', 'parityIndex', 'gapPoints', 'marginPoints', 'base']
);
const digitalCategory = obj({
	category: str('A JFF category, or “All digital jobs”.'),
	occupations: int(),
	employment: int(),
	medianWage: orNull(int('Employment-weighted median of the occupations’ medians.')),
	wagesMissing: int('Occupations left out of medianWage (top-coded or unpublished).')
});
const digitalRepresentation = obj({
	group: str(),
	shareOfDigitalJobs: orNull(num()),
	baseline: orNull(num()),
	employmentCovered: int()
});
const moveDirection = oneOfValues(
	['up', 'lateral', 'down'],
	'By preparation (Job Zone, then entry education); at the same preparation up when it pays ≥ 10% more.'
);
const feasibilityParts = obj({
	relatedness: orNull(num('O*NET relatedness tier and rank, 0–1.')),
	skills: orNull(
		num('Similarity of the two O*NET skill profiles, 0–1; null when either is unrated.')
	),
	preparation: orNull(num('1 for a move within one Job Zone, less for a step up.'))
});
const referenceCredential = obj({
	id: str(),
	name: str(),
	issuer: orNull(str()),
	level: orNull(str()),
	feeUsd: orNull(num('The reported fee, from the compiled reference (see feeAsOf and sources).')),
	feeBasis: orNull(str()),
	feeAsOf: orNull(str('When the fee was reported.')),
	sources: arr(str())
});
const skillChip = obj({ example: str(), hot: bool(), inDemand: bool() });
const pathwayMove = obj({
	soc: str(),
	title: str(),
	source: str('onet, curated, or the source of an imported pathway-edges file.'),
	tier: orNull(str()),
	direction: moveDirection,
	feasibility: orNull(num('0–1, from the parts documented in METHODS.md.')),
	wageChange: orNull(num('A fraction: 0.57 = +57%.')),
	wageChangeAtLeast: bool('The change is a lower bound (a top-coded wage).'),
	paysMore: orNull(bool())
});
const jobReport = obj(
	{
		file: str(),
		source: orNull(str()),
		status: oneOfValues(['imported', 'skipped', 'rejected']),
		year: orNull(int()),
		rowsRead: int(),
		rowsImported: int(),
		issues: arr(obj({ line: orNull(int()), column: orNull(str()), message: str() })),
		notes: arr(str()),
		runId: orNull(int())
	},
	['runId']
);

const coverage = obj({
	groups: arr(obj({ code: str(), title: str() }), 'SOC major groups the area’s data hold.'),
	complete: bool('Every occupation group is in the data (not a partial file).')
});
const areaTotal = obj({
	employment: orNull(num()),
	employmentStatus: str(),
	medianAnnualWage: orNull(num()),
	medianStatus: str()
});
const uncovered: JsonSchema = {
	type: 'object',
	description: 'Per category, the SOC groups of its occupations the data do not cover.',
	additionalProperties: arr(str())
};

export const schemas = {
	Error: obj({
		error: obj({ status: int('The HTTP status again.'), message: str('What was wrong, in words.') })
	}),
	Area: obj(
		{
			code: str('"99" the nation, two digits a state, five an area.'),
			title: str(),
			type: oneOfValues(['national', 'state', 'msa', 'nonmetro']),
			state: orNull(str('Postal abbreviation.')),
			necta: bool('A New England NECTA rather than an MSA.'),
			years: arr(int(), 'OEWS years loaded for the area.'),
			completeYears: arr(int(), 'Years whose data hold every occupation group.')
		},
		['necta', 'completeYears']
	),
	Occupation: obj({
		soc: str(),
		title: str(),
		level: oneOfValues(['total', 'major', 'minor', 'broad', 'detailed']),
		employment: orNull(int()),
		lq: orNull(num('Location quotient computed from the national file of the year.')),
		lqPublished: orNull(num('BLS’s own location quotient.')),
		medianAnnualWage: orNull(num()),
		meanAnnualWage: orNull(num()),
		medianHourlyWage: orNull(num()),
		annualWagePercentiles: percentiles(orNull(num())),
		annualOnly: bool(),
		hourlyOnly: bool(),
		prse: obj({ employment: orNull(num()), meanWage: orNull(num()) }),
		status: obj({
			employment: status,
			lq: status,
			lqPublished: status,
			medianAnnualWage: status,
			meanAnnualWage: status,
			medianHourlyWage: status,
			annualWagePercentiles: percentiles(status)
		})
	}),
	GapsRow: obj(
		{
			soc: str(),
			title: str(),
			category: orNull(str('JFF digital category, null for other jobs.')),
			employment: orNull(int()),
			lq: orNull(num()),
			openings: orNull(num('Openings a year: growth + replacement.')),
			openingsGrowth: orNull(num()),
			openingsReplacement: orNull(num()),
			openingsSource: orNull(
				obj({
					kind: oneOfValues(['area-projection', 'national-rate']),
					vintage: str('EP vintage, e.g. 2024–34.'),
					employmentYear: orNull(int())
				})
			),
			openingsMethod: orNull(oneOfValues(['area-projection', 'national-rate'])),
			supply: orNull(num('Completers a year.')),
			supplyStatus: oneOfValues(['measured', 'not-measured']),
			supplyOther: arr(obj({ source: str(), program: str(), completers: num() })),
			supplyGap: orNull(num('openings − supply; positive = under-supplied.')),
			supplyRatio: orNull(num()),
			gapStatus: oneOfValues(['gap', 'not-applicable', 'unknown']),
			gapReason: str(),
			experienceFlag: bool(),
			supplyGapEven: orNull(num()),
			signDisagrees: bool(),
			medianAnnualWage: orNull(num()),
			medianTopCoded: bool(),
			wageToRegionalMedian: orNull(num()),
			wageToRegionalBound: oneOfValues(BOUND),
			wageToNationalMedian: orNull(num()),
			wageToNationalBound: oneOfValues(BOUND),
			p25AnnualWage: orNull(num()),
			entryAnnualWage: orNull(num()),
			livingWageRatio: orNull(num()),
			livingWageBound: oneOfValues(BOUND),
			reliability: obj({
				employment: orNull(oneOfValues(['high', 'medium', 'low'])),
				wage: orNull(oneOfValues(['high', 'medium', 'low']))
			}),
			entryEducation: orNull(str()),
			workExperience: orNull(str()),
			jobTraining: orNull(str()),
			postings: orNull(num('Job postings, when an Indeed file is imported.')),
			representation: arr(representationCell),
			score: orNull(num('Priority score, 0–100.')),
			scoreReason: orNull(str()),
			scoreComponents: obj({
				demand: orNull(num()),
				unmet: orNull(num()),
				wage: orNull(num()),
				representation: orNull(num())
			}),
			rank: orNull(obj({ now: int(), best: int(), worst: int() })),
			sources: arr(obj({ source: str(), year: orNull(int()) }))
		},
		[]
	),
	Import: obj({
		id: int(),
		source: str(),
		year: orNull(int()),
		fileName: str(),
		sha256: str(),
		rowsRead: int(),
		rowsImported: int(),
		status: str(),
		importedBy: orNull(str()),
		startedAt: str(),
		finishedAt: orNull(str())
	}),
	Job: obj({
		id: str(),
		upload: str(),
		file: str(),
		size: int(),
		state: oneOfValues(['queued', 'running', 'done']),
		rows: int(),
		bytes: int(),
		percent: num(),
		by: str(),
		queuedAt: str(),
		finishedAt: orNull(str()),
		report: orNull(jobReport)
	}),
	LivingWage: obj({
		area: str(),
		annualWage: num(),
		source: orNull(str()),
		updatedAt: str()
	})
} satisfies Record<string, JsonSchema>;

// ---- Parameters ---------------------------------------------------------------------------------

const areaPath: Parameter = {
	name: 'area',
	in: 'path',
	required: true,
	description: 'Area code: "99" the nation, a state FIPS code or a metro area code.',
	schema: { type: 'string', pattern: '^(\\d{2}|\\d{5}|\\d{7})$' },
	example: '31080'
};
const idPath = (what: string, pattern = '^\\d{1,9}$'): Parameter => ({
	name: 'id',
	in: 'path',
	required: true,
	description: what,
	schema: { type: 'string', pattern }
});
const year: Parameter = {
	name: 'year',
	in: 'query',
	description: 'An OEWS year the area has; default the latest.',
	schema: { type: 'integer', minimum: 1990, maximum: 2100 },
	example: 2021
};
const format = (what = 'JSON or CSV'): Parameter => ({
	name: 'format',
	in: 'query',
	description: `${what}; csv gives the same rows as a spreadsheet.`,
	schema: oneOfValues(['json', 'csv'])
});
/** Rows a paged JSON answer holds when `limit` is not given (gaps rows: ~17 KB with gzip). */
export const DEFAULT_PAGE_ROWS = 50;
/** `?limit=` and `?offset=` of a paged list (`paged` in api.ts), with the headers it answers. */
const pageParams = (defaults: string): Parameter[] => [
	{
		name: 'limit',
		in: 'query',
		description: `How many rows: a whole number, or all for every row. Default ${defaults}.`,
		schema: { oneOf: [{ type: 'integer', minimum: 1, maximum: 100000 }, oneOfValues(['all'])] },
		'x-case-insensitive': true,
		example: 'all'
	},
	{
		name: 'offset',
		in: 'query',
		description: 'How many rows to skip (the next page is in the Link header). Default 0.',
		schema: { type: 'integer', minimum: 0, maximum: 10000000 },
		example: 50
	}
];
const pageHeaders: ResponseSpec['headers'] = {
	'X-Total-Count': { description: 'How many rows there are in all.', schema: int() },
	Link: {
		description:
			'The next and previous pages, when there are any: `</api/…?limit=50&offset=50>; rel="next"` (RFC 8288).',
		schema: str()
	}
};
const areaQuery: Parameter = { ...areaPath, in: 'query' };
const category: Parameter = {
	name: 'category',
	in: 'query',
	description: 'A JFF digital-job category (any letter case).',
	schema: oneOfValues(DIGITAL_CATEGORIES),
	'x-case-insensitive': true,
	example: 'Support'
};
const socQuery = (name: string, description: string, required = false): Parameter => ({
	name,
	in: 'query',
	required,
	description,
	schema: { type: 'string', pattern: '^\\d{2}-\\d{4}$' },
	example: '15-1232'
});
const modelOptions: Parameter[] = [
	{
		name: 'allocation',
		in: 'query',
		description:
			'How a program’s graduates are split over its occupations: by their openings, or evenly (the sensitivity setting).',
		schema: oneOfValues(['openings', 'even'])
	},
	{
		name: 'weights',
		in: 'query',
		description:
			'Weights of the priority score, e.g. demand=1,unmet=1,wage=1,representation=1 (gap= is read as unmet=).',
		schema: {
			type: 'string',
			pattern:
				'^((demand|unmet|gap|wage|representation)=\\d+(\\.\\d+)?)(,(demand|unmet|gap|wage|representation)=\\d+(\\.\\d+)?)*$'
		},
		example: 'demand=2,unmet=1,wage=1,representation=0'
	}
];

// ---- Answers ------------------------------------------------------------------------------------

const error = (description: string): ResponseSpec => ({
	description,
	content: json(ref('Error'), { error: { status: 400, message: description } })
});
const csv = { 'text/csv': { schema: { type: 'string' } } };
const XLSX_MEDIA = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EDITOR: Record<string, string[]>[] = [{ editorToken: [] }, { editorCookie: [] }];
const denied = {
	'401': error('No editor credentials.'),
	'403': error('Wrong token, or writing is turned off (no EDITOR_TOKEN).')
};
const busy = { '409': error('An import is running; try again when it has finished.') };
const badQuery = (what: string) => error(`Unknown parameter or bad value: ${what}.`);

const paths: Record<string, PathItem> = {
	'/api/health': {
		get: {
			tags: ['Server'],
			summary: 'Is the server up',
			responses: { '200': { description: 'Up.', content: json(obj({ ok: bool() }), { ok: true }) } }
		}
	},
	'/api/openapi.json': {
		get: {
			tags: ['Server'],
			summary: 'This document',
			responses: {
				'200': { description: 'The OpenAPI 3.1 document.', content: json({ type: 'object' }) }
			}
		}
	},
	'/api/areas': {
		get: {
			tags: ['Areas'],
			summary: 'The areas with OEWS estimates',
			description: 'The nation first, then states, then metro and nonmetro areas.',
			parameters: [format()],
			responses: {
				'200': {
					description: 'Every area.',
					content: { ...json(arr(ref('Area')), areasExample), ...csv }
				},
				'400': badQuery('format')
			}
		}
	},
	'/api/areas/{area}/occupations': {
		get: {
			tags: ['Areas'],
			summary: 'Every occupation the area publishes',
			description:
				'One row per occupation and level as the OEWS file published it; null where a value was not published, with the reason in status.',
			parameters: [areaPath, year, format()],
			responses: {
				'200': { description: 'The rows.', content: { ...json(arr(ref('Occupation'))), ...csv } },
				'400': badQuery('year, format'),
				'404': error('No area with that code, or the area lacks that year.')
			}
		}
	},
	'/api/areas/{area}/gaps': {
		get: {
			tags: ['Areas'],
			summary: 'Demand, supply, wages, representation and priority per occupation',
			description:
				'One row per detailed occupation; methods in docs/METHODS.md. null wherever an input is missing, never 0 for unknown.',
			parameters: [
				areaPath,
				year,
				category,
				...modelOptions,
				...pageParams(`${DEFAULT_PAGE_ROWS} rows for JSON, all for CSV`),
				format()
			],
			responses: {
				'200': {
					description: `The rows, highest priority first: ${DEFAULT_PAGE_ROWS} at a time unless limit says otherwise (limit=all for the whole area).`,
					headers: pageHeaders,
					content: { ...json(arr(ref('GapsRow')), [gapsRowExample]), ...csv }
				},
				'400': badQuery('year, category, allocation, weights, limit, offset, format'),
				'404': error('No area with that code, or the area lacks that year.')
			}
		}
	},
	'/api/areas/{area}/digital': {
		get: {
			tags: ['Areas'],
			summary: 'Digital jobs of the area by JFF category',
			parameters: [areaPath, year],
			responses: {
				'200': {
					description: 'The six categories in a fixed order, then “All digital jobs”.',
					content: json(
						obj({
							area: ref('Area'),
							year: int(),
							regionalMedianWage: orNull(num()),
							categories: arr(digitalCategory),
							representation: arr(digitalRepresentation),
							representationGeography: str(),
							representationYear: orNull(int()),
							sources: arr(runSource),
							coverage,
							shareOfJobs: orNull(num('Digital jobs ÷ all jobs of the area.')),
							total: areaTotal,
							uncovered
						}),
						digitalExample
					)
				},
				'400': badQuery('year'),
				'404': error('No area with that code, or the area lacks that year.')
			}
		}
	},
	'/api/areas/{area}/living-wage': {
		get: {
			tags: ['Areas'],
			summary: 'The living wage an editor set for the area',
			parameters: [areaPath],
			responses: {
				'200': {
					description: 'The figure, or null when none is set.',
					content: json(orNull(ref('LivingWage')))
				},
				'404': error('No area with that code.')
			}
		},
		put: {
			tags: ['Areas'],
			summary: 'Set the area’s living wage (editors)',
			security: EDITOR,
			parameters: [areaPath],
			requestBody: {
				required: true,
				content: json(
					obj({ annualWage: num('Dollars a year.'), source: str('Where the figure comes from.') }, [
						'source'
					]),
					{ annualWage: 52000, source: 'County living-wage study 2024' }
				)
			},
			responses: {
				'200': { description: 'The figure as saved.', content: json(ref('LivingWage')) },
				'400': error('annualWage must be a positive number of dollars a year'),
				...denied,
				'404': error('No area with that code.'),
				...busy
			}
		},
		delete: {
			tags: ['Areas'],
			summary: 'Remove the area’s living wage (editors)',
			security: EDITOR,
			parameters: [areaPath],
			responses: {
				'200': {
					description: 'Removed.',
					content: json(obj({ area: str(), removed: bool() }), { area: '31080', removed: true })
				},
				...denied,
				'404': error('No area with that code, or no living wage is set.'),
				...busy
			}
		}
	},
	'/api/map': {
		get: {
			tags: ['Areas'],
			summary: 'The metro map’s figures for a year',
			parameters: [{ ...year, description: 'Default: the year with the most metros.' }],
			responses: {
				'200': {
					description: 'Every metro with its measures.',
					content: json(
						obj({
							year: orNull(int()),
							years: arr(int()),
							areas: arr(
								obj({
									code: str(),
									title: str(),
									state: orNull(str()),
									values: {
										type: 'object',
										additionalProperties: orNull(num()),
										description: 'digitalPer1000, computerLq, softwareWage, computerJobs.'
									},
									complete: bool()
								})
							),
							sources: arr(obj({ fileName: str(), year: orNull(int()) }))
						})
					)
				},
				'400': badQuery('year')
			}
		}
	},
	'/api/official-files': {
		get: {
			tags: ['Data'],
			summary: 'The official files the app can fetch, with their addresses',
			responses: {
				'200': {
					description: 'One entry per source.',
					content: json(
						arr(
							obj({
								id: str(),
								title: str(),
								publisher: str(),
								since: int(),
								page: str(),
								example: obj({ year: int(), url: str(), member: orNull(str()) })
							})
						)
					)
				}
			}
		},
		post: {
			tags: ['Data'],
			summary: 'Fetch, check and stage an official file (editors)',
			security: EDITOR,
			requestBody: {
				required: true,
				content: json(obj({ source: str(), year: int() }), { source: 'oews-metro', year: 2024 })
			},
			responses: {
				'201': {
					description: 'The staged upload, to preview and import.',
					content: json(obj({ id: str(), file: str(), size: int(), url: str() }))
				},
				'400': error('Choose one of the official files listed.'),
				...denied,
				'422': error('The download failed or the file is not what was expected.')
			}
		}
	},
	'/api/compare': {
		get: {
			tags: ['Compare'],
			summary: 'Two to six areas side by side',
			description:
				'Without year, every area is compared on the latest year all of them have (status common), or each on its own latest year when they share none (none-shared).',
			parameters: [
				{
					name: 'areas',
					in: 'query',
					required: true,
					description: '2 to 6 area codes separated by commas.',
					schema: { type: 'string', pattern: '^\\d{2,7}(,\\d{2,7}){1,5}$' },
					example: '31080,99'
				},
				year,
				{
					name: 'format',
					in: 'query',
					description:
						'json (default), or csv / xlsx: one row per area and occupation after each area’s all-occupations and digital-category rows, every measure with its source files and years; notes on sources and method head the CSV (lines starting with #) or fill the XLSX’s About sheet. Named compare-{areas}-{year}.csv/.xlsx.',
					schema: oneOfValues(['json', 'csv', 'xlsx'])
				}
			],
			responses: {
				'200': {
					description: 'The areas and every occupation of any of them.',
					content: {
						...json(
							obj({
								yearChoice: obj({
									status: oneOfValues(['common', 'none-shared', 'requested']),
									year: orNull(int())
								}),
								areas: arr(
									obj({
										area: ref('Area'),
										year: int(),
										regionalMedianWage: orNull(num()),
										digital: arr(digitalCategory),
										digitalRepresentation: arr(digitalRepresentation),
										representationGeography: str(),
										sources: arr(runSource),
										coverage,
										total: areaTotal,
										digitalUncovered: uncovered
									})
								),
								occupations: arr(
									obj({
										soc: str(),
										title: str(),
										category: orNull(str()),
										byArea: arr(
											orNull(ref('GapsRow')),
											'In the order of areas; null where the area lacks it.'
										)
									})
								)
							}),
							compareExample
						),
						...csv,
						[XLSX_MEDIA]: { schema: { type: 'string', description: 'An XLSX workbook.' } }
					}
				},
				'400': badQuery('areas, year, format'),
				'404': error('No area with that code.')
			}
		}
	},
	'/api/pathways': {
		get: {
			tags: ['Pathways'],
			summary: 'The career-pathway map of an area, and the route finder',
			parameters: [
				{ ...areaQuery, required: true },
				year,
				{ ...category, description: 'Map one JFF category (default: all digital jobs).' },
				socQuery('focus', 'Map one occupation and everything within 2 steps in and out.'),
				socQuery('from', 'Route finder: where the route starts.'),
				socQuery('to', 'Route finder: where the route ends.'),
				{
					name: 'steps',
					in: 'query',
					description: 'Route finder: at most this many moves (default 3).',
					schema: { type: 'integer', minimum: 1, maximum: 4 }
				},
				{
					name: 'moves',
					in: 'query',
					description: 'all: every move in the scope, not only each job’s strongest.',
					schema: oneOfValues(['all'])
				},
				{
					name: 'programs',
					in: 'query',
					description: 'all: every local program at each route step, not only those that fit.',
					schema: oneOfValues(['all'])
				},
				{
					name: 'objective',
					in: 'query',
					description:
						'Route finder: most feasible (default), largest pay gain per step (each step ≥ 10%, never below 75%), or fewest steps.',
					schema: oneOfValues(ROUTE_OBJECTIVES)
				},
				{
					name: 'size',
					in: 'query',
					description: 'What sizes the map’s nodes (the page’s setting).',
					schema: oneOfValues(['employment', 'openings'])
				},
				{
					name: 'color',
					in: 'query',
					description: 'The map page’s colouring; accepted so the page’s download links work.',
					schema: oneOfValues(['wage', 'gap'])
				},
				{
					...socQuery(
						'node',
						'The map page’s selected node; accepted so the page’s download links work.'
					)
				},
				format(),
				{
					name: 'table',
					in: 'query',
					description: 'With format=csv: the nodes (default) or the edges.',
					schema: oneOfValues(['nodes', 'edges'])
				}
			],
			responses: {
				'200': {
					description: 'Nodes, edges and the routes found.',
					content: {
						...json(
							obj({
								area: str(),
								year: int(),
								objective: oneOfValues(ROUTE_OBJECTIVES),
								nodes: arr(
									obj({
										soc: str(),
										title: str(),
										level: orNull(oneOfValues(PATHWAY_LEVELS)),
										category: orNull(str()),
										medianAnnualWage: orNull(num()),
										wageTopCoded: bool(),
										employment: orNull(int()),
										openings: orNull(num()),
										jobZone: orNull(int()),
										entryEducation: orNull(str()),
										catchAll: bool('An "All Other" code: shown, never a pass-through.')
									})
								),
								edges: arr(
									obj({
										from: str(),
										to: str(),
										source: str(),
										tier: orNull(str()),
										note: orNull(str()),
										direction: moveDirection,
										feasibility: orNull(num()),
										parts: feasibilityParts,
										wageChangePct: orNull(num('Percent: 95.8 = +95.8%.'))
									})
								),
								hiddenMoves: int('Moves left out of the default scope (moves=all shows them).'),
								hiddenNodes: int('Jobs within two moves left out of a focus map.'),
								routes: arr(
									obj({
										path: arr(str()),
										objective: str(),
										score: orNull(num()),
										feasibility: orNull(num()),
										wageGainPct: orNull(num()),
										gainAtLeast: bool(),
										gainPerStepPct: orNull(num()),
										smallestStepGainPct: orNull(num()),
										steps: arr(
											obj({
												from: str(),
												to: str(),
												feasibility: orNull(num()),
												parts: feasibilityParts,
												sources: arr(
													obj({ kind: str(), tier: orNull(str()), rank: orNull(int()) }, [
														'tier',
														'rank'
													])
												),
												direction: moveDirection,
												wageChangePct: orNull(num()),
												wageChangeAtLeast: bool(),
												preparation: obj(
													{
														jobZone: obj(
															{ from: orNull(int()), to: orNull(int()), change: str() },
															['from', 'to']
														),
														entryEducation: obj(
															{ from: orNull(str()), to: orNull(str()), change: str() },
															['from', 'to']
														),
														workExperience: obj({ from: orNull(str()), to: orNull(str()) })
													},
													[]
												),
												skillsKnown: bool(),
												skillsToBuild: arr(
													obj({
														elementId: str(),
														name: str(),
														fromLevel: num(),
														toLevel: num(),
														importance: num()
													})
												),
												hotTechnologies: arr(skillChip),
												credentials: arr(referenceCredential),
												programs: obj({
													shown: int(),
													hidden: int(),
													ceiling: orNull(str()),
													shortFirst: bool(),
													groups: arr(
														obj({
															unitid: str(),
															institution: str(),
															city: orNull(str()),
															completions: int(),
															programs: arr(
																obj({
																	cip: str(),
																	cipTitle: orNull(str()),
																	awardLevel: int(),
																	completions: int(),
																	year: int()
																})
															)
														})
													)
												}),
												funding: arr(
													obj(
														{
															id: str(),
															name: str(),
															administrator: orNull(str()),
															typicalMaxUsd: orNull(num()),
															sources: arr(str())
														},
														['administrator', 'typicalMaxUsd']
													)
												),
												underRepresented: arr(str())
											})
										)
									})
								),
								coverage
							}),
							pathwaysExample
						),
						...csv
					}
				},
				'400': badQuery(
					'area, year, category, focus, from, to, steps, objective, moves, programs, size, format, table'
				),
				'404': error('No area with that code.')
			}
		}
	},
	'/api/pathways/node': {
		get: {
			tags: ['Pathways'],
			summary: 'One occupation’s details as the map’s panel shows them',
			parameters: [
				{ ...areaQuery, required: true },
				socQuery('soc', 'The occupation.', true),
				year,
				...modelOptions
			],
			responses: {
				'200': {
					description: 'The details.',
					content: json(
						obj(
							{
								area: ref('Area'),
								year: int(),
								soc: str(),
								title: str(),
								level: orNull(oneOfValues(PATHWAY_LEVELS)),
								category: orNull(str()),
								medianAnnualWage: orNull(num()),
								wageTopCoded: bool(),
								entryAnnualWage: orNull(num()),
								wageToRegionalMedian: orNull(num()),
								regionalMedianWage: orNull(num()),
								employment: orNull(int()),
								openings: orNull(num()),
								openingsMethod: orNull(str()),
								supply: orNull(num()),
								supplyGap: orNull(num()),
								entryEducation: orNull(str()),
								workExperience: orNull(str()),
								jobTraining: orNull(str()),
								jobZone: orNull(int()),
								skills: arr(skillChip),
								referenceCredentials: arr(referenceCredential),
								credentials: arr(
									obj({
										name: str(),
										type: orNull(str()),
										issuer: orNull(str()),
										area: orNull(str()),
										costUsd: orNull(num()),
										durationMonths: orNull(num()),
										completionRate: orNull(num()),
										employmentRate: orNull(num()),
										medianWageAfter: orNull(num()),
										url: orNull(str()),
										runId: int()
									})
								),
								programs: obj({
									top: arr(
										obj({
											unitid: str(),
											institution: str(),
											city: orNull(str()),
											cip: str(),
											cipTitle: orNull(str()),
											awardLevel: int(),
											completions: int(),
											year: int()
										})
									),
									count: int(),
									completions: int(),
									year: orNull(int())
								}),
								representation: arr(representationCell),
								representationRule: str(),
								representationGeography: str(),
								comesFrom: arr(pathwayMove),
								leadsTo: arr(pathwayMove),
								sources: arr(runSource)
							},
							['representationRule']
						),
						nodeExample
					)
				},
				'400': badQuery('area, soc, year, allocation, weights'),
				'404': error('No area with that code, or the area does not publish the occupation.')
			}
		}
	},
	'/api/pathways/occupations': {
		get: {
			tags: ['Pathways'],
			summary: 'Every occupation of an area for the pathway pickers, digital first',
			parameters: [{ ...areaQuery, required: true }, year],
			responses: {
				'200': {
					description:
						'Each occupation with its JFF digital category (null for the others): the digital ones first, each part by title.',
					content: json(arr(obj({ soc: str(), title: str(), category: orNull(str()) })), [
						{ soc: '15-1211', title: 'Computer Systems Analysts', category: 'Crosscutting' },
						{ soc: '29-1141', title: 'Registered Nurses', category: null }
					])
				},
				'400': badQuery('area, year'),
				'404': error('No area with that code.')
			}
		}
	},
	'/api/pathways/edges': {
		post: {
			tags: ['Pathways'],
			summary: 'Add or remove a move on the map (editors)',
			security: EDITOR,
			requestBody: {
				required: true,
				content: json(
					obj(
						{
							from: str(),
							to: str(),
							note: orNull(str()),
							remove: bool(),
							area: orNull(str('Without it the edit applies everywhere.'))
						},
						['note', 'remove', 'area']
					),
					{ from: '27-1024', to: '15-1254', note: 'partners hire from the design program' }
				)
			},
			responses: {
				'201': {
					description: 'Saved as its own import run (source curated).',
					content: json(obj({ runId: int(), from: str(), to: str(), removed: bool() }))
				},
				'400': error('from and to must be SOC codes like 15-1232'),
				...denied,
				...busy
			}
		}
	},
	'/api/imports': {
		get: {
			tags: ['Data'],
			summary: 'Every import run, newest first',
			parameters: [format()],
			responses: {
				'200': { description: 'The runs.', content: { ...json(arr(ref('Import'))), ...csv } },
				'400': badQuery('format')
			}
		},
		post: {
			tags: ['Data'],
			summary: 'Upload and import files (editors)',
			security: EDITOR,
			parameters: [
				{
					name: 'replace',
					in: 'query',
					description:
						'true: this file’s rows replace figures already imported for the same areas, years and occupation groups (otherwise those are kept).',
					schema: oneOfValues(['true', 'false'])
				}
			],
			requestBody: {
				required: true,
				content: {
					'multipart/form-data': {
						schema: obj({
							file: { type: 'string', description: 'CSV, TSV or XLSX, at most 200 MB.' }
						})
					}
				}
			},
			responses: {
				'200': {
					description: 'Every file imported or skipped.',
					content: json(obj({ files: arr(jobReport) }))
				},
				'400': error('Not multipart, or no file.'),
				...denied,
				'413': error('A file over 200 MB.'),
				'422': {
					description: 'A file was rejected (it wrote nothing).',
					content: json(obj({ files: arr(jobReport) }))
				},
				'507': error('No space left in the upload folder.')
			}
		}
	},
	'/api/imports/{id}': {
		delete: {
			tags: ['Data'],
			summary: 'Remove an import run and every row it imported (editors)',
			security: EDITOR,
			parameters: [idPath('The run id.')],
			responses: {
				'200': { description: 'Removed.', content: json(obj({ deleted: int() }), { deleted: 12 }) },
				'400': error('the import id must be a number'),
				...denied,
				'404': error('No import with that id.'),
				...busy
			}
		}
	},
	'/api/imports/{id}/original': {
		get: {
			tags: ['Data'],
			summary: 'The original file of a run uploaded through the API',
			parameters: [idPath('The run id.')],
			responses: {
				'200': {
					description: 'The file as uploaded.',
					content: { 'application/octet-stream': { schema: { type: 'string' } } }
				},
				'400': error('the import id must be a number'),
				'404': error('No such run, or its original is not kept (imported from the command line).')
			}
		}
	},
	'/api/uploads': {
		post: {
			tags: ['Data'],
			summary: 'Stage files without importing them (editors)',
			security: EDITOR,
			requestBody: {
				required: true,
				content: { 'multipart/form-data': { schema: obj({ file: { type: 'string' } }) } }
			},
			responses: {
				'201': {
					description: 'Each file’s id for preview and import.',
					content: json(obj({ files: arr(obj({ id: str(), file: str(), size: int() })) }))
				},
				...denied,
				'413': error('A file over 200 MB.')
			}
		}
	},
	'/api/uploads/{id}': {
		get: {
			tags: ['Data'],
			summary: 'Preview a staged upload (editors)',
			description:
				'Detected source and year, the first 20 rows as the importer reads them, and the problems of a dry run over the first 2,000 rows (docs/API.md lists every field).',
			security: EDITOR,
			parameters: [
				idPath('The staged upload.', '^[\\w-]+$'),
				{
					name: 'map',
					in: 'query',
					description:
						'A column mapping to try, as JSON: {"their column": "our field"}. A key starting with = is a value every row gets for that field: {"=31080": "area"}.',
					schema: { type: 'string' }
				},
				{ ...year, description: 'The year, when the file name does not give it.' },
				{
					name: 'replace',
					in: 'query',
					description:
						'true: this file’s rows replace figures already imported for the same areas, years and occupation groups (otherwise those are kept).',
					schema: oneOfValues(['true', 'false'])
				}
			],
			responses: {
				'200': {
					description: 'The preview.',
					content: json(
						obj(
							{
								id: str(),
								file: str(),
								size: int(),
								sha256: str(),
								source: orNull(obj({ id: str(), title: str(), publisher: str() })),
								year: orNull(int()),
								ok: bool(),
								issues: arr(obj({ line: orNull(int()), column: orNull(str()), message: str() }))
							},
							[]
						)
					)
				},
				'400': badQuery('map, year'),
				...denied,
				'404': error('No such upload (uploads not imported are cleared after a day).')
			}
		},
		delete: {
			tags: ['Data'],
			summary: 'Discard a staged upload (editors)',
			security: EDITOR,
			parameters: [idPath('The staged upload.', '^[\\w-]+$')],
			responses: {
				'200': { description: 'Discarded.', content: json(obj({ discarded: str() })) },
				...denied,
				'404': error('No such upload.'),
				'409': error('This upload is being imported.')
			}
		}
	},
	'/api/uploads/{id}/import': {
		post: {
			tags: ['Data'],
			summary: 'Import a staged upload in the background (editors)',
			security: EDITOR,
			parameters: [idPath('The staged upload.', '^[\\w-]+$')],
			requestBody: {
				content: json(
					obj(
						{
							year: int(),
							columnMap: {
								type: 'object',
								description:
									'Their column → our field; a key starting with = is a value every row gets for that field ({"=31080": "area"}). Values for every row are not remembered.',
								additionalProperties: { type: 'string' }
							},
							remember: bool('Remember the mapping for the next file with this header.')
						},
						['year', 'columnMap', 'remember']
					),
					{ year: 2024, columnMap: { Credential: 'name', '=31080': 'area' }, remember: true }
				)
			},
			responses: {
				'202': { description: 'The job, queued.', content: json(ref('Job')) },
				'400': error('year must be a four-digit year'),
				...denied,
				'404': error('No such upload (uploads not imported are cleared after a day).'),
				'409': error('This upload is already being imported.')
			}
		}
	},
	'/api/jobs': {
		get: {
			tags: ['Data'],
			summary: 'Imports started from the data page since the server started',
			responses: { '200': { description: 'Newest first.', content: json(arr(ref('Job'))) } }
		}
	},
	'/api/jobs/{id}': {
		get: {
			tags: ['Data'],
			summary: 'One import job',
			parameters: [idPath('The job id.', '^[\\w-]+$')],
			responses: {
				'200': { description: 'The job.', content: json(ref('Job')) },
				'404': error('No such import job (finished jobs are kept until a restart).')
			}
		}
	},
	'/api/jobs/{id}/events': {
		get: {
			tags: ['Data'],
			summary: 'Progress of one import job as server-sent events',
			description:
				'progress events (the job) while it is queued or running, then one done event with the report; then the stream ends.',
			parameters: [idPath('The job id.', '^[\\w-]+$')],
			responses: {
				'200': {
					description: 'An event stream; each data line is a Job.',
					content: { 'text/event-stream': { schema: { type: 'string' } } }
				},
				'404': error('No such import job.')
			}
		}
	}
};

export const openApiDocument = {
	openapi: '3.1.0',
	info: {
		title: 'Regional labor-market API',
		version: '1',
		description:
			'Demand, wage, supply and representation gaps per occupation and area, comparisons and career pathways. Reading is public; writing needs an editor (Authorization: Bearer EDITOR_TOKEN, or the rlm_editor cookie from /login). Errors are JSON: {"error":{"status","message"}}.'
	},
	tags: [
		{ name: 'Areas' },
		{ name: 'Compare' },
		{ name: 'Pathways' },
		{ name: 'Data' },
		{ name: 'Server' }
	],
	paths,
	components: {
		schemas,
		securitySchemes: {
			editorToken: { type: 'http', scheme: 'bearer', description: 'The server’s EDITOR_TOKEN.' },
			editorCookie: { type: 'apiKey', in: 'cookie', name: 'rlm_editor' }
		}
	}
} as const;

/** The operation for a route file's path (`/api/areas/{area}/gaps`) and method, if documented. */
export function operationFor(path: string, method: Method): Operation | undefined {
	return paths[path]?.[method];
}

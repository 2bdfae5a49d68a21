/**
 * O*NET database files (checked against O*NET 29.3, May 2025; O*NET-SOC 2019 taxonomy), one
 * adapter per file: Occupation Data, Related Occupations, Job Zones, Education, Training, and
 * Experience (and its Categories), Technology Skills and Alternate Titles. O*NET publishes each
 * file as tab-delimited text and as XLSX with the same columns; both read the same way.
 *
 * - O*NET codes (`15-1252.00`) are checked and kept as text; `soc` is their first 7 characters,
 *   so O*NET-only children such as `15-1299.08` join OEWS and EP through `15-1299`.
 * - Occupation Data also adds each SOC code to `occupations` when it is not there yet (title of
 *   its `.00` occupation), so O*NET-only codes can be joined; titles already present (OEWS, SOC
 *   2018) are never overwritten.
 * - The files do not state their release: `meta.release` comes from the file name when it says
 *   (`onet_29_3 Job Zones.txt`), otherwise 29.3 is recorded and a note says so. The run's year
 *   is the user's `--year` (or one in the file name), else NULL.
 * - Education, Training, and Experience: the IM (importance) rows of the certification and
 *   apprenticeship elements carry a 1–5 rating and no category, not a share of respondents, so
 *   they are skipped and counted in the notes. A blank `Recommend Suppress` (occupational-expert
 *   rows) is read as N. Its Categories file leaves RW and PT category 1 undescribed: kept with
 *   an empty description (the column is NOT NULL).
 * - Alternate Titles lists a few titles twice for one occupation (with and without a short
 *   title): both rows are kept; a row repeated exactly is an error.
 */
import type Database from 'better-sqlite3';
import { FirstSeen, cellAt, findColumns } from '../kit';
import { headerKey, quote, socLevel, socParent } from '../normalize';
import {
	ImportError,
	type AdapterSession,
	type IssueSink,
	type OpenContext,
	type SourceAdapter
} from './types';

export const ONET_CODE = /^\d{2}-\d{4}\.\d{2}$/;
/** The release the adapters were checked against, recorded when a file name does not say. */
export const ONET_RELEASE = '29.3';
const PUBLISHER = 'National Center for O*NET Development for USDOL/ETA (O*NET database, CC BY 4.0)';

export const RELATEDNESS_TIERS = ['Primary-Short', 'Primary-Long', 'Supplemental'] as const;
type Tier = (typeof RELATEDNESS_TIERS)[number];
/** Ranks each tier covers in O*NET's Related Occupations (5 + 5 + 10). */
const TIER_RANKS: Record<Tier, [number, number]> = {
	'Primary-Short': [1, 5],
	'Primary-Long': [6, 10],
	Supplemental: [11, 20]
};

/** ETE scales that give a share of respondents per category. */
const ETE_CATEGORY_SCALES = ['RL', 'RW', 'PT', 'OJ'];

interface Column {
	/** The header as O*NET writes it. */
	name: string;
	/** Accepted header keys (after `headerKey`). */
	keys: string[];
}

const column = (name: string, ...aliases: string[]): Column => ({
	name,
	keys: [headerKey(name), ...aliases]
});
/** The code column: O*NET writes `O*NET-SOC Code`; exports often drop the asterisk. */
const codeColumn = () => column('O*NET-SOC Code', 'onet_soc_code', 'o*net_soc_2019_code');

/** Where each field of a source is in the file being read, with cell and message helpers. */
interface Fields<F extends string> {
	/** 0-based column of each field; -1 when the file lacks an optional one. */
	at: Record<F, number>;
	/** The trimmed cell, or '' when the column is absent. */
	text(cells: string[], f: F): string;
	/** The header as written in the file, for messages. */
	label(f: F): string;
}

/** Where each field of `columns` is in the header `keys`; -1 when absent. */
function locate<F extends string>(keys: string[], columns: Record<F, Column>): Record<F, number> {
	const spellings = {} as Record<F, readonly string[]>;
	for (const f of Object.keys(columns) as F[]) spellings[f] = columns[f].keys;
	return findColumns(keys, spellings);
}

interface Definition<F extends string> {
	id: string;
	title: string;
	columns: Record<F, Column>;
	required: readonly NoInfer<F>[];
	/** A further condition on the header, to keep a look-alike O*NET file out. */
	also?: (keys: string[]) => boolean;
	open(ctx: OpenContext, fields: Fields<F>, release: string): AdapterSession;
}

/** Builds an adapter whose detect, required/optional lists and column lookup share one table. */
function define<F extends string>(def: Definition<F>): SourceAdapter {
	const names = (fs: readonly F[]) => fs.map((f) => def.columns[f].name);
	const optional = (Object.keys(def.columns) as F[]).filter((f) => !def.required.includes(f));
	return {
		id: def.id,
		title: def.title,
		publisher: PUBLISHER,
		required: names(def.required),
		optional: names(optional),
		detect(keys) {
			const at = locate(keys, def.columns);
			return def.required.every((f) => at[f] >= 0) && (def.also?.(keys) ?? true);
		},
		open(ctx) {
			const at = locate(ctx.keys, def.columns);
			const missing = def.required.filter((f) => at[f] < 0);
			if (missing.length > 0) {
				throw new ImportError(
					`the ${def.title} header lacks ${missing.map((f) => def.columns[f].name).join(', ')}`
				);
			}
			const fields: Fields<F> = {
				at,
				text: (cells, f) => cellAt(cells, at[f]),
				label: (f) => ctx.header[at[f]] || def.columns[f].name
			};
			return def.open(ctx, fields, releaseOf(ctx));
		}
	};
}

/** The release named in the file name (`onet_29_3 …`, `onet-29.3 …`), else the assumed one. */
function releaseOf(ctx: OpenContext): string {
	const m = /(?:^|[^0-9])(\d{2})[._](\d)(?![0-9])/.exec(ctx.fileName);
	if (m?.[1] && m[2]) return `${m[1]}.${m[2]}`;
	ctx.notes.push(
		`the file does not state its O*NET release; recorded as ${ONET_RELEASE} (May 2025), ` +
			'the release these adapters were checked against'
	);
	return ONET_RELEASE;
}

/** Reads an O*NET-SOC code, or reports it. */
function onetCode<F extends string>(
	fields: Fields<F>,
	cells: string[],
	f: F,
	issue: IssueSink
): string | null {
	const code = fields.text(cells, f);
	if (ONET_CODE.test(code)) return code;
	issue(
		fields.at[f],
		`${fields.label(f)}: expected an O*NET-SOC code like 15-1252.00, found ${quote(code)}`
	);
	return null;
}

/** Reads a whole number within [min, max], or reports it. */
function wholeNumber<F extends string>(
	fields: Fields<F>,
	cells: string[],
	f: F,
	min: number,
	max: number,
	issue: IssueSink
): number | null {
	const raw = fields.text(cells, f);
	const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
	if (value >= min && value <= max) return value;
	const range = max === Number.MAX_SAFE_INTEGER ? `a whole number of ${min} or more` : '';
	issue(
		fields.at[f],
		`${fields.label(f)}: expected ${range || `${min} to ${max}`}, found ${quote(raw)}`
	);
	return null;
}

/** Reads a text cell that must not be empty, or reports it. */
function required<F extends string>(
	fields: Fields<F>,
	cells: string[],
	f: F,
	issue: IssueSink
): string | null {
	const value = fields.text(cells, f);
	if (value !== '') return value;
	issue(fields.at[f], `${fields.label(f)} is empty`);
	return null;
}

/** Reads a `Y`/`N` flag (blank allowed only when `blank` says what it means), or reports it. */
function yesNo<F extends string>(
	fields: Fields<F>,
	cells: string[],
	f: F,
	issue: IssueSink,
	blank?: boolean
): boolean | null {
	const raw = fields.text(cells, f);
	const upper = raw.toUpperCase();
	if (upper === 'Y') return true;
	if (upper === 'N') return false;
	if (raw === '' && blank !== undefined) return blank;
	issue(fields.at[f], `${fields.label(f)}: expected Y or N, found ${quote(raw)}`);
	return null;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads an optional number (blank → null), or reports it; `undefined` means reported. */
function decimal<F extends string>(
	fields: Fields<F>,
	cells: string[],
	f: F,
	issue: IssueSink,
	min: number,
	max: number
): number | null | undefined {
	const raw = fields.text(cells, f);
	if (raw === '') return null;
	const value = DECIMAL.test(raw) ? Number(raw) : NaN;
	if (value >= min && value <= max) return value;
	issue(
		fields.at[f],
		Number.isNaN(value)
			? `${fields.label(f)}: expected a number or a blank cell, found ${quote(raw)}`
			: `${fields.label(f)}: expected ${min} to ${max}, found ${quote(raw)}`
	);
	return undefined;
}

const soc = (code: string) => code.slice(0, 7);

// --- Occupation Data -----------------------------------------------------------------------

const occupationData = define({
	id: 'onet-occupation-data',
	title: 'O*NET Occupation Data',
	columns: {
		code: codeColumn(),
		title: column('Title'),
		description: column('Description')
	},
	required: ['code', 'title', 'description'],
	also: (keys) => !keys.includes('element_id'),
	open(ctx, fields, release) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO onet_occupations (run_id, onet_code, soc, title, description)
			 VALUES (?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		/** SOC → the title to give it in `occupations`: its `.00` occupation's, else the first. */
		const socTitles = new Map<string, { title: string; base: boolean }>();
		return {
			year: ctx.year,
			row(cells, line, issue, write) {
				const code = onetCode(fields, cells, 'code', issue);
				const title = required(fields, cells, 'title', issue);
				if (code === null || title === null) return 'skipped';
				const earlier = seen.check(code, line);
				if (earlier !== undefined) {
					issue(fields.at.code, `${code} is already on line ${earlier}`);
					return 'skipped';
				}
				const base = code.endsWith('.00');
				const known = socTitles.get(soc(code));
				if (!known || (base && !known.base)) socTitles.set(soc(code), { title, base });
				if (write) {
					insert.run(ctx.runId, code, soc(code), title, fields.text(cells, 'description') || null);
				}
				return 'imported';
			},
			finish() {
				const added = addSocs(ctx.sqlite, socTitles);
				const withoutBase = [...socTitles].filter(([, t]) => !t.base).map(([s]) => s);
				if (added > 0) {
					ctx.notes.push(
						`${added} SOC codes added to occupations with their O*NET title ` +
							'(codes already there keep their title)'
					);
				}
				if (withoutBase.length > 0) {
					ctx.notes.push(
						`${withoutBase.length} SOC codes have no .00 occupation in this file and took ` +
							`the title of their first O*NET occupation: ${withoutBase.slice(0, 10).join(', ')}`
					);
				}
				return {
					meta: { release, occupations: seen.size, socs: socTitles.size, socsAdded: added }
				};
			}
		};
	}
});

/** Inserts SOC codes not yet in `occupations`; returns how many were new. */
function addSocs(
	sqlite: Database.Database,
	titles: Map<string, { title: string; base: boolean }>
): number {
	const insert = sqlite.prepare(
		`INSERT INTO occupations (soc, title, level, parent, vintage) VALUES (?, ?, ?, ?, '2018')
		 ON CONFLICT(soc) DO NOTHING`
	);
	let added = 0;
	for (const [code, { title }] of titles) {
		added += insert.run(code, title, socLevel(code), socParent(code)).changes;
	}
	return added;
}

// --- Related Occupations -------------------------------------------------------------------

const relatedOccupations = define({
	id: 'onet-related-occupations',
	title: 'O*NET Related Occupations',
	columns: {
		code: codeColumn(),
		title: column('Title'),
		relatedCode: column(
			'Related O*NET-SOC Code',
			'related_onet_soc_code',
			'related_o*net_soc_2019_code'
		),
		relatedTitle: column('Related Title'),
		tier: column('Relatedness Tier'),
		index: column('Index')
	},
	required: ['code', 'relatedCode', 'tier', 'index'],
	open(ctx, fields, release) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO onet_related (run_id, from_onet, to_onet, from_soc, to_soc, tier, rank)
			 VALUES (?, ?, ?, ?, ?, ?, ?)`
		);
		const edges = new FirstSeen();
		const ranks = new FirstSeen();
		/** Rows per source occupation and tier, to compare with O*NET's 5 / 5 / 10. */
		const perSource = new Map<string, Record<Tier, number>>();
		const tierTotals: Record<Tier, number> = {
			'Primary-Short': 0,
			'Primary-Long': 0,
			Supplemental: 0
		};
		let outOfBand = 0;
		return {
			year: ctx.year,
			row(cells, line, issue, write) {
				const from = onetCode(fields, cells, 'code', issue);
				const to = onetCode(fields, cells, 'relatedCode', issue);
				const rawTier = fields.text(cells, 'tier');
				const tier = RELATEDNESS_TIERS.find((t) => t.toLowerCase() === rawTier.toLowerCase());
				if (!tier) {
					issue(
						fields.at.tier,
						`${fields.label('tier')}: expected ${RELATEDNESS_TIERS.join(', ')}, found ${quote(rawTier)}`
					);
				}
				const rank = wholeNumber(fields, cells, 'index', 1, 20, issue);
				if (from === null || to === null || !tier || rank === null) return 'skipped';
				if (from === to) {
					issue(fields.at.relatedCode, `${from} is listed as related to itself`);
					return 'skipped';
				}
				const earlier = edges.check(`${from}>${to}`, line);
				if (earlier !== undefined) {
					issue(fields.at.relatedCode, `${from} → ${to} is already on line ${earlier}`);
					return 'skipped';
				}
				const sameRank = ranks.check(`${from}#${rank}`, line);
				if (sameRank !== undefined) {
					issue(fields.at.index, `${from} already has index ${rank} on line ${sameRank}`);
					return 'skipped';
				}
				const [lo, hi] = TIER_RANKS[tier];
				if (rank < lo || rank > hi) outOfBand++;
				let counts = perSource.get(from);
				if (!counts) {
					counts = { 'Primary-Short': 0, 'Primary-Long': 0, Supplemental: 0 };
					perSource.set(from, counts);
				}
				counts[tier]++;
				tierTotals[tier]++;
				if (write) insert.run(ctx.runId, from, to, soc(from), soc(to), tier, rank);
				return 'imported';
			},
			finish() {
				const unusual = [...perSource].filter(
					([, c]) => c['Primary-Short'] !== 5 || c['Primary-Long'] !== 5 || c.Supplemental !== 10
				);
				if (unusual.length > 0) {
					ctx.notes.push(
						`${unusual.length} of ${perSource.size} source occupations do not have O*NET's usual ` +
							`5 Primary-Short, 5 Primary-Long and 10 Supplemental related occupations ` +
							`(e.g. ${unusual
								.slice(0, 5)
								.map(([code]) => code)
								.join(', ')})`
					);
				}
				if (outOfBand > 0) {
					ctx.notes.push(
						`${outOfBand} rows have an index outside their tier's usual range ` +
							'(Primary-Short 1–5, Primary-Long 6–10, Supplemental 11–20)'
					);
				}
				return {
					meta: { release, sources: perSource.size, edges: edges.size, tiers: tierTotals }
				};
			}
		};
	}
});

// --- Job Zones -----------------------------------------------------------------------------

const jobZones = define({
	id: 'onet-job-zones',
	title: 'O*NET Job Zones',
	columns: {
		code: codeColumn(),
		title: column('Title'),
		jobZone: column('Job Zone'),
		date: column('Date'),
		domainSource: column('Domain Source')
	},
	required: ['code', 'jobZone'],
	open(ctx, fields, release) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO onet_job_zones (run_id, onet_code, soc, job_zone, date, domain_source)
			 VALUES (?, ?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		const zones = [0, 0, 0, 0, 0];
		return {
			year: ctx.year,
			row(cells, line, issue, write) {
				const code = onetCode(fields, cells, 'code', issue);
				const zone = wholeNumber(fields, cells, 'jobZone', 1, 5, issue);
				if (code === null || zone === null) return 'skipped';
				const earlier = seen.check(code, line);
				if (earlier !== undefined) {
					issue(fields.at.code, `${code} is already on line ${earlier}`);
					return 'skipped';
				}
				zones[zone - 1]!++;
				if (write) {
					insert.run(
						ctx.runId,
						code,
						soc(code),
						zone,
						fields.text(cells, 'date') || null,
						fields.text(cells, 'domainSource') || null
					);
				}
				return 'imported';
			},
			finish() {
				const byZone = Object.fromEntries(zones.map((n, i) => [i + 1, n]));
				return { meta: { release, occupations: seen.size, byZone } };
			}
		};
	}
});

// --- Education, Training, and Experience ---------------------------------------------------

const education = define({
	id: 'onet-education-training-experience',
	title: 'O*NET Education, Training, and Experience',
	columns: {
		code: codeColumn(),
		title: column('Title'),
		elementId: column('Element ID'),
		elementName: column('Element Name'),
		scaleId: column('Scale ID'),
		scaleName: column('Scale Name'),
		category: column('Category'),
		dataValue: column('Data Value'),
		n: column('N'),
		recommendSuppress: column('Recommend Suppress')
	},
	required: ['code', 'elementId', 'scaleId', 'category', 'dataValue'],
	// Work Context has these columns too, plus Not Relevant.
	also: (keys) => !keys.includes('not_relevant'),
	open(ctx, fields, release) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO onet_education
			 (run_id, onet_code, soc, element_id, element_name, scale_id, category, percent, n,
			  recommend_suppress)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		const occupations = new Set<string>();
		let importance = 0;
		let blankSuppress = 0;
		return {
			year: ctx.year,
			row(cells, line, issue, write) {
				const code = onetCode(fields, cells, 'code', issue);
				const elementId = required(fields, cells, 'elementId', issue);
				const scale = fields.text(cells, 'scaleId').toUpperCase();
				if (scale === 'IM') {
					// Importance of a certification or apprenticeship: a rating, not a category share.
					if (code !== null && elementId !== null) importance++;
					return 'skipped';
				}
				if (!ETE_CATEGORY_SCALES.includes(scale)) {
					issue(
						fields.at.scaleId,
						`${fields.label('scaleId')}: expected ${ETE_CATEGORY_SCALES.join(', ')} or IM, ` +
							`found ${quote(fields.text(cells, 'scaleId'))}`
					);
				}
				const [min, max] = categoryRange(fields.text(cells, 'scaleName'));
				const category = wholeNumber(fields, cells, 'category', min, max, issue);
				const percent = decimal(fields, cells, 'dataValue', issue, 0, 100);
				// N is blank when O*NET has no sample size; anything else must be a count.
				const hasN = fields.text(cells, 'n') !== '';
				const n = hasN ? wholeNumber(fields, cells, 'n', 0, Number.MAX_SAFE_INTEGER, issue) : null;
				const suppress = yesNo(fields, cells, 'recommendSuppress', issue, false);
				if (
					code === null ||
					elementId === null ||
					!ETE_CATEGORY_SCALES.includes(scale) ||
					category === null ||
					percent === undefined ||
					(hasN && n === null) ||
					suppress === null
				) {
					return 'skipped';
				}
				const earlier = seen.check(`${code}|${elementId}|${scale}|${category}`, line);
				if (earlier !== undefined) {
					issue(
						fields.at.category,
						`${code} ${elementId} ${scale} category ${category} is already on line ${earlier}`
					);
					return 'skipped';
				}
				if (fields.at.recommendSuppress >= 0 && fields.text(cells, 'recommendSuppress') === '') {
					blankSuppress++;
				}
				occupations.add(code);
				if (write) {
					insert.run(
						ctx.runId,
						code,
						soc(code),
						elementId,
						fields.text(cells, 'elementName') || null,
						scale,
						category,
						percent,
						n,
						suppress ? 1 : 0
					);
				}
				return 'imported';
			},
			finish() {
				if (importance > 0) {
					ctx.notes.push(
						`${importance} IM (importance) rows skipped: they rate certifications and ` +
							'apprenticeships 1–5 and have no category share'
					);
				}
				if (blankSuppress > 0) {
					ctx.notes.push(`${blankSuppress} rows with a blank Recommend Suppress read as N`);
				}
				return {
					meta: {
						release,
						occupations: occupations.size,
						rows: seen.size,
						importanceRowsSkipped: importance
					}
				};
			}
		};
	}
});

/** The category range a scale name states, e.g. `(Categories 1-12)`; otherwise 1 or more. */
function categoryRange(scaleName: string): [number, number] {
	const m = /categories\s+(\d+)\s*-\s*(\d+)/i.exec(scaleName);
	if (m?.[1] && m[2]) return [Number(m[1]), Number(m[2])];
	return [1, Number.MAX_SAFE_INTEGER];
}

const educationCategories = define({
	id: 'onet-education-categories',
	title: 'O*NET Education, Training, and Experience Categories',
	columns: {
		elementId: column('Element ID'),
		elementName: column('Element Name'),
		scaleId: column('Scale ID'),
		scaleName: column('Scale Name'),
		category: column('Category'),
		description: column('Category Description')
	},
	required: ['elementId', 'scaleId', 'category', 'description'],
	// Occupation rows (any file with an O*NET-SOC Code) are not a category list.
	also: (keys) => !codeColumn().keys.some((k) => keys.includes(k)),
	open(ctx, fields, release) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO onet_education_categories (run_id, element_id, scale_id, category, description)
			 VALUES (?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		const undescribed: string[] = [];
		return {
			year: ctx.year,
			row(cells, line, issue, write) {
				const elementId = required(fields, cells, 'elementId', issue);
				const scale = fields.text(cells, 'scaleId').toUpperCase();
				if (!ETE_CATEGORY_SCALES.includes(scale)) {
					// Work Context Categories share this header; its scales (CXP, CTP) are not ETE's.
					issue(
						fields.at.scaleId,
						`${fields.label('scaleId')}: expected an Education, Training, and Experience ` +
							`scale (${ETE_CATEGORY_SCALES.join(', ')}), found ${quote(fields.text(cells, 'scaleId'))}`
					);
				}
				const category = wholeNumber(fields, cells, 'category', 1, 99, issue);
				if (elementId === null || !ETE_CATEGORY_SCALES.includes(scale) || category === null) {
					return 'skipped';
				}
				// O*NET 29.3 leaves category 1 of RW and PT (the lowest band) without a
				// description; the column cannot be NULL, so it is kept as an empty text.
				const description = fields.text(cells, 'description');
				const earlier = seen.check(`${elementId}|${scale}|${category}`, line);
				if (earlier !== undefined) {
					issue(
						fields.at.category,
						`${elementId} ${scale} category ${category} is already on line ${earlier}`
					);
					return 'skipped';
				}
				if (description === '') undescribed.push(`${scale} ${category}`);
				if (write) insert.run(ctx.runId, elementId, scale, category, description);
				return 'imported';
			},
			finish() {
				if (undescribed.length > 0) {
					ctx.notes.push(
						`${undescribed.length} categories have no description in the file and are kept ` +
							`with an empty one: ${undescribed.join(', ')}`
					);
				}
				return { meta: { release, categories: seen.size } };
			}
		};
	}
});

// --- Technology Skills ---------------------------------------------------------------------

const technologySkills = define({
	id: 'onet-technology-skills',
	title: 'O*NET Technology Skills',
	columns: {
		code: codeColumn(),
		title: column('Title'),
		example: column('Example'),
		commodityCode: column('Commodity Code'),
		commodityTitle: column('Commodity Title'),
		hot: column('Hot Technology'),
		inDemand: column('In Demand')
	},
	required: ['code', 'example', 'commodityCode', 'hot', 'inDemand'],
	open(ctx, fields, release) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO onet_technology_skills
			 (run_id, onet_code, soc, example, commodity_code, commodity_title, hot, in_demand)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const seen = new FirstSeen();
		let hotRows = 0;
		let inDemandRows = 0;
		return {
			year: ctx.year,
			row(cells, line, issue, write) {
				const code = onetCode(fields, cells, 'code', issue);
				const example = required(fields, cells, 'example', issue);
				const commodity = fields.text(cells, 'commodityCode');
				const commodityOk = commodity === '' || /^\d{8}$/.test(commodity);
				if (!commodityOk) {
					issue(
						fields.at.commodityCode,
						`${fields.label('commodityCode')}: expected an 8-digit UNSPSC code, found ${quote(commodity)}`
					);
				}
				const hot = yesNo(fields, cells, 'hot', issue);
				const inDemand = yesNo(fields, cells, 'inDemand', issue);
				if (
					code === null ||
					example === null ||
					!commodityOk ||
					hot === null ||
					inDemand === null
				) {
					return 'skipped';
				}
				const earlier = seen.check(`${code}|${example}`, line);
				if (earlier !== undefined) {
					issue(fields.at.example, `${code} ${quote(example)} is already on line ${earlier}`);
					return 'skipped';
				}
				if (hot) hotRows++;
				if (inDemand) inDemandRows++;
				if (write) {
					insert.run(
						ctx.runId,
						code,
						soc(code),
						example,
						commodity || null,
						fields.text(cells, 'commodityTitle') || null,
						hot ? 1 : 0,
						inDemand ? 1 : 0
					);
				}
				return 'imported';
			},
			finish() {
				return { meta: { release, rows: seen.size, hot: hotRows, inDemand: inDemandRows } };
			}
		};
	}
});

// --- Alternate Titles ----------------------------------------------------------------------

const alternateTitles = define({
	id: 'onet-alternate-titles',
	title: 'O*NET Alternate Titles',
	columns: {
		code: codeColumn(),
		title: column('Title'),
		alternateTitle: column('Alternate Title'),
		shortTitle: column('Short Title'),
		sources: column('Source(s)', 'sources', 'source')
	},
	required: ['code', 'alternateTitle'],
	open(ctx, fields, release) {
		const insert = ctx.sqlite.prepare(
			`INSERT INTO occupation_titles (run_id, soc, onet_code, title, short_title, kind, note)
			 VALUES (?, ?, ?, ?, ?, 'onet-alternate', ?)`
		);
		const rows = new FirstSeen();
		const titles = new FirstSeen();
		const occupations = new Set<string>();
		const twice: string[] = [];
		return {
			year: ctx.year,
			row(cells, line, issue, write) {
				const code = onetCode(fields, cells, 'code', issue);
				const title = required(fields, cells, 'alternateTitle', issue);
				if (code === null || title === null) return 'skipped';
				const shortTitle = fields.text(cells, 'shortTitle');
				const sources = fields.text(cells, 'sources');
				const earlier = rows.check(`${code}|${title}|${shortTitle}|${sources}`, line);
				if (earlier !== undefined) {
					issue(fields.at.alternateTitle, `this row repeats line ${earlier}`);
					return 'skipped';
				}
				// O*NET 29.3 lists a few titles twice for one occupation, once without and once
				// with a short title: both rows are kept as published.
				if (titles.check(`${code}|${title}`, line) !== undefined) twice.push(`${code} ${title}`);
				occupations.add(code);
				if (write) {
					insert.run(ctx.runId, soc(code), code, title, shortTitle || null, sources || null);
				}
				return 'imported';
			},
			finish() {
				if (twice.length > 0) {
					ctx.notes.push(
						`${twice.length} alternate titles appear twice for the same occupation with a ` +
							`different Short Title or Source(s), both kept: ${twice.slice(0, 3).join('; ')}`
					);
				}
				return { meta: { release, titles: rows.size, occupations: occupations.size } };
			}
		};
	}
});

export const adapters: SourceAdapter[] = [
	occupationData,
	relatedOccupations,
	jobZones,
	education,
	educationCategories,
	technologySkills,
	alternateTitles
];

/**
 * The 2018 SOC itself, from BLS:
 * - `soc_2018_definitions.xlsx` (structure + definitions) → `soc_definitions`, and each code
 *   upserted into `occupations` with its level and structural parent. A code already there keeps
 *   its title (OEWS titles are what the dashboard shows) and its vintage; its level and parent
 *   are set from the SOC.
 * - `soc_2018_direct_match_title_file.xlsx` → `occupation_titles` (kind `soc-direct-match`, note
 *   `illustrative` when the Illustrative Example column holds `x` or `X`).
 *
 * Both workbooks put seven title and blank rows above the header (row 8); the loader finds it.
 * Only Detailed rows carry definition text; empty definitions are stored as NULL.
 */
import type { OccupationLevel } from '../../db/schema';
import { FirstSeen, cellAt } from '../kit';
import { SOC_CODE, quote, socLevel, socParent } from '../normalize';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

/** The SOC's own reference year (the files are dated November 2017, for January 2018). */
const SOC_YEAR = 2018;
const SOC_VINTAGE = '2018';
const GROUPS: Record<string, Exclude<OccupationLevel, 'total'>> = {
	major: 'major',
	minor: 'minor',
	broad: 'broad',
	detailed: 'detailed'
};

function openDefinitions(ctx: OpenContext): AdapterSession {
	const at = (k: string) => ctx.keys.indexOf(k);
	const group = at('soc_group');
	const code = at('soc_code');
	const title = at('soc_title');
	const definition = at('soc_definition');
	if (group < 0 || code < 0 || title < 0) {
		throw new ImportError('the SOC definitions header needs SOC Group, SOC Code and SOC Title');
	}
	const insert = ctx.sqlite.prepare(
		`INSERT INTO soc_definitions (run_id, soc, level, title, definition) VALUES (?, ?, ?, ?, ?)`
	);
	const known = ctx.sqlite.prepare(`SELECT 1 FROM occupations WHERE soc = ?`).pluck();
	const occupation = ctx.sqlite.prepare(
		`INSERT INTO occupations (soc, title, level, parent, vintage) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT(soc) DO UPDATE SET level = excluded.level, parent = excluded.parent`
	);
	const seen = new FirstSeen();
	const levels: Record<string, number> = { major: 0, minor: 0, broad: 0, detailed: 0 };
	let definitions = 0;
	let added = 0;
	let updated = 0;
	return {
		year: SOC_YEAR,
		row(cells, line, issue, write) {
			const rawGroup = cellAt(cells, group);
			const level = GROUPS[rawGroup.toLowerCase()];
			if (!level) {
				issue(
					group,
					`SOC Group: expected Major, Minor, Broad or Detailed, found ${quote(rawGroup)}`
				);
				return 'skipped';
			}
			const soc = cellAt(cells, code);
			if (!SOC_CODE.test(soc)) {
				issue(code, `SOC Code: expected a code like 15-1252, found ${quote(soc)}`);
				return 'skipped';
			}
			// The code's shape fixes its level (15-1250 is broad); a group that disagrees is a typo.
			if (socLevel(soc) !== level) {
				issue(group, `SOC Group: ${soc} is a ${socLevel(soc)} code, found ${quote(rawGroup)}`);
				return 'skipped';
			}
			const name = cellAt(cells, title);
			if (name === '') {
				issue(title, 'SOC Title is empty');
				return 'skipped';
			}
			const earlier = seen.check(soc, line);
			if (earlier !== undefined) {
				issue(code, `SOC Code ${soc} appears twice: it is already on line ${earlier}`);
				return 'skipped';
			}
			const text = cellAt(cells, definition) || null;
			levels[level] = (levels[level] ?? 0) + 1;
			if (text !== null) definitions++;
			if (!write) return 'imported';
			insert.run(ctx.runId, soc, level, name, text);
			if (known.get(soc) === undefined) added++;
			else updated++;
			occupation.run(soc, name, level, socParent(soc), SOC_VINTAGE);
			return 'imported';
		},
		finish() {
			if (updated > 0) {
				ctx.notes.push(
					`${updated} codes were already in occupations: their level and parent were set, their titles kept`
				);
			}
			return {
				meta: { levels, definitions, occupationsAdded: added, occupationsUpdated: updated }
			};
		}
	};
}

const ILLUSTRATIVE = 'illustrative';

function openDirectMatch(ctx: OpenContext): AdapterSession {
	const at = (k: string) => ctx.keys.indexOf(k);
	const code = at('2018_soc_code');
	const matchTitle = at('2018_soc_direct_match_title');
	const example = at('illustrative_example');
	if (code < 0 || matchTitle < 0) {
		throw new ImportError(
			'the direct match title header needs 2018 SOC Code and 2018 SOC Direct Match Title'
		);
	}
	const insert = ctx.sqlite.prepare(
		`INSERT INTO occupation_titles (run_id, soc, onet_code, title, short_title, kind, note)
		 VALUES (?, ?, NULL, ?, NULL, 'soc-direct-match', ?)`
	);
	let titles = 0;
	let illustrative = 0;
	return {
		year: SOC_YEAR,
		row(cells, _line, issue, write) {
			const soc = cellAt(cells, code);
			if (!SOC_CODE.test(soc)) {
				issue(code, `2018 SOC Code: expected a code like 15-1252, found ${quote(soc)}`);
				return 'skipped';
			}
			const name = cellAt(cells, matchTitle);
			if (name === '') {
				issue(matchTitle, '2018 SOC Direct Match Title is empty');
				return 'skipped';
			}
			const flag = cellAt(cells, example);
			if (flag !== '' && flag.toLowerCase() !== 'x') {
				issue(example, `Illustrative Example: expected x or blank, found ${quote(flag)}`);
				return 'skipped';
			}
			titles++;
			if (flag !== '') illustrative++;
			if (write) insert.run(ctx.runId, soc, name, flag === '' ? null : ILLUSTRATIVE);
			return 'imported';
		},
		finish() {
			return { meta: { titles, illustrative } };
		}
	};
}

export const socDefinitions: SourceAdapter = {
	id: 'bls-soc-2018-definitions',
	title: 'BLS 2018 SOC structure and definitions (soc_2018_definitions.xlsx)',
	publisher: 'U.S. Bureau of Labor Statistics for OMB',
	required: ['SOC Group', 'SOC Code', 'SOC Title'],
	optional: ['SOC Definition'],
	detect(keys) {
		return keys.includes('soc_group') && keys.includes('soc_code') && keys.includes('soc_title');
	},
	open: openDefinitions
};

export const socDirectMatch: SourceAdapter = {
	id: 'bls-soc-2018-direct-match-titles',
	title: 'BLS 2018 SOC Direct Match Title File',
	publisher: 'U.S. Bureau of Labor Statistics for OMB',
	required: ['2018 SOC Code', '2018 SOC Direct Match Title'],
	optional: ['2018 SOC Title', 'Illustrative Example'],
	detect(keys) {
		return keys.includes('2018_soc_code') && keys.includes('2018_soc_direct_match_title');
	},
	open: openDirectMatch
};

export const adapters: SourceAdapter[] = [socDefinitions, socDirectMatch];

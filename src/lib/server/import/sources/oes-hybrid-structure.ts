/**
 * BLS OES 2019 hybrid structure (`oes_2019_hybrid_structure.xlsx`): maps the codes of the May 2019
 * and May 2020 OEWS estimates to SOC 2018 (one hybrid code may span several SOC 2018 codes).
 * Stored in `occupation_crosswalk`; the OEWS adapter reads it for 2019 and 2020 files.
 */
import { cellAt, findColumns } from '../kit';
import { SOC_CODE, quote } from '../normalize';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

export const HYBRID_FROM = 'oes-2019-hybrid';
export const SOC2018 = 'soc-2018';

const FROM_CODE = 'oes_2019_estimates_code';
const FROM_TITLE = 'oes_2019_estimates_title';
const TO_CODE = '2018_soc_code';
const TO_TITLE = '2018_soc_title';
const NOTES = 'notes';

function open(ctx: OpenContext): AdapterSession {
	const { fromCode, fromTitle, toCode, toTitle, notes } = findColumns(ctx.keys, {
		fromCode: FROM_CODE,
		fromTitle: FROM_TITLE,
		toCode: TO_CODE,
		toTitle: TO_TITLE,
		notes: NOTES
	});
	if (fromCode < 0 || toCode < 0)
		throw new ImportError('the hybrid structure header lacks its code columns');
	const insert = ctx.sqlite.prepare(
		`INSERT OR IGNORE INTO occupation_crosswalk
		 (run_id, from_vintage, from_code, from_title, to_vintage, to_code, to_title, note)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	let pairs = 0;
	return {
		year: 2019,
		row(cells, _line, issue, write) {
			const from = cellAt(cells, fromCode);
			const to = cellAt(cells, toCode);
			if (!SOC_CODE.test(from)) {
				issue(
					fromCode,
					`OES 2019 Estimates Code: expected a code like 15-1256, found ${quote(from)}`
				);
				return 'skipped';
			}
			if (!SOC_CODE.test(to)) {
				issue(toCode, `2018 SOC Code: expected a code like 15-1252, found ${quote(to)}`);
				return 'skipped';
			}
			if (write) {
				const r = insert.run(
					ctx.runId,
					HYBRID_FROM,
					from,
					cellAt(cells, fromTitle) || null,
					SOC2018,
					to,
					cellAt(cells, toTitle) || null,
					cellAt(cells, notes) || null
				);
				pairs += r.changes;
				return r.changes > 0 ? 'imported' : 'skipped';
			}
			return 'imported';
		},
		finish() {
			return { meta: { pairs } };
		}
	};
}

export const oesHybridStructure: SourceAdapter = {
	id: 'bls-oes-hybrid-structure',
	title: 'BLS OES 2019 hybrid occupational structure (May 2019/2020 codes → SOC 2018)',
	publisher: 'U.S. Bureau of Labor Statistics',
	required: [
		'OES 2019 Estimates Code',
		'OES 2019 Estimates Title',
		'2018 SOC Code',
		'2018 SOC Title'
	],
	optional: [
		'OES 2018 Estimates Code',
		'OES 2018 Estimates Title',
		'2010 SOC Code',
		'2010 SOC Title',
		'NOTES'
	],
	detect(keys) {
		return keys.includes(FROM_CODE) && keys.includes(TO_CODE);
	},
	open
};

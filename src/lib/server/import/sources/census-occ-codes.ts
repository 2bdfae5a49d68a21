/**
 * The Census Bureau's 2018 occupation code list (`2018-occupation-code-list-and-crosswalk.xlsx`,
 * sheet "2018 Census Occ Code List"): title, Census code and SOC entry per line. Group header
 * lines keep their title in column A, detail lines in column B. Title and note lines without a
 * code are skipped. CPS Table 11 reads these lines to give every CPS line its SOC codes.
 */
import { cellAt, findColumns } from '../kit';
import { quote } from '../normalize';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

const SHEET = /^2018 census occ code list$/i;
const CODE = /^\d{4}(-\d{4})?$/;
const SOC_ENTRY = /^(\d{2}-[\dX]{4})(\s*-\s*\d{2}-\d{4})?$|^none$/i;

function open(ctx: OpenContext): AdapterSession {
	const {
		title: titleCol,
		code: codeCol,
		soc: socCol
	} = findColumns(ctx.keys, {
		title: '2018_census_title',
		code: '2018_census_code',
		soc: '2018_soc_code'
	});
	if (titleCol < 0 || codeCol < 0 || socCol < 0) {
		throw new ImportError('the header needs 2018 Census Title, 2018 Census Code and 2018 SOC Code');
	}
	const insert = ctx.sqlite.prepare(
		'INSERT INTO census_occ_codes (run_id, title, code, soc, source_line) VALUES (?, ?, ?, ?, ?)'
	);
	let lines = 0;
	return {
		year: ctx.year ?? 2018,
		row(cells, line, issue, write) {
			// The workbook's titles hold doubled spaces and line breaks: read as one space each.
			const text = (i: number) => cellAt(cells, i).replace(/\s+/g, ' ');
			const code = text(codeCol);
			const soc = text(socCol);
			// Header lines (e.g. "Management Occupations:") carry their title one column left.
			const title = text(titleCol) || (titleCol > 0 ? text(titleCol - 1) : '');
			if (code === '' && soc === '') return 'skipped'; // title and note lines
			if (!CODE.test(code)) {
				issue(codeCol, `2018 Census Code: expected a code like 1050, found ${quote(code)}`);
				return 'skipped';
			}
			if (!SOC_ENTRY.test(soc)) {
				issue(socCol, `2018 SOC Code: expected a SOC code, wildcard or range, found ${quote(soc)}`);
				return 'skipped';
			}
			if (title === '') {
				issue(titleCol, '2018 Census Title is empty');
				return 'skipped';
			}
			lines++;
			if (write) insert.run(ctx.runId, title, code, soc.toUpperCase(), line);
			return 'imported';
		},
		finish() {
			return { meta: { lines } };
		}
	};
}

export const adapters: SourceAdapter[] = [
	{
		id: 'census-occ-codes',
		title: 'Census 2018 occupation code list (Census title ↔ code ↔ SOC)',
		publisher: 'U.S. Census Bureau',
		required: ['2018 Census Title', '2018 Census Code', '2018 SOC Code'],
		optional: [],
		detect: (keys, where) =>
			SHEET.test((where.sheet ?? '').trim()) &&
			keys.includes('2018_census_code') &&
			keys.includes('2018_soc_code'),
		open
	}
];

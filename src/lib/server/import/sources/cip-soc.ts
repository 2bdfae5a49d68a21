/**
 * NCES/BLS CIP 2020 ↔ SOC 2018 crosswalk (`CIP2020_SOC2018_Crosswalk.xlsx`) → `cip_soc`.
 *
 * - Only the `CIP-SOC` sheet is read: SOC-CIP, New CIP, New SOC, Added Matches and the Unmatched
 *   sheets share its header but repeat or subset its pairs.
 * - The placeholders are dropped and counted in the notes: `99-9999` / `NO MATCH` (a CIP with no
 *   occupation) and `99.9999` / `NO MATCH` (an occupation with no program).
 * - CIP codes stay text with their leading zeros (`01.0000`). A code that arrives as a number
 *   (Excel turns `01.0100` into 1.01) is rebuilt as NN.NNNN text, and the notes say how many.
 * - The crosswalk is many-to-many without weights; the table keeps it that way.
 */
import { cellAt } from '../kit';
import { SOC_CODE, quote } from '../normalize';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

/** The CIP vintage of the crosswalk. */
const CIP_YEAR = 2020;
const CIP_CODE = /^\d{2}\.\d{4}$/;
/** What a CIP code looks like after Excel read it as a number: 1.01, 11.07, 52. */
const CIP_AS_NUMBER = /^\d{1,2}(\.\d{1,4})?$/;
const SOC_PLACEHOLDER = '99-9999';
const CIP_PLACEHOLDER = '99.9999';
const NO_MATCH = 'NO MATCH';

const KEYS = {
	cip: 'cip2020code',
	cipTitle: 'cip2020title',
	soc: 'soc2018code',
	socTitle: 'soc2018title'
} as const;

/** `01.0000` as it is; `1.01` → `01.0100`; null when the text is not a CIP code at all. */
export function cipText(raw: string): { code: string; rebuilt: boolean } | null {
	const t = raw.trim();
	if (CIP_CODE.test(t)) return { code: t, rebuilt: false };
	if (!CIP_AS_NUMBER.test(t)) return null;
	const [whole = '', fraction = ''] = t.split('.');
	return { code: `${whole.padStart(2, '0')}.${fraction.padEnd(4, '0')}`, rebuilt: true };
}

function open(ctx: OpenContext): AdapterSession {
	const at = (k: string) => ctx.keys.indexOf(k);
	const cip = at(KEYS.cip);
	const cipTitle = at(KEYS.cipTitle);
	const soc = at(KEYS.soc);
	const socTitle = at(KEYS.socTitle);
	if (cip < 0 || soc < 0) {
		throw new ImportError('the CIP-SOC header needs CIP2020Code and SOC2018Code');
	}
	const insert = ctx.sqlite.prepare(
		`INSERT INTO cip_soc (run_id, cip, cip_title, soc, soc_title) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT DO NOTHING`
	);
	let cipWithoutSoc = 0;
	let socWithoutCip = 0;
	let rebuilt = 0;
	let duplicates = 0;
	let pairs = 0;
	const cips = new Set<string>();
	const socs = new Set<string>();
	return {
		year: CIP_YEAR,
		row(cells, _line, issue, write) {
			const rawCip = cellAt(cells, cip);
			const rawSoc = cellAt(cells, soc);
			if (rawSoc === SOC_PLACEHOLDER || cellAt(cells, socTitle).toUpperCase() === NO_MATCH) {
				cipWithoutSoc++;
				return 'skipped';
			}
			if (rawCip === CIP_PLACEHOLDER || cellAt(cells, cipTitle).toUpperCase() === NO_MATCH) {
				socWithoutCip++;
				return 'skipped';
			}
			const code = cipText(rawCip);
			if (code === null) {
				issue(cip, `CIP2020Code: expected a CIP code like 11.0701, found ${quote(rawCip)}`);
				return 'skipped';
			}
			if (!SOC_CODE.test(rawSoc)) {
				issue(soc, `SOC2018Code: expected a code like 15-1252, found ${quote(rawSoc)}`);
				return 'skipped';
			}
			if (code.rebuilt) rebuilt++;
			if (!write) return 'imported';
			const r = insert.run(
				ctx.runId,
				code.code,
				cellAt(cells, cipTitle) || null,
				rawSoc,
				cellAt(cells, socTitle) || null
			);
			if (r.changes === 0) {
				duplicates++;
				return 'skipped';
			}
			pairs++;
			cips.add(code.code);
			socs.add(rawSoc);
			return 'imported';
		},
		finish() {
			if (cipWithoutSoc > 0) {
				ctx.notes.push(
					`${cipWithoutSoc} CIP codes without an occupation (${SOC_PLACEHOLDER} / ${NO_MATCH}) dropped`
				);
			}
			if (socWithoutCip > 0) {
				ctx.notes.push(
					`${socWithoutCip} occupations without a program (${CIP_PLACEHOLDER} / ${NO_MATCH}) dropped`
				);
			}
			if (rebuilt > 0) {
				ctx.notes.push(
					`${rebuilt} CIP codes arrived as numbers (leading or trailing zeros lost) and were rebuilt as NN.NNNN text`
				);
			}
			if (duplicates > 0) ctx.notes.push(`${duplicates} repeated CIP–SOC pairs kept once`);
			return {
				meta: {
					pairs,
					cipCodes: cips.size,
					socCodes: socs.size,
					droppedPlaceholders: { cipWithoutSoc, socWithoutCip },
					rebuiltCipCodes: rebuilt
				}
			};
		}
	};
}

export const cipSocCrosswalk: SourceAdapter = {
	id: 'nces-cip-soc-crosswalk',
	title: 'NCES/BLS CIP 2020 to SOC 2018 crosswalk (CIP-SOC sheet)',
	publisher: 'National Center for Education Statistics and U.S. Bureau of Labor Statistics',
	required: ['CIP2020Code', 'SOC2018Code'],
	optional: ['CIP2020Title', 'SOC2018Title'],
	detect(keys, where) {
		// The workbook's other sheets share this header; only CIP-SOC is the whole crosswalk.
		if (where.sheet !== null && !/^cip[\s_-]*soc$/i.test(where.sheet.trim())) return false;
		return keys.includes(KEYS.cip) && keys.includes(KEYS.soc);
	},
	open
};

export const adapters: SourceAdapter[] = [cipSocCrosswalk];

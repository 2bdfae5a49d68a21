/**
 * The credentials and funding reference (data/sample/credentials/): the compiled starting
 * point, or an editor's own file in the same columns. A newer import replaces rows by id and
 * adds new ones (read back through `db/queries/credentials.ts`), so an editor can correct a fee
 * or add a local credential without touching the bundled table. The checks are the pure
 * parsers' (analysis/credentials-reference.ts): every fee with its date, at least one source.
 */
import {
	CREDENTIAL_COLUMNS,
	CREDENTIAL_REQUIRED,
	FUNDING_COLUMNS,
	readCredential,
	readFunding,
	type Cells
} from '../../../analysis/credentials-reference';
import type { AdapterSession, IssueSink, OpenContext, SourceAdapter } from './types';

const PUBLISHER =
	'this project, compiled from public pages (a dated starting point; see data/sample/credentials/PROVENANCE.md) or your own file';

/** The row as the pure readers see it: cells by column name, problems at the column. */
function cellsOf(ctx: OpenContext, cells: string[], line: number, issue: IssueSink) {
	let failed = false;
	const c: Cells = {
		line,
		get: (field) => {
			const i = ctx.keys.indexOf(field);
			return i < 0 ? '' : (cells[i] ?? '').trim();
		},
		fail: (field, message) => {
			failed = true;
			const i = ctx.keys.indexOf(field);
			issue(i < 0 ? null : i, message);
			return null;
		}
	};
	return { c, failed: () => failed };
}

function openCredentials(ctx: OpenContext): AdapterSession {
	const insert = ctx.sqlite.prepare(
		`INSERT INTO credential_reference (run_id, credential_id, name, issuer, kind, category, level,
		   soc_codes, fee_usd, fee_basis, fee_as_of, typical_prep, prerequisites, renewal, dod_8140,
		   source_urls, notes, source_line)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const seen = new Map<string, number>();
	let rows = 0;
	let undated = 0;
	return {
		year: ctx.year,
		row(cells, line, issue, write) {
			const { c, failed } = cellsOf(ctx, cells, line, issue);
			const r = readCredential(c, seen);
			if (r === null || failed()) return 'skipped';
			rows++;
			if (r.feeUsd !== null && r.feeAsOf === null) undated++;
			if (write) {
				insert.run(
					ctx.runId,
					r.id,
					r.name,
					r.issuer,
					r.kind,
					r.category,
					r.level,
					r.socCodes.join(';'),
					r.feeUsd,
					r.feeBasis,
					r.feeAsOf,
					r.typicalPrep,
					r.prerequisites,
					r.renewal,
					r.dod8140,
					r.sources.join(';'),
					r.notes,
					line
				);
			}
			return 'imported';
		},
		finish() {
			if (undated > 0) ctx.notes.push(`${undated} fees have no date: shown as "date not given"`);
			return { meta: { credentials: rows } };
		}
	};
}

function openFunding(ctx: OpenContext): AdapterSession {
	const insert = ctx.sqlite.prepare(
		`INSERT INTO funding_reference (run_id, funding_id, name, administrator, who_qualifies, covers,
		   typical_max_usd, source_urls, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const seen = new Map<string, number>();
	return {
		year: ctx.year,
		row(cells, line, issue, write) {
			const { c, failed } = cellsOf(ctx, cells, line, issue);
			const r = readFunding(c, seen);
			if (r === null || failed()) return 'skipped';
			if (write) {
				insert.run(
					ctx.runId,
					r.id,
					r.name,
					r.administrator,
					r.whoQualifies,
					r.covers,
					r.typicalMaxUsd,
					r.sources.join(';'),
					line
				);
			}
			return 'imported';
		},
		finish() {
			return { meta: { funding: seen.size } };
		}
	};
}

export const adapters: SourceAdapter[] = [
	{
		id: 'credentials-reference',
		title: 'Credentials reference (certifications with fee, date and sources)',
		publisher: PUBLISHER,
		required: [...CREDENTIAL_REQUIRED],
		optional: CREDENTIAL_COLUMNS.filter(
			(c) => !(CREDENTIAL_REQUIRED as readonly string[]).includes(c)
		),
		detect: (keys) => keys.includes('credential_id') && keys.includes('soc_codes'),
		open: openCredentials
	},
	{
		id: 'funding-reference',
		title: 'Training funding reference (WIOA, Pell, apprenticeship …)',
		publisher: PUBLISHER,
		required: [...FUNDING_COLUMNS],
		optional: [],
		detect: (keys) => keys.includes('funding_id') && keys.includes('who_qualifies'),
		open: openFunding
	}
];

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	mergeCredentials,
	parseCredentialsReference,
	parseFundingReference
} from '../../../src/lib/analysis/credentials-reference';

const fixture = (name: string) => readFileSync(`tests/fixtures/credentials/${name}`, 'utf8');
const HEADER =
	'credential_id,name,issuer,kind,category,level,soc_codes,exam_fee_usd,fee_basis,fee_as_of,typical_prep,prerequisites,renewal,dod_8140,source_urls,notes';
const row = (cells: Partial<Record<string, string>>) => {
	const base: Record<string, string> = {
		credential_id: 'x-cert',
		name: 'X Cert',
		issuer: 'X',
		kind: 'certification',
		category: 'Support',
		level: 'entry',
		soc_codes: '15-1232',
		exam_fee_usd: '100',
		fee_basis: 'per exam',
		fee_as_of: '2026-04',
		typical_prep: '',
		prerequisites: '',
		renewal: '',
		dod_8140: 'unknown',
		source_urls: 'https://example.org/x',
		notes: ''
	};
	return HEADER.split(',')
		.map((h) => cells[h] ?? base[h]!)
		.join(',');
};

describe('parseCredentialsReference on the bundled rows', () => {
	const { rows, problems } = parseCredentialsReference(
		fixture('it_credentials.csv'),
		'it_credentials.csv'
	);

	it('reads every row with its fee, date and sources', () => {
		expect(problems).toEqual([]);
		expect(rows.map((r) => r.id)).toEqual([
			'comptia-a-plus',
			'comptia-network-plus',
			'comptia-security-plus',
			'comptia-cysa-plus',
			'cisco-ccna',
			'google-cybersecurity',
			'isc2-cissp'
		]);
		const sec = rows.find((r) => r.id === 'comptia-security-plus')!;
		expect(sec).toMatchObject({
			name: 'CompTIA Security+ (SY0-701)',
			issuer: 'CompTIA',
			level: 'entry',
			socCodes: ['15-1212', '15-1244', '15-1231'],
			feeUsd: 439,
			feeAsOf: '2026-06',
			dod8140: 'yes',
			line: 4
		});
		expect(sec.sources).toHaveLength(5);
		expect(sec.sources[0]).toMatch(/^https:\/\//);
		// A fee whose source is undated, and a row without a fee.
		expect(rows.find((r) => r.id === 'isc2-cissp')).toMatchObject({ feeUsd: 749, feeAsOf: null });
		expect(rows.find((r) => r.id === 'google-cybersecurity')).toMatchObject({
			feeUsd: null,
			feeAsOf: null
		});
	});
});

describe('parseCredentialsReference: problems name the line and column', () => {
	it.each([
		[{ level: 'expert' }, 6, 'level: expected entry, intermediate or advanced, found "expert"'],
		[{ soc_codes: '15-1232;151212' }, 7, 'soc_codes: "151212" is not a SOC code like 15-1212'],
		[
			{ exam_fee_usd: 'about 400' },
			8,
			'exam_fee_usd: expected a dollar amount or blank, found "about 400"'
		],
		[{ fee_as_of: '04/2026' }, 10, 'fee_as_of: expected YYYY or YYYY-MM, found "04/2026"'],
		[{ exam_fee_usd: '', fee_as_of: '2026' }, 10, 'fee_as_of is given but exam_fee_usd is blank'],
		[{ source_urls: '' }, 15, 'source_urls: at least one source URL is needed'],
		[
			{ source_urls: 'javascript:alert(1)' },
			15,
			'source_urls: "javascript:alert(1)" is not an http(s) URL'
		],
		[{ credential_id: 'X Cert' }, 1, 'credential_id "X Cert": use lower-case letters, digits and -']
	])('%o', (cells, column, message) => {
		const text = [HEADER, row({ credential_id: 'ok' }), row(cells)].join('\n');
		const { rows, problems } = parseCredentialsReference(text, 'own.csv');
		expect(rows.map((r) => r.id)).toEqual(['ok']);
		expect(problems).toEqual([
			{ file: 'own.csv', line: 3, column, field: HEADER.split(',')[column - 1], message }
		]);
	});

	it('counts lines inside quoted cells and reports repeated ids', () => {
		const text = [HEADER, row({ notes: '"two\nlines"' }), row({})].join('\r\n');
		const { problems } = parseCredentialsReference(text, 'own.csv');
		expect(problems).toEqual([
			{
				file: 'own.csv',
				line: 4,
				column: 1,
				field: 'credential_id',
				message: 'credential_id "x-cert" is already on line 2'
			}
		]);
	});

	it('names missing columns and accepts a file with only the required ones', () => {
		expect(
			parseCredentialsReference('credential_id,name\nx,X\n', 'own.csv').problems[0]
		).toMatchObject({
			line: 1,
			column: 0,
			message: 'missing columns issuer, level, soc_codes, exam_fee_usd, fee_as_of, source_urls'
		});
		const slim =
			'Credential_ID,name,issuer,level,soc_codes,exam_fee_usd,fee_as_of,source_urls\nmy-cert,My Cert,Board,entry,15-1232,$1,200,,https://b.org\n';
		const { rows, problems } = parseCredentialsReference(slim, 'own.csv');
		expect(problems).toEqual([
			{ file: 'own.csv', line: 2, column: 9, field: '', message: 'expected 8 cells, found 9' }
		]);
		expect(rows).toEqual([]);
		const quoted = slim.replace('$1,200', '"$1,200"');
		expect(parseCredentialsReference(quoted, 'own.csv').rows[0]).toMatchObject({
			id: 'my-cert',
			feeUsd: 1200,
			kind: 'certification',
			dod8140: 'unknown'
		});
	});
});

describe('parseFundingReference', () => {
	it('reads the bundled rows; a blank maximum is null', () => {
		const { rows, problems } = parseFundingReference(
			fixture('funding_sources.csv'),
			'funding_sources.csv'
		);
		expect(problems).toEqual([]);
		expect(rows.map((r) => [r.id, r.typicalMaxUsd, r.line])).toEqual([
			['wioa-ita', null, 2],
			['pell-grant', 7395, 3],
			['gi-bill-license-cert', 2000, 4]
		]);
	});
});

describe('mergeCredentials', () => {
	it("replaces rows by id in place and appends the editor's new rows", () => {
		const base = parseCredentialsReference(
			[HEADER, row({ credential_id: 'a' }), row({ credential_id: 'b' })].join('\n'),
			'ref.csv'
		).rows;
		const own = parseCredentialsReference(
			[HEADER, row({ credential_id: 'c' }), row({ credential_id: 'a', exam_fee_usd: '90' })].join(
				'\n'
			),
			'own.csv'
		).rows;
		expect(mergeCredentials(base, own).map((c) => [c.id, c.feeUsd])).toEqual([
			['a', 90],
			['b', 100],
			['c', 100]
		]);
	});
});

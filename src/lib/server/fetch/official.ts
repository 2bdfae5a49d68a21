/**
 * Official files in one step: download a publisher's file (the OEWS zip of a year, an IPEDS
 * zip, the EP workbook), check it, unpack the one table the importer reads (fflate), and hand it
 * to the normal import pipeline. Used by `npm run fetch` and the data page's Official files.
 *
 * The publisher's address can point to a mirror (`FETCH_BASE_URL`, `--base`): the file is then
 * fetched from `<base>/<publisher host>/<publisher path>`, e.g.
 * `http://mirror.local/files/www.bls.gov/oes/special-requests/oesm22ma.zip`. Tests serve fixtures
 * that way from 127.0.0.1.
 *
 * Nothing reaches the database before the unpacked file has been recognised as the expected
 * source; a failed download, a damaged zip or an unexpected file is an error and writes nothing.
 */
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { unzipSync } from 'fflate';
import type { Db } from '../db/client';
import { previewUpload } from '../import/preview';

export interface OfficialSource {
	id: string;
	title: string;
	publisher: string;
	/** The importer's adapter the unpacked file must be recognised as. */
	adapter: string;
	/** What the file gives, for the guide. */
	gives: string;
	/** The publisher's address of the file for a year. */
	url(year: number): string;
	/** For a zip: the member to import (its name as published); null when the file is not zipped. */
	member: ((year: number) => RegExp) | null;
	/** The name to import an unzipped download under (carries the year where the importer needs it). */
	saveAs?: (year: number) => string;
	/** Earliest year the importer reads. */
	since: number;
	/** Where a person finds the file on the publisher's site. */
	page: string;
}

const yy = (year: number) => String(year % 100).padStart(2, '0');

/** One of BLS's yearly OEWS zips: `oesm24ma.zip` holding `MSA_M2024_dl.xlsx`, and so on. */
const oews = (
	id: string,
	title: string,
	gives: string,
	zip: string,
	table: string
): OfficialSource => ({
	id,
	title,
	publisher: 'U.S. Bureau of Labor Statistics',
	adapter: 'bls-oews',
	gives,
	url: (year) => `https://www.bls.gov/oes/special-requests/oesm${yy(year)}${zip}.zip`,
	member: (year) => new RegExp(`(^|/)${table}_M${year}_dl\\.xlsx$`, 'i'),
	since: 2019,
	page: 'https://www.bls.gov/oes/tables.htm'
});

/** The official files the app can fetch, with the publisher's own names. */
export const OFFICIAL_SOURCES: OfficialSource[] = [
	oews(
		'oews-metro',
		'OEWS metropolitan and nonmetropolitan area estimates',
		'employment, wages and location quotients of every occupation in every metro, NECTA and nonmetro area',
		'ma',
		'MSA'
	),
	oews(
		'oews-state',
		'OEWS state estimates',
		'employment and wages of every occupation in every state',
		'st',
		'state'
	),
	oews(
		'oews-national',
		'OEWS national estimates',
		'the national reference for location quotients and wage comparisons',
		'nat',
		'national'
	),
	{
		id: 'ep-occupation',
		title: 'Employment Projections, occupation.xlsx',
		publisher: 'U.S. Bureau of Labor Statistics',
		adapter: 'bls-ep-occupation',
		gives:
			'national openings, growth and typical entry education per occupation (the current projections only)',
		url: () => 'https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx',
		member: null,
		saveAs: (year) => `bls_ep_occupation_${year}.xlsx`,
		since: 2022,
		page: 'https://www.bls.gov/emp/tables.htm'
	},
	{
		id: 'ipeds-directory',
		title: 'IPEDS institutional characteristics (HD)',
		publisher: 'National Center for Education Statistics',
		adapter: 'nces-ipeds-hd',
		gives: 'where each college is (its CBSA): import it before the completions of the same year',
		url: (year) => `https://nces.ed.gov/ipeds/datacenter/data/HD${year}.zip`,
		member: (year) => new RegExp(`(^|/)hd${year}\\.csv$`, 'i'),
		since: 2015,
		page: 'https://nces.ed.gov/ipeds/datacenter/DataFiles.aspx'
	},
	{
		id: 'ipeds-completions',
		title: 'IPEDS completions by program (C_A)',
		publisher: 'National Center for Education Statistics',
		adapter: 'nces-ipeds-completions',
		gives: 'graduates by program and award level, the supply side of the gaps',
		url: (year) => `https://nces.ed.gov/ipeds/datacenter/data/C${year}_A.zip`,
		member: (year) => new RegExp(`(^|/)c${year}_a\\.csv$`, 'i'),
		since: 2015,
		page: 'https://nces.ed.gov/ipeds/datacenter/DataFiles.aspx'
	}
];

/** A download that could not give the expected file: nothing was written. */
export class FetchError extends Error {}

/** Largest download accepted (the OEWS metro zip of a year is about 80 MB). */
export const MAX_DOWNLOAD_BYTES = 500 * 1024 * 1024;

export function findSource(id: string): OfficialSource | null {
	return OFFICIAL_SOURCES.find((s) => s.id === id) ?? null;
}

/** The address to fetch: the publisher's, or the same path under a mirror's base address. */
export function officialUrl(source: OfficialSource, year: number, base?: string | null): string {
	const url = new URL(source.url(year));
	if (!base) return url.href;
	let mirror: URL;
	try {
		mirror = new URL(base.endsWith('/') ? base : `${base}/`);
	} catch {
		throw new FetchError(`the base address ${JSON.stringify(base)} is not a URL`);
	}
	return new URL(`${url.host}${url.pathname}`, mirror).href;
}

export interface FetchProgress {
	phase: 'download' | 'unpack' | 'check' | 'import';
	bytes: number;
	/** Size announced by the server, when it announced one. */
	total: number | null;
}

/**
 * Downloads the file for `year` into `dir` and unpacks the member the importer reads. Returns
 * the path of the file to import and its published name. On any failure the partial files are
 * removed and a FetchError says what went wrong.
 */
export async function downloadOfficial(
	source: OfficialSource,
	year: number,
	options: {
		dir: string;
		base?: string | null;
		onProgress?: (p: FetchProgress) => void;
		signal?: AbortSignal;
	}
): Promise<{ path: string; name: string; url: string }> {
	if (!Number.isInteger(year) || year < source.since || year > 2100) {
		throw new FetchError(
			`${source.title}: the year must be ${source.since} or later, not ${JSON.stringify(year)}`
		);
	}
	const url = officialUrl(source, year, options.base);
	mkdirSync(options.dir, { recursive: true });
	const download = join(
		options.dir,
		`.download-${Date.now()}-${new URL(url).pathname.split('/').pop()}`
	);
	try {
		await save(url, download, options);
		if (!source.member) {
			const name = source.saveAs?.(year) ?? new URL(url).pathname.split('/').pop()!;
			const path = join(options.dir, name);
			writeFileSync(path, readFileSync(download));
			return { path, name, url };
		}
		options.onProgress?.({ phase: 'unpack', bytes: 0, total: null });
		const bytes = readFileSync(download);
		if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
			throw new FetchError(
				`${url} did not send a zip archive (it starts ${JSON.stringify(bytes.subarray(0, 16).toString('latin1'))}): is the base address right? Nothing was imported`
			);
		}
		const wanted = source.member(year);
		const names: string[] = [];
		let files: Record<string, Uint8Array>;
		try {
			files = unzipSync(bytes, {
				filter: (f) => {
					names.push(f.name);
					return wanted.test(f.name);
				}
			});
		} catch (e) {
			throw new FetchError(
				`${url}: the zip archive is damaged or incomplete (${(e as Error).message}); nothing was imported`
			);
		}
		const [member, content] = Object.entries(files)[0] ?? [];
		if (!member || !content) {
			throw new FetchError(
				`${url}: the archive holds ${names.slice(0, 8).join(', ') || 'no files'}${names.length > 8 ? ', …' : ''}, ` +
					`not the expected ${memberName(wanted)}; nothing was imported`
			);
		}
		const name = member.split('/').pop()!;
		const path = join(options.dir, name);
		writeFileSync(path, content);
		return { path, name, url };
	} finally {
		rmSync(download, { force: true });
	}
}

/** `(^|/)MSA_M2022_dl\.xlsx$` → `MSA_M2022_dl.xlsx`, for messages. */
const memberName = (pattern: RegExp) =>
	pattern.source.replace(/\\/g, '').replace('(^|/)', '').replace(/\$$/, '');

async function save(
	url: string,
	path: string,
	options: { onProgress?: (p: FetchProgress) => void; signal?: AbortSignal }
): Promise<void> {
	let res: Response;
	try {
		res = await fetch(url, { signal: options.signal ?? AbortSignal.timeout(15 * 60_000) });
	} catch (e) {
		const cause = (e as { cause?: { code?: string; message?: string } }).cause;
		throw new FetchError(
			`could not download ${url}: ${cause?.code ?? cause?.message ?? (e as Error).message}; nothing was imported`
		);
	}
	if (!res.ok || !res.body) {
		throw new FetchError(
			`could not download ${url}: the server answered ${res.status} ${res.statusText}; nothing was imported`
		);
	}
	const announced = Number(res.headers.get('content-length'));
	const total = Number.isFinite(announced) && announced > 0 ? announced : null;
	if (total !== null && total > MAX_DOWNLOAD_BYTES) {
		throw new FetchError(
			`${url} is ${total} bytes, more than the ${MAX_DOWNLOAD_BYTES}-byte limit`
		);
	}
	const out = createWriteStream(path);
	let bytes = 0;
	try {
		for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
			bytes += chunk.length;
			if (bytes > MAX_DOWNLOAD_BYTES) {
				throw new FetchError(`${url} is larger than the ${MAX_DOWNLOAD_BYTES}-byte limit`);
			}
			if (!out.write(chunk)) await once(out, 'drain');
			options.onProgress?.({ phase: 'download', bytes, total });
		}
	} catch (e) {
		if (e instanceof FetchError) throw e;
		throw new FetchError(
			`the download of ${url} broke off after ${bytes} bytes (${(e as Error).message}); nothing was imported`
		);
	} finally {
		out.end();
		await once(out, 'close');
	}
	if (total !== null && bytes !== total) {
		throw new FetchError(
			`the download of ${url} stopped at ${bytes} of ${total} bytes; nothing was imported`
		);
	}
}

/**
 * Checks an unpacked file before anything is imported: a dry run on a scratch copy of the schema
 * (as the data page's preview) must recognise it as the expected source.
 */
export async function checkOfficial(
	db: Db,
	source: OfficialSource,
	file: { path: string; name: string; url: string },
	year: number
): Promise<void> {
	const preview = await previewUpload(db, file.path, { fileName: file.name, year });
	if (preview.source?.id !== source.adapter) {
		throw new FetchError(
			`${file.url}: ${file.name} is not the expected ${source.title} file ` +
				`(it reads as ${preview.source ? preview.source.title : 'no known source'}); nothing was imported`
		);
	}
}

/** The catalogue as the data page's guide shows it, for an example year. */
export function officialFiles(year: number, base = process.env.FETCH_BASE_URL ?? null) {
	return OFFICIAL_SOURCES.map((s) => ({
		id: s.id,
		title: s.title,
		publisher: s.publisher,
		since: s.since,
		page: s.page,
		example: {
			year,
			url: officialUrl(s, Math.max(year, s.since), base),
			member: s.member ? memberName(s.member(Math.max(year, s.since))) : null
		}
	}));
}

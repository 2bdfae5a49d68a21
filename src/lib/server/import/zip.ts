/**
 * Checks an XLSX workbook's zip before exceljs reads it, so that a damaged or hostile workbook is
 * a rejected file rather than a hung import or a dead process:
 *
 * - exceljs reads the zip front to back and, on a file cut short, neither answers nor fails (the
 *   stream ends and its promise is never settled). The zip's directory sits at the end of the
 *   file, so a cut file has none: that is checked first, from the last 64 KB.
 * - Each part exceljs parses (workbook, relationships, shared strings, sheets) is inflated here
 *   once, as a stream, and counted as it expands: it must stay within its declared size and the
 *   limits below, its CRC must match, and no text run, shared string or row may grow past what
 *   any real table holds. Everything is checked before exceljs allocates any of it.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { MAX_CELL_BYTES, MAX_ROW_BYTES } from './rows';

/** Decompressed size of the shared strings, which exceljs keeps in memory while it reads. */
export const MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024;
/** Decompressed size of one worksheet (streamed; BLS's largest sheet is about 500 MB). */
export const MAX_SHEET_BYTES = 1024 * 1024 * 1024;
/** Decompressed size of any other part exceljs reads (workbook, relationships). */
export const MAX_OTHER_PART_BYTES = 16 * 1024 * 1024;
/** Decompressed size of all parts read, together. */
export const MAX_WORKBOOK_BYTES = 2 * 1024 * 1024 * 1024;
/** A part over 16 MB expanding more than this many times its stored size is a zip bomb. */
export const MAX_RATIO = 100;
const RATIO_FROM = 16 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/** A workbook that cannot be read as a whole: the message says why, for the file's report. */
export class WorkbookError extends Error {}

interface Entry {
	name: string;
	method: number;
	crc: number;
	compressed: number;
	size: number;
	localOffset: number;
}

/** 1,024 MB; 340 KB under a megabyte (a ratio message may name a small stored size). */
const MB = (n: number) =>
	n < 1024 * 1024
		? `${Math.ceil(n / 1024).toLocaleString('en-US')} KB`
		: `${(n / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

function damaged(why: string): WorkbookError {
	return new WorkbookError(`it is truncated or damaged (${why})`);
}

/** Where the end-of-directory record starts in `tail`, or −1 (searched backwards: a comment may follow it). */
function findEnd(tail: Buffer): number {
	for (let i = tail.length - 22; i >= 0; i--) {
		if (tail.readUInt32LE(i) === 0x06054b50) return i;
	}
	return -1;
}

async function readAt(fd: Awaited<ReturnType<typeof open>>, position: number, length: number) {
	const buffer = Buffer.alloc(length);
	const { bytesRead } = await fd.read(buffer, 0, length, position);
	return buffer.subarray(0, bytesRead);
}

/** The zip's directory: every entry with its sizes, or a WorkbookError. */
export async function readDirectory(path: string, size: number): Promise<Entry[]> {
	const fd = await open(path, 'r');
	try {
		const tailStart = Math.max(0, size - (22 + 0xffff));
		const tail = await readAt(fd, tailStart, size - tailStart);
		const at = findEnd(tail);
		if (at < 0) {
			throw damaged(
				'its zip directory, kept at the end of the file, is missing: was the download cut short?'
			);
		}
		let count = tail.readUInt16LE(at + 10);
		let dirSize = tail.readUInt32LE(at + 12);
		let dirOffset = tail.readUInt32LE(at + 16);
		if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
			// Zip64: the real figures are in the zip64 end record the locator before this one names.
			const locator = tailStart + at - 20;
			const loc = locator >= 0 ? await readAt(fd, locator, 20) : Buffer.alloc(0);
			if (loc.length < 20 || loc.readUInt32LE(0) !== 0x07064b50)
				throw damaged('its zip64 directory is missing');
			const end64 = await readAt(fd, Number(loc.readBigUInt64LE(8)), 56);
			if (end64.length < 56 || end64.readUInt32LE(0) !== 0x06064b50)
				throw damaged('its zip64 directory is missing');
			count = Number(end64.readBigUInt64LE(32));
			dirSize = Number(end64.readBigUInt64LE(40));
			dirOffset = Number(end64.readBigUInt64LE(48));
		}
		if (count > MAX_ENTRIES) {
			throw new WorkbookError(
				`the workbook holds ${count.toLocaleString('en-US')} parts; the limit is ${MAX_ENTRIES.toLocaleString('en-US')}`
			);
		}
		if (dirOffset + dirSize > size)
			throw damaged('its zip directory points past the end of the file');
		const dir = await readAt(fd, dirOffset, dirSize);
		const entries: Entry[] = [];
		let p = 0;
		for (let i = 0; i < count; i++) {
			if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50)
				throw damaged('its zip directory is cut short');
			const nameLength = dir.readUInt16LE(p + 28);
			const extraLength = dir.readUInt16LE(p + 30);
			const commentLength = dir.readUInt16LE(p + 32);
			const entry: Entry = {
				name: dir.toString('utf8', p + 46, p + 46 + nameLength),
				method: dir.readUInt16LE(p + 10),
				crc: dir.readUInt32LE(p + 16),
				compressed: dir.readUInt32LE(p + 20),
				size: dir.readUInt32LE(p + 24),
				localOffset: dir.readUInt32LE(p + 42)
			};
			readZip64Extra(dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
			entries.push(entry);
			p += 46 + nameLength + extraLength + commentLength;
		}
		return entries;
	} finally {
		await fd.close();
	}
}

/** Replaces the 0xFFFFFFFF placeholders of an entry with its zip64 extra field's figures. */
function readZip64Extra(extra: Buffer, entry: Entry): void {
	for (let q = 0; q + 4 <= extra.length;) {
		const id = extra.readUInt16LE(q);
		const length = extra.readUInt16LE(q + 2);
		if (id === 0x0001) {
			let r = q + 4;
			const next = () => {
				const v = r + 8 <= q + 4 + length ? Number(extra.readBigUInt64LE(r)) : null;
				r += 8;
				return v;
			};
			if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
			if (entry.compressed === 0xffffffff) entry.compressed = next() ?? entry.compressed;
			if (entry.localOffset === 0xffffffff) entry.localOffset = next() ?? entry.localOffset;
			return;
		}
		q += 4 + length;
	}
}

type PartKind = 'sheet' | 'shared' | 'other';

/** The parts exceljs parses (everything else it skips unread), and what each may hold. */
function partKind(name: string): PartKind | null {
	if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return 'sheet';
	if (/^xl\/sharedStrings\.xml$/i.test(name)) return 'shared';
	if (
		/^xl\/workbook\.xml$/i.test(name) ||
		/\.rels$/i.test(name) ||
		name === '[Content_Types].xml'
	) {
		return 'other';
	}
	return null;
}

function limitOf(kind: PartKind): number {
	return kind === 'sheet'
		? MAX_SHEET_BYTES
		: kind === 'shared'
			? MAX_SHARED_STRINGS_BYTES
			: MAX_OTHER_PART_BYTES;
}

/**
 * Follows XML as it streams past and reports the first stretch that is too long: text (or a tag)
 * between two `<`, or one element (`<si>…</si>`, `<row …>…</row>`). Works on bytes: the tags
 * are ASCII, so a latin1 view of a chunk has the same offsets.
 */
class XmlSpans {
	/** Bytes seen before the current chunk. */
	private offset = 0;
	private lastLt = 0;
	/** Where the open element began, or −1. */
	private openAt = -1;
	/** The previous chunk's unread tail, so a tag split across two chunks is still seen. */
	private carry = '';
	/** Elements opened so far (the message names the one that is too long). */
	count = 0;

	constructor(
		private readonly open: string,
		private readonly close: string,
		private readonly limit: number
	) {}

	/** Null while within limits, else what grew too long. */
	add(chunk: Buffer): 'text' | 'element' | null {
		for (let lt = chunk.indexOf(0x3c); lt !== -1; lt = chunk.indexOf(0x3c, lt + 1)) {
			if (this.offset + lt - this.lastLt > MAX_CELL_BYTES) return 'text';
			this.lastLt = this.offset + lt;
		}
		const end = this.offset + chunk.length;
		if (end - this.lastLt > MAX_CELL_BYTES) return 'text';
		const text = this.carry + chunk.toString('latin1');
		const base = this.offset - this.carry.length;
		let from = 0;
		for (;;) {
			if (this.openAt < 0) {
				const o = findTag(text, this.open, from);
				if (o < 0) break;
				this.count++;
				const gt = text.indexOf('>', o);
				// An empty element (`<row r="7"/>`) closes itself.
				if (gt < 0 || text.charCodeAt(gt - 1) !== 47) this.openAt = base + o;
				from = gt < 0 ? o + this.open.length : gt + 1;
			} else {
				const c = text.indexOf(this.close, from);
				if (c < 0) break;
				if (base + c - this.openAt > this.limit) return 'element';
				this.openAt = -1;
				from = c + this.close.length;
			}
		}
		this.offset = end;
		if (this.openAt >= 0 && end - this.openAt > this.limit) return 'element';
		this.carry = text.slice(Math.max(from, text.length - 8));
		return null;
	}
}

/** `<row` or `<si` followed by `>`, a space or `/` (not `<rowBreaks`, `<sheet…`). */
function findTag(text: string, tag: string, from: number): number {
	let i = text.indexOf(tag, from);
	while (i >= 0) {
		const next = text.charCodeAt(i + tag.length);
		if (next === 62 || next === 32 || next === 47 || next === 9 || next === 10 || next === 13)
			return i;
		i = text.indexOf(tag, i + 1);
	}
	return -1;
}

async function checkPart(
	path: string,
	size: number,
	entry: Entry,
	kind: PartKind,
	pulse: () => void
): Promise<number> {
	const fd = await open(path, 'r');
	let header: Buffer;
	try {
		header = await readAt(fd, entry.localOffset, 30);
	} finally {
		await fd.close();
	}
	if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) {
		throw damaged(`the part ${entry.name} is not where its directory says`);
	}
	const dataStart = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
	if (dataStart + entry.compressed > size) throw damaged(`the part ${entry.name} is cut short`);
	if (entry.method !== 0 && entry.method !== 8) {
		throw new WorkbookError(
			`the part ${entry.name} uses a zip compression this reader does not know (method ${entry.method}): save the workbook again from Excel`
		);
	}
	const limit = limitOf(kind);
	const tooBig = () =>
		new WorkbookError(
			kind === 'shared'
				? `the workbook's shared strings expand to more than ${MB(limit)}; the limit is ${MB(limit)} (no published table holds so much text)`
				: `the part ${entry.name} expands to more than ${MB(limit)}; the limit is ${MB(limit)}`
		);
	if (entry.size > limit) throw tooBig();
	if (entry.size > RATIO_FROM && entry.size > entry.compressed * MAX_RATIO) {
		throw new WorkbookError(
			`the part ${entry.name} expands ${Math.round(entry.size / Math.max(1, entry.compressed))} times (from ${MB(entry.compressed)} to ${MB(entry.size)}): a workbook built to exhaust memory is refused`
		);
	}
	const spans =
		kind === 'sheet'
			? new XmlSpans('<row', '</row>', MAX_ROW_BYTES)
			: kind === 'shared'
				? new XmlSpans('<si', '</si>', MAX_CELL_BYTES)
				: null;
	const raw = createReadStream(path, {
		start: dataStart,
		end: dataStart + entry.compressed - 1,
		highWaterMark: 1 << 16
	});
	const source = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 16 })) : raw;
	raw.on('error', (e) => source.destroy(e));
	let expanded = 0;
	let crc = 0;
	try {
		for await (const chunk of source as AsyncIterable<Buffer>) {
			expanded += chunk.length;
			pulse();
			if (expanded > entry.size)
				throw damaged(`the part ${entry.name} expands beyond the size its directory gives`);
			crc = crc32(chunk, crc);
			const long = spans?.add(chunk);
			if (long === 'text') {
				throw new WorkbookError(
					`${entry.name} holds a cell or text of more than ${MAX_CELL_BYTES.toLocaleString('en-US')} bytes; the limit for a cell is 100,000 characters`
				);
			}
			if (long === 'element') {
				throw new WorkbookError(
					kind === 'shared'
						? `shared string ${spans!.count.toLocaleString('en-US')} is longer than ${MAX_CELL_BYTES.toLocaleString('en-US')} bytes; the limit for a cell is 100,000 characters`
						: `a row of ${entry.name} (row element ${spans!.count.toLocaleString('en-US')}) is longer than ${MB(MAX_ROW_BYTES)}; the limit for a row is ${MB(MAX_ROW_BYTES)}`
				);
			}
		}
	} catch (e) {
		source.destroy();
		raw.destroy();
		if (e instanceof WorkbookError) throw e;
		throw damaged(`the part ${entry.name} cannot be decompressed: ${(e as Error).message}`);
	}
	if (expanded !== entry.size) throw damaged(`the part ${entry.name} is cut short`);
	if (crc !== entry.crc) throw damaged(`the part ${entry.name} fails its checksum`);
	return expanded;
}

/**
 * Throws a WorkbookError when the workbook is cut short, damaged, or expands past the limits;
 * returns the decompressed size of the parts exceljs will read. `pulse` is called as data flows
 * (the import's no-progress watchdog listens to it).
 */
export async function checkWorkbook(
	path: string,
	size: number,
	pulse: () => void = () => {}
): Promise<number> {
	const entries = await readDirectory(path, size);
	if (!entries.some((e) => partKind(e.name) === 'sheet')) {
		throw new WorkbookError('this zip holds no worksheet: it is not an XLSX workbook');
	}
	let total = 0;
	for (const entry of entries) {
		const kind = partKind(entry.name);
		if (!kind) continue;
		total += await checkPart(path, size, entry, kind, pulse);
		if (total > MAX_WORKBOOK_BYTES) {
			throw new WorkbookError(
				`the workbook expands to more than ${MB(MAX_WORKBOOK_BYTES)}; the limit is ${MB(MAX_WORKBOOK_BYTES)}`
			);
		}
	}
	return total;
}

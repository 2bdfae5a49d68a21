/**
 * One cheap pass over a file before it is parsed: its sha256 (to skip files already imported),
 * its size, whether it is an XLSX workbook, and the text encoding of a delimited file.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface FileInfo {
	size: number;
	sha256: string;
	format: 'xlsx' | 'delimited' | 'binary' | 'empty' | 'utf16' | 'pdf';
	encoding: TextEncoding;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Bytes at the end of `chunk` that begin a UTF-8 character the chunk does not finish (0–3): they
 * are checked with the next chunk.
 */
export function unfinishedUtf8(chunk: Uint8Array): number {
	for (let back = 1; back <= Math.min(3, chunk.length); back++) {
		const b = chunk[chunk.length - back]!;
		if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
		const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
		return need > back ? back : 0;
	}
	return 0;
}

/**
 * Checks that a stream of chunks is UTF-8 without decoding it (decoding a large file to text
 * only to drop it cost time and left tens of MB of strings for the collector).
 */
class Utf8Check {
	valid = true;
	private carry: Buffer | null = null;

	add(chunk: Buffer) {
		if (!this.valid) return;
		const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
		const tail = unfinishedUtf8(bytes);
		if (!isUtf8(bytes.subarray(0, bytes.length - tail))) this.valid = false;
		this.carry = tail > 0 ? Buffer.from(bytes.subarray(bytes.length - tail)) : null;
	}

	end(): boolean {
		if (this.carry) this.valid = false;
		return this.valid;
	}
}

export async function inspectFile(path: string): Promise<FileInfo> {
	const { size } = await stat(path);
	const hash = createHash('sha256');
	const utf8 = new Utf8Check();
	let first: Buffer | null = null;
	let sawNul = false;
	for await (const chunk of createReadStream(path, {
		highWaterMark: 1 << 20
	}) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		if (!first) first = chunk;
		utf8.add(chunk);
		if (!sawNul && chunk.includes(0)) sawNul = true;
	}
	const validUtf8 = utf8.end();
	const head = first ?? Buffer.alloc(0);
	let format: FileInfo['format'] = 'delimited';
	if (size === 0) format = 'empty';
	else if (ZIP_MAGIC.every((b, i) => head[i] === b)) format = 'xlsx';
	else if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
		format = 'utf16';
	else if (head.subarray(0, 5).toString('latin1') === '%PDF-') format = 'pdf';
	else if (sawNul) format = 'binary';
	const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
	const encoding: TextEncoding = validUtf8 ? (bom ? 'utf-8-bom' : 'utf-8') : 'windows-1252';
	return { size, sha256: hash.digest('hex'), format, encoding };
}

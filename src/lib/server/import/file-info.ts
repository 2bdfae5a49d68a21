/**
 * One cheap pass over a file before it is parsed: its sha256 (to skip files already imported),
 * its size, whether it is an XLSX workbook, and the text encoding of a delimited file.
 */
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

export async function inspectFile(path: string): Promise<FileInfo> {
	const { size } = await stat(path);
	const hash = createHash('sha256');
	const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	let validUtf8 = true;
	let first: Buffer | null = null;
	let sawNul = false;
	for await (const chunk of createReadStream(path, {
		highWaterMark: 1 << 20
	}) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		if (!first) first = chunk;
		if (validUtf8) {
			try {
				utf8.decode(chunk, { stream: true });
			} catch {
				validUtf8 = false;
			}
		}
		if (!sawNul && chunk.includes(0)) sawNul = true;
	}
	if (validUtf8) {
		try {
			utf8.decode();
		} catch {
			validUtf8 = false;
		}
	}
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

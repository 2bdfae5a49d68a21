/**
 * Hand-made XLSX workbooks for the hostile-file tests: a zip written byte by byte, so a part may
 * expand to gigabytes from a few MB (deflate segments repeated), declare a size other than its
 * real one, or be cut off. Never kept as fixtures: each test writes what it needs to a temp folder.
 */
import { writeFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A part's content: pieces of text, each repeated `times` (default once). */
export type Piece = { text: string; times?: number };

export interface PartSpec {
	name: string;
	pieces: Piece[];
	/** Size to write in the zip's headers instead of the real one (a lying bomb). */
	declaredSize?: number;
}

/**
 * Raw deflate of the pieces in order. Each piece is compressed once with a full flush (which
 * resets the dictionary), so its bytes can simply be repeated; an empty final block ends it.
 */
function deflatePieces(pieces: Piece[]): { data: Buffer; size: number; crc: number } {
	const out: Buffer[] = [];
	let size = 0;
	let crc = 0;
	for (const { text, times = 1 } of pieces) {
		const raw = Buffer.from(text, 'utf8');
		const packed = deflateRawSync(raw, { finishFlush: constants.Z_FULL_FLUSH });
		for (let i = 0; i < times; i++) out.push(packed);
		size += raw.length * times;
		// The CRC of gigabytes would take a while; a part that big is refused before it is checked.
		if (size < 64 * 1024 * 1024) for (let i = 0; i < times; i++) crc = crc32(raw, crc);
	}
	out.push(deflateRawSync(Buffer.alloc(0)));
	return { data: Buffer.concat(out), size, crc };
}

/** Writes a zip of the parts (zip64 fields where a size does not fit 32 bits). */
export function writeZip(path: string, parts: PartSpec[]): number {
	const chunks: Buffer[] = [];
	const directory: Buffer[] = [];
	let offset = 0;
	for (const part of parts) {
		const { data, size: realSize, crc } = deflatePieces(part.pieces);
		const size = part.declaredSize ?? realSize;
		const big = size >= 0xffffffff;
		const name = Buffer.from(part.name, 'utf8');
		const extra = big ? Buffer.alloc(20) : Buffer.alloc(0);
		if (big) {
			extra.writeUInt16LE(0x0001, 0);
			extra.writeUInt16LE(16, 2);
			extra.writeBigUInt64LE(BigInt(size), 4);
			extra.writeBigUInt64LE(BigInt(data.length), 12);
		}
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(big ? 45 : 20, 4);
		local.writeUInt16LE(8, 8); // deflate
		local.writeUInt32LE(crc >>> 0, 14);
		local.writeUInt32LE(big ? 0xffffffff : data.length, 18);
		local.writeUInt32LE(big ? 0xffffffff : size, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(extra.length, 28);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(45, 4);
		central.writeUInt16LE(big ? 45 : 20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(crc >>> 0, 16);
		central.writeUInt32LE(big ? 0xffffffff : data.length, 20);
		central.writeUInt32LE(big ? 0xffffffff : size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt16LE(extra.length, 30);
		central.writeUInt32LE(offset, 42);
		directory.push(central, name, extra);
		chunks.push(local, name, extra, data);
		offset += local.length + name.length + extra.length + data.length;
	}
	const dir = Buffer.concat(directory);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(dir.length, 12);
	end.writeUInt32LE(offset, 16);
	const file = Buffer.concat([...chunks, dir, end]);
	writeFileSync(path, file);
	return file.length;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';
const SST_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;

/** An OEWS-looking header row (shared strings 0–3) and one data row, as sheet XML. */
const OEWS_ROWS =
	'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
	'<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2"><v>100</v></c><c r="D2"><v>50000</v></c></row>';
const OEWS_STRINGS = [
	'OCC_CODE',
	'OCC_TITLE',
	'TOT_EMP',
	'A_MEDIAN',
	'15-1252',
	'Software Developers'
]
	.map((s) => `<si><t>${s}</t></si>`)
	.join('');

/** A workbook whose parts are the usual ones, with the shared strings and sheet given. */
export function writeWorkbook(
	path: string,
	options: { shared?: Omit<PartSpec, 'name'>; sheet?: Omit<PartSpec, 'name'> } = {}
): number {
	return writeZip(path, [
		{ name: '[Content_Types].xml', pieces: [{ text: CONTENT_TYPES }] },
		{ name: '_rels/.rels', pieces: [{ text: RELS }] },
		{ name: 'xl/workbook.xml', pieces: [{ text: WORKBOOK }] },
		{ name: 'xl/_rels/workbook.xml.rels', pieces: [{ text: WORKBOOK_RELS }] },
		{
			name: 'xl/sharedStrings.xml',
			...(options.shared ?? { pieces: [{ text: SST_HEAD + OEWS_STRINGS + '</sst>' }] })
		},
		{
			name: 'xl/worksheets/sheet1.xml',
			...(options.sheet ?? { pieces: [{ text: SHEET_HEAD + OEWS_ROWS + SHEET_TAIL }] })
		}
	]);
}

const MB = 1024 * 1024;
const A_MB = 'A'.repeat(MB);

/**
 * The bombs of the hostile-files corpus: each a small file whose parts expand far past what a
 * workbook holds. `expected` is the message each is refused with.
 */
export const BOMBS: {
	name: string;
	what: string;
	write: (path: string) => number;
	expected: RegExp;
}[] = [
	{
		name: 'bomb_shared_16x400MB.xlsx',
		what: 'shared strings of 16 strings × 400 MB (6.4 GB, sizes declared)',
		write: (path) =>
			writeWorkbook(path, {
				shared: {
					pieces: [
						{ text: SST_HEAD + OEWS_STRINGS },
						...Array.from({ length: 16 }, () => [
							{ text: '<si><t>' },
							{ text: A_MB, times: 400 },
							{ text: '</t></si>' }
						]).flat(),
						{ text: '</sst>' }
					]
				}
			}),
		expected: /shared strings expand to more than 32 MB; the limit is 32 MB/
	},
	{
		name: 'bomb_shared_lying.xlsx',
		what: 'shared strings that declare 2 KB and expand to 400 MB',
		write: (path) =>
			writeWorkbook(path, {
				shared: {
					declaredSize: 2048,
					pieces: [
						{ text: SST_HEAD + OEWS_STRINGS + '<si><t>' },
						{ text: A_MB, times: 400 },
						{ text: '</t></si></sst>' }
					]
				}
			}),
		expected: /expands beyond the size its directory gives/
	},
	{
		name: 'bomb_one_string_10MB.xlsx',
		what: 'one shared string of 10 MB (the part within its limits)',
		write: (path) =>
			writeWorkbook(path, {
				shared: {
					pieces: [
						{ text: SST_HEAD + OEWS_STRINGS + '<si><t>' },
						{ text: A_MB, times: 10 },
						{ text: '</t></si></sst>' }
					]
				}
			}),
		expected: /a cell or text of more than 400,000 bytes/
	},
	{
		name: 'bomb_row_8MB.xlsx',
		what: 'one worksheet row of 8 MB of small cells',
		write: (path) =>
			writeWorkbook(path, {
				sheet: {
					pieces: [
						{ text: SHEET_HEAD + OEWS_ROWS + '<row r="3">' },
						{ text: '<c t="s"><v>5</v></c>'.repeat(1000), times: 400 },
						{ text: '</row>' + SHEET_TAIL }
					]
				}
			}),
		expected: /a row of xl\/worksheets\/sheet1\.xml \(row element 3\) is longer than 4 MB/
	},
	{
		name: 'bomb_sheet_2GB.xlsx',
		what: 'a worksheet of 2 GB of empty rows (sizes declared)',
		write: (path) =>
			writeWorkbook(path, {
				sheet: {
					pieces: [
						{ text: SHEET_HEAD + OEWS_ROWS },
						{ text: '<row/>'.repeat(MB / 4), times: 1400 },
						{ text: SHEET_TAIL }
					]
				}
			}),
		expected: /expands to more than 1,024 MB; the limit is 1,024 MB/
	}
];

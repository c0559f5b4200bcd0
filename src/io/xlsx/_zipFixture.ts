// Test helpers (not part of the package): take an .xlsx apart, edit its XML, put it back together —
// for the hostile workbooks the tests make on the fly instead of committing large files.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { XMLValidator } from 'fast-xml-parser';

/** The parts of a package, by name. */
export type Parts = Map<string, Uint8Array>;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The parts of a zip (deflated or stored entries). */
export function unzip(bytes: Uint8Array): Parts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd -= 1;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const parts: Parts = new Map();
  for (let k = 0; k < count; k += 1) {
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    parts.set(name, method === 8 ? inflateRawSync(data) : data.slice());
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return parts;
}

/** Options of {@link zip}: sizes to claim in the central directory instead of the true ones. */
export interface ZipOptions {
  readonly claimedSizes?: ReadonlyMap<string, number>;
}

/** A zip of the parts, deflated. */
export function zip(parts: Parts, options: ZipOptions = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = new TextEncoder().encode(name);
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const size = options.claimedSizes?.get(name) ?? data.byteLength;
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.byteLength, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const dir = new Uint8Array(46 + nameBytes.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(10, 8, true);
    dv.setUint32(16, crc, true);
    dv.setUint32(20, packed.byteLength, true);
    dv.setUint32(24, size, true);
    dv.setUint16(28, nameBytes.length, true);
    dv.setUint32(42, offset, true);
    dir.set(nameBytes, 46);
    locals.push(local, packed);
    central.push(dir);
    offset += local.byteLength + packed.byteLength;
  }
  const centralSize = central.reduce((n, c) => n + c.byteLength, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...central, end]);
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The ledger workbook's sheet part of a sheet name (exceljs numbers sheets in workbook order). */
export function sheetPartOf(parts: Parts, sheet: string): string {
  const book = text(parts.get('xl/workbook.xml') ?? new Uint8Array());
  const names = [...book.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  const i = names.indexOf(sheet);
  if (i < 0) throw new Error(`no sheet ${sheet}`);
  return `xl/worksheets/sheet${i + 1}.xml`;
}

/** Edit the XML of one part. */
export function editPart(parts: Parts, name: string, edit: (xml: string) => string): void {
  parts.set(name, bytes(edit(text(parts.get(name) ?? new Uint8Array()))));
}

/** Rows appended to a sheet's data: the XML of `<row>` elements. */
export function appendRows(parts: Parts, sheet: string, rowsXml: string): void {
  editPart(parts, sheetPartOf(parts, sheet), (xml) =>
    xml.includes('<sheetData/>')
      ? xml.replace('<sheetData/>', `<sheetData>${rowsXml}</sheetData>`)
      : xml.replace('</sheetData>', `${rowsXml}</sheetData>`),
  );
}

/** Appends a string to the shared strings; its index. */
export function addSharedString(parts: Parts, value: string): number {
  let index = 0;
  editPart(parts, 'xl/sharedStrings.xml', (xml) => {
    index = (xml.match(/<si>/g) ?? []).length;
    return xml.replace('</sst>', `<si><t>${value}</t></si></sst>`);
  });
  return index;
}

// XML 1.0 Char production (section 2.2).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The parts of a package that are not well-formed XML 1.0, with the reason. */
export function malformedParts(pkg: Uint8Array): string[] {
  const bad: string[] = [];
  for (const [name, data] of unzip(pkg)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let xml: string;
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      bad.push(`${name}: not UTF-8`);
      continue;
    }
    // fast-xml-validator, its successor, is not a dependency of this repository.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const valid = XMLValidator.validate(xml);
    if (valid !== true) bad.push(`${name}: ${valid.err.msg}`);
    else if (NOT_XML_CHAR.test(xml)) bad.push(`${name}: a character XML 1.0 cannot hold`);
  }
  return bad;
}

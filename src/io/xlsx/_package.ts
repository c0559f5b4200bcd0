// The .xlsx package checked before exceljs loads it: exceljs holds a whole workbook in memory, about a
// kilobyte per cell, and inflates every part whatever its size, so a small file can claim gigabytes.
// Here the zip's central directory bounds each part, each part is inflated no further than it claims,
// and the sheets are scanned (not parsed) for rows, cells and the length of their text.
import { inflateRawSync } from 'node:zlib';
import { SansansanError } from '../../errors.js';
import { cellRef, workbookIssue, type WorkbookIssue, type WorkbookIssueCode } from './_issues.js';
import { decodeCellText, decodeXmlText, MAX_CELL_TEXT } from './_ooxmlText.js';

/** The bounds of a workbook the reader accepts. */
export const LIMITS = {
  /** Data rows of a sheet (besides its header row). */
  rows: 100_000,
  /** Cells of one row. */
  cellsPerRow: 1_024,
  /** Cells of the whole workbook. */
  cells: 2_000_000,
  /** Inflated bytes of one sheet or of the shared strings. */
  sheetPart: 134_217_728, // 128 MiB
  /** Inflated bytes of any other part (styles, drawings, media, …). */
  otherPart: 33_554_432, // 32 MiB
  /** Inflated bytes of the whole package. */
  total: 268_435_456, // 256 MiB
  /** Parts in the package. */
  parts: 10_000,
  /** Issues reported per kind before the rest are left out. */
  issuesPerCode: 1_000,
} as const;

/** What the scan found: the problems, and the text of the cells exceljs does not decode. */
export interface PackageScan {
  readonly issues: readonly WorkbookIssue[];
  /** Per sheet name, per cell address (`B3`): the cell's text, `_xHHHH_` decoded once. */
  readonly texts: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Thrown inside this module for bytes that are not a zip; the caller maps it to `invalid_workbook`. */
export function notWorkbook(detail: string): SansansanError {
  return new SansansanError('invalid_workbook', {
    zh: `无法读取工作簿：不是有效的 .xlsx 文件（${detail}）`,
    en: `cannot read the workbook: not a valid .xlsx file (${detail})`,
  });
}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const utf8 = new TextDecoder('utf-8');

/** The entries of a zip's central directory (zip64 sizes come back as 0xFFFFFFFF and are refused by size). */
function readEntries(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notWorkbook('no zip directory');
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0) throw notWorkbook('empty zip');
  if (count > LIMITS.parts) return [{ name: '', method: 0, compressedSize: 0, size: Number.POSITIVE_INFINITY, localOffset: 0 }];
  const entries: Entry[] = [];
  let p = offset;
  for (let k = 0; k < count; k += 1) {
    if (p + 46 > n || view.getUint32(p, true) !== 0x02014b50) throw notWorkbook('broken zip directory');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > n) throw notWorkbook('broken zip directory');
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/^\//, '');
    entries.push({
      name,
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes, inflated no further than its declared size. */
function inflate(bytes: Uint8Array, e: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== 0x04034b50) throw notWorkbook(`broken part ${e.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.byteLength) throw notWorkbook(`truncated part ${e.name}`);
  const data = bytes.subarray(start, end);
  let out: Uint8Array;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    try {
      // One byte of room: inflating further than declared means the directory lies.
      out = inflateRawSync(data, { maxOutputLength: e.size + 1 });
    } catch {
      throw notWorkbook(`part ${e.name} does not inflate to its size`);
    }
  } else throw notWorkbook(`part ${e.name} uses compression method ${e.method}`);
  if (out.byteLength !== e.size) throw notWorkbook(`part ${e.name} does not inflate to its size`);
  return out;
}

// exceljs takes a part for a sheet by this test of its name (unanchored, as exceljs does).
const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const isSheetPart = (name: string): boolean => SHEET_PART.test(name) || name === SHARED_STRINGS;

// The scan reads hostile text: every search below moves forward only (indexOf, no backtracking
// regular expression over unbounded text), so its time stays linear in the size of the part.

/** An attribute's value in the text of a start tag, entities decoded. */
function attr(attrs: string, name: string): string | undefined {
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    const eq = attrs.indexOf('=', i);
    if (eq < 0) return undefined;
    const key = attrs.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && /\s/.test(attrs[q] ?? '')) q += 1;
    const quote = attrs[q];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = attrs.indexOf(quote, q + 1);
    if (end < 0) return undefined;
    if (key === name) return decodeXmlText(attrs.slice(q + 1, end));
    i = end + 1;
  }
  return undefined;
}

interface Element {
  readonly name: string;
  /** The text of the start tag after the name. */
  readonly attrs: string;
  /** The content; undefined for an empty element or one read as a start tag only. */
  readonly body: string | undefined;
}

/**
 * The elements named in `open` (start tags only, their content scanned on) and in `whole` (with their
 * content, which is skipped), in document order, in one forward pass.
 */
function* elements(xml: string, open: readonly string[], whole: readonly string[]): Generator<Element> {
  const names = [...open, ...whole];
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return;
    const name = names.find((x) => xml.startsWith(x, lt + 1) && /[\s/>]/.test(xml[lt + 1 + x.length] ?? ''));
    if (name === undefined) {
      i = lt + 1;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return;
    const empty = xml[gt - 1] === '/';
    const attrs = xml.slice(lt + 1 + name.length, empty ? gt - 1 : gt);
    if (empty || !whole.includes(name)) {
      yield { name, attrs, body: undefined };
      i = gt + 1;
      continue;
    }
    const close = xml.indexOf(`</${name}>`, gt + 1);
    yield { name, attrs, body: xml.slice(gt + 1, close < 0 ? n : close) };
    i = close < 0 ? n : close + name.length + 3;
  }
}

/** Sheet part name → sheet name, as exceljs pairs them through workbook.xml and its relationships. */
function sheetNames(parts: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const book = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (book === undefined || rels === undefined) return out;
  const targets = new Map<string, string>();
  for (const e of elements(rels, ['Relationship'], [])) {
    const id = attr(e.attrs, 'Id');
    const target = attr(e.attrs, 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
  }
  for (const e of elements(book, ['sheet'], [])) {
    const name = attr(e.attrs, 'name');
    const id = attr(e.attrs, 'r:id');
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) out.set(part, name.trim());
  }
  return out;
}

/** The text of the `<t>` elements of a string item (phonetic runs left out), decoded as a reader shows it. */
function itemText(xml: string): string {
  let text = '';
  for (const e of elements(xml, [], ['t', 'rPh'])) if (e.name === 't') text += e.body ?? '';
  return decodeCellText(decodeXmlText(text));
}

/** The content of the first `<v>` of a cell. */
function valueOf(body: string): string | undefined {
  for (const e of elements(body, [], ['v'])) return e.body ?? '';
  return undefined;
}

/** Indexes of the shared strings longer than a cell holds, with their lengths. */
function longSharedStrings(xml: string): Map<number, number> {
  const long = new Map<number, number>();
  let index = 0;
  for (const e of elements(xml, [], ['si'])) {
    const body = e.body ?? '';
    // The raw text is never shorter than what it decodes to: only long items need decoding.
    if (body.length > MAX_CELL_TEXT) {
      const length = itemText(body).length;
      if (length > MAX_CELL_TEXT) long.set(index, length);
    }
    index += 1;
  }
  return long;
}

/** Scans the package: sizes first, then rows, cells and text of each sheet. */
export function scanPackage(bytes: Uint8Array): PackageScan {
  const entries = readEntries(bytes);
  const issues: WorkbookIssue[] = [];
  const perCode = new Map<WorkbookIssueCode, number>();
  const add = (issue: WorkbookIssue): void => {
    const k = perCode.get(issue.code) ?? 0;
    perCode.set(issue.code, k + 1);
    if (k < LIMITS.issuesPerCode) issues.push(issue);
  };
  const tooLarge = (part: string, zh: string, en: string): void => {
    add(workbookIssue(cellRef(part, 1, 1), [], 'workbook_too_large', zh, en));
  };

  let total = 0;
  for (const e of entries) {
    total += e.size;
    const limit = isSheetPart(e.name) ? LIMITS.sheetPart : LIMITS.otherPart;
    if (e.name === '') {
      tooLarge('.xlsx', `文件部件超过 ${LIMITS.parts} 个`, `the file has more than ${LIMITS.parts} parts`);
    } else if (e.size > limit) {
      tooLarge(
        e.name,
        `部件 ${e.name} 解压后超过 ${limit / 2 ** 20} MiB`,
        `the part ${e.name} inflates to more than ${limit / 2 ** 20} MiB`,
      );
    }
  }
  if (total > LIMITS.total && issues.length === 0) {
    tooLarge('.xlsx', `文件解压后超过 ${LIMITS.total / 2 ** 20} MiB`, `the file inflates to more than ${LIMITS.total / 2 ** 20} MiB`);
  }
  if (issues.length > 0) return { issues, texts: new Map() };

  // Every part is inflated once here (exceljs inflates each again): none may exceed its declared size.
  const byName = new Map<string, Entry>();
  for (const e of entries) byName.set(e.name, e);
  if (!byName.has('xl/workbook.xml')) throw notWorkbook('no xl/workbook.xml');
  const xml = new Map<string, string>();
  for (const e of byName.values()) {
    // Sheets and shared strings are inflated (and so checked) below, one at a time.
    if (isSheetPart(e.name)) continue;
    const data = inflate(bytes, e);
    if (e.name === 'xl/workbook.xml' || e.name === 'xl/_rels/workbook.xml.rels') xml.set(e.name, utf8.decode(data));
  }
  const names = sheetNames(xml);
  const shared = byName.get(SHARED_STRINGS);
  const long = shared === undefined ? new Map<number, number>() : longSharedStrings(utf8.decode(inflate(bytes, shared)));
  const referenced = new Set<number>();
  const texts = new Map<string, Map<string, string>>();
  const tooLong = (sheet: string, row: number, col: number, address: string | undefined, length: number): void => {
    const ref = address === undefined ? cellRef(sheet, row, col) : { ...cellRef(sheet, row, col), ...addressRef(sheet, address) };
    add(
      workbookIssue(
        ref,
        [],
        'text_too_long',
        `单元格文字有 ${length} 个字符，超过 Excel 单元格上限 ${MAX_CELL_TEXT}`,
        `the cell holds ${length} characters, more than the ${MAX_CELL_TEXT} an Excel cell holds`,
      ),
    );
  };

  let cells = 0;
  for (const e of byName.values()) {
    if (!SHEET_PART.test(e.name)) continue;
    const sheet = names.get(e.name) ?? e.name;
    const own = new Map<string, string>();
    let rows = 0;
    let rowNumber = 0;
    let inRow = 0;
    for (const m of elements(utf8.decode(inflate(bytes, e)), ['row'], ['c'])) {
      if (m.name === 'row') {
        rows += 1;
        inRow = 0;
        const r = Number(attr(m.attrs, 'r'));
        rowNumber = Number.isSafeInteger(r) && r > 0 ? r : rowNumber + 1;
        if (rows > LIMITS.rows + 1) {
          add(
            workbookIssue(
              cellRef(sheet, rowNumber, 1),
              [],
              'too_many_rows',
              `工作表"${sheet}"超过 ${LIMITS.rows} 行数据，其余未读取`,
              `the sheet "${sheet}" has more than ${LIMITS.rows} data rows; the rest was not read`,
            ),
          );
          break;
        }
        continue;
      }
      cells += 1;
      inRow += 1;
      const attrs = m.attrs;
      const address = attr(attrs, 'r');
      if (inRow > LIMITS.cellsPerRow || cells > LIMITS.cells) {
        const whole = cells > LIMITS.cells;
        add(
          workbookIssue(
            cellRef(sheet, rowNumber, 1),
            [],
            'too_many_cells',
            whole ? `工作簿超过 ${LIMITS.cells} 个单元格，其余未读取` : `第 ${rowNumber} 行超过 ${LIMITS.cellsPerRow} 个单元格`,
            whole
              ? `the workbook has more than ${LIMITS.cells} cells; the rest was not read`
              : `row ${rowNumber} has more than ${LIMITS.cellsPerRow} cells`,
          ),
        );
        break;
      }
      const body = m.body;
      if (body === undefined) continue;
      const type = attr(attrs, 't');
      if (type === 's') {
        const index = Number(valueOf(body));
        const length = long.get(index);
        if (length !== undefined) {
          referenced.add(index);
          tooLong(sheet, rowNumber, inRow, address, length);
        }
        continue;
      }
      // exceljs leaves `_xHHHH_` in inline strings and formula results undecoded (and decodes entities
      // of the latter twice): their text is taken from here. Rich inline text it decodes itself.
      const plainInline = type === 'inlineStr' && !/<r\b/.test(body);
      const text = plainInline ? itemText(body) : type === 'str' ? decodeCellText(decodeXmlText(valueOf(body) ?? '')) : undefined;
      const length = text?.length ?? (body.length > MAX_CELL_TEXT ? itemText(body).length : 0);
      if (length > MAX_CELL_TEXT) tooLong(sheet, rowNumber, inRow, address, length);
      else if (text !== undefined && address !== undefined) own.set(address.toUpperCase(), text);
    }
    if (own.size > 0) texts.set(sheet, own);
    if (cells > LIMITS.cells) break;
  }
  if (long.size > referenced.size && !issues.some((i) => i.code === 'text_too_long')) {
    const [, length] = [...long].find(([k]) => !referenced.has(k)) ?? [0, 0];
    tooLong(SHARED_STRINGS, 1, 1, undefined, length);
  }
  return { issues, texts };
}

/** The row and column of an A1 address, when it is one. */
function addressRef(sheet: string, address: string): Partial<ReturnType<typeof cellRef>> {
  const m = /^([A-Za-z]{1,3})([0-9]{1,7})$/.exec(address);
  if (m === null) return {};
  const column = (m[1] ?? '').toUpperCase();
  const row = Number(m[2]);
  return { row, column, cell: `${sheet}!${column}${row}` };
}

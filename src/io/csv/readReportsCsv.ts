import { isCalendarDate, isYearMonth, type CalendarDate, type YearMonth } from '../../calendar/index.js';
import type { LocalizedText } from '../../errors.js';
import { safeParseAmount, type Amount } from '../../money/index.js';
import type { IssueCode } from '../../validation.js';
import { appendTo } from '../../_lib/append.js';
import { decodeText } from '../../_lib/decodeText.js';

/**
 * The code of a problem in a reports CSV file (CSV 问题代码): the document's {@link IssueCode}s plus the
 * file-level ones.
 *
 * @remarks
 * - `csv_encoding_gbk`: the file is GBK/GB18030 (Chinese Excel's default for "CSV"), not UTF-8;
 * - `csv_encoding`: the bytes are not UTF-8 or GBK/GB18030 text (UTF-16, with or without a byte-order mark, is named);
 * - `csv_syntax`: an unterminated quote, text after a closing quote, a value beyond the last column;
 * - `csv_header`: no header row, or two columns with the same meaning.
 *
 * @example
 * ```ts
 * const c: CsvIssueCode = 'csv_encoding_gbk';
 * ```
 * @category CSV
 */
export type CsvIssueCode = IssueCode | 'csv_encoding' | 'csv_encoding_gbk' | 'csv_syntax' | 'csv_header';

/**
 * One problem found in a CSV file (CSV 问题): where (row, column letter and cell address, as a spreadsheet
 * shows them; the header is row 1), what (a code) and a zh/en message.
 *
 * @example
 * ```ts
 * const i: CsvIssue = {
 *   code: 'invalid_month', row: 7, column: 'B', cell: 'B7',
 *   message: { zh: 'B7:月份无效:"2025-13"', en: 'B7: not a valid month: "2025-13"' },
 * };
 * ```
 * @category CSV
 */
export interface CsvIssue {
  /** 问题代码 — what kind of problem, stable and snake_case. */
  readonly code: CsvIssueCode;
  /** 行号 — the spreadsheet row (the header is row 1); absent for a problem of the whole file. */
  readonly row?: number;
  /** 列 — the column letter (`A`, `B`, … `AA`); absent for a problem of a whole row or file. */
  readonly column?: string;
  /** 单元格 — the cell address, e.g. `C7`; present when both row and column are. */
  readonly cell?: string;
  /** 说明 — the problem in Chinese and English, starting with the address. */
  readonly message: LocalizedText;
}

/**
 * A monthly report read from a CSV row (月报): the keys of a portfolio document's `reports[]` entry.
 *
 * @example
 * ```ts
 * const r = { month: '2025-09', submittedOn: '2025-10-08', investment: '1350.5', noProgress: false } as CsvReport;
 * ```
 * @category CSV
 */
export interface CsvReport {
  /** 报告月份 — `YYYY-MM`. */
  readonly month: YearMonth;
  /** 报送日期 — absent when the cell is empty. */
  readonly submittedOn?: CalendarDate;
  /** 本月完成投资 — the month's investment, a canonical decimal string in the document's unit. */
  readonly investment: Amount;
  /** 进展情况 — absent when the cell is empty. */
  readonly progress?: string;
  /** 无进展 — absent when the cell is empty. */
  readonly noProgress?: boolean;
}

/**
 * One data row of a reports CSV file (月报行): the project it belongs to and its report.
 *
 * @example
 * ```ts
 * const row = { row: 2, projectIdCell: 'A2', projectId: 'P-022', report: { month: '2025-09', investment: '1350.5' } } as ReportsCsvRow;
 * ```
 * @category CSV
 */
export interface ReportsCsvRow {
  /** 行号 — the spreadsheet row it came from (the header is row 1). */
  readonly row: number;
  /** The address of its project id cell, e.g. `A2`, for messages about the project. */
  readonly projectIdCell: string;
  /** 项目id — the project's `id` in the portfolio document. */
  readonly projectId: string;
  /** 月报 — the report. */
  readonly report: CsvReport;
}

/**
 * Options of {@link readReportsCsv}.
 * @example
 * ```ts
 * const o: ReadReportsCsvOptions = { year: 2025 };
 * ```
 * @category CSV
 */
export interface ReadReportsCsvOptions {
  /** 年度 — when given, a month of any other year is an `outside_year` issue. */
  readonly year?: number;
}

/**
 * Result of {@link readReportsCsv}: the rows and warnings, or every issue found.
 * @example
 * ```ts
 * const r: ReadReportsCsvResult = readReportsCsv(bytes);
 * if (!r.success) r.issues.map((i) => `${i.cell ?? ''} ${i.code}`);
 * ```
 * @category CSV
 */
export type ReadReportsCsvResult =
  | {
      /** The file is readable and every row valid. */
      readonly success: true;
      /** 月报行 — one per non-blank data row, in file order. */
      readonly rows: readonly ReportsCsvRow[];
      /** 警告 — unknown columns (ignored), reports without a submission date. */
      readonly warnings: readonly CsvIssue[];
    }
  | {
      /** Something is wrong. */
      readonly success: false;
      /** 错误 — every problem found, in file order. */
      readonly issues: readonly CsvIssue[];
      /** 警告 — found alongside. */
      readonly warnings: readonly CsvIssue[];
    };

/**
 * Result of {@link mergeReports}: the merged raw document, or the rows that could not be placed.
 * @example
 * ```ts
 * const m: MergeReportsResult = mergeReports(json, rows);
 * if (m.success) safeParsePortfolio(m.document);
 * ```
 * @category CSV
 */
export type MergeReportsResult =
  | {
      /** Every row found its project. */
      readonly success: true;
      /** 台账文档 — a copy of the input with the reports merged in, still unvalidated. */
      readonly document: unknown;
    }
  | {
      /** Some rows could not be placed. */
      readonly success: false;
      /** 错误 — every problem found. */
      readonly issues: readonly CsvIssue[];
    };

type Column = 'projectId' | 'month' | 'submittedOn' | 'investment' | 'progress' | 'noProgress';

// Chinese headers as the platforms' sheets name them, then the document's key names.
const HEADERS: Readonly<Record<Column, readonly [zh: string, en: string]>> = {
  projectId: ['项目id', 'projectId'],
  month: ['月份', 'month'],
  submittedOn: ['报送日期', 'submittedOn'],
  investment: ['本月完成投资', 'investment'],
  progress: ['进展情况', 'progress'],
  noProgress: ['无进展', 'noProgress'],
};
const REQUIRED: readonly Column[] = ['projectId', 'month', 'investment'];
const COLUMNS = Object.keys(HEADERS) as Column[];

function columnOf(header: string): Column | undefined {
  const h = header.trim().toLowerCase();
  return COLUMNS.find((c) => HEADERS[c].some((name) => name.toLowerCase() === h));
}

/** `0` → `A`, `25` → `Z`, `26` → `AA`. */
function letter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function at(code: CsvIssueCode, where: { readonly row?: number; readonly col?: number }, zh: string, en: string): CsvIssue {
  const column = where.col === undefined ? undefined : letter(where.col);
  const cell = column !== undefined && where.row !== undefined ? `${column}${where.row}` : undefined;
  const prefix = cell ?? (where.row !== undefined ? `第 ${where.row} 行` : '');
  const prefixEn = cell ?? (where.row !== undefined ? `row ${where.row}` : '');
  return {
    code,
    ...(where.row !== undefined && { row: where.row }),
    ...(column !== undefined && { column }),
    ...(cell !== undefined && { cell }),
    message: { zh: prefix ? `${prefix}:${zh}` : zh, en: prefixEn ? `${prefixEn}: ${en}` : en },
  };
}

const shown = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

// ---------------------------------------------------------------------------------------------------
// Encoding

const GBK_MESSAGE: LocalizedText = {
  zh:
    '文件不是 UTF-8 编码,看起来是 GBK/GB18030 编码(中文版 Excel 另存为"CSV(逗号分隔)"时的默认编码)。' +
    '请重新保存为 UTF-8:Excel 中选择"文件 → 另存为 → CSV UTF-8(逗号分隔)(*.csv)";WPS 或记事本中另存时将编码选为 UTF-8。',
  en:
    'the file is not UTF-8: it looks like GBK/GB18030, what Chinese Excel writes for "CSV (Comma delimited)". ' +
    'Re-save it as UTF-8: in Excel, File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)"; in WPS or Notepad, choose the encoding UTF-8 when saving.',
};

function decode(data: Uint8Array): { readonly text: string } | { readonly issue: CsvIssue } {
  const decoded = decodeText(data);
  if (decoded.ok) return { text: decoded.text };
  switch (decoded.encoding) {
    case 'gbk':
      return { issue: { code: 'csv_encoding_gbk', message: GBK_MESSAGE } };
    case 'utf16le':
    case 'utf16be':
      return {
        issue: at(
          'csv_encoding',
          {},
          '文件是 UTF-16 编码("Unicode 文本");请另存为"CSV UTF-8(逗号分隔)"',
          'the file is UTF-16 ("Unicode Text"); save it as "CSV UTF-8 (Comma delimited)"',
        ),
      };
    case 'unknown':
      return {
        issue: at(
          'csv_encoding',
          {},
          '文件既不是 UTF-8 也不是 GBK/GB18030 编码;请另存为"CSV UTF-8(逗号分隔)"',
          'the file is neither UTF-8 nor GBK/GB18030; save it as "CSV UTF-8 (Comma delimited)"',
        ),
      };
  }
}

// ---------------------------------------------------------------------------------------------------
// RFC 4180

interface CsvRecord {
  /** Spreadsheet row: 1 + the number of records before it, blank ones included. */
  readonly row: number;
  readonly cells: readonly string[];
  /** Columns whose field broke RFC 4180 (already reported): not read further. */
  readonly broken: ReadonlySet<number>;
}

/** Split RFC 4180 text into records: quoted fields, `""` escapes, CRLF, LF or CR, newlines inside quotes. */
function parseCsv(text: string, issues: CsvIssue[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let broken = new Set<number>();
  let row = 1;
  let i = 0;
  const n = text.length;
  const endRecord = (): void => {
    records.push({ row, cells, broken });
    cells = [];
    broken = new Set();
    row += 1;
  };
  while (i < n) {
    let value = '';
    if (text[i] === '"') {
      const col = cells.length;
      i += 1;
      let closed = false;
      while (i < n) {
        const q = text.indexOf('"', i);
        if (q < 0) break;
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          closed = true;
          break;
        }
      }
      if (!closed) {
        value += text.slice(i);
        i = n;
        broken.add(col);
        issues.push(
          at('csv_syntax', { row, col }, '引号未闭合(直到文件末尾)', 'the quoted field is never closed (runs to the end of the file)'),
        );
      } else if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        let end = i;
        while (end < n && text[end] !== ',' && text[end] !== '\r' && text[end] !== '\n') end += 1;
        broken.add(col);
        issues.push(
          at(
            'csv_syntax',
            { row, col },
            `闭合引号后还有文字 ${shown(text.slice(i, end))}`,
            `text after the closing quote: ${shown(text.slice(i, end))}`,
          ),
        );
        value += text.slice(i, end);
        i = end;
      }
    } else {
      let end = i;
      while (end < n && text[end] !== ',' && text[end] !== '\r' && text[end] !== '\n') end += 1;
      value = text.slice(i, end);
      i = end;
    }
    cells.push(value);
    const c = text[i];
    if (c === ',') {
      i += 1;
      if (i === n) {
        cells.push('');
        endRecord();
      }
    } else if (c === '\r' || c === '\n') {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
    } else {
      endRecord();
    }
  }
  return records;
}

// ---------------------------------------------------------------------------------------------------
// Cells

const pad2 = (s: string): string => (s.length === 1 ? `0${s}` : s);

function readMonth(raw: string): YearMonth | undefined {
  const m = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月)$/.exec(raw);
  if (!m) return undefined;
  const month = `${m[1] ?? ''}-${pad2(m[2] ?? m[3] ?? '')}`;
  return isYearMonth(month) ? month : undefined;
}

function readDate(raw: string): CalendarDate | undefined {
  const m = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/.exec(raw);
  if (!m) return undefined;
  const date = `${m[1] ?? ''}-${pad2(m[3] ?? m[5] ?? '')}-${pad2(m[4] ?? m[6] ?? '')}`;
  return isCalendarDate(date) ? date : undefined;
}

// Spreadsheets export formatted numbers with thousands separators ("1,350.5"); only that exact shape is unwrapped.
const GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

function readBoolean(raw: string): boolean | undefined {
  const v = raw.toLowerCase();
  if (v === '是' || v === 'true') return true;
  if (v === '否' || v === 'false') return false;
  return undefined;
}

function headerNames(c: Column): string {
  return `${HEADERS[c][0]}/${HEADERS[c][1]}`;
}

/**
 * Read monthly reports (月报) from a CSV file, as reporting platforms export the monthly sheet, checking
 * every cell and reporting **every** problem at once with its cell address.
 *
 * @remarks
 * Columns, in any order, by Chinese or English header (English case-insensitive): `项目id`/`projectId`,
 * `月份`/`month`, `报送日期`/`submittedOn`, `本月完成投资`/`investment`, `进展情况`/`progress`,
 * `无进展`/`noProgress` (`是`/`否`/`true`/`false`); the first, second and fourth are required. Other
 * columns are ignored with an `unknown_key` warning; blank rows are skipped.
 *
 * Months read `2025-09`, `2025-9`, `2025/9` or `2025年9月`; dates `2025-10-08`, `2025/10/8` or
 * `2025年10月8日` (how Chinese Excel writes them). Amounts are read as text through `safeParseAmount`,
 * never through a binary float; a spreadsheet's thousands separators (`1,350.5`) are removed first. The
 * unit is the document's.
 *
 * The file must be UTF-8 (with or without a byte order mark). A GBK/GB18030 file — Chinese Excel's
 * default "CSV (Comma delimited)" — is refused with `csv_encoding_gbk` and how to re-save it, rather
 * than read as mojibake; other bytes give `csv_encoding`. Parsing follows RFC 4180: quoted fields,
 * `""` inside quotes, CRLF or LF line ends, line breaks inside quoted fields.
 *
 * Issue codes: `csv_encoding_gbk`, `csv_encoding`, `csv_syntax`, `csv_header`, `missing_key` (a
 * required column or cell), `invalid_month`, `invalid_date`, `amount_grammar` (and the other amount
 * codes), `invalid_value` (`无进展`), `duplicate_month` (the same project and month twice),
 * `outside_year` (with `options.year`).
 *
 * @example
 * ```ts
 * const csv = '项目id,月份,报送日期,本月完成投资,进展情况\r\nP-022,2025-09,2025/10/8,"1,350.5","主体结构施工,完成 60%"\r\n';
 * const r = readReportsCsv(new TextEncoder().encode(csv), { year: 2025 });
 * r.success && r.rows[0];
 * //=> { row: 2, projectIdCell: 'A2', projectId: 'P-022',
 * //     report: { month: '2025-09', submittedOn: '2025-10-08', investment: '1350.5', progress: '主体结构施工,完成 60%' } }
 * ```
 * @category CSV
 */
export function readReportsCsv(data: Uint8Array, options: ReadReportsCsvOptions = {}): ReadReportsCsvResult {
  const decoded = decode(data);
  if ('issue' in decoded) return { success: false, issues: [decoded.issue], warnings: [] };
  const issues: CsvIssue[] = [];
  const warnings: CsvIssue[] = [];
  const records = parseCsv(decoded.text, issues).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...body] = records;
  if (!header) {
    return {
      success: false,
      issues: [...issues, at('csv_header', { row: 1 }, '没有表头行', 'there is no header row')],
      warnings,
    };
  }

  const index = new Map<Column, number>();
  header.cells.forEach((raw, col) => {
    if (raw.trim() === '') return;
    const c = columnOf(raw);
    if (c === undefined) {
      warnings.push(at('unknown_key', { row: header.row, col }, `未知的列 ${shown(raw)},已忽略`, `unknown column ${shown(raw)}, ignored`));
    } else if (index.has(c)) {
      const first = letter(index.get(c) ?? 0);
      issues.push(
        at(
          'csv_header',
          { row: header.row, col },
          `与 ${first} 列重复:${headerNames(c)}`,
          `the same column as ${first}: ${headerNames(c)}`,
        ),
      );
    } else {
      index.set(c, col);
    }
  });
  for (const c of REQUIRED) {
    if (!index.has(c)) issues.push(at('missing_key', { row: header.row }, `缺少列 ${headerNames(c)}`, `missing column ${headerNames(c)}`));
  }

  const rows: ReportsCsvRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells, broken } of body) {
    const rowIssues = issues.length;
    cells.forEach((value, col) => {
      if (col >= header.cells.length && value.trim() !== '') {
        issues.push(
          at('csv_syntax', { row, col }, `表头之外的值 ${shown(value)}`, `a value beyond the last header column: ${shown(value)}`),
        );
      }
    });
    const cell = (c: Column): { readonly value: string; readonly col: number } | undefined => {
      const col = index.get(c);
      return col === undefined || broken.has(col) ? undefined : { value: (cells[col] ?? '').trim(), col };
    };
    const required = (c: Column): { readonly value: string; readonly col: number } | undefined => {
      const x = cell(c);
      if (x && x.value === '') {
        issues.push(at('missing_key', { row, col: x.col }, `${HEADERS[c][0]}为空`, `${HEADERS[c][1]} is empty`));
        return undefined;
      }
      return x && x.value !== '' ? x : undefined;
    };

    const id = required('projectId');

    let month: YearMonth | undefined;
    const m = required('month');
    if (m) {
      month = readMonth(m.value);
      if (month === undefined) {
        issues.push(
          at(
            'invalid_month',
            { row, col: m.col },
            `月份无效:${shown(m.value)}(应为 2025-09)`,
            `not a valid month: ${shown(m.value)} (expected 2025-09)`,
          ),
        );
      } else if (options.year !== undefined && Number(month.slice(0, 4)) !== options.year) {
        issues.push(at('outside_year', { row, col: m.col }, `${month} 不在 ${options.year} 年内`, `${month} is not in ${options.year}`));
      }
    }

    let submittedOn: CalendarDate | undefined;
    const s = cell('submittedOn');
    if (s && s.value !== '') {
      submittedOn = readDate(s.value);
      if (submittedOn === undefined) {
        issues.push(at('invalid_date', { row, col: s.col }, `日期无效:${shown(s.value)}`, `not a valid date: ${shown(s.value)}`));
      }
    }

    let investment: Amount | undefined;
    const inv = required('investment');
    if (inv) {
      const parsed = safeParseAmount(GROUPED.test(inv.value) ? inv.value.replace(/,/g, '') : inv.value);
      if (parsed.success) investment = parsed.data;
      else {
        issues.push(
          at(
            parsed.code,
            { row, col: inv.col },
            `金额无效:${shown(inv.value)}(应为 1350.5 这样的十进制数)`,
            `not a valid amount: ${shown(inv.value)} (expected a decimal such as 1350.5)`,
          ),
        );
      }
    }

    const p = cell('progress');
    const progress = p && p.value !== '' ? p.value : undefined;

    let noProgress: boolean | undefined;
    const np = cell('noProgress');
    if (np && np.value !== '') {
      noProgress = readBoolean(np.value);
      if (noProgress === undefined) {
        issues.push(
          at(
            'invalid_value',
            { row, col: np.col },
            `应为"是"或"否":${shown(np.value)}`,
            `expected 是/否 or true/false: ${shown(np.value)}`,
          ),
        );
      }
    }

    if (id && month !== undefined && m) {
      const key = `${id.value}\u0000${month}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push(
          at(
            'duplicate_month',
            { row, col: m.col },
            `项目 ${id.value} 的 ${month} 月报与第 ${first} 行重复`,
            `project ${id.value} already has a ${month} report in row ${first}`,
          ),
        );
      } else seen.set(key, row);
    }

    if (issues.length === rowIssues && broken.size === 0 && id && month !== undefined && investment !== undefined) {
      if (submittedOn === undefined) {
        warnings.push(
          at(
            'report_without_date',
            s ? { row, col: s.col } : { row },
            `${month} 月报未填报送日期`,
            `the ${month} report has no submission date`,
          ),
        );
      }
      rows.push({
        row,
        projectIdCell: `${letter(id.col)}${row}`,
        projectId: id.value,
        report: {
          month,
          ...(submittedOn !== undefined && { submittedOn }),
          investment,
          ...(progress !== undefined && { progress }),
          ...(noProgress !== undefined && { noProgress }),
        },
      });
    }
  }
  if (issues.length > 0) return { success: false, issues: sortByPlace(issues), warnings: sortByPlace(warnings) };
  return { success: true, rows, warnings: sortByPlace(warnings) };
}

function columnNumber(column: string | undefined): number {
  if (column === undefined) return -1;
  let n = 0;
  for (const ch of column) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** File order: file-level first, then by row, then by column (whole-row problems before the row's cells). */
function sortByPlace(issues: readonly CsvIssue[]): CsvIssue[] {
  return [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || columnNumber(a.column) - columnNumber(b.column));
}

// ---------------------------------------------------------------------------------------------------
// Merge

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Put the reports read from a CSV file into a raw portfolio document (合并月报), ready for
 * `safeParsePortfolio` to validate.
 *
 * @remarks
 * Returns a copy; the input is never modified. Each row goes into the project whose `id` is its
 * `projectId`: it replaces that project's report of the same month, keeping the old report's `achieved`
 * (which a CSV cannot carry), or is appended. A row naming no project of the document is an
 * `unknown_reference` issue at its project id cell; the same project and month twice is
 * `duplicate_month`; a document without a `projects` list is `invalid_type`. Every other check (dates,
 * months of the year, references) is `safeParsePortfolio`'s.
 *
 * @example
 * ```ts
 * const merged = mergeReports(json, rows);
 * if (merged.success) {
 *   const parsed = safeParsePortfolio(merged.document);
 * } else {
 *   merged.issues.map((i) => `${i.cell} ${i.code}`); //=> ['A5 unknown_reference']
 * }
 * ```
 * @category CSV
 */
export function mergeReports(document: unknown, rows: readonly ReportsCsvRow[]): MergeReportsResult {
  const projects = isObject(document) ? document['projects'] : undefined;
  if (!isObject(document) || !Array.isArray(projects)) {
    return {
      success: false,
      issues: [
        {
          code: 'invalid_type',
          message: { zh: '文档不是带有 projects 列表的台账文档', en: 'the document is not a portfolio with a projects list' },
        },
      ],
    };
  }
  const list: readonly unknown[] = projects;
  const byId = new Map<string, number>();
  list.forEach((p, i) => {
    if (isObject(p) && typeof p['id'] === 'string' && !byId.has(p['id'])) byId.set(p['id'], i);
  });

  const issues: CsvIssue[] = [];
  const incoming = new Map<number, ReportsCsvRow[]>();
  const seen = new Map<string, number>();
  for (const r of rows) {
    const where = { row: r.row, column: /^[A-Z]*/.exec(r.projectIdCell)?.[0] ?? '', cell: r.projectIdCell };
    const i = byId.get(r.projectId);
    if (i === undefined) {
      issues.push({
        code: 'unknown_reference',
        ...where,
        message: {
          zh: `${r.projectIdCell}:文档中没有项目 ${shown(r.projectId)}`,
          en: `${r.projectIdCell}: the document has no project ${shown(r.projectId)}`,
        },
      });
      continue;
    }
    const key = `${r.projectId}\u0000${r.report.month}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        code: 'duplicate_month',
        ...where,
        message: {
          zh: `${r.projectIdCell}:项目 ${r.projectId} 的 ${r.report.month} 月报与第 ${first} 行重复`,
          en: `${r.projectIdCell}: project ${r.projectId} already has a ${r.report.month} report in row ${first}`,
        },
      });
      continue;
    }
    seen.set(key, r.row);
    appendTo(incoming, i, r);
  }
  if (issues.length > 0) return { success: false, issues: sortByPlace(issues) };

  const merged = list.map((p, i) => {
    const add = incoming.get(i);
    if (!add || !isObject(p)) return p;
    const reports: unknown[] = Array.isArray(p['reports']) ? [...(p['reports'] as readonly unknown[])] : [];
    for (const { report } of add) {
      const pos = reports.findIndex((old) => isObject(old) && old['month'] === report.month);
      if (pos < 0) reports.push({ ...report });
      else {
        const old = reports[pos];
        const achieved = isObject(old) ? old['achieved'] : undefined;
        reports[pos] = { ...report, ...(achieved !== undefined && { achieved }) };
      }
    }
    return { ...p, reports };
  });
  return { success: true, document: { ...document, projects: merged } };
}

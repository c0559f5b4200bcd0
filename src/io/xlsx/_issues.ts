// Problems of a workbook, located by cell: the reader's issues and the writers' refusals share one shape.
import { SansansanError } from '../../errors.js';
import { formatPath, type IssueCode, type ValidationIssue } from '../../validation.js';
import { columnLetter } from './_layout.js';

/**
 * The code of a {@link WorkbookIssue}: a document's issue code, or one of the workbook's own.
 *
 * @remarks
 * The workbook's own codes: `text_too_long` (a cell over Excel's 32 767 characters), `too_many_rows`
 * (a sheet over 100 000 data rows), `too_many_cells` (a row over 1 024 cells, or a workbook over
 * 2 000 000 cells), `workbook_too_large` (a part of the `.xlsx` package that inflates beyond its
 * limit, or too many parts), and, when writing only, `lone_surrogate` (half of a UTF-16 surrogate
 * pair, which no file can carry), `untrimmed_text` (text with surrounding white space, or empty, which
 * reads back trimmed) and `separator_in_id` (an id holding a list separator `,，、;；`, in a cell that
 * lists several ids).
 * @example
 * ```ts
 * const code: WorkbookIssueCode = 'text_too_long';
 * ```
 * @category Excel
 */
export type WorkbookIssueCode =
  | IssueCode
  | 'text_too_long'
  | 'too_many_rows'
  | 'too_many_cells'
  | 'workbook_too_large'
  | 'lone_surrogate'
  | 'untrimmed_text'
  | 'separator_in_id';

/**
 * A problem found in a ledger workbook (台账工作簿问题): a validation issue with the cell it comes from.
 *
 * @remarks
 * `path` and `segments` name the value of the portfolio document the cell fills (`$` when the row
 * could not be placed, such as a report of an unknown project); `cell` is what a person looks for in
 * Excel: sheet, `!`, column letters and row number. A problem of the `.xlsx` package itself (a part
 * too large) names the part (`xl/styles.xml`) as its sheet, at `A1`.
 * @example
 * ```ts
 * const i: WorkbookIssue = {
 *   path: '$.projects[0].reports[1].submittedOn',
 *   segments: ['projects', 0, 'reports', 1, 'submittedOn'],
 *   code: 'invalid_date',
 *   message: { zh: '日期无效，应为 YYYY-MM-DD："2025-02-30"', en: 'not a valid date, expected YYYY-MM-DD: "2025-02-30"' },
 *   sheet: '报账',
 *   row: 3,
 *   column: 'C',
 *   cell: '报账!C3',
 * };
 * ```
 * @category Excel
 */
export interface WorkbookIssue extends Omit<ValidationIssue, 'code'> {
  /** 问题代码 — a document's issue code or one of the workbook's own (see {@link WorkbookIssueCode}). */
  readonly code: WorkbookIssueCode;
  /** 工作表 — the sheet's name, e.g. `报账`. */
  readonly sheet: string;
  /** 行号 — the row number, 1-based as Excel shows it. */
  readonly row: number;
  /** 列 — the column letters, e.g. `C`. */
  readonly column: string;
  /** 单元格 — the cell address with its sheet, e.g. `报账!C3`. */
  readonly cell: string;
}

/**
 * A workbook could not be written (无法写出工作簿): every value the workbook cannot carry, each at the
 * cell it would fill and the path of the value, all found before anything is written.
 *
 * @remarks
 * `code` is always `unwritable_workbook`; `text` lists the first problems, so a message alone is
 * useful; `issues` holds them all.
 * @example
 * ```ts
 * try {
 *   await writeLedgerWorkbook(portfolio);
 * } catch (e) {
 *   if (e instanceof WorkbookError) e.issues.map((i) => `${i.cell} ${i.code}`); //=> ['项目!B2 text_too_long']
 * }
 * ```
 * @category Excel
 */
export class WorkbookError extends SansansanError {
  /** Every problem, in sheet and row order. */
  readonly issues: readonly WorkbookIssue[];

  constructor(issues: readonly WorkbookIssue[]) {
    const shown = issues.slice(0, 10);
    const more = issues.length - shown.length;
    const list = (lang: 'zh' | 'en'): string =>
      shown.map((i) => `\n  ${i.cell} ${i.path} [${i.code}] ${i.message[lang]}`).join('') +
      (more > 0 ? (lang === 'zh' ? `\n  另有 ${more} 处` : `\n  and ${more} more`) : '');
    super('unwritable_workbook', {
      zh: `无法写出工作簿：${issues.length} 处内容 Excel 无法保存${list('zh')}`,
      en: `cannot write the workbook: ${issues.length} value${issues.length === 1 ? '' : 's'} Excel cannot hold${list('en')}`,
    });
    this.name = 'WorkbookError';
    this.issues = issues;
  }
}

/** Where a value stands in a workbook. */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly cell: string;
}

/** The reference of a cell by row and column number. */
export function cellRef(sheet: string, row: number, col: number): CellRef {
  const column = columnLetter(col);
  return { sheet, row, column, cell: `${sheet}!${column}${row}` };
}

/** An issue at a cell. */
export function workbookIssue(
  ref: CellRef,
  segments: readonly (string | number)[],
  code: WorkbookIssueCode,
  zh: string,
  en: string,
): WorkbookIssue {
  return { path: formatPath(segments), segments, code, message: { zh, en }, ...ref };
}

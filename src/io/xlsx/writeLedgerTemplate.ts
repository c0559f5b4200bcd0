import type { MoneyUnit } from '../../money/index.js';
import { PORTFOLIO_FORMAT } from '../../portfolio/index.js';
import { loadExcelJS } from './_exceljs.js';
import { buildLedgerBook, workbookBytes } from './_ledgerBook.js';

/**
 * Options of {@link writeLedgerTemplate}.
 * @example
 * ```ts
 * const o: WriteLedgerTemplateOptions = { year: 2026, unit: '万元' };
 * ```
 * @category Excel
 */
export interface WriteLedgerTemplateOptions {
  /** 年度 — filled into 基本信息; left blank when absent. */
  readonly year?: number;
  /** 金额单位 — filled into 基本信息 (default 万元). */
  readonly unit?: MoneyUnit;
}

/**
 * The empty ledger workbook to fill in (台账模板), as `.xlsx` bytes.
 *
 * @remarks
 * Sheets, each with a frozen header row: `说明` (instructions in Chinese and English, one line per
 * column), `基本信息` (格式版本, 年度, 金额单位, 城市), `市领导`, `责任部门`, `项目`, `台账` (one row per
 * project, 1月…12月 of planned investment), `报账`, `节点` and `调度`. Required headers are red; id,
 * text, date and month columns are formatted as text so that Excel keeps `2025-03` and `001` as typed;
 * enumerations and 是/否 columns carry drop-down lists. {@link readLedgerWorkbook} reads it back.
 *
 * @throws `SansansanError` `missing_peer_dependency` when the optional peer dependency exceljs is not installed.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('ledger.xlsx', await writeLedgerTemplate({ year: 2026 }));
 * ```
 * @category Excel
 */
export async function writeLedgerTemplate(options: WriteLedgerTemplateOptions = {}): Promise<Uint8Array> {
  const wb = buildLedgerBook(loadExcelJS(), { year: options.year, unit: options.unit ?? '万元', city: undefined }, PORTFOLIO_FORMAT);
  return workbookBytes(wb);
}

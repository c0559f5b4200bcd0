import type { Portfolio } from '../../portfolio/index.js';
import { loadExcelJS } from './_exceljs.js';
import { buildLedgerBook, workbookBytes } from './_ledgerBook.js';

/**
 * A portfolio as a filled ledger workbook (导出台账), as `.xlsx` bytes: the template of
 * {@link writeLedgerTemplate} with the portfolio's records.
 *
 * @remarks
 * Carries the year, unit and city; leaders; departments; per project its particulars, annual plan,
 * ledger submission date, monthly ledger amounts, reports (month, date, investment, progress, no
 * progress) and milestones; and the meetings. It does **not** carry a project's `changes`,
 * `directives`, `stalls`, `incidents`, the `workload` and `procedures` of ledger months, the
 * `achieved` map of reports, the top-level `escalations`, `bureauReviews`, `notifications`,
 * `interviewRequests` and `overrides`, nor unknown keys. {@link readLedgerWorkbook} of the result gives
 * back the same portfolio on the keys it carries (ledger months in calendar order; an empty
 * `projectIds` list comes back absent).
 *
 * An amount is written as a number when the number prints back as exactly that decimal
 * (`String(Number(a)) === a`), else as text, so no digit is lost. Dates and months are written as text.
 *
 * Text comes back exactly: characters XML cannot carry (control characters, CR, U+FFFE, U+FFFF) are
 * stored with OOXML's `_xHHHH_` escape, and a literal `_xHHHH_` as `_x005F_xHHHH_`. What the workbook
 * cannot carry, or would not give back, is refused before anything is written, every problem at once:
 * a lone surrogate (`lone_surrogate`), a text over Excel's 32 767 characters (`text_too_long`), a text
 * with surrounding white space or empty, which importing trims (`untrimmed_text`), an id holding a
 * list separator `,，、;；` in a cell that lists several ids (`separator_in_id`), and a sheet over the
 * 100 000 data rows an import reads (`too_many_rows`).
 *
 * @throws `WorkbookError` `unwritable_workbook` (a `SansansanError`) when the workbook cannot carry
 * the portfolio; its `issues` give each problem's cell (`项目!B2`) and document path
 * (`$.projects[0].name`).
 * @throws `SansansanError` `missing_peer_dependency` when the optional peer dependency exceljs is not installed.
 * @example
 * ```ts
 * const bytes = await writeLedgerWorkbook(parsePortfolio(json));
 * (await readLedgerWorkbook(bytes)).success; //=> true
 * ```
 * @category Excel
 */
export async function writeLedgerWorkbook(portfolio: Portfolio): Promise<Uint8Array> {
  const wb = buildLedgerBook(
    loadExcelJS(),
    { year: portfolio.year, unit: portfolio.unit, city: portfolio.city },
    portfolio.format,
    portfolio,
  );
  return workbookBytes(wb);
}

/**
 * Excel workbooks (Excel 台账与评价表): the ledger template to fill in, filled ledgers read back into a
 * portfolio with every problem located by cell, and an evaluation as a workbook for people.
 *
 * Needs the optional peer dependency exceljs (`npm install exceljs@4`); importing this subpath without
 * it throws a `SansansanError` with the code `missing_peer_dependency`. Node only.
 *
 * @packageDocumentation
 */
import { loadExcelJS } from './_exceljs.js';

// Load the optional peer dependency now, so that importing the subpath without it fails with a clear message.
loadExcelJS();

export { writeLedgerTemplate } from './writeLedgerTemplate.js';
export type { WriteLedgerTemplateOptions } from './writeLedgerTemplate.js';
export { writeLedgerWorkbook } from './writeLedgerWorkbook.js';
export { readLedgerWorkbook } from './readLedgerWorkbook.js';
export type { ReadLedgerWorkbookResult } from './readLedgerWorkbook.js';
export { WorkbookError } from './_issues.js';
export type { WorkbookIssue, WorkbookIssueCode } from './_issues.js';
export { writeEvaluationWorkbook } from './writeEvaluationWorkbook.js';

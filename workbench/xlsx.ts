// The workbook chunk: loaded after exceljs, only when a workbook is opened or written.
import { readLedgerWorkbook, writeEvaluationWorkbook } from '../src/io/xlsx/index.js';

(globalThis as { SansansanXlsx?: unknown }).SansansanXlsx = { readLedgerWorkbook, writeEvaluationWorkbook };

import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { SansansanError } from '../../errors.js';

/** The exceljs module as its types describe it. */
export type ExcelJSModule = typeof ExcelJS;

const require = createRequire(import.meta.url);
let loaded: ExcelJSModule | undefined;

/**
 * The optional peer dependency exceljs, loaded once, synchronously (the core never imports it).
 * @throws `SansansanError` `missing_peer_dependency` when exceljs is not installed.
 */
export function loadExcelJS(): ExcelJSModule {
  if (loaded !== undefined) return loaded;
  try {
    loaded = require('exceljs') as ExcelJSModule;
  } catch {
    throw new SansansanError('missing_peer_dependency', {
      zh: 'sansansan/xlsx 需要可选依赖 exceljs,请先安装:npm install exceljs@4',
      en: 'sansansan/xlsx needs the optional peer dependency exceljs: npm install exceljs@4',
    });
  }
  return loaded;
}

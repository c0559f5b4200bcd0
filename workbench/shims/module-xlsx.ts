// `node:module` in the workbook chunk: exceljs is the script loaded just before it (global `ExcelJS`).
export function createRequire(_from: string): (id: string) => unknown {
  return (id) => {
    const excel = (globalThis as { ExcelJS?: unknown }).ExcelJS;
    if (id === 'exceljs' && excel !== undefined) return excel;
    throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
  };
}

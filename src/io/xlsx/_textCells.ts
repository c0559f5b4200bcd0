// Writing text into cells: every value checked against what the workbook can carry, then escaped.
import type ExcelJS from 'exceljs';
import { cellRef, WorkbookError, workbookIssue, type CellRef, type WorkbookIssue } from './_issues.js';
import { encodeCellText, hasLoneSurrogate, loneSurrogateAt, MAX_CELL_TEXT } from './_ooxmlText.js';

type Segments = readonly (string | number)[];

/** The separators of a cell listing several ids, as the reader splits them. */
export const ID_SEPARATORS: RegExp = /[,，、;；]/;

/** Data rows a sheet may hold: the reader's bound, far beyond any real ledger. */
export const MAX_DATA_ROWS = 100_000;

const excerpt = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Collects what a workbook cannot carry while its cells are prepared; nothing is written while any remain. */
export class TextCells {
  readonly issues: WorkbookIssue[] = [];

  /**
   * The text to store for `text` at `ref`, escaped for OOXML; records an issue (and returns null) when
   * the cell cannot carry it. With `readBack`, text the reader would change (trimmed) is refused too.
   */
  put(text: string, ref: CellRef, segments: Segments, readBack: boolean): string | null {
    if (hasLoneSurrogate(text)) {
      const at = loneSurrogateAt(text);
      this.issues.push(
        workbookIssue(
          ref,
          segments,
          'lone_surrogate',
          `文字在第 ${at + 1} 个字符处含有不成对的代理项（U+D800—U+DFFF），Excel 文件无法保存`,
          `the text holds a lone surrogate (U+D800–U+DFFF) at character ${at + 1}, which no workbook can hold`,
        ),
      );
      return null;
    }
    if (text.length > MAX_CELL_TEXT) {
      this.issues.push(
        workbookIssue(
          ref,
          segments,
          'text_too_long',
          `文字有 ${text.length} 个字符，超过 Excel 单元格上限 ${MAX_CELL_TEXT}`,
          `the text has ${text.length} characters, more than the ${MAX_CELL_TEXT} an Excel cell holds`,
        ),
      );
      return null;
    }
    if (readBack && (text === '' || text.trim() !== text)) {
      this.issues.push(
        workbookIssue(
          ref,
          segments,
          'untrimmed_text',
          `文字${text === '' ? '为空' : '首尾有空白'}，导入时会被去除：${excerpt(text)}`,
          `the text ${text === '' ? 'is empty' : 'has surrounding white space'}, which importing removes: ${excerpt(text)}`,
        ),
      );
      return null;
    }
    return encodeCellText(text);
  }

  /** Several ids in one cell, comma-separated; an id holding a separator is refused. */
  ids(ids: readonly string[], ref: CellRef, segments: Segments): string | null {
    if (ids.length === 0) return null;
    const out: string[] = [];
    ids.forEach((id, j) => {
      if (ID_SEPARATORS.test(id)) {
        this.issues.push(
          workbookIssue(
            ref,
            [...segments, j],
            'separator_in_id',
            `id ${excerpt(id)} 含有分隔符（, ， 、 ; ；），同一单元格中的多个 id 无法区分`,
            `the id ${excerpt(id)} holds a separator (, ， 、 ; ；), so it cannot share a cell with other ids`,
          ),
        );
        return;
      }
      const t = this.put(id, ref, [...segments, j], true);
      if (t !== null) out.push(t);
    });
    return out.join(',');
  }

  /** A sheet over the reader's bound of data rows. */
  rows(sheet: string, count: number, segments: Segments): void {
    if (count <= MAX_DATA_ROWS) return;
    this.issues.push(
      workbookIssue(
        cellRef(sheet, MAX_DATA_ROWS + 2, 1),
        segments,
        'too_many_rows',
        `工作表"${sheet}"有 ${count} 行数据，超过导入上限 ${MAX_DATA_ROWS} 行`,
        `the sheet "${sheet}" has ${count} data rows, more than the ${MAX_DATA_ROWS} an import reads`,
      ),
    );
  }

  /** Throws the problems found, if any. */
  check(): void {
    if (this.issues.length > 0) throw new WorkbookError(this.issues);
  }
}

/**
 * Every text cell of a built workbook checked and escaped in place (merged cells once, at their
 * master); for workbooks that are not read back, so surrounding white space is kept.
 */
export function encodeWorkbookText(wb: ExcelJS.Workbook, cells: TextCells): void {
  for (const ws of wb.worksheets) {
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        if (typeof cell.value !== 'string' || (cell.isMerged && cell.master !== cell)) return;
        cell.value = cells.put(cell.value, cellRef(ws.name, r, c), [], false);
      });
    });
  }
}

import type ExcelJS from 'exceljs';
import type { Evaluation } from '../../evaluate.js';
import { RULES } from '../../findings/index.js';
import { safeParseAmount } from '../../money/index.js';
import {
  ACCOUNTABILITY_SEVERITY_ZH,
  chineseMonth,
  chinesePeriod,
  chineseQuarter,
  colourHex,
  colourLabel,
  complianceDetail,
  complianceSubject,
  COMPLIANCE_KIND_ZH,
  DASH,
  departmentName,
  EXCLUSION_ZH,
  projectName,
  reasonsOf,
  ruleLabel,
} from '../../render/_text.js';
import { loadExcelJS } from './_exceljs.js';
import { workbookBytes } from './_ledgerBook.js';
import { encodeWorkbookText, TextCells } from './_textCells.js';

type Value = ExcelJS.CellValue;

interface Column {
  readonly header: string;
  readonly width: number;
  /** Number format of the column's numbers. */
  readonly numFmt?: string;
}

const PCT = '0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const BOTTOM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } };
const WRAP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

/** A decimal string as a cell: a number when the number prints back as the same value, else the text; null stays empty. */
function numberCell(s: string | number | null): Value {
  if (s === null || typeof s === 'number') return s;
  const canonical = safeParseAmount(s);
  if (!canonical.success) return s;
  const n = Number(canonical.data);
  return String(n) === canonical.data ? n : s;
}

/** A solid fill of a colour of the scale, with a legible font on it. */
function paint(cell: ExcelJS.Cell, hex: string | undefined): void {
  if (hex === undefined) return;
  const rgb = hex.slice(1).toUpperCase();
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } };
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255) as [number, number, number];
  // Relative luminance (sRGB, approximated): dark fills get white text.
  const light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5;
  cell.font = { bold: true, color: { argb: light ? 'FF000000' : 'FFFFFFFF' } };
  cell.alignment = { horizontal: 'center', vertical: 'top' };
}

function headerRow(ws: ExcelJS.Worksheet, columns: readonly Column[]): ExcelJS.Row {
  const row = ws.addRow(columns.map((c) => c.header));
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  return row;
}

function titleRow(ws: ExcelJS.Worksheet, text: string, width: number): void {
  const row = ws.addRow([text]);
  row.font = { bold: true, size: 13 };
  ws.mergeCells(row.number, 1, row.number, width);
}

/** A sheet with a title row, a header row (both frozen) and one row per record. */
function tableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: readonly Column[],
  rows: readonly (readonly Value[])[],
  empty: string,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  titleRow(ws, title, columns.length);
  headerRow(ws, columns);
  if (rows.length === 0) ws.addRow([empty]);
  for (const values of rows) {
    const row = ws.addRow([...values]);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.numFmt !== undefined && typeof cell.value === 'number') cell.numFmt = c.numFmt;
      else if (typeof cell.value === 'string') cell.alignment = WRAP;
    });
  }
  return ws;
}

function heading(e: Evaluation, what: string): string {
  const month = e.month === null ? '无评价月份' : `评价月份 ${chineseMonth(e.month)}`;
  return `${e.city ?? ''}${e.year}年市本级政府投资项目${what}（${month}，评价日期 ${e.asOf}，金额单位 ${e.unit}）`;
}

function coloursSheet(wb: ExcelJS.Workbook, e: Evaluation): void {
  const u = e.unit;
  const columns: readonly Column[] = [
    { header: '项目编号', width: 10 },
    { header: '项目名称', width: 28 },
    { header: '责任部门', width: 18 },
    { header: '颜色', width: 7 },
    { header: '计算颜色', width: 9 },
    { header: `年度计划投资(${u})`, width: 14 },
    { header: `序时计划投资(${u})`, width: 14 },
    { header: `累计完成投资(${u})`, width: 14 },
    { header: '序时进度(%)', width: 11, numFmt: PCT },
    { header: '投资完成进度(%)', width: 11, numFmt: PCT },
    { header: '落后序时进度(百分点)', width: 12, numFmt: PCT },
    { header: '连续无进度月数', width: 9 },
    { header: `月均完成(${u})`, width: 13 },
    { header: `剩余月均需完成(${u})`, width: 14 },
    { header: `预计年底完成(${u})`, width: 14 },
    { header: '说明', width: 60 },
  ];
  const ws = tableSheet(
    wb,
    '四色评价',
    heading(e, '四色评价'),
    columns,
    e.projects.map((p) => [
      p.projectId,
      p.name,
      departmentName(e, p.departmentId),
      colourLabel(e, p.colour),
      colourLabel(e, p.computedColour),
      numberCell(p.annualPlan),
      numberCell(p.plannedToDate),
      numberCell(p.completedToDate),
      numberCell(p.schedulePct),
      numberCell(p.progressPct),
      numberCell(p.lagPp),
      p.stallRun,
      numberCell(p.forecast.runRate),
      numberCell(p.forecast.requiredMonthly),
      numberCell(p.forecast.projectedYearEnd),
      reasonsOf(p).join('；'),
    ]),
    '没有项目',
  );
  e.projects.forEach((p, i) => {
    const row = ws.getRow(i + 3);
    paint(row.getCell(4), colourHex(e, p.colour));
    paint(row.getCell(5), colourHex(e, p.computedColour));
  });
}

function rankingSheet(wb: ExcelJS.Workbook, e: Evaluation): void {
  const u = e.unit;
  const columns: readonly Column[] = [
    { header: '排名', width: 7 },
    { header: '责任部门', width: 22 },
    { header: `计划投资(${u})`, width: 14 },
    { header: `完成投资(${u})`, width: 14 },
    { header: '完成计划投资率(%)', width: 14, numFmt: PCT },
    { header: '后三位', width: 8 },
    { header: '说明', width: 24 },
  ];
  const ws = wb.addWorksheet('季度排名');
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  titleRow(ws, heading(e, '季度完成计划投资率排名'), columns.length);
  if (e.notifications.length === 0) ws.addRow(['尚无可排名的季度']);
  for (const n of e.notifications) {
    ws.addRow([]);
    titleRow(ws, `${chineseQuarter(n.quarter)}（${n.quarter}）`, columns.length);
    headerRow(ws, columns);
    for (const r of n.ranking) {
      const bottom = n.bottom.includes(r.departmentId);
      const row = ws.addRow([
        r.rank,
        departmentName(e, r.departmentId),
        numberCell(r.planned),
        numberCell(r.completed),
        numberCell(r.ratePct),
        bottom ? '是' : '',
        bottom ? '后三位，发提醒函' : '',
      ]);
      if (typeof row.getCell(5).value === 'number') row.getCell(5).numFmt = PCT;
      if (bottom) {
        row.eachCell((cell) => {
          cell.fill = BOTTOM_FILL;
        });
        row.getCell(6).font = { bold: true, color: { argb: 'FFC62828' } };
      }
    }
    for (const x of n.excluded) {
      ws.addRow([DASH, departmentName(e, x.departmentId), null, null, null, '', `未参加排名：${EXCLUSION_ZH[x.reason]}`]);
    }
  }
}

function interviewSheet(wb: ExcelJS.Workbook, e: Evaluation): void {
  tableSheet(
    wb,
    '约谈',
    heading(e, '约谈情形'),
    [
      { header: '责任部门', width: 20 },
      { header: '条款', width: 40 },
      { header: '项目', width: 28 },
      { header: '情况', width: 70 },
    ],
    e.interviews.flatMap((c) =>
      c.triggers.map((t) => [
        departmentName(e, c.departmentId),
        ruleLabel(t.rule),
        t.projectId === undefined ? DASH : `${projectName(e, t.projectId)}（${t.projectId}）`,
        t.message.zh,
      ]),
    ),
    '没有约谈情形',
  );
}

function accountabilitySheet(wb: ExcelJS.Workbook, e: Evaluation): void {
  tableSheet(
    wb,
    '问责',
    heading(e, '问责建议（仅供参考）'),
    [
      { header: '责任部门', width: 20 },
      { header: '建议情节', width: 10 },
      { header: '问责情形', width: 70 },
      { header: '涉及项目', width: 36 },
    ],
    e.accountability.map((c) => [
      departmentName(e, c.departmentId),
      ACCOUNTABILITY_SEVERITY_ZH[c.severity],
      c.grounds.map((g) => g.message.zh).join('；'),
      c.projectIds.map((id) => `${projectName(e, id)}（${id}）`).join('、'),
    ]),
    '没有问责建议',
  );
}

function complianceSheet(wb: ExcelJS.Workbook, e: Evaluation): void {
  tableSheet(
    wb,
    '合规',
    heading(e, '履职合规问题'),
    [
      { header: '条款', width: 10 },
      { header: '问题类型', width: 24 },
      { header: '对象', width: 24 },
      { header: '期间', width: 14 },
      { header: '情况', width: 50 },
      { header: '依据', width: 50 },
    ],
    e.compliance.map((c) => [
      `${RULES[c.rule].clause}（${c.rule}）`,
      COMPLIANCE_KIND_ZH[c.kind],
      complianceSubject(e, c),
      chinesePeriod(c.period),
      complianceDetail(c),
      JSON.stringify(c.evidence),
    ]),
    '没有合规问题',
  );
}

/**
 * An evaluation as a workbook for people (评价结果工作簿), as `.xlsx` bytes.
 *
 * @remarks
 * Sheets: `四色评价` (one row per project with its amounts, percentages and forecast; the colour cell
 * shows the colour's Chinese label, filled with the colour of the policy's scale), `季度排名` (one block
 * per ranked quarter: rank, department, planned, completed, 完成计划投资率, the bottom three marked
 * 后三位 and shaded; departments left out at the end), `约谈` (department, clause, project, what
 * happened), `问责` (department, suggested severity, grounds, projects) and `合规` (clause, kind,
 * subject, period, what the records show and the evidence as JSON). Each sheet opens with a title
 * naming the evaluated month, the day of the evaluation and the money unit. Numbers are written as
 * numbers when exact, else as the evaluation's decimal text; nothing is recomputed.
 *
 * Text is stored with OOXML's `_xHHHH_` escape where XML cannot carry a character (control
 * characters, CR, U+FFFE, U+FFFF) and `_x005F_` before a literal `_xHHHH_`, so Excel shows it as given.
 *
 * @throws `WorkbookError` `unwritable_workbook` (a `SansansanError`) when a text cannot be stored — it
 * holds a lone surrogate (`lone_surrogate`) or more than 32 767 characters (`text_too_long`); its
 * `issues` name each cell. Nothing is written.
 * @throws `SansansanError` `missing_peer_dependency` when the optional peer dependency exceljs is not installed.
 * @example
 * ```ts
 * const bytes = await writeEvaluationWorkbook(evaluate(portfolio, { asOf: '2025-10-15' }));
 * writeFileSync('evaluation.xlsx', bytes);
 * ```
 * @category Excel
 */
export async function writeEvaluationWorkbook(evaluation: Evaluation): Promise<Uint8Array> {
  const wb = new (loadExcelJS().Workbook)();
  wb.creator = 'sansansan';
  coloursSheet(wb, evaluation);
  rankingSheet(wb, evaluation);
  interviewSheet(wb, evaluation);
  accountabilitySheet(wb, evaluation);
  complianceSheet(wb, evaluation);
  const cells = new TextCells();
  encodeWorkbookText(wb, cells);
  cells.check();
  return workbookBytes(wb);
}

// Build the ledger workbook (台账模板): the sheets, headers, formats and drop-down lists, with or without data.
import type ExcelJS from 'exceljs';
import type { MoneyUnit } from '../../money/index.js';
import type { Portfolio } from '../../portfolio/index.js';
import type { ExcelJSModule } from './_exceljs.js';
import { cellRef } from './_issues.js';
import {
  columnLetter,
  enumText,
  GUIDE_SHEET,
  INFO_ROWS,
  INFO_SHEET,
  LEDGER,
  LEADERS,
  DEPARTMENTS,
  listFormula,
  MEETINGS,
  ACHIEVEMENTS,
  STALLS,
  OVERRIDES,
  MILESTONES,
  MONEY_UNIT,
  NO,
  PROJECTS,
  RECORD_SHEETS,
  SHEET_LIST,
  REPORTS,
  YES,
  type ColumnDef,
  type SheetDef,
} from './_layout.js';
import { MAX_DATA_ROWS, TextCells } from './_textCells.js';

/** What the 基本信息 sheet says. */
export interface LedgerBookInfo {
  /** 年度, or blank. */
  readonly year: number | undefined;
  /** 金额单位, or blank (= 万元). */
  readonly unit: MoneyUnit | undefined;
  /** 城市, or blank. */
  readonly city: string | undefined;
}

type Segments = readonly (string | number)[];

/** One record of a sheet: its cells by column key, and where each value stands in the document. */
interface Row {
  readonly values: Readonly<Record<string, ExcelJS.CellValue>>;
  /** The ids of an `ids` column, by column key. */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
  /** The document path of a column's value. */
  readonly at: (key: string) => Segments;
}

// exceljs keeps range validations in `worksheet.dataValidations`, which its type declarations leave out.
interface WithDataValidations {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** Rows a drop-down list covers at least: room for a year of records. */
const VALIDATED_ROWS = 1000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };
const OPTIONAL_FONT: Partial<ExcelJS.Font> = { bold: true };

// Text format keeps Excel from turning typed ids, dates and months into numbers or dates.
const isTextual = (c: ColumnDef): boolean => c.kind !== 'amount' && c.kind !== 'bool' && c.kind !== 'enum';

/** An amount as a cell: a number when the number prints back as exactly this decimal, else the text. */
export function amountCell(a: string | undefined): number | string | null {
  if (a === undefined) return null;
  const n = Number(a);
  return String(n) === a ? n : a;
}

const boolCell = (b: boolean | undefined): string | null => (b === undefined ? null : b ? YES : NO);

function styleHeader(row: ExcelJS.Row, required: (col: number) => boolean): void {
  row.eachCell((cell, col) => {
    cell.font = required(col) ? REQUIRED_FONT : OPTIONAL_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  row.height = 22;
}

function addValidation(ws: ExcelJS.Worksheet, address: string, validation: ExcelJS.DataValidation): void {
  (ws as unknown as WithDataValidations).dataValidations.add(address, validation);
}

function listValidation(def: ColumnDef): ExcelJS.DataValidation | undefined {
  if (def.kind === 'bool') {
    return {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula([YES, NO])],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: def.header,
      error: `请填"${YES}"或"${NO}" · ${YES} (yes) or ${NO} (no)`,
    };
  }
  if (def.kind === 'enum' && def.enumDef !== undefined) {
    const text = enumText(def.enumDef);
    return {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(def.enumDef.values)],
      showInputMessage: true,
      promptTitle: def.header,
      prompt: text,
      // A warning, not a stop: the Chinese labels are accepted on import too.
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: def.header,
      error: text,
    };
  }
  return undefined;
}

function recordSheet(wb: ExcelJS.Workbook, def: SheetDef, rows: readonly Row[], cells: TextCells, segments: Segments): void {
  const ws = wb.addWorksheet(def.name, {
    views: [{ state: 'frozen', xSplit: def.frozenColumns, ySplit: 1 }],
  });
  ws.columns = def.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: isTextual(c) ? { numFmt: '@' } : {},
  }));
  styleHeader(ws.getRow(1), (col) => def.columns[col - 1]?.required === true);
  cells.rows(def.name, rows.length, segments);
  if (rows.length > MAX_DATA_ROWS) return;
  rows.forEach((r, i) => {
    const out: Record<string, ExcelJS.CellValue> = {};
    def.columns.forEach((c, j) => {
      const ref = cellRef(def.name, i + 2, j + 1);
      const v = r.values[c.key];
      if (c.kind === 'ids') out[c.key] = cells.ids(r.lists?.[c.key] ?? [], ref, r.at(c.key));
      else out[c.key] = typeof v === 'string' ? cells.put(v, ref, r.at(c.key), true) : (v ?? null);
    });
    ws.addRow(out);
  });
  const last = Math.max(VALIDATED_ROWS, rows.length + 1 + 500);
  def.columns.forEach((c, i) => {
    const v = listValidation(c);
    const letter = columnLetter(i + 1);
    if (v !== undefined) addValidation(ws, `${letter}2:${letter}${last}`, v);
  });
}

function infoSheet(wb: ExcelJS.Workbook, info: LedgerBookInfo, format: string, cells: TextCells): void {
  const ws = wb.addWorksheet(INFO_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '字段', key: 'label', width: 14 },
    { header: '内容', key: 'value', width: 26 },
    { header: '说明', key: 'zh', width: 30 },
    { header: 'Notes', key: 'note', width: 34 },
  ];
  styleHeader(ws.getRow(1), (col) => col <= 2);
  const values: Readonly<Record<(typeof INFO_ROWS)[number]['key'], ExcelJS.CellValue>> = {
    format,
    year: info.year ?? null,
    unit: info.unit ?? null,
    city:
      info.city === undefined
        ? null
        : cells.put(info.city, cellRef(INFO_SHEET, INFO_ROWS.findIndex((r) => r.key === 'city') + 2, 2), ['city'], true),
  };
  for (const r of INFO_ROWS) {
    const row = ws.addRow({ label: r.label, value: values[r.key], zh: r.zh, note: r.note });
    const label = row.getCell(1);
    label.font = r.required ? REQUIRED_FONT : OPTIONAL_FONT;
    if (r.key === 'format' || r.key === 'city') row.getCell(2).numFmt = '@';
    const address = row.getCell(2).address;
    if (r.key === 'unit') {
      addValidation(ws, address, {
        type: 'list',
        allowBlank: true,
        formulae: [listFormula(MONEY_UNIT.values)],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: r.label,
        error: '元、万元或亿元 · 元, 万元 or 亿元',
      });
    }
    if (r.key === 'year') {
      addValidation(ws, address, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [1000, 9998],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: r.label,
        error: '四位年份，如 2025 · a four-digit year such as 2025',
      });
    }
  }
}

const GENERAL: readonly (readonly [string, string])[] = [
  [
    '本工作簿是 sansansan 台账文档（sansansan/portfolio@1）可用表格填写的部分：基本信息、市领导、责任部门、项目、台账、报账、节点、调度。',
    'This workbook holds the part of a sansansan portfolio document (sansansan/portfolio@1) that fits in tables: basic information, leaders, departments, projects, ledger, reports, milestones and meetings.',
  ],
  [
    '每个工作表第 1 行是表头，请勿改动表头文字；从第 2 行起每行一条记录，空行忽略。红色表头为必填列。',
    'Row 1 of each sheet is the header: keep its text. Each following row is one record; blank rows are ignored. Red headers are required columns.',
  ],
  [
    '日期写作 YYYY-MM-DD（如 2025-03-31），月份写作 YYYY-MM（如 2025-03）；这些列已设为文本格式。Excel 的日期单元格也能读取。',
    'Dates as YYYY-MM-DD (2025-03-31), months as YYYY-MM (2025-03); those columns are formatted as text. Excel date cells are read too.',
  ],
  [
    '金额填纯数字，不带单位，单位为"基本信息"中的金额单位；超过 15 位有效数字的金额请以文本填写，以免 Excel 截断。',
    'Amounts as plain numbers without a unit, in the money unit of 基本信息; enter amounts of more than 15 significant digits as text so that Excel keeps every digit.',
  ],
  ['"是/否"列填"是"或"否"，留空表示未填写。', 'Yes/no columns take 是 (yes) or 否 (no); blank means not stated.'],
  ['多个 id 用逗号分隔。', 'Several ids in one cell are separated by commas.'],
  [
    '导入时一次报告所有问题，并给出单元格位置（如 报账!C3）。',
    'Importing reports every problem at once, each with its cell (e.g. 报账!C3).',
  ],
  [
    '本工作簿不包含：变更、领导批示、事故（项目内）；问题上报、双月对接、已印发通报、约谈要求（全文）；台账各月的形象进度和前期手续。这些请在 JSON 文档中维护。决定颜色的记录（台账、月报及其节点完成、节点、停滞、人工调整）都在本工作簿中。',
    'Not in this workbook: changes, directives and incidents (per project); escalations, bureau reviews, issued notices and interview requests (document); the workload and procedures of ledger months. Keep those in the JSON document. Every record that decides a colour (ledger, reports and the milestones they report achieved, milestones, stalls, overrides) is in this workbook.',
  ],
];

function guideSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.columns = [
    { key: 'sheet', width: 12 },
    { key: 'column', width: 16 },
    { key: 'required', width: 8 },
    { key: 'zh', width: 56 },
    { key: 'en', width: 64 },
  ];
  const wrap: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
  const title = ws.addRow(['三三三 项目台账模板（邯政办字〔2018〕141号） · sansansan ledger workbook']);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(`A1:E1`);
  ws.addRow([]);
  for (const [zh, en] of GENERAL) {
    const r = ws.addRow({ sheet: '通则', zh, en });
    r.alignment = wrap;
  }
  ws.addRow([]);
  const header = ws.addRow(['工作表', '列', '必填', '说明', 'Notes (English)']);
  styleHeader(header, () => false);
  const info = ws.addRow({
    sheet: INFO_SHEET,
    zh: '文档的年度、金额单位、城市，每行一项。',
    en: 'The year, money unit and city of the document, one per row.',
  });
  info.font = { bold: true };
  for (const r of INFO_ROWS)
    ws.addRow({ sheet: INFO_SHEET, column: r.label, required: r.required ? '是' : '', zh: r.zh, en: r.note }).alignment = wrap;
  for (const def of RECORD_SHEETS) {
    const s = ws.addRow({ sheet: def.name, zh: def.zh, en: def.en });
    s.font = { bold: true };
    s.alignment = wrap;
    for (const c of def.columns) {
      const choices = c.enumDef === undefined ? '' : `：${enumText(c.enumDef)}`;
      const note = c.enumDef === undefined ? '' : `: ${c.enumDef.values.join(', ')}`;
      ws.addRow({
        sheet: def.name,
        column: c.header,
        required: c.required ? '是' : '',
        zh: `${c.zh}${choices}`,
        en: `${c.en} — ${c.note}${note}`,
      }).alignment = wrap;
    }
  }
}

function portfolioRows(p: Portfolio): ReadonlyMap<SheetDef, readonly Row[]> {
  const months = Array.from({ length: 12 }, (_, i) => `${p.year}-${String(i + 1).padStart(2, '0')}`);
  const under =
    (base: Segments, paths: Readonly<Record<string, Segments>> = {}) =>
    (key: string): Segments =>
      Object.hasOwn(paths, key) ? (paths[key] ?? []) : [...base, key];
  return new Map<SheetDef, readonly Row[]>([
    [LEADERS, p.leaders.map((l, i) => ({ values: { id: l.id, name: l.name, role: l.role }, at: under(['leaders', i]) }))],
    [
      DEPARTMENTS,
      p.departments.map((d, i) => ({ values: { id: d.id, name: d.name, leaderId: d.leaderId }, at: under(['departments', i]) })),
    ],
    [
      PROJECTS,
      p.projects.map((x, i) => ({
        values: {
          id: x.id,
          name: x.name,
          departmentId: x.departmentId,
          code: x.code ?? null,
          constructionUnit: x.constructionUnit ?? null,
          majorLivelihood: boolCell(x.majorLivelihood),
          leader: x.responsible.leader,
          person: x.responsible.person,
          totalInvestment: amountCell(x.totalInvestment),
          annualPlan: amountCell(x.annualPlan),
          ledgerSubmittedOn: x.ledger.submittedOn ?? null,
        },
        at: under(['projects', i], {
          leader: ['projects', i, 'responsible', 'leader'],
          person: ['projects', i, 'responsible', 'person'],
          ledgerSubmittedOn: ['projects', i, 'ledger', 'submittedOn'],
        }),
      })),
    ],
    [
      LEDGER,
      p.projects.map((x, i) => {
        const row: Record<string, ExcelJS.CellValue> = { projectId: x.id };
        months.forEach((m, k) => {
          row[`m${k + 1}`] = amountCell(x.ledger.months.find((lm) => lm.month === m)?.investment);
        });
        return { values: row, at: under(['projects', i, 'ledger', 'months'], { projectId: ['projects', i, 'id'] }) };
      }),
    ],
    [
      REPORTS,
      p.projects.flatMap((x, i) =>
        x.reports.map((r, k) => ({
          values: {
            projectId: x.id,
            month: r.month,
            submittedOn: r.submittedOn ?? null,
            investment: amountCell(r.investment),
            progress: r.progress ?? null,
            noProgress: boolCell(r.noProgress),
          },
          at: under(['projects', i, 'reports', k], { projectId: ['projects', i, 'id'] }),
        })),
      ),
    ],
    [
      MILESTONES,
      p.projects.flatMap((x, i) =>
        x.milestones.map((m, k) => ({
          values: {
            projectId: x.id,
            id: m.id,
            kind: m.kind,
            name: m.name,
            due: m.due,
            baselineDue: m.baselineDue ?? null,
            achievedOn: m.achievedOn ?? null,
          },
          at: under(['projects', i, 'milestones', k], { projectId: ['projects', i, 'id'] }),
        })),
      ),
    ],
    [
      ACHIEVEMENTS,
      p.projects.flatMap((x, i) =>
        x.reports.flatMap((r, k) =>
          Object.entries(r.achieved ?? {}).map(([milestoneId, on]) => ({
            values: { projectId: x.id, month: r.month, milestoneId, on },
            at: under(['projects', i, 'reports', k, 'achieved', milestoneId], {
              projectId: ['projects', i, 'id'],
              month: ['projects', i, 'reports', k, 'month'],
              milestoneId: ['projects', i, 'reports', k, 'achieved'],
              on: ['projects', i, 'reports', k, 'achieved', milestoneId],
            }),
          })),
        ),
      ),
    ],
    [
      STALLS,
      p.projects.flatMap((x, i) =>
        (x.stalls ?? []).map((st, k) => ({
          values: { projectId: x.id, since: st.since, until: st.until ?? null, cause: st.cause, note: st.note ?? null },
          at: under(['projects', i, 'stalls', k], { projectId: ['projects', i, 'id'] }),
        })),
      ),
    ],
    [
      OVERRIDES,
      (p.overrides ?? []).map((o, i) => ({
        values: { projectId: o.projectId, month: o.month, colour: o.colour, reason: o.reason, by: o.by },
        at: under(['overrides', i]),
      })),
    ],
    [
      MEETINGS,
      p.meetings.map((m, i) => ({
        values: { level: m.level, on: m.on, chairId: m.chairId ?? null, form: m.form },
        lists: { departmentIds: m.departmentIds, projectIds: m.projectIds ?? [] },
        at: under(['meetings', i]),
      })),
    ],
  ]);
}

/**
 * The ledger workbook: 说明, 基本信息 and the record sheets, filled with a portfolio's records when given.
 * @throws `WorkbookError` `unwritable_workbook` when a value cannot be carried (nothing is written).
 */
export function buildLedgerBook(X: ExcelJSModule, info: LedgerBookInfo, format: string, portfolio?: Portfolio): ExcelJS.Workbook {
  const wb = new X.Workbook();
  wb.creator = 'sansansan';
  const cells = new TextCells();
  guideSheet(wb);
  infoSheet(wb, info, format, cells);
  const rows = portfolio === undefined ? new Map<SheetDef, readonly Row[]>() : portfolioRows(portfolio);
  for (const def of RECORD_SHEETS) recordSheet(wb, def, rows.get(def) ?? [], cells, SHEET_LIST.get(def) ?? []);
  cells.check();
  return wb;
}

/** The bytes of a workbook (.xlsx). */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

import type ExcelJS from 'exceljs';
import { SansansanError } from '../../errors.js';
import {
  PORTFOLIO_FORMAT,
  safeParsePortfolio,
  type ParsePortfolioOptions,
  type Portfolio,
  type PortfolioDocument,
} from '../../portfolio/index.js';
import { formatPath, type ValidationIssue } from '../../validation.js';
import {
  readAmount,
  readBool,
  readDate,
  readEnum,
  readId,
  readIds,
  readMonth,
  readText,
  readYear,
  scalarOf,
  type Read,
  type Scalar,
} from './_cells.js';
import { loadExcelJS } from './_exceljs.js';
import { notWorkbook, scanPackage, type PackageScan } from './_package.js';
import { cellRef, workbookIssue, type CellRef, type WorkbookIssue, type WorkbookIssueCode } from './_issues.js';
import {
  DEPARTMENTS,
  INFO_ROWS,
  INFO_SHEET,
  LEADERS,
  LEDGER,
  ACHIEVEMENTS,
  MEETINGS,
  MILESTONES,
  OVERRIDES,
  STALLS,
  MONEY_UNIT,
  normaliseHeader,
  PROJECTS,
  RECORD_SHEETS,
  SHEET_LIST,
  REPORTS,
  type ColumnDef,
  type SheetDef,
} from './_layout.js';

/**
 * Result of {@link readLedgerWorkbook}: the document and the validated portfolio with warnings, or
 * every problem found.
 * @example
 * ```ts
 * const r: ReadLedgerWorkbookResult = await readLedgerWorkbook(bytes);
 * if (!r.success) r.issues.map((i) => `${i.cell} ${i.code}`); //=> ['报账!C3 invalid_date', …]
 * ```
 * @category Excel
 */
export type ReadLedgerWorkbookResult =
  | {
      /** The workbook holds a valid portfolio. */
      readonly success: true;
      /** 台账文档 — the document read, plain JSON (amounts canonical), ready for `JSON.stringify`. */
      readonly document: PortfolioDocument;
      /** 台账 — the validated portfolio. */
      readonly portfolio: Portfolio;
      /** 警告 — problems that do not stop evaluation, each with its cell. */
      readonly warnings: readonly WorkbookIssue[];
    }
  | {
      /** The workbook does not hold a valid portfolio. */
      readonly success: false;
      /** 错误 — every problem found, by sheet, row and column. */
      readonly issues: readonly WorkbookIssue[];
      /** 警告 — warnings found alongside. */
      readonly warnings: readonly WorkbookIssue[];
    };

type Segments = readonly (string | number)[];
type Json = Record<string, unknown>;

/** The issues of the cells, and where each value of the document came from. */
class Collector {
  readonly errors: WorkbookIssue[] = [];
  private readonly bad = new Set<string>();
  // JSONPath → its cell; null = its column is missing, already reported once.
  private readonly origins = new Map<string, CellRef | null>();

  place(segments: Segments, ref: CellRef | null): void {
    const key = formatPath(segments);
    if (!this.origins.has(key)) this.origins.set(key, ref);
  }

  issue(ref: CellRef, segments: Segments, code: WorkbookIssueCode, zh: string, en: string): void {
    this.bad.add(ref.cell);
    this.errors.push(workbookIssue(ref, segments, code, zh, en));
  }

  /** A document issue at its cell: the nearest placed ancestor of its path; undefined when already reported. */
  locate(issue: ValidationIssue, root: CellRef): WorkbookIssue | undefined {
    for (let n = issue.segments.length; n >= 0; n -= 1) {
      const key = formatPath(issue.segments.slice(0, n));
      if (!this.origins.has(key)) continue;
      const ref = this.origins.get(key) ?? null;
      if (ref === null || this.bad.has(ref.cell)) return undefined;
      return { ...issue, ...ref };
    }
    return this.bad.has(root.cell) ? undefined : { ...issue, ...root };
  }
}

/** One record row of a sheet: the scalar of each column present. */
interface RecordRow {
  readonly row: number;
  /** The first cell of the row, standing for the whole record. */
  readonly first: CellRef;
  readonly cells: ReadonlyMap<string, { readonly ref: CellRef; readonly scalar: Scalar }>;
}

interface Table {
  readonly def: SheetDef;
  readonly rows: readonly RecordRow[];
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name.trim() === name);
}

function missingSheet(c: Collector, name: string, segments: Segments): void {
  c.issue(cellRef(name, 1, 1), segments, 'missing_key', `缺少工作表"${name}"`, `the sheet "${name}" is missing`);
}

/** The cells' own text, where exceljs would not decode it (see {@link PackageScan.texts}). */
type Texts = ReadonlyMap<string, string> | undefined;

/** The scalar of a cell, with the text the package scan took for it when it has one. */
function scalarAt(cell: ExcelJS.Cell, texts: Texts): Scalar {
  const s = scalarOf(cell.value);
  const own = texts?.get(cell.address);
  return own !== undefined && (s.kind === 'text' || s.kind === 'blank') ? scalarOf(own) : s;
}

function readTable(wb: ExcelJS.Workbook, def: SheetDef, c: Collector, segments: Segments, scan: PackageScan): Table | undefined {
  const ws = findSheet(wb, def.name);
  if (ws === undefined) {
    missingSheet(c, def.name, segments);
    return undefined;
  }
  const texts = scan.texts.get(def.name);
  c.place(segments, cellRef(def.name, 1, 1));
  const byHeader = new Map(def.columns.map((col) => [normaliseHeader(col.header), col] as const));
  const columns = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => {
    const s = scalarAt(cell, texts);
    const col = s.kind === 'text' ? byHeader.get(normaliseHeader(s.value)) : undefined;
    if (col !== undefined && !columns.has(col.key)) columns.set(col.key, n);
  });
  for (const col of def.columns) {
    if (!columns.has(col.key) && col.required) {
      c.issue(
        cellRef(def.name, 1, 1),
        segments,
        'missing_key',
        `工作表"${def.name}"缺少必填列"${col.header}"`,
        `the sheet "${def.name}" has no column "${col.header}" (${col.en})`,
      );
    }
  }
  const firstCol = Math.min(...columns.values());
  const rows: RecordRow[] = [];
  // Only the rows the file holds: a sheet whose last row is 1 048 576 has no million rows to visit.
  ws.eachRow((row, r) => {
    if (r < 2) return;
    const cells = new Map<string, { ref: CellRef; scalar: Scalar }>();
    let blank = true;
    for (const [key, n] of columns) {
      const scalar = scalarAt(row.getCell(n), texts);
      if (scalar.kind !== 'blank') blank = false;
      cells.set(key, { ref: cellRef(def.name, r, n), scalar });
    }
    if (!blank) rows.push({ row: r, first: cellRef(def.name, r, Number.isFinite(firstCol) ? firstCol : 1), cells });
  });
  return { def, rows };
}

/** Reads the cells of one record into a JSON object, placing each value and reporting each bad cell. */
class RecordReader {
  constructor(
    private readonly c: Collector,
    private readonly table: Table,
    private readonly row: RecordRow,
    private readonly date1904: boolean,
  ) {}

  /**
   * The value of a column, placed at `segments` (unless `place` is false); undefined when blank or bad
   * (the bad cell reported at `segments`).
   */
  value(key: string, segments: Segments, place = true): unknown {
    const col = this.table.def.columns.find((x) => x.key === key);
    if (col === undefined) throw new Error(`no column ${key}`);
    const cell = this.row.cells.get(key);
    if (cell === undefined) {
      // The column is missing: a required one was reported at the header, an optional one is absent.
      if (place) this.c.place(segments, col.required ? null : this.row.first);
      return undefined;
    }
    if (place) this.c.place(segments, cell.ref);
    const r = this.convert(col, cell.scalar);
    if (!r.ok) {
      this.c.issue(cell.ref, segments, r.code, r.zh, r.en);
      return undefined;
    }
    if (r.value === undefined && col.required) {
      this.c.issue(cell.ref, segments, 'missing_key', `"${col.header}"为必填项`, `"${col.header}" (${col.en}) is required`);
    }
    return r.value;
  }

  /** The cell a column of this row stands at (the row's first cell when the column is missing). */
  ref(key: string): CellRef {
    return this.row.cells.get(key)?.ref ?? this.row.first;
  }

  private convert(col: ColumnDef, s: Scalar): Read<unknown> {
    switch (col.kind) {
      case 'id':
        return readId(s);
      case 'text':
        return readText(s);
      case 'amount':
        return readAmount(s);
      case 'date':
        return readDate(s, this.date1904);
      case 'month':
        return readMonth(s, this.date1904);
      case 'bool':
        return readBool(s);
      case 'enum':
        return col.enumDef === undefined ? readText(s) : readEnum(s, col.enumDef);
      case 'ids':
        return readIds(s);
    }
  }
}

/** Set `obj[key]` to `value` unless it is undefined (optional keys stay absent). */
function put(obj: Json, key: string, value: unknown): void {
  if (value !== undefined) obj[key] = value;
}

interface Info {
  readonly format: unknown;
  readonly year: number | undefined;
  readonly unit: unknown;
  readonly city: unknown;
}

function readInfo(wb: ExcelJS.Workbook, c: Collector, scan: PackageScan): Info {
  const ws = findSheet(wb, INFO_SHEET);
  const texts = scan.texts.get(INFO_SHEET);
  const out: Record<string, unknown> = {};
  if (ws === undefined) {
    missingSheet(c, INFO_SHEET, ['year']);
    return { format: PORTFOLIO_FORMAT, year: undefined, unit: undefined, city: undefined };
  }
  const seen = new Set<string>();
  ws.eachRow((row, r) => {
    if (r < 2) return;
    const label = scalarAt(row.getCell(1), texts);
    const def = label.kind === 'text' ? INFO_ROWS.find((x) => normaliseHeader(x.label) === normaliseHeader(label.value)) : undefined;
    if (def === undefined || seen.has(def.key)) return;
    seen.add(def.key);
    const ref = cellRef(INFO_SHEET, r, 2);
    const s = scalarAt(row.getCell(2), texts);
    c.place([def.key], ref);
    const read: Read<unknown> = def.key === 'year' ? readYear(s) : def.key === 'unit' ? readEnum(s, MONEY_UNIT) : readText(s);
    if (!read.ok) {
      c.issue(ref, [def.key], read.code, read.zh, read.en);
      return;
    }
    if (def.key === 'format' && read.value !== undefined && read.value !== PORTFOLIO_FORMAT) {
      c.issue(ref, ['format'], 'invalid_value', `格式版本应为 ${PORTFOLIO_FORMAT}`, `the format must be ${PORTFOLIO_FORMAT}`);
      return;
    }
    if (read.value === undefined && def.required) {
      c.issue(ref, [def.key], 'missing_key', `"${def.label}"为必填项`, `"${def.label}" is required`);
    }
    out[def.key] = read.value;
  });
  for (const def of INFO_ROWS) {
    if (def.required && !seen.has(def.key)) {
      c.issue(cellRef(INFO_SHEET, 1, 1), [def.key], 'missing_key', `缺少"${def.label}"行`, `the row "${def.label}" is missing`);
    }
  }
  return {
    format: PORTFOLIO_FORMAT,
    year: typeof out['year'] === 'number' ? out['year'] : undefined,
    unit: out['unit'],
    city: out['city'],
  };
}

/** Reads every record sheet into the document, placing each value at its cell. */
function readRecords(wb: ExcelJS.Workbook, c: Collector, year: number | undefined, date1904: boolean, scan: PackageScan): Json {
  const tables = new Map<SheetDef, Table | undefined>();
  for (const def of RECORD_SHEETS) tables.set(def, readTable(wb, def, c, SHEET_LIST.get(def) ?? [], scan));
  const rowsOf = (def: SheetDef): readonly (readonly [Table, RecordRow])[] => {
    const t = tables.get(def);
    return t === undefined ? [] : t.rows.map((r) => [t, r] as const);
  };
  const reader = (t: Table, r: RecordRow): RecordReader => new RecordReader(c, t, r, date1904);

  const leaders = rowsOf(LEADERS).map(([t, r], i) => {
    const x = reader(t, r);
    c.place(['leaders', i], r.first);
    const out: Json = {};
    put(out, 'id', x.value('id', ['leaders', i, 'id']));
    put(out, 'name', x.value('name', ['leaders', i, 'name']));
    put(out, 'role', x.value('role', ['leaders', i, 'role']));
    return out;
  });

  const departments = rowsOf(DEPARTMENTS).map(([t, r], i) => {
    const x = reader(t, r);
    c.place(['departments', i], r.first);
    const out: Json = {};
    put(out, 'id', x.value('id', ['departments', i, 'id']));
    put(out, 'name', x.value('name', ['departments', i, 'name']));
    put(out, 'leaderId', x.value('leaderId', ['departments', i, 'leaderId']));
    return out;
  });

  // Per project: its object and the lists the other sheets fill.
  interface ProjectParts {
    readonly index: number;
    readonly ledger: Json;
    readonly months: Json[];
    readonly milestones: Json[];
    readonly reports: Json[];
    /** Its reports by month (the first of a month), with their index, for the 节点完成 sheet. */
    readonly reportOf: Map<unknown, { readonly report: Json; readonly k: number }>;
    readonly stalls: Json[];
    hasLedgerRow: boolean;
  }
  const byId = new Map<string, ProjectParts>();
  const projects = rowsOf(PROJECTS).map(([t, r], i) => {
    const x = reader(t, r);
    const base = ['projects', i] as const;
    c.place(base, r.first);
    const out: Json = {};
    const id = x.value('id', [...base, 'id']);
    put(out, 'id', id);
    put(out, 'name', x.value('name', [...base, 'name']));
    put(out, 'departmentId', x.value('departmentId', [...base, 'departmentId']));
    put(out, 'code', x.value('code', [...base, 'code']));
    put(out, 'constructionUnit', x.value('constructionUnit', [...base, 'constructionUnit']));
    put(out, 'majorLivelihood', x.value('majorLivelihood', [...base, 'majorLivelihood']));
    c.place([...base, 'responsible'], x.ref('leader'));
    const responsible: Json = {};
    put(responsible, 'leader', x.value('leader', [...base, 'responsible', 'leader']));
    put(responsible, 'person', x.value('person', [...base, 'responsible', 'person']));
    out['responsible'] = responsible;
    put(out, 'totalInvestment', x.value('totalInvestment', [...base, 'totalInvestment']));
    put(out, 'annualPlan', x.value('annualPlan', [...base, 'annualPlan']));
    const ledger: Json = {};
    put(ledger, 'submittedOn', x.value('ledgerSubmittedOn', [...base, 'ledger', 'submittedOn']));
    const parts: ProjectParts = {
      index: i,
      ledger,
      months: [],
      milestones: [],
      reports: [],
      reportOf: new Map(),
      stalls: [],
      hasLedgerRow: false,
    };
    ledger['months'] = parts.months;
    out['ledger'] = ledger;
    out['milestones'] = parts.milestones;
    out['reports'] = parts.reports;
    // A duplicate id is reported by the document check; rows of the other sheets go to the first.
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, parts);
    return out;
  });

  /** The project a row of 台账, 报账 or 节点 belongs to; undefined (reported) when unknown. */
  const owner = (x: RecordReader): ProjectParts | undefined => {
    const id = x.value('projectId', [], false);
    if (typeof id !== 'string') return undefined;
    const p = byId.get(id);
    if (p === undefined) {
      c.issue(x.ref('projectId'), [], 'unknown_reference', `"项目"表中没有项目 "${id}"`, `no project "${id}" in the 项目 sheet`);
    }
    return p;
  };

  for (const [t, r] of rowsOf(LEDGER)) {
    const x = reader(t, r);
    const found = owner(x);
    if (found?.hasLedgerRow === true) {
      c.issue(x.ref('projectId'), [], 'duplicate_id', '该项目在"台账"表中已有一行', 'the project already has a row in the 台账 sheet');
    }
    // A second row of a project is checked cell by cell but left out, like a row of an unknown project.
    const p = found?.hasLedgerRow === true ? undefined : found;
    const base = p === undefined ? undefined : (['projects', p.index, 'ledger'] as const);
    if (p !== undefined && base !== undefined) {
      p.hasLedgerRow = true;
      c.place(base, r.first);
      c.place([...base, 'months'], r.first);
    }
    for (let m = 1; m <= 12; m += 1) {
      const k = p?.months.length ?? 0;
      const segments: Segments = base === undefined ? [] : [...base, 'months', k];
      // Placed only when the month is in the ledger, so that month k of the document is this cell.
      const value = x.value(`m${m}`, base === undefined ? [] : [...segments, 'investment'], false);
      if (value === undefined || p === undefined || year === undefined) continue;
      for (const at of [segments, [...segments, 'month'], [...segments, 'investment']]) c.place(at, x.ref(`m${m}`));
      p.months.push({ month: `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`, investment: value });
    }
  }

  for (const [t, r] of rowsOf(REPORTS)) {
    const x = reader(t, r);
    const p = owner(x);
    const base: Segments = p === undefined ? [] : ['projects', p.index, 'reports', p.reports.length];
    const at = (key: string): Segments => (p === undefined ? [] : [...base, key]);
    if (p !== undefined) c.place(base, r.first);
    const out: Json = {};
    put(out, 'month', x.value('month', at('month')));
    put(out, 'submittedOn', x.value('submittedOn', at('submittedOn')));
    put(out, 'investment', x.value('investment', at('investment')));
    put(out, 'progress', x.value('progress', at('progress')));
    put(out, 'noProgress', x.value('noProgress', at('noProgress')));
    if (p !== undefined && !p.reportOf.has(out['month'])) p.reportOf.set(out['month'], { report: out, k: p.reports.length });
    p?.reports.push(out);
  }

  // A milestone reported achieved belongs to its project's report of that month.
  for (const [t, r] of rowsOf(ACHIEVEMENTS)) {
    const x = reader(t, r);
    const p = owner(x);
    const month = x.value('month', [], false);
    const found = p === undefined || month === undefined ? undefined : p.reportOf.get(month);
    if (p !== undefined && typeof month === 'string' && found === undefined) {
      c.issue(
        x.ref('month'),
        [],
        'unknown_reference',
        `"报账"表中没有该项目 ${month} 的月报`,
        `the 报账 sheet has no report of the project for ${month}`,
      );
    }
    const milestoneId = x.value('milestoneId', [], false);
    const base: Segments | undefined =
      p === undefined || found === undefined ? undefined : ['projects', p.index, 'reports', found.k, 'achieved'];
    const achieved = (found?.report['achieved'] ?? {}) as Json;
    if (base !== undefined && typeof milestoneId === 'string' && Object.hasOwn(achieved, milestoneId)) {
      c.issue(x.ref('milestoneId'), [], 'duplicate_id', '该月报已报告此节点完成', 'the report already gives this milestone as achieved');
      continue;
    }
    const on = x.value('on', base === undefined || typeof milestoneId !== 'string' ? [] : [...base, milestoneId]);
    if (base === undefined || found === undefined || typeof milestoneId !== 'string' || on === undefined) continue;
    c.place(base, x.ref('milestoneId'));
    c.place([...base, milestoneId], x.ref('on'));
    achieved[milestoneId] = on;
    found.report['achieved'] = achieved;
  }

  for (const [t, r] of rowsOf(MILESTONES)) {
    const x = reader(t, r);
    const p = owner(x);
    const base: Segments = p === undefined ? [] : ['projects', p.index, 'milestones', p.milestones.length];
    const at = (key: string): Segments => (p === undefined ? [] : [...base, key]);
    if (p !== undefined) c.place(base, r.first);
    const out: Json = {};
    put(out, 'id', x.value('id', at('id')));
    put(out, 'kind', x.value('kind', at('kind')));
    put(out, 'name', x.value('name', at('name')));
    put(out, 'due', x.value('due', at('due')));
    put(out, 'baselineDue', x.value('baselineDue', at('baselineDue')));
    put(out, 'achievedOn', x.value('achievedOn', at('achievedOn')));
    p?.milestones.push(out);
  }

  for (const [t, r] of rowsOf(STALLS)) {
    const x = reader(t, r);
    const p = owner(x);
    const base: Segments = p === undefined ? [] : ['projects', p.index, 'stalls', p.stalls.length];
    const at = (key: string): Segments => (p === undefined ? [] : [...base, key]);
    if (p !== undefined) c.place(base, r.first);
    const out: Json = {};
    put(out, 'since', x.value('since', at('since')));
    put(out, 'until', x.value('until', at('until')));
    put(out, 'cause', x.value('cause', at('cause')));
    put(out, 'note', x.value('note', at('note')));
    p?.stalls.push(out);
  }
  // Only a project with stalls has the key: a document without them reads back as it was.
  for (const p of byId.values()) {
    const project = projects[p.index];
    if (project !== undefined && p.stalls.length > 0) project['stalls'] = p.stalls;
  }

  const overrides = rowsOf(OVERRIDES).map(([t, r], i) => {
    const x = reader(t, r);
    const base = ['overrides', i] as const;
    c.place(base, r.first);
    const out: Json = {};
    for (const key of ['projectId', 'month', 'colour', 'reason', 'by']) put(out, key, x.value(key, [...base, key]));
    return out;
  });

  const meetings = rowsOf(MEETINGS).map(([t, r], i) => {
    const x = reader(t, r);
    const base = ['meetings', i] as const;
    c.place(base, r.first);
    const out: Json = {};
    put(out, 'level', x.value('level', [...base, 'level']));
    put(out, 'on', x.value('on', [...base, 'on']));
    put(out, 'chairId', x.value('chairId', [...base, 'chairId']));
    const departmentIds = x.value('departmentIds', [...base, 'departmentIds']);
    out['departmentIds'] = departmentIds ?? [];
    put(out, 'form', x.value('form', [...base, 'form']));
    const projectIds = x.value('projectIds', [...base, 'projectIds']);
    put(out, 'projectIds', projectIds);
    // Each id of a list stands at the list's cell.
    for (const [key, list] of [
      ['departmentIds', departmentIds],
      ['projectIds', projectIds],
    ] as const) {
      if (Array.isArray(list))
        list.forEach((_, j) => {
          c.place([...base, key, j], x.ref(key));
        });
    }
    return out;
  });

  return { leaders, departments, projects, meetings, ...(overrides.length > 0 && { overrides }) };
}

function compareRefs(a: WorkbookIssue, b: WorkbookIssue): number {
  const order = (s: string): number => {
    const i = [INFO_SHEET, ...RECORD_SHEETS.map((d) => d.name)].indexOf(s);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return (
    order(a.sheet) - order(b.sheet) ||
    a.row - b.row ||
    a.column.length - b.column.length ||
    cmp(a.column, b.column) ||
    cmp(a.path, b.path) ||
    cmp(a.code, b.code) ||
    cmp(a.message.en, b.message.en)
  );
}

// exceljs declares its own `Buffer` type; at run time it takes a Node Buffer (any Uint8Array, in fact).
type XlsxInput = Parameters<ExcelJS.Xlsx['load']>[0];

function bytesOf(data: Uint8Array | ArrayBuffer): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return data;
  throw notWorkbook('not bytes');
}

/**
 * Read a filled ledger workbook into a portfolio (导入台账), reporting every problem with its cell.
 *
 * @remarks
 * Reads every sheet of the {@link writeLedgerTemplate} layout (columns are found by their header text,
 * so they may be moved), then checks the document built from it with `safeParsePortfolio` and maps
 * each issue back to the cell it came from. Cell problems (a bad date, amount, month or yes/no, an
 * unknown enumeration value, a required cell left blank, a 台账/报账/节点 row of an unknown project, a
 * second 台账 row of a project, a missing sheet or required column) and document problems (unknown
 * references, duplicate ids and months, months outside the year, a negative plan, more than one mayor)
 * all come back at once, sorted by sheet, row and column.
 *
 * Cells are read exactly: a number cell through its shortest round-trip decimal form (a cell holding
 * 1234.56 gives `"1234.56"`), a text cell as its trimmed text, a formula as its cached result; no
 * arithmetic on floats. Dates: text `YYYY-MM-DD` as written, an Excel date from its day (as exceljs
 * reads it, UTC). Text cells are trimmed, and a blank cell is an absent value; OOXML's `_xHHHH_`
 * escapes (upper-case hex) are decoded once, in shared and inline strings alike. Enumerations accept the
 * document's value or its Chinese label (`mayor` or `市长`). Top-level `meetings` and `bureauReviews`
 * are empty lists when the workbook has none.
 *
 * Before the workbook is loaded, the file is checked against bounds far beyond any real ledger, and
 * a workbook beyond them comes back as issues, not read: `workbook_too_large` (a part of the file
 * inflating beyond 128 MiB for a sheet or the shared strings, 32 MiB for any other part, 256 MiB in all,
 * or more than 10 000 parts), `too_many_rows` (a sheet over 100 000 data rows), `too_many_cells`
 * (a row over 1 024 cells, the workbook over 2 000 000) and `text_too_long` (a cell over Excel's
 * 32 767 characters), at most 1 000 issues of each code. The check reads the file in time linear in
 * its size; memory then follows the cells the file holds (exceljs keeps about a kilobyte per cell), not
 * the row numbers they claim.
 *
 * @throws `SansansanError` `invalid_workbook` when the bytes are not an `.xlsx` file (not a zip, an
 * empty or truncated zip, a part that does not inflate to its declared size, a zip without a workbook
 * exceljs can load); no other error escapes for any bytes.
 * @throws `SansansanError` `missing_peer_dependency` when the optional peer dependency exceljs is not installed.
 * @example
 * ```ts
 * const r = await readLedgerWorkbook(readFileSync('ledger.xlsx'));
 * if (r.success) r.portfolio.projects.length; //=> 40
 * else r.issues.map((i) => `${i.cell} ${i.message.zh}`); //=> ['报账!C3 日期无效，应为 YYYY-MM-DD："2025-02-30"', …]
 * ```
 * @category Excel
 */
export async function readLedgerWorkbook(
  data: Uint8Array | ArrayBuffer,
  options: ParsePortfolioOptions = {},
): Promise<ReadLedgerWorkbookResult> {
  const X = loadExcelJS();
  try {
    const bytes = bytesOf(data);
    const scan = scanPackage(bytes);
    if (scan.issues.length > 0) return { success: false, issues: [...scan.issues].sort(compareRefs), warnings: [] };
    const wb = new X.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as XlsxInput);
    } catch {
      throw notWorkbook('exceljs cannot load it');
    }
    return readBook(wb, scan, options);
  } catch (e) {
    if (e instanceof SansansanError) throw e;
    // Whatever a hostile file makes exceljs (or a bound this reader missed) throw, the caller sees one code.
    throw notWorkbook(e instanceof Error ? e.name : 'error');
  }
}

function readBook(wb: ExcelJS.Workbook, scan: PackageScan, options: ParsePortfolioOptions): ReadLedgerWorkbookResult {
  const date1904 = (wb.properties as Partial<ExcelJS.WorkbookProperties> | undefined)?.date1904 === true;
  const c = new Collector();
  const root = cellRef(INFO_SHEET, 1, 1);
  c.place([], root);
  const info = readInfo(wb, c, scan);
  const records = readRecords(wb, c, info.year, date1904, scan);
  const document: Json = { format: info.format };
  put(document, 'year', info.year);
  put(document, 'unit', info.unit);
  put(document, 'city', info.city);
  Object.assign(document, records, { bureauReviews: [] });

  const parsed = safeParsePortfolio(document, options);
  const locate = (list: readonly ValidationIssue[]): WorkbookIssue[] =>
    list.map((i) => c.locate(i, root)).filter((i): i is WorkbookIssue => i !== undefined);
  const warnings = locate(parsed.success ? parsed.warnings : parsed.error.warnings).sort(compareRefs);
  if (parsed.success && c.errors.length === 0) {
    return { success: true, document: document as unknown as PortfolioDocument, portfolio: parsed.data, warnings };
  }
  const issues = [...c.errors, ...(parsed.success ? [] : locate(parsed.error.issues))].sort(compareRefs);
  return { success: false, issues, warnings };
}

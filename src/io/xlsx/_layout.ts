// The ledger workbook's sheets and columns: one description shared by the writer, the reader and the 说明 sheet.

/** What a column holds, which decides how a cell is written and read. */
export type CellKind = 'id' | 'text' | 'amount' | 'date' | 'month' | 'bool' | 'enum' | 'ids';

/** An enumeration: the document's values and the Chinese labels also accepted on import. */
export interface EnumDef {
  /** The values of the document, in the order of the drop-down list. */
  readonly values: readonly string[];
  /** Chinese label per value; each label (and each alias) reads as its value. */
  readonly zh: Readonly<Record<string, string>>;
  /** Further Chinese spellings accepted on import. */
  readonly aliases?: Readonly<Record<string, string>>;
}

/** One column of a sheet. */
export interface ColumnDef {
  /** Internal key. */
  readonly key: string;
  /** The header text in row 1 (Chinese). */
  readonly header: string;
  /** The column's name in English, for the 说明 sheet. */
  readonly en: string;
  /** How the cell is written and read. */
  readonly kind: CellKind;
  /** A blank cell is an error. */
  readonly required: boolean;
  /** Column width in characters. */
  readonly width: number;
  /** The enumeration of an `enum` column. */
  readonly enumDef?: EnumDef;
  /** What the column holds, in Chinese. */
  readonly zh: string;
  /** What the column holds, in English. */
  readonly note: string;
}

/** One sheet of records: a header row, then one record per row. */
export interface SheetDef {
  /** The sheet's name (Chinese). */
  readonly name: string;
  /** What the sheet holds, in Chinese. */
  readonly zh: string;
  /** What the sheet holds, in English. */
  readonly en: string;
  /** The columns, left to right. */
  readonly columns: readonly ColumnDef[];
  /** Columns frozen at the left besides the header row. */
  readonly frozenColumns: number;
}

export const ROLE: EnumDef = {
  values: ['mayor', 'principal', 'cityLeader'],
  zh: { mayor: '市长', principal: '市政府主要领导', cityLeader: '分管市领导' },
  aliases: { 主要领导: 'principal' },
};

export const MILESTONE_KIND: EnumDef = {
  values: ['start', 'completion', 'procedure', 'physical'],
  zh: { start: '开工', completion: '竣工', procedure: '前期手续', physical: '形象进度' },
  aliases: { 手续: 'procedure', 实物: 'physical', 实物工作量: 'physical' },
};

export const MEETING_LEVEL: EnumDef = {
  values: ['department', 'cityLeader', 'mayor'],
  zh: { department: '部门调度', cityLeader: '分管市领导调度', mayor: '市长调度' },
  aliases: { 部门: 'department', 分管市领导: 'cityLeader', 市长: 'mayor' },
};

export const MEETING_FORM: EnumDef = {
  values: ['site', 'collective', 'inspection', 'report', 'onsiteOffice'],
  zh: { site: '现场调度', collective: '集中调度', inspection: '项目观摩', report: '集体汇报', onsiteOffice: '现场办公' },
};

export const STALL_CAUSE: EnumDef = {
  values: ['insufficientPreliminaryStudy', 'objective', 'other'],
  zh: { insufficientPreliminaryStudy: '前期论证不充分', objective: '客观因素', other: '其他' },
  aliases: { 前期论证不足: 'insufficientPreliminaryStudy', 客观原因: 'objective' },
};

export const MONEY_UNIT: EnumDef = { values: ['元', '万元', '亿元'], zh: {} };

/** The two words of a yes/no column. */
export const YES = '是';
export const NO = '否';

const col = (
  key: string,
  header: string,
  en: string,
  kind: CellKind,
  required: boolean,
  width: number,
  zh: string,
  note: string,
  enumDef?: EnumDef,
): ColumnDef => ({ key, header, en, kind, required, width, zh, note, ...(enumDef && { enumDef }) });

const projectId = col('projectId', '项目id', 'Project id', 'id', true, 14, '"项目"表中的项目 id', 'a project id of the 项目 sheet');

export const LEADERS: SheetDef = {
  name: '市领导',
  zh: '市领导：市长、市政府主要领导、分管市领导，每人一行。',
  en: 'City leaders: the mayor, principal leaders and leaders in charge, one per row.',
  frozenColumns: 0,
  columns: [
    col('id', 'id', 'Leader id', 'id', true, 14, '领导 id，文档内唯一', 'leader id, unique in the document'),
    col('name', '姓名', 'Name', 'text', true, 14, '姓名', 'name'),
    col('role', '角色', 'Role', 'enum', true, 16, '至多一名 mayor', 'at most one mayor', ROLE),
  ],
};

export const DEPARTMENTS: SheetDef = {
  name: '责任部门',
  zh: '责任部门（单位），每个一行。',
  en: 'Responsible departments, one per row.',
  frozenColumns: 0,
  columns: [
    col('id', 'id', 'Department id', 'id', true, 14, '部门 id，文档内唯一', 'department id, unique in the document'),
    col('name', '名称', 'Name', 'text', true, 28, '部门名称', "the department's name"),
    col('leaderId', '分管市领导id', 'Leader in charge', 'id', true, 16, '"市领导"表中的 id', 'a leader id of the 市领导 sheet'),
  ],
};

export const PROJECTS: SheetDef = {
  name: '项目',
  zh: '市本级政府投资项目，每个一行。',
  en: 'The government-invested projects, one per row.',
  frozenColumns: 1,
  columns: [
    col('id', 'id', 'Project id', 'id', true, 12, '项目 id，文档内唯一', 'project id, unique in the document'),
    col('name', '名称', 'Name', 'text', true, 30, '项目名称', "the project's name"),
    col('departmentId', '责任部门id', 'Department', 'id', true, 14, '"责任部门"表中的 id', 'a department id of the 责任部门 sheet'),
    col('code', '项目代码', 'Project code', 'text', false, 28, '全国投资项目在线审批监管平台代码', 'national project code'),
    col('constructionUnit', '建设单位', 'Construction unit', 'text', false, 24, '项目建设单位', 'construction unit'),
    col('majorLivelihood', '重大民生工程', 'Major livelihood project', 'bool', false, 14, '是/否', 'yes/no'),
    col(
      'leader',
      '牵头责任领导',
      'Leading responsible leader',
      'text',
      true,
      16,
      '部门牵头责任领导',
      "the department's leading responsible leader",
    ),
    col('person', '具体责任人', 'Responsible person', 'text', true, 14, '具体责任人', 'the specific responsible person'),
    col('totalInvestment', '总投资', 'Total investment', 'amount', false, 14, '金额', 'amount'),
    col('annualPlan', '年度计划投资', 'Annual plan', 'amount', true, 14, '金额，不能为负', 'amount, not negative'),
    col(
      'ledgerSubmittedOn',
      '台账报送日期',
      'Ledger submitted on',
      'date',
      false,
      14,
      '台账报送日期；空 = 未报送',
      'the day the ledger was submitted; blank = not submitted',
    ),
  ],
};

/** The header of month n (1–12) in the 台账 sheet. */
export const monthHeader = (n: number): string => `${n}月`;

export const LEDGER: SheetDef = {
  name: '台账',
  zh: '月度工作计划台账：每个项目一行，1—12 月各月计划投资；空格 = 该月未列入台账（计划为 0）。',
  en: 'The monthly plan ledger: one row per project, planned investment for each month; a blank cell = the month is not in the ledger (plans 0).',
  frozenColumns: 1,
  columns: [
    projectId,
    ...Array.from({ length: 12 }, (_, i) =>
      col(
        `m${i + 1}`,
        monthHeader(i + 1),
        `Month ${i + 1}`,
        'amount',
        false,
        11,
        `${i + 1} 月计划投资，不能为负`,
        `investment planned for month ${i + 1}, not negative`,
      ),
    ),
  ],
};

export const REPORTS: SheetDef = {
  name: '报账',
  zh: '月报（按月报账）：每个项目每月一行。',
  en: 'Monthly progress reports: one row per project and month.',
  frozenColumns: 1,
  columns: [
    projectId,
    col('month', '月份', 'Month', 'month', true, 10, 'YYYY-MM，属于文档年度', 'YYYY-MM, in the document year'),
    col('submittedOn', '报送日期', 'Submitted on', 'date', false, 12, 'YYYY-MM-DD', 'YYYY-MM-DD'),
    col(
      'investment',
      '本月完成投资',
      'Investment completed',
      'amount',
      true,
      14,
      '金额，核减时可为负',
      'amount; negative for a correction',
    ),
    col('progress', '进展情况', 'Progress', 'text', false, 36, '当月进展', 'what progressed in the month'),
    col('noProgress', '无进展', 'No progress', 'bool', false, 8, '是/否', 'yes/no'),
  ],
};

export const MILESTONES: SheetDef = {
  name: '节点',
  zh: '进度节点：每个节点一行。',
  en: 'Schedule nodes: one per row.',
  frozenColumns: 1,
  columns: [
    projectId,
    col('id', '节点id', 'Milestone id', 'id', true, 12, '项目内唯一', 'unique within the project'),
    col('kind', '类型', 'Kind', 'enum', true, 14, '节点类型', 'kind of node', MILESTONE_KIND),
    col('name', '名称', 'Name', 'text', true, 20, '节点名称', "the milestone's name"),
    col('due', '计划完成日期', 'Due', 'date', true, 14, '当前计划日期', 'the current due date'),
    col('baselineDue', '原计划日期', 'Baseline due', 'date', false, 14, '调整前的计划日期', 'the due date before it was moved'),
    col('achievedOn', '实际完成日期', 'Achieved on', 'date', false, 14, '空 = 尚未完成', 'blank = not achieved'),
  ],
};

export const ACHIEVEMENTS: SheetDef = {
  name: '节点完成',
  zh: '月报中报告的节点完成：每个项目、月份、节点一行，属于"报账"表中该项目该月的月报。',
  en: 'Milestones reported achieved in a monthly report: one row per project, month and milestone, belonging to that report of the 报账 sheet.',
  frozenColumns: 1,
  columns: [
    projectId,
    col('month', '月份', 'Month', 'month', true, 10, '所属月报的月份', 'the month of the report it belongs to'),
    col(
      'milestoneId',
      '节点id',
      'Milestone id',
      'id',
      true,
      12,
      '"节点"表中该项目的节点 id',
      'a milestone id of the project in the 节点 sheet',
    ),
    col('on', '完成日期', 'Achieved on', 'date', true, 12, '月报所报的完成日期', 'the day the report gives'),
  ],
};

export const STALLS: SheetDef = {
  name: '停滞',
  zh: '项目停滞（无法推进）的期间：每段一行。',
  en: 'Periods in which a project could not proceed: one per row.',
  frozenColumns: 1,
  columns: [
    projectId,
    col('since', '开始日期', 'Since', 'date', true, 12, '停滞开始的日期', 'the day it stopped'),
    col('until', '恢复日期', 'Until', 'date', false, 12, '恢复施工的日期；空 = 仍停滞', 'the day work resumed; blank = still stalled'),
    col('cause', '原因', 'Cause', 'enum', true, 18, '停滞原因', 'the cause', STALL_CAUSE),
    col('note', '说明', 'Note', 'text', false, 36, '情况说明', 'what happened'),
  ],
};

export const OVERRIDES: SheetDef = {
  name: '颜色调整',
  zh: '人工调整的颜色：每个项目、月份一行，写明理由和调整单位。',
  en: 'Colours set by hand: one per project and month, with the reason and who set it.',
  frozenColumns: 1,
  columns: [
    projectId,
    col('month', '月份', 'Month', 'month', true, 10, 'YYYY-MM，属于文档年度', 'YYYY-MM, in the document year'),
    col('colour', '颜色', 'Colour', 'id', true, 10, '色阶中的颜色 id，如 yellow', "a colour id of the policy's scale, e.g. yellow"),
    col('reason', '理由', 'Reason', 'text', true, 30, '调整理由', 'why'),
    col('by', '调整单位', 'Set by', 'text', true, 16, '调整单位或人员', 'who set it'),
  ],
};

export const MEETINGS: SheetDef = {
  name: '调度',
  zh: '三级调度会议：每次会议一行。',
  en: 'Scheduling meetings of the three levels: one per row.',
  frozenColumns: 0,
  columns: [
    col('level', '层级', 'Level', 'enum', true, 16, '调度层级', 'level', MEETING_LEVEL),
    col('on', '日期', 'Date', 'date', true, 12, 'YYYY-MM-DD', 'YYYY-MM-DD'),
    col('chairId', '主持领导id', 'Chair', 'id', false, 14, '"市领导"表中的 id', 'a leader id of the 市领导 sheet'),
    col('departmentIds', '部门id', 'Departments', 'ids', false, 24, '参会部门 id，多个用逗号分隔', 'department ids, comma-separated'),
    col('form', '形式', 'Form', 'enum', true, 14, '调度方式', 'form', MEETING_FORM),
    col('projectIds', '项目id', 'Projects', 'ids', false, 24, '涉及项目 id，多个用逗号分隔', 'project ids, comma-separated'),
  ],
};

/** The key-value rows of the 基本信息 sheet. */
export interface InfoRow {
  /** Internal key. */
  readonly key: 'format' | 'year' | 'unit' | 'city';
  /** The label in column A. */
  readonly label: string;
  /** A blank value is an error. */
  readonly required: boolean;
  /** What the row holds, in Chinese. */
  readonly zh: string;
  /** What the row holds, in English. */
  readonly note: string;
}

export const INFO_SHEET = '基本信息';
export const INFO_ROWS: readonly InfoRow[] = [
  { key: 'format', label: '格式版本', required: false, zh: '固定为 sansansan/portfolio@1', note: 'always sansansan/portfolio@1' },
  { key: 'year', label: '年度', required: true, zh: '台账年度，如 2025', note: 'the year, e.g. 2025' },
  { key: 'unit', label: '金额单位', required: false, zh: '元、万元或亿元；空 = 万元', note: '元, 万元 or 亿元; blank = 万元' },
  { key: 'city', label: '城市', required: false, zh: '如 邯郸市', note: 'e.g. 邯郸市' },
];

export const GUIDE_SHEET = '说明';

/** The record sheets in workbook order. */
export const RECORD_SHEETS: readonly SheetDef[] = [
  LEADERS,
  DEPARTMENTS,
  PROJECTS,
  LEDGER,
  REPORTS,
  MILESTONES,
  ACHIEVEMENTS,
  STALLS,
  MEETINGS,
  OVERRIDES,
];

/** Where each record sheet's rows stand in the document: a list of the document, or a project's. */
export const SHEET_LIST: ReadonlyMap<SheetDef, readonly string[]> = new Map<SheetDef, readonly string[]>([
  [LEADERS, ['leaders']],
  [DEPARTMENTS, ['departments']],
  [PROJECTS, ['projects']],
  [LEDGER, ['projects']],
  [REPORTS, ['projects']],
  [MILESTONES, ['projects']],
  [ACHIEVEMENTS, ['projects']],
  [STALLS, ['projects']],
  [MEETINGS, ['meetings']],
  [OVERRIDES, ['overrides']],
]);

/** Every sheet name of the ledger workbook, in order. */
export const LEDGER_SHEET_NAMES: readonly string[] = [GUIDE_SHEET, INFO_SHEET, ...RECORD_SHEETS.map((s) => s.name)];

/** A header as compared on import: no spaces, no `*`, no bracketed note, lower case. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The list of an enumeration as a data-validation formula: `"a,b,c"`. */
export function listFormula(values: readonly string[]): string {
  return `"${values.join(',')}"`;
}

/** An enumeration described for a reader: `mayor（市长）/ principal（…）`. */
export function enumText(def: EnumDef): string {
  return def.values.map((v) => (def.zh[v] === undefined ? v : `${v}（${def.zh[v]}）`)).join(' / ');
}

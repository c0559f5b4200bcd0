// Shared Chinese labels and number formatting of the renderers: they only read an Evaluation.
import { showControls } from '../_lib/controlChars.js';
import type { Evaluation } from '../evaluate.js';
import type { AccountabilitySeverity } from '../supervision/accountability/accountabilityCases.js';
import type { RankingEntry } from '../supervision/notification/quarterlyRanking.js';
import {
  compareCodeUnits,
  isReason,
  RULES,
  type ComplianceFinding,
  type ComplianceKind,
  type Finding,
  type RuleId,
  type Severity,
} from '../findings/index.js';
import { trimEnd } from '../_lib/trimEnd.js';

/** The ideographic space (全角空格) between particulars on one line. */
export const GAP = '\u3000';

/** What a missing number reads as in a table. */
export const DASH = '—';

/** The policy document every renderer cites. */
export const POLICY_TITLE = '《邯郸市人民政府办公厅关于印发市本级政府投资项目建设“三三三”工作推进机制的通知》（邯政办字〔2018〕141号）';

/** The development and reform commission of the city (发展和改革委员会). */
export function drcName(e: Evaluation): string {
  return `${e.city ?? '市'}发展和改革委员会`;
}

/** The general office of the city government (人民政府办公室). */
export function govOfficeName(e: Evaluation): string {
  return `${e.city ?? '市'}人民政府办公室`;
}

/** The zh label of a colour id from the evaluation's scale (`'red'` → `'红'`); the id when unknown, a dash for null. */
export function colourLabel(e: Evaluation, id: string | null): string {
  if (id === null) return DASH;
  return e.colours.find((c) => c.id === id)?.zh ?? id;
}

/** A colour label as a noun phrase: `'红'` → `'红色'`, `'红色'` stays. */
export function colourNoun(label: string): string {
  return label.endsWith('色') ? label : `${label}色`;
}

/** The display colour of a colour id when it is a plain `#rrggbb`, else undefined (never put unchecked text into CSS). */
export function colourHex(e: Evaluation, id: string | null): string | undefined {
  const hex = e.colours.find((c) => c.id === id)?.hex;
  return hex !== undefined && /^#[0-9a-fA-F]{6}$/.test(hex) ? hex : undefined;
}

/** How far a unit is ahead of or behind the time schedule (时间进度), as bulletins word it: 快于 / 慢于 / 持平 (when the shown gap is zero). */
export function timeGapZh(gapPp: string | null): string {
  if (gapPp === null) return '无年度计划，不比较时间进度';
  if (/^-?0(\.0+)?$/.test(gapPp)) return '与时间进度持平';
  return gapPp.startsWith('-') ? `慢于时间进度 ${gapPp.slice(1)} 个百分点` : `快于时间进度 ${gapPp} 个百分点`;
}

/** Ranked units lowest rate first (the last place first), ties by id: how notices and letters name the bottom. */
export function worstFirst<T extends { readonly rank: number; readonly departmentId: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.rank - a.rank || compareCodeUnits(a.departmentId, b.departmentId));
}

/** A line of a quarter's ranking as the documents show it: rank, department, plan, completed, rate (%). */
export function rankingCells(e: Evaluation, r: RankingEntry): string[] {
  return [String(r.rank), departmentName(e, r.departmentId), r.planned, r.completed, r.ratePct];
}

/** The name of a department from `evaluation.departments`, or its id. */
export function departmentName(e: Evaluation, departmentId: string): string {
  return e.departments.find((d) => d.departmentId === departmentId)?.name ?? departmentId;
}

/** The name of a project from `evaluation.projects`, or its id. */
export function projectName(e: Evaluation, projectId: string): string {
  return e.projects.find((p) => p.projectId === projectId)?.name ?? projectId;
}

/** Labels of the compliance kinds (合规缺口类型). */
export const COMPLIANCE_KIND_ZH: Readonly<Record<ComplianceKind, string>> = {
  ledgerMissing: '未按期报送月度工作计划台账',
  ledgerLate: '台账逾期报送',
  reportMissing: '未按月报账',
  reportLate: '月报逾期报送',
  reviewMissing: '双月对接未开展',
  approvalWarning: '前期手续办理慢，提示预警',
  meetingMissing: '未按期调度',
  escalationOpen: '上报问题逾期未解决',
};

/** Labels of the finding severities (严重程度). */
export const SEVERITY_ZH: Readonly<Record<Severity, string>> = { info: '提示', warning: '关注', critical: '严重' };

/** Labels of the suggested accountability severities (情节轻重). */
export const ACCOUNTABILITY_SEVERITY_ZH: Readonly<Record<AccountabilitySeverity, string>> = {
  notice: '较轻',
  serious: '较重',
  grave: '严重',
};

/** Reasons a department is left out of a ranking. */
export const EXCLUSION_ZH: Readonly<Record<'noPlan', string>> = { noPlan: '无投资计划' };

const BUREAU_ZH: ReadonlyMap<string, string> = new Map([
  ['finance', '市财政局'],
  ['land', '市国土资源局'],
  ['approval', '市行政审批局'],
]);

/** The Chinese name of a reviewing bureau (`'land'` → `'市国土资源局'`), or `undefined` for any other id. */
export function bureauName(id: string): string | undefined {
  return BUREAU_ZH.get(id);
}

/** The Chinese numbering and title of a rule: `'3.2.2'` → `'三(二)二 应开工、竣工而未按时开工、竣工'`. */
export function ruleLabel(rule: RuleId): string {
  const info = RULES[rule];
  return `${info.clause} ${info.title.zh}`;
}

/** A date `YYYY-MM-DD` in Chinese: `'2025-10-15'` → `'2025年10月15日'`; other text unchanged. */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1] ?? ''}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** A month `YYYY-MM` in Chinese: `'2025-09'` → `'2025年9月'`; other text unchanged. */
export function chineseMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1] ?? ''}年${Number(m[2])}月` : month;
}

const NUMERALS = ['〇', '一', '二', '三', '四', '五', '六'];

/** A quarter `YYYYQn` in Chinese: `'2025Q3'` → `'2025年第三季度'`; other text unchanged. */
export function chineseQuarter(quarter: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  return m ? `${m[1] ?? ''}年第${NUMERALS[Number(m[2])] ?? ''}季度` : quarter;
}

/** The last month of a quarter in Chinese: `'2025Q3'` → `'2025年9月'`; undefined when not a quarter. */
export function quarterEnd(quarter: string): string | undefined {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  return m ? `${m[1] ?? ''}年${Number(m[2]) * 3}月` : undefined;
}

/** A period of a compliance gap in Chinese: month, bimonth (`2025-B3` → `2025年5—6月`) or quarter. */
export function chinesePeriod(period: string | undefined): string {
  if (period === undefined) return DASH;
  const b = /^(\d{4})-B([1-6])$/.exec(period);
  if (b) return `${b[1] ?? ''}年${Number(b[2]) * 2 - 1}—${Number(b[2]) * 2}月`;
  return chineseQuarter(chineseMonth(period));
}

/** A number or a dash. */
export function orDash(s: string | number | null | undefined): string {
  return s === null || s === undefined ? DASH : String(s);
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * The exact sum of decimal strings (合计), canonical (no trailing fractional zeros), with BigInt: money
 * never passes through a binary float. Undefined when a string is not a plain decimal.
 */
export function sumDecimals(list: readonly string[]): string | undefined {
  const parsed = list.map((s) => DECIMAL.exec(s));
  if (parsed.some((m) => m === null)) return undefined;
  const scale = Math.max(0, ...parsed.map((m) => (m?.[3] ?? '').length));
  let total = 0n;
  for (const m of parsed) {
    const v = BigInt(`${m?.[2] ?? '0'}${(m?.[3] ?? '').padEnd(scale, '0')}`);
    total += m?.[1] === '-' ? -v : v;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = trimEnd(digits.slice(digits.length - scale), (c) => c === '0');
  return `${negative ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`;
}

/** The zh reasons of a project: messages of its non-info findings and overrides, in the evaluation's order. */
export function reasonsOf(p: { readonly findings: readonly Finding[] }): readonly string[] {
  return p.findings.filter(isReason).map((f) => f.message.zh);
}

/** Who a compliance gap is about, by name: a project, bureau, department, leader or the mayor. */
export function complianceSubject(e: Evaluation, c: ComplianceFinding): string {
  switch (c.kind) {
    case 'reviewMissing':
      return bureauName(c.subjectId) ?? c.subjectId;
    case 'escalationOpen':
      return departmentName(e, c.subjectId);
    case 'meetingMissing':
      if (c.rule === '2.1') return departmentName(e, c.subjectId);
      if (c.rule === '2.3') return '市长';
      return `分管市领导${e.departments.find((d) => d.leaderId === c.subjectId)?.leaderName ?? c.subjectId}`;
    default:
      return projectName(e, c.subjectId);
  }
}

const text = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
const list = (v: unknown): readonly Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];

/** A one-line Chinese account of a compliance gap's evidence (dates, procedures, problems). */
export function complianceDetail(c: ComplianceFinding): string {
  const ev = c.evidence as Readonly<Record<string, unknown>>;
  const due = text(ev['due']);
  const submittedOn = text(ev['submittedOn']);
  const from = text(ev['from']);
  const to = text(ev['to']);
  switch (c.kind) {
    case 'ledgerMissing':
    case 'reportMissing':
      return due === undefined ? COMPLIANCE_KIND_ZH[c.kind] : `应于${chineseDate(due)}前报送，未报送`;
    case 'ledgerLate':
    case 'reportLate':
      return `应于${chineseDate(due ?? DASH)}前报送，实际${chineseDate(submittedOn ?? DASH)}报送`;
    case 'reviewMissing':
    case 'meetingMissing':
      return from !== undefined && to !== undefined ? `${chineseDate(from)}至${chineseDate(to)}期间未开展` : COMPLIANCE_KIND_ZH[c.kind];
    case 'approvalWarning': {
      const procedures = list(ev['procedures']).map((p) => {
        const d = text(p['due']);
        return `${text(p['name']) ?? ''}（节点${d === undefined ? DASH : chineseDate(d)}${p['overdue'] === true ? '，已逾期' : ''}）`;
      });
      return procedures.length === 0 ? COMPLIANCE_KIND_ZH[c.kind] : `待办手续：${procedures.join('；')}`;
    }
    case 'escalationOpen': {
      const issues = list(ev['escalations']).map((x) => `${text(x['issue']) ?? ''}（已${text(x['daysOpen']) ?? DASH}天）`);
      return issues.length === 0 ? COMPLIANCE_KIND_ZH[c.kind] : issues.join('；');
    }
  }
}

/**
 * Markdown text in a table cell or a line: backslash-escape the punctuation Markdown acts on (and what
 * GFM would make a link of), fold newlines, and show control characters as `\uXXXX` (a file read in a
 * terminal obeys them).
 */
export function mdText(s: string): string {
  return showControls(
    s
      .replace(/\r\n?|\n/g, ' ')
      .replace(/[\\`*[\]<>|&~@]/g, (c) => `\\${c}`)
      // GFM makes links of bare URLs and addresses: `https\://`, `www\.` and `\@` stay text.
      .replace(/:\/\//g, '\\://')
      .replace(/\b(www)\./gi, '$1\\.')
      // A run of underscores between two letters or digits (a blank to fill in: "____年__月") is never emphasis.
      .replace(/_+/g, (run: string, at: number, all: string) =>
        /[\p{L}\p{N}]/u.test(all.charAt(at - 1)) && /[\p{L}\p{N}]/u.test(all.charAt(at + run.length)) ? run : run.replace(/_/g, '\\_'),
      ),
  );
}

/** Markdown text that starts a block: also keep it from reading as a heading, list, rule or code block. */
export function mdLine(s: string): string {
  return mdText(s.replace(/^\s+/, ''))
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A Markdown column: its header and whether numbers align right. */
export interface MdColumn {
  /** The header text. */
  readonly title: string;
  /** Right-aligned numbers. */
  readonly align?: 'left' | 'right' | 'center';
}

/** A GitHub-flavoured Markdown table of escaped cells; an `empty` sentence instead when there are no rows. */
export function mdTable(columns: readonly MdColumn[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return mdText(empty);
  const rule = (c: MdColumn): string => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---');
  return [
    `| ${columns.map((c) => mdText(c.title)).join(' | ')} |`,
    `| ${columns.map(rule).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(mdText).join(' | ')} |`),
  ].join('\n');
}

/** A table cell: plain text, or text with the markup the HTML page shows instead (built from escaped parts). */
export type RichCell = string | { readonly text: string; readonly html: string };

/** A column of a {@link Block} table. */
export interface BlockColumn extends MdColumn {
  /** A CSS class of the HTML page for the column's cells. */
  readonly className?: string;
}

/** One block of a document, rendered to Markdown here and to HTML in `_html.ts`. */
export type Block =
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly style?: 'plain' | 'addressee' | 'note' }
  | {
      readonly kind: 'table';
      readonly columns: readonly BlockColumn[];
      readonly rows: readonly (readonly RichCell[])[];
      readonly empty: string;
    }
  | { readonly kind: 'figure'; readonly svg: () => string }
  | { readonly kind: 'signature'; readonly organ: string; readonly date: string };

/** A part printed after the body on its own page (附表, 附图), portrait or landscape. */
export interface Annex {
  /** The label printed top left, e.g. `附表`. */
  readonly label: string;
  /** Its title. */
  readonly title: string;
  /** Landscape for wide tables. */
  readonly landscape: boolean;
  /** Its content. */
  readonly blocks: readonly Block[];
}

/** A document: the issuing organ's masthead (HTML only), title, a line of particulars, the blocks and any annexes. */
export interface DocumentModel {
  /** The issuing organ printed in red above the title. */
  readonly masthead?: string;
  /** 标题. */
  readonly title: string;
  /** A line under the title: dates, unit. */
  readonly meta?: string;
  /** The body. */
  readonly blocks: readonly Block[];
  /** Parts after the body, each on its own page. */
  readonly annexes?: readonly Annex[];
}

/** The text of a rich cell. */
export function cellText(c: RichCell): string {
  return typeof c === 'string' ? c : c.text;
}

function mdBlocks(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${mdText(b.text)}`);
        break;
      case 'paragraph':
        out.push(mdLine(b.text));
        break;
      case 'table':
        out.push(
          mdTable(
            b.columns,
            b.rows.map((r) => r.map(cellText)),
            b.empty,
          ),
        );
        break;
      case 'figure':
        break;
      case 'signature':
        out.push(mdLine(b.organ), mdLine(b.date));
        break;
    }
  }
  return out;
}

/** A document as Markdown (figures are left out: they are pictures); annexes follow as level-2 sections. */
export function mdDocument(d: DocumentModel): string {
  const out: string[] = [`# ${mdText(d.title)}`];
  if (d.meta !== undefined) out.push(mdLine(d.meta));
  out.push(...mdBlocks(d.blocks));
  for (const a of d.annexes ?? []) out.push(`## ${mdText(`${a.label}：${a.title}`)}`, ...mdBlocks(a.blocks));
  return `${out.join('\n\n')}\n`;
}

/** Chinese ordinal numerals for section headings: 1 → `'一'` … 10 → `'十'`, 11 → `'十一'`. */
export function chineseOrdinal(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] ?? String(n);
  if (n < 20) return `十${digits[n - 10] ?? ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)] ?? ''}十${digits[n % 10] ?? ''}`;
  return String(n);
}

/** Number the level-2 headings `一、…`, `二、…` in order. */
export function numberHeadings(blocks: readonly Block[]): readonly Block[] {
  let n = 0;
  return blocks.map((b) => (b.kind === 'heading' && b.level === 2 ? { ...b, text: `${chineseOrdinal(++n)}、${b.text}` } : b));
}

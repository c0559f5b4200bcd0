import type { Evaluation } from '../evaluate.js';
import { RULES } from '../findings/index.js';
import {
  chinesePeriod,
  colourLabel,
  complianceDetail,
  complianceSubject,
  COMPLIANCE_KIND_ZH,
  departmentName,
  EXCLUSION_ZH,
  reasonsOf,
} from './_text.js';

// A number column is written as is; a text column is guarded against spreadsheet formulas.
type Field = { readonly number: string | number | null } | string;

// Spreadsheets run a cell that starts with = + - @ (or a tab or CR before one) as a formula: quote it as text.
const guard = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const field = (f: Field): string => quote(typeof f === 'string' ? guard(f) : f.number === null ? '' : String(f.number));

const num = (n: string | number | null): Field => ({ number: n });

function csv(header: readonly string[], rows: readonly (readonly Field[])[]): string {
  return `\uFEFF${[header.map(quote), ...rows.map((r) => r.map(field))].map((r) => `${r.join(',')}\r\n`).join('')}`;
}

/**
 * Every project's line of the evaluation as CSV (项目评价表): colour, amounts, percentages, forecast and reasons.
 *
 * @remarks
 * UTF-8 with a byte order mark (so that spreadsheets read the Chinese), CRLF line ends, RFC 4180 quoting,
 * Chinese headers. Numbers are the evaluation's decimal strings, unchanged; an empty field is a number
 * the evaluation does not have. A text field starting with `=`, `+`, `-` or `@` gets a leading `'` so
 * that a spreadsheet does not run it as a formula.
 * @example
 * ```ts
 * projectsCsv(evaluation).split('\r\n')[0];
 * //=> '\uFEFF项目编号,项目名称,责任部门编号,责任部门,颜色,计算颜色,年度计划投资(万元),…'
 * ```
 * @category Render
 */
export function projectsCsv(e: Evaluation): string {
  const u = e.unit;
  return csv(
    [
      '项目编号',
      '项目名称',
      '责任部门编号',
      '责任部门',
      '颜色',
      '计算颜色',
      `年度计划投资(${u})`,
      `序时计划投资(${u})`,
      `累计完成投资(${u})`,
      '序时进度(%)',
      '投资完成进度(%)',
      '落后序时进度(百分点)',
      '连续无进度月数',
      `月均完成(${u})`,
      `剩余月均需完成(${u})`,
      `预计年底完成(${u})`,
      '说明',
    ],
    e.projects.map((p) => [
      p.projectId,
      p.name,
      p.departmentId,
      departmentName(e, p.departmentId),
      p.colour === null ? '' : colourLabel(e, p.colour),
      p.computedColour === null ? '' : colourLabel(e, p.computedColour),
      num(p.annualPlan),
      num(p.plannedToDate),
      num(p.completedToDate),
      num(p.schedulePct),
      num(p.progressPct),
      num(p.lagPp),
      num(p.stallRun),
      num(p.forecast.runRate),
      num(p.forecast.requiredMonthly),
      num(p.forecast.projectedYearEnd),
      reasonsOf(p).join('；'),
    ]),
  );
}

/**
 * One quarter's ranking as CSV (季度排名表): ranked departments in rank order, then those left out and why.
 *
 * @remarks
 * Same encoding as {@link projectsCsv}. A quarter the evaluation has not ranked gives the header alone.
 * @example
 * ```ts
 * rankingCsv(evaluation, '2025Q3').split('\r\n')[1]; //=> '2025Q3,1,D-wj,市卫健委,60194,57759.9,95.96,否,'
 * ```
 * @category Render
 */
export function rankingCsv(e: Evaluation, quarter: string): string {
  const u = e.unit;
  const n = e.notifications.find((x) => x.quarter === quarter);
  return csv(
    ['季度', '排名', '责任部门编号', '责任部门', `计划投资(${u})`, `完成投资(${u})`, '完成计划投资率(%)', '排名后三位', '说明'],
    n === undefined
      ? []
      : [
          ...n.ranking.map((r) => [
            n.quarter,
            num(r.rank),
            r.departmentId,
            departmentName(e, r.departmentId),
            num(r.planned),
            num(r.completed),
            num(r.ratePct),
            n.bottom.includes(r.departmentId) ? '是' : '否',
            '',
          ]),
          ...n.excluded.map((x) => [
            n.quarter,
            num(null),
            x.departmentId,
            departmentName(e, x.departmentId),
            num(null),
            num(null),
            num(null),
            '',
            `未参加排名：${EXCLUSION_ZH[x.reason]}`,
          ]),
        ],
  );
}

/**
 * The compliance gaps as CSV (合规问题表): clause, kind, who, period and what the records show.
 *
 * @remarks Same encoding as {@link projectsCsv}; rows in the evaluation's order.
 * @example
 * ```ts
 * complianceCsv(evaluation).split('\r\n')[0]; //=> '\uFEFF条款,规则编号,问题类型,问题,对象编号,对象,期间代码,期间,情况'
 * ```
 * @category Render
 */
export function complianceCsv(e: Evaluation): string {
  return csv(
    ['条款', '规则编号', '问题类型', '问题', '对象编号', '对象', '期间代码', '期间', '情况'],
    e.compliance.map((c) => [
      RULES[c.rule].clause,
      c.rule,
      c.kind,
      COMPLIANCE_KIND_ZH[c.kind],
      c.subjectId,
      complianceSubject(e, c),
      c.period ?? '',
      c.period === undefined ? '' : chinesePeriod(c.period),
      complianceDetail(c),
    ]),
  );
}

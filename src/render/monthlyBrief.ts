import type { EvaluatedProject, Evaluation } from '../evaluate.js';
import { colourCell, complianceTable, interviewTable, linesCell } from './_blocks.js';
import { CHART_WIDTH, htmlDocument, sheetsOf } from './_html.js';
import {
  ACCOUNTABILITY_SEVERITY_ZH,
  chineseDate,
  chineseMonth,
  colourNoun,
  departmentName,
  drcName,
  mdDocument,
  numberHeadings,
  orDash,
  reasonsOf,
  sumDecimals,
  timeGapZh,
  DASH,
  GAP,
  type Block,
  type BlockColumn,
  type DocumentModel,
  type RichCell,
} from './_text.js';
import { battleMapSvg, colourMatrixSvg } from './svg/index.js';

// Reasons read as one line in Markdown and CSV, one per line on the page.
const reasonCell = (p: EvaluatedProject): RichCell => linesCell(reasonsOf(p));

function projectTable(e: Evaluation): Block {
  const u = e.unit;
  const columns: readonly BlockColumn[] = [
    { title: '项目编号', className: 'id' },
    { title: '项目名称', className: 'name' },
    { title: '责任部门' },
    { title: '颜色', align: 'center' },
    { title: `年度计划（${u}）`, align: 'right' },
    { title: `序时计划（${u}）`, align: 'right' },
    { title: `累计完成（${u}）`, align: 'right' },
    { title: '序时进度（%）', align: 'right' },
    { title: '完成进度（%）', align: 'right' },
    { title: '落后序时（百分点）', align: 'right' },
    { title: '说明', className: 'reason' },
  ];
  const rows = e.projects.map((p): readonly RichCell[] => [
    p.projectId,
    p.name,
    departmentName(e, p.departmentId),
    colourCell(e, p.colour),
    p.annualPlan,
    orDash(p.plannedToDate),
    orDash(p.completedToDate),
    orDash(p.schedulePct),
    orDash(p.progressPct),
    orDash(p.lagPp),
    reasonCell(p),
  ]);
  return { kind: 'table', columns, rows, empty: '本期无项目。' };
}

function colourSection(e: Evaluation, colourId: string, label: string): readonly Block[] {
  const projects = e.projects.filter((p) => p.colour === colourId);
  const noun = colourNoun(label);
  return [
    { kind: 'heading', level: 2, text: `${noun}项目` },
    ...(projects.length === 0
      ? []
      : [{ kind: 'paragraph', text: `本期评为${noun}的项目${projects.length}个，情况如下。` } satisfies Block]),
    {
      kind: 'table',
      columns: [
        { title: '项目编号', className: 'id' },
        { title: '项目名称', className: 'name' },
        { title: '责任部门' },
        { title: '落后序时（百分点）', align: 'right' },
        { title: '原因', className: 'reason' },
      ],
      rows: projects.map((p) => [p.projectId, p.name, departmentName(e, p.departmentId), orDash(p.lagPp), reasonCell(p)]),
      empty: `本期无${noun}项目。`,
    },
  ];
}

function summary(e: Evaluation): readonly Block[] {
  const u = e.unit;
  const n = e.projects.length;
  const total = (xs: readonly (string | null)[]): string => {
    // The sum of no project is 0; a sum the evaluation has no numbers for (no evaluated month) is a dash.
    const present = xs.filter((x): x is string => x !== null);
    if (xs.length > 0 && present.length === 0) return DASH;
    return sumDecimals(present) ?? DASH;
  };
  const annual = total(e.projects.map((p) => p.annualPlan));
  if (e.month === null) {
    return [
      { kind: 'heading', level: 2, text: '总体情况' },
      {
        kind: 'paragraph',
        text: `市本级政府投资项目共${n}个，年度计划投资${annual}${u}。截至${chineseDate(e.asOf)}，尚无已过报送期限的月份，本期不作“四色”评价。`,
      },
    ];
  }
  const counts = e.colours.map((c) => ({ c, count: e.projects.filter((p) => p.colour === c.id).length }));
  const unrated = e.projects.filter((p) => !e.colours.some((c) => c.id === p.colour)).length;
  const parts = [...counts.map(({ c, count }) => `${colourNoun(c.zh)}${count}个`), ...(unrated > 0 ? [`未评价${unrated}个`] : [])];
  return [
    { kind: 'heading', level: 2, text: '总体情况' },
    {
      kind: 'paragraph',
      text:
        `截至${chineseMonth(e.month)}底，市本级政府投资项目共${n}个，年度计划投资${annual}${u}，` +
        `序时计划投资${total(e.projects.map((p) => p.plannedToDate))}${u}，累计完成投资${total(e.projects.map((p) => p.completedToDate))}${u}` +
        (e.monthEnd?.total.progressPct == null
          ? '。'
          : `，完成年度计划的${e.monthEnd.total.progressPct}%，时间进度${e.monthEnd.total.timeProgressPct}%，${timeGapZh(e.monthEnd.total.timeGapPp)}。`) +
        `“四色”评价结果：${parts.join('、')}。`,
    },
    {
      kind: 'table',
      columns: [{ title: '颜色', align: 'center' }, { title: '项目数', align: 'right' }, { title: '项目' }],
      rows: [
        ...counts.map(({ c, count }) => [
          colourCell(e, c.id),
          String(count),
          e.projects
            .filter((p) => p.colour === c.id)
            .map((p) => p.name)
            .join('、') || DASH,
        ]),
        ...(unrated > 0
          ? [
              [
                DASH,
                String(unrated),
                e.projects
                  .filter((p) => !e.colours.some((c) => c.id === p.colour))
                  .map((p) => p.name)
                  .join('、'),
              ],
            ]
          : []),
      ],
      empty: '本期无项目。',
    },
    { kind: 'figure', svg: () => battleMapSvg(e, { width: CHART_WIDTH }) },
    { kind: 'figure', svg: () => colourMatrixSvg(e, { width: CHART_WIDTH }) },
  ];
}

function complianceSection(e: Evaluation): readonly Block[] {
  return [
    { kind: 'heading', level: 2, text: '台账、报账与调度问题' },
    complianceTable(e, e.compliance, '本期未发现台账、报账与调度问题。'),
  ];
}

function supervisionSection(e: Evaluation): readonly Block[] {
  return [
    { kind: 'heading', level: 2, text: '约谈与问责提示' },
    { kind: 'heading', level: 3, text: '（一）约谈情形' },
    interviewTable(e, e.interviews, '本期无约谈情形。'),
    { kind: 'heading', level: 3, text: '（二）问责建议' },
    {
      kind: 'table',
      columns: [{ title: '责任部门' }, { title: '情节', align: 'center' }, { title: '问责情形', className: 'reason' }],
      rows: e.accountability.map((a) => [
        departmentName(e, a.departmentId),
        ACCOUNTABILITY_SEVERITY_ZH[a.severity],
        a.grounds.map((g) => g.message.zh).join('；'),
      ]),
      empty: '本期无问责建议。',
    },
    ...(e.accountability.length === 0
      ? []
      : [{ kind: 'paragraph', style: 'note', text: '问责建议仅供参考，由市政府按照情节轻重决定。' } satisfies Block]),
  ];
}

function briefModel(e: Evaluation): DocumentModel {
  const worst = [...e.colours].slice(-2).reverse();
  const monthText = e.month === null ? '尚无评价月份' : chineseMonth(e.month);
  return {
    masthead: drcName(e),
    title: `${e.city ?? ''}市本级政府投资项目建设月度专报（${monthText}）`,
    meta: `评价日期：${chineseDate(e.asOf)}${GAP}评价月份：${monthText}${GAP}金额单位：${e.unit}${GAP}评价口径：${e.policy}`,
    blocks: numberHeadings([
      ...summary(e),
      ...(e.month === null ? [] : worst.flatMap((c) => colourSection(e, c.id, c.zh))),
      ...complianceSection(e),
      ...supervisionSection(e),
    ]),
    annexes: [{ label: '附表', title: '项目评价明细表', landscape: true, blocks: [projectTable(e)] }],
  };
}

/**
 * The monthly brief (月度专报, clause 1.3) as Markdown: totals, the four-colour counts, the projects of
 * the two worst colours with their reasons, compliance gaps, interview and accountability hints, and
 * every project once in the detail table.
 *
 * @remarks
 * Reads only the evaluation: totals are exact sums of its amount strings; reasons are the Chinese
 * messages of each project's findings above `info` and of overrides. Numbers appear as the evaluation
 * gives them; a dash stands for a number the evaluation does not have (no evaluated month yet).
 * @example
 * ```ts
 * monthlyBriefMarkdown(evaluate(portfolio, { asOf: '2025-10-15' })).split('\n')[0];
 * //=> '# 邯郸市市本级政府投资项目建设月度专报（2025年9月）'
 * ```
 * @category Render
 */
export function monthlyBriefMarkdown(e: Evaluation): string {
  return mdDocument(briefModel(e));
}

/**
 * The monthly brief (月度专报, clause 1.3) as a self-contained, print-ready A4 HTML page, with the
 * battle map and the colour matrix inline.
 *
 * @remarks
 * The same content as {@link monthlyBriefMarkdown}; well-formed XML as well as HTML; no scripts, links or
 * fetched fonts.
 * @example
 * ```ts
 * monthlyBriefHtml(evaluate(portfolio, { asOf: '2025-10-15' })).startsWith('<!DOCTYPE html>'); //=> true
 * ```
 * @category Render
 */
export function monthlyBriefHtml(e: Evaluation): string {
  const model = briefModel(e);
  return htmlDocument(model.title, sheetsOf(model));
}

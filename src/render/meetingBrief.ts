import type { Evaluation } from '../evaluate.js';
import { RULES } from '../findings/index.js';
import {
  meetingMaterials,
  type EscalationItem,
  type MeetingLevel,
  type MeetingMaterials,
  type MeetingScope,
} from '../meetings/meetingMaterials.js';
import { colourCell, complianceTable, interviewTable, linesCell } from './_blocks.js';
import { htmlDocument, sheetsOf } from './_html.js';
import { rankingTable } from './quarterlyNotice.js';
import {
  chineseDate,
  chineseMonth,
  chinesePeriod,
  colourLabel,
  colourNoun,
  departmentName,
  drcName,
  mdDocument,
  numberHeadings,
  orDash,
  projectName,
  worstFirst,
  DASH,
  GAP,
  type Block,
  type DocumentModel,
  type RichCell,
} from './_text.js';

const LEVEL_ZH: Readonly<Record<MeetingLevel, string>> = {
  department: '责任部门月调度',
  cityLeader: '分管市领导双月调度',
  mayor: '市长季调度',
};

const MILESTONE_KIND_ZH = { start: '开工', completion: '竣工', procedure: '手续', physical: '形象进度' } as const;
const DIRECTIVE_STATUS_ZH = { pending: '未到期', met: '已落实', unmet: '落实不力' } as const;

const clause = (rule: keyof typeof RULES): string => RULES[rule].clause;
const leaderName = (e: Evaluation, id: string): string => e.leaders.find((l) => l.leaderId === id)?.name ?? id;
const leaderOfDepartment = (e: Evaluation, id: string): string => e.departments.find((d) => d.departmentId === id)?.leaderName ?? DASH;

function periodText(m: MeetingMaterials): string {
  return m.period === null ? '尚无评价月份' : chinesePeriod(m.period);
}

function title(e: Evaluation, m: MeetingMaterials): string {
  const city = e.city ?? '';
  const when = `（${periodText(m)}）`;
  switch (m.level) {
    case 'department':
      return `${m.subject.name}市本级政府投资项目月调度会议材料${when}`;
    case 'cityLeader':
      return `${city}分管市领导${m.subject.name}同志双月调度会议材料${when}`;
    case 'mayor':
      return `${city}市长季度调度会议材料${when}`;
  }
}

function overview(e: Evaluation, m: MeetingMaterials): readonly Block[] {
  const scope =
    m.level === 'department'
      ? `${m.subject.name}负责的市本级政府投资项目共${m.projectIds.length}个`
      : `${m.level === 'mayor' ? '全市' : '分管的'}${m.departmentIds.length}个责任部门（单位）负责的市本级政府投资项目共${m.projectIds.length}个`;
  if (m.month === null) {
    return [
      { kind: 'heading', level: 2, text: '总体情况' },
      { kind: 'paragraph', text: `${scope}。截至${chineseDate(m.asOf)}，尚无已过报送期限的月份，本期不作“四色”评价。` },
    ];
  }
  const before = m.comparedWith === null ? null : chineseMonth(m.comparedWith);
  const parts = m.colours.map((c) => `${c.colour === null ? '未评价' : colourNoun(colourLabel(e, c.colour))}${c.count}个`);
  const worse = m.moves.filter((x) => x.direction === 'worse');
  const better = m.moves.filter((x) => x.direction === 'better');
  return [
    { kind: 'heading', level: 2, text: '总体情况' },
    {
      kind: 'paragraph',
      text:
        `${scope}，截至${chineseMonth(m.month)}底“四色”评价结果：${parts.join('、')}。` +
        (before === null ? '' : `与${before}底相比，转差${worse.length}个，好转${better.length}个。`),
    },
    {
      kind: 'table',
      columns: [
        { title: '颜色', align: 'center' },
        { title: '本期（个）', align: 'right' },
        { title: before === null ? '上期末（个）' : `${before}底（个）`, align: 'right' },
        { title: '增减', align: 'right' },
      ],
      rows: m.colours.map((c) => [
        colourCell(e, c.colour),
        String(c.count),
        orDash(c.previous),
        c.previous === null ? DASH : signed(c.count - c.previous),
      ]),
      empty: '本期无项目。',
    },
    ...(before === null
      ? []
      : [
          { kind: 'heading', level: 3, text: '（一）颜色变化' } satisfies Block,
          {
            kind: 'table',
            columns: [
              { title: '条款', align: 'center' },
              { title: '项目名称', className: 'name' },
              { title: '责任部门' },
              { title: `${before}底`, align: 'center' },
              { title: '本期', align: 'center' },
              { title: '变化', align: 'center' },
            ],
            rows: m.moves.map((x) => [
              clause(x.rule),
              projectName(e, x.projectId),
              departmentName(e, x.departmentId),
              colourCell(e, x.from),
              colourCell(e, x.to),
              x.direction === 'worse' ? `转${colourLabel(e, x.to)}` : '好转',
            ]),
            empty: '本期无颜色变化的项目。',
          } satisfies Block,
        ]),
  ];
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function problems(e: Evaluation, m: MeetingMaterials): readonly Block[] {
  return [
    { kind: 'heading', level: 2, text: '问题清单' },
    {
      kind: 'paragraph',
      text: '列出本期评为最差两种颜色的项目，以及有待协调问题、领导批示或到期节点的其他项目。',
      style: 'note',
    },
    {
      kind: 'table',
      columns: [
        { title: '条款', align: 'center' },
        { title: '项目名称', className: 'name' },
        { title: '责任部门' },
        { title: '颜色', align: 'center' },
        { title: '落后序时（百分点）', align: 'right' },
        { title: '责任领导' },
        { title: '责任人' },
        { title: '原因', className: 'reason' },
      ],
      rows: m.problems.map((p) => [
        clause(p.rule),
        p.name,
        departmentName(e, p.departmentId),
        colourCell(e, p.colour),
        orDash(p.lagPp),
        p.responsible.leader,
        p.responsible.person,
        linesCell([...(p.listedFor.includes('colour') ? p.reasons.map((f) => f.message.zh) : []), ...otherReasons(e, m, p.projectId)]),
      ]),
      empty: '本期无问题项目。',
    },
  ];
}

// What else of a project the materials list, in a few words: 待协调问题, 批示, 节点.
function otherReasons(e: Evaluation, m: MeetingMaterials, projectId: string): string[] {
  const own = <T extends { readonly projectId: string | null }>(xs: readonly T[]): T[] => xs.filter((x) => x.projectId === projectId);
  return [
    ...own(m.escalations.open).map((x) => `问题报告${leaderName(e, x.toLeaderId)}协调，已${x.days}天未解决`),
    ...own(m.directives).map(
      (d) => `${leaderName(e, d.byLeaderId)}批示${d.status === 'unmet' ? '到期落实不力' : `${chineseDate(d.deadline)}到期`}`,
    ),
    ...own(m.milestones)
      .filter((x) => x.rule !== '3.2.2')
      .map((x) => `节点“${x.name}”${x.state === 'overdue' ? `应于${chineseDate(x.due)}完成，逾期` : `${chineseDate(x.due)}到期`}`),
  ];
}

function escalationRow(e: Evaluation, x: EscalationItem, open: boolean): RichCell[] {
  return [
    clause(x.rule),
    chineseDate(x.raisedOn),
    // A problem reaches the mayor through the department's leader in charge (二(二) → 二(三)).
    x.level === 'mayor'
      ? `${departmentName(e, x.departmentId)}（经分管市领导${leaderOfDepartment(e, x.departmentId)}）`
      : departmentName(e, x.departmentId),
    x.projectId === null ? DASH : projectName(e, x.projectId),
    x.issue,
    x.level === 'mayor' ? `市长${leaderName(e, x.toLeaderId)}` : leaderName(e, x.toLeaderId),
    open ? `${x.days}${x.overdue ? '（超期）' : ''}` : `${chineseDate(x.resolvedOn ?? '')}（${x.days}天）`,
  ];
}

function escalations(e: Evaluation, m: MeetingMaterials): readonly Block[] {
  const raised = m.level === 'department' ? '本部门上报的问题' : `报${m.level === 'mayor' ? '市长' : '分管市领导'}协调的问题`;
  const columns = (last: string): Block & { kind: 'table' } => ({
    kind: 'table',
    columns: [
      { title: '条款', align: 'center' },
      { title: '报告日期', align: 'center' },
      { title: '报告部门' },
      { title: '涉及项目', className: 'name' },
      { title: '问题', className: 'reason' },
      { title: '报告对象' },
      { title: last, align: 'right' },
    ],
    rows: [],
    empty: '',
  });
  return [
    { kind: 'heading', level: 2, text: '待协调问题' },
    { kind: 'heading', level: 3, text: `（一）${raised}（未解决）` },
    {
      ...columns('已历时（天）'),
      rows: m.escalations.open.map((x) => escalationRow(e, x, true)),
      empty: `无未解决的${raised}。`,
    },
    { kind: 'heading', level: 3, text: `（二）${chineseDate(m.since)}以来已解决` },
    {
      ...columns('解决日期（用时）'),
      rows: m.escalations.closed.map((x) => escalationRow(e, x, false)),
      empty: '无。',
    },
  ];
}

function directives(e: Evaluation, m: MeetingMaterials): readonly Block[] {
  return [
    { kind: 'heading', level: 2, text: '领导批示落实情况' },
    {
      kind: 'paragraph',
      text: `列出${chineseDate(m.nextMeetingBy)}前到期的批示，以及到期未落实的批示。`,
      style: 'note',
    },
    {
      kind: 'table',
      columns: [
        { title: '条款', align: 'center' },
        { title: '项目名称', className: 'name' },
        { title: '批示领导' },
        { title: '批示日期', align: 'center' },
        { title: '具体要求', className: 'reason' },
        { title: '落实期限', align: 'center' },
        { title: '状态', align: 'center' },
        { title: '措施与进度', className: 'reason' },
      ],
      rows: m.directives.map((d) => [
        clause(d.rule),
        projectName(e, d.projectId),
        leaderName(e, d.byLeaderId),
        chineseDate(d.issuedOn),
        d.requirement,
        chineseDate(d.deadline),
        DIRECTIVE_STATUS_ZH[d.status],
        linesCell([
          ...d.measures.map((x) => `措施（${chineseDate(x.on)}）：${x.text}`),
          ...d.progress.map((x) => `进度（${chineseDate(x.on)}）：${x.text}`),
        ]),
      ]),
      empty: '无到期或未落实的批示。',
    },
  ];
}

function milestones(e: Evaluation, m: MeetingMaterials): readonly Block[] {
  return [
    { kind: 'heading', level: 2, text: '时间节点' },
    {
      kind: 'table',
      columns: [
        { title: '条款', align: 'center' },
        { title: '项目名称', className: 'name' },
        { title: '责任部门' },
        { title: '节点' },
        { title: '类型', align: 'center' },
        { title: '计划完成日期', align: 'center' },
        { title: '状态', align: 'center' },
      ],
      rows: m.milestones.map((x) => [
        clause(x.rule),
        projectName(e, x.projectId),
        departmentName(e, x.departmentId),
        x.name,
        MILESTONE_KIND_ZH[x.kind],
        chineseDate(x.due),
        x.state === 'overdue' ? '逾期未完成' : '下次会议前到期',
      ]),
      empty: `无逾期节点，${chineseDate(m.nextMeetingBy)}前无到期节点。`,
    },
  ];
}

function supervision(e: Evaluation, m: MeetingMaterials): readonly Block[] {
  return [
    { kind: 'heading', level: 2, text: '约谈情形与履职问题' },
    { kind: 'heading', level: 3, text: '（一）约谈情形' },
    interviewTable(e, m.interviews, '无约谈情形。'),
    { kind: 'heading', level: 3, text: '（二）台账、报账与调度问题' },
    complianceTable(e, m.compliance, '未发现台账、报账与调度问题。'),
  ];
}

function ranking(e: Evaluation, m: MeetingMaterials): readonly Block[] {
  const n = m.ranking;
  if (m.level !== 'mayor') return [];
  if (n === null)
    return [
      { kind: 'heading', level: 2, text: '季度排名' },
      { kind: 'paragraph', text: '尚无已排名的季度。' },
    ];
  const bottom = worstFirst(n.ranking.filter((r) => n.bottom.includes(r.departmentId)));
  return [
    { kind: 'heading', level: 2, text: `${chinesePeriod(n.quarter)}排名` },
    rankingTable(e, n),
    {
      kind: 'paragraph',
      text:
        bottom.length === 0
          ? '本季度无排名后三位的责任部门（单位）。'
          : `排名后三位：${bottom.map((r) => `${departmentName(e, r.departmentId)}（第${r.rank}名，${r.ratePct}%）`).join('、')}。`,
    },
  ];
}

function materialsModel(e: Evaluation, scope: MeetingScope): DocumentModel {
  const m = meetingMaterials(e, scope);
  return {
    masthead: drcName(e),
    title: title(e, m),
    meta:
      `${LEVEL_ZH[m.level]}（${clause(m.clause)}）${GAP}评价日期：${chineseDate(m.asOf)}${GAP}` +
      `评价月份：${m.month === null ? '尚无' : chineseMonth(m.month)}${GAP}下次会议前：${chineseDate(m.nextMeetingBy)}${GAP}金额单位：${e.unit}`,
    blocks: numberHeadings([
      ...overview(e, m),
      ...problems(e, m),
      ...escalations(e, m),
      ...directives(e, m),
      ...milestones(e, m),
      ...supervision(e, m),
      ...ranking(e, m),
    ]),
  };
}

/**
 * The materials of a scheduling meeting (调度会议材料, clauses 2.1–2.3) as Markdown: colour counts and
 * moves, the problem list with who answers for each project, open and closed escalations, directives,
 * milestones, interview triggers and compliance gaps of the scope, and for the mayor the quarter's ranking.
 *
 * @remarks Reads only the evaluation, through {@link meetingMaterials}.
 * @throws `SansansanError` `unknown_reference` when the scope names a department or leader the evaluation lacks.
 * @example
 * ```ts
 * meetingBriefMarkdown(evaluation, { level: 'mayor' }).split('\n')[0];
 * //=> '# 邯郸市市长季度调度会议材料（2025年第三季度）'
 * ```
 * @category Render
 */
export function meetingBriefMarkdown(evaluation: Evaluation, scope: MeetingScope): string {
  return mdDocument(materialsModel(evaluation, scope));
}

/**
 * The materials of a scheduling meeting (调度会议材料) as a self-contained, print-ready A4 HTML page: the
 * same content as {@link meetingBriefMarkdown}.
 * @throws `SansansanError` `unknown_reference` when the scope names a department or leader the evaluation lacks.
 * @example
 * ```ts
 * meetingBriefHtml(evaluation, { level: 'department', departmentId: 'D-sl' }).startsWith('<!DOCTYPE html>'); //=> true
 * ```
 * @category Render
 */
export function meetingBriefHtml(evaluation: Evaluation, scope: MeetingScope): string {
  const model = materialsModel(evaluation, scope);
  return htmlDocument(model.title, sheetsOf(model));
}

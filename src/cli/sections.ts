import type { Evaluation } from '../evaluate.js';
import type { Finding } from '../findings/index.js';
import type { Policy } from '../policy/index.js';
import { bureauName, complianceSubject, departmentName, projectName, rankingCells } from '../render/_text.js';
import type { MonthEndRanking, QuarterlyNotification } from '../supervision/notification/quarterlyRanking.js';
import type { Column } from './text.js';

/** A titled table: what the table, Markdown and demo outputs are made of. */
export interface Section {
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly string[])[];
  /** Style per cell (a colour id), for the terminal. */
  readonly styleOf?: (row: number, col: number) => string | undefined;
  /** Shown instead of an empty table. */
  readonly empty: string;
  /** A line after the table. */
  readonly note?: string;
}

function colourLabel(policy: Policy, id: string | null): string {
  if (id === null) return '—';
  return policy.colour.scale.find((c) => c.id === id)?.zh ?? id;
}

function reasons(findings: readonly Finding[]): string {
  return findings
    .filter((f) => f.severity !== 'info' || f.rule === 'colour.override')
    .map((f) => f.message.zh)
    .join(';');
}

// The columns of a ranking line (rankingCells), in the command's tables.
const RANKING_COLUMNS: readonly Column[] = [
  { title: '名次', align: 'right' },
  { title: '责任部门', max: 16 },
  { title: '计划投资', align: 'right' },
  { title: '完成投资', align: 'right' },
  { title: '完成率%', align: 'right' },
];

/** "绿 12 · 白 12 · 黄 10 · 红 6(共 40 个项目)" in the order of the scale. */
export function colourCounts(e: Evaluation, policy: Policy): string {
  const counts = policy.colour.scale.map((c) => `${c.zh} ${e.projects.filter((p) => p.colour === c.id).length}`);
  const none = e.projects.filter((p) => p.colour === null).length;
  return `${counts.join(' · ')}${none > 0 ? ` · 未评价 ${none}` : ''}(共 ${e.projects.length} 个项目)`;
}

export function projectSection(e: Evaluation, policy: Policy): Section {
  return {
    title: `四色评价 · ${e.month ?? '尚无评价月份'}(单位:${e.unit})`,
    columns: [
      { title: '项目' },
      { title: '名称', max: 26 },
      { title: '责任部门', max: 14 },
      { title: '颜色' },
      { title: '序时计划', align: 'right' },
      { title: '累计完成', align: 'right' },
      { title: '序时进度%', align: 'right' },
      { title: '完成进度%', align: 'right' },
      { title: '落后(百分点)', align: 'right' },
      { title: '原因', max: 40 },
    ],
    rows: e.projects.map((p) => [
      p.projectId,
      p.name,
      departmentName(e, p.departmentId),
      colourLabel(policy, p.colour),
      p.plannedToDate ?? '—',
      p.completedToDate ?? '—',
      p.schedulePct ?? '—',
      p.progressPct ?? '—',
      p.lagPp ?? '—',
      reasons(p.findings),
    ]),
    styleOf: (r, c) => (c === 3 ? (e.projects[r]?.colour ?? undefined) : undefined),
    empty: '(没有项目)',
    note: colourCounts(e, policy),
  };
}

export function rankingSection(n: QuarterlyNotification, e: Evaluation): Section {
  const bottom = new Set(n.bottom);
  const excluded = n.excluded.map((x) => `${departmentName(e, x.departmentId)}(无计划)`).join('、');
  return {
    title: `${n.quarter} 季度通报 · 完成计划投资率排名(单位:${e.unit})`,
    columns: [...RANKING_COLUMNS, { title: '提醒函' }],
    rows: n.ranking.map((r) => [...rankingCells(e, r), bottom.has(r.departmentId) ? '后三位 · 发提醒函' : '']),
    styleOf: (r, c) => (c === 5 && bottom.has(n.ranking[r]?.departmentId ?? '') ? 'red' : undefined),
    empty: '(没有可排名的部门)',
    note: `后三位:${n.bottom.map((id) => departmentName(e, id)).join('、') || '无'}${excluded ? `;不参与排名:${excluded}` : ''}`,
  };
}

/** A month-end ranking (月度排名) as a table: the rate and the gap to the time schedule of each department. */
export function monthEndSection(m: MonthEndRanking, e: Evaluation): Section {
  const excluded = m.excluded.map((x) => `${departmentName(e, x.departmentId)}(无计划)`).join('、');
  const month = Number(m.through.slice(5, 7));
  return {
    title: `${m.through.slice(0, 4)} 年 1—${month} 月 · 完成计划投资率排名(单位:${e.unit};时间进度 ${m.total.timeProgressPct}%)`,
    columns: [...RANKING_COLUMNS, { title: '快(+)慢(−)于时间进度', align: 'right' }],
    rows: m.ranking.map((r) => [...rankingCells(e, r), r.timeGapPp ?? '—']),
    empty: '(没有可排名的部门)',
    note: `末位:${m.bottom.map((id) => departmentName(e, id)).join('、') || '无'}${excluded ? `;不参与排名:${excluded}` : ''}`,
  };
}

export function interviewSection(e: Evaluation): Section {
  const rows = e.interviews.flatMap((i) =>
    i.triggers.map((t) => [
      departmentName(e, i.departmentId),
      t.rule,
      t.projectId === undefined ? '' : `${t.projectId} ${projectName(e, t.projectId)}`,
      t.message.zh,
    ]),
  );
  return {
    title: '约谈情形(3.2)',
    columns: [{ title: '责任部门', max: 16 }, { title: '条款' }, { title: '项目', max: 30 }, { title: '事由', max: 70 }],
    rows,
    empty: '(无约谈情形)',
  };
}

const SEVERITY_ZH: ReadonlyMap<string, string> = new Map([
  ['notice', '提醒'],
  ['serious', '较重'],
  ['grave', '严重'],
]);

export function accountabilitySection(e: Evaluation): Section {
  return {
    title: '问责建议(3.3,供参考,由市政府决定)',
    columns: [{ title: '责任部门', max: 16 }, { title: '程度' }, { title: '情形', max: 90 }],
    rows: e.accountability.map((a) => [
      departmentName(e, a.departmentId),
      SEVERITY_ZH.get(a.severity) ?? a.severity,
      a.grounds.map((g) => g.message.zh).join(';'),
    ]),
    styleOf: (r, c) => (c === 1 ? (e.accountability[r]?.severity === 'notice' ? 'yellow' : 'red') : undefined),
    empty: '(无)',
  };
}

const KIND_ZH: ReadonlyMap<string, string> = new Map([
  ['ledgerMissing', '台账未报送'],
  ['ledgerLate', '台账逾期'],
  ['reportMissing', '月报未报'],
  ['reportLate', '月报逾期'],
  ['reviewMissing', '双月对接缺失'],
  ['approvalWarning', '手续预警'],
  ['meetingMissing', '调度缺失'],
  ['escalationOpen', '上报问题未解决'],
]);

// Who a gap is about: the bureau's name, or the id and the name of the department, leader or project.
function subject(e: Evaluation, c: Evaluation['compliance'][number]): string {
  if (c.kind === 'reviewMissing') return bureauName(c.subjectId) ?? c.subjectId;
  const name = complianceSubject(e, c);
  return name === c.subjectId ? c.subjectId : `${c.subjectId} ${name}`;
}

export function complianceSection(e: Evaluation): Section {
  return {
    title: '合规检查(1.1、1.2、2.x,已结束的期间)',
    columns: [{ title: '条款' }, { title: '类别' }, { title: '对象', max: 30 }, { title: '期间' }, { title: '依据', max: 60 }],
    rows: e.compliance.map((c) => [c.rule, KIND_ZH.get(c.kind) ?? c.kind, subject(e, c), c.period ?? '', evidenceText(c.evidence)]),
    empty: '(无缺口)',
  };
}

function evidenceText(evidence: object): string {
  return Object.entries(evidence)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
}

/** Every section of an evaluation, in reading order. */
export function evaluationSections(e: Evaluation, policy: Policy): Section[] {
  return [
    projectSection(e, policy),
    ...e.notifications.map((n) => rankingSection(n, e)),
    interviewSection(e),
    accountabilitySection(e),
    complianceSection(e),
  ];
}

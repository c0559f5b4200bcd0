import type { Evaluation } from '../evaluate.js';
import type { Finding } from '../findings/index.js';
import type { Policy } from '../policy/index.js';
import { paint, table } from './text.js';

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

/** The evaluation as a Chinese terminal table, colours named 绿/白/黄/红, coloured when `colour` is on. */
export function formatEvaluationTable(e: Evaluation, policy: Policy, names: ReadonlyMap<string, string>, colour: boolean): string {
  const head = `评价日期 ${e.asOf} · 评价月份 ${e.month ?? '(尚无)'} · 口径 ${e.policy} · 单位 ${e.unit}`;
  const rows = e.projects.map((p) => [
    p.projectId,
    p.name,
    names.get(p.departmentId) ?? p.departmentId,
    colourLabel(policy, p.colour),
    p.plannedToDate ?? '—',
    p.completedToDate ?? '—',
    p.schedulePct ?? '—',
    p.progressPct ?? '—',
    p.lagPp ?? '—',
    reasons(p.findings),
  ]);
  const body = table(
    [
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
    rows,
    (r, c) => (c === 3 ? (e.projects[r]?.colour ?? undefined) : undefined),
    colour,
  );
  return `${paint(head, 'bold', colour)}\n\n${body}\n\n${colourCounts(e, policy)}`;
}

/** "绿 12 · 白 9 · 黄 11 · 红 8" in the order of the scale. */
export function colourCounts(e: Evaluation, policy: Policy): string {
  const counts = policy.colour.scale.map((c) => `${c.zh} ${e.projects.filter((p) => p.colour === c.id).length}`);
  const none = e.projects.filter((p) => p.colour === null).length;
  return `${counts.join(' · ')}${none > 0 ? ` · 未评价 ${none}` : ''}(共 ${e.projects.length} 个项目)`;
}

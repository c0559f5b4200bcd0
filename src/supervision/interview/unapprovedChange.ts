import { compareCodeUnits } from '../../findings/index.js';
import type { Project } from '../../portfolio/index.js';
import type { InterviewTrigger } from './types.js';

/**
 * Trigger 3.2.5 (未经市政府主要领导同意,擅自变更计划建设内容、重要进度节点): a change recorded with
 * `approvedByPrincipal: false`, or a milestone whose `due` differs from its `baselineDue` with no known
 * approved change naming that milestone (whatever the change's subject). Pass the project as known at `asOf`.
 * @example
 * ```ts
 * unapprovedChange(project)?.evidence; //=> { changes: [...], movedMilestones: [...] }
 * ```
 * @category Supervision
 */
export function unapprovedChange(project: Project): InterviewTrigger | undefined {
  // Without an unapproved change or a moved milestone there is nothing to report: most projects.
  const changed = project.changes !== undefined && project.changes.some((c) => !c.approvedByPrincipal);
  if (!changed && !project.milestones.some((m) => m.baselineDue !== undefined && m.baselineDue !== m.due)) return undefined;
  // Sorted by content, so the evidence does not depend on the input order.
  // Only the fields of the contract are compared: unknown keys carry arbitrary data.
  const changes = [...(project.changes ?? [])].sort(
    (a, b) =>
      compareCodeUnits(a.on, b.on) ||
      compareCodeUnits(a.subject, b.subject) ||
      compareCodeUnits(a.milestoneId ?? '', b.milestoneId ?? '') ||
      compareCodeUnits(a.from ?? '', b.from ?? '') ||
      compareCodeUnits(a.to ?? '', b.to ?? '') ||
      compareCodeUnits(a.ref ?? '', b.ref ?? '') ||
      Number(a.approvedByPrincipal) - Number(b.approvedByPrincipal),
  );
  const unapproved = changes
    .filter((c) => !c.approvedByPrincipal)
    .map((c) => ({
      on: c.on,
      subject: c.subject,
      milestoneId: c.milestoneId ?? null,
      from: c.from ?? null,
      to: c.to ?? null,
      ref: c.ref ?? null,
    }));
  const approvedFor = new Set(changes.filter((c) => c.approvedByPrincipal && c.milestoneId !== undefined).map((c) => c.milestoneId));
  const moved = [...project.milestones]
    .sort((a, b) => compareCodeUnits(a.id, b.id))
    .filter((m) => m.baselineDue !== undefined && m.baselineDue !== m.due && !approvedFor.has(m.id))
    .map((m) => ({ milestoneId: m.id, name: m.name, baselineDue: m.baselineDue ?? null, due: m.due }));
  if (unapproved.length === 0 && moved.length === 0) return undefined;
  const zh = [
    ...unapproved.map((c) => `${c.on} 未经批准变更${SUBJECT_ZH[c.subject]}`),
    ...moved.map((m) => `节点"${m.name}"由 ${m.baselineDue ?? ''} 改为 ${m.due},无批准记录`),
  ];
  const en = [
    ...unapproved.map((c) => `unapproved ${c.subject} change on ${c.on}`),
    ...moved.map((m) => `milestone ${m.milestoneId} moved from ${m.baselineDue ?? ''} to ${m.due} without an approved change`),
  ];
  return {
    rule: '3.2.5',
    departmentId: project.departmentId,
    projectId: project.id,
    evidence: { changes: unapproved, movedMilestones: moved },
    message: { zh: `${project.name}:${zh.join(';')}`, en: `${project.id}: ${en.join('; ')}` },
  };
}

const SUBJECT_ZH: Readonly<Record<string, string>> = {
  content: '建设内容',
  milestone: '进度节点',
  scale: '建设规模',
  location: '建设地点',
};

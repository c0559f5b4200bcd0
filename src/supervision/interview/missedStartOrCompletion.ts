import type { CalendarDate } from '../../calendar/index.js';
import { compareCodeUnits } from '../../findings/index.js';
import { achievementDate, type Milestone, type Project } from '../../portfolio/index.js';
import type { InterviewTrigger } from './types.js';

/**
 * Trigger 3.2.2 (应开工、竣工而未按时开工、竣工): a `start` or `completion` milestone whose due date has
 * passed (`due < asOf`) and that was not achieved on or before it. Achieved exactly on the due date is on
 * time; due today is not late yet. Pass the project as known at `asOf`.
 * @example
 * ```ts
 * missedStartOrCompletion(project, parseCalendarDate('2025-10-15'))?.evidence;
 * //=> { milestones: [{ milestoneId: 'start', kind: 'start', due: '2025-06-30', achievedOn: null }] }
 * ```
 * @category Supervision
 */
export function missedStartOrCompletion(project: Project, asOf: CalendarDate): InterviewTrigger | undefined {
  // The late ones first (most projects have none), then in order of due date and id.
  const late: { readonly m: Milestone; readonly achieved: CalendarDate | undefined }[] = [];
  for (const m of project.milestones) {
    if ((m.kind !== 'start' && m.kind !== 'completion') || m.due >= asOf) continue;
    const achieved = achievementDate(project, m);
    if (achieved === undefined || achieved > m.due) late.push({ m, achieved });
  }
  if (late.length === 0) return undefined;
  const missed = late
    .sort((a, b) => compareCodeUnits(a.m.due, b.m.due) || compareCodeUnits(a.m.id, b.m.id))
    .map(({ m, achieved }) => ({ milestoneId: m.id, kind: m.kind, name: m.name, due: m.due, achievedOn: achieved ?? null }));
  const names = missed.map((x) => `${x.name}(应于 ${x.due}${x.achievedOn === null ? ',未完成' : `,实际 ${x.achievedOn}`})`);
  return {
    rule: '3.2.2',
    departmentId: project.departmentId,
    projectId: project.id,
    evidence: { milestones: missed },
    message: {
      zh: `${project.name}未按时${missed.some((x) => x.kind === 'start') ? '开工' : '竣工'}:${names.join(';')}`,
      en: `${project.id}: ${missed.map((x) => `${x.kind} due ${x.due} ${x.achievedOn === null ? 'not achieved' : `achieved ${x.achievedOn}`}`).join('; ')}`,
    },
  };
}

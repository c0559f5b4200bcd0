import type { CalendarDate } from '../../calendar/index.js';
import { addDaysSaturating } from '../../calendar/date.js';
import { compareCodeUnits } from '../../findings/index.js';
import type { Leader, Project } from '../../portfolio/index.js';
import type { InterviewTrigger } from './types.js';

/**
 * Trigger 3.2.3 (对市政府主要领导的具体要求落实不力,没有明确措施和明显工作进度): a directive by a principal
 * leader (or the mayor) whose deadline D — `dueOn`, else `issuedOn + directiveDays` — is before `asOf`,
 * with neither a measure nor a progress entry dated ≤ D (`"missingBoth"`, the default reading of
 * "没有…和…"), or lacking either of them (`"missingEither"`). Pass the project as known at `asOf`.
 * @example
 * ```ts
 * directiveNotImplemented(project, leaders, parseCalendarDate('2025-10-15'), 30, 'missingBoth')?.rule; //=> '3.2.3'
 * ```
 * @category Supervision
 */
export function directiveNotImplemented(
  project: Project,
  leaders: readonly Leader[],
  asOf: CalendarDate,
  directiveDays: number,
  failure: 'missingBoth' | 'missingEither',
): InterviewTrigger | undefined {
  const directives = project.directives;
  if (directives === undefined || directives.length === 0) return undefined;
  const principal = new Set(leaders.filter((l) => l.role === 'principal' || l.role === 'mayor').map((l) => l.id));
  const failed = directives
    .filter((d) => principal.has(d.byLeaderId))
    .sort((a, b) => compareCodeUnits(a.issuedOn, b.issuedOn) || compareCodeUnits(a.id, b.id))
    .map((d) => {
      const deadline = d.dueOn ?? addDaysSaturating(d.issuedOn, directiveDays);
      const measure = d.measures.some((e) => e.on <= deadline);
      const progress = d.progress.some((e) => e.on <= deadline);
      const fails = deadline < asOf && (failure === 'missingBoth' ? !measure && !progress : !measure || !progress);
      return { d, deadline, measure, progress, fails };
    })
    .filter((x) => x.fails);
  if (failed.length === 0) return undefined;
  return {
    rule: '3.2.3',
    departmentId: project.departmentId,
    projectId: project.id,
    evidence: {
      directiveFailure: failure,
      directives: failed.map((x) => ({
        directiveId: x.d.id,
        byLeaderId: x.d.byLeaderId,
        issuedOn: x.d.issuedOn,
        deadline: x.deadline,
        requirement: x.d.requirement,
        measureByDeadline: x.measure,
        progressByDeadline: x.progress,
      })),
    },
    message: {
      zh: `${project.name}:市政府主要领导要求(${failed.map((x) => `${x.d.requirement},期限 ${x.deadline}`).join(';')})到期无明确措施和明显进度`,
      en: `${project.id}: principal leader's directive${failed.length > 1 ? 's' : ''} ${failed.map((x) => `${x.d.id} (due ${x.deadline})`).join(', ')} without measures or progress by the deadline`,
    },
  };
}

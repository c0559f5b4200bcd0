import type { CalendarDate } from '../../calendar/index.js';
import { compareCodeUnits } from '../../findings/index.js';
import type { Project } from '../../portfolio/index.js';
import type { InterviewTrigger } from './types.js';

/**
 * Trigger 3.2.4 (因前期论证不充分导致项目无法实施): a stall with cause `insufficientPreliminaryStudy` that
 * began on or before `asOf` (whether or not it has ended). Pass the project as known at `asOf`.
 * @example
 * ```ts
 * insufficientPreliminaryStudy(project, parseCalendarDate('2025-10-15'))?.evidence; //=> { stalls: [{ since: '2025-05-10', until: null, note: '…' }] }
 * ```
 * @category Supervision
 */
export function insufficientPreliminaryStudy(project: Project, asOf: CalendarDate): InterviewTrigger | undefined {
  const stalls = (project.stalls ?? [])
    .filter((s) => s.cause === 'insufficientPreliminaryStudy' && s.since <= asOf)
    .sort(
      (a, b) =>
        compareCodeUnits(a.since, b.since) ||
        compareCodeUnits(a.until ?? '', b.until ?? '') ||
        compareCodeUnits(a.note ?? '', b.note ?? ''),
    );
  if (stalls.length === 0) return undefined;
  return {
    rule: '3.2.4',
    departmentId: project.departmentId,
    projectId: project.id,
    evidence: { stalls: stalls.map((s) => ({ since: s.since, until: s.until ?? null, note: s.note ?? null })) },
    message: {
      zh: `${project.name}因前期论证不充分,自 ${stalls.map((s) => s.since).join('、')} 起无法实施`,
      en: `${project.id}: cannot proceed since ${stalls.map((s) => s.since).join(', ')} for insufficient preliminary study`,
    },
  };
}

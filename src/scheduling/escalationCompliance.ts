import { daysBetween, type CalendarDate } from '../calendar/index.js';
import { compareCodeUnits } from '../findings/index.js';
import type { ComplianceFinding } from '../findings/compliance.js';
import type { Escalation } from '../portfolio/index.js';
import { appendTo } from '../_lib/append.js';

/**
 * Escalations left open (向分管市领导报告的问题未解决, clause 2.1): one `escalationOpen` per department with
 * an escalation not resolved on or before `asOf` and raised more than `escalationDays` (30) ago
 * (`raisedOn + escalationDays < asOf`). The evidence lists every such escalation.
 *
 * @remarks Pass the escalations known at `asOf` (a `resolvedOn` after `asOf` has not happened yet).
 * @example
 * ```ts
 * escalationCompliance(known.escalations ?? [], parseCalendarDate('2025-10-15'), 30)[0]?.subjectId; //=> 'D-sl'
 * ```
 * @category Scheduling
 */
export function escalationCompliance(escalations: readonly Escalation[], asOf: CalendarDate, escalationDays: number): ComplianceFinding[] {
  const open = new Map<string, Escalation[]>();
  for (const e of escalations) {
    const unresolved = e.resolvedOn === undefined || e.resolvedOn > asOf;
    if (unresolved && daysBetween(e.raisedOn, asOf) > escalationDays) appendTo(open, e.departmentId, e);
  }
  return [...open.keys()].sort(compareCodeUnits).map((departmentId) => ({
    rule: '2.1' as const,
    kind: 'escalationOpen' as const,
    subjectId: departmentId,
    evidence: {
      escalationDays,
      escalations: (open.get(departmentId) ?? [])
        .map((e) => ({ raisedOn: e.raisedOn, toLeaderId: e.toLeaderId, issue: e.issue, daysOpen: daysBetween(e.raisedOn, asOf) }))
        .sort((a, b) => compareCodeUnits(a.raisedOn, b.raisedOn) || compareCodeUnits(a.issue, b.issue)),
    },
  }));
}

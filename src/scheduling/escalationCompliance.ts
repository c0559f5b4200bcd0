import { daysBetween, type CalendarDate } from '../calendar/index.js';
import { compareCodeUnits } from '../findings/index.js';
import type { ComplianceFinding } from '../findings/compliance.js';
import type { Escalation } from '../portfolio/index.js';
import { appendTo } from '../_lib/append.js';

/**
 * Where an escalation stands at `asOf` (问题办理情况): open until its `resolvedOn` (a resolution after `asOf`
 * has not happened yet); `days` it has been open (to `asOf`, or to `resolvedOn` once resolved); and
 * `overdue` when still open after `escalationDays` (`raisedOn + escalationDays < asOf`), the test of
 * `escalationOpen`.
 * @example
 * ```ts
 * escalationStanding(escalation, parseCalendarDate('2025-10-15'), 30); //=> { open: true, days: 75, overdue: true }
 * ```
 * @category Scheduling
 */
export function escalationStanding(e: Escalation, asOf: CalendarDate, escalationDays: number): EscalationStanding {
  const resolvedOn = e.resolvedOn !== undefined && e.resolvedOn <= asOf ? e.resolvedOn : undefined;
  const days = daysBetween(e.raisedOn, resolvedOn ?? asOf);
  return { open: resolvedOn === undefined, days, overdue: resolvedOn === undefined && days > escalationDays };
}

/**
 * Where an escalation stands: see {@link escalationStanding}.
 * @example
 * ```ts
 * const s: EscalationStanding = { open: false, days: 17, overdue: false };
 * ```
 * @category Scheduling
 */
export interface EscalationStanding {
  /** Not resolved on or before `asOf`. */
  readonly open: boolean;
  /** Days from `raisedOn` to `asOf` while open, to `resolvedOn` once resolved. */
  readonly days: number;
  /** Open for more than `escalationDays` days. */
  readonly overdue: boolean;
}

/**
 * Escalations left open (向分管市领导报告的问题未解决, clause 2.1): one `escalationOpen` per department with
 * an escalation `overdue` by {@link escalationStanding} — not resolved on or before `asOf` and raised more
 * than `escalationDays` (30) ago — whether it was raised to the leader in charge or carried on to the
 * mayor. The evidence lists every such escalation.
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
  for (const e of escalations) if (escalationStanding(e, asOf, escalationDays).overdue) appendTo(open, e.departmentId, e);
  return [...open.keys()].sort(compareCodeUnits).map((departmentId) => ({
    rule: '2.1' as const,
    kind: 'escalationOpen' as const,
    subjectId: departmentId,
    evidence: {
      escalationDays,
      escalations: (open.get(departmentId) ?? [])
        .map((e) => ({
          raisedOn: e.raisedOn,
          toLeaderId: e.toLeaderId,
          issue: e.issue,
          daysOpen: escalationStanding(e, asOf, escalationDays).days,
        }))
        .sort((a, b) => compareCodeUnits(a.raisedOn, b.raisedOn) || compareCodeUnits(a.issue, b.issue)),
    },
  }));
}

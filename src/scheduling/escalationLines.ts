import type { CalendarDate } from '../calendar/index.js';
import { compareCodeUnits } from '../findings/index.js';
import type { Escalation, Leader } from '../portfolio/index.js';
import { escalationStanding } from './escalationCompliance.js';

/**
 * Every escalation known at `asOf` as the evaluation gives it (问题报告台账), each at the level it was raised
 * to: `mayor` when `toLeaderId` is the mayor (a leader in charge's report of a problem he could not solve,
 * 二(二) → 二(三)), `cityLeader` otherwise (a department's report to a city leader, 二(一) → 二(二)); with
 * where it stands by {@link escalationStanding}. By `raisedOn`, department, leader and issue.
 *
 * @remarks Pass the escalations known at `asOf` (a `resolvedOn` after `asOf` has not happened yet).
 * @example
 * ```ts
 * escalationLines(known.escalations ?? [], known.leaders, parseCalendarDate('2025-10-15'), 30)[0]?.level; //=> 'cityLeader'
 * ```
 * @category Scheduling
 */
export function escalationLines(
  escalations: readonly Escalation[],
  leaders: readonly Leader[],
  asOf: CalendarDate,
  escalationDays: number,
): EscalationLine[] {
  const mayors = new Set(leaders.filter((l) => l.role === 'mayor').map((l) => l.id));
  return escalations
    .map((e): EscalationLine => {
      const { open, days, overdue } = escalationStanding(e, asOf, escalationDays);
      return {
        departmentId: e.departmentId,
        projectId: e.projectId ?? null,
        raisedOn: e.raisedOn,
        toLeaderId: e.toLeaderId,
        level: mayors.has(e.toLeaderId) ? 'mayor' : 'cityLeader',
        issue: e.issue,
        resolvedOn: open ? null : (e.resolvedOn ?? null),
        open,
        days,
        overdue,
      };
    })
    .sort(compareEscalationLines);
}

/** The order of escalation lines: by `raisedOn`, department, leader, issue, project. */
function compareEscalationLines(a: EscalationLine, b: EscalationLine): number {
  return (
    compareCodeUnits(a.raisedOn, b.raisedOn) ||
    compareCodeUnits(a.departmentId, b.departmentId) ||
    compareCodeUnits(a.toLeaderId, b.toLeaderId) ||
    compareCodeUnits(a.issue, b.issue) ||
    compareCodeUnits(a.projectId ?? '', b.projectId ?? '') ||
    compareCodeUnits(a.resolvedOn ?? '', b.resolvedOn ?? '')
  );
}

/**
 * An escalation as the evaluation gives it (问题报告): the record, the level it was raised to and where it
 * stands at `asOf`.
 * @example
 * ```ts
 * const e: EscalationLine = {
 *   departmentId: 'D-sl', projectId: 'P-011', raisedOn: '2025-09-10', toLeaderId: 'L-mayor', level: 'mayor',
 *   issue: '林地审批', resolvedOn: null, open: true, days: 35, overdue: true,
 * };
 * ```
 * @category Scheduling
 */
export interface EscalationLine {
  /** 报告部门 — the department whose problem it is. */
  readonly departmentId: string;
  /** 涉及项目 — the project concerned, or null. */
  readonly projectId: string | null;
  /** 报告日期. */
  readonly raisedOn: CalendarDate;
  /** 报告对象 — the leader it was raised to. */
  readonly toLeaderId: string;
  /** The meeting level that answers it: `cityLeader` (2.2) or `mayor` (2.3). */
  readonly level: 'cityLeader' | 'mayor';
  /** 问题. */
  readonly issue: string;
  /** 解决日期 — known at `asOf`, or null while open. */
  readonly resolvedOn: CalendarDate | null;
  /** Not resolved on or before `asOf`. */
  readonly open: boolean;
  /** Days open: to `asOf` while open, to `resolvedOn` once resolved. */
  readonly days: number;
  /** Open for more than `policy.scheduling.escalationDays` (the test of `escalationOpen`, 2.1). */
  readonly overdue: boolean;
}

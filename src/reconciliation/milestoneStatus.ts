import { monthEndsBetween, type CalendarDate } from '../calendar/index.js';

/**
 * A milestone's state at `asOf` (节点状态): `met` (achieved by its due date), `late` (achieved after it),
 * `overdue` (due date passed, not achieved) or `pending`.
 * @example
 * ```ts
 * const s: MilestoneState = 'late';
 * ```
 * @category Reconciliation
 */
export type MilestoneState = 'met' | 'late' | 'overdue' | 'pending';

/**
 * The state of a milestone at `asOf`, from its due date and its achievement date.
 * @example
 * ```ts
 * milestoneState(parseCalendarDate('2025-06-30'), undefined, parseCalendarDate('2025-07-01')); //=> 'overdue'
 * milestoneState(parseCalendarDate('2025-06-30'), parseCalendarDate('2025-06-30'), parseCalendarDate('2025-07-01')); //=> 'met'
 * ```
 * @category Reconciliation
 */
export function milestoneState(due: CalendarDate, achieved: CalendarDate | undefined, asOf: CalendarDate): MilestoneState {
  if (achieved !== undefined && achieved <= asOf) return achieved <= due ? 'met' : 'late';
  return due < asOf ? 'overdue' : 'pending';
}

/**
 * How many month-ends a milestone is overdue by at `end` (逾期月数): 0 unless `due < end` and it was not
 * achieved on or before `end`; otherwise the number of month-ends `x` with `due < x ≤ end`.
 * @example
 * ```ts
 * overdueMonthsAt(parseCalendarDate('2025-06-30'), undefined, parseCalendarDate('2025-09-30')); //=> 3
 * ```
 * @category Reconciliation
 */
export function overdueMonthsAt(due: CalendarDate, achieved: CalendarDate | undefined, end: CalendarDate): number {
  if (!(due < end) || (achieved !== undefined && achieved <= end)) return 0;
  return monthEndsBetween(due, end);
}

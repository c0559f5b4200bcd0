import { addMonths, yearOf, type YearMonth } from '../calendar/index.js';
import { signOf } from '../money/index.js';
import { plannedInMonth } from '../ledger/plannedToDate.js';
import type { Project } from '../portfolio/index.js';

/**
 * Whether a month is a stalled month (无进度月) for a project.
 *
 * @remarks
 * Stalled: a known report for the month says `noProgress`, or reports an investment ≤ 0 while the
 * ledger plans more than 0 for that month. A month without a known report is not stalled.
 * @example
 * ```ts
 * isStalledMonth(project, parseYearMonth('2025-08')); //=> true
 * ```
 * @category Reconciliation
 */
export function isStalledMonth(project: Project, month: YearMonth): boolean {
  const report = project.reports.find((r) => r.month === month);
  if (!report) return false;
  return report.noProgress === true || (signOf(report.investment) <= 0 && signOf(plannedInMonth(project, month)) > 0);
}

/**
 * The stalled months ending at `m` (连续无进度月), latest first; its length is `stallRun`.
 *
 * @remarks A month without a known report ends the run; the run stays within `m`'s year.
 * @example
 * ```ts
 * stalledMonthsEndingAt(project, parseYearMonth('2025-09')); //=> ['2025-09', '2025-08']
 * ```
 * @category Reconciliation
 */
export function stalledMonthsEndingAt(project: Project, m: YearMonth): readonly YearMonth[] {
  const out: YearMonth[] = [];
  for (let x = m; yearOf(x) === yearOf(m) && isStalledMonth(project, x); x = addMonths(x, -1)) out.push(x);
  return out;
}

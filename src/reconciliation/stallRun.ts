import { monthNumber, yearMonth, yearOf, type YearMonth } from '../calendar/index.js';
import { signOf } from '../money/index.js';
import type { Project } from '../portfolio/index.js';
import { yearFigures, type YearFigures } from '../portfolio/yearFigures.js';

/**
 * Whether month `k` (1–12) of the year figures is a stalled month (无进度月): its report says
 * `noProgress`, or reports an investment ≤ 0 while the ledger plans more than 0 for that month. A month
 * without a known report is not stalled.
 * @internal
 */
export function isStalledAt(f: YearFigures, k: number): boolean {
  const report = f.report[k - 1];
  if (report === undefined) return false;
  const planned = f.plannedInMonth[k - 1];
  return report.noProgress === true || (signOf(report.investment) <= 0 && planned !== undefined && signOf(planned) > 0);
}

/**
 * The stall run at month `k` (连续无进度月数): the stalled months ending at it, within the year. A month
 * without a known report ends the run.
 * @internal
 */
export function stallRunAt(f: YearFigures, k: number): number {
  let run = 0;
  while (run < k && isStalledAt(f, k - run)) run += 1;
  return run;
}

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
  return isStalledAt(yearFigures(project, yearOf(month)), monthNumber(month));
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
  return monthsOfRun(m, stallRunAt(yearFigures(project, yearOf(m)), monthNumber(m)));
}

/** The `run` months ending at `m`, latest first. @internal */
export function monthsOfRun(m: YearMonth, run: number): YearMonth[] {
  const k = monthNumber(m);
  return Array.from({ length: run }, (_, i) => yearMonth(yearOf(m), k - i));
}

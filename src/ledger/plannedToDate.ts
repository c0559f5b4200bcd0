import { monthNumber, yearOf, type YearMonth } from '../calendar/index.js';
import { sumAmounts, ZERO, type Amount } from '../money/index.js';
import type { Project } from '../portfolio/index.js';

/**
 * The ledger's planned investment for one month (当月计划投资); a month not in the ledger plans 0.
 * @example
 * ```ts
 * plannedInMonth(project, parseYearMonth('2025-03')); //=> '1200'
 * ```
 * @category Ledger
 */
export function plannedInMonth(project: Project, month: YearMonth): Amount {
  return project.ledger.months.find((m) => m.month === month)?.investment ?? ZERO;
}

/**
 * Planned investment to date (序时计划投资, clause 1.3): the ledger's amounts for the months of `m`'s year
 * up to and including `m`.
 * @example
 * ```ts
 * plannedToDate(project, parseYearMonth('2025-03')); //=> '3000'
 * ```
 * @category Ledger
 */
export function plannedToDate(project: Project, m: YearMonth): Amount {
  const year = yearOf(m);
  const upTo = monthNumber(m);
  return sumAmounts(project.ledger.months.filter((x) => yearOf(x.month) === year && monthNumber(x.month) <= upTo).map((x) => x.investment));
}

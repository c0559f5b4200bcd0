import { monthNumber, yearOf, type YearMonth } from '../calendar/index.js';
import { toAmount, type Figure } from '../money/figure.js';
import { ZERO, type Amount } from '../money/index.js';
import type { Project } from '../portfolio/index.js';
import { yearFigures } from '../portfolio/yearFigures.js';

/**
 * The ledger's planned investment for one month (当月计划投资); a month not in the ledger plans 0.
 * @example
 * ```ts
 * plannedInMonth(project, parseYearMonth('2025-03')); //=> '1200'
 * ```
 * @category Ledger
 */
export function plannedInMonth(project: Project, month: YearMonth): Amount {
  return yearFigures(project, yearOf(month)).plannedInMonth[monthNumber(month) - 1] ?? ZERO;
}

/**
 * Planned investment to date (序时计划投资, clause 1.3): the ledger's amounts for the months of `m`'s year
 * up to and including `m`, as the project's year figures hold it.
 * @example
 * ```ts
 * plannedToDate(project, parseYearMonth('2025-03')); //=> '3000'
 * ```
 * @category Ledger
 */
export function plannedToDate(project: Project, m: YearMonth): Amount {
  return toAmount(yearFigures(project, yearOf(m)).plannedToDate[monthNumber(m) - 1] as Figure);
}

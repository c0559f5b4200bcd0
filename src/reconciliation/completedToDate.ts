import { monthNumber, yearOf, type YearMonth } from '../calendar/index.js';
import { sumAmounts, type Amount } from '../money/index.js';
import type { Project } from '../portfolio/index.js';

/**
 * Investment completed to date (累计完成投资, clause 1.3): the reported amounts for the months of `m`'s
 * year up to and including `m`. Pass a project filtered by `knownAt` to count only reports known then.
 * @example
 * ```ts
 * completedToDate(knownAt(portfolio, asOf).projects[0], parseYearMonth('2025-09')); //=> '8750.5'
 * ```
 * @category Reconciliation
 */
export function completedToDate(project: Project, m: YearMonth): Amount {
  const year = yearOf(m);
  const upTo = monthNumber(m);
  return sumAmounts(project.reports.filter((r) => yearOf(r.month) === year && monthNumber(r.month) <= upTo).map((r) => r.investment));
}

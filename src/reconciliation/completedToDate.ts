import { monthNumber, yearOf, type YearMonth } from '../calendar/index.js';
import { toAmount, type Figure } from '../money/figure.js';
import type { Amount } from '../money/index.js';
import type { Project } from '../portfolio/index.js';
import { yearFigures } from '../portfolio/yearFigures.js';

/**
 * Investment completed to date (累计完成投资, clause 1.3): the reported amounts for the months of `m`'s
 * year up to and including `m`, as the project's year figures hold it. Pass a project filtered by
 * `knownAt` to count only reports known then.
 * @example
 * ```ts
 * completedToDate(knownAt(portfolio, asOf).projects[0], parseYearMonth('2025-09')); //=> '8750.5'
 * ```
 * @category Reconciliation
 */
export function completedToDate(project: Project, m: YearMonth): Amount {
  return toAmount(yearFigures(project, yearOf(m)).completedToDate[monthNumber(m) - 1] as Figure);
}

import { monthNumber, yearOf, type YearMonth } from '../calendar/index.js';
import { figureOf, runningTotals, type Figure } from '../money/figure.js';
import type { Amount } from '../money/index.js';
import type { Project, Report } from './types.js';

/**
 * A project's year read into figures (年度数据), month by month, January first: built once, in one
 * pass over its ledger and one over its reports, and read by every per-month function
 * (`plannedToDate`, `completedToDate`, `progressMetrics`, `isStalledMonth`, …) and by `evaluate`.
 * Data only: the rules that read it live in their clause's folder.
 * @internal
 */
export interface YearFigures {
  /** The year. */
  readonly year: number;
  /** 年度计划投资 — the annual plan. */
  readonly annualPlan: Figure;
  /** 序时计划投资 — Σ ledger investment of the year's months up to each month (index 0 = to January). */
  readonly plannedToDate: readonly Figure[];
  /** 累计完成投资 — Σ reported investment of the year's months up to each month. */
  readonly completedToDate: readonly Figure[];
  /** 当月计划投资 — the ledger's investment for each month (its first entry for the month), or undefined. */
  readonly plannedInMonth: readonly (Amount | undefined)[];
  /** 月报 — the report for each month (the first for the month), or undefined. */
  readonly report: readonly (Report | undefined)[];
}

const investmentOf = (e: { readonly investment: Amount }): string => e.investment;

/**
 * The figures of `project`'s year `year`. Pass a project filtered by `knownAt` to count only what is
 * known then.
 * @internal
 */
export function yearFigures(project: Project, year: number): YearFigures {
  const { months } = project.ledger;
  const { reports } = project;
  const indexIn = (m: YearMonth): number => (yearOf(m) === year ? monthNumber(m) - 1 : -1);
  const plannedInMonth: (Amount | undefined)[] = new Array<Amount | undefined>(12).fill(undefined);
  for (const e of months) {
    const k = indexIn(e.month);
    if (k >= 0 && plannedInMonth[k] === undefined) plannedInMonth[k] = e.investment;
  }
  const report: (Report | undefined)[] = new Array<Report | undefined>(12).fill(undefined);
  for (const r of reports) {
    const k = indexIn(r.month);
    if (k >= 0 && report[k] === undefined) report[k] = r;
  }
  return {
    year,
    annualPlan: figureOf(project.annualPlan),
    plannedToDate: runningTotals(months, (e) => indexIn(e.month), investmentOf),
    completedToDate: runningTotals(reports, (r) => indexIn(r.month), investmentOf),
    plannedInMonth,
    report,
  };
}

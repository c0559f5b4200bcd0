import type { YearMonth } from '../calendar/index.js';
import { percentOf, signOf, subtractAmounts, type Amount, type Ratio } from '../money/index.js';
import { plannedToDate } from '../ledger/plannedToDate.js';
import type { Project } from '../portfolio/index.js';
import { completedToDate } from './completedToDate.js';

/**
 * The progress figures of a project at a month (进度指标), as exact ratios.
 * @example
 * ```ts
 * const m: ProgressMetrics = progressMetrics(project, parseYearMonth('2025-09'));
 * formatRatio(m.lagPp!); //=> '12.50'
 * ```
 * @category Reconciliation
 */
export interface ProgressMetrics {
  /** 序时计划投资 — Σ ledger investment over the months up to the month. */
  readonly plannedToDate: Amount;
  /** 累计完成投资 — Σ reported investment over the months up to the month. */
  readonly completedToDate: Amount;
  /** 年度计划投资 — the project's annual plan. */
  readonly annualPlan: Amount;
  /** 序时进度 = plannedToDate × 100 / annualPlan; null when annualPlan is 0. */
  readonly schedulePct: Ratio | null;
  /** 投资完成进度 = completedToDate × 100 / annualPlan; null when annualPlan is 0. */
  readonly progressPct: Ratio | null;
  /** 落后序时进度 = (plannedToDate − completedToDate) × 100 / annualPlan, in percentage points; negative = ahead. */
  readonly lagPp: Ratio | null;
}

/**
 * Reconcile a project's reports against its ledger at month `m` (定期对账, clause 1.3).
 *
 * @remarks
 * Each percentage is one exact quotient; `lagPp` is computed from the difference of the amounts, not
 * from two rounded percentages. Pass a project filtered by `knownAt`.
 * @example
 * ```ts
 * // annualPlan 1000, planned to date 600, completed 475
 * formatRatio(progressMetrics(project, m).lagPp!); //=> '12.50'
 * ```
 * @category Reconciliation
 */
export function progressMetrics(project: Project, m: YearMonth): ProgressMetrics {
  return metricsOf(plannedToDate(project, m), completedToDate(project, m), project.annualPlan);
}

/** The progress figures from the two sums to date and the annual plan. */
export function metricsOf(planned: Amount, completed: Amount, annualPlan: Amount): ProgressMetrics {
  const hasPlan = signOf(annualPlan) > 0;
  return {
    plannedToDate: planned,
    completedToDate: completed,
    annualPlan,
    schedulePct: hasPlan ? percentOf(planned, annualPlan) : null,
    progressPct: hasPlan ? percentOf(completed, annualPlan) : null,
    lagPp: hasPlan ? percentOf(subtractAmounts(planned, completed), annualPlan) : null,
  };
}

import { monthNumber, type YearMonth } from '../calendar/index.js';
import { figureOf, figureOfInteger, minus, roundShare, shareOf, times, toAmount, type Figure } from '../money/figure.js';
import type { Amount } from '../money/index.js';

/**
 * A year-end forecast from the run rate so far (年底预测, earned-value style; beyond 141号).
 * @example
 * ```ts
 * const f: Forecast = { runRate: '500', requiredMonthly: '1000', projectedYearEnd: '6000' };
 * ```
 * @category Reconciliation
 */
export interface Forecast {
  /** completedToDate / k, k = the month number of the evaluated month. */
  readonly runRate: Amount | null;
  /** (annualPlan − completedToDate) / (12 − k); null in December. */
  readonly requiredMonthly: Amount | null;
  /** completedToDate + runRate × (12 − k). */
  readonly projectedYearEnd: Amount | null;
}

/** The forecast when there is no evaluated month. @category Reconciliation
 * @example
 * ```ts
 * NO_FORECAST.runRate; //=> null
 * ```
 */
export const NO_FORECAST: Forecast = { runRate: null, requiredMonthly: null, projectedYearEnd: null };

/**
 * Forecast the year end of a project from its completed investment at month `m`.
 *
 * @remarks Each figure is computed exactly and rounded once, half away from zero, to `decimals`.
 * @example
 * ```ts
 * forecast(parseAmount('1500'), parseAmount('6000'), parseYearMonth('2025-03'), 2);
 * //=> { runRate: '500', requiredMonthly: '500', projectedYearEnd: '6000' }
 * ```
 * @category Reconciliation
 */
export function forecast(completedToDate: Amount, annualPlan: Amount, m: YearMonth, decimals: number): Forecast {
  const k = monthNumber(m);
  const left = 12 - k;
  const completed = figureOf(completedToDate);
  const rounded = (n: Figure, d: number): Amount => toAmount(roundShare(shareOf(n, figureOfInteger(d)), decimals));
  return {
    runRate: rounded(completed, k),
    requiredMonthly: left === 0 ? null : rounded(minus(figureOf(annualPlan), completed), left),
    // completed + (completed / k) × (12 − k) = completed × 12 / k, exactly.
    projectedYearEnd: rounded(times(completed, figureOfInteger(12)), k),
  };
}

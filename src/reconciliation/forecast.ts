import { monthNumber, type YearMonth } from '../calendar/index.js';
import { multiplyAmount, ratioOf, ratioToAmount, subtractAmounts, type Amount } from '../money/index.js';
import { divideSmall, plainOfSmall, smallExact, subSmall } from '../money/_exact.js';

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
  const small = forecastSmall(completedToDate, annualPlan, k, decimals);
  if (small !== undefined) return small;
  return {
    runRate: ratioToAmount(ratioOf(completedToDate, String(k) as Amount), decimals),
    requiredMonthly:
      left === 0 ? null : ratioToAmount(ratioOf(subtractAmounts(annualPlan, completedToDate), String(left) as Amount), decimals),
    // completed + (completed / k) × (12 − k) = completed × 12 / k, exactly.
    projectedYearEnd: ratioToAmount(ratioOf(multiplyAmount(completedToDate, 12), String(k) as Amount), decimals),
  };
}

// The same figures in doubles, when both amounts are plain decimals of at most 15 digits and every step
// stays a safe integer (D36); undefined otherwise.
function forecastSmall(completedToDate: Amount, annualPlan: Amount, k: number, decimals: number): Forecast | undefined {
  const c = smallExact(completedToDate);
  const a = smallExact(annualPlan);
  if (c === undefined || a === undefined || !Number.isInteger(decimals) || decimals < 0) return undefined;
  const left = 12 - k;
  // Each figure x / 10^e / d to `decimals` places is (x × 10^decimals) / (d × 10^e), rounded once.
  const runRate = divideSmall(c.n, decimals, k, c.e);
  const required = left === 0 ? 0 : divideSmall(subSmall(a.n, a.e, c.n, c.e), decimals, left, Math.max(a.e, c.e));
  const projected = divideSmall(c.n * 12, decimals, k, c.e);
  if (Number.isNaN(runRate) || Number.isNaN(required) || Number.isNaN(projected)) return undefined;
  return {
    runRate: plainOfSmall(runRate, decimals) as Amount,
    requiredMonthly: left === 0 ? null : (plainOfSmall(required, decimals) as Amount),
    projectedYearEnd: plainOfSmall(projected, decimals) as Amount,
  };
}

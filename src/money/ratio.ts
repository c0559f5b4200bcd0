import type { Amount } from './amount.js';
import {
  compareShares,
  compareShareTo,
  figureOf,
  formatShare,
  percentShare,
  ratioOfShare,
  roundShare,
  shareOf,
  shareOfRatio,
  times,
  toAmount,
} from './figure.js';

/**
 * An exact quotient `numerator / denominator` (比率), kept as two exact decimals so that comparisons
 * against thresholds never round.
 *
 * @remarks
 * The denominator is always positive. `lagPp`, `schedulePct`, `progressPct` and the plan completion
 * rate are ratios; they are rounded only for display, by {@link formatRatio}.
 *
 * @example
 * ```ts
 * const r: Ratio = ratioOf(parseAmount('1'), parseAmount('3'));
 * formatRatio(r, 4); //=> '0.3333'
 * ```
 * @category Money
 */
export interface Ratio {
  /** 分子 — the numerator; carries the sign. */
  readonly numerator: Amount;
  /** 分母 — the denominator, always positive. */
  readonly denominator: Amount;
}

/**
 * The exact ratio `numerator / denominator`.
 *
 * @throws `SansansanError` `division_by_zero` when the denominator is zero.
 * @example
 * ```ts
 * ratioOf(parseAmount('1'), parseAmount('-4')); //=> { numerator: '-1', denominator: '4' }
 * ```
 * @category Money
 */
export function ratioOf(numerator: Amount, denominator: Amount): Ratio {
  return ratioOfShare(shareOf(figureOf(numerator), figureOf(denominator)));
}

/**
 * The exact percentage `numerator × 100 / denominator` (百分比), as a ratio.
 *
 * @throws `SansansanError` `division_by_zero` when the denominator is zero.
 * @example
 * ```ts
 * formatRatio(percentOf(parseAmount('1'), parseAmount('8'))); //=> '12.50'
 * ```
 * @category Money
 */
export function percentOf(numerator: Amount, denominator: Amount): Ratio {
  return ratioOfShare(percentShare(figureOf(numerator), figureOf(denominator)));
}

/**
 * Compare two ratios exactly (cross-multiplication; nothing is rounded).
 *
 * @example
 * ```ts
 * compareRatios(ratioOf(parseAmount('1'), parseAmount('3')), ratioOf(parseAmount('33'), parseAmount('100'))); //=> 1
 * ```
 * @category Money
 */
export function compareRatios(a: Ratio, b: Ratio): -1 | 0 | 1 {
  return compareShares(shareOfRatio(a), shareOfRatio(b));
}

/**
 * Compare a ratio with a decimal threshold exactly, e.g. a lag of exactly 10 pp against `"10"`.
 *
 * @example
 * ```ts
 * compareRatioTo(percentOf(parseAmount('1'), parseAmount('10')), '10'); //=> 0
 * ```
 * @category Money
 */
export function compareRatioTo(r: Ratio, threshold: string): -1 | 0 | 1 {
  return compareShareTo(shareOfRatio(r), figureOf(threshold));
}

/**
 * Round a ratio for display (展示取整): half away from zero, to a fixed number of decimals, never `-0.00`.
 *
 * @remarks
 * The quotient is computed by truncation at 120 significant digits and then rounded once, so the result
 * is the correctly rounded exact quotient.
 *
 * @example
 * ```ts
 * formatRatio(ratioOf(parseAmount('1'), parseAmount('8')), 2);   //=> '0.13'
 * formatRatio(ratioOf(parseAmount('-1'), parseAmount('800')), 2); //=> '0.00'
 * ```
 * @category Money
 */
export function formatRatio(r: Ratio, decimals = 2): string {
  return formatShare(shareOfRatio(r), decimals);
}

/**
 * A ratio rounded to an amount with a fixed number of decimals, half away from zero.
 *
 * @example
 * ```ts
 * ratioToAmount(ratioOf(parseAmount('10'), parseAmount('3')), 2); //=> '3.33'
 * ```
 * @category Money
 */
export function ratioToAmount(r: Ratio, decimals = 2): Amount {
  return toAmount(roundShare(shareOfRatio(r), decimals));
}

/**
 * Exact product of an amount and a decimal factor.
 *
 * @example
 * ```ts
 * multiplyAmount(parseAmount('2.5'), '4'); //=> '10'
 * ```
 * @category Money
 */
export function multiplyAmount(a: Amount, factor: string | number): Amount {
  return toAmount(times(figureOf(a), figureOf(typeof factor === 'number' ? String(factor) : factor)));
}

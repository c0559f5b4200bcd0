import { SansansanError } from '../errors.js';
import { D, Q, ROUND_HALF_UP, type Dec } from './_decimal.js';
import { fromDec, type Amount } from './amount.js';

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
  const d = new D(denominator);
  if (d.isZero()) {
    throw new SansansanError('division_by_zero', { zh: '分母为零', en: 'the denominator is zero' });
  }
  const n = new D(numerator);
  return d.isNegative()
    ? { numerator: fromDec(n.neg()), denominator: fromDec(d.neg()) }
    : { numerator: fromDec(n), denominator: fromDec(d) };
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
  return ratioOf(fromDec(new D(numerator).times(100)), denominator);
}

function cross(a: Ratio, bn: Dec, bd: Dec): -1 | 0 | 1 {
  return new D(a.numerator).times(bd).comparedTo(bn.times(a.denominator)) as -1 | 0 | 1;
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
  return cross(a, new D(b.numerator), new D(b.denominator));
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
  return cross(r, new D(threshold), new D(1));
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
  const q = new Q(r.numerator).div(r.denominator).toDecimalPlaces(decimals, ROUND_HALF_UP);
  // decimal.js never writes the sign of a negative zero: -0.001 to 2 decimals is '0.00'.
  return q.toFixed(decimals);
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
  return fromDec(new Q(r.numerator).div(r.denominator).toDecimalPlaces(decimals, ROUND_HALF_UP));
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
  return fromDec(new D(a).times(factor));
}

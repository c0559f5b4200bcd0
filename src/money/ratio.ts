import { SansansanError } from '../errors.js';
import { D, Q, ROUND_HALF_UP, type Dec } from './_decimal.js';
import { fromDec, type Amount } from './amount.js';
import {
  cmp,
  cmpSmall,
  divideSmall,
  exact,
  fixed,
  fixedSmall,
  mul,
  plain,
  plainOfSmall,
  quotient,
  smallValue,
  smallValueScale,
  type Exact,
} from './_exact.js';

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
  const x = exact(numerator);
  const y = exact(denominator);
  if (x && y) {
    if (y.m === 0n) throw divisionByZero();
    return y.m < 0n
      ? { numerator: plain({ m: -x.m, e: x.e }) as Amount, denominator: plain({ m: -y.m, e: y.e }) as Amount }
      : { numerator: plain(x) as Amount, denominator: plain(y) as Amount };
  }
  const d = new D(denominator);
  if (d.isZero()) throw divisionByZero();
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
  const x = exact(numerator);
  return ratioOf((x ? plain({ m: x.m * 100n, e: x.e }) : fromDec(new D(numerator).times(100))) as Amount, denominator);
}

function divisionByZero(): SansansanError {
  return new SansansanError('division_by_zero', { zh: '分母为零', en: 'the denominator is zero' });
}

function cross(a: Ratio, bn: Dec, bd: Dec): -1 | 0 | 1 {
  return new D(a.numerator).times(bd).comparedTo(bn.times(a.denominator)) as -1 | 0 | 1;
}

// an × bd against bn × ad in doubles, when all four are plain decimals of at most 15 digits and both
// products are safe integers (D36); NaN otherwise.
function crossSmall(an: string, ad: string, bn: string, bd: string): number {
  // Each scale is read right after its value (see smallValueScale); a NaN value carries through.
  const w = smallValue(an);
  const we = smallValueScale();
  const x = smallValue(ad);
  const xe = smallValueScale();
  const y = smallValue(bn);
  const ye = smallValueScale();
  const z = smallValue(bd);
  const ze = smallValueScale();
  return cmpSmall(w * z, we + ze, y * x, ye + xe);
}

// The rounded quotient of a ratio in doubles, a safe integer of 10^-decimals units; NaN when it cannot be (D36).
function roundedSmall(r: Ratio, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) return Number.NaN;
  const n = smallValue(r.numerator);
  const ne = smallValueScale();
  const d = smallValue(r.denominator);
  const de = smallValueScale();
  if (Number.isNaN(n) || Number.isNaN(d) || d === 0) return Number.NaN;
  return divideSmall(n, de + decimals, d, ne);
}

// a.numerator × bd against bn × a.denominator, exactly; undefined when a string is not plain.
function crossExact(a: Ratio, bn: Exact | undefined, bd: Exact | undefined): -1 | 0 | 1 | undefined {
  const an = exact(a.numerator);
  const ad = exact(a.denominator);
  return an && ad && bn && bd ? cmp(mul(an, bd), mul(bn, ad)) : undefined;
}

const ONE: Exact = { m: 1n, e: 0 };

// The exact rounded quotient of a ratio, when both parts are plain and `decimals` a small whole number.
function roundedExact(r: Ratio, decimals: number): Exact | undefined {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 100) return undefined;
  const n = exact(r.numerator);
  const d = exact(r.denominator);
  return n && d && d.m !== 0n ? quotient(n, d, decimals) : undefined;
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
  const c = crossSmall(a.numerator, a.denominator, b.numerator, b.denominator);
  if (!Number.isNaN(c)) return c as -1 | 0 | 1;
  return crossExact(a, exact(b.numerator), exact(b.denominator)) ?? cross(a, new D(b.numerator), new D(b.denominator));
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
  const c = crossSmall(r.numerator, r.denominator, threshold, '1');
  if (!Number.isNaN(c)) return c as -1 | 0 | 1;
  return crossExact(r, exact(threshold), ONE) ?? cross(r, new D(threshold), new D(1));
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
  const s = roundedSmall(r, decimals);
  if (!Number.isNaN(s)) return fixedSmall(s, decimals);
  const x = roundedExact(r, decimals);
  if (x) return fixed(x, decimals);
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
  const s = roundedSmall(r, decimals);
  if (!Number.isNaN(s)) return plainOfSmall(s, decimals) as Amount;
  const x = roundedExact(r, decimals);
  if (x) return plain(x) as Amount;
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
  const x = exact(a);
  const y = exact(typeof factor === 'number' ? String(factor) : factor);
  // Exact whenever the product has at most 100 digits, as decimal.js is (it keeps 120 significant digits).
  if (x && y && a.length + String(factor).length <= 100) return plain(mul(x, y)) as Amount;
  return fromDec(new D(a).times(factor));
}

import { SansansanError } from '../errors.js';
import { D } from './_decimal.js';
import {
  BIGINT,
  fixedText,
  NUMBER,
  parsePlain,
  plainText,
  pow10Number,
  scaled,
  Scaled,
  runningUnits,
  type Calculator,
  type Int,
} from './_scaled.js';
import type { Amount } from './amount.js';
import type { Ratio } from './ratio.js';

// What the rules compute with. An `Amount` is how a value is written (text, in the document and the
// result); a `Figure` is the value itself, exact, and a `Share` an exact quotient of two figures. How a
// figure is held (a double or a bigint, see _scaled.ts) is decided here, per value, and no rule knows.

declare const figureBrand: unique symbol;

/**
 * An exact decimal value to compute with (数值): read from an {@link Amount} with {@link figureOf},
 * written back with {@link toAmount}. Opaque: only the functions of this module look inside.
 * @internal
 */
export interface Figure {
  readonly [figureBrand]: 'Figure';
}

/**
 * An exact quotient of two figures (比值), the denominator above 0: a percentage or a ratio before it
 * is compared with a threshold or rounded for display.
 * @internal
 */
export interface Share {
  readonly numerator: Figure;
  readonly denominator: Figure;
}

const held = (f: Figure): Scaled => f as unknown as Scaled;
const asFigure = (s: Scaled): Figure => s as unknown as Figure;

/** The value of a decimal text (an amount, or a policy's bound). @internal */
export function figureOf(text: string): Figure {
  const x = parsePlain(text);
  if (x !== undefined) return asFigure(x);
  // Not plain (an exponent, a leading `+`): decimal.js reads it and writes it plain.
  let plain: Scaled | undefined;
  try {
    plain = parsePlain(new D(text).toFixed());
  } catch {
    plain = undefined;
  }
  if (plain === undefined)
    throw new SansansanError('amount_grammar', { zh: `不是数值:${text.slice(0, 40)}`, en: `not a number: ${text.slice(0, 40)}` });
  return asFigure(plain);
}

/** A whole number as a figure. @internal */
export function figureOfInteger(n: number): Figure {
  return asFigure(scaled(Number.isSafeInteger(n) ? n : BigInt(n), 0));
}

/** The figure 0. @internal */
export const NOUGHT: Figure = figureOfInteger(0);
const HUNDRED: Figure = figureOfInteger(100);

/** The amount a figure writes: plain, trailing fraction zeros dropped, no sign on zero. @internal */
export function toAmount(f: Figure): Amount {
  return plainText(held(f)) as Amount;
}

// Each operation is written once over a calculator and run on doubles when every integer is one and no
// step leaves the safe integers (NUMBER answers NaN), else on bigints.

function addWith<T extends Int>(c: Calculator<T>, a: T, ka: number, b: T, kb: number, subtract: boolean): T {
  const x = c.scale(a, ka);
  const y = c.scale(b, kb);
  return subtract ? c.subtract(x, y) : c.add(x, y);
}

function crossWith<T extends Int>(c: Calculator<T>, a: T, d: T, kl: number, x: T, b: T, kr: number): number {
  return c.compare(c.scale(c.multiply(a, d), kl), c.scale(c.multiply(x, b), kr));
}

function roundWith<T extends Int>(c: Calculator<T>, n: T, k: number, d: T, m: T): T {
  // (n × 10^k) / (d × m), d × m above 0.
  return c.divideRound(n, k, c.multiply(d, m));
}

const big = BIGINT.from;

/** a + b. @internal */
export function plus(a: Figure, b: Figure): Figure {
  return sum(held(a), held(b), false);
}

/** a − b. @internal */
export function minus(a: Figure, b: Figure): Figure {
  return sum(held(a), held(b), true);
}

/** −a. @internal */
export function negate(a: Figure): Figure {
  const x = held(a);
  return asFigure(scaled(-x.v, x.e));
}

// x + y, or x − y, at the larger of their scales.
function sum(x: Scaled, y: Scaled, subtract: boolean): Figure {
  const e = x.e > y.e ? x.e : y.e;
  if (typeof x.v === 'number' && typeof y.v === 'number') {
    const t = addWith(NUMBER, x.v, e - x.e, y.v, e - y.e, subtract);
    if (!Number.isNaN(t)) return asFigure(scaled(t, e));
  }
  return asFigure(scaled(addWith(BIGINT, big(x.v), e - x.e, big(y.v), e - y.e, subtract), e));
}

/** a × b. @internal */
export function times(a: Figure, b: Figure): Figure {
  const x = held(a);
  const y = held(b);
  if (typeof x.v === 'number' && typeof y.v === 'number') {
    const t = NUMBER.multiply(x.v, y.v);
    if (!Number.isNaN(t)) return asFigure(scaled(t, x.e + y.e));
  }
  return asFigure(scaled(BIGINT.multiply(big(x.v), big(y.v)), x.e + y.e));
}

/** −1, 0 or 1 as a is below, equal to or above b. @internal */
export function compareFigures(a: Figure, b: Figure): -1 | 0 | 1 {
  return cross(a, ONE_HELD, b, ONE_HELD);
}

/** The sign of a figure. @internal */
export function signOfFigure(a: Figure): -1 | 0 | 1 {
  const v = held(a).v;
  return v < 0 ? -1 : v > 0 ? 1 : 0;
}

const ONE_HELD = scaled(1, 0);

// a × d against x × b, the four held as scaled integers: the cross-multiplication of a / b and x / d.
function cross(a: Figure, d: Scaled | Figure, x: Figure, b: Scaled | Figure): -1 | 0 | 1 {
  const p = held(a);
  const q = held(d as Figure);
  const r = held(x);
  const s = held(b as Figure);
  const l = p.e + q.e;
  const rr = r.e + s.e;
  const e = l > rr ? l : rr;
  if (typeof p.v === 'number' && typeof q.v === 'number' && typeof r.v === 'number' && typeof s.v === 'number') {
    const c = crossWith(NUMBER, p.v, q.v, e - l, r.v, s.v, e - rr);
    if (!Number.isNaN(c)) return c as -1 | 0 | 1;
  }
  return crossWith(BIGINT, big(p.v), big(q.v), e - l, big(r.v), big(s.v), e - rr) as -1 | 0 | 1;
}

/** The share n / d, d not 0 (the sign moves to the numerator). @internal */
export function shareOf(n: Figure, d: Figure): Share {
  const sign = signOfFigure(d);
  if (sign === 0) throw new SansansanError('division_by_zero', { zh: '分母为零', en: 'the denominator is zero' });
  return sign > 0 ? { numerator: n, denominator: d } : { numerator: negate(n), denominator: negate(d) };
}

/** The percentage n × 100 / d, d not 0. @internal */
export function percentShare(n: Figure, d: Figure): Share {
  return shareOf(times(n, HUNDRED), d);
}

/** −1, 0 or 1 as share a is below, equal to or above share b (nothing is rounded). @internal */
export function compareShares(a: Share, b: Share): -1 | 0 | 1 {
  return cross(a.numerator, b.denominator, b.numerator, a.denominator);
}

/** −1, 0 or 1 as a share is below, equal to or above a figure (nothing is rounded). @internal */
export function compareShareTo(s: Share, t: Figure): -1 | 0 | 1 {
  return cross(s.numerator, ONE_HELD, t, s.denominator);
}

/** A share rounded half away from zero to `decimals` places (0–100). @internal */
export function roundShare(s: Share, decimals: number): Figure {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 100)
    throw new RangeError(`decimals must be a whole number from 0 to 100, not ${decimals}`);
  // (n / 10^ne) / (d / 10^de) × 10^decimals = n × 10^(de + decimals) / (d × 10^ne).
  const n = held(s.numerator);
  const d = held(s.denominator);
  const k = d.e + decimals;
  const m = pow10Number(n.e);
  if (typeof n.v === 'number' && typeof d.v === 'number' && !Number.isNaN(m)) {
    const q = roundWith(NUMBER, n.v, k, d.v, m);
    if (!Number.isNaN(q)) return asFigure(scaled(q, decimals));
  }
  return asFigure(scaled(roundWith(BIGINT, big(n.v), k, big(d.v), BIGINT.scale(1n, n.e)), decimals));
}

/** A share rounded half away from zero to exactly `decimals` places, as text (never `-0.00`). @internal */
export function formatShare(s: Share, decimals: number): string {
  return fixedText(held(roundShare(s, decimals)), decimals);
}

/** The public form of a share. @internal */
export function ratioOfShare(s: Share): Ratio {
  return { numerator: toAmount(s.numerator), denominator: toAmount(s.denominator) };
}

/** The share of a public ratio (its denominator need not be above 0, only not 0). @internal */
export function shareOfRatio(r: Ratio): Share {
  return shareOf(figureOf(r.numerator), figureOf(r.denominator));
}

/**
 * Σ of the amounts of each month of a year to each month, January first (twelve running sums).
 * `monthOf(entry)` is the month index, 0–11, of an entry, or −1 to leave it out; `amountOf(entry)` its amount.
 * @internal
 */
export function runningTotals<E>(entries: readonly E[], monthOf: (entry: E) => number, amountOf: (entry: E) => string): readonly Figure[] {
  return runningInDoubles(entries, monthOf, amountOf) ?? runningInFigures(entries, monthOf, amountOf);
}

/** Σ of amounts. @internal */
export function sumOf(amounts: readonly string[]): Figure {
  return runningTotals(amounts, inJanuary, itself)[0] as Figure;
}

const inJanuary = (): number => 0;
const itself = (s: string): string => s;

// The running sums in doubles (see runningUnits), as figures.
function runningInDoubles<E>(entries: readonly E[], monthOf: (entry: E) => number, amountOf: (entry: E) => string): Figure[] | undefined {
  const run = runningUnits(entries, monthOf, amountOf);
  return run?.totals.map((t) => asFigure(scaled(t, run.e)));
}

function runningInFigures<E>(entries: readonly E[], monthOf: (entry: E) => number, amountOf: (entry: E) => string): Figure[] {
  const byMonth: Figure[] = [NOUGHT, NOUGHT, NOUGHT, NOUGHT, NOUGHT, NOUGHT, NOUGHT, NOUGHT, NOUGHT, NOUGHT, NOUGHT, NOUGHT];
  for (const entry of entries) {
    const k = monthOf(entry);
    if (k >= 0) byMonth[k] = plus(byMonth[k] as Figure, figureOf(amountOf(entry)));
  }
  let total = NOUGHT;
  return byMonth.map((x) => (total = plus(total, x)));
}

// The few decimal constants of a policy (band bounds) are compared with every project's figures: each
// text is read once. A pure memo of an immutable value; emptied should it ever grow large.
const CONSTANTS = new Map<string, Figure>();

/** {@link figureOf} for a constant read again and again (a policy's band bound). @internal */
export function constantFigure(text: string): Figure {
  let f = CONSTANTS.get(text);
  if (f === undefined) {
    if (CONSTANTS.size >= 1024) CONSTANTS.clear();
    f = figureOf(text);
    CONSTANTS.set(text, f);
  }
  return f;
}

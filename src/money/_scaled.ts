// How `Figure`s are held, private to money/. A decimal is a scaled integer: the value is v / 10^e. The
// integer v is a double while it is a safe integer (a double holds every integer up to 2^53 exactly) and
// a bigint beyond. Each algorithm is written once over a `Calculator`, as dinero.js v2 does: it runs on
// the number calculator, which answers NaN when a result would leave the safe integers, and then again
// on the bigint calculator, which is always exact. So the choice is made per value, and no result
// depends on it: both calculators give the exact integer.

/** An integer: a safe integer in a double, or a bigint beyond the safe integers. */
export type Int = number | bigint;

/** The arithmetic of integers of one kind. */
export interface Calculator<T extends Int> {
  readonly add: (a: T, b: T) => T;
  readonly subtract: (a: T, b: T) => T;
  readonly multiply: (a: T, b: T) => T;
  /** a × 10^k, k ≥ 0. */
  readonly scale: (a: T, k: number) => T;
  /** (a × 10^k) / b rounded half away from zero, b above 0, k ≥ 0. */
  readonly divideRound: (a: T, k: number, b: T) => T;
  /** −1, 0 or 1; NaN when either is NaN (a number result that left the safe integers). */
  readonly compare: (a: T, b: T) => number;
  readonly from: (a: Int) => T;
}

// 10^k as doubles, each exact (10^22 is the largest power of ten a double holds exactly).
const POW_N: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
const POW_B: bigint[] = [1n];

function pow10n(k: number): bigint {
  for (let i = POW_B.length; i <= k; i += 1) POW_B.push((POW_B[i - 1] as bigint) * 10n);
  return POW_B[k] as bigint;
}

const safe = (x: number): number => (Number.isSafeInteger(x) ? x : Number.NaN);

/** Doubles: every result is exact or NaN. */
export const NUMBER: Calculator<number> = {
  add: (a, b) => safe(a + b),
  subtract: (a, b) => safe(a - b),
  multiply: (a, b) => safe(a * b),
  scale: (a, k) => (k === 0 ? a : safe(a * (POW_N[k] ?? Number.NaN))),
  divideRound: (a, k, b) => {
    const n = k === 0 ? a : safe(a * (POW_N[k] ?? Number.NaN));
    if (Number.isNaN(n)) return n;
    const abs = Math.abs(n);
    const r = abs % b;
    const q = (abs - r) / b + (2 * r >= b ? 1 : 0);
    return n < 0 ? -q : q;
  },
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : a === b ? 0 : Number.NaN),
  from: (a) => (typeof a === 'number' ? a : Number.NaN),
};

/** Bigints: always exact. */
export const BIGINT: Calculator<bigint> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  scale: (a, k) => (k === 0 ? a : a * pow10n(k)),
  divideRound: (a, k, b) => {
    const n = k === 0 ? a : a * pow10n(k);
    const abs = n < 0n ? -n : n;
    let q = abs / b;
    if (2n * (abs - q * b) >= b) q += 1n;
    return n < 0n ? -q : q;
  },
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  from: (a) => (typeof a === 'bigint' ? a : BigInt(a)),
};

/** A decimal as the scaled integer v / 10^e. */
export class Scaled {
  // v is a number exactly when it is a safe integer (see `scaled`).
  constructor(
    readonly v: Int,
    readonly e: number,
  ) {}
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** The scaled integer of v / 10^e, v held in a double when it is a safe integer (never −0). */
export function scaled(v: Int, e: number): Scaled {
  if (typeof v === 'number') return new Scaled(v === 0 ? 0 : v, e);
  return new Scaled(v <= MAX && v >= -MAX ? Number(v) : v, e);
}

const PLAIN = /^-?\d+(?:\.\d+)?$/;

/** The scaled integer of a plain decimal text -?\d+(\.\d+)?, or undefined when the text is not one. */
export function parsePlain(s: string): Scaled | undefined {
  const units = unitsOfText(s);
  if (!Number.isNaN(units)) return scaled(units, scaleOfText(s));
  // More than 15 digits (or not plain at all): the integer is read from the text as a bigint.
  if (!PLAIN.test(s)) return undefined;
  const dot = s.indexOf('.');
  return scaled(BigInt(dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1)), scaleOfText(s));
}

/** The plain text of v / 10^e: trailing fraction zeros dropped, no sign on zero (decimal.js's `toFixed()`). */
export function plainText(a: Scaled): string {
  const { v, e } = a;
  const negative = v < 0;
  const digits = (negative ? -v : v).toString();
  if (digits === '0') return '0';
  let text: string;
  if (e <= 0) {
    text = e === 0 ? digits : digits + '0'.repeat(-e);
  } else {
    const padded = digits.length <= e ? '0'.repeat(e - digits.length + 1) + digits : digits;
    const cut = padded.length - e;
    let end = padded.length;
    while (end > cut && padded.charCodeAt(end - 1) === 48) end -= 1;
    text = end === cut ? padded.slice(0, cut) : `${padded.slice(0, cut)}.${padded.slice(cut, end)}`;
  }
  return negative ? `-${text}` : text;
}

/** The text of v / 10^e with exactly `decimals` fraction digits (e ≤ decimals), no sign on zero. */
export function fixedText(a: Scaled, decimals: number): string {
  const negative = a.v < 0;
  const digits = (negative ? -a.v : a.v).toString();
  if (a.e > decimals) throw new RangeError('fixed: more fraction digits than asked for');
  const all = a.e === decimals ? digits : digits + '0'.repeat(decimals - a.e);
  const padded = all.length <= decimals ? '0'.repeat(decimals - all.length + 1) + all : all;
  const cut = padded.length - decimals;
  const text = decimals === 0 ? padded : `${padded.slice(0, cut)}.${padded.slice(cut)}`;
  return negative && digits !== '0' ? `-${text}` : text;
}

// The figures of a plain decimal text without an object, for sums over many amounts: its integer as a
// double (NaN when it has more than 15 digits or is not plain) and its scale. Up to 15 digits the integer
// is built in a double, exactly.

/** The integer of a plain decimal text of at most 15 digits, in units of 10^-{@link scaleOfText}; NaN otherwise. */
export function unitsOfText(s: string): number {
  const n = s.length;
  if (n === 0 || n > 17) return Number.NaN;
  const negative = s.charCodeAt(0) === 45;
  let digits = 0;
  let dot = -1;
  let value = 0;
  for (let i = negative ? 1 : 0; i < n; i += 1) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (dot >= 0 || digits === 0) return Number.NaN;
      dot = i;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
    digits += 1;
  }
  if (digits === 0 || digits > 15 || dot === n - 1) return Number.NaN;
  return negative && value !== 0 ? -value : value;
}

/** The number of fraction digits of a decimal text. */
export function scaleOfText(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** 10^k as a double, k = 0…22 (exact); NaN beyond. */
export function pow10Number(k: number): number {
  return POW_N[k] ?? Number.NaN;
}

/**
 * Σ of the amounts of each month to each month (twelve running sums, January first) as safe integers
 * of 10^-e units at one common scale, with no object per amount; undefined when an amount has more than
 * 15 digits or a sum leaves the safe integers (every step is checked, so a result is exact).
 */
export function runningUnits<E>(
  entries: readonly E[],
  monthOf: (entry: E) => number,
  amountOf: (entry: E) => string,
): { readonly totals: readonly number[]; readonly e: number } | undefined {
  let e = 0;
  const totals = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (const entry of entries) {
    const k = monthOf(entry);
    if (k < 0) continue;
    const text = amountOf(entry);
    const v = unitsOfText(text);
    if (Number.isNaN(v)) return undefined;
    const scale = scaleOfText(text);
    if (scale > e) {
      for (let j = 0; j < 12; j += 1) {
        const t = NUMBER.scale(totals[j] as number, scale - e);
        if (Number.isNaN(t)) return undefined;
        totals[j] = t;
      }
      e = scale;
    }
    const t = NUMBER.add(totals[k] as number, NUMBER.scale(v, e - scale));
    if (Number.isNaN(t)) return undefined;
    totals[k] = t;
  }
  let total = 0;
  for (let k = 0; k < 12; k += 1) {
    total = NUMBER.add(total, totals[k] as number);
    if (Number.isNaN(total)) return undefined;
    totals[k] = total;
  }
  return { totals, e };
}

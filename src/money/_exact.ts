// Exact decimal arithmetic on scaled integers: a decimal string `s` is the pair (m, e) with value m / 10^e,
// m a bigint. Sums, differences, comparisons and rounded quotients of such pairs are exact, so they give
// the same results as decimal.js at its 120 significant digits for every input within that precision —
// and they cost a fraction of it. A string outside the plain grammar (an exponent, a sign `+`, spaces)
// or too long to stay within decimal.js's precision is not read here: callers fall back to decimal.js.

/** A decimal as a scaled integer: the value is `m / 10^e`. */
export interface Exact {
  readonly m: bigint;
  readonly e: number;
}

// Strings this long could have more significant digits than decimal.js keeps (120); leave them to it.
const MAX_LENGTH = 100;
const POW: bigint[] = [1n];

/** 10^k as a bigint (k ≥ 0). */
export function pow10(k: number): bigint {
  for (let i = POW.length; i <= k; i += 1) POW.push((POW[i - 1] as bigint) * 10n);
  return POW[k] as bigint;
}

// What scan read last: the sign, the number of digits, the scale (digits after the point) and the value of
// the first 15 digits (exact in a double). Module state, so that a scan returns several numbers without an
// object; every reader takes them right after its own call.
let scanNegative = false;
let scanDigits = 0;
let scanScale = 0;
let scanValue = 0;

// One pass over the characters: whether `s` is in the grammar -?\d+(\.\d+)?, reading its figures as it goes.
function scan(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const negative = s.charCodeAt(0) === 45;
  let digits = 0;
  let dot = -1;
  let value = 0;
  for (let i = negative ? 1 : 0; i < n; i += 1) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (dot >= 0 || digits === 0) return false;
      dot = i;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return false;
    if (digits < 15) value = value * 10 + d;
    digits += 1;
  }
  if (digits === 0 || dot === n - 1) return false;
  scanNegative = negative;
  scanDigits = digits;
  scanScale = dot < 0 ? 0 : n - dot - 1;
  scanValue = value;
  return true;
}

/** The scaled integer of a plain decimal string, or undefined when the string is not one. */
export function exact(s: string): Exact | undefined {
  if (s.length > MAX_LENGTH || !scan(s)) return undefined;
  const e = scanScale;
  // With at most 15 digits the bigint comes from a number rather than from text.
  if (scanDigits <= 15) return { m: BigInt(scanNegative ? -scanValue : scanValue), e };
  const dot = s.indexOf('.');
  return { m: BigInt(dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1)), e };
}

/** a + b. */
export function add(a: Exact, b: Exact): Exact {
  if (a.e === b.e) return { m: a.m + b.m, e: a.e };
  return a.e > b.e ? { m: a.m + b.m * pow10(a.e - b.e), e: a.e } : { m: a.m * pow10(b.e - a.e) + b.m, e: b.e };
}

/** a − b. */
export function sub(a: Exact, b: Exact): Exact {
  if (a.e === b.e) return { m: a.m - b.m, e: a.e };
  return a.e > b.e ? { m: a.m - b.m * pow10(a.e - b.e), e: a.e } : { m: a.m * pow10(b.e - a.e) - b.m, e: b.e };
}

/** a × b. */
export function mul(a: Exact, b: Exact): Exact {
  return { m: a.m * b.m, e: a.e + b.e };
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function cmp(a: Exact, b: Exact): -1 | 0 | 1 {
  const x = a.e >= b.e ? a.m : a.m * pow10(b.e - a.e);
  const y = b.e >= a.e ? b.m : b.m * pow10(a.e - b.e);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The plain text of a value with trailing fraction zeros dropped and no sign on zero (decimal.js's `toFixed()`). */
export function plain(a: Exact): string {
  const negative = a.m < 0n;
  return plainText(negative, (negative ? -a.m : a.m).toString(), a.e);
}

// The text of ±digits / 10^e, trailing fraction zeros dropped, no sign on zero.
function plainText(negative: boolean, digits: string, e: number): string {
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

// Sums in doubles. A double holds every integer up to 2^53 exactly, and a product or sum of such integers
// is exact whenever the result is still a safe integer (a rounded result would be at least 2^53). So while
// every value, scaled to the common number of decimals, and every partial sum stays a safe integer, a sum
// of plain decimals with at most 15 digits each is exact in doubles — with no bigint made on the way.

/** A value as a safe integer `n` of 10^-e units. */
export interface SmallExact {
  readonly n: number;
  readonly e: number;
}

/** 10^k as a double, k = 0…15 (each exact). */
const POW_N: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);

// Scale of the value smallOf read last (to return two numbers without an object).
let smallScale = 0;

// The value of a plain decimal string of at most 15 digits as an integer of 10^-smallScale units; NaN otherwise.
function smallOf(s: string): number {
  if (s.length > 17 || !scan(s) || scanDigits > 15) return Number.NaN;
  smallScale = scanScale;
  return scanNegative ? -scanValue : scanValue;
}

/** Σ of plain decimal strings computed exactly in doubles, or undefined when it cannot be (then use bigints). */
export function sumSmall(list: readonly string[]): SmallExact | undefined {
  let total = 0;
  let e = 0;
  for (const s of list) {
    const v = smallOf(s);
    if (Number.isNaN(v)) return undefined;
    const scale = smallScale;
    if (scale > e) {
      total *= POW_N[scale - e] as number;
      e = scale;
      if (!Number.isSafeInteger(total)) return undefined;
    }
    const x = scale < e ? v * (POW_N[e - scale] as number) : v;
    total += x;
    if (!Number.isSafeInteger(x) || !Number.isSafeInteger(total)) return undefined;
  }
  return { n: total === 0 ? 0 : total, e };
}

/** Σ to each month of a year (January = index 0) as safe integers of 10^-e units: twelve doubles, no bigint. */
export interface SmallRun {
  readonly totals: readonly number[];
  readonly e: number;
}

/**
 * Σ of each month's amounts to each month (January = index 0), exactly in doubles at one common scale; undefined when
 * it cannot be (then use bigints). `month(i)` is the month index of `amount(i)`, or −1 to skip it.
 */
export function runningSmall(count: number, amount: (i: number) => string, month: (i: number) => number): SmallRun | undefined {
  // One pass: the months' sums are kept at the largest scale read so far, and scaled up when a value
  // with more decimals comes. Every step is checked, so every sum is exact.
  let e = 0;
  const totals = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < count; i += 1) {
    const k = month(i);
    if (k < 0) continue;
    const v = smallOf(amount(i));
    if (Number.isNaN(v)) return undefined;
    const scale = smallScale;
    if (scale > e) {
      const f = POW_N[scale - e] as number;
      for (let j = 0; j < 12; j += 1) {
        const t = (totals[j] as number) * f;
        if (!Number.isSafeInteger(t)) return undefined;
        totals[j] = t;
      }
      e = scale;
    }
    const x = scale < e ? v * (POW_N[e - scale] as number) : v;
    const t = (totals[k] as number) + x;
    if (!Number.isSafeInteger(x) || !Number.isSafeInteger(t)) return undefined;
    totals[k] = t;
  }
  let total = 0;
  for (let k = 0; k < 12; k += 1) {
    total += totals[k] as number;
    if (!Number.isSafeInteger(total)) return undefined;
    totals[k] = total === 0 ? 0 : total;
  }
  return { totals, e };
}

/**
 * The value of a plain decimal string of at most 15 digits as a safe integer of 10^-{@link smallValueScale}
 * units, without an object; NaN otherwise (then use {@link exact}).
 */
export function smallValue(s: string): number {
  const n = smallOf(s);
  return n === 0 ? 0 : n;
}

/** The number of decimals of the value {@link smallValue} read last: read it right after that call. */
export function smallValueScale(): number {
  return smallScale;
}

/** The {@link SmallExact} of a plain decimal string of at most 15 digits, or undefined (then use {@link exact}). */
export function smallExact(s: string): SmallExact | undefined {
  const n = smallOf(s);
  return Number.isNaN(n) ? undefined : { n: n === 0 ? 0 : n, e: smallScale };
}

// The safe integer n of 10^-e units as units of 10^-to (to ≥ e); NaN or unsafe when it does not fit.
function scaledTo(n: number, e: number, to: number): number {
  return to === e ? n : n * (POW_N[to - e] ?? Number.NaN);
}

/**
 * −1, 0 or 1 as a / 10^ae is below, equal to or above b / 10^be, for safe integers a and b; NaN when the
 * one with fewer decimals, scaled to the other's, leaves the safe integers (then compare bigints).
 */
export function cmpSmall(a: number, ae: number, b: number, be: number): number {
  const to = Math.max(ae, be);
  const x = scaledTo(a, ae, to);
  const y = scaledTo(b, be, to);
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y)) return Number.NaN;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a / 10^ae + b / 10^be as a safe integer of 10^-max(ae, be) units; NaN when it is not one. */
export function addSmall(a: number, ae: number, b: number, be: number): number {
  const to = Math.max(ae, be);
  const x = scaledTo(a, ae, to);
  const y = scaledTo(b, be, to);
  const t = x + y;
  return Number.isSafeInteger(x) && Number.isSafeInteger(y) && Number.isSafeInteger(t) ? t : Number.NaN;
}

/** a / 10^ae − b / 10^be as a safe integer of 10^-max(ae, be) units; NaN when it is not one. */
export function subSmall(a: number, ae: number, b: number, be: number): number {
  return addSmall(a, ae, -b, be);
}

/** The plain text of a {@link SmallExact}, as {@link plain} writes the same value. */
export function plainSmall(a: SmallExact): string {
  return plainOfSmall(a.n, a.e);
}

/** The plain text of the safe integer `n` of 10^-e units, as {@link plain} writes the same value. */
export function plainOfSmall(n: number, e: number): string {
  return plainText(n < 0, String(Math.abs(n)), e);
}

/**
 * (a × 10^ak) / (b × 10^bk) rounded half away from zero to an integer, as {@link quotient} rounds, for safe
 * integers a and b (b not 0) and ak, bk from 0 to 15; NaN when a step leaves the safe integers or a power
 * is above 15 (then divide bigints).
 */
export function divideSmall(a: number, ak: number, b: number, bk: number): number {
  let num = a * (POW_N[ak] ?? Number.NaN);
  let den = b * (POW_N[bk] ?? Number.NaN);
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den === 0) return Number.NaN;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const abs = Math.abs(num);
  const r = abs % den;
  const q = (abs - r) / den + (2 * r >= den ? 1 : 0);
  return num < 0 ? -q : q === 0 ? 0 : q;
}

/**
 * n / d rounded half away from zero to `decimals` places, as the scaled integer (m, decimals).
 * The denominator must not be zero.
 */
export function quotient(n: Exact, d: Exact, decimals: number): Exact {
  // n/d × 10^k = n.m × 10^(d.e + k) / (d.m × 10^n.e)
  let num = n.m * pow10(d.e + decimals);
  let den = d.m * pow10(n.e);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const abs = negative ? -num : num;
  let q = abs / den;
  if (2n * (abs - q * den) >= den) q += 1n;
  return { m: negative ? -q : q, e: decimals };
}

/** A value with exactly `decimals` fraction digits and no sign on zero (decimal.js's `toFixed(decimals)`). */
export function fixed(a: Exact, decimals: number): string {
  const negative = a.m < 0n;
  return fixedText(negative, (negative ? -a.m : a.m).toString(), a.e, decimals);
}

/** {@link fixed} of the safe integer `n` of 10^-decimals units. */
export function fixedSmall(n: number, decimals: number): string {
  return fixedText(n < 0, String(Math.abs(n)), decimals, decimals);
}

// The text of ±digits / 10^e with exactly `decimals` fraction digits (e ≤ decimals); no sign on zero.
function fixedText(negative: boolean, digits: string, e: number, decimals: number): string {
  const scaled = e === decimals ? digits : e < decimals ? digits + '0'.repeat(decimals - e) : undefined;
  if (scaled === undefined) throw new RangeError('fixed: more fraction digits than asked for');
  const padded = scaled.length <= decimals ? '0'.repeat(decimals - scaled.length + 1) + scaled : scaled;
  const cut = padded.length - decimals;
  const text = decimals === 0 ? padded : `${padded.slice(0, cut)}.${padded.slice(cut)}`;
  return negative && digits !== '0' ? `-${text}` : text;
}

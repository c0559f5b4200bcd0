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

/** The scaled integer of a plain decimal string, or undefined when the string is not one. */
export function exact(s: string): Exact | undefined {
  // One pass over the characters: the grammar -?\d+(\.\d+)?, and the value itself while it has at most
  // 15 digits (exact in a double), so that the bigint comes from a number rather than from text.
  const n = s.length;
  if (n === 0 || n > MAX_LENGTH) return undefined;
  const negative = s.charCodeAt(0) === 45;
  let digits = 0;
  let dot = -1;
  let value = 0;
  for (let i = negative ? 1 : 0; i < n; i += 1) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (dot >= 0 || digits === 0) return undefined;
      dot = i;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return undefined;
    if (digits < 15) value = value * 10 + d;
    digits += 1;
  }
  if (digits === 0 || dot === n - 1) return undefined;
  const e = dot < 0 ? 0 : n - dot - 1;
  if (digits <= 15) return { m: BigInt(negative ? -value : value), e };
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
  const digits = (negative ? -a.m : a.m).toString();
  if (digits === '0') return '0';
  let text: string;
  if (a.e <= 0) {
    text = a.e === 0 ? digits : digits + '0'.repeat(-a.e);
  } else {
    const padded = digits.length <= a.e ? '0'.repeat(a.e - digits.length + 1) + digits : digits;
    const cut = padded.length - a.e;
    let end = padded.length;
    while (end > cut && padded.charCodeAt(end - 1) === 48) end -= 1;
    text = end === cut ? padded.slice(0, cut) : `${padded.slice(0, cut)}.${padded.slice(cut, end)}`;
  }
  return negative ? `-${text}` : text;
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
  const digits = (negative ? -a.m : a.m).toString();
  const scaled = a.e === decimals ? digits : a.e < decimals ? digits + '0'.repeat(decimals - a.e) : undefined;
  if (scaled === undefined) throw new RangeError('fixed: more fraction digits than asked for');
  const padded = scaled.length <= decimals ? '0'.repeat(decimals - scaled.length + 1) + scaled : scaled;
  const cut = padded.length - decimals;
  const text = decimals === 0 ? padded : `${padded.slice(0, cut)}.${padded.slice(cut)}`;
  return negative && a.m !== 0n ? `-${text}` : text;
}

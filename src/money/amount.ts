import { SansansanError } from '../errors.js';
import { D } from './_decimal.js';
import { compareFigures, figureOf, minus, plus, sumOf, toAmount } from './figure.js';
import { trimEnd } from '../_lib/trimEnd.js';

declare const amountBrand: unique symbol;

/**
 * An exact decimal amount of money (金额), held as a canonical plain decimal string such as `"1250.5"`.
 *
 * @remarks
 * Canonical means: no exponent, no leading `+`, no trailing fractional zeros, no `-0`. Because it is a
 * string, a parsed portfolio serialises with `JSON.stringify` unchanged and money never passes through a
 * binary float. Use the functions of `sansansan/money` to compute with it.
 *
 * @example
 * ```ts
 * const a: Amount = parseAmount('1250.50'); //=> '1250.5'
 * ```
 * @category Money
 */
export type Amount = string & {
  /** Type-level brand marking a canonical amount; absent at run time. */
  readonly [amountBrand]: 'Amount';
};

/** The grammar every amount string must match (`^-?\d+(\.\d+)?$`). */
export const AMOUNT_PATTERN: RegExp = /^-?\d+(?:\.\d+)?$/;

/**
 * Largest number of integer digits an amount may have (10^18 of any unit is beyond any budget).
 * Bounding amounts keeps every sum and quotient exact at the library's working precision.
 */
export const MAX_INTEGER_DIGITS = 18;
/** Largest number of fractional digits an amount may have. */
export const MAX_FRACTION_DIGITS = 10;

/**
 * Why an input is not an amount.
 *
 * @example
 * ```ts
 * const r = safeParseAmount('abc');
 * if (!r.success) r.code; //=> 'amount_grammar'
 * ```
 * @category Money
 */
export type AmountIssueCode = 'amount_grammar' | 'amount_not_finite' | 'amount_out_of_range' | 'amount_type';

/**
 * Result of {@link safeParseAmount}.
 *
 * @example
 * ```ts
 * const r: SafeParseAmountResult = safeParseAmount(12.5); //=> { success: true, data: '12.5' }
 * ```
 * @category Money
 */
export type SafeParseAmountResult =
  | {
      /** The input is an amount. */
      readonly success: true;
      /** 金额 — the amount, canonical. */
      readonly data: Amount;
    }
  | {
      /** The input is not an amount. */
      readonly success: false;
      /** 问题代码 — why not. */
      readonly code: AmountIssueCode;
    };

/**
 * Read an amount from a decimal string or a finite JSON number (金额解析), without throwing.
 *
 * @remarks
 * A number is read through its shortest round-trip decimal form (`String(n)`), so `1234.56` becomes
 * exactly `"1234.56"`; an exponent form such as `1e21` is converted exactly. Strings must match
 * {@link AMOUNT_PATTERN}; at most {@link MAX_INTEGER_DIGITS} integer and {@link MAX_FRACTION_DIGITS}
 * fractional digits.
 *
 * @example
 * ```ts
 * safeParseAmount('0012.300'); //=> { success: true, data: '12.3' }
 * safeParseAmount(Number.NaN); //=> { success: false, code: 'amount_not_finite' }
 * safeParseAmount('1e5');      //=> { success: false, code: 'amount_grammar' }
 * ```
 * @category Money
 */
export function safeParseAmount(input: unknown): SafeParseAmountResult {
  // Documents hold canonical amounts almost always; such a string is its own result.
  if (typeof input === 'string' && isCanonicalText(input)) return { success: true, data: input as Amount };
  return parseAmountInput(input);
}

/** {@link safeParseAmount}'s amount, or undefined when it fails: no result object for the common case. @internal */
export function amountOf(input: unknown): Amount | undefined {
  if (typeof input === 'string' && isCanonicalText(input)) return input as Amount;
  const r = parseAmountInput(input);
  return r.success ? r.data : undefined;
}

/**
 * Whether a string is already an amount as {@link safeParseAmount} writes it: `0`, or an optional `-`,
 * an integer part without leading zeros (at most 18 digits) and a fraction part without trailing zeros
 * (at most 10 digits).
 * @internal
 */
export function isCanonicalText(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  if (i >= n) return false;
  const first = s.charCodeAt(i);
  if (first === 48) {
    i += 1;
    // "0" alone is canonical, "-0" is not; "0.5" and "-0.5" are.
    if (i === n) return start === 0;
  } else {
    if (first < 49 || first > 57) return false;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i += 1;
    }
    if (i - start > MAX_INTEGER_DIGITS) return false;
    if (i === n) return true;
  }
  if (s.charCodeAt(i) !== 46) return false;
  const dot = i;
  i += 1;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    i += 1;
  }
  const fraction = n - dot - 1;
  return fraction >= 1 && fraction <= MAX_FRACTION_DIGITS && s.charCodeAt(n - 1) !== 48;
}

/** The general reading of {@link safeParseAmount}, without its shortcut for canonical strings. @internal */
export function parseAmountInput(input: unknown): SafeParseAmountResult {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { success: false, code: 'amount_not_finite' };
    // String(n) is the shortest decimal that reads back as n; it may use an exponent, which D reads exactly.
    text = new D(String(input)).toFixed();
  } else if (typeof input === 'string') {
    if (!AMOUNT_PATTERN.test(input)) return { success: false, code: 'amount_grammar' };
    text = input;
  } else {
    return { success: false, code: 'amount_type' };
  }
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const intPart = (dot < 0 ? body : body.slice(0, dot)).replace(/^0+(?=\d)/, '');
  let fracPart = dot < 0 ? '' : trimEnd(body.slice(dot + 1), (c) => c === '0');
  if (intPart.length > MAX_INTEGER_DIGITS || fracPart.length > MAX_FRACTION_DIGITS) {
    return { success: false, code: 'amount_out_of_range' };
  }
  const isZero = intPart === '0' && fracPart === '';
  fracPart = fracPart === '' ? '' : `.${fracPart}`;
  return { success: true, data: `${negative && !isZero ? '-' : ''}${intPart}${fracPart}` as Amount };
}

/**
 * Read an amount, throwing on bad input (金额解析).
 *
 * @throws `SansansanError` with the code of {@link AmountIssueCode} when the input is not an amount.
 * @example
 * ```ts
 * parseAmount('100.00'); //=> '100'
 * parseAmount(-0);       //=> '0'
 * ```
 * @category Money
 */
export function parseAmount(input: unknown): Amount {
  const r = safeParseAmount(input);
  if (!r.success) {
    throw new SansansanError(r.code, {
      zh: `金额无效:${describe(input)}`,
      en: `not a valid amount: ${describe(input)}`,
    });
  }
  return r.data;
}

function describe(input: unknown): string {
  // Never String() an object: a null-prototype one throws, a deeply nested array overflows the stack.
  const s =
    typeof input === 'string'
      ? JSON.stringify(input)
      : typeof input === 'object' && input !== null
        ? Array.isArray(input)
          ? 'array'
          : 'object'
        : String(input);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Whether a value is a canonical {@link Amount} string.
 *
 * @example
 * ```ts
 * isAmount('12.5');  //=> true
 * isAmount('12.50'); //=> false (not canonical)
 * ```
 * @category Money
 */
export function isAmount(value: unknown): value is Amount {
  // A number parses too, but to a string, which is never `===` the number.
  const r = safeParseAmount(value);
  return r.success && r.data === value;
}

/** The amount zero. @category Money */
export const ZERO: Amount = '0' as Amount;

/**
 * Exact sum of amounts (求和).
 *
 * @example
 * ```ts
 * sumAmounts([parseAmount('0.1'), parseAmount('0.2')]); //=> '0.3'
 * ```
 * @category Money
 */
export function sumAmounts(amounts: Iterable<Amount>): Amount {
  return toAmount(sumOf(Array.isArray(amounts) ? (amounts as readonly Amount[]) : [...amounts]));
}

/**
 * Exact `a + b`.
 *
 * @example
 * ```ts
 * addAmounts(parseAmount('1.5'), parseAmount('2')); //=> '3.5'
 * ```
 * @category Money
 */
export function addAmounts(a: Amount, b: Amount): Amount {
  return toAmount(plus(figureOf(a), figureOf(b)));
}

/**
 * Exact `a − b`.
 *
 * @example
 * ```ts
 * subtractAmounts(parseAmount('1'), parseAmount('2.5')); //=> '-1.5'
 * ```
 * @category Money
 */
export function subtractAmounts(a: Amount, b: Amount): Amount {
  return toAmount(minus(figureOf(a), figureOf(b)));
}

/**
 * Exact comparison: `-1`, `0` or `1`.
 *
 * @example
 * ```ts
 * compareAmounts(parseAmount('10'), parseAmount('9.99')); //=> 1
 * ```
 * @category Money
 */
export function compareAmounts(a: Amount, b: Amount): -1 | 0 | 1 {
  return compareFigures(figureOf(a), figureOf(b));
}

/**
 * Sign of an amount: `-1`, `0` or `1`.
 *
 * @example
 * ```ts
 * signOf(parseAmount('-3')); //=> -1
 * ```
 * @category Money
 */
export function signOf(a: Amount): -1 | 0 | 1 {
  return a === '0' ? 0 : a.startsWith('-') ? -1 : 1;
}

/**
 * Exact money: amounts as canonical decimal strings, exact sums and ratios, unit conversion and
 * display rounding (金额). No amount passes through a binary fraction: every function computes with
 * exact scaled integers, held in doubles while they are safe integers and in bigints beyond (decision D35).
 *
 * @packageDocumentation
 */
export {
  AMOUNT_PATTERN,
  MAX_FRACTION_DIGITS,
  MAX_INTEGER_DIGITS,
  ZERO,
  addAmounts,
  compareAmounts,
  isAmount,
  parseAmount,
  safeParseAmount,
  signOf,
  subtractAmounts,
  sumAmounts,
} from './amount.js';
export type { Amount, AmountIssueCode, SafeParseAmountResult } from './amount.js';
export { compareRatioTo, compareRatios, formatRatio, multiplyAmount, percentOf, ratioOf, ratioToAmount } from './ratio.js';
export type { Ratio } from './ratio.js';
export { MONEY_UNITS, UNIT_IN_YUAN, convertAmount } from './unit.js';
export type { MoneyUnit } from './unit.js';

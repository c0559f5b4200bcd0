import { D } from './_decimal.js';
import type { Amount } from './amount.js';

/**
 * The money unit of a portfolio document (金额单位): `元`, `万元` (the default) or `亿元`.
 *
 * @example
 * ```ts
 * const u: MoneyUnit = '万元';
 * ```
 * @category Money
 */
export type MoneyUnit = '元' | '万元' | '亿元';

/** Every money unit, smallest first. @category Money */
export const MONEY_UNITS: readonly MoneyUnit[] = ['元', '万元', '亿元'];

/** How many 元 one unit is. @category Money */
export const UNIT_IN_YUAN: Readonly<Record<MoneyUnit, string>> = { 元: '1', 万元: '10000', 亿元: '100000000' };

/**
 * Convert an amount between units exactly (单位换算).
 *
 * @example
 * ```ts
 * convertAmount(parseAmount('12345'), '万元', '亿元'); //=> '1.2345'
 * convertAmount(parseAmount('1.5'), '万元', '元');     //=> '15000'
 * ```
 * @category Money
 */
export function convertAmount(a: Amount, from: MoneyUnit, to: MoneyUnit): Amount {
  // decimal.js never writes the sign of a negative zero, nor an exponent with toFixed().
  return new D(a).times(UNIT_IN_YUAN[from]).div(UNIT_IN_YUAN[to]).toFixed() as Amount;
}

import { Decimal } from 'decimal.js';

// A private clone: the global Decimal is never configured (Decimal.set), so no other library is affected.
// Output is always written with toFixed (never an exponent); 120 digits cover every sum of bounded amounts.
export const D: typeof Decimal = Decimal.clone({
  precision: 120,
  rounding: Decimal.ROUND_HALF_UP,
});

// Quotients are truncated at high precision first, then rounded half-up once: no double rounding.
export const Q: typeof Decimal = Decimal.clone({
  precision: 120,
  rounding: Decimal.ROUND_DOWN,
});

export type Dec = Decimal;
export const ROUND_HALF_UP: 4 = Decimal.ROUND_HALF_UP;

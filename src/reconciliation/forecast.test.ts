// The forecast is computed in doubles when that is exact and with scaled integers otherwise: either way
// each figure is the exact quotient rounded once, half away from zero, as decimal.js gives it.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseYearMonth } from '../calendar/index.js';
import { D, Q, ROUND_HALF_UP } from '../money/_decimal.js';
import { parseAmount, type Amount } from '../money/index.js';
import { forecast } from './forecast.js';

// Amounts of every size: a few digits, up to 15 (doubles hold them), and more (bigints only).
const amount: fc.Arbitrary<Amount> = fc
  .tuple(fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 }))
  .map(([m, e, size]) => {
    const digits = size === 0 ? m % 100000n : size === 1 ? m % 10n ** 15n : m;
    return parseAmount(new D(digits.toString()).div(10 ** e).toFixed());
  });

const rounded = (x: InstanceType<typeof D>, decimals: number): string => x.toDecimalPlaces(decimals, ROUND_HALF_UP).toFixed();

describe('forecast', () => {
  test.prop([amount, amount, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 18 })], { numRuns: 500 })(
    'rounds each exact quotient once, half away from zero, whatever the size of the amounts',
    (completed, annualPlan, k, decimals) => {
      const left = 12 - k;
      expect(forecast(completed, annualPlan, parseYearMonth(`2025-${String(k).padStart(2, '0')}`), decimals)).toEqual({
        runRate: rounded(new Q(completed).div(k), decimals),
        requiredMonthly: left === 0 ? null : rounded(new Q(annualPlan).minus(completed).div(left), decimals),
        projectedYearEnd: rounded(new Q(completed).times(12).div(k), decimals),
      });
    },
  );
});

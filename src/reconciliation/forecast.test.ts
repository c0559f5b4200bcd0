// Each figure of the forecast is the exact quotient rounded once, half away from zero, as decimal.js gives
// it, whatever the size of the amounts.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseYearMonth } from '../calendar/index.js';
import { D, Q, ROUND_HALF_UP } from '../../test/fixtures/decimalOracle.js';
import { parseAmount, type Amount } from '../money/index.js';
import { forecast, NO_FORECAST } from './forecast.js';

const ym = parseYearMonth;
const a = parseAmount;

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

  it.each([
    ['800', '1200', '2025-09', 2, { runRate: '88.89', requiredMonthly: '133.33', projectedYearEnd: '1066.67' }],
    ['800', '1200', '2025-09', 0, { runRate: '89', requiredMonthly: '133', projectedYearEnd: '1067' }],
    ['800', '1200', '2025-09', 4, { runRate: '88.8889', requiredMonthly: '133.3333', projectedYearEnd: '1066.6667' }],
    ['1200', '1200', '2025-12', 2, { runRate: '100', requiredMonthly: null, projectedYearEnd: '1200' }],
    ['1100', '1200', '2025-11', 2, { runRate: '100', requiredMonthly: '100', projectedYearEnd: '1200' }],
    ['300', '1200', '2025-01', 2, { runRate: '300', requiredMonthly: '81.82', projectedYearEnd: '3600' }],
    ['1300', '1200', '2025-10', 2, { runRate: '130', requiredMonthly: '-50', projectedYearEnd: '1560' }],
    ['-1', '0', '2025-08', 2, { runRate: '-0.13', requiredMonthly: '0.25', projectedYearEnd: '-1.5' }], // half away from zero
    ['0.005', '0', '2025-06', 2, { runRate: '0', requiredMonthly: '0', projectedYearEnd: '0.01' }], // never "-0"
  ])('completed %s of %s at %s, %i decimals', (completed, annual, m, decimals, expected) => {
    expect(forecast(a(completed), a(annual), ym(m), decimals)).toEqual(expected);
  });

  it('has an all-null forecast for no evaluated month', () => {
    expect(NO_FORECAST).toEqual({ runRate: null, requiredMonthly: null, projectedYearEnd: null });
  });
});

// The scaled-integer arithmetic against decimal.js itself: every money function gives the same string,
// to the last digit, as the decimal.js computation it replaces.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { D, Q, ROUND_HALF_UP } from './_decimal.js';
import { runningSums } from './amount.js';
import { addSmall, cmpSmall, exact, plain, plainOfSmall, plainSmall, runningSmall, smallExact, subSmall, sumSmall } from './_exact.js';
import {
  addAmounts,
  compareAmounts,
  compareRatios,
  compareRatioTo,
  formatRatio,
  multiplyAmount,
  percentOf,
  ratioOf,
  ratioToAmount,
  subtractAmounts,
  sumAmounts,
  type Amount,
  type Ratio,
} from './index.js';

// Plain decimal strings as documents hold them: canonical amounts, and also leading or trailing zeros,
// a negative zero, up to 18 integer and 10 fraction digits.
const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: min, maxLength: max });
const decimal: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), digits(1, 18), fc.option(digits(1, 10), { nil: undefined }))
  .map(([neg, i, f]) => `${neg ? '-' : ''}${i}${f === undefined ? '' : `.${f}`}`);
const small: fc.Arbitrary<string> = fc.oneof(
  decimal,
  fc.constantFrom('0', '-0', '0.0', '10', '30', '100', '0.5', '-0.005', '0.004999', '1.005', '2.5', '-2.5'),
);
// Strings decimal.js reads that are not plain: these take the decimal.js path.
const other: fc.Arbitrary<string> = fc.constantFrom('1e3', '+5', '.5', '5.', '-1.5e-3', '2E+2');
const amount = fc.oneof({ weight: 5, arbitrary: small }, { weight: 1, arbitrary: other }) as fc.Arbitrary<Amount>;
const nonZero = amount.filter((a) => !new D(a).isZero());
const ratio: fc.Arbitrary<Ratio> = fc.tuple(amount, nonZero).map(([n, d]) => ({
  numerator: n,
  denominator: new D(d).abs().toFixed() as Amount,
}));
const decimals = fc.integer({ min: 0, max: 12 });

const dec = (s: string): string => new D(s).toFixed();

describe('exact arithmetic equals decimal.js', () => {
  test.prop([fc.array(amount, { maxLength: 14 })])('sumAmounts', (xs) => {
    expect(sumAmounts(xs)).toBe(xs.reduce((t, x) => t.plus(x), new D(0)).toFixed());
  });

  test.prop([fc.array(fc.tuple(small, fc.integer({ min: -1, max: 11 })), { maxLength: 30 })])(
    'runningSmall, when it applies, and sumSmall',
    (entries) => {
      const run = runningSmall(
        entries.length,
        (i) => (entries[i] as [string, number])[0],
        (i) => (entries[i] as [string, number])[1],
      );
      const expected = Array.from({ length: 12 }, (_, k) =>
        entries
          .filter(([, m]) => m >= 0 && m <= k)
          .reduce((t, [a]) => t.plus(a), new D(0))
          .toFixed(),
      );
      if (run !== undefined) expect(run.totals.map((n) => plainOfSmall(n, run.e))).toEqual(expected);
      const sum = sumSmall(entries.map(([a]) => a));
      if (sum !== undefined) expect(plainSmall(sum)).toBe(entries.reduce((t, [a]) => t.plus(a), new D(0)).toFixed());
    },
  );

  // Values of up to 15 digits at up to 12 decimals: scaling one to the other's decimals may pass 2^53.
  const wide = fc.oneof(
    small,
    fc
      .bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n })
      .chain((m) => decimals.map((e) => ({ m, e })))
      .map(({ m, e }) => plain({ m, e })),
  );
  test.prop([wide, wide])('cmpSmall, addSmall and subSmall, when they apply, and smallExact', (a, b) => {
    const [x, y] = [smallExact(a), smallExact(b)];
    const [ex, ey] = [exact(a), exact(b)];
    if (x === undefined || y === undefined || ex === undefined || ey === undefined) return;
    expect({ m: BigInt(x.n), e: x.e }).toEqual(ex);
    const c = cmpSmall(x.n, x.e, y.n, y.e);
    if (!Number.isNaN(c)) expect(c).toBe(new D(a).cmp(b));
    const d = subSmall(x.n, x.e, y.n, y.e);
    if (!Number.isNaN(d)) expect(plainOfSmall(d, Math.max(x.e, y.e))).toBe(new D(a).minus(b).toFixed());
    const s = addSmall(x.n, x.e, y.n, y.e);
    if (!Number.isNaN(s)) expect(plainOfSmall(s, Math.max(x.e, y.e))).toBe(new D(a).plus(b).toFixed());
  });

  it('gives NaN where doubles cannot hold the scaled values, and tells ties apart from neighbours', () => {
    expect(cmpSmall(900719925474099, 0, 1, 2)).toBeNaN(); // 9.0…e16 units at 2 decimals
    expect(subSmall(9007199254740991, 0, -1, 0)).toBeNaN(); // 2^53 is not a safe integer
    expect(addSmall(9007199254740991, 0, 1, 0)).toBeNaN();
    expect(addSmall(5, 0, 25, 2)).toBe(525); // 5 + 0.25 in hundredths
    expect(cmpSmall(12345, 2, 123450, 3)).toBe(0);
    expect(cmpSmall(12345, 2, 123451, 3)).toBe(-1);
    expect(smallExact('9007199254740991')).toBeUndefined(); // 16 digits
    expect(smallExact('-0.00')).toEqual({ n: 0, e: 2 });
  });

  it('leaves sums beyond 2^53 units to bigints, and still sums them exactly', () => {
    const near = '900719925474099'; // 15 digits: 11 of them pass 2^53
    expect(sumSmall(Array.from({ length: 10 }, () => near))).toBeDefined();
    expect(sumSmall(Array.from({ length: 11 }, () => near))).toBeUndefined();
    expect(sumSmall(['0.00000000000001', '90071992547409'])).toBeUndefined(); // 9.0…e27 units at 14 decimals
    expect(sumSmall(['9007199254740991'])).toBeUndefined(); // 16 digits
    expect(sumAmounts(Array.from({ length: 11 }, () => near) as Amount[])).toBe('9907919180215089');
    expect(
      runningSmall(
        11,
        () => near,
        () => 0,
      ),
    ).toBeUndefined();
    expect(
      runningSmall(
        3,
        () => '0.5',
        (i) => i,
      )?.totals.map((n) => plainOfSmall(n, 1)),
    ).toEqual(['0.5', '1', '1.5', '1.5', '1.5', '1.5', '1.5', '1.5', '1.5', '1.5', '1.5', '1.5']);
  });

  test.prop([fc.array(fc.array(amount, { maxLength: 4 }), { maxLength: 12 })])('runningSums', (groups) => {
    expect(runningSums(groups)).toEqual(groups.map((_, k) => sumAmounts(groups.slice(0, k + 1).flat())));
  });

  test.prop([amount, amount])('addAmounts, subtractAmounts, compareAmounts', (a, b) => {
    expect(addAmounts(a, b)).toBe(new D(a).plus(b).toFixed());
    expect(subtractAmounts(a, b)).toBe(new D(a).minus(b).toFixed());
    expect(compareAmounts(a, b)).toBe(new D(a).comparedTo(b));
  });

  test.prop([amount, nonZero])('ratioOf and percentOf', (n, d) => {
    const neg = new D(d).isNegative();
    const sign = (x: InstanceType<typeof D>): string => (neg ? x.neg() : x).toFixed();
    expect(ratioOf(n, d)).toEqual({ numerator: sign(new D(n)), denominator: sign(new D(d)) });
    expect(percentOf(n, d)).toEqual({ numerator: sign(new D(n).times(100)), denominator: sign(new D(d)) });
  });

  test.prop([ratio, decimals])('formatRatio and ratioToAmount round half away from zero', (r, k) => {
    const q = new Q(r.numerator).div(r.denominator).toDecimalPlaces(k, ROUND_HALF_UP);
    expect(formatRatio(r, k)).toBe(q.toFixed(k));
    expect(ratioToAmount(r, k)).toBe(q.toFixed());
  });

  test.prop([amount, fc.oneof(amount, fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))])(
    'multiplyAmount',
    (a, factor) => {
      expect(multiplyAmount(a, factor)).toBe(new D(a).times(factor).toFixed());
    },
  );

  test.prop([ratio, ratio, amount])('compareRatios and compareRatioTo', (a, b, t) => {
    const cross = (x: Ratio, n: string, d: string): number => new D(x.numerator).times(d).comparedTo(new D(n).times(x.denominator));
    expect(compareRatios(a, b)).toBe(cross(a, b.numerator, b.denominator));
    expect(compareRatioTo(a, t)).toBe(cross(a, t, '1'));
  });

  test.prop([small])('plain(exact(s)) is decimal.js toFixed()', (s) => {
    const x = exact(s);
    expect(x).toBeDefined();
    if (x) expect(plain(x)).toBe(dec(s));
  });
});

describe('examples', () => {
  test('ties round away from zero, and zero has no sign', () => {
    const r = (n: string, d: string): Ratio => ({ numerator: n as Amount, denominator: d as Amount });
    expect(formatRatio(r('1', '8'), 2)).toBe('0.13');
    expect(formatRatio(r('-1', '8'), 2)).toBe('-0.13');
    expect(formatRatio(r('-1', '1000'), 2)).toBe('0.00');
    expect(formatRatio(r('1', '3'), 4)).toBe('0.3333');
    expect(formatRatio(r('2', '3'), 0)).toBe('1');
    expect(ratioToAmount(r('-1', '1000'), 2)).toBe('0');
    expect(ratioToAmount(r('5', '4'), 1)).toBe('1.3');
  });

  test('sums keep every digit', () => {
    expect(sumAmounts(['999999999999999999.9999999999', '0.0000000001'] as Amount[])).toBe('1000000000000000000');
    expect(sumAmounts(['0.1', '0.2'] as Amount[])).toBe('0.3');
    expect(sumAmounts([])).toBe('0');
    expect(subtractAmounts('1.5' as Amount, '1.50' as Amount)).toBe('0');
  });

  test('strings outside the plain grammar are not read as scaled integers', () => {
    expect(exact('1e3')).toBeUndefined();
    expect(exact('+1')).toBeUndefined();
    expect(exact('1'.repeat(101))).toBeUndefined();
    expect(exact('-0.50')).toEqual({ m: -50n, e: 2 });
    for (const s of ['', '-', '.', '-.5', '1.', '1..2', '--1', '1-', ' 1', '1 ', '٣', '1.2.3'])
      expect([s, exact(s)]).toEqual([s, undefined]);
    expect(exact('123456789012345')).toEqual({ m: 123456789012345n, e: 0 });
    expect(exact('-1234567890.123456')).toEqual({ m: -1234567890123456n, e: 6 });
    expect(exact('999999999999999999.9999999999')).toEqual({ m: 9999999999999999999999999999n, e: 10 });
  });
});

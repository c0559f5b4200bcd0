// Figures against decimal.js itself: every money function gives the same string, to the last digit, as
// the decimal.js computation at 120 digits, whether doubles or bigints do the work.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { D, Q, ROUND_HALF_UP } from './_decimal.js';
import {
  compareFigures,
  constantFigure,
  compareShareTo,
  figureOf,
  minus,
  plus,
  roundShare,
  runningTotals,
  shareOf,
  signOfFigure,
  sumOf,
  times,
  toAmount,
} from './figure.js';
import { BIGINT, NUMBER, parsePlain, plainText, scaleOfText, unitsOfText } from './_scaled.js';
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

  test.prop([fc.array(fc.tuple(amount, fc.integer({ min: -1, max: 11 })), { maxLength: 30 })])('runningTotals and sumOf', (entries) => {
    const run = runningTotals(
      entries,
      ([, m]) => m,
      ([a]) => a,
    );
    const expected = Array.from({ length: 12 }, (_, k) =>
      entries
        .filter(([, m]) => m >= 0 && m <= k)
        .reduce((t, [a]) => t.plus(a), new D(0))
        .toFixed(),
    );
    expect(run.map(toAmount)).toEqual(expected);
    expect(toAmount(sumOf(entries.map(([a]) => a)))).toBe(entries.reduce((t, [a]) => t.plus(a), new D(0)).toFixed());
  });

  // Values of up to 15 digits at up to 12 decimals: scaling one to the other's decimals may pass 2^53.
  const wide = fc.oneof(
    small,
    fc
      .bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n })
      .chain((m) => decimals.map((e) => new D(m.toString()).div(10 ** e).toFixed())),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((m) => new D(m.toString()).div(1e7).toFixed()),
  );
  test.prop([wide, wide])('plus, minus, times, compareFigures and signOfFigure', (a, b) => {
    const [x, y] = [figureOf(a), figureOf(b)];
    expect(toAmount(plus(x, y))).toBe(new D(a).plus(b).toFixed());
    expect(toAmount(minus(x, y))).toBe(new D(a).minus(b).toFixed());
    expect(toAmount(times(x, y))).toBe(new D(a).times(b).toFixed());
    expect(compareFigures(x, y)).toBe(new D(a).cmp(b));
    expect(signOfFigure(x)).toBe(new D(a).isZero() ? 0 : new D(a).isNegative() ? -1 : 1);
  });

  test.prop([wide, wide.filter((d) => !new D(d).isZero()), wide, decimals])('shares compare and round exactly', (n, d, t, k) => {
    const s = shareOf(figureOf(n), figureOf(d));
    const sign = new D(d).isNegative() ? -1 : 1;
    expect(compareShareTo(s, figureOf(t))).toBe(new D(n).times(sign).comparedTo(new D(t).times(new D(d).abs())));
    expect(toAmount(roundShare(s, k))).toBe(new Q(n).div(d).toDecimalPlaces(k, ROUND_HALF_UP).toFixed());
  });

  it('answers NaN in doubles where a result leaves the safe integers, and the bigints give it exactly', () => {
    expect(NUMBER.add(Number.MAX_SAFE_INTEGER, 1)).toBeNaN();
    expect(NUMBER.multiply(94906267, 94906267)).toBeNaN(); // just above 2^53
    expect(NUMBER.scale(900719925474099, 2)).toBeNaN();
    expect(NUMBER.compare(Number.NaN, 1)).toBeNaN();
    expect(NUMBER.add(5, 25)).toBe(30);
    expect(BIGINT.multiply(94906267n, 94906267n)).toBe(9007199515875289n);
    expect(toAmount(times(figureOf('94906267'), figureOf('94906267')))).toBe('9007199515875289');
    expect(toAmount(plus(figureOf('9007199254740991'), figureOf('1')))).toBe('9007199254740992');
  });

  it('leaves sums beyond 2^53 units to bigints, and still sums them exactly', () => {
    const near = '900719925474099'; // 15 digits: 11 of them pass 2^53
    expect(sumAmounts(Array.from({ length: 11 }, () => near) as Amount[])).toBe('9907919180215089');
    expect(sumAmounts(['0.00000000000001', '90071992547409'] as Amount[])).toBe('90071992547409.00000000000001');
    expect(
      runningTotals(
        [0, 1, 2],
        (i) => i,
        () => '0.5',
      ).map(toAmount),
    ).toEqual(['0.5', '1', '1.5', '1.5', '1.5', '1.5', '1.5', '1.5', '1.5', '1.5', '1.5', '1.5']);
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

  test.prop([small])('plainText(parsePlain(s)) is decimal.js toFixed()', (s) => {
    const x = parsePlain(s);
    expect(x).toBeDefined();
    if (x) expect(plainText(x)).toBe(dec(s));
    const units = unitsOfText(s);
    if (!Number.isNaN(units)) expect(new D(units).div(10 ** scaleOfText(s)).toFixed()).toBe(dec(s));
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

  test('reads the plain grammar itself, and the rest through decimal.js', () => {
    expect(parsePlain('1e3')).toBeUndefined();
    expect(toAmount(figureOf('1e3'))).toBe('1000');
    expect(toAmount(figureOf('+1'))).toBe('1');
    expect(toAmount(figureOf('.5'))).toBe('0.5');
    expect(() => figureOf('abc')).toThrow(expect.objectContaining({ code: 'amount_grammar' }) as Error);
    try {
      figureOf('12,5');
    } catch (e) {
      const { text } = e as { text: { zh: string; en: string } };
      expect([text.zh.includes('12,5'), text.en.includes('12,5')]).toEqual([true, true]);
    }
    expect(() => figureOf('12,5')).toThrow(expect.objectContaining({ code: 'amount_grammar' }) as Error);
    const bound = constantFigure('12.5');
    expect(constantFigure('12.5')).toBe(bound);
    expect(toAmount(bound)).toBe('12.5');
    for (const k of [-1, 1.5, 101, Number.NaN]) expect(() => roundShare(shareOf(figureOf('1'), figureOf('3')), k)).toThrow(RangeError);
    expect(toAmount(roundShare(shareOf(figureOf('2'), figureOf('3')), 100))).toBe(`0.${'6'.repeat(99)}7`);
    expect(parsePlain('-0.50')).toEqual({ v: -50, e: 2 });
    expect(parsePlain('-0')).toEqual({ v: 0, e: 0 });
    for (const s of ['', '-', '.', '-.5', '1.', '1..2', '--1', '1-', ' 1', '1 ', '٣', '1.2.3']) {
      expect([s, parsePlain(s)]).toEqual([s, undefined]);
      expect([s, unitsOfText(s)]).toEqual([s, Number.NaN]);
    }
    expect(parsePlain('123456789012345')).toEqual({ v: 123456789012345, e: 0 });
    expect(parsePlain('1234567890123456')).toEqual({ v: 1234567890123456, e: 0 });
    expect(unitsOfText('1234567890123456')).toBeNaN(); // 16 digits
    expect(parsePlain('-1234567890.123456')).toEqual({ v: -1234567890123456, e: 6 });
    expect(parsePlain('999999999999999999.9999999999')).toEqual({ v: 9999999999999999999999999999n, e: 10 });
    expect(Object.is(unitsOfText('-0.00'), 0)).toBe(true);
  });
});

// The two calculators under the figures: doubles answer exactly or NaN, bigints always exactly, and a
// figure is held in a double exactly when its integer is a safe integer.
import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  compareFigures,
  compareShares,
  compareShareTo,
  figureOf,
  formatShare,
  minus,
  percentShare,
  plus,
  roundShare,
  runningTotals,
  shareOf,
  sumOf,
  times,
  toAmount,
  type Figure,
} from './figure.js';
import {
  BIGINT,
  fixedText,
  NUMBER,
  parsePlain,
  plainText,
  pow10Number,
  runningUnits,
  scaled,
  scaleOfText,
  Scaled,
  unitsOfText,
} from './_scaled.js';

const MAX = Number.MAX_SAFE_INTEGER;
const safeInt = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.maxSafeInteger().map((n) => -n),
  fc.constantFrom(MAX, -MAX, 0, 1, -1),
);
const exactOrNaN = (x: bigint): number => (x >= BigInt(-MAX) && x <= BigInt(MAX) ? Number(x) : Number.NaN);
// −0 and 0 are the same integer (scaled() never keeps −0).
const z = (n: number): number => (n === 0 ? 0 : n);
const heldIn = (f: Figure): string => typeof (f as unknown as Scaled).v;

describe('the number calculator', () => {
  test.prop([safeInt, safeInt])('adds, subtracts and multiplies exactly, or answers NaN beyond the safe integers', (a, b) => {
    expect(z(NUMBER.add(a, b))).toBe(exactOrNaN(BigInt(a) + BigInt(b)));
    expect(z(NUMBER.subtract(a, b))).toBe(exactOrNaN(BigInt(a) - BigInt(b)));
    expect(z(NUMBER.multiply(a, b))).toBe(exactOrNaN(BigInt(a) * BigInt(b)));
    expect(NUMBER.compare(a, b)).toBe(BIGINT.compare(BigInt(a), BigInt(b)));
  });

  test.prop([safeInt, fc.integer({ min: 0, max: 24 })])('scales by powers of ten exactly, or answers NaN', (a, k) => {
    const r = NUMBER.scale(a, k);
    const exact = exactOrNaN(BIGINT.scale(BigInt(a), k));
    // Exact whenever the power is held exactly (10^22 at most) and the result is safe; NaN otherwise.
    expect(z(r)).toBe(k <= 22 ? exact : Number.NaN);
  });

  test.prop([safeInt, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: MAX })])(
    'divides and rounds half away from zero as the bigint calculator does, or answers NaN',
    (a, k, b) => {
      // NaN exactly when a × 10^k leaves the safe integers; the quotient itself always fits.
      const scaledOk = !Number.isNaN(exactOrNaN(BigInt(a) * 10n ** BigInt(k)));
      expect(z(NUMBER.divideRound(a, k, b))).toBe(scaledOk ? Number(BIGINT.divideRound(BigInt(a), k, BigInt(b))) : Number.NaN);
    },
  );

  it('rounds halves away from zero and passes NaN on', () => {
    expect([NUMBER.divideRound(5, 0, 2), NUMBER.divideRound(-5, 0, 2), NUMBER.divideRound(4, 0, 3), NUMBER.divideRound(-1, 1, 20)]).toEqual(
      [3, -3, 1, -1],
    );
    expect([BIGINT.divideRound(5n, 0, 2n), BIGINT.divideRound(-5n, 0, 2n), BIGINT.divideRound(7n, 1, 3n)]).toEqual([3n, -3n, 23n]);
    expect(NUMBER.divideRound(Number.NaN, 0, 2)).toBeNaN();
    expect(NUMBER.compare(Number.NaN, 1)).toBeNaN();
    expect(NUMBER.compare(1, Number.NaN)).toBeNaN();
    expect(NUMBER.scale(7, 0)).toBe(7);
    expect(NUMBER.from(3n)).toBeNaN();
    expect(NUMBER.from(3)).toBe(3);
    expect(BIGINT.from(3)).toBe(3n);
    expect([pow10Number(0), pow10Number(22), pow10Number(23)]).toEqual([1, 1e22, Number.NaN]);
  });
});

describe('scaled', () => {
  test.prop([fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.integer({ min: 0, max: 12 })])(
    'holds a safe integer in a double and a larger one in a bigint',
    (v, e) => {
      const x = scaled(v, e);
      expect(typeof x.v).toBe(v >= BigInt(-MAX) && v <= BigInt(MAX) ? 'number' : 'bigint');
      expect(BigInt(x.v)).toBe(v);
      expect(x.e).toBe(e);
    },
  );

  it('never holds −0', () => {
    expect(Object.is(scaled(-0, 2).v, 0)).toBe(true);
    expect(Object.is(scaled(0n, 2).v, 0)).toBe(true);
  });

  test.prop([
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  ])('keeps every result of the figures in a double exactly when it is a safe integer', (a, b) => {
    const [x, y] = [figureOf(a), figureOf(b)];
    for (const [f, exact] of [
      [plus(x, y), BigInt(a) + BigInt(b)],
      [minus(x, y), BigInt(a) - BigInt(b)],
      [times(x, y), BigInt(a) * BigInt(b)],
    ] as const) {
      expect(heldIn(f)).toBe(exact >= BigInt(-MAX) && exact <= BigInt(MAX) ? 'number' : 'bigint');
    }
    expect(compareFigures(x, y)).toBe(BIGINT.compare(BigInt(a), BigInt(b)));
  });

  it('rounds a share in doubles when it can, and in bigints beyond', () => {
    expect(heldIn(roundShare(shareOf(figureOf('1'), figureOf('3')), 2))).toBe('number');
    expect(heldIn(roundShare(shareOf(figureOf('1'), figureOf('3')), 20))).toBe('bigint');
  });
});

describe('reading and writing text', () => {
  it('reads plain decimals, up to 15 digits without a bigint', () => {
    expect(unitsOfText('-12.50')).toBe(-1250);
    expect(scaleOfText('-12.50')).toBe(2);
    expect(scaleOfText('12')).toBe(0);
    expect(unitsOfText('123456789012345')).toBe(123456789012345);
    expect(unitsOfText('1234567890123456')).toBeNaN();
    expect(unitsOfText('12345678901234.567')).toBeNaN(); // 17 digits in 18 characters
    expect(unitsOfText('1234567890.12345')).toBe(123456789012345);
    expect(parsePlain('1234567890123456')).toEqual(new Scaled(1234567890123456, 0));
    expect(parsePlain('-99999999999999999999.5')).toEqual(new Scaled(-999999999999999999995n, 1));
    for (const s of ['+1', '1e3', '0x10', 'Infinity', 'NaN', '1_000'])
      expect([s, parsePlain(s), unitsOfText(s)]).toEqual([s, undefined, Number.NaN]);
  });

  it('writes plain and fixed texts, with no sign on zero', () => {
    expect(plainText(new Scaled(-1250, 2))).toBe('-12.5');
    expect(plainText(new Scaled(5, 3))).toBe('0.005');
    expect(plainText(new Scaled(12, -2))).toBe('1200');
    expect(plainText(new Scaled(0, 4))).toBe('0');
    expect(plainText(new Scaled(123456789012345678901234567890n, 10))).toBe('12345678901234567890.123456789');
    expect(fixedText(new Scaled(-5, 3), 3)).toBe('-0.005');
    expect(fixedText(new Scaled(5, 1), 3)).toBe('0.500');
    expect(fixedText(new Scaled(0, 2), 2)).toBe('0.00');
    expect(fixedText(new Scaled(-12n, 0), 0)).toBe('-12');
    expect(() => fixedText(new Scaled(1, 3), 2)).toThrow(RangeError);
  });
});

describe('the choice of calculator', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const spyOnBigints = (): (() => number) => {
    const spies = (['add', 'subtract', 'multiply', 'scale', 'divideRound', 'compare', 'from'] as const).map((k) => vi.spyOn(BIGINT, k));
    return () => spies.reduce((n, s) => n + s.mock.calls.length, 0);
  };

  it('never makes a bigint while every integer and every step is a safe integer', () => {
    const calls = spyOnBigints();
    const [a, b] = [figureOf('1234.5'), figureOf('-0.25')];
    const results = [
      toAmount(plus(a, b)),
      toAmount(minus(a, b)),
      toAmount(times(a, b)),
      compareFigures(a, b),
      compareShares(shareOf(a, figureOf('3')), shareOf(b, figureOf('7'))),
      compareShareTo(percentShare(a, figureOf('5000')), figureOf('24.69')),
      formatShare(percentShare(b, figureOf('3')), 2),
      toAmount(sumOf(['1.5', '2.25', '-3'])),
      runningTotals(
        ['1', '2.5'],
        (x) => (x === '1' ? 0 : 5),
        (x) => x,
      )
        .map(toAmount)
        .join(' '),
    ];
    expect(results).toEqual(['1234.25', '1234.75', '-308.625', 1, 1, 0, '-8.33', '0.75', '1 1 1 1 1 3.5 3.5 3.5 3.5 3.5 3.5 3.5']);
    expect(calls()).toBe(0);
  });

  it('goes on in bigints as soon as a step would leave the safe integers, exactly', () => {
    const calls = spyOnBigints();
    expect(toAmount(plus(figureOf('9007199254740991'), figureOf('1')))).toBe('9007199254740992');
    expect(calls()).toBeGreaterThan(0);
    expect(toAmount(sumOf(['9007199254740991', '1']))).toBe('9007199254740992');
    expect(compareFigures(figureOf('900719925474099.1'), figureOf('900719925474099.09'))).toBe(1);
  });
});

describe('runningUnits', () => {
  // Exact running sums by month, as scaled bigints at scale `e`.
  const exactRun = (entries: readonly (readonly [string, number])[], e: number): bigint[] => {
    const units = (t: string): bigint => {
      const [i = '', f = ''] = t.replace('-', '').split('.');
      const v = BigInt(i + f.padEnd(e, '0'));
      return t.startsWith('-') ? -v : v;
    };
    let total = 0n;
    return Array.from({ length: 12 }, (_, k) => {
      for (const [a, m] of entries) if (m === k) total += units(a);
      return total;
    });
  };
  const amount = (digits: number, decimals: number): fc.Arbitrary<string> =>
    fc
      .tuple(fc.bigInt({ min: -(10n ** BigInt(digits)) + 1n, max: 10n ** BigInt(digits) - 1n }), fc.integer({ min: 0, max: decimals }))
      .map(([v, e]) => plainText(scaled(v, e)));
  const month = fc.integer({ min: -1, max: 11 });

  test.prop([fc.array(fc.tuple(fc.oneof(amount(6, 4), amount(15, 10), amount(18, 2)), month), { maxLength: 30 })])(
    'gives the exact running sums whenever it gives any',
    (entries) => {
      const run = runningUnits(
        entries,
        ([, m]) => m,
        ([a]) => a,
      );
      if (run === undefined) return;
      expect(run.totals.map(BigInt)).toEqual(exactRun(entries, run.e));
      expect(run.e).toBe(Math.max(0, ...entries.filter(([, m]) => m >= 0).map(([a]) => scaleOfText(a))));
    },
  );

  test.prop([fc.array(fc.tuple(amount(6, 4), month), { maxLength: 30 })])('gives them for amounts of a few digits', (entries) => {
    expect(
      runningUnits(
        entries,
        ([, m]) => m,
        ([a]) => a,
      ),
    ).toBeDefined();
  });

  it('leaves to bigints an amount of more than 15 digits or a sum beyond 2^53, and skips month −1', () => {
    const near = '900719925474099';
    const run = (xs: readonly string[], m = (i: number): number => i % 12) =>
      runningUnits(
        xs.map((x, i) => [x, m(i)] as const),
        ([, k]) => k,
        ([a]) => a,
      );
    expect(run(['1234567890123456'])).toBeUndefined();
    expect(
      run(
        Array.from({ length: 10 }, () => near),
        () => 0,
      ),
    ).toBeDefined();
    expect(
      run(
        Array.from({ length: 11 }, () => near),
        () => 0,
      ),
    ).toBeUndefined();
    expect(run([near, near, near, near, near, near, near, near, near, near, near], (i) => i)).toBeUndefined(); // the running total passes 2^53
    expect(run(['0.00000000000001', '90071992547409'])).toBeUndefined(); // 9.0…e27 units at 14 decimals
    expect(run(['5', '0.25', 'x1'], (i) => (i === 2 ? -1 : i))).toEqual({
      totals: [500, 525, 525, 525, 525, 525, 525, 525, 525, 525, 525, 525],
      e: 2,
    });
    expect(run(['1', 'x'])).toBeUndefined();
  });
});

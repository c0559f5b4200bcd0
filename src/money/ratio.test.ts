import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { SansansanError } from '../errors.js';
import { parseAmount, type Amount } from './amount.js';
import { compareRatios, compareRatioTo, formatRatio, multiplyAmount, percentOf, ratioOf, ratioToAmount } from './ratio.js';
import { convertAmount } from './unit.js';

const a = (s: string): Amount => parseAmount(s);

describe('ratios', () => {
  it('rounds half away from zero, never -0.00', () => {
    expect(formatRatio(ratioOf(a('1'), a('8')), 2)).toBe('0.13');
    expect(formatRatio(ratioOf(a('-1'), a('8')), 2)).toBe('-0.13');
    expect(formatRatio(ratioOf(a('1'), a('200')), 2)).toBe('0.01');
    expect(formatRatio(ratioOf(a('-1'), a('800')), 2)).toBe('0.00');
    expect(formatRatio(ratioOf(a('0'), a('3')), 2)).toBe('0.00');
    expect(formatRatio(ratioOf(a('2'), a('3')), 2)).toBe('0.67');
    expect(formatRatio(ratioOf(a('1'), a('3')), 4)).toBe('0.3333');
  });

  it('rounds the exact quotient, not a pre-rounded one (0.004999… stays 0.00)', () => {
    // 4999999/1e9 = 0.004999999: a two-step rounding to 3 places would give 0.005 → 0.01.
    expect(formatRatio(ratioOf(a('4999999'), a('1000000000')), 2)).toBe('0.00');
    expect(formatRatio(ratioOf(a('5'), a('1000')), 2)).toBe('0.01');
  });

  it('compares thresholds exactly: a lag of exactly 10 is 10', () => {
    const lag = percentOf(a('100'), a('1000'));
    expect(compareRatioTo(lag, '10')).toBe(0);
    expect(compareRatioTo(percentOf(a('100.0001'), a('1000')), '10')).toBe(1);
    expect(compareRatioTo(percentOf(a('99.9999'), a('1000')), '10')).toBe(-1);
  });

  it('normalises a negative denominator and refuses zero', () => {
    expect(ratioOf(a('1'), a('-4'))).toEqual({ numerator: '-1', denominator: '4' });
    expect(() => ratioOf(a('1'), a('0'))).toThrow(expect.objectContaining({ code: 'division_by_zero' }) as Error);
    try {
      ratioOf(a('1'), a('0'));
    } catch (e) {
      // Every error explains itself in both languages (the wording is free; its presence is not).
      expect((e as SansansanError).text.zh).toMatch(/\p{Script=Han}/u);
      expect((e as SansansanError).text.en).toMatch(/[a-z]/);
    }
  });

  it('converts units exactly', () => {
    expect(convertAmount(a('12345'), '万元', '亿元')).toBe('1.2345');
    expect(convertAmount(a('1.5'), '万元', '元')).toBe('15000');
    expect(convertAmount(a('3'), '元', '元')).toBe('3');
    expect(multiplyAmount(a('2.5'), '4')).toBe('10');
    expect(ratioToAmount(ratioOf(a('10'), a('3')), 2)).toBe('3.33');
  });

  describe('exactness past 20 significant digits', () => {
    it('rounds a quotient once, from its exact value', () => {
      // 0.4999…9 with 26 nines: rounding it first to 20 digits would give 0.5 and then 1.
      const r = ratioOf(a('4999999999999999.9999999999'), a('10000000000000000'));
      expect(formatRatio(r, 0)).toBe('0');
      expect(ratioToAmount(r, 0)).toBe('0');
      expect(formatRatio(r, 26)).toBe('0.49999999999999999999999999');
      expect(ratioToAmount(r, 2)).toBe('0.5');
    });
  });

  describe('the sign of zero', () => {
    it('never writes -0, whatever the decimals', () => {
      const tiny = ratioOf(a('-1'), a('800'));
      expect(formatRatio(tiny, 0)).toBe('0');
      expect(formatRatio(tiny, 1)).toBe('0.0');
      expect(formatRatio(tiny, 2)).toBe('0.00');
      expect(formatRatio(tiny, 3)).toBe('-0.001');
      expect(formatRatio(ratioOf(a('-10'), a('1')), 0)).toBe('-10');
      expect(formatRatio(ratioOf(a('-1'), a('10')), 2)).toBe('-0.10');
      expect(ratioToAmount(tiny, 2)).toBe('0');
    });
  });
});

describe('properties', () => {
  const int = fc.integer({ min: -1_000_000, max: 1_000_000 });
  const pos = fc.integer({ min: 1, max: 1_000_000 });
  test.prop([int, pos, int, pos])('compares ratios like fractions of integers', (n1, d1, n2, d2) => {
    const expected = Math.sign(n1 * d2 - n2 * d1);
    expect(compareRatios(ratioOf(a(String(n1)), a(String(d1))), ratioOf(a(String(n2)), a(String(d2))))).toBe(expected);
  });

  test.prop([int, pos])('formats within half a unit of the last place of the true quotient', (n, d) => {
    const shown = Number(formatRatio(ratioOf(a(String(n)), a(String(d))), 2));
    expect(Math.abs(shown - n / d)).toBeLessThanOrEqual(0.005 + 1e-9);
  });
});

// Tests of months, bimonths and quarters at their edges: validation, arithmetic and closing, with the coded errors.
import { describe, expect, it } from 'vitest';
import { expectError } from '../../test/fixtures/errors.js';
import { parseCalendarDate } from './date.js';
import {
  addMonths,
  bimonthOf,
  bimonthsOfYear,
  firstDayOf,
  firstDayOfMonth,
  isBimonth,
  isClosed,
  isInPeriod,
  isQuarter,
  isYearMonth,
  lastDayOf,
  lastDayOfMonth,
  lastMonthOf,
  monthEndsBetween,
  monthNumber,
  monthOf,
  monthsOf,
  monthsOfYear,
  parseBimonth,
  parseQuarter,
  parseYearMonth,
  quarterOf,
  quartersOfYear,
  yearMonth,
  yearOf,
} from './period.js';

const d = parseCalendarDate;
const ym = parseYearMonth;

describe('months, bimonths and quarters: validation', () => {
  it('validates months', () => {
    for (const ok of ['0001-01', '2025-01', '2025-09', '2025-10', '2025-12', '9999-12']) {
      expect(isYearMonth(ok)).toBe(true);
      expect(parseYearMonth(ok)).toBe(ok);
    }
    for (const bad of [
      '0000-01',
      '2025-00',
      '2025-13',
      '2025-1',
      '12025-01',
      '2025-011',
      '2025-001',
      'x2025-01',
      '2025-01x',
      '2025/01',
      '',
      202501,
      null,
      ['2025-01'],
    ]) {
      expect(isYearMonth(bad)).toBe(false);
    }
    expectError(() => parseYearMonth('2025-13'), 'invalid_month', '"2025-13"');
  });

  it('validates bimonths', () => {
    for (const ok of ['0001-B1', '2025-B1', '2025-B6', '9999-B6']) {
      expect(isBimonth(ok)).toBe(true);
      expect(parseBimonth(ok)).toBe(ok);
    }
    for (const bad of [
      '0000-B1',
      '2025-B0',
      '2025-B7',
      '2025B1',
      '2025-b1',
      'x2025-B1',
      '2025-B1x',
      '12025-B1',
      'x',
      '',
      2025,
      null,
      ['2025-B1'],
    ]) {
      expect(isBimonth(bad)).toBe(false);
    }
    expectError(() => parseBimonth('2025-B7'), 'invalid_bimonth', '"2025-B7"');
  });

  it('validates quarters', () => {
    for (const ok of ['0001Q1', '2025Q1', '2025Q4', '9999Q4']) {
      expect(isQuarter(ok)).toBe(true);
      expect(parseQuarter(ok)).toBe(ok);
    }
    for (const bad of [
      '0000Q1',
      '2025Q0',
      '2025Q5',
      '2025-Q1',
      '2025q1',
      'x2025Q1',
      '2025Q1x',
      '12025Q1',
      'x',
      '',
      2025,
      null,
      ['2025Q1'],
    ]) {
      expect(isQuarter(bad)).toBe(false);
    }
    expectError(() => parseQuarter('2025Q5'), 'invalid_quarter', '"2025Q5"');
  });

  it('builds months from numbers, padded, and rejects impossible ones', () => {
    expect(yearMonth(2025, 9)).toBe('2025-09');
    expect(yearMonth(2025, 10)).toBe('2025-10');
    expect(yearMonth(999, 12)).toBe('0999-12');
    expect(yearMonth(1, 1)).toBe('0001-01');
    expectError(() => yearMonth(2025, 0), 'invalid_month', '2025-00');
    expectError(() => yearMonth(2025, 13), 'invalid_month', '2025-13');
  });
});

describe('months, bimonths and quarters: arithmetic', () => {
  it('reads the year and the month number', () => {
    expect(yearOf(d('2025-03-05'))).toBe(2025);
    expect(yearOf(ym('0999-12'))).toBe(999);
    expect(yearOf(parseBimonth('2024-B3'))).toBe(2024);
    expect(yearOf(parseQuarter('2023Q4'))).toBe(2023);
    expect(monthNumber(ym('2025-09'))).toBe(9);
    expect(monthNumber(ym('2025-12'))).toBe(12);
    expect(monthNumber(d('2025-11-30'))).toBe(11);
    expect(monthOf(d('2025-09-30'))).toBe('2025-09');
    expect(monthOf(d('2025-10-01'))).toBe('2025-10');
  });

  it('gives the first and last day of each month of a common and a leap year', () => {
    const ends2025 = ['31', '28', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31'];
    expect(monthsOfYear(2025).map((m) => lastDayOfMonth(m))).toEqual(ends2025.map((e, i) => `2025-${String(i + 1).padStart(2, '0')}-${e}`));
    expect(monthsOfYear(2025).map((m) => firstDayOfMonth(m))).toEqual(ends2025.map((_, i) => `2025-${String(i + 1).padStart(2, '0')}-01`));
    expect(lastDayOfMonth(ym('2024-02'))).toBe('2024-02-29');
    expect(lastDayOfMonth(ym('2000-02'))).toBe('2000-02-29');
    expect(lastDayOfMonth(ym('1900-02'))).toBe('1900-02-28');
    expect(lastDayOfMonth(ym('2100-02'))).toBe('2100-02-28');
    expect(lastDayOfMonth(ym('2400-02'))).toBe('2400-02-29');
  });

  it('lists the months, bimonths and quarters of a year, padded', () => {
    expect(monthsOfYear(2025)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    expect(monthsOfYear(5)[0]).toBe('0005-01');
    expect(quartersOfYear(2025)).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(quartersOfYear(5)).toEqual(['0005Q1', '0005Q2', '0005Q3', '0005Q4']);
    expect(bimonthsOfYear(2025)).toEqual(['2025-B1', '2025-B2', '2025-B3', '2025-B4', '2025-B5', '2025-B6']);
    expect(bimonthsOfYear(5)).toEqual(['0005-B1', '0005-B2', '0005-B3', '0005-B4', '0005-B5', '0005-B6']);
  });

  it('adds months across year ends, both ways', () => {
    expect(addMonths(ym('2025-01'), 0)).toBe('2025-01');
    expect(addMonths(ym('2025-01'), 11)).toBe('2025-12');
    expect(addMonths(ym('2025-01'), 12)).toBe('2026-01');
    expect(addMonths(ym('2025-12'), -11)).toBe('2025-01');
    expect(addMonths(ym('2025-12'), -12)).toBe('2024-12');
    expect(addMonths(ym('2025-03'), -27)).toBe('2022-12');
    expect(addMonths(ym('2025-11'), 26)).toBe('2028-01');
    expect(addMonths(ym('0001-02'), -1)).toBe('0001-01');
    expectError(() => addMonths(ym('0001-01'), -1), 'invalid_month', '0000-12');
  });

  it('maps every month to its quarter and bimonth', () => {
    const quarters = ['Q1', 'Q1', 'Q1', 'Q2', 'Q2', 'Q2', 'Q3', 'Q3', 'Q3', 'Q4', 'Q4', 'Q4'];
    const bimonths = ['B1', 'B1', 'B2', 'B2', 'B3', 'B3', 'B4', 'B4', 'B5', 'B5', 'B6', 'B6'];
    expect(monthsOfYear(2025).map((m) => quarterOf(m))).toEqual(quarters.map((q) => `2025${q}`));
    expect(monthsOfYear(2025).map((m) => bimonthOf(m))).toEqual(bimonths.map((b) => `2025-${b}`));
    expect(quarterOf(ym('0999-12'))).toBe('0999Q4');
    expect(bimonthOf(ym('0999-12'))).toBe('0999-B6');
  });

  it('lists the months of every quarter and bimonth', () => {
    expect(quartersOfYear(2025).map((q) => monthsOf(q))).toEqual([
      ['2025-01', '2025-02', '2025-03'],
      ['2025-04', '2025-05', '2025-06'],
      ['2025-07', '2025-08', '2025-09'],
      ['2025-10', '2025-11', '2025-12'],
    ]);
    expect(bimonthsOfYear(2025).map((b) => monthsOf(b))).toEqual([
      ['2025-01', '2025-02'],
      ['2025-03', '2025-04'],
      ['2025-05', '2025-06'],
      ['2025-07', '2025-08'],
      ['2025-09', '2025-10'],
      ['2025-11', '2025-12'],
    ]);
    expect(quartersOfYear(2025).map((q) => lastMonthOf(q))).toEqual(['2025-03', '2025-06', '2025-09', '2025-12']);
    expect(bimonthsOfYear(2025).map((b) => lastMonthOf(b))).toEqual(['2025-02', '2025-04', '2025-06', '2025-08', '2025-10', '2025-12']);
  });

  it('gives the first and last day of a month, a bimonth and a quarter', () => {
    expect(firstDayOf(ym('2025-06'))).toBe('2025-06-01');
    expect(lastDayOf(ym('2025-06'))).toBe('2025-06-30');
    expect(quartersOfYear(2024).map((q) => [firstDayOf(q), lastDayOf(q)])).toEqual([
      ['2024-01-01', '2024-03-31'],
      ['2024-04-01', '2024-06-30'],
      ['2024-07-01', '2024-09-30'],
      ['2024-10-01', '2024-12-31'],
    ]);
    expect(bimonthsOfYear(2024).map((b) => [firstDayOf(b), lastDayOf(b)])).toEqual([
      ['2024-01-01', '2024-02-29'],
      ['2024-03-01', '2024-04-30'],
      ['2024-05-01', '2024-06-30'],
      ['2024-07-01', '2024-08-31'],
      ['2024-09-01', '2024-10-31'],
      ['2024-11-01', '2024-12-31'],
    ]);
  });
});

describe('isInPeriod and isClosed', () => {
  it('holds a date in a period from its first to its last day, both included', () => {
    const cases: [string, Parameters<typeof isInPeriod>[1], boolean][] = [
      ['2025-05-31', ym('2025-06'), false],
      ['2025-06-01', ym('2025-06'), true],
      ['2025-06-30', ym('2025-06'), true],
      ['2025-07-01', ym('2025-06'), false],
      ['2025-03-31', parseQuarter('2025Q2'), false],
      ['2025-04-01', parseQuarter('2025Q2'), true],
      ['2025-06-30', parseQuarter('2025Q2'), true],
      ['2025-07-01', parseQuarter('2025Q2'), false],
      ['2024-12-31', parseBimonth('2025-B1'), false],
      ['2025-01-01', parseBimonth('2025-B1'), true],
      ['2025-02-28', parseBimonth('2025-B1'), true],
      ['2025-03-01', parseBimonth('2025-B1'), false],
    ];
    expect(cases.map(([date, period]) => isInPeriod(d(date), period))).toEqual(cases.map(([, , inside]) => inside));
  });

  it('closes a period the day after its last day, not on it', () => {
    expect(isClosed(ym('2025-02'), d('2025-02-28'))).toBe(false);
    expect(isClosed(ym('2025-02'), d('2025-03-01'))).toBe(true);
    expect(isClosed(parseQuarter('2025Q1'), d('2025-03-31'))).toBe(false);
    expect(isClosed(parseQuarter('2025Q1'), d('2025-04-01'))).toBe(true);
    expect(isClosed(parseBimonth('2024-B1'), d('2024-02-29'))).toBe(false);
    expect(isClosed(parseBimonth('2024-B1'), d('2024-03-01'))).toBe(true);
    expect(isClosed(parseQuarter('2025Q4'), d('2025-01-01'))).toBe(false);
  });
});

describe('monthEndsBetween', () => {
  it('counts month-ends x with from < x ≤ to, and none when to is not after from', () => {
    const cases: [string, string, number][] = [
      ['2025-09-30', '2025-06-30', 0],
      ['2025-09-15', '2025-06-15', 0],
      ['2025-06-30', '2025-06-30', 0],
      ['2025-06-15', '2025-06-15', 0],
      ['2025-06-29', '2025-06-30', 1],
      ['2025-06-30', '2025-07-01', 0],
      ['2025-06-30', '2025-07-30', 0],
      ['2025-06-30', '2025-07-31', 1],
      ['2024-12-30', '2024-12-31', 1],
      ['2024-12-31', '2025-01-01', 0],
      ['2024-02-28', '2024-02-29', 1],
      ['2024-02-28', '2024-03-01', 1],
      ['2025-02-27', '2025-02-28', 1],
      ['2023-01-15', '2025-01-15', 24],
      ['2023-01-31', '2025-01-31', 24],
      ['2023-01-30', '2025-01-31', 25],
    ];
    expect(cases.map(([from, to]) => monthEndsBetween(d(from), d(to)))).toEqual(cases.map(([, , n]) => n));
  });
});

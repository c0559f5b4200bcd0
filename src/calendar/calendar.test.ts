import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addDays, addDaysSaturating, daysBetween, isCalendarDate, parseCalendarDate, todayInChina } from './date.js';
import { evaluatedMonth, ledgerDue, reportDue, shiftDeadline, type WorkingCalendar } from './deadline.js';
import {
  addMonths,
  bimonthOf,
  isBimonth,
  isClosed,
  isQuarter,
  isYearMonth,
  lastDayOf,
  lastDayOfMonth,
  monthEndsBetween,
  monthsOf,
  parseQuarter,
  parseYearMonth,
  quarterOf,
  yearMonth,
} from './period.js';
import type { CalendarDate } from './types.js';

const d = (s: string): CalendarDate => parseCalendarDate(s);

describe('dates', () => {
  it('rejects impossible dates with invalid_date', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '2025-02-29', '2025-1-5', '0000-01-01', '2025-00-10', '2025-04-31', '20250101', '']) {
      expect(isCalendarDate(bad)).toBe(false);
      expect(() => parseCalendarDate(bad)).toThrow(expect.objectContaining({ code: 'invalid_date' }) as Error);
    }
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2025-02-28'), 1)).toBe('2025-03-01');
    expect(addDays(d('2025-12-31'), 1)).toBe('2026-01-01');
    expect(addDays(d('2025-03-01'), -1)).toBe('2025-02-28');
    expect(addDays(d('0050-01-01'), 1)).toBe('0050-01-02');
    expect(daysBetween(d('2025-01-31'), d('2025-03-01'))).toBe(29);
  });

  it('holds saturating additions to 0001-01-01 … 9999-12-31', () => {
    expect(() => addDays(d('9999-12-31'), 1)).toThrow(expect.objectContaining({ code: 'invalid_date' }) as Error);
    expect(addDaysSaturating(d('9999-12-31'), 1)).toBe('9999-12-31');
    expect(addDaysSaturating(d('9999-12-30'), 1)).toBe('9999-12-31');
    expect(addDaysSaturating(d('9999-12-29'), 1)).toBe('9999-12-30');
    expect(addDaysSaturating(d('9999-12-01'), 30)).toBe('9999-12-31');
    expect(addDaysSaturating(d('9999-12-01'), 29)).toBe('9999-12-30');
    expect(addDaysSaturating(d('9999-12-01'), 10_000_000)).toBe('9999-12-31');
    expect(addDaysSaturating(d('0001-01-02'), -1)).toBe('0001-01-01');
    expect(addDaysSaturating(d('0001-01-03'), -1)).toBe('0001-01-02');
    expect(addDaysSaturating(d('0001-01-02'), -2)).toBe('0001-01-01');
    expect(addDaysSaturating(d('0001-01-01'), 0)).toBe('0001-01-01');
    expect(addDaysSaturating(d('9999-12-31'), 0)).toBe('9999-12-31');
  });

  it('reads today in Asia/Shanghai', () => {
    expect(todayInChina(new Date('2025-03-04T16:30:00Z'))).toBe('2025-03-05');
    expect(todayInChina(new Date('2025-03-04T15:59:59Z'))).toBe('2025-03-04');
  });
});

describe('periods', () => {
  it('parses and validates months, bimonths and quarters', () => {
    expect(isYearMonth('2025-12')).toBe(true);
    expect(isYearMonth('2025-13')).toBe(false);
    expect(isYearMonth('2025-00')).toBe(false);
    expect(isBimonth('2025-B6')).toBe(true);
    expect(isBimonth('2025-B7')).toBe(false);
    expect(isQuarter('2025Q4')).toBe(true);
    expect(isQuarter('2025Q5')).toBe(false);
    expect(isQuarter('2025-Q4')).toBe(false);
    expect(() => parseQuarter('Q1')).toThrow(expect.objectContaining({ code: 'invalid_quarter' }) as Error);
  });

  it('maps months to quarters and bimonths', () => {
    expect(quarterOf(parseYearMonth('2025-06'))).toBe('2025Q2');
    expect(quarterOf(parseYearMonth('2025-07'))).toBe('2025Q3');
    expect(bimonthOf(parseYearMonth('2025-06'))).toBe('2025-B3');
    expect(bimonthOf(parseYearMonth('2025-01'))).toBe('2025-B1');
    expect(monthsOf(parseQuarter('2025Q2'))).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(lastDayOf(parseQuarter('2024Q1'))).toBe('2024-03-31');
    expect(lastDayOfMonth(parseYearMonth('2024-02'))).toBe('2024-02-29');
    expect(addMonths(parseYearMonth('2025-12'), 1)).toBe('2026-01');
    expect(addMonths(parseYearMonth('2025-01'), -1)).toBe('2024-12');
  });

  it('closes a period only after its last day', () => {
    expect(isClosed(parseYearMonth('2025-09'), d('2025-09-30'))).toBe(false);
    expect(isClosed(parseYearMonth('2025-09'), d('2025-10-01'))).toBe(true);
  });

  it('counts month-ends strictly after the due date up to the end', () => {
    expect(monthEndsBetween(d('2025-06-30'), d('2025-09-30'))).toBe(3);
    expect(monthEndsBetween(d('2025-06-29'), d('2025-07-31'))).toBe(2);
    expect(monthEndsBetween(d('2025-09-15'), d('2025-09-30'))).toBe(1);
    expect(monthEndsBetween(d('2025-09-30'), d('2025-09-30'))).toBe(0);
    expect(monthEndsBetween(d('2024-11-30'), d('2025-01-31'))).toBe(2);
  });
});

describe('deadlines', () => {
  it('puts the report due on the 5th of the next month', () => {
    expect(reportDue(parseYearMonth('2025-09'))).toBe('2025-10-05');
    expect(reportDue(parseYearMonth('2025-12'))).toBe('2026-01-05');
    expect(reportDue(parseYearMonth('2025-09'), { dueDay: 10 })).toBe('2025-10-10');
    expect(() => reportDue(parseYearMonth('2025-09'), { dueDay: 29 })).toThrow(
      expect.objectContaining({ code: 'invalid_due_day' }) as Error,
    );
  });

  it('puts the ledger due on the last day of February, leap years included', () => {
    expect(ledgerDue(2024)).toBe('2024-02-29');
    expect(ledgerDue(2025)).toBe('2025-02-28');
    expect(ledgerDue(2000)).toBe('2000-02-29');
    expect(ledgerDue(2100)).toBe('2100-02-28');
  });

  it('evaluates the month whose deadline has passed: the 5th vs the 6th', () => {
    expect(evaluatedMonth(2025, d('2025-10-05'))).toBe('2025-08');
    expect(evaluatedMonth(2025, d('2025-10-06'))).toBe('2025-09');
    expect(evaluatedMonth(2025, d('2025-02-05'))).toBeNull();
    expect(evaluatedMonth(2025, d('2025-02-06'))).toBe('2025-01');
    expect(evaluatedMonth(2025, d('2026-01-06'))).toBe('2025-12');
    expect(evaluatedMonth(2025, d('2027-06-01'))).toBe('2025-12');
    expect(evaluatedMonth(2025, d('2024-12-31'))).toBeNull();
  });

  // National Day 2025: 1–8 October off, Sunday 28 September and Saturday 11 October are working days.
  const holidays = new Set([
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ]);
  const workdays = new Set(['2025-09-28', '2025-10-11']);
  const cal: WorkingCalendar = {
    isWorkingDay: (x) => {
      if (holidays.has(x)) return false;
      if (workdays.has(x)) return true;
      const day = new Date(`${x}T00:00:00Z`).getUTCDay();
      return day !== 0 && day !== 6;
    },
  };

  it('moves a due date off a holiday per the shift', () => {
    const sep = parseYearMonth('2025-09');
    expect(reportDue(sep, { calendar: cal })).toBe('2025-10-09');
    expect(reportDue(sep, { calendar: cal, holidayShift: 'previous' })).toBe('2025-09-30');
    expect(reportDue(sep, { calendar: cal, holidayShift: 'none' })).toBe('2025-10-05');
    expect(reportDue(sep, { calendar: cal, holidayShift: { workdaysAfterMonthEnd: 3 } })).toBe('2025-10-11');
    expect(reportDue(sep, { holidayShift: 'previous' })).toBe('2025-10-05');
    expect(evaluatedMonth(2025, d('2025-10-09'), { calendar: cal })).toBe('2025-08');
    expect(evaluatedMonth(2025, d('2025-10-10'), { calendar: cal })).toBe('2025-09');
  });

  it('refuses to search forever for a working day', () => {
    const never: WorkingCalendar = { isWorkingDay: () => false };
    expect(() => shiftDeadline(d('2025-10-05'), never, 'next')).toThrow(expect.objectContaining({ code: 'no_working_day' }) as Error);
  });
});

describe('properties', () => {
  const year = fc.integer({ min: 2000, max: 2100 });
  const month = fc.integer({ min: 1, max: 12 });
  test.prop([year, month, fc.integer({ min: 1, max: 28 })])(
    'every reportDue over 2000–2100 is a real date in the next month',
    (y, m, dueDay) => {
      const due = reportDue(yearMonth(y, m), { dueDay });
      expect(isCalendarDate(due)).toBe(true);
      expect(due.slice(0, 7)).toBe(addMonths(yearMonth(y, m), 1));
      expect(due > lastDayOfMonth(yearMonth(y, m))).toBe(true);
    },
  );

  test.prop([year])('every ledgerDue over 2000–2100 is a real date, the 29th exactly in leap years', (y) => {
    const due = ledgerDue(y);
    expect(isCalendarDate(due)).toBe(true);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    expect(due).toBe(`${y}-02-${leap ? '29' : '28'}`);
  });

  test.prop([year, fc.integer({ min: 0, max: 800 })])('the evaluated month never moves back as asOf moves on', (y, offset) => {
    const a = addDays(d(`${y}-01-01`), offset);
    const b = addDays(a, 1);
    const ma = evaluatedMonth(y, a);
    const mb = evaluatedMonth(y, b);
    if (ma !== null) expect(mb !== null && mb >= ma).toBe(true);
  });

  const anyDate = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true });
  test.prop([anyDate, fc.integer({ min: -4_000_000, max: 4_000_000 })])(
    'addDaysSaturating equals addDays inside 0001–9999 and holds to its ends outside',
    (date, n) => {
      const from = d(date.toISOString().slice(0, 10));
      const to = addDaysSaturating(from, n);
      expect(isCalendarDate(to)).toBe(true);
      if (to === '9999-12-31' && n > 0) expect(daysBetween(from, to)).toBeLessThanOrEqual(n);
      else if (to === '0001-01-01' && n < 0) expect(daysBetween(from, to)).toBeGreaterThanOrEqual(n);
      else expect(daysBetween(from, to)).toBe(n);
    },
  );

  test.prop([year, fc.integer({ min: 0, max: 400 }), fc.integer({ min: -400, max: 400 })])(
    'addDays and daysBetween are inverse',
    (y, offset, n) => {
      const a = addDays(d(`${y}-01-01`), offset);
      expect(daysBetween(a, addDays(a, n))).toBe(n);
    },
  );

  test.prop([year, month])('a month is closed exactly from the day after its last day', (y, m) => {
    const ym = yearMonth(y, m);
    const last = lastDayOfMonth(ym);
    expect(isClosed(ym, last)).toBe(false);
    expect(isClosed(ym, addDays(last, 1))).toBe(true);
  });
});

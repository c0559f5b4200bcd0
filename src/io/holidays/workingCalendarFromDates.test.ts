import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { evaluatedMonth, parseCalendarDate, parseYearMonth, reportDue, type CalendarDate } from '../../calendar/index.js';
import { SansansanError } from '../../errors.js';
import { workingCalendarFromDates } from './workingCalendarFromDates.js';

// 国务院办公厅关于2025年部分节假日安排的通知: 国庆节、中秋节 10月1日至8日放假调休, 9月28日(周日)、10月11日(周六)上班.
const OCTOBER_2025 = {
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
} as const;

const d = (s: string): CalendarDate => parseCalendarDate(s);

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof SansansanError ? e.code : 'not a SansansanError';
  }
  return undefined;
}

describe('workingCalendarFromDates', () => {
  const calendar = workingCalendarFromDates({ ...OCTOBER_2025, years: [2025] });

  it('rests on the listed holidays, including the weekdays among them', () => {
    for (const day of OCTOBER_2025.holidays) expect(calendar.isWorkingDay(d(day)), day).toBe(false);
  });

  it('works on the listed adjusted weekend days (调休): Sunday 28 September and Saturday 11 October 2025', () => {
    expect(calendar.isWorkingDay(d('2025-09-28'))).toBe(true);
    expect(calendar.isWorkingDay(d('2025-10-11'))).toBe(true);
  });

  it('works Monday to Friday and rests on other weekends', () => {
    expect(calendar.isWorkingDay(d('2025-09-30'))).toBe(true); // Tuesday
    expect(calendar.isWorkingDay(d('2025-10-09'))).toBe(true); // Thursday
    expect(calendar.isWorkingDay(d('2025-09-27'))).toBe(false); // Saturday
    expect(calendar.isWorkingDay(d('2025-10-12'))).toBe(false); // Sunday
  });

  it('moves the September 2025 report deadline to Thursday 9 October ("next", 民法典 第二百零三条)', () => {
    expect(reportDue(parseYearMonth('2025-09'), { calendar })).toBe('2025-10-09');
    expect(reportDue(parseYearMonth('2025-09'))).toBe('2025-10-05');
  });

  it('applies the other holiday shifts: previous, none, n working days after month end', () => {
    const m = parseYearMonth('2025-09');
    expect(reportDue(m, { calendar, holidayShift: 'previous' })).toBe('2025-09-30');
    expect(reportDue(m, { calendar, holidayShift: 'none' })).toBe('2025-10-05');
    // 10-09 Thu, 10-10 Fri, 10-11 Sat (调休上班)
    expect(reportDue(m, { calendar, holidayShift: { workdaysAfterMonthEnd: 3 } })).toBe('2025-10-11');
  });

  it('evaluates August until the moved deadline has passed, then September', () => {
    expect(evaluatedMonth(2025, d('2025-10-09'), { calendar })).toBe('2025-08');
    expect(evaluatedMonth(2025, d('2025-10-10'), { calendar })).toBe('2025-09');
    expect(evaluatedMonth(2025, d('2025-10-06'))).toBe('2025-09');
  });

  it('refuses a date of a year not listed in `years`, naming the year and the covered range', () => {
    let error: unknown;
    try {
      calendar.isWorkingDay(d('2026-01-01'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SansansanError);
    const e = error as SansansanError;
    expect(e.code).toBe('calendar_year_not_covered');
    expect(e.text.zh).toContain('2026');
    expect(e.text.zh).toContain('2025');
    expect(e.text.en).toContain('2026');
    expect(e.text.en).toContain('2025');
    expect(codeOf(() => calendar.isWorkingDay(d('2024-12-31')))).toBe('calendar_year_not_covered');
  });

  it('names a non-contiguous coverage as ranges', () => {
    const c = workingCalendarFromDates({ holidays: [], years: [2006, 2004, 2005, 2010] });
    expect(() => c.isWorkingDay(d('2008-05-01'))).toThrow(/2004–2006, 2010/);
  });

  it('answers any year from the weekday when `years` is not given', () => {
    const open = workingCalendarFromDates({ holidays: [] });
    expect(open.isWorkingDay(d('2031-01-01'))).toBe(true); // Wednesday
    expect(open.isWorkingDay(d('0001-01-01'))).toBe(true); // Monday, proleptic Gregorian
    expect(open.isWorkingDay(d('0001-01-06'))).toBe(false); // Saturday
  });

  it('refuses impossible dates in the lists and in questions (invalid_date)', () => {
    expect(codeOf(() => workingCalendarFromDates({ holidays: ['2025-02-30'] }))).toBe('invalid_date');
    expect(codeOf(() => workingCalendarFromDates({ holidays: [], workdays: ['2025/09/28'] }))).toBe('invalid_date');
    expect(codeOf(() => calendar.isWorkingDay('2025-13-01' as CalendarDate))).toBe('invalid_date');
  });

  it('refuses a date listed both as a holiday and as a working day (calendar_conflict)', () => {
    expect(codeOf(() => workingCalendarFromDates({ holidays: ['2025-10-01'], workdays: ['2025-10-01'] }))).toBe('calendar_conflict');
  });

  it('refuses empty or impossible covered years (invalid_year)', () => {
    expect(codeOf(() => workingCalendarFromDates({ holidays: [], years: [] }))).toBe('invalid_year');
    expect(codeOf(() => workingCalendarFromDates({ holidays: [], years: [2025.5] }))).toBe('invalid_year');
    expect(codeOf(() => workingCalendarFromDates({ holidays: [], years: [0] }))).toBe('invalid_year');
  });

  it('keeps no reference to the caller’s arrays', () => {
    const holidays = ['2025-10-01'];
    const c = workingCalendarFromDates({ holidays });
    holidays.push('2025-10-09');
    expect(c.isWorkingDay(d('2025-10-09'))).toBe(true);
  });

  describe('properties', () => {
    const anyDate = fc
      .date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
      .map((x) => x.toISOString().slice(0, 10) as CalendarDate);

    test.prop([anyDate])('without listings, works exactly on the UTC weekdays Monday–Friday', (date) => {
      const [y, m, dd] = date.split('-').map(Number) as [number, number, number];
      const utc = new Date(0);
      utc.setUTCFullYear(y, m - 1, dd);
      const dow = utc.getUTCDay();
      expect(workingCalendarFromDates({ holidays: [] }).isWorkingDay(date)).toBe(dow >= 1 && dow <= 5);
    });

    test.prop([anyDate, fc.boolean()])('a listing always wins over the weekday', (date, asHoliday) => {
      const c = workingCalendarFromDates(asHoliday ? { holidays: [date] } : { holidays: [], workdays: [date] });
      expect(c.isWorkingDay(date)).toBe(!asHoliday);
    });
  });
});

// The calendar called directly at the edges of every comparison: dates, months, bimonths, quarters,
// deadlines and working calendars, with the coded errors they throw.
import { describe, expect, it } from 'vitest';
import { SansansanError } from '../errors.js';
import {
  addDays,
  addDaysSaturating,
  calendarDate,
  compareDates,
  dateParts,
  daysBetween,
  isCalendarDate,
  maxDate,
  minDate,
  parseCalendarDate,
  todayInChina,
} from './date.js';
import { evaluatedMonth, ledgerDue, reportDue, shiftDeadline, type WorkingCalendar } from './deadline.js';
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
const CJK = /[\u4e00-\u9fff]/;

function thrown(fn: () => unknown): SansansanError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SansansanError) return e;
    throw e;
  }
  throw new Error('expected a SansansanError');
}

/** The error's code, and a Chinese and an English text that both show the offending input. */
function expectError(fn: () => unknown, code: string, shown: string): SansansanError {
  const e = thrown(fn);
  expect(e.code).toBe(code);
  expect(e.text.zh).not.toBe('');
  expect(e.text.en).not.toBe('');
  expect(e.text.zh).not.toBe(e.text.en);
  expect(e.text.zh).toMatch(CJK);
  expect(e.text.en).not.toMatch(CJK);
  expect(e.text.zh).toContain(shown);
  expect(e.text.en).toContain(shown);
  return e;
}

/** Monday to Friday are working days. */
const weekdays: WorkingCalendar = {
  isWorkingDay: (x) => {
    const day = new Date(`${x}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  },
};
const only = (...days: string[]): WorkingCalendar => ({ isWorkingDay: (x) => days.includes(x) });
const except = (...days: string[]): WorkingCalendar => ({ isWorkingDay: (x) => !days.includes(x) });

describe('isCalendarDate and parseCalendarDate', () => {
  it('accepts real dates at every edge of year, month and day', () => {
    for (const ok of [
      '0001-01-01',
      '2025-01-01',
      '2025-01-31',
      '2025-02-28',
      '2025-04-30',
      '2025-12-01',
      '2025-12-31',
      '2024-02-29',
      '2000-02-29',
      '9999-12-31',
    ]) {
      expect(isCalendarDate(ok)).toBe(true);
      expect(parseCalendarDate(ok)).toBe(ok);
    }
  });

  it('rejects impossible or malformed dates and non-strings', () => {
    for (const bad of [
      '0000-12-31',
      '2025-00-01',
      '2025-13-01',
      '2025-01-00',
      '2025-01-32',
      '2025-04-31',
      '2025-02-29',
      '1900-02-29',
      '2100-02-29',
      '12025-01-01',
      '2025-01-011',
      '2025-001-01',
      '02025-01-01',
      'x2025-01-01',
      '2025-01-01x',
      '2025/01/01',
      '2025-1-01',
      '2025-01-1',
      '25-01-01',
      '',
      20250101,
      null,
      undefined,
      {},
      ['2025-01-01'],
    ]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it('throws invalid_date showing a string input quoted, and truncated past 40 characters', () => {
    expectError(() => parseCalendarDate('2025-02-30'), 'invalid_date', '"2025-02-30"');
    const forty = `2025-01-01${'x'.repeat(30)}`;
    expect(forty).toHaveLength(40);
    const e40 = expectError(() => parseCalendarDate(forty), 'invalid_date', `"${forty}"`);
    expect(e40.text.en).not.toContain('…');
    const fortyOne = `${forty}y`;
    const e41 = expectError(() => parseCalendarDate(fortyOne), 'invalid_date', `"${forty}…"`);
    expect(e41.text.zh).not.toContain(fortyOne);
    expect(e41.text.en).not.toContain(fortyOne);
  });

  it('shows a non-string input as text', () => {
    expectError(() => parseCalendarDate(20250101), 'invalid_date', '20250101');
    expectError(() => parseCalendarDate({}), 'invalid_date', '[object Object]');
    expectError(() => parseCalendarDate(null), 'invalid_date', 'null');
    expectError(() => parseCalendarDate(undefined), 'invalid_date', 'undefined');
  });

  it('names what was invalid: each kind of period has its own texts', () => {
    const errors = [
      expectError(() => parseCalendarDate('bad'), 'invalid_date', '"bad"'),
      expectError(() => parseYearMonth('bad'), 'invalid_month', '"bad"'),
      expectError(() => parseBimonth('bad'), 'invalid_bimonth', '"bad"'),
      expectError(() => parseQuarter('bad'), 'invalid_quarter', '"bad"'),
    ];
    expect(new Set(errors.map((e) => e.text.zh)).size).toBe(4);
    expect(new Set(errors.map((e) => e.text.en)).size).toBe(4);
  });
});

describe('calendarDate and dateParts', () => {
  it('pads month and day below 10 and years below 1000', () => {
    expect(calendarDate(2025, 9, 9)).toBe('2025-09-09');
    expect(calendarDate(2025, 10, 10)).toBe('2025-10-10');
    expect(calendarDate(2025, 12, 31)).toBe('2025-12-31');
    expect(calendarDate(1, 1, 1)).toBe('0001-01-01');
    expect(calendarDate(999, 1, 1)).toBe('0999-01-01');
    expect(calendarDate(2024, 2, 29)).toBe('2024-02-29');
  });

  it('throws invalid_date for a day that does not exist', () => {
    expectError(() => calendarDate(2025, 2, 29), 'invalid_date', '2025-02-29');
    expectError(() => calendarDate(2025, 13, 1), 'invalid_date', '2025-13-01');
  });

  it('splits a date into year, month and day', () => {
    expect(dateParts(d('2025-03-05'))).toEqual({ year: 2025, month: 3, day: 5 });
    expect(dateParts(d('0001-12-31'))).toEqual({ year: 1, month: 12, day: 31 });
  });
});

describe('addDays, daysBetween and addDaysSaturating', () => {
  it('adds days forwards and backwards across months, years, leap days and small years', () => {
    expect(addDays(d('2025-01-31'), 1)).toBe('2025-02-01');
    expect(addDays(d('2025-01-01'), 365)).toBe('2026-01-01');
    expect(addDays(d('2024-01-01'), 365)).toBe('2024-12-31');
    expect(addDays(d('2024-03-01'), -1)).toBe('2024-02-29');
    expect(addDays(d('2025-06-15'), 0)).toBe('2025-06-15');
    expect(addDays(d('0099-12-31'), 1)).toBe('0100-01-01');
    expect(addDays(d('0001-01-02'), -1)).toBe('0001-01-01');
  });

  it('throws invalid_date outside 0001-01-01 … 9999-12-31', () => {
    expectError(() => addDays(d('0001-01-01'), -1), 'invalid_date', '0000-12-31');
    expectError(() => addDays(d('9999-12-31'), 1), 'invalid_date', '10000-01-01');
  });

  it('counts calendar days, negative when the second date is earlier', () => {
    expect(daysBetween(d('2024-02-28'), d('2024-03-01'))).toBe(2);
    expect(daysBetween(d('2025-02-28'), d('2025-03-01'))).toBe(1);
    expect(daysBetween(d('2025-03-01'), d('2025-01-31'))).toBe(-29);
    expect(daysBetween(d('2025-03-01'), d('2025-03-01'))).toBe(0);
    expect(daysBetween(d('0001-01-01'), d('0002-01-01'))).toBe(365);
    expect(daysBetween(d('2025-01-01'), d('2026-01-01'))).toBe(365);
  });

  it('saturates only past the ends, and adds plainly in between', () => {
    expect(addDaysSaturating(d('2025-01-01'), 5)).toBe('2025-01-06');
    expect(addDaysSaturating(d('2025-01-06'), -5)).toBe('2025-01-01');
    expect(addDaysSaturating(d('9999-12-30'), 2)).toBe('9999-12-31');
    expect(addDaysSaturating(d('9999-12-30'), 1)).toBe('9999-12-31');
    expect(addDaysSaturating(d('9999-12-30'), 0)).toBe('9999-12-30');
    expect(addDaysSaturating(d('9999-12-30'), -1)).toBe('9999-12-29');
    expect(addDaysSaturating(d('0001-01-02'), -2)).toBe('0001-01-01');
    expect(addDaysSaturating(d('0001-01-05'), -10)).toBe('0001-01-01');
    expect(addDaysSaturating(d('0001-01-05'), -3)).toBe('0001-01-02');
    expect(addDaysSaturating(d('0001-01-02'), 1)).toBe('0001-01-03');
  });
});

describe('compareDates, maxDate and minDate', () => {
  it('orders dates', () => {
    expect(compareDates(d('2025-01-02'), d('2025-01-10'))).toBe(-1);
    expect(compareDates(d('2025-01-10'), d('2025-01-02'))).toBe(1);
    expect(compareDates(d('2025-01-10'), d('2025-01-10'))).toBe(0);
    expect(compareDates(d('2024-12-31'), d('2025-01-01'))).toBe(-1);
  });

  it('picks the later and the earlier date in either order', () => {
    expect(maxDate(d('2025-01-02'), d('2025-01-10'))).toBe('2025-01-10');
    expect(maxDate(d('2025-01-10'), d('2025-01-02'))).toBe('2025-01-10');
    expect(maxDate(d('2025-01-10'), d('2025-01-10'))).toBe('2025-01-10');
    expect(minDate(d('2025-01-02'), d('2025-01-10'))).toBe('2025-01-02');
    expect(minDate(d('2025-01-10'), d('2025-01-02'))).toBe('2025-01-02');
    expect(minDate(d('2025-01-10'), d('2025-01-10'))).toBe('2025-01-10');
  });
});

describe('todayInChina', () => {
  it('turns the date at midnight in Asia/Shanghai (UTC+8), across a year end', () => {
    expect(todayInChina(new Date('2025-03-04T16:00:00.000Z'))).toBe('2025-03-05');
    expect(todayInChina(new Date('2025-03-04T15:59:59.999Z'))).toBe('2025-03-04');
    expect(todayInChina(new Date('2024-12-31T16:00:00.000Z'))).toBe('2025-01-01');
    expect(todayInChina(new Date('2024-12-31T15:59:59.999Z'))).toBe('2024-12-31');
  });

  it('reads the clock when no instant is given', () => {
    expect(isCalendarDate(todayInChina())).toBe(true);
  });
});

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

describe('shiftDeadline', () => {
  it('moves a non-working day to the next or the previous working day, or not at all', () => {
    const cal = except('2025-10-04', '2025-10-05');
    expect(shiftDeadline(d('2025-10-05'), cal, 'next')).toBe('2025-10-06');
    expect(shiftDeadline(d('2025-10-05'), cal, 'previous')).toBe('2025-10-03');
    expect(shiftDeadline(d('2025-10-04'), cal, 'next')).toBe('2025-10-06');
    expect(shiftDeadline(d('2025-10-05'), cal, 'none')).toBe('2025-10-05');
    expect(shiftDeadline(d('2025-10-06'), cal, 'next')).toBe('2025-10-06');
    expect(shiftDeadline(d('2025-10-06'), cal, 'previous')).toBe('2025-10-06');
    expect(shiftDeadline(d('2025-10-05'), only(), 'none')).toBe('2025-10-05');
  });

  it('searches a working day up to 365 days away, then throws no_working_day', () => {
    expect(shiftDeadline(d('2025-10-05'), only('2026-10-05'), 'next')).toBe('2026-10-05');
    expectError(() => shiftDeadline(d('2025-10-05'), only('2026-10-06'), 'next'), 'no_working_day', '2025-10-05');
    expect(shiftDeadline(d('2025-10-05'), only('2024-10-05'), 'previous')).toBe('2024-10-05');
    expectError(() => shiftDeadline(d('2025-10-05'), only('2024-10-04'), 'previous'), 'no_working_day', '2025-10-05');
  });
});

describe('reportDue', () => {
  it('is day 5 of the next month by default, or the given day 1–28', () => {
    expect(reportDue(ym('2025-09'))).toBe('2025-10-05');
    expect(reportDue(ym('2025-12'))).toBe('2026-01-05');
    expect(reportDue(ym('2025-09'), { dueDay: 1 })).toBe('2025-10-01');
    expect(reportDue(ym('2025-09'), { dueDay: 10 })).toBe('2025-10-10');
    expect(reportDue(ym('2025-01'), { dueDay: 28 })).toBe('2025-02-28');
  });

  it('throws invalid_due_day for a day outside 1–28 or not an integer', () => {
    expectError(() => reportDue(ym('2025-09'), { dueDay: 0 }), 'invalid_due_day', '0');
    expectError(() => reportDue(ym('2025-09'), { dueDay: 29 }), 'invalid_due_day', '29');
    expectError(() => reportDue(ym('2025-09'), { dueDay: -5 }), 'invalid_due_day', '-5');
    expectError(() => reportDue(ym('2025-09'), { dueDay: 5.5 }), 'invalid_due_day', '5.5');
    expectError(() => reportDue(ym('2025-09'), { dueDay: Number.NaN }), 'invalid_due_day', 'NaN');
  });

  it('does not move without a calendar, whatever the shift', () => {
    expect(reportDue(ym('2025-09'), { holidayShift: 'previous' })).toBe('2025-10-05');
    expect(reportDue(ym('2025-09'), { holidayShift: { workdaysAfterMonthEnd: 1 } })).toBe('2025-10-05');
  });

  it('moves a non-working due day per the shift, next by default', () => {
    const cal = except('2025-10-05');
    expect(reportDue(ym('2025-09'), { calendar: cal })).toBe('2025-10-06');
    expect(reportDue(ym('2025-09'), { calendar: cal, holidayShift: 'next' })).toBe('2025-10-06');
    expect(reportDue(ym('2025-09'), { calendar: cal, holidayShift: 'previous' })).toBe('2025-10-04');
    expect(reportDue(ym('2025-09'), { calendar: cal, holidayShift: 'none' })).toBe('2025-10-05');
    expect(reportDue(ym('2025-09'), { calendar: cal, dueDay: 6, holidayShift: 'previous' })).toBe('2025-10-06');
  });

  it('with workdaysAfterMonthEnd, is the n-th working day after the month ends, whatever the due day', () => {
    // 2025-09-30 is a Tuesday; 4–5 October a weekend.
    expect(reportDue(ym('2025-09'), { calendar: weekdays, holidayShift: { workdaysAfterMonthEnd: 1 } })).toBe('2025-10-01');
    expect(reportDue(ym('2025-09'), { calendar: weekdays, holidayShift: { workdaysAfterMonthEnd: 3 } })).toBe('2025-10-03');
    expect(reportDue(ym('2025-09'), { calendar: weekdays, holidayShift: { workdaysAfterMonthEnd: 4 } })).toBe('2025-10-06');
    expect(reportDue(ym('2025-09'), { calendar: weekdays, dueDay: 20, holidayShift: { workdaysAfterMonthEnd: 1 } })).toBe('2025-10-01');
    // 2025-12-31 is a Wednesday.
    expect(reportDue(ym('2025-12'), { calendar: weekdays, holidayShift: { workdaysAfterMonthEnd: 2 } })).toBe('2026-01-02');
  });

  it('with workdaysAfterMonthEnd, looks for each next working day within a year of the last, and throws past that', () => {
    // 2026-09-30 is 365 days after 2025-09-30; 2026-11-04 is 400 days after.
    expect(reportDue(ym('2025-09'), { calendar: only('2026-09-30'), holidayShift: { workdaysAfterMonthEnd: 1 } })).toBe('2026-09-30');
    expectError(
      () => reportDue(ym('2025-09'), { calendar: only('2026-11-04'), holidayShift: { workdaysAfterMonthEnd: 1 } }),
      'no_working_day',
      '2025-10-01',
    );
    // The third working day, each gap under a year: the count never stops short.
    const sparse = only('2025-10-01', '2025-10-20', '2026-09-01', '2026-09-02');
    expect(reportDue(ym('2025-09'), { calendar: sparse, holidayShift: { workdaysAfterMonthEnd: 3 } })).toBe('2026-09-01');
    expect(reportDue(ym('2025-09'), { calendar: sparse, holidayShift: { workdaysAfterMonthEnd: 4 } })).toBe('2026-09-02');
    expectError(
      () =>
        reportDue(ym('2025-09'), { calendar: only('2025-10-01', '2026-11-04', '2026-11-05'), holidayShift: { workdaysAfterMonthEnd: 3 } }),
      'no_working_day',
      '2025-10-02',
    );
    expectError(
      () => reportDue(ym('2025-09'), { calendar: only(), holidayShift: { workdaysAfterMonthEnd: 1 } }),
      'no_working_day',
      '2025-10-01',
    );
  });
});

describe('ledgerDue', () => {
  // 2026-02-28 is a Saturday; 2025-02-28 a Friday.
  it('is the last day of February, moved per the shift when a calendar is given', () => {
    expect(ledgerDue(2026)).toBe('2026-02-28');
    expect(ledgerDue(2026, { holidayShift: 'previous' })).toBe('2026-02-28');
    expect(ledgerDue(2026, { calendar: weekdays })).toBe('2026-03-02');
    expect(ledgerDue(2026, { calendar: weekdays, holidayShift: 'next' })).toBe('2026-03-02');
    expect(ledgerDue(2026, { calendar: weekdays, holidayShift: 'previous' })).toBe('2026-02-27');
    expect(ledgerDue(2026, { calendar: weekdays, holidayShift: 'none' })).toBe('2026-02-28');
    expect(ledgerDue(2025, { calendar: weekdays })).toBe('2025-02-28');
    expect(ledgerDue(2024, { calendar: weekdays })).toBe('2024-02-29');
  });

  it('does not move with workdaysAfterMonthEnd, which is for reports only (decisions D7)', () => {
    expect(ledgerDue(2026, { calendar: weekdays, holidayShift: { workdaysAfterMonthEnd: 3 } })).toBe('2026-02-28');
  });
});

describe('evaluatedMonth', () => {
  it('passes the due day to reportDue', () => {
    expect(evaluatedMonth(2025, d('2025-10-10'), { dueDay: 10 })).toBe('2025-08');
    expect(evaluatedMonth(2025, d('2025-10-11'), { dueDay: 10 })).toBe('2025-09');
    expect(evaluatedMonth(2025, d('2025-10-10'))).toBe('2025-09');
  });

  it('passes the calendar and the shift to reportDue', () => {
    const cal = except('2025-10-05');
    expect(evaluatedMonth(2025, d('2025-10-06'), { calendar: cal })).toBe('2025-08');
    expect(evaluatedMonth(2025, d('2025-10-07'), { calendar: cal })).toBe('2025-09');
    expect(evaluatedMonth(2025, d('2025-10-05'), { calendar: cal, holidayShift: 'previous' })).toBe('2025-09');
  });

  it('stops at the first month not yet due, never asking the calendar about the months after', () => {
    // A calendar for 2025 only, which throws rather than guess about 2026.
    const only2025: WorkingCalendar = {
      isWorkingDay: (x) => {
        if (!x.startsWith('2025-')) throw new Error(`no data for ${x}`);
        return weekdays.isWorkingDay(x);
      },
    };
    expect(evaluatedMonth(2025, d('2025-10-10'), { calendar: only2025 })).toBe('2025-09');
    expect(evaluatedMonth(2025, d('2025-02-05'), { calendar: only2025 })).toBeNull();
  });
});

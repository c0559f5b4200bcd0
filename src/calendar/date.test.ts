// Tests of the calendar dates at their edges: validation, construction, day arithmetic and order, with the coded errors.
import { describe, expect, it } from 'vitest';
import { expectError } from '../../test/fixtures/errors.js';
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
import { parseBimonth, parseQuarter, parseYearMonth } from './period.js';

const d = parseCalendarDate;

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

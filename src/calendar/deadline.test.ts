// Tests of the deadlines: moving a non-working day, the report and ledger due dates, the evaluated month.
import { describe, expect, it } from 'vitest';
import { expectError } from '../../test/fixtures/errors.js';
import { parseCalendarDate } from './date.js';
import { evaluatedMonth, ledgerDue, reportDue, shiftDeadline, type WorkingCalendar } from './deadline.js';
import { parseYearMonth } from './period.js';

const d = parseCalendarDate;
const ym = parseYearMonth;

/** Monday to Friday are working days. */
const weekdays: WorkingCalendar = {
  isWorkingDay: (x) => {
    const day = new Date(`${x}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  },
};
const only = (...days: string[]): WorkingCalendar => ({ isWorkingDay: (x) => days.includes(x) });
const except = (...days: string[]): WorkingCalendar => ({ isWorkingDay: (x) => !days.includes(x) });

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

// Tests of the milestone status (1.3): the state of a milestone and the month-ends it is overdue.
import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../calendar/index.js';
import { milestoneState, overdueMonthsAt } from './milestoneStatus.js';

const d = parseCalendarDate;

describe('milestoneState', () => {
  const due = d('2025-06-30');
  it.each([
    [undefined, '2025-06-29', 'pending'],
    [undefined, '2025-06-30', 'pending'], // due day itself: not late yet
    [undefined, '2025-07-01', 'overdue'],
    ['2025-06-20', '2025-06-25', 'met'], // achieved before due and before asOf
    ['2025-06-29', '2025-07-10', 'met'],
    ['2025-06-30', '2025-07-10', 'met'], // achieved on the due day
    ['2025-07-01', '2025-07-10', 'late'],
    ['2025-07-10', '2025-07-10', 'late'], // achieved on asOf: known
    ['2025-07-11', '2025-07-10', 'overdue'], // achieved after asOf: not known yet
    ['2025-07-01', '2025-06-30', 'pending'], // achieved after asOf, due not passed
  ])('achieved %s, asOf %s: %s', (achieved, asOf, state) => {
    expect(milestoneState(due, achieved === undefined ? undefined : d(achieved), d(asOf))).toBe(state);
  });
});

describe('overdueMonthsAt', () => {
  const end = d('2025-09-30');
  it.each([
    ['2025-10-01', undefined, 0], // due after the month end
    ['2025-09-30', undefined, 0], // due on the month end
    ['2025-09-29', undefined, 1],
    ['2025-09-01', undefined, 1],
    ['2025-08-31', undefined, 1],
    ['2025-08-30', undefined, 2],
    ['2025-07-31', undefined, 2],
    ['2025-07-30', undefined, 3],
    ['2025-06-30', undefined, 3],
    ['2025-06-29', undefined, 4],
    ['2025-06-30', '2025-09-30', 0], // achieved on the month end
    ['2025-06-30', '2025-07-15', 0],
    ['2025-06-30', '2025-10-01', 3], // achieved after the month end
  ])('due %s, achieved %s: %i', (due, achieved, n) => {
    expect(overdueMonthsAt(d(due), achieved === undefined ? undefined : d(achieved), end)).toBe(n);
  });

  it('counts month-ends across the year boundary', () => {
    expect(overdueMonthsAt(d('2024-11-30'), undefined, d('2025-01-31'))).toBe(2);
    expect(overdueMonthsAt(d('2024-12-31'), undefined, d('2025-01-31'))).toBe(1);
    expect(overdueMonthsAt(d('2024-12-31'), undefined, d('2025-01-30'))).toBe(0);
  });
});

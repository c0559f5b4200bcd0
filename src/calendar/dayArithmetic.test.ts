// addDays and daysBetween take a shortcut within a month; everywhere they equal date-fns.
import { fc, test } from '@fast-check/vitest';
import { addDays as fnsAddDays, differenceInCalendarDays } from 'date-fns';
import { describe, expect } from 'vitest';
import { addDays, daysBetween } from './date.js';
import type { CalendarDate } from './types.js';

const arbDate = fc
  .date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9998, 11, 1)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10) as CalendarDate)
  .filter((s) => /^\d{4}-/.test(s));

const local = (s: string): Date => {
  const d = new Date(2000, 0, 1, 12);
  d.setFullYear(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return d;
};
const text = (d: Date): string =>
  `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('day arithmetic equals date-fns', () => {
  test.prop([arbDate, fc.integer({ min: -40, max: 40 })])('addDays', (date, days) => {
    expect(addDays(date, days)).toBe(text(fnsAddDays(local(date), days)));
  });

  test.prop([arbDate, fc.integer({ min: -40, max: 40 })])('daysBetween', (from, days) => {
    const to = addDays(from, days);
    expect(daysBetween(from, to)).toBe(differenceInCalendarDays(local(to), local(from)));
    expect(daysBetween(from, to)).toBe(days);
  });
});

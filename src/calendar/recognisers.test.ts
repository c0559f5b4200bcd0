// isCalendarDate and isYearMonth read strings character by character; they accept exactly what the
// regular expressions of the format accept, with a real month and day.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { daysInMonth } from './_lib.js';
import { isCalendarDate } from './date.js';
import { isYearMonth, monthNumber, yearOf } from './period.js';
import type { YearMonth } from './types.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

function dateByRegex(v: string): boolean {
  const m = DATE_RE.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function monthByRegex(v: string): boolean {
  const m = MONTH_RE.exec(v);
  return m !== null && Number(m[1]) >= 1 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

// Strings near the formats: digits, dashes, look-alike digits and a few other characters.
const near = fc.string({
  unit: fc.constantFrom('0', '1', '2', '3', '9', '-', '/', ' ', '\n', '٣', '０', 'a', '+'),
  minLength: 6,
  maxLength: 11,
});
const dates = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe('recognisers equal the regular expressions', () => {
  test.prop([
    fc.oneof(
      near,
      dates,
      dates.map((d) => d.slice(0, 7)),
    ),
  ])('isCalendarDate and isYearMonth', (v) => {
    expect(isCalendarDate(v)).toBe(dateByRegex(v));
    expect(isYearMonth(v)).toBe(monthByRegex(v));
  });
});

// yearOf and monthNumber read character codes; on any string they give what Number() of the slice gives.
describe('yearOf and monthNumber', () => {
  const near = fc.array(fc.constantFrom('0', '1', '2', '9', '-', 'Q', 'B', ' ', '.', 'x'), { maxLength: 10 }).map((xs) => xs.join(''));
  test.prop([fc.oneof(near, fc.string({ maxLength: 10 }))])('equal Number() of the slice', (s) => {
    expect(yearOf(s as YearMonth)).toEqual(Number(s.slice(0, 4)));
    expect(monthNumber(s as YearMonth)).toEqual(Number(s.slice(5, 7)));
  });
});

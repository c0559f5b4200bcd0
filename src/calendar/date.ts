import { addDays as fnsAddDays, differenceInCalendarDays } from 'date-fns';
import { daysInMonth, digits, invalid, pad2, pad4 } from './_lib.js';
import type { CalendarDate } from './types.js';

/**
 * Whether a value is a real calendar date in ISO form (`2025-02-28` yes; `2025-02-30`, `2025-2-28`,
 * `0000-01-01` no).
 *
 * @remarks Years 0001–9999 of the proleptic Gregorian calendar.
 * @example
 * ```ts
 * isCalendarDate('2024-02-29'); //=> true
 * isCalendarDate('2025-02-29'); //=> false
 * ```
 * @category Calendar
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  // Character by character: YYYY-MM-DD with ASCII digits, without building a match.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digits(value, 0, 4);
  const mo = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * Read an ISO date (日期), rejecting impossible ones.
 *
 * @throws `SansansanError` `invalid_date` when the value is not a real `YYYY-MM-DD` date.
 * @example
 * ```ts
 * parseCalendarDate('2025-10-01'); //=> '2025-10-01'
 * parseCalendarDate('2025-13-01'); // throws invalid_date
 * ```
 * @category Calendar
 */
export function parseCalendarDate(value: unknown): CalendarDate {
  if (!isCalendarDate(value)) throw invalid('invalid_date', '日期|date', value);
  return value;
}

/**
 * The date of a year, month and day.
 *
 * @throws `SansansanError` `invalid_date` when the day does not exist.
 * @example
 * ```ts
 * calendarDate(2024, 2, 29); //=> '2024-02-29'
 * ```
 * @category Calendar
 */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return parseCalendarDate(`${pad4(year)}-${pad2(month)}-${pad2(day)}`);
}

/** Year, month (1–12) and day of a date. @category Calendar
 * @example
 * ```ts
 * dateParts(parseCalendarDate('2025-03-05')); //=> { year: 2025, month: 3, day: 5 }
 * ```
 */
export function dateParts(date: CalendarDate): {
  /** 年 — the year. */
  readonly year: number;
  /** 月 — the month, 1–12. */
  readonly month: number;
  /** 日 — the day of the month, 1–31. */
  readonly day: number;
} {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

// date-fns works on Date objects in local time; building them with setFullYear keeps years < 100 right.
function toDate(date: CalendarDate): Date {
  const { year, month, day } = dateParts(date);
  const d = new Date(2000, 0, 1, 12);
  d.setFullYear(year, month - 1, day);
  return d;
}

function fromDate(d: Date): CalendarDate {
  return `${pad4(d.getFullYear())}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}` as CalendarDate;
}

/**
 * The date `days` calendar days after (or before, when negative) a date.
 *
 * @throws `SansansanError` `invalid_date` when the result falls outside years 0001–9999.
 * @example
 * ```ts
 * addDays(parseCalendarDate('2024-02-28'), 1); //=> '2024-02-29'
 * addDays(parseCalendarDate('2025-03-01'), -1); //=> '2025-02-28'
 * ```
 * @category Calendar
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  // Within the same month the day number alone moves; date-fns handles month and year boundaries.
  if (Number.isInteger(days) && isCalendarDate(date)) {
    const day = Number(date.slice(8, 10)) + days;
    if (day >= 1 && day <= 28) return `${date.slice(0, 8)}${pad2(day)}` as CalendarDate;
  }
  return parseCalendarDate(fromDate(fnsAddDays(toDate(date), days)));
}

// The first and last days the model can hold.
const FIRST_DAY = '0001-01-01' as CalendarDate;
const LAST_DAY = '9999-12-31' as CalendarDate;

/**
 * `addDays`, held to 0001-01-01 … 9999-12-31 instead of throwing. For deadlines and horizons that are
 * only compared with dates of the model: a deadline past 9999-12-31 compares with every such date as
 * 9999-12-31 does, so the comparisons stay exact. Internal to the rule modules.
 */
export function addDaysSaturating(date: CalendarDate, days: number): CalendarDate {
  if (days >= 0 && daysBetween(date, LAST_DAY) <= days) return LAST_DAY;
  if (days < 0 && daysBetween(FIRST_DAY, date) <= -days) return FIRST_DAY;
  return addDays(date, days);
}

/**
 * Calendar days from `from` to `to` (positive when `to` is later).
 *
 * @example
 * ```ts
 * daysBetween(parseCalendarDate('2025-01-31'), parseCalendarDate('2025-03-01')); //=> 29
 * ```
 * @category Calendar
 */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  if (from.length === 10 && to.length === 10 && from.slice(0, 8) === to.slice(0, 8) && isCalendarDate(from) && isCalendarDate(to)) {
    return Number(to.slice(8, 10)) - Number(from.slice(8, 10));
  }
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/**
 * Compare two dates: `-1`, `0` or `1`.
 *
 * @example
 * ```ts
 * compareDates(parseCalendarDate('2025-01-02'), parseCalendarDate('2025-01-10')); //=> -1
 * ```
 * @category Calendar
 */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The later of two dates.
 * @example
 * ```ts
 * maxDate(parseCalendarDate('2025-01-02'), parseCalendarDate('2025-01-10')); //=> '2025-01-10'
 * ```
 * @category Calendar
 */
export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a < b ? b : a;
}

/**
 * The earlier of two dates.
 * @example
 * ```ts
 * minDate(parseCalendarDate('2025-01-02'), parseCalendarDate('2025-01-10')); //=> '2025-01-02'
 * ```
 * @category Calendar
 */
export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a < b ? a : b;
}

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Today's date in China (Asia/Shanghai), for use at the edge only (CLI, adapters): the library's
 * computations never read the clock.
 *
 * @param now - the instant to read; defaults to the current time.
 * @example
 * ```ts
 * todayInChina(new Date('2025-03-04T16:30:00Z')); //=> '2025-03-05'
 * ```
 * @category Calendar
 */
export function todayInChina(now: Date = new Date()): CalendarDate {
  return parseCalendarDate(CHINA_DATE.format(now));
}

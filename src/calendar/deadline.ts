import { SansansanError } from '../errors.js';
import { pad2 } from './_lib.js';
import { addDays } from './date.js';
import { addMonths, lastDayOfMonth, monthsOfYear, yearMonth } from './period.js';
import type { CalendarDate, YearMonth } from './types.js';

/**
 * Which days are working days (工作日历): statutory holidays are not, adjusted working weekends (调休) are.
 *
 * @remarks
 * Holiday data changes every year, so the library takes it as a parameter. `sansansan/holidays`
 * provides implementations; a calendar should throw rather than guess for a year it does not cover.
 *
 * @example
 * ```ts
 * const weekdaysOnly: WorkingCalendar = {
 *   isWorkingDay: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
 * };
 * ```
 * @category Calendar
 */
export interface WorkingCalendar {
  /** Whether `date` is a working day. */
  isWorkingDay(date: CalendarDate): boolean;
}

/**
 * How a deadline that falls on a non-working day moves (节假日顺延), when a {@link WorkingCalendar} is given.
 *
 * @remarks
 * - `"next"`: to the next working day (民法典 第二百零三条; the `handan-2018` default);
 * - `"previous"`: brought forward to the previous working day;
 * - `"none"`: never moves;
 * - `{ workdaysAfterMonthEnd: n }`: the deadline is the n-th working day after the month ends.
 *
 * @example
 * ```ts
 * const shift: HolidayShift = { workdaysAfterMonthEnd: 5 };
 * ```
 * @category Calendar
 */
export type HolidayShift =
  | 'next'
  | 'previous'
  | 'none'
  | {
      /** 月末后第 n 个工作日 — the deadline is this working day after the month ends. */
      readonly workdaysAfterMonthEnd: number;
    };

/**
 * Options of {@link reportDue} and {@link evaluatedMonth}.
 * @example
 * ```ts
 * const o: DeadlineOptions = { dueDay: 5, holidayShift: 'next' };
 * ```
 * @category Calendar
 */
export interface DeadlineOptions {
  /** Day of the following month the report is due on, 1–28 (default 5). */
  readonly dueDay?: number;
  /** How a non-working due date moves (default `"next"`); used only with `calendar`. */
  readonly holidayShift?: HolidayShift;
  /** The working calendar; without one, no date moves. */
  readonly calendar?: WorkingCalendar;
}

const SEARCH_LIMIT = 366;

function step(date: CalendarDate, calendar: WorkingCalendar, direction: 1 | -1): CalendarDate {
  let d = date;
  for (let i = 0; i < SEARCH_LIMIT; i += 1) {
    if (calendar.isWorkingDay(d)) return d;
    d = addDays(d, direction);
  }
  throw new SansansanError('no_working_day', {
    zh: `${date} 前后一年内没有工作日`,
    en: `no working day within a year of ${date}`,
  });
}

/**
 * Move a deadline off a non-working day.
 *
 * @throws `SansansanError` `no_working_day` when the calendar has no working day within a year.
 * @example
 * ```ts
 * const cal: WorkingCalendar = { isWorkingDay: (d) => d !== '2025-10-05' };
 * shiftDeadline(parseCalendarDate('2025-10-05'), cal, 'next'); //=> '2025-10-06'
 * ```
 * @category Calendar
 */
export function shiftDeadline(date: CalendarDate, calendar: WorkingCalendar, shift: 'next' | 'previous' | 'none'): CalendarDate {
  if (shift === 'none') return date;
  return step(date, calendar, shift === 'next' ? 1 : -1);
}

// The n-th working day after `start`: each next working day is looked for within a year of the last.
function nthWorkingDayAfter(start: CalendarDate, n: number, calendar: WorkingCalendar): CalendarDate {
  let d = start;
  for (let found = 0; found < n; found += 1) d = step(addDays(d, 1), calendar, 1);
  return d;
}

function validDueDay(dueDay: number): number {
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 28) {
    throw new SansansanError('invalid_due_day', {
      zh: `报送日须为 1–28 的整数:${dueDay}`,
      en: `the due day must be an integer from 1 to 28: ${dueDay}`,
    });
  }
  return dueDay;
}

/**
 * The monthly report deadline for month `m` (按月报账, clause 1.2): day `dueDay` (5) of the following month.
 *
 * @remarks
 * With a working calendar, a non-working due date moves per `holidayShift`; with
 * `{ workdaysAfterMonthEnd: n }` the deadline is the n-th working day after `m` ends. A report is late
 * only when submitted after this day, and missing only once this day has passed.
 *
 * @throws `SansansanError` `invalid_due_day` when `dueDay` is not 1–28.
 * @example
 * ```ts
 * reportDue(parseYearMonth('2025-12')); //=> '2026-01-05'
 * reportDue(parseYearMonth('2025-09'), { dueDay: 10 }); //=> '2025-10-10'
 * ```
 * @category Calendar
 */
export function reportDue(m: YearMonth, options: DeadlineOptions = {}): CalendarDate {
  const next = addMonths(m, 1);
  const plain = `${next}-${pad2(validDueDay(options.dueDay ?? 5))}` as CalendarDate;
  const { calendar } = options;
  const shift = options.holidayShift ?? 'next';
  if (!calendar) return plain;
  if (typeof shift === 'object') return nthWorkingDayAfter(lastDayOfMonth(m), shift.workdaysAfterMonthEnd, calendar);
  return shiftDeadline(plain, calendar, shift);
}

/**
 * The ledger deadline of a year (建立台账, clause 1.1): the last day of February (29th in leap years).
 *
 * @remarks With a working calendar, a non-working deadline moves per `holidayShift` (`next`/`previous`/`none`).
 * @example
 * ```ts
 * ledgerDue(2024); //=> '2024-02-29'
 * ledgerDue(2025); //=> '2025-02-28'
 * ```
 * @category Calendar
 */
export function ledgerDue(year: number, options: Pick<DeadlineOptions, 'calendar' | 'holidayShift'> = {}): CalendarDate {
  const plain = lastDayOfMonth(yearMonth(year, 2));
  const shift = options.holidayShift ?? 'next';
  if (!options.calendar || typeof shift === 'object') return plain;
  return shiftDeadline(plain, options.calendar, shift);
}

/**
 * The evaluated month (评价月份) of a year at `asOf`: the latest month whose report deadline has passed
 * (`reportDue(m) < asOf`), or `null` when none has.
 *
 * @example
 * ```ts
 * evaluatedMonth(2025, parseCalendarDate('2025-10-05')); //=> '2025-08'
 * evaluatedMonth(2025, parseCalendarDate('2025-10-06')); //=> '2025-09'
 * evaluatedMonth(2025, parseCalendarDate('2025-02-01')); //=> null
 * ```
 * @category Calendar
 */
export function evaluatedMonth(year: number, asOf: CalendarDate, options: DeadlineOptions = {}): YearMonth | null {
  let found: YearMonth | null = null;
  for (const m of monthsOfYear(year)) {
    if (reportDue(m, options) < asOf) found = m;
    else break;
  }
  return found;
}

import { dateParts, isCalendarDate, type CalendarDate, type WorkingCalendar } from '../../calendar/index.js';
import { SansansanError, type LocalizedText as LocalizedWhat } from '../../errors.js';

/**
 * Options of {@link workingCalendarFromDates}: an official holiday schedule as lists of dates.
 *
 * @example
 * ```ts
 * const o: WorkingCalendarFromDatesOptions = {
 *   holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
 *   workdays: ['2025-09-28', '2025-10-11'],
 *   years: [2025],
 * };
 * ```
 * @category Holidays
 */
export interface WorkingCalendarFromDatesOptions {
  /** 法定节假日 — days off, `YYYY-MM-DD`; weekend days of a holiday may be listed or not. */
  readonly holidays: readonly string[];
  /** 调休上班日 — weekend days that are working days, `YYYY-MM-DD`. */
  readonly workdays?: readonly string[];
  /**
   * 覆盖年份 — the years the lists are complete for; a date of any other year is refused. Without it,
   * every year is answered from the weekday alone beyond the listed dates.
   */
  readonly years?: readonly number[];
}

/** Day of the week, 0 = Sunday … 6 = Saturday, of a proleptic Gregorian date (Sakamoto's method). */
function dayOfWeek(year: number, month: number, day: number): number {
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const;
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + (offsets[month - 1] ?? 0) + day) % 7;
}

/** Whether a date falls on a Saturday or a Sunday (周末), computed without any time zone. */
function isWeekend(date: CalendarDate): boolean {
  const { year, month, day } = dateParts(date);
  const dow = dayOfWeek(year, month, day);
  return dow === 0 || dow === 6;
}

function checkedDate(value: unknown, what: LocalizedWhat): CalendarDate {
  if (!isCalendarDate(value)) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    throw new SansansanError('invalid_date', { zh: `${what.zh}日期无效:${shown}`, en: `not a valid ${what.en} date: ${shown}` });
  }
  return value;
}

/** @internal `[2004, 2005, 2006, 2010]` → `2004–2006, 2010`. */
export function formatYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const y of [...sorted.slice(1), undefined]) {
    if (start === undefined || prev === undefined) break;
    if (y !== undefined && y === prev + 1) {
      prev = y;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  return parts.join(', ');
}

/** @internal The error thrown when a calendar is asked about a year its data does not cover. */
export function yearNotCovered(year: number, covered: readonly number[], source: LocalizedWhat): SansansanError {
  const range = formatYears(covered);
  return new SansansanError('calendar_year_not_covered', {
    zh: `${source.zh}没有 ${year} 年的节假日数据(覆盖 ${range} 年);请改用包含该年国务院办公厅节假日安排的日历`,
    en: `${source.en} has no holiday data for ${year} (it covers ${range}); use a calendar with the State Council's holiday schedule for that year`,
  });
}

/**
 * A working calendar (工作日历) from an official holiday schedule: listed holidays are days off,
 * listed adjusted working days (调休上班) are working days, other days work Monday to Friday.
 *
 * @remarks
 * The State Council's General Office publishes each year's schedule (国务院办公厅关于某年部分节假日安排的通知),
 * usually in November or December of the year before; copy its dates here for any year, including one
 * a packaged data set does not cover yet. Weekdays are computed arithmetically from the date, so the
 * answer never depends on the machine's time zone. With `years`, a date of any other year throws rather
 * than being guessed from its weekday. Pure: no Node API, no dependency.
 *
 * @throws `SansansanError` `invalid_date` when a listed date is not a real `YYYY-MM-DD` date (and,
 * from `isWorkingDay`, when it is asked about one).
 * @throws `SansansanError` `invalid_year` when `years` is empty or lists something other than a year 1–9999.
 * @throws `SansansanError` `calendar_conflict` when a date is listed both as a holiday and as a working day.
 * @throws `SansansanError` `calendar_year_not_covered` from `isWorkingDay`, for a date whose year is not in `years`.
 * @example
 * ```ts
 * const calendar = workingCalendarFromDates({
 *   holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
 *   workdays: ['2025-09-28', '2025-10-11'],
 *   years: [2025],
 * });
 * calendar.isWorkingDay(parseCalendarDate('2025-10-08')); //=> false
 * calendar.isWorkingDay(parseCalendarDate('2025-10-11')); //=> true (a Saturday, 调休)
 * reportDue(parseYearMonth('2025-09'), { calendar }); //=> '2025-10-09'
 * calendar.isWorkingDay(parseCalendarDate('2026-01-05')); // throws calendar_year_not_covered
 * ```
 * @category Holidays
 */
export function workingCalendarFromDates(options: WorkingCalendarFromDatesOptions): WorkingCalendar {
  const holidays = new Set<string>(options.holidays.map((d) => checkedDate(d, { zh: '节假日', en: 'holiday' })));
  const workdays = new Set<string>((options.workdays ?? []).map((d) => checkedDate(d, { zh: '调休上班日', en: 'working-day' })));
  for (const d of workdays) {
    if (holidays.has(d)) {
      throw new SansansanError('calendar_conflict', {
        zh: `${d} 同时列为节假日和调休上班日`,
        en: `${d} is listed both as a holiday and as a working day`,
      });
    }
  }
  const years = options.years === undefined ? undefined : checkedYears(options.years);
  return {
    isWorkingDay(date: CalendarDate): boolean {
      const d = checkedDate(date, { zh: '', en: 'calendar' });
      if (years !== undefined && !years.has(dateParts(d).year)) {
        throw yearNotCovered(dateParts(d).year, [...years], { zh: '该工作日历', en: 'this working calendar' });
      }
      if (workdays.has(d)) return true;
      if (holidays.has(d)) return false;
      return !isWeekend(d);
    },
  };
}

function checkedYears(years: readonly number[]): ReadonlySet<number> {
  if (years.length === 0) {
    throw new SansansanError('invalid_year', { zh: '覆盖年份不能为空', en: 'the covered years must not be empty' });
  }
  for (const y of years) {
    if (!Number.isInteger(y) || y < 1 || y > 9999) {
      throw new SansansanError('invalid_year', { zh: `年份无效:${String(y)}`, en: `not a valid year: ${String(y)}` });
    }
  }
  return new Set(years);
}

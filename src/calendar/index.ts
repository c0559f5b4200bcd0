/**
 * Calendar dates, months, bimonths and quarters, deadlines and working calendars (日历).
 * Dates are ISO strings of China's local calendar; no `Date` appears in the model.
 *
 * @packageDocumentation
 */
export type { Bimonth, CalendarDate, Quarter, YearMonth } from './types.js';
export {
  addDays,
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
export {
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
export { evaluatedMonth, ledgerDue, reportDue, shiftDeadline } from './deadline.js';
export type { DeadlineOptions, HolidayShift, WorkingCalendar } from './deadline.js';

/**
 * Working calendars (工作日历) for deadlines that move off statutory holidays: one built from an official
 * holiday schedule, one over the optional `chinese-days` package.
 *
 * @packageDocumentation
 */
export { chineseDaysCalendar } from './chineseDaysCalendar.js';
export { workingCalendarFromDates } from './workingCalendarFromDates.js';
export type { WorkingCalendarFromDatesOptions } from './workingCalendarFromDates.js';

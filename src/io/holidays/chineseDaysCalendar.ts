import { createRequire } from 'node:module';
import { dateParts, isCalendarDate, type CalendarDate, type WorkingCalendar } from '../../calendar/index.js';
import { SansansanError } from '../../errors.js';
import { yearNotCovered } from './workingCalendarFromDates.js';

/** The part of chinese-days 1.x this adapter uses. */
interface ChineseDays {
  readonly isWorkday: (date: Date) => boolean;
}

interface Loaded {
  readonly isWorkday: (date: Date) => boolean;
  readonly years: readonly number[];
}

const PACKAGE = 'chinese-days';

// Used only when the package's data file cannot be read: chinese-days 1.5.7 covers 2004–2026 (its README).
const FALLBACK_YEARS: readonly number[] = Array.from({ length: 2026 - 2004 + 1 }, (_, i) => 2004 + i);

let loaded: Loaded | undefined;

function isMissing(error: unknown, specifier: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  // Only the package itself missing: a missing module *inside* it is a different failure, rethrown as is.
  return code === 'MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${specifier}'`);
}

function missingPeer(): SansansanError {
  return new SansansanError('missing_peer_dependency', {
    zh: 'sansansan/holidays 的 chineseDaysCalendar 需要可选依赖 chinese-days:npm install chinese-days@1',
    en: 'sansansan/holidays chineseDaysCalendar needs the optional peer dependency chinese-days: npm install chinese-days@1',
  });
}

/** The years chinese-days has holiday data for, read from the data file its README publishes. */
function coveredYears(load: NodeJS.Require): readonly number[] {
  let data: unknown;
  try {
    data = load(`${PACKAGE}/dist/chinese-days.json`);
  } catch {
    return FALLBACK_YEARS;
  }
  const holidays = (data as { holidays?: unknown } | null)?.holidays;
  if (typeof holidays !== 'object' || holidays === null) return FALLBACK_YEARS;
  const years = new Set<number>();
  for (const date of Object.keys(holidays)) {
    if (isCalendarDate(date)) years.add(dateParts(date).year);
  }
  return years.size > 0 ? [...years].sort((a, b) => a - b) : FALLBACK_YEARS;
}

function loadChineseDays(): Loaded {
  if (loaded) return loaded;
  const load = createRequire(import.meta.url);
  let lib: unknown;
  try {
    lib = load(PACKAGE);
  } catch (error) {
    if (isMissing(error, PACKAGE)) throw missingPeer();
    throw error;
  }
  const api = lib as Partial<ChineseDays> & { default?: Partial<ChineseDays> };
  const isWorkday = api.isWorkday ?? api.default?.isWorkday;
  if (typeof isWorkday !== 'function') {
    throw new SansansanError('unsupported_peer_dependency', {
      zh: '已安装的 chinese-days 没有 isWorkday 函数:npm install chinese-days@1',
      en: 'the installed chinese-days has no isWorkday function: npm install chinese-days@1',
    });
  }
  loaded = { isWorkday, years: coveredYears(load) };
  return loaded;
}

/**
 * A working calendar (工作日历) over the `chinese-days` package: China's statutory holidays and adjusted
 * working days (调休) as the State Council published them.
 *
 * @remarks
 * `chinese-days` (1.x) is an optional peer dependency, loaded when this function is first called. Its
 * data covers 2004–2026 (the covered years are read from the package's own data file, so a newer
 * release extends them), and for any other year it silently answers from the weekday alone: this
 * calendar refuses such dates instead of guessing. For a year the package does not cover yet, copy the
 * State Council's notice into {@link workingCalendarFromDates}. Days are handed to the package as local
 * noon, because it reads dates in the machine's time zone; the answer does not depend on that zone.
 *
 * @throws `SansansanError` `missing_peer_dependency` when `chinese-days` is not installed.
 * @throws `SansansanError` `calendar_year_not_covered` from `isWorkingDay`, for a date of a year the
 * package has no data for (e.g. 2003 or 2030).
 * @throws `SansansanError` `invalid_date` from `isWorkingDay`, for a value that is not a real date.
 * @example
 * ```ts
 * const calendar = chineseDaysCalendar();
 * calendar.isWorkingDay(parseCalendarDate('2025-10-08')); //=> false (国庆节、中秋节)
 * calendar.isWorkingDay(parseCalendarDate('2025-09-28')); //=> true (a Sunday, 调休上班)
 * reportDue(parseYearMonth('2025-09'), { calendar }); //=> '2025-10-09'
 * calendar.isWorkingDay(parseCalendarDate('2030-10-01')); // throws calendar_year_not_covered
 * ```
 * @category Holidays
 */
export function chineseDaysCalendar(): WorkingCalendar {
  const { isWorkday, years } = loadChineseDays();
  const covered = new Set(years);
  return {
    isWorkingDay(date: CalendarDate): boolean {
      if (!isCalendarDate(date)) {
        const shown = typeof date === 'string' ? JSON.stringify(date) : String(date);
        throw new SansansanError('invalid_date', { zh: `日期无效:${shown}`, en: `not a valid calendar date: ${shown}` });
      }
      const { year, month, day } = dateParts(date);
      if (!covered.has(year)) throw yearNotCovered(year, years, { zh: 'chinese-days ', en: 'chinese-days' });
      const local = new Date(2000, 0, 1, 12);
      local.setFullYear(year, month - 1, day);
      return isWorkday(local);
    },
  };
}

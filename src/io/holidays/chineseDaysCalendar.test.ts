import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { test } from '@fast-check/vitest';
import { addDays, evaluatedMonth, parseCalendarDate, parseYearMonth, reportDue, type CalendarDate } from '../../calendar/index.js';
import { SansansanError } from '../../errors.js';
import { evaluate } from '../../evaluate.js';
import { parsePortfolio } from '../../portfolio/index.js';
import { doc, project, report, reportsUpTo } from '../../../test/fixtures/builders.js';
import { chineseDaysCalendar } from './chineseDaysCalendar.js';
import { workingCalendarFromDates } from './workingCalendarFromDates.js';

const OCTOBER_2025 = {
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
} as const;

const d = (s: string): CalendarDate => parseCalendarDate(s);

function thrown(f: () => unknown): SansansanError | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof SansansanError) return e;
    throw e;
  }
  return undefined;
}

function daysFrom(first: string, last: string): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (let x = d(first); x <= last; x = addDays(x, 1)) out.push(x);
  return out;
}

describe('chineseDaysCalendar', () => {
  const calendar = chineseDaysCalendar();

  it('rests through the 2025 National Day and Mid-Autumn holiday, 1 to 8 October', () => {
    for (const day of OCTOBER_2025.holidays) expect(calendar.isWorkingDay(d(day)), day).toBe(false);
  });

  it('works on Sunday 28 September and Saturday 11 October 2025 (调休上班)', () => {
    expect(calendar.isWorkingDay(d('2025-09-28'))).toBe(true);
    expect(calendar.isWorkingDay(d('2025-10-11'))).toBe(true);
    expect(calendar.isWorkingDay(d('2025-10-09'))).toBe(true);
    expect(calendar.isWorkingDay(d('2025-10-12'))).toBe(false);
  });

  it('moves the September 2025 report deadline from Sunday 5 October to Thursday 9 October', () => {
    expect(reportDue(parseYearMonth('2025-09'), { calendar })).toBe('2025-10-09');
  });

  it('evaluates August on the moved deadline itself and September the day after', () => {
    expect(evaluatedMonth(2025, d('2025-10-09'), { calendar })).toBe('2025-08');
    expect(evaluatedMonth(2025, d('2025-10-10'), { calendar })).toBe('2025-09');
  });

  it('refuses years the package has no data for (2003, 2030) instead of answering from the weekday', () => {
    for (const day of ['2030-10-01', '2003-10-01', '2027-01-01']) {
      const e = thrown(() => calendar.isWorkingDay(d(day)));
      expect(e?.code, day).toBe('calendar_year_not_covered');
      expect(e?.text.en).toContain(day.slice(0, 4));
      expect(e?.text.en).toContain('2004–2026');
      expect(e?.text.zh).toContain('2004–2026');
    }
  });

  it('answers the first and last covered days', () => {
    expect(calendar.isWorkingDay(d('2004-01-01'))).toBe(false); // 元旦
    expect(calendar.isWorkingDay(d('2026-12-31'))).toBe(true); // Thursday
  });

  it('refuses a value that is not a date (invalid_date)', () => {
    expect(thrown(() => calendar.isWorkingDay('2025-10-32' as CalendarDate))?.code).toBe('invalid_date');
  });

  it('agrees with workingCalendarFromDates over the same official lists on every day of September and October 2025', () => {
    const fromLists = workingCalendarFromDates({ ...OCTOBER_2025, years: [2025] });
    const days = daysFrom('2025-09-01', '2025-10-31');
    expect(days).toHaveLength(61);
    for (const day of days) expect(calendar.isWorkingDay(day), day).toBe(fromLists.isWorkingDay(day));
  });

  it('agrees with the package’s published data file on every covered day', () => {
    const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
      holidays: Record<string, string>;
      workdays: Record<string, string>;
    };
    const fromData = workingCalendarFromDates({ holidays: Object.keys(data.holidays), workdays: Object.keys(data.workdays) });
    for (const day of daysFrom('2004-01-01', '2026-12-31')) {
      if (calendar.isWorkingDay(day) !== fromData.isWorkingDay(day)) expect.fail(`differs on ${day}`);
    }
  });

  describe('time zones', () => {
    const original = process.env['TZ'];
    afterEach(() => {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    });
    test.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai', 'UTC'])(
      'gives the same answers with the machine in %s',
      (zone) => {
        process.env['TZ'] = zone;
        const fromLists = workingCalendarFromDates({ ...OCTOBER_2025, years: [2025] });
        const c = chineseDaysCalendar();
        for (const day of daysFrom('2025-09-01', '2025-10-31'))
          expect(c.isWorkingDay(day), `${zone} ${day}`).toBe(fromLists.isWorkingDay(day));
      },
    );
  });

  describe('evaluate', () => {
    // September's report is submitted on Wednesday 8 October, the last day of the holiday.
    const input = doc([project('P1', [...reportsUpTo(8), report(9, '100', { submittedOn: '2025-10-08' })])]);
    const lateSeptember = (e: ReturnType<typeof evaluate>): boolean =>
      e.compliance.some((c) => c.kind === 'reportLate' && c.subjectId === 'P1' && c.period === '2025-09');

    it('finds the September report on time with the calendar (due 9 October) and late without it (due 5 October)', () => {
      const portfolio = parsePortfolio(input);
      const withCalendar = evaluate(portfolio, { asOf: '2025-10-15', calendar });
      const without = evaluate(portfolio, { asOf: '2025-10-15' });
      expect(lateSeptember(withCalendar)).toBe(false);
      expect(lateSeptember(without)).toBe(true);
      expect(without.compliance.find((c) => c.kind === 'reportLate')?.evidence).toEqual({ due: '2025-10-05', submittedOn: '2025-10-08' });
    });

    it('still evaluates August on 9 October with the calendar, September without it', () => {
      const portfolio = parsePortfolio(input);
      expect(evaluate(portfolio, { asOf: '2025-10-09', calendar }).month).toBe('2025-08');
      expect(evaluate(portfolio, { asOf: '2025-10-09' }).month).toBe('2025-09');
    });
  });
});

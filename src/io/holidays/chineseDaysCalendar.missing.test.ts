// chinese-days is an optional peer: without it, only chineseDaysCalendar fails, and clearly.
import { describe, expect, it, vi } from 'vitest';
import { parseCalendarDate } from '../../calendar/index.js';
import { SansansanError } from '../../errors.js';

const missing = vi.hoisted(() => ({ module: 'chinese-days' }));

// The adapter's only use of node:module is createRequire; here it cannot find chinese-days.
vi.mock('node:module', () => {
  return {
    createRequire: () => (id: string) => {
      const error = Object.assign(new Error(`Cannot find module '${missing.module}'\nRequire stack:\n- /app/index.js`), {
        code: 'MODULE_NOT_FOUND',
      });
      if (id.startsWith('chinese-days')) throw error;
      throw new Error(`unexpected require of ${id}`);
    },
  };
});

const { chineseDaysCalendar, workingCalendarFromDates } = await import('./index.js');

describe('chineseDaysCalendar without chinese-days installed', () => {
  it('throws missing_peer_dependency with the install command, in Chinese and English', () => {
    let error: unknown;
    try {
      chineseDaysCalendar();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SansansanError);
    const e = error as SansansanError;
    expect(e.code).toBe('missing_peer_dependency');
    expect(e.text.zh).toBe('sansansan/holidays 的 chineseDaysCalendar 需要可选依赖 chinese-days:npm install chinese-days@1');
    expect(e.text.en).toContain('npm install chinese-days@1');
  });

  it('rethrows a module missing inside chinese-days as it is', () => {
    missing.module = 'some-inner-dependency';
    try {
      expect(() => chineseDaysCalendar()).toThrow(/some-inner-dependency/);
      expect(() => chineseDaysCalendar()).not.toThrow(SansansanError);
    } finally {
      missing.module = 'chinese-days';
    }
  });

  it('leaves workingCalendarFromDates working', () => {
    const calendar = workingCalendarFromDates({ holidays: ['2025-10-08'], workdays: ['2025-10-11'] });
    expect(calendar.isWorkingDay(parseCalendarDate('2025-10-08'))).toBe(false);
    expect(calendar.isWorkingDay(parseCalendarDate('2025-10-11'))).toBe(true);
  });
});

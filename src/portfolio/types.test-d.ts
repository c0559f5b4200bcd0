import { describe, expectTypeOf, it } from 'vitest';
import type { CalendarDate, YearMonth } from '../calendar/index.js';
import { parseCalendarDate } from '../calendar/index.js';
import { evaluate } from '../evaluate.js';
import type { Amount } from '../money/index.js';
import { parsePortfolio } from './parsePortfolio.js';
import type { Portfolio, PortfolioDocument } from './types.js';

describe('brands', () => {
  it('only parsePortfolio mints a Portfolio', () => {
    const raw: PortfolioDocument = parsePortfolio({});
    // @ts-expect-error [ts2345]: a document that was not parsed is not a Portfolio
    evaluate(raw, { asOf: '2025-10-15' });
    expectTypeOf(parsePortfolio).returns.toEqualTypeOf<Portfolio>();
  });

  it('keeps dates, months and amounts apart from plain strings', () => {
    // @ts-expect-error [ts2322]: a plain string is not a CalendarDate
    const d: CalendarDate = '2025-01-01';
    // @ts-expect-error [ts2322]: a date is not a month
    const m: YearMonth = parseCalendarDate('2025-01-01');
    // @ts-expect-error [ts2322]: a plain string is not an Amount
    const a: Amount = '12';
    expectTypeOf(parseCalendarDate('2025-01-01')).toEqualTypeOf<CalendarDate>();
    expectTypeOf([d, m, a]).toBeArray();
  });

  it('makes the portfolio readonly', () => {
    const p = parsePortfolio({});
    // @ts-expect-error [ts2540]: the portfolio is readonly
    p.year = 2026;
    expectTypeOf(p.projects).toEqualTypeOf<Portfolio['projects']>();
    expectTypeOf(p.projects).not.toHaveProperty('push');
  });
});

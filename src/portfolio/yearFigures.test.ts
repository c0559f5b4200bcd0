// Tests of yearFigures: a project's year read into figures once, month by month.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { arbPortfolioDocument } from '../../test/arbitraries/portfolio.js';
import { parsed, project, report } from '../../test/fixtures/builders.js';
import { D } from '../../test/fixtures/decimalOracle.js';
import { monthNumber, yearOf } from '../calendar/index.js';
import { toAmount, type Figure } from '../money/figure.js';
import { parsePortfolio } from './parsePortfolio.js';
import type { Project } from './types.js';
import { yearFigures } from './yearFigures.js';

const texts = (xs: readonly Figure[]): string[] => xs.map(toAmount);

describe('yearFigures', () => {
  it('sums the ledger and the reports to each month, and keeps each month’s own entries', () => {
    const p = parsed(
      project('P', [report(1, '100'), report(3, '-20.5', { noProgress: true }), report(2, '0.25')], {
        annualPlan: '1200',
        ledger: {
          months: [
            { month: '2025-02', investment: '300' },
            { month: '2025-01', investment: '900' },
          ],
        },
      }),
    );
    const f = yearFigures(p, 2025);
    expect(f.year).toBe(2025);
    expect(toAmount(f.annualPlan)).toBe('1200');
    expect(texts(f.plannedToDate)).toEqual(['900', '1200', '1200', '1200', '1200', '1200', '1200', '1200', '1200', '1200', '1200', '1200']);
    expect(texts(f.completedToDate)).toEqual(['100', '100.25', '79.75', ...Array<string>(9).fill('79.75')]);
    expect(f.plannedInMonth.slice(0, 3)).toEqual(['900', '300', undefined]);
    expect(f.report.map((r) => r?.investment)).toEqual(['100', '0.25', '-20.5', ...Array<undefined>(9).fill(undefined)]);
  });

  it('counts only the months of the year asked for', () => {
    const p = parsed(project('P', [report(1, '100')]));
    const f = yearFigures(p, 2024);
    expect(texts(f.plannedToDate)).toEqual(Array<string>(12).fill('0'));
    expect(texts(f.completedToDate)).toEqual(Array<string>(12).fill('0'));
    expect(f.report.every((r) => r === undefined)).toBe(true);
  });

  describe('properties', () => {
    const projects = arbPortfolioDocument().map((d) => parsePortfolio(d));

    test.prop([projects])('each sum to date is the sum of the amounts of the months up to it (conservation)', ({ year, projects: ps }) => {
      for (const p of ps) {
        const f = yearFigures(p, year);
        for (let k = 1; k <= 12; k += 1) {
          const upTo = (xs: readonly { readonly month: string; readonly investment: string }[]): string =>
            xs
              .filter((x) => yearOf(x.month as never) === year && monthNumber(x.month as never) <= k)
              .reduce((t, x) => t.plus(x.investment), new D(0))
              .toFixed();
          expect(toAmount(f.plannedToDate[k - 1] as Figure)).toBe(upTo(p.ledger.months));
          expect(toAmount(f.completedToDate[k - 1] as Figure)).toBe(upTo(p.reports));
        }
      }
    });

    test.prop([projects, fc.func(fc.integer())])(
      'are the same whatever the order of the ledger and the reports',
      ({ year, projects: ps }, key) => {
        const shuffled = <T>(xs: readonly T[]): T[] => [...xs].sort((a, b) => key(a) - key(b));
        for (const p of ps) {
          const q: Project = { ...p, ledger: { ...p.ledger, months: shuffled(p.ledger.months) }, reports: shuffled(p.reports) };
          const [a, b] = [yearFigures(p, year), yearFigures(q, year)];
          expect(texts(b.plannedToDate)).toEqual(texts(a.plannedToDate));
          expect(texts(b.completedToDate)).toEqual(texts(a.completedToDate));
          expect(b.report).toEqual(a.report);
          expect(b.plannedInMonth).toEqual(a.plannedInMonth);
        }
      },
    );
  });
});

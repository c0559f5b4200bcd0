// Tests of progressMetrics (1.3): the plan and completion to date, the annual plan and their percentages.
import { describe, expect, it } from 'vitest';
import { parsed, project, report, reportsUpTo } from '../../test/fixtures/builders.js';
import { parseYearMonth } from '../calendar/index.js';
import { progressMetrics } from './progressMetrics.js';

const ym = parseYearMonth;
const SEP = ym('2025-09');

describe('progressMetrics', () => {
  it('gives the two sums, the annual plan and three exact percentages; later months are not summed', () => {
    const p = parsed(project('P', [...reportsUpTo(8), report(9, '-20'), report(10, '5000')]));
    expect(progressMetrics(p, SEP)).toEqual({
      plannedToDate: '900',
      completedToDate: '780',
      annualPlan: '1200',
      schedulePct: { numerator: '90000', denominator: '1200' },
      progressPct: { numerator: '78000', denominator: '1200' },
      lagPp: { numerator: '12000', denominator: '1200' },
    });
    expect(progressMetrics(p, ym('2025-10'))).toEqual({
      plannedToDate: '1000',
      completedToDate: '5780',
      annualPlan: '1200',
      schedulePct: { numerator: '100000', denominator: '1200' },
      progressPct: { numerator: '578000', denominator: '1200' },
      lagPp: { numerator: '-478000', denominator: '1200' },
    });
  });

  it('plans 0 for a ledger month that is not listed', () => {
    const p = parsed(
      project('P', reportsUpTo(2), { ledger: { submittedOn: '2025-02-20', months: [{ month: '2025-03', investment: '300' }] } }),
    );
    expect(progressMetrics(p, ym('2025-02'))).toEqual({
      plannedToDate: '0',
      completedToDate: '200',
      annualPlan: '1200',
      schedulePct: { numerator: '0', denominator: '1200' },
      progressPct: { numerator: '20000', denominator: '1200' },
      lagPp: { numerator: '-20000', denominator: '1200' },
    });
  });

  it('leaves the percentages null when the annual plan is 0, the sums still given', () => {
    const p = parsed(project('P', reportsUpTo(9, '50'), { annualPlan: '0' }));
    expect(progressMetrics(p, SEP)).toEqual({
      plannedToDate: '900',
      completedToDate: '450',
      annualPlan: '0',
      schedulePct: null,
      progressPct: null,
      lagPp: null,
    });
  });
});

// reconcileTimeline computes a project's line and its colour history together, from sums and stalled
// months worked out once; month by month it must equal reconcileProject.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { arbAsOf, arbPortfolioDocument } from '../../test/arbitraries/portfolio.js';
import { evaluatedMonth, monthsOfYear, parseCalendarDate } from '../calendar/index.js';
import { PRESETS, type PresetId } from '../policy/index.js';
import { knownAt, parsePortfolio } from '../portfolio/index.js';
import { plannedToDate } from '../ledger/plannedToDate.js';
import { formatRatio, type Ratio } from '../money/index.js';
import { completedToDate } from './completedToDate.js';
import { progressMetrics } from './progressMetrics.js';
import { reconcileProject, reconcileTimeline } from './reconcileProject.js';
import { stalledMonthsEndingAt } from './stallRun.js';

const presets = Object.keys(PRESETS) as PresetId[];

describe('reconcileTimeline', () => {
  test.prop([
    arbPortfolioDocument({ withSupervisionRecords: true }).chain((d) =>
      fc.tuple(fc.constant(d), arbAsOf(d.year), fc.constantFrom(...presets)),
    ),
  ])('equals reconcileProject at every month, overrides included', ([doc, asOfText, preset]) => {
    const asOf = parseCalendarDate(asOfText);
    const policy = PRESETS[preset];
    const known = knownAt(parsePortfolio(doc), asOf);
    const month = evaluatedMonth(known.year, asOf);
    const months = monthsOfYear(known.year).filter((x) => month !== null && x <= month);
    for (const p of known.projects) {
      const overrideFor = (m: string) => known.overrides?.find((o) => o.projectId === p.id && o.month === m);
      const override = month === null ? undefined : overrideFor(month);
      const { line, history } = reconcileTimeline(
        p,
        { asOf, month, policy, ...(override && { override }) },
        months,
        overrideFor,
        known.year,
      );
      expect(line).toEqual(reconcileProject(p, { asOf, month, policy, ...(override && { override }) }));
      // The facts worked out once against the functions that define them, month by month.
      if (month !== null) {
        expect(line.stallRun).toBe(stalledMonthsEndingAt(p, month).length);
        expect(line.plannedToDate).toBe(plannedToDate(p, month));
        expect(line.completedToDate).toBe(completedToDate(p, month));
        const m = progressMetrics(p, month);
        const pct = (r: Ratio | null): string | null => (r === null ? null : formatRatio(r));
        expect([line.schedulePct, line.progressPct, line.lagPp]).toEqual([pct(m.schedulePct), pct(m.progressPct), pct(m.lagPp)]);
      }
      expect(history).toEqual(
        months.map((x) => {
          const o = overrideFor(x);
          return { month: x, colour: reconcileProject(p, { asOf, month: x, policy, ...(o && { override: o }) }).colour };
        }),
      );
    }
  });
});

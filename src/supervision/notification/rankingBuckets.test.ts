// The ranking reads of a department only its sums at the ranked quarters' ends: quarterlyRanking on the
// bucket projects equals quarterlyRanking on the projects, for every denominator and aggregation.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { arbAsOf, arbPortfolioDocument } from '../../../test/arbitraries/portfolio.js';
import { evaluatedMonth, lastMonthOf, monthsOfYear, parseCalendarDate } from '../../calendar/index.js';
import { plannedToDate } from '../../ledger/plannedToDate.js';
import { exact, type Exact } from '../../money/_exact.js';
import type { Amount } from '../../money/index.js';
import { monthSumsOf, monthSumsOfExact, type MonthSums } from '../../money/monthSums.js';
import { PRESETS, type Policy, type PresetId } from '../../policy/index.js';
import { knownAt, parsePortfolio } from '../../portfolio/index.js';
import { completedToDate } from '../../reconciliation/completedToDate.js';
import { quarterlyRanking, rankedQuarters } from './quarterlyRanking.js';
import { rankingBuckets } from './rankingBuckets.js';

function exactOf(a: Amount): Exact {
  const x = exact(a);
  if (x === undefined) throw new Error(`not plain: ${a}`);
  return x;
}

const arbPolicy: fc.Arbitrary<Policy> = fc
  .tuple(
    fc.constantFrom(...(Object.keys(PRESETS) as PresetId[])),
    fc.constantFrom<Policy['ranking']['denominator']>('ytdLedgerPlan', 'annualPlan', 'proRataAnnual'),
    fc.constantFrom<Policy['ranking']['aggregation']>('sumOfAmounts', 'meanOfProjectRates'),
    fc.boolean(),
  )
  .map(([id, denominator, aggregation, exemptAtOrAbovePlan]) => ({
    ...PRESETS[id],
    ranking: { ...PRESETS[id].ranking, denominator, aggregation, exemptAtOrAbovePlan },
  }));

describe('rankingBuckets', () => {
  test.prop([
    arbPortfolioDocument({ withSupervisionRecords: true }).chain((d) => fc.tuple(fc.constant(d), arbAsOf(d.year), arbPolicy)),
    fc.array(fc.boolean(), { minLength: 1 }),
  ])('quarterlyRanking on the buckets equals quarterlyRanking on the projects', ([doc, asOfText, policy], asText) => {
    const asOf = parseCalendarDate(asOfText);
    const known = knownAt(parsePortfolio(doc), asOf);
    const quarters = rankedQuarters(known.year, evaluatedMonth(known.year, asOf));
    const buckets = rankingBuckets(quarters.map(lastMonthOf), policy.ranking.aggregation === 'meanOfProjectRates');
    // The sums as text (the decimal.js path) or as scaled integers, mixed within one department.
    const sums = (amounts: readonly Amount[], k: number): MonthSums =>
      asText[k % asText.length] === true ? monthSumsOf(amounts) : monthSumsOfExact(amounts.map((a) => exactOf(a)));
    known.projects.forEach((p, k) => {
      const months = monthsOfYear(known.year);
      buckets.add(
        p,
        sums(
          months.map((m) => plannedToDate(p, m)),
          k,
        ),
        sums(
          months.map((m) => completedToDate(p, m)),
          k,
        ),
      );
    });
    const bucketed = { ...known, projects: buckets.projects() };
    for (const q of quarters) expect(quarterlyRanking(bucketed, q, policy)).toEqual(quarterlyRanking(known, q, policy));
  });
});

// The ranking reads of a department only its sums at the ranked quarters' ends: the ranking of the buckets'
// sums equals quarterlyRanking on the projects, for every denominator and aggregation.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { arbAsOf, arbPortfolioDocument } from '../../../test/arbitraries/portfolio.js';
import { evaluatedMonth, lastMonthOf, parseCalendarDate } from '../../calendar/index.js';
import { yearFigures } from '../../portfolio/yearFigures.js';
import { PRESETS, type Policy, type PresetId } from '../../policy/index.js';
import { knownAt, parsePortfolio } from '../../portfolio/index.js';
import { quarterlyRanking, rankedQuarters, rankingOfSums } from './quarterlyRanking.js';
import { rankingBuckets } from './rankingBuckets.js';

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
  test.prop([arbPortfolioDocument({ withSupervisionRecords: true }).chain((d) => fc.tuple(fc.constant(d), arbAsOf(d.year), arbPolicy))])(
    'ranks on the department sums as quarterlyRanking ranks on the projects',
    ([doc, asOfText, policy]) => {
      const asOf = parseCalendarDate(asOfText);
      const known = knownAt(parsePortfolio(doc), asOf);
      const quarters = rankedQuarters(known.year, evaluatedMonth(known.year, asOf));
      const buckets = rankingBuckets(quarters.map(lastMonthOf), policy.ranking.aggregation === 'meanOfProjectRates');
      for (const p of known.projects) buckets.add(p, yearFigures(p, known.year));
      const departmentIds = known.departments.map((d) => d.id);
      quarters.forEach((q, k) => {
        expect(rankingOfSums(departmentIds, buckets.sums(k), q, policy)).toEqual(quarterlyRanking(known, q, policy));
      });
    },
  );
});

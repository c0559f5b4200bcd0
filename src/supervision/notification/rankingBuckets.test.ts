// The ranking reads of a department only its sums at the ranked quarters' ends: quarterlyRanking on the
// bucket projects equals quarterlyRanking on the projects, for every denominator and aggregation.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { arbAsOf, arbPortfolioDocument } from '../../../test/arbitraries/portfolio.js';
import { evaluatedMonth, lastMonthOf, monthsOfYear, parseCalendarDate, type YearMonth } from '../../calendar/index.js';
import { plannedToDate } from '../../ledger/plannedToDate.js';
import { exact, smallExact, type Exact } from '../../money/_exact.js';
import type { Amount } from '../../money/index.js';
import { monthSumsOf, monthSumsOfExact, monthSumsOfSmall, type MonthSums } from '../../money/monthSums.js';
import { PRESETS, type Policy, type PresetId } from '../../policy/index.js';
import { knownAt, parsePortfolio, type Project } from '../../portfolio/index.js';
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

// Sums in doubles at one scale, when every one is a plain decimal of at most 15 digits and fits.
function smallSums(amounts: readonly Amount[]): MonthSums | undefined {
  const xs = amounts.map((a) => smallExact(a));
  if (xs.some((x) => x === undefined)) return undefined;
  const e = Math.max(0, ...xs.map((x) => x?.e ?? 0));
  const totals = xs.map((x) => (x?.n ?? 0) * 10 ** (e - (x?.e ?? 0)));
  return totals.every((n) => Number.isSafeInteger(n)) ? monthSumsOfSmall({ totals, e }) : undefined;
}

const TWELVE = Array.from({ length: 12 }, (_, i) => i);

describe('rankingBuckets', () => {
  it('goes on exactly in bigints when a department’s sums in doubles leave the safe integers', () => {
    const run = (n: number): MonthSums => monthSumsOfSmall({ totals: TWELVE.map(() => n), e: 0 });
    const buckets = rankingBuckets(['2025-03' as YearMonth], false);
    const project = (id: string, annualPlan: string): Project => ({ id, departmentId: 'D-1', annualPlan }) as unknown as Project;
    buckets.add(project('P-1', '999999999999999'), run(999999999999999), run(Number.MAX_SAFE_INTEGER));
    // Scaling 999999999999999 to 2 decimals, and 2^53 - 1 + 1, leave the safe integers.
    buckets.add(project('P-2', '0.25'), monthSumsOf(TWELVE.map(() => '0.25' as Amount)), run(1));
    const [bucket] = buckets.projects();
    expect(bucket?.annualPlan).toBe('999999999999999.25');
    expect(bucket?.ledger.months[0]?.investment).toBe('999999999999999.25');
    expect(bucket?.reports[0]?.investment).toBe('9007199254740992');
  });

  test.prop([
    arbPortfolioDocument({ withSupervisionRecords: true }).chain((d) => fc.tuple(fc.constant(d), arbAsOf(d.year), arbPolicy)),
    fc.array(fc.constantFrom('text', 'exact', 'small'), { minLength: 1 }),
  ])('quarterlyRanking on the buckets equals quarterlyRanking on the projects', ([doc, asOfText, policy], forms) => {
    const asOf = parseCalendarDate(asOfText);
    const known = knownAt(parsePortfolio(doc), asOf);
    const quarters = rankedQuarters(known.year, evaluatedMonth(known.year, asOf));
    const buckets = rankingBuckets(quarters.map(lastMonthOf), policy.ranking.aggregation === 'meanOfProjectRates');
    // The sums as text (the decimal.js path), as scaled integers or in doubles, mixed within one department.
    const sums = (amounts: readonly Amount[], k: number): MonthSums => {
      const form = forms[k % forms.length];
      if (form === 'text') return monthSumsOf(amounts);
      return (form === 'small' && smallSums(amounts)) || monthSumsOfExact(amounts.map((a) => exactOf(a)));
    };
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

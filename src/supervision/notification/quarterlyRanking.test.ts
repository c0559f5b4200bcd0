import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { doc, project, report, reportsUpTo, type RawProject } from '../../../test/fixtures/builders.js';
import { checked } from '../../../test/fixtures/supervision.js';
import { parseCalendarDate, parseQuarter, parseYearMonth, type CalendarDate, type Quarter } from '../../calendar/index.js';
import { HANDAN_2018, type Policy } from '../../policy/index.js';
import { parsePortfolio, type IssuedNotification } from '../../portfolio/index.js';
import { figureOf } from '../../money/figure.js';
import type { RankingEntry, RankingTotal } from './quarterlyRanking.js';
import {
  bottomFindings,
  quarterlyRanking,
  rankedQuarters,
  rankingOfSums,
  type QuarterlyNotification,
  type RankingSums,
} from './quarterlyRanking.js';

const ledgerOf = (amounts: Record<number, string>): RawProject['ledger'] => ({
  submittedOn: '2025-02-20',
  months: Object.entries(amounts).map(([m, investment]) => ({ month: `2025-${m.padStart(2, '0')}`, investment })),
});

const monthly = (amount: string): RawProject['ledger'] =>
  ledgerOf(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i + 1, amount])));

// A project of department `dept`: plan 100 a month (1200 a year); `q1` = its investment reported over January–March.
function p(id: string, dept: string, q1: string, extra: Partial<RawProject> = {}): RawProject {
  return project(id, [report(1, '0'), report(2, '0'), report(3, q1)], { departmentId: dept, ...extra });
}

const ranking = (r: Partial<Policy['ranking']>, extra: Partial<Policy> = {}): Policy => ({
  ...HANDAN_2018,
  ...extra,
  ranking: { ...HANDAN_2018.ranking, ...r },
});

const line = (rank: number, departmentId: string, planned: string, completed: string, ratePct: string) => ({
  rank,
  departmentId,
  planned,
  completed,
  ratePct,
});

const letter = (quarter: string, rank: number, departmentId: string, planned: string, completed: string, ratePct: string) => ({
  quarter,
  departmentId,
  rank,
  ratePct,
  planned,
  completed,
});

// Rates: A 100 %, B 50 %, C 80 %, D 90 %, E 110 %.
const FIVE = (): RawProject[] => [p('PE', 'E', '330'), p('PC', 'C', '240'), p('PA', 'A', '300'), p('PD', 'D', '270'), p('PB', 'B', '150')];

const Q1 = parseQuarter('2025Q1');
const Q2 = parseQuarter('2025Q2');

// A department's project: plan 100 a month; `q1` = its completed investment over January–March.
function dept(id: string, q1: string, extra: Partial<RawProject> = {}): RawProject {
  return project(`P-${id}`, [report(1, '0'), report(2, '0'), report(3, q1)], { departmentId: id, ...extra });
}

// The notification without the gap to the time schedule (of each row and of the city): these tests are
// about the ranking (the gap has tests of its own, below).
function rank(
  projects: RawProject[],
  departments: string[],
  policy: Policy = HANDAN_2018,
  quarter: Quarter = Q1,
): Omit<QuarterlyNotification, 'total'> {
  const d = doc(projects, { departments: departments.map((id) => ({ id, name: id, leaderId: 'L2' })) });
  const { total: _total, ...n } = quarterlyRanking(parsePortfolio(d), quarter, policy);
  return { ...n, ranking: n.ranking.map(({ timeProgressPct: _p, timeGapPp: _g, ...r }) => r as RankingEntry) };
}

describe('the gap to the time schedule (时间进度)', () => {
  it('is the share of the year elapsed, and completed ÷ annual plan minus it, in points', () => {
    const d = doc([dept('A', '300'), dept('B', '450'), dept('Z', '0', { annualPlan: '0', ledger: { months: [] } })], {
      departments: ['A', 'B', 'Z'].map((id) => ({ id, name: id, leaderId: 'L2' })),
    });
    const n = quarterlyRanking(parsePortfolio(d), Q1, HANDAN_2018);
    // Annual plan 1200: 300 is 25 % of it, on the time schedule of 3/12; 450 is 12.5 points ahead.
    expect(n.ranking.map((r) => [r.departmentId, r.timeProgressPct, r.timeGapPp])).toEqual([
      ['B', '25.00', '12.50'],
      ['A', '25.00', '0.00'],
    ]);
    // The city as a whole: 300 + 450 + 0 of 1200 + 1200 + 0.
    expect(n.total).toEqual({ annualPlan: '2400', completed: '750', progressPct: '31.25', timeProgressPct: '25.00', timeGapPp: '6.25' });
    const q2 = quarterlyRanking(parsePortfolio(d), Q2, ranking({ rateDecimals: 1 }));
    expect(q2.ranking.map((r) => [r.departmentId, r.timeProgressPct, r.timeGapPp])).toEqual([
      ['B', '50.0', '-12.5'],
      ['A', '50.0', '-25.0'],
    ]);
  });
});

describe('quarterlyRanking (3.1)', () => {
  it('rates completed against the ledger plan to date and ranks highest first', () => {
    const n = rank([dept('A', '300'), dept('B', '150'), dept('C', '240')], ['A', 'B', 'C']);
    expect(n.ranking).toEqual([
      { rank: 1, departmentId: 'A', planned: '300', completed: '300', ratePct: '100.00' },
      { rank: 2, departmentId: 'C', planned: '300', completed: '240', ratePct: '80.00' },
      { rank: 3, departmentId: 'B', planned: '300', completed: '150', ratePct: '50.00' },
    ]);
  });

  it('gives equal rates the same rank (1, 2, 2, 4)', () => {
    const n = rank([dept('A', '300'), dept('B', '200'), dept('C', '200'), dept('D', '100')], ['A', 'B', 'C', 'D']);
    expect(n.ranking.map((r) => `${r.rank}${r.departmentId}`)).toEqual(['1A', '2B', '2C', '4D']);
  });

  it('puts every department tied with the third-lowest rate in the bottom', () => {
    const n = rank([dept('A', '300'), dept('B', '200'), dept('C', '200'), dept('D', '200'), dept('E', '100')], ['A', 'B', 'C', 'D', 'E']);
    expect(n.bottom).toEqual(['B', 'C', 'D', 'E']);
    expect(n.reminderLetters.map((l) => l.departmentId)).toEqual(['B', 'C', 'D', 'E']);
  });

  it('puts everyone in the bottom when all are tied or fewer than three are ranked', () => {
    expect(rank([dept('A', '200'), dept('B', '200'), dept('C', '200'), dept('D', '200')], ['A', 'B', 'C', 'D']).bottom).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
    expect(rank([dept('A', '300'), dept('B', '100')], ['A', 'B']).bottom).toEqual(['A', 'B']);
  });

  it('excludes departments with no projects or nothing planned', () => {
    const zero = dept('Z', '0', { ledger: { submittedOn: '2025-02-20', months: [{ month: '2025-06', investment: '1200' }] } });
    const n = rank([dept('A', '300'), zero], ['A', 'N', 'Z']);
    expect(n.excluded).toEqual([
      { departmentId: 'N', reason: 'noPlan' },
      { departmentId: 'Z', reason: 'noPlan' },
    ]);
    expect(n.ranking.map((r) => r.departmentId)).toEqual(['A']);
  });

  it('sums amounts first, then divides (a big project weighs more than a small one)', () => {
    const big = dept('A', '300');
    const small = project('P-A2', [report(1, '0'), report(2, '0'), report(3, '0')], {
      departmentId: 'A',
      annualPlan: '12',
      ledger: {
        submittedOn: '2025-02-20',
        months: Array.from({ length: 12 }, (_, i) => ({ month: `2025-${String(i + 1).padStart(2, '0')}`, investment: '1' })),
      },
    });
    const n = rank([big, small], ['A']);
    expect(n.ranking[0]).toMatchObject({ planned: '303', completed: '300', ratePct: '99.01' });
    const mean = rank([big, small], ['A'], { ...HANDAN_2018, ranking: { ...HANDAN_2018.ranking, aggregation: 'meanOfProjectRates' } });
    expect(mean.ranking[0]?.ratePct).toBe('50.00');
  });

  it('offers the annual plan and the pro-rata annual plan as denominators', () => {
    const a = rank([dept('A', '300')], ['A'], { ...HANDAN_2018, ranking: { ...HANDAN_2018.ranking, denominator: 'annualPlan' } });
    expect(a.ranking[0]).toMatchObject({ planned: '1200', ratePct: '25.00' });
    const p = rank([dept('A', '290')], ['A'], { ...HANDAN_2018, ranking: { ...HANDAN_2018.ranking, denominator: 'proRataAnnual' } });
    expect(p.ranking[0]).toMatchObject({ planned: '300', ratePct: '96.67' });
  });

  it('spares departments at or above plan with exemptAtOrAbovePlan', () => {
    const policy = { ...HANDAN_2018, ranking: { ...HANDAN_2018.ranking, exemptAtOrAbovePlan: true } };
    const n = rank([dept('A', '300'), dept('B', '330'), dept('C', '240')], ['A', 'B', 'C'], policy);
    expect(n.bottom).toEqual(['C']);
    expect(rank([dept('A', '300'), dept('B', '330'), dept('C', '240')], ['A', 'B', 'C']).bottom).toEqual(['A', 'B', 'C']);
  });

  it('ranks a quarter only once its last month is evaluated', () => {
    expect(rankedQuarters(2025, parseYearMonth('2025-02'))).toEqual([]);
    expect(rankedQuarters(2025, parseYearMonth('2025-03'))).toEqual(['2025Q1']);
    expect(rankedQuarters(2025, parseYearMonth('2025-11'))).toEqual(['2025Q1', '2025Q2', '2025Q3']);
    expect(rankedQuarters(2025, null)).toEqual([]);
  });

  it('counts only the reports for months up to the quarter end', () => {
    const p = project('P-A', [...reportsUpTo(3), report(4, '5000')], { departmentId: 'A' });
    expect(rank([p], ['A']).ranking[0]?.completed).toBe('300');
  });

  it('puts an issued notice into the evidence and says whether it matches', () => {
    const n = rank([dept('A', '300'), dept('B', '150'), dept('C', '240'), dept('D', '290')], ['A', 'B', 'C', 'D']);
    expect(n.bottom).toEqual(['B', 'C', 'D']);
    const issued = (bottom: string[]) => ({ quarter: Q1, issuedOn: '2025-04-20' as CalendarDate, bottom });
    const same = bottomFindings(n, issued(['D', 'C', 'B']));
    expect(same[0]).toMatchObject({ rule: '3.1', subject: { kind: 'portfolio', id: '2025Q1' }, severity: 'info' });
    expect(same.slice(1).map((f) => f.evidence['issuedNotice'])).toEqual(
      Array(3).fill({ issuedOn: '2025-04-20', bottom: ['B', 'C', 'D'] }),
    );
    const differs = bottomFindings(n, issued(['A']));
    expect(differs[0]?.severity).toBe('warning');
    expect(differs[0]?.evidence).toMatchObject({ issuedBottom: ['A'], computedBottom: ['B', 'C', 'D'] });
    expect(bottomFindings(n).map((f) => f.subject.id)).toEqual(['B', 'C', 'D']);
  });

  describe('ranks, ties and exclusions', () => {
    it('ranks highest rate first, ties by id, lists excluded departments by id, whatever the input order', () => {
      const projects = [
        p('P-E', 'E', '330'),
        p('P-Z', 'Z', '0', { ledger: ledgerOf({ 6: '1200' }) }),
        p('P-C', 'C', '240'),
        p('P-A', 'A', '300'),
        p('P-D', 'D', '240'),
        p('P-B', 'B', '150'),
      ];
      const expected = {
        quarter: '2025Q1',
        ranking: [
          line(1, 'E', '300', '330', '110.00'),
          line(2, 'A', '300', '300', '100.00'),
          line(3, 'C', '300', '240', '80.00'),
          line(3, 'D', '300', '240', '80.00'),
          line(5, 'B', '300', '150', '50.00'),
        ],
        bottom: ['B', 'C', 'D'],
        excluded: [
          { departmentId: 'N', reason: 'noPlan' },
          { departmentId: 'Z', reason: 'noPlan' },
        ],
        reminderLetters: [
          letter('2025Q1', 5, 'B', '300', '150', '50.00'),
          letter('2025Q1', 3, 'C', '300', '240', '80.00'),
          letter('2025Q1', 3, 'D', '300', '240', '80.00'),
        ],
      };
      expect(rank(projects, ['Z', 'E', 'N', 'C', 'A', 'D', 'B'])).toEqual(expected);
      expect(rank([...projects].reverse(), ['B', 'D', 'A', 'C', 'N', 'E', 'Z'])).toEqual(expected);
    });

    it('shares a rank among equal rates at the top (1, 1, 1, 4) and gives the next its position', () => {
      const n = rank([p('PD', 'D', '150'), p('PC', 'C', '300'), p('PB', 'B', '300'), p('PA', 'A', '300')], ['D', 'C', 'B', 'A']);
      expect(n.ranking).toEqual([
        line(1, 'A', '300', '300', '100.00'),
        line(1, 'B', '300', '300', '100.00'),
        line(1, 'C', '300', '300', '100.00'),
        line(4, 'D', '300', '150', '50.00'),
      ]);
      expect(n.bottom).toEqual(['A', 'B', 'C', 'D']);
    });

    it('compares exact rates, shows them rounded half away from zero, and ranks a negative rate last', () => {
      const n = rank([p('PC', 'C', '-3'), p('PB', 'B', '0.375'), p('PA', 'A', '200'), p('PD', 'D', '200.01')], ['A', 'B', 'C', 'D']);
      expect(n.ranking).toEqual([
        line(1, 'D', '300', '200.01', '66.67'),
        line(2, 'A', '300', '200', '66.67'),
        line(3, 'B', '300', '0.375', '0.13'),
        line(4, 'C', '300', '-3', '-1.00'),
      ]);
      expect(n.bottom).toEqual(['A', 'B', 'C']);
    });

    it('sums every project of a department, and only the reports up to the quarter end', () => {
      const n = rank(
        [p('P1', 'A', '300'), project('P2', [report(1, '50'), report(2, '50'), report(3, '50'), report(4, '9000')], { departmentId: 'A' })],
        ['A'],
      );
      expect(n.ranking).toEqual([line(1, 'A', '600', '450', '75.00')]);
    });

    it('gives an empty notification when nothing is ranked', () => {
      expect(rank([p('PZ', 'Z', '50', { ledger: ledgerOf({ 4: '1200' }) })], ['Z', 'N'])).toEqual({
        quarter: '2025Q1',
        ranking: [],
        bottom: [],
        excluded: [
          { departmentId: 'N', reason: 'noPlan' },
          { departmentId: 'Z', reason: 'noPlan' },
        ],
        reminderLetters: [],
      });
      expect(rank([], [])).toEqual({ quarter: '2025Q1', ranking: [], bottom: [], excluded: [], reminderLetters: [] });
    });
  });

  describe('bottom three', () => {
    it('takes every department with a rate at or below the third lowest, by id', () => {
      expect(HANDAN_2018.ranking.bottomCount).toBe(3);
      const n = rank(FIVE(), ['A', 'B', 'C', 'D', 'E']);
      expect(n.bottom).toEqual(['B', 'C', 'D']);
      expect(n.reminderLetters).toEqual([
        letter('2025Q1', 5, 'B', '300', '150', '50.00'),
        letter('2025Q1', 4, 'C', '300', '240', '80.00'),
        letter('2025Q1', 3, 'D', '300', '270', '90.00'),
      ]);
    });

    it('keeps repeats: every department tied with the third lowest is in the bottom', () => {
      const tied = [p('PE', 'E', '240'), p('PC', 'C', '240'), p('PA', 'A', '300'), p('PD', 'D', '240'), p('PB', 'B', '150')];
      expect(rank(tied, ['A', 'B', 'C', 'D', 'E']).bottom).toEqual(['B', 'C', 'D', 'E']);
      const twoLow = [p('PC', 'C', '150'), p('PA', 'A', '300'), p('PD', 'D', '270'), p('PB', 'B', '150')];
      expect(rank(twoLow, ['A', 'B', 'C', 'D']).bottom).toEqual(['B', 'C', 'D']);
    });

    it('takes the bottom count from the policy, capped at the number ranked', () => {
      const all = ['A', 'B', 'C', 'D', 'E'];
      expect(rank(FIVE(), all, ranking({ bottomCount: 1 })).bottom).toEqual(['B']);
      expect(rank(FIVE(), all, ranking({ bottomCount: 2 })).bottom).toEqual(['B', 'C']);
      expect(rank(FIVE(), all, ranking({ bottomCount: 4 })).bottom).toEqual(['A', 'B', 'C', 'D']);
      expect(rank(FIVE(), all, ranking({ bottomCount: 5 })).bottom).toEqual(['A', 'B', 'C', 'D', 'E']);
      expect(rank(FIVE(), all, ranking({ bottomCount: 100 })).bottom).toEqual(['A', 'B', 'C', 'D', 'E']);
    });

    it('puts every ranked department in the bottom when fewer than three are ranked', () => {
      const n = rank([p('PB', 'B', '150'), p('PA', 'A', '300')], ['N', 'B', 'A']);
      expect(n.bottom).toEqual(['A', 'B']);
      expect(n.reminderLetters).toEqual([
        letter('2025Q1', 1, 'A', '300', '300', '100.00'),
        letter('2025Q1', 2, 'B', '300', '150', '50.00'),
      ]);
    });

    it('spares rates at or above 100 % only with exemptAtOrAbovePlan', () => {
      expect(HANDAN_2018.ranking.exemptAtOrAbovePlan).toBe(false);
      const three = [p('PC', 'C', '330'), p('PB', 'B', '299.97'), p('PA', 'A', '300')];
      expect(rank(three, ['A', 'B', 'C']).bottom).toEqual(['A', 'B', 'C']);
      expect(rank(three, ['A', 'B', 'C'], ranking({ exemptAtOrAbovePlan: false })).bottom).toEqual(['A', 'B', 'C']);
      const exempt = rank(three, ['A', 'B', 'C'], ranking({ exemptAtOrAbovePlan: true }));
      expect(exempt.bottom).toEqual(['B']);
      expect(exempt.reminderLetters).toEqual([letter('2025Q1', 3, 'B', '300', '299.97', '99.99')]);
      const above = rank([p('PC', 'C', '330'), p('PA', 'A', '300')], ['A', 'C'], ranking({ exemptAtOrAbovePlan: true }));
      expect(above).toMatchObject({ bottom: [], reminderLetters: [] });
      expect(above.ranking).toHaveLength(2);
    });
  });

  describe('denominators', () => {
    // Plan 50 a month to June, 150 a month after (1200 a year); 50 reported each month to June.
    const skewed = (id: string, dept: string): RawProject =>
      project(
        id,
        Array.from({ length: 6 }, (_, i) => report(i + 1, '50')),
        {
          departmentId: dept,
          ledger: ledgerOf({
            1: '50',
            2: '50',
            3: '50',
            4: '50',
            5: '50',
            6: '50',
            7: '150',
            8: '150',
            9: '150',
            10: '150',
            11: '150',
            12: '150',
          }),
        },
      );
    // Nothing planned until December.
    const late = (id: string, dept: string): RawProject =>
      project(id, [report(1, '0'), report(2, '0'), report(3, '0')], { departmentId: dept, ledger: ledgerOf({ 12: '1200' }) });

    it('uses the ledger plan to the quarter end by default', () => {
      expect(HANDAN_2018.ranking.denominator).toBe('ytdLedgerPlan');
      expect(rank([skewed('PA', 'A'), late('PY', 'Y')], ['A', 'Y'], HANDAN_2018, Q2)).toEqual({
        quarter: '2025Q2',
        ranking: [line(1, 'A', '300', '300', '100.00')],
        bottom: ['A'],
        excluded: [{ departmentId: 'Y', reason: 'noPlan' }],
        reminderLetters: [letter('2025Q2', 1, 'A', '300', '300', '100.00')],
      });
      expect(rank([skewed('PA', 'A')], ['A'], ranking({ denominator: 'ytdLedgerPlan' }), Q2).ranking).toEqual([
        line(1, 'A', '300', '300', '100.00'),
      ]);
    });

    it('shows the ledger plan and the annual plan exactly, unrounded', () => {
      const fine = p('PF', 'F', '0.375', { annualPlan: '1.505', ledger: monthly('0.125') });
      expect(rank([fine], ['F']).ranking).toEqual([line(1, 'F', '0.375', '0.375', '100.00')]);
      expect(rank([fine], ['F'], ranking({ denominator: 'annualPlan' })).ranking).toEqual([line(1, 'F', '1.505', '0.375', '24.92')]);
    });

    it('uses the annual plan', () => {
      expect(rank([skewed('PA', 'A'), late('PY', 'Y')], ['A', 'Y'], ranking({ denominator: 'annualPlan' }), Q2).ranking).toEqual([
        line(1, 'A', '1200', '300', '25.00'),
        line(2, 'Y', '1200', '0', '0.00'),
      ]);
    });

    it('uses annualPlan × month / 12, rounding the shown plan but not the rate', () => {
      expect(rank([skewed('PA', 'A'), late('PY', 'Y')], ['A', 'Y'], ranking({ denominator: 'proRataAnnual' }), Q2).ranking).toEqual([
        line(1, 'A', '600', '300', '50.00'),
        line(2, 'Y', '600', '0', '0.00'),
      ]);
      expect(rank([late('PY', 'Y')], ['Y'], ranking({ denominator: 'proRataAnnual' }), Q1).ranking).toEqual([
        line(1, 'Y', '300', '0', '0.00'),
      ]);
      // 1.1 × 3 / 12 = 0.275; 0.11 / 0.275 = 40 %.
      const small = p('PS', 'S', '0.11', { annualPlan: '1.1' });
      expect(HANDAN_2018.forecast.decimals).toBe(2);
      expect(rank([small], ['S'], ranking({ denominator: 'proRataAnnual' })).ranking).toEqual([line(1, 'S', '0.28', '0.11', '40.00')]);
      expect(rank([small], ['S'], ranking({ denominator: 'proRataAnnual' }, { forecast: { decimals: 3 } })).ranking).toEqual([
        line(1, 'S', '0.275', '0.11', '40.00'),
      ]);
    });

    it('excludes a department whose annual plan is 0 under the annual denominators', () => {
      const zero = p('PZ', 'Z', '300', { annualPlan: '0' });
      for (const denominator of ['annualPlan', 'proRataAnnual'] as const) {
        expect(rank([zero], ['Z'], ranking({ denominator })).excluded).toEqual([{ departmentId: 'Z', reason: 'noPlan' }]);
      }
      expect(rank([zero], ['Z']).ranking).toEqual([line(1, 'Z', '300', '300', '100.00')]);
    });
  });

  describe('aggregation', () => {
    // A: rates 1, 0.5 and 0.3 (plans 300, 300, 30); B: 0.8, plus 30 reported on a project with nothing planned yet.
    const projects = (): RawProject[] => [
      p('PA1', 'A', '300'),
      p('PA2', 'A', '150'),
      p('PA3', 'A', '9', { annualPlan: '120', ledger: monthly('10') }),
      p('PB1', 'B', '30', { ledger: ledgerOf({ 12: '1200' }) }),
      p('PB2', 'B', '240'),
      p('PC1', 'C', '10', { ledger: ledgerOf({ 12: '1200' }) }),
    ];

    it('sums the amounts before dividing by default', () => {
      expect(HANDAN_2018.ranking.aggregation).toBe('sumOfAmounts');
      const expected = [line(1, 'B', '300', '270', '90.00'), line(2, 'A', '630', '459', '72.86')];
      expect(rank(projects(), ['A', 'B', 'C']).ranking).toEqual(expected);
      expect(rank(projects(), ['A', 'B', 'C'], ranking({ aggregation: 'sumOfAmounts' })).ranking).toEqual(expected);
    });

    it('averages the project rates over the projects with something planned to date', () => {
      expect(rank(projects(), ['A', 'B', 'C'], ranking({ aggregation: 'meanOfProjectRates' }))).toEqual({
        quarter: '2025Q1',
        ranking: [line(1, 'B', '300', '270', '80.00'), line(2, 'A', '630', '459', '60.00')],
        bottom: ['A', 'B'],
        excluded: [{ departmentId: 'C', reason: 'noPlan' }],
        reminderLetters: [letter('2025Q1', 2, 'A', '630', '459', '60.00'), letter('2025Q1', 1, 'B', '300', '270', '80.00')],
      });
    });

    it('averages against the annual plan, leaving out projects with nothing planned to date or an annual plan of 0', () => {
      const mixed = [
        p('PA1', 'A', '300'),
        p('PA2', 'A', '0', { ledger: ledgerOf({ 12: '1200' }) }),
        p('PB1', 'B', '300', { annualPlan: '0' }),
        project('PB2', [report(1, '200'), report(2, '200'), report(3, '200')], { departmentId: 'B' }),
      ];
      expect(rank(mixed, ['A', 'B'], ranking({ denominator: 'annualPlan', aggregation: 'meanOfProjectRates' })).ranking).toEqual([
        line(1, 'B', '1200', '900', '50.00'),
        line(2, 'A', '2400', '300', '25.00'),
      ]);
      expect(rank(mixed, ['A', 'B'], ranking({ denominator: 'annualPlan' })).ranking).toEqual([
        line(1, 'B', '1200', '900', '75.00'),
        line(2, 'A', '2400', '300', '12.50'),
      ]);
    });

    it('averages against the pro-rata annual plan', () => {
      const two = [p('PA1', 'A', '300'), p('PA2', 'A', '300', { annualPlan: '2400', ledger: monthly('200') })];
      expect(rank(two, ['A'], ranking({ denominator: 'proRataAnnual', aggregation: 'meanOfProjectRates' })).ranking).toEqual([
        line(1, 'A', '900', '600', '75.00'),
      ]);
      expect(rank(two, ['A'], ranking({ denominator: 'proRataAnnual' })).ranking).toEqual([line(1, 'A', '900', '600', '66.67')]);
    });
  });
});

describe('rankedQuarters', () => {
  it('lists the quarters whose last month is at or before m', () => {
    expect(rankedQuarters(2025, null)).toEqual([]);
    expect(rankedQuarters(2025, parseYearMonth('2025-02'))).toEqual([]);
    expect(rankedQuarters(2025, parseYearMonth('2025-03'))).toEqual(['2025Q1']);
    expect(rankedQuarters(2025, parseYearMonth('2025-05'))).toEqual(['2025Q1']);
    expect(rankedQuarters(2025, parseYearMonth('2025-06'))).toEqual(['2025Q1', '2025Q2']);
    expect(rankedQuarters(2025, parseYearMonth('2025-12'))).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
  });
});

describe('bottomFindings', () => {
  const n = rank(FIVE(), ['A', 'B', 'C', 'D', 'E']);
  const issued = (bottom: string[]): IssuedNotification => ({ quarter: Q1, issuedOn: parseCalendarDate('2025-04-20'), bottom });
  const reminder = (id: string, rank: number, completed: string, ratePct: string, extra: Record<string, unknown> = {}) => ({
    rule: '3.1',
    subject: { kind: 'department', id },
    severity: 'warning',
    evidence: { quarter: '2025Q1', rank, ratePct, planned: '300', completed, ranked: 5, ...extra },
  });

  it('writes one reminder finding per bottom department, without a notice when none was issued', () => {
    const findings = bottomFindings(n).map(checked);
    expect(findings).toStrictEqual([reminder('B', 5, '150', '50.00'), reminder('C', 4, '240', '80.00'), reminder('D', 3, '270', '90.00')]);
  });

  it('compares an issued notice (sorted) with the recomputed bottom, and puts it in every reminder', () => {
    const same = bottomFindings(n, issued(['D', 'B', 'C']));
    const notice = { issuedOn: '2025-04-20', bottom: ['B', 'C', 'D'] };
    expect(same.map(checked)).toStrictEqual([
      {
        rule: '3.1',
        subject: { kind: 'portfolio', id: '2025Q1' },
        severity: 'info',
        evidence: { quarter: '2025Q1', issuedOn: '2025-04-20', issuedBottom: ['B', 'C', 'D'], computedBottom: ['B', 'C', 'D'] },
      },
      reminder('B', 5, '150', '50.00', { issuedNotice: notice }),
      reminder('C', 4, '240', '80.00', { issuedNotice: notice }),
      reminder('D', 3, '270', '90.00', { issuedNotice: notice }),
    ]);
    const differs = bottomFindings(n, issued(['E', 'A']));
    const other = { issuedOn: '2025-04-20', bottom: ['A', 'E'] };
    expect(differs.map(checked)).toStrictEqual([
      {
        rule: '3.1',
        subject: { kind: 'portfolio', id: '2025Q1' },
        severity: 'warning',
        evidence: { quarter: '2025Q1', issuedOn: '2025-04-20', issuedBottom: ['A', 'E'], computedBottom: ['B', 'C', 'D'] },
      },
      reminder('B', 5, '150', '50.00', { issuedNotice: other }),
      reminder('C', 4, '240', '80.00', { issuedNotice: other }),
      reminder('D', 3, '270', '90.00', { issuedNotice: other }),
    ]);
    expect(same[0]?.message).not.toEqual(differs[0]?.message);
  });

  it('compares the lists element by element, not as one string', () => {
    const total = { annualPlan: '0', completed: '0', progressPct: null, timeProgressPct: '25.00', timeGapPp: null } as RankingTotal;
    const made: QuarterlyNotification = { quarter: Q1, ranking: [], total, bottom: ['AB', 'C'], excluded: [], reminderLetters: [] };
    expect(bottomFindings(made, issued(['BC', 'A']))[0]?.severity).toBe('warning');
    expect(bottomFindings(made, issued(['C', 'AB']))[0]?.severity).toBe('info');
    const none: QuarterlyNotification = { quarter: Q2, ranking: [], total, bottom: [], excluded: [], reminderLetters: [] };
    expect(bottomFindings(none, { quarter: Q2, issuedOn: parseCalendarDate('2025-07-20'), bottom: [] }).map(checked)).toStrictEqual([
      {
        rule: '3.1',
        subject: { kind: 'portfolio', id: '2025Q2' },
        severity: 'info',
        evidence: { quarter: '2025Q2', issuedOn: '2025-07-20', issuedBottom: [], computedBottom: [] },
      },
    ]);
    expect(bottomFindings(none)).toEqual([]);
  });
});

describe('ranking options (ties, compareOn, rateDecimals)', () => {
  // Departments with plan and completion chosen so that equal and nearly equal rates are common.
  const sums = fc.uniqueArray(
    fc.record({
      departmentId: fc.constantFrom<string>('D-a', 'D-b', 'D-c', 'D-d', 'D-e', 'D-f', 'D-g', 'D-h'),
      plan: fc.constantFrom('100', '300', '700', '1000', '1200'),
      done: fc.integer({ min: 0, max: 1500 }).map((n) => String(n)),
    }),
    { selector: (r) => r.departmentId, minLength: 1 },
  );
  const options = fc.record({
    ties: fc.constantFrom('competition' as const, 'dense' as const),
    compareOn: fc.constantFrom('exact' as const, 'displayed' as const),
    rateDecimals: fc.integer({ min: 0, max: 4 }),
  });
  const rank = (
    rows: readonly { departmentId: string; plan: string; done: string }[],
    o: Partial<Policy['ranking']>,
  ): QuarterlyNotification => {
    const policy: Policy = { ...HANDAN_2018, ranking: { ...HANDAN_2018.ranking, ...o } };
    const s: RankingSums[] = rows.map((r) => ({
      departmentId: r.departmentId,
      annualPlan: figureOf(r.plan),
      plannedToDate: figureOf(r.plan),
      completedToDate: figureOf(r.done),
    }));
    return rankingOfSums(
      rows.map((r) => r.departmentId),
      s,
      parseQuarter('2025Q1'),
      policy,
    );
  };
  // The compared value of a row: its exact rate as a number pair, or its printed rate.
  const better = (o: { compareOn: 'exact' | 'displayed' }, a: { plan: string; done: string; pct: string }, b: typeof a): boolean =>
    o.compareOn === 'exact' ? BigInt(a.done) * BigInt(b.plan) > BigInt(b.done) * BigInt(a.plan) : Number(a.pct) > Number(b.pct);

  test.prop([sums, options])(
    'dense ranks run 1, 2, 3… without gaps; competition ranks are 1 + the number of units strictly better',
    (rows, o) => {
      const n = rank(rows, o);
      const byId = new Map(rows.map((r) => [r.departmentId, r]));
      const withPct = n.ranking.map((e) => ({ ...e, ...(byId.get(e.departmentId) as (typeof rows)[number]), pct: e.ratePct }));
      const ranks = n.ranking.map((e) => e.rank);
      expect(ranks[0]).toBe(1);
      if (o.ties === 'dense') {
        expect(new Set(ranks)).toEqual(new Set(Array.from({ length: Math.max(...ranks) }, (_, i) => i + 1)));
      } else {
        for (const e of withPct) expect(e.rank).toBe(1 + withPct.filter((x) => better(o, x, e)).length);
      }
      // Ranks never improve down the table, and every printed rate has the asked decimals.
      for (let i = 1; i < ranks.length; i += 1) expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1] as number);
      for (const e of n.ranking) expect(e.ratePct.split('.')[1]?.length ?? 0).toBe(o.rateDecimals);
    },
  );

  test.prop([sums, options])('under displayed, units printed equal share a rank and are bottom together', (rows, o) => {
    const n = rank(rows, { ...o, compareOn: 'displayed' });
    for (const a of n.ranking) {
      for (const b of n.ranking) {
        if (a.ratePct !== b.ratePct) continue;
        expect(a.rank).toBe(b.rank);
        expect(n.bottom.includes(a.departmentId)).toBe(n.bottom.includes(b.departmentId));
      }
    }
  });

  it('ranks 1, 2, 3, 4, 4, 5 dense and 1, 2, 3, 4, 4, 6 by competition', () => {
    const rows = [
      { departmentId: 'D-a', plan: '100', done: '90' },
      { departmentId: 'D-b', plan: '100', done: '80' },
      { departmentId: 'D-c', plan: '100', done: '70' },
      { departmentId: 'D-d', plan: '100', done: '60' },
      { departmentId: 'D-e', plan: '300', done: '180' },
      { departmentId: 'D-f', plan: '100', done: '50' },
    ];
    expect(rank(rows, { ties: 'dense' }).ranking.map((e) => e.rank)).toEqual([1, 2, 3, 4, 4, 5]);
    expect(rank(rows, { ties: 'competition' }).ranking.map((e) => e.rank)).toEqual([1, 2, 3, 4, 4, 6]);
  });

  it('ties units printed equal under displayed, and tells them apart on the exact rate', () => {
    // 21.04 % and 21.0399… % print alike to two decimals.
    const rows = [
      { departmentId: 'D-a', plan: '163400', done: '34379' },
      { departmentId: 'D-b', plan: '100000', done: '21040' },
    ];
    expect(rank(rows, { compareOn: 'displayed' }).ranking.map((e) => [e.departmentId, e.rank, e.ratePct])).toEqual([
      ['D-a', 1, '21.04'],
      ['D-b', 1, '21.04'],
    ]);
    expect(rank(rows, { compareOn: 'exact' }).ranking.map((e) => [e.departmentId, e.rank])).toEqual([
      ['D-b', 1],
      ['D-a', 2],
    ]);
    expect(rank(rows, { rateDecimals: 0 }).ranking.map((e) => e.ratePct)).toEqual(['21', '21']);
  });
});

import { describe, expect, it } from 'vitest';
import { doc, project, report, reportsUpTo, type RawProject } from '../../../test/fixtures/builders.js';
import { parseQuarter, parseYearMonth } from '../../calendar/index.js';
import { HANDAN_2018, type Policy } from '../../policy/index.js';
import { parsePortfolio } from '../../portfolio/index.js';
import { bottomFindings, quarterlyRanking, rankedQuarters } from './quarterlyRanking.js';
import type { CalendarDate } from '../../calendar/index.js';

const Q1 = parseQuarter('2025Q1');

// A department's project: plan 100 a month; `q1` = its completed investment over January–March.
function dept(id: string, q1: string, extra: Partial<RawProject> = {}): RawProject {
  return project(`P-${id}`, [report(1, '0'), report(2, '0'), report(3, q1)], { departmentId: id, ...extra });
}

function rank(projects: RawProject[], departments: string[], policy: Policy = HANDAN_2018) {
  const d = doc(projects, { departments: departments.map((id) => ({ id, name: id, leaderId: 'L2' })) });
  return quarterlyRanking(parsePortfolio(d), Q1, policy);
}

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
});

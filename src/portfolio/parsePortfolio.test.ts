import { describe, expect, it } from 'vitest';
import { doc, project, report, reportsUpTo } from '../../test/fixtures/builders.js';
import { HANDAN_2018 } from '../policy/index.js';
import { ValidationError } from '../validation.js';
import { knownAt } from './knownAt.js';
import { parsePortfolio, safeParsePortfolio, serializePortfolio } from './parsePortfolio.js';
import type { Portfolio } from './types.js';
import type { CalendarDate } from '../calendar/index.js';

const issues = (input: unknown): string[] => {
  const r = safeParsePortfolio(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path} ${i.code}`);
};
const warnings = (input: unknown): string[] => {
  const r = safeParsePortfolio(input);
  return (r.success ? r.warnings : r.error.warnings).map((i) => `${i.path} ${i.code}`);
};

describe('parsePortfolio', () => {
  it('accepts a valid document and canonicalises amounts', () => {
    const p = parsePortfolio(doc([project('P1', [report(1, '100.50')], { annualPlan: '1200.00' })]));
    expect(p.projects[0]?.annualPlan).toBe('1200');
    expect(p.projects[0]?.reports[0]?.investment).toBe('100.5');
  });

  it('reads numbers and strings alike', () => {
    const a = parsePortfolio(doc([project('P1', [report(1, '1234.56')])]));
    const b = parsePortfolio(doc([project('P1', [{ ...report(1, '0'), investment: 1234.56 }])]));
    expect(b).toEqual(a);
  });

  it('throws a ValidationError carrying every issue', () => {
    expect(() => parsePortfolio({})).toThrow(ValidationError);
    try {
      parsePortfolio({});
    } catch (e) {
      expect((e as ValidationError).code).toBe('invalid_document');
      expect((e as ValidationError).issues.map((i) => i.code)).toEqual(Array(7).fill('missing_key'));
    }
  });

  it('reports structural problems with path and code, all at once', () => {
    const bad = doc([
      project(
        'P1',
        [
          { ...report(1, '1'), investment: 'abc' },
          { ...report(2, '1'), submittedOn: '2025-02-30' },
        ],
        {
          annualPlan: '-5',
          ledger: { months: [{ month: '2025-13', investment: '1' }] },
          milestones: [{ id: 'm', kind: 'begin', name: 'x', due: '2025-01-01' }],
        },
      ),
    ]);
    bad['year'] = 2025;
    bad['unit'] = '千元';
    expect(issues(bad)).toEqual([
      '$.projects[0].annualPlan negative_amount',
      '$.projects[0].ledger.months[0].month invalid_month',
      '$.projects[0].milestones[0].kind invalid_value',
      '$.projects[0].reports[0].investment amount_grammar',
      '$.projects[0].reports[1].submittedOn invalid_date',
      '$.unit invalid_value',
    ]);
  });

  it('rejects non-finite and over-long amounts with distinct codes', () => {
    expect(issues(doc([project('P1', [{ ...report(1, '0'), investment: Number.NaN }])]))).toEqual([
      '$.projects[0].reports[0].investment amount_not_finite',
    ]);
    expect(issues(doc([project('P1', [report(1, '1'.repeat(40))])]))).toEqual(['$.projects[0].reports[0].investment amount_out_of_range']);
  });

  it('allows a negative report (a correction) but not a negative plan', () => {
    expect(issues(doc([project('P1', [report(1, '-50')])]))).toEqual([]);
    expect(issues(doc([project('P1', [], { totalInvestment: '-1' })]))).toEqual(['$.projects[0].totalInvestment negative_amount']);
  });

  it('checks references, uniqueness, the year and the single mayor', () => {
    const d = doc(
      [
        project('P1', [report(1, '1'), report(1, '2'), report(1, '3', { achieved: { nope: '2025-01-10' } })], {
          departmentId: 'D9',
          ledger: {
            months: [
              { month: '2024-01', investment: '0' },
              { month: '2024-01', investment: '0' },
            ],
          },
          milestones: [
            { id: 'm', kind: 'start', name: 'a', due: '2025-03-01' },
            { id: 'm', kind: 'completion', name: 'b', due: '2025-12-01' },
          ],
          changes: [{ on: '2025-03-01', subject: 'milestone', milestoneId: 'zz', approvedByPrincipal: true }],
        }),
        project('P1', []),
      ],
      {
        leaders: [
          { id: 'L1', name: 'a', role: 'mayor' },
          { id: 'L2', name: 'b', role: 'mayor' },
        ],
        meetings: [{ level: 'department', on: '2025-01-10', departmentIds: ['D1', 'DX'], form: 'site', chairId: 'LX' }],
        notifications: [
          { quarter: '2025Q1', issuedOn: '2025-04-20', bottom: ['D1'] },
          { quarter: '2025Q1', issuedOn: '2025-04-21', bottom: ['DY'] },
          { quarter: '2024Q4', issuedOn: '2025-01-21', bottom: [] },
        ],
        overrides: [
          { projectId: 'P1', month: '2025-03', colour: 'red', reason: 'x', by: 'y' },
          { projectId: 'P1', month: '2025-03', colour: 'red', reason: 'x', by: 'y' },
          { projectId: 'PX', month: '2026-01', colour: 'red', reason: 'x', by: 'y' },
        ],
      },
    );
    expect(issues(d)).toEqual(
      [
        '$.leaders[1].role multiple_mayors',
        '$.meetings[0].chairId unknown_reference',
        '$.meetings[0].departmentIds[1] unknown_reference',
        '$.notifications[1].bottom[0] unknown_reference',
        '$.notifications[1].quarter duplicate_notification',
        '$.notifications[2].quarter outside_year',
        '$.overrides[1].month duplicate_override',
        '$.overrides[2].month outside_year',
        '$.overrides[2].projectId unknown_reference',
        '$.projects[0].changes[0].milestoneId unknown_reference',
        '$.projects[0].departmentId unknown_reference',
        '$.projects[0].ledger.months[0].month outside_year',
        '$.projects[0].ledger.months[1].month duplicate_month',
        '$.projects[0].ledger.months[1].month outside_year',
        '$.projects[0].milestones[1].id duplicate_id',
        '$.projects[0].reports[2].achieved.nope unknown_reference',
        '$.projects[0].reports[1].month duplicate_month',
        '$.projects[0].reports[2].month duplicate_month',
        '$.projects[1].id duplicate_id',
      ].sort(),
    );
  });

  it('keeps unknown keys and reports them as warnings', () => {
    const d = doc([project('P1', [report(1, '1', { remark: '备注' })], { tag: 'x' })], { extra: { a: 1 } });
    const r = safeParsePortfolio(d);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.warnings.map((w) => `${w.path} ${w.code}`)).toEqual([
      '$.extra unknown_key',
      '$.projects[0].reports[0].remark unknown_key',
      '$.projects[0].tag unknown_key',
    ]);
    expect((r.data as unknown as Record<string, unknown>)['extra']).toEqual({ a: 1 });
    expect((r.data.projects[0] as unknown as Record<string, unknown>)['tag']).toBe('x');
  });

  it('warns about a ledger that does not sum to the annual plan, an error only when required', () => {
    const d = doc([project('P1', [], { annualPlan: '1000' })]);
    expect(warnings(d)).toEqual(['$.projects[0].ledger.months ledger_sum_mismatch']);
    const strict = safeParsePortfolio(d, { policy: { ...HANDAN_2018, ledger: { requireExactSum: true } } });
    expect(strict.success).toBe(false);
    if (!strict.success) expect(strict.error.issues.map((i) => i.code)).toEqual(['ledger_sum_mismatch']);
  });

  it('warns about a project code that is not in the national format, and accepts one that is', () => {
    expect(warnings(doc([project('P1', [], { code: 'HD-0224', annualPlan: '1200' })]))).toEqual([
      '$.projects[0].code invalid_project_code',
    ]);
    expect(warnings(doc([project('P1', [], { code: '2411-130402-89-01-637015' })]))).toEqual([]);
  });

  it('warns about a report without a submission date', () => {
    const d = doc([project('P1', [{ month: '2025-01', investment: '100' }])]);
    expect(warnings(d)).toEqual(['$.projects[0].reports[0].submittedOn report_without_date']);
  });

  it('fails cleanly on input that is not an object', () => {
    for (const x of [null, 42, 'text', [], true]) {
      const r = safeParsePortfolio(x);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
    }
  });

  it('serialises to text that parses back to an equal portfolio', () => {
    const p = parsePortfolio(doc([project('P1', reportsUpTo(3))]));
    expect(parsePortfolio(JSON.parse(serializePortfolio(p)))).toEqual(p);
  });
});

describe('knownAt', () => {
  // Parsed inside each test, so that mutation testing sees which tests cover the parser.
  const sample = (): Portfolio =>
    parsePortfolio(
      doc(
        [
          project('P1', [report(1, '100'), report(2, '100', { achieved: { s: '2025-03-20' } }), { month: '2025-03', investment: '1' }], {
            ledger: { submittedOn: '2025-03-10', months: [{ month: '2025-01', investment: '1200' }] },
            milestones: [{ id: 's', kind: 'start', name: '开工', due: '2025-03-31', achievedOn: '2025-04-02' }],
            stalls: [
              { since: '2025-02-01', until: '2025-03-10', cause: 'objective' },
              { since: '2025-04-01', cause: 'other' },
            ],
            directives: [
              {
                id: 'd',
                issuedOn: '2025-02-01',
                byLeaderId: 'L1',
                requirement: 'x',
                measures: [
                  { on: '2025-02-10', text: 'a' },
                  { on: '2025-03-10', text: 'b' },
                ],
                progress: [],
              },
            ],
          }),
        ],
        { escalations: [{ departmentId: 'D1', raisedOn: '2025-02-01', toLeaderId: 'L2', issue: 'x', resolvedOn: '2025-03-15' }] },
      ),
    );

  it('drops what happened after asOf and keeps the ledger plan', () => {
    const p = sample();
    const k = knownAt(p, '2025-03-05' as CalendarDate);
    const kp = k.projects[0];
    expect(kp?.reports.map((r) => r.month)).toEqual(['2025-01', '2025-02', '2025-03']); // the undated report is known
    expect(kp?.reports[1]?.achieved).toEqual({});
    expect(kp?.ledger.submittedOn).toBeUndefined();
    expect(kp?.ledger.months).toEqual(p.projects[0]?.ledger.months);
    expect(kp?.milestones[0]?.achievedOn).toBeUndefined();
    expect(kp?.stalls).toEqual([{ since: '2025-02-01', cause: 'objective' }]);
    expect(kp?.directives?.[0]?.measures.map((m) => m.text)).toEqual(['a']);
    expect(k.escalations?.[0]?.resolvedOn).toBeUndefined();
  });

  it('keeps everything dated on asOf itself', () => {
    const k = knownAt(sample(), '2025-04-02' as CalendarDate);
    expect(k.projects[0]?.milestones[0]?.achievedOn).toBe('2025-04-02');
    expect(k.projects[0]?.ledger.submittedOn).toBe('2025-03-10');
    expect(k.escalations?.[0]?.resolvedOn).toBe('2025-03-15');
  });
});

import { describe, expect, it } from 'vitest';
import { doc, project, type RawDoc } from '../../test/fixtures/builders.js';
import { evaluate, type Evaluation } from '../evaluate.js';
import { parsePortfolio } from '../portfolio/index.js';

function run(extra: Partial<RawDoc>, asOf: string): Evaluation {
  return evaluate(parsePortfolio(doc([project('P', [])], extra)), { asOf });
}
const missing = (e: Evaluation, rule: string): string[] =>
  e.compliance.filter((c) => c.rule === rule && c.kind === 'meetingMissing').map((c) => `${c.subjectId} ${c.period ?? ''}`);
const meeting = (level: string, on: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  level,
  on,
  departmentIds: ['D1'],
  form: 'collective',
  ...extra,
});

describe('2.1 department monthly scheduling', () => {
  it('asks for a department meeting in every closed month', () => {
    const e = run({ meetings: [meeting('department', '2025-01-10'), meeting('department', '2025-03-31')] }, '2025-04-01');
    expect(missing(e, '2.1')).toEqual(['D1 2025-02']);
  });

  it('does not judge the month in progress, and skips departments without projects', () => {
    const e = run(
      {
        departments: [
          { id: 'D1', name: 'a', leaderId: 'L2' },
          { id: 'D2', name: 'b', leaderId: 'L2' },
        ],
      },
      '2025-01-31',
    );
    expect(missing(e, '2.1')).toEqual([]);
    expect(
      missing(
        run(
          {
            departments: [
              { id: 'D1', name: 'a', leaderId: 'L2' },
              { id: 'D2', name: 'b', leaderId: 'L2' },
            ],
          },
          '2025-02-01',
        ),
        '2.1',
      ),
    ).toEqual(['D1 2025-01']);
  });
});

describe('2.2 city leader bimonthly scheduling', () => {
  it('starts from B2, accepts a meeting chaired by the leader or an unchaired one listing a department', () => {
    expect(missing(run({}, '2025-05-01'), '2.2')).toEqual(['L2 2025-B2']);
    expect(
      missing(run({ meetings: [meeting('cityLeader', '2025-04-30', { chairId: 'L2', departmentIds: [] })] }, '2025-05-01'), '2.2'),
    ).toEqual([]);
    expect(missing(run({ meetings: [meeting('cityLeader', '2025-04-30')] }, '2025-05-01'), '2.2')).toEqual([]);
    expect(missing(run({ meetings: [meeting('cityLeader', '2025-04-30', { chairId: 'L1' })] }, '2025-05-01'), '2.2')).toEqual([
      'L2 2025-B2',
    ]);
  });
});

describe('2.3 mayor quarterly scheduling', () => {
  it('asks for a mayor meeting in every closed quarter, subject the mayor', () => {
    expect(missing(run({}, '2025-03-31'), '2.3')).toEqual([]);
    expect(missing(run({}, '2025-04-01'), '2.3')).toEqual(['L1 2025Q1']);
    expect(missing(run({ meetings: [meeting('mayor', '2025-02-01', { departmentIds: [] })] }, '2025-04-01'), '2.3')).toEqual([]);
  });

  it('names the subject "mayor" when the document has none', () => {
    expect(missing(run({ leaders: [{ id: 'L2', name: '副市长', role: 'cityLeader' }] }, '2025-04-01'), '2.3')).toEqual(['mayor 2025Q1']);
  });
});

describe('2.1 escalations', () => {
  const esc = (raisedOn: string, resolvedOn?: string): Record<string, unknown> => ({
    departmentId: 'D1',
    raisedOn,
    toLeaderId: 'L2',
    issue: '征地受阻',
    ...(resolvedOn !== undefined && { resolvedOn }),
  });
  const open = (e: Evaluation): string[] => e.compliance.filter((c) => c.kind === 'escalationOpen').map((c) => c.subjectId);

  it('reports an escalation open more than 30 days, once per department', () => {
    expect(open(run({ escalations: [esc('2025-08-01')] }, '2025-08-31'))).toEqual([]);
    expect(open(run({ escalations: [esc('2025-08-01')] }, '2025-09-01'))).toEqual(['D1']);
    const e = run({ escalations: [esc('2025-07-01'), esc('2025-08-01')] }, '2025-10-15');
    expect(open(e)).toEqual(['D1']);
    expect((e.compliance.find((c) => c.kind === 'escalationOpen')?.evidence['escalations'] as unknown[]).length).toBe(2);
  });

  it('does not report a resolved escalation, unless it was resolved after asOf', () => {
    expect(open(run({ escalations: [esc('2025-07-01', '2025-09-01')] }, '2025-10-15'))).toEqual([]);
    expect(open(run({ escalations: [esc('2025-07-01', '2025-11-01')] }, '2025-10-15'))).toEqual(['D1']);
  });
});

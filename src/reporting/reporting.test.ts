import { describe, expect, it } from 'vitest';
import { doc, project, report, reportsUpTo, type RawDoc, type RawProject } from '../../test/fixtures/builders.js';
import { evaluate, type Evaluation } from '../evaluate.js';
import { parsePortfolio } from '../portfolio/index.js';

function run(projects: RawProject[], extra: Partial<RawDoc> = {}, asOf = '2025-10-15'): Evaluation {
  return evaluate(parsePortfolio(doc(projects, extra)), { asOf });
}
const gaps = (e: Evaluation, kind: string): string[] =>
  e.compliance.filter((c) => c.kind === kind).map((c) => `${c.subjectId}${c.period === undefined ? '' : ` ${c.period}`}`);

describe('1.1 ledger', () => {
  it('is missing once the end of February has passed without a submission', () => {
    const p = project('P', [], { ledger: { months: [{ month: '2025-01', investment: '1200' }] } });
    expect(gaps(run([p], {}, '2025-02-28'), 'ledgerMissing')).toEqual([]);
    expect(gaps(run([p], {}, '2025-03-01'), 'ledgerMissing')).toEqual(['P']);
  });

  it('is late when submitted after the end of February; in a leap year the 29th is on time', () => {
    const late = project('P', [], { ledger: { submittedOn: '2025-03-01', months: [] } });
    expect(gaps(run([late]), 'ledgerLate')).toEqual(['P']);
    expect(run([late]).compliance.find((c) => c.kind === 'ledgerLate')?.evidence).toEqual({ due: '2025-02-28', submittedOn: '2025-03-01' });
    const leap = doc([project('P', [], { ledger: { submittedOn: '2024-02-29', months: [] } })], { year: 2024 });
    expect(evaluate(parsePortfolio(leap), { asOf: '2024-10-15' }).compliance.filter((c) => c.rule === '1.1')).toEqual([]);
    const leapLate = doc([project('P', [], { ledger: { submittedOn: '2024-03-01', months: [] } })], { year: 2024 });
    expect(
      evaluate(parsePortfolio(leapLate), { asOf: '2024-10-15' })
        .compliance.filter((c) => c.rule === '1.1')
        .map((c) => c.kind),
    ).toEqual(['ledgerLate']);
  });

  it('a submission dated after asOf is not known: still missing', () => {
    const p = project('P', [], { ledger: { submittedOn: '2025-04-01', months: [] } });
    expect(gaps(run([p], {}, '2025-03-15'), 'ledgerMissing')).toEqual(['P']);
  });
});

describe('1.2 monthly reports', () => {
  it('is on time on the due day, late the day after', () => {
    const onTime = project('P', [report(1, '100', { submittedOn: '2025-02-05' })]);
    const late = project('P', [report(1, '100', { submittedOn: '2025-02-06' })]);
    expect(gaps(run([onTime], {}, '2025-02-10'), 'reportLate')).toEqual([]);
    expect(gaps(run([late], {}, '2025-02-10'), 'reportLate')).toEqual(['P 2025-01']);
  });

  it('is missing only once the due day has passed', () => {
    const p = project('P', reportsUpTo(8));
    expect(gaps(run([p], {}, '2025-10-05'), 'reportMissing')).toEqual([]);
    expect(gaps(run([p], {}, '2025-10-06'), 'reportMissing')).toEqual(['P 2025-09']);
  });

  it('treats a report without a date as known and neither late nor missing', () => {
    const p = project('P', [{ month: '2025-01', investment: '100' }]);
    const e = run([p], {}, '2025-02-10');
    expect(e.compliance.filter((c) => c.rule === '1.2' && c.subjectId === 'P')).toEqual([]);
    expect(e.findings.some((f) => f.rule === '1.2' && f.evidence['month'] === '2025-01')).toBe(true);
  });
});

describe('1.2 bureau reviews', () => {
  it('asks each bureau for a review in every closed bimonth', () => {
    const reviews = [
      { bureau: 'finance', on: '2025-02-20' },
      { bureau: 'land', on: '2025-01-15' },
      { bureau: 'approval', on: '2025-03-01' },
    ];
    expect(gaps(run([project('P', [])], { bureauReviews: reviews }, '2025-02-28'), 'reviewMissing')).toEqual([]);
    expect(gaps(run([project('P', [])], { bureauReviews: reviews }, '2025-03-01'), 'reviewMissing')).toEqual(['approval 2025-B1']);
  });
});

describe('1.2 approval warnings', () => {
  const procedure = (due: string, achievedOn?: string): Record<string, unknown> => ({
    id: 'x',
    kind: 'procedure',
    name: '施工许可',
    due,
    ...(achievedOn !== undefined && { achievedOn }),
  });

  it('warns a project not started about a procedure overdue or due within 30 days', () => {
    expect(gaps(run([project('P', reportsUpTo(9), { milestones: [procedure('2025-11-14')] })]), 'approvalWarning')).toEqual(['P']);
    expect(gaps(run([project('P', reportsUpTo(9), { milestones: [procedure('2025-11-15')] })]), 'approvalWarning')).toEqual([]);
    expect(gaps(run([project('P', reportsUpTo(9), { milestones: [procedure('2025-03-01')] })]), 'approvalWarning')).toEqual(['P']);
  });

  it('does not warn once the procedure is done or the project has started', () => {
    expect(gaps(run([project('P', reportsUpTo(9), { milestones: [procedure('2025-11-01', '2025-10-01')] })]), 'approvalWarning')).toEqual(
      [],
    );
    const started = [procedure('2025-11-01'), { id: 's', kind: 'start', name: '开工', due: '2025-05-01', achievedOn: '2025-05-01' }];
    expect(gaps(run([project('P', reportsUpTo(9), { milestones: started })]), 'approvalWarning')).toEqual([]);
  });

  it("adds the approval bureau's warnings as evidence", () => {
    const e = run([project('P', reportsUpTo(9), { milestones: [procedure('2025-11-01')] })], {
      bureauReviews: [{ bureau: 'approval', on: '2025-08-27', warnings: [{ projectId: 'P', note: '施工许可材料不全' }] }],
    });
    expect(e.compliance.find((c) => c.kind === 'approvalWarning')?.evidence['bureauWarnings']).toEqual([
      { on: '2025-08-27', note: '施工许可材料不全' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { doc, project, reportsUpTo, type RawDoc, type RawProject } from '../../../test/fixtures/builders.js';
import { evaluate, type Evaluation } from '../../evaluate.js';
import { parsePortfolio } from '../../portfolio/index.js';

const monthly = Array.from({ length: 9 }, (_, i) => ({
  level: 'department',
  on: `2025-0${i + 1}-15`,
  departmentIds: ['D1'],
  form: 'site',
}));

function run(projects: RawProject[], extra: Partial<RawDoc> = {}): Evaluation {
  return evaluate(parsePortfolio(doc(projects, { meetings: monthly, ...extra })), { asOf: '2025-10-15' });
}
// A stall open since June keeps the project red in July, August and September.
const red = (extra: Partial<RawProject> = {}): RawProject =>
  project('R', reportsUpTo(9), { stalls: [{ since: '2025-06-01', cause: 'objective' }], ...extra });

describe('accountability (3.3)', () => {
  it('makes no case without grounds', () => {
    expect(run([project('P', reportsUpTo(9))]).accountability).toEqual([]);
  });

  it('不调度: two closed months without a department meeting is a notice', () => {
    const e = run([project('P', reportsUpTo(9))], { meetings: monthly.slice(0, 7) });
    expect(e.accountability).toEqual([
      {
        departmentId: 'D1',
        severity: 'notice',
        grounds: [expect.objectContaining({ kind: 'notScheduling', evidence: { months: ['2025-08', '2025-09'], threshold: 2 } })],
        projectIds: [],
      },
    ]);
  });

  it('不作为: red for three months without directive activity', () => {
    const notLongEnough = project('R', reportsUpTo(9), { stalls: [{ since: '2025-08-01', cause: 'objective' }] });
    expect(run([notLongEnough]).accountability).toEqual([]);
    const e = run([red()]);
    expect(e.accountability[0]?.grounds.map((g) => g.kind)).toEqual(['inaction']);
    expect(e.accountability[0]?.projectIds).toEqual(['R']);
    const acted = red({
      directives: [
        {
          id: 'd',
          issuedOn: '2025-07-01',
          byLeaderId: 'L2',
          requirement: '复工',
          measures: [{ on: '2025-08-01', text: '约谈施工方' }],
          progress: [],
        },
      ],
    });
    expect(run([acted]).accountability).toEqual([]);
  });

  it('counts an override to red as red, since the displayed colour counts', () => {
    const overrides = ['2025-07', '2025-08', '2025-09'].map((month) => ({
      projectId: 'P',
      month,
      colour: 'red',
      reason: '核查',
      by: '市发改委',
    }));
    expect(run([project('P', reportsUpTo(9))], { overrides }).accountability[0]?.grounds.map((g) => g.kind)).toEqual(['inaction']);
  });

  it('two grounds are serious; a major livelihood project raises it one step; a grave incident is grave', () => {
    expect(run([red()], { meetings: monthly.slice(0, 7) }).accountability[0]?.severity).toBe('serious');
    expect(run([red({ majorLivelihood: true })]).accountability[0]?.severity).toBe('serious');
    expect(run([red({ majorLivelihood: true })], { meetings: monthly.slice(0, 7) }).accountability[0]?.severity).toBe('grave');
    const grave = project('P', reportsUpTo(9), { incidents: [{ on: '2025-06-01', severity: 'grave', note: '坍塌' }] });
    expect(run([grave]).accountability[0]).toMatchObject({ severity: 'grave', projectIds: ['P'] });
    const minor = project('P', reportsUpTo(9), { incidents: [{ on: '2025-06-01', severity: 'minor', note: '擦碰' }] });
    expect(run([minor]).accountability[0]).toMatchObject({ severity: 'notice' });
  });

  it('repeated triggers: two distinct 3.2.x rules', () => {
    const p = project('P', reportsUpTo(9), {
      milestones: [{ id: 's', kind: 'start', name: '开工', due: '2025-06-30', achievedOn: '2025-07-05' }],
      changes: [{ on: '2025-05-01', subject: 'content', approvedByPrincipal: false }],
    });
    const e = run([p]);
    expect(e.accountability[0]?.grounds.find((g) => g.kind === 'repeatedTriggers')?.evidence['rules']).toEqual(['3.2.1', '3.2.2', '3.2.5']);
  });
});

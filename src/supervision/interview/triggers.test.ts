import { describe, expect, it } from 'vitest';
import { doc, project, reportsUpTo, type RawDoc, type RawProject } from '../../../test/fixtures/builders.js';
import { evaluate, type Evaluation } from '../../evaluate.js';
import { HANDAN_2018 } from '../../policy/index.js';
import { parsePortfolio } from '../../portfolio/index.js';
import { bottomThreeTwice, countedBottoms } from './bottomThreeTwice.js';
import type { Quarter } from '../../calendar/index.js';

const AS_OF = '2025-10-15';

function run(projects: RawProject[], extra: Partial<RawDoc> = {}, asOf = AS_OF, policy = HANDAN_2018): Evaluation {
  return evaluate(parsePortfolio(doc(projects, extra)), { asOf, policy });
}

// A lone department is always in the bottom three (3.2.1), so these examples look at the other rules.
const triggers = (e: Evaluation): string[] =>
  e.interviews.flatMap((i) =>
    i.triggers
      .filter((t) => t.rule !== '3.2.1')
      .map((t) => `${i.departmentId} ${t.rule}${t.projectId === undefined ? '' : ` ${t.projectId}`}`),
  );
const trigger = (e: Evaluation, rule: string): Record<string, unknown> | undefined =>
  e.interviews[0]?.triggers.find((t) => t.rule === rule)?.evidence;
const milestone = (due: string, achievedOn?: string, kind = 'start'): Record<string, unknown> => ({
  id: 'm',
  kind,
  name: '开工',
  due,
  ...(achievedOn !== undefined && { achievedOn }),
});

describe('3.2.2 missed start or completion', () => {
  it('fires for a milestone not achieved by its due date', () => {
    const e = run([project('P', reportsUpTo(9), { milestones: [milestone('2025-06-30')] })]);
    expect(triggers(e)).toEqual(['D1 3.2.2 P']);
    expect(trigger(e, '3.2.2')).toEqual({
      milestones: [{ milestoneId: 'm', kind: 'start', name: '开工', due: '2025-06-30', achievedOn: null }],
    });
  });

  it('does not fire when achieved exactly on the due date, fires when a day late', () => {
    expect(triggers(run([project('P', reportsUpTo(9), { milestones: [milestone('2025-06-30', '2025-06-30')] })]))).toEqual([]);
    expect(triggers(run([project('P', reportsUpTo(9), { milestones: [milestone('2025-06-30', '2025-07-01')] })]))).toEqual(['D1 3.2.2 P']);
  });

  it('does not fire on the due day itself', () => {
    expect(triggers(run([project('P', reportsUpTo(9), { milestones: [milestone('2025-10-15')] })]))).toEqual([]);
    expect(triggers(run([project('P', reportsUpTo(9), { milestones: [milestone('2025-10-14')] })]))).toEqual(['D1 3.2.2 P']);
  });

  it('counts completions too, but not procedures', () => {
    expect(triggers(run([project('P', reportsUpTo(9), { milestones: [milestone('2025-06-30', undefined, 'completion')] })]))).toEqual([
      'D1 3.2.2 P',
    ]);
    expect(triggers(run([project('P', reportsUpTo(9), { milestones: [milestone('2025-06-30', undefined, 'procedure')] })]))).toEqual([]);
  });

  it('uses due, not baselineDue', () => {
    const m = { ...milestone('2025-12-31'), baselineDue: '2025-06-30' };
    const e = run([
      project('P', reportsUpTo(9), {
        milestones: [m],
        changes: [{ on: '2025-05-01', subject: 'milestone', milestoneId: 'm', approvedByPrincipal: true }],
      }),
    ]);
    expect(triggers(e)).toEqual([]);
  });
});

describe('3.2.3 principal leader directive not implemented', () => {
  const directive = (extra: Record<string, unknown>): Record<string, unknown> => ({
    id: 'd',
    issuedOn: '2025-06-01',
    byLeaderId: 'L1',
    requirement: '7月底前完成征地',
    measures: [],
    progress: [],
    ...extra,
  });

  it('fires when neither a measure nor progress came by the deadline', () => {
    const e = run([
      project('P', reportsUpTo(9), {
        directives: [directive({ dueOn: '2025-07-31', measures: [{ on: '2025-08-20', text: '成立专班' }] })],
      }),
    ]);
    expect(triggers(e)).toEqual(['D1 3.2.3 P']);
    expect(trigger(e, '3.2.3')?.['directives']).toEqual([
      {
        directiveId: 'd',
        byLeaderId: 'L1',
        issuedOn: '2025-06-01',
        deadline: '2025-07-31',
        requirement: '7月底前完成征地',
        measureByDeadline: false,
        progressByDeadline: false,
      },
    ]);
  });

  it('uses issuedOn + 30 days when there is no dueOn, and waits until that day has passed', () => {
    const d = directive({ issuedOn: '2025-09-15' }); // deadline 2025-10-15
    expect(triggers(run([project('P', reportsUpTo(9), { directives: [d] })]))).toEqual([]);
    expect(triggers(run([project('P', reportsUpTo(9), { directives: [d] })], {}, '2025-10-16'))).toEqual(['D1 3.2.3 P']);
  });

  it('does not fire when a measure came in time (missingBoth), but does with missingEither', () => {
    const d = directive({ dueOn: '2025-07-31', measures: [{ on: '2025-07-10', text: '成立专班' }] });
    expect(triggers(run([project('P', reportsUpTo(9), { directives: [d] })]))).toEqual([]);
    const either = { ...HANDAN_2018, interview: { ...HANDAN_2018.interview, directiveFailure: 'missingEither' as const } };
    expect(triggers(run([project('P', reportsUpTo(9), { directives: [d] })], {}, AS_OF, either))).toEqual(['D1 3.2.3 P']);
  });

  it('ignores directives of a leader who is not a principal', () => {
    expect(triggers(run([project('P', reportsUpTo(9), { directives: [directive({ byLeaderId: 'L2', dueOn: '2025-07-31' })] })]))).toEqual(
      [],
    );
  });
});

describe('3.2.4 insufficient preliminary study', () => {
  it('fires for such a stall that began by asOf, ended or not', () => {
    const stall = { since: '2025-05-10', until: '2025-06-01', cause: 'insufficientPreliminaryStudy' };
    expect(triggers(run([project('P', reportsUpTo(9), { stalls: [stall] })]))).toEqual(['D1 3.2.4 P']);
    expect(triggers(run([project('P', reportsUpTo(9), { stalls: [{ ...stall, cause: 'objective' }] })]))).toEqual([]);
    expect(triggers(run([project('P', reportsUpTo(9), { stalls: [{ ...stall, since: '2025-10-16', until: '2025-11-01' }] })]))).toEqual([]);
  });
});

describe('3.2.5 unapproved change', () => {
  it('fires for a change not approved by the principal leader', () => {
    const e = run([
      project('P', reportsUpTo(9), { changes: [{ on: '2025-05-01', subject: 'content', approvedByPrincipal: false, to: '取消地下室' }] }),
    ]);
    expect(triggers(e)).toEqual(['D1 3.2.5 P']);
  });

  it('fires for a moved milestone without an approved change naming it, whatever the subject', () => {
    const moved = { ...milestone('2025-12-31', '2025-09-01'), baselineDue: '2025-06-30' };
    expect(triggers(run([project('P', reportsUpTo(9), { milestones: [moved] })]))).toEqual(['D1 3.2.5 P']);
    const approved = { on: '2025-05-01', subject: 'scale', milestoneId: 'm', approvedByPrincipal: true };
    expect(triggers(run([project('P', reportsUpTo(9), { milestones: [moved], changes: [approved] })]))).toEqual([]);
    // An approval dated after asOf is not known yet.
    expect(triggers(run([project('P', reportsUpTo(9), { milestones: [moved], changes: [{ ...approved, on: '2025-11-01' }] })]))).toEqual([
      'D1 3.2.5 P',
    ]);
  });
});

describe('3.2.6 leader request', () => {
  it('fires once per department, listing every request', () => {
    const e = run([project('P', reportsUpTo(9))], {
      interviewRequests: [
        { departmentId: 'D1', byLeaderId: 'L2', on: '2025-09-12', reason: '推进不力' },
        { departmentId: 'D1', byLeaderId: 'L1', on: '2025-08-01', reason: '群众反映' },
        { departmentId: 'D1', byLeaderId: 'L1', on: '2025-11-01', reason: '未来' },
      ],
    });
    expect(triggers(e)).toEqual(['D1 3.2.6']);
    expect(trigger(e, '3.2.6')?.['requests']).toEqual([
      { on: '2025-08-01', byLeaderId: 'L1', reason: '群众反映' },
      { on: '2025-09-12', byLeaderId: 'L2', reason: '推进不力' },
    ]);
  });
});

describe('3.2.1 bottom three in two notifications', () => {
  const q = (s: string): Quarter => s as Quarter;
  const ranked = [
    { quarter: q('2025Q1'), bottom: ['A', 'B'] },
    { quarter: q('2025Q2'), bottom: ['C'] },
    { quarter: q('2025Q3'), bottom: ['A', 'C'] },
  ];

  it('counts any two quarters of the year by default, consecutive ones as an option', () => {
    const b = countedBottoms(ranked, []);
    expect(bottomThreeTwice(b, 'anyTwoInYear').map((t) => t.departmentId)).toEqual(['A', 'C']);
    expect(bottomThreeTwice(b, 'consecutive').map((t) => t.departmentId)).toEqual(['C']);
  });

  it('lets an issued notice replace its quarter', () => {
    const b = countedBottoms(ranked, [{ quarter: q('2025Q1'), issuedOn: '2025-04-20' as never, bottom: ['C', 'D'] }]);
    expect(b[0]).toEqual({ quarter: '2025Q1', bottom: ['C', 'D'], source: 'issued' });
    expect(bottomThreeTwice(b, 'anyTwoInYear').map((t) => t.departmentId)).toEqual(['C']);
  });

  it('fires end to end for the department last in Q1 and Q2', () => {
    const departments = ['A', 'B', 'C', 'D'].map((id) => ({ id, name: id, leaderId: 'L2' }));
    const p = (id: string, amount: string): RawProject => project(`P-${id}`, reportsUpTo(6, amount), { departmentId: id });
    const e = run([p('A', '100'), p('B', '100'), p('C', '100'), p('D', '50')], { departments }, '2025-07-06');
    expect(e.notifications.map((n) => n.bottom)).toEqual([
      ['A', 'B', 'C', 'D'],
      ['A', 'B', 'C', 'D'],
    ]);
    const e5 = run(
      [p('A', '100'), p('B', '90'), p('C', '80'), p('D', '50'), p('E', '120')],
      { departments: [...departments, { id: 'E', name: 'E', leaderId: 'L2' }] },
      '2025-07-06',
    );
    expect(e5.notifications.map((n) => n.bottom)).toEqual([
      ['B', 'C', 'D'],
      ['B', 'C', 'D'],
    ]);
    expect(e5.interviews.filter((i) => i.triggers.some((t) => t.rule === '3.2.1')).map((i) => i.departmentId)).toEqual(['B', 'C', 'D']);
  });

  it('counts an issued notice for a quarter not ranked yet', () => {
    const b = countedBottoms(
      [{ quarter: q('2025Q1'), bottom: ['A'] }],
      [{ quarter: q('2025Q2'), issuedOn: '2025-07-20' as never, bottom: ['A'] }],
    );
    expect(bottomThreeTwice(b, 'consecutive')[0]?.evidence).toEqual({
      twice: 'consecutive',
      quarters: [
        { quarter: '2025Q1', source: 'computed' },
        { quarter: '2025Q2', source: 'issued' },
      ],
    });
  });
});

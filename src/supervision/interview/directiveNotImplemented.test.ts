// Tests of directiveNotImplemented (3.2.3): a principal leader's directive not implemented by its deadline.
import { describe, expect, it } from 'vitest';
import { project, reportsUpTo } from '../../../test/fixtures/builders.js';
import { checked, parsed, portfolioOf } from '../../../test/fixtures/supervision.js';
import { apart, defined, mentions } from '../../../test/fixtures/wording.js';
import { parseCalendarDate } from '../../calendar/index.js';
import type { LocalizedText } from '../../errors.js';
import { HANDAN_2018 } from '../../policy/index.js';
import type { Directive, DirectiveEntry } from '../../portfolio/index.js';
import { directiveLines, directiveNotImplemented, directiveStanding } from './directiveNotImplemented.js';

const d = parseCalendarDate;

const AS_OF = d('2025-10-15');

describe('3.2.3 directiveNotImplemented', () => {
  const directive = (id: string, issuedOn: string, byLeaderId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    id,
    issuedOn,
    byLeaderId,
    requirement: `要求${id}`,
    measures: [],
    progress: [],
    ...extra,
  });
  const entry = (on: string): { on: string; text: string } => ({ on, text: '落实' });
  const directives = [
    directive('d0', '2025-08-01', 'L1', { dueOn: '2025-10-14' }),
    directive('d3', '2025-06-01', 'L3', { dueOn: '2025-07-31', measures: [entry('2025-08-01')] }),
    directive('d1', '2025-06-01', 'L1', { measures: [entry('2025-07-02')], progress: [entry('2025-07-05')] }),
    directive('dA', '2025-05-01', 'L2', { dueOn: '2025-06-01' }),
    directive('dB', '2025-09-01', 'L1', { dueOn: '2025-10-15' }),
    directive('dC', '2025-04-01', 'L1', { dueOn: '2025-05-01', measures: [entry('2025-05-01')] }),
    directive('dD', '2025-04-02', 'L3', { dueOn: '2025-05-01', progress: [entry('2025-05-01')] }),
    directive('dE', '2025-03-01', 'L3', { dueOn: '2025-05-01', measures: [entry('2025-04-01')], progress: [entry('2025-05-01')] }),
  ];
  const row = (id: string, by: string, issuedOn: string, deadline: string, measure = false, progress = false) => ({
    directiveId: id,
    byLeaderId: by,
    issuedOn,
    deadline,
    requirement: `要求${id}`,
    measureByDeadline: measure,
    progressByDeadline: progress,
  });
  const run = (ds: Record<string, unknown>[], failure: 'missingBoth' | 'missingEither', asOf = AS_OF, days = 30) => {
    const portfolio = portfolioOf([project('P', reportsUpTo(9), { directives: ds })]);
    const p = portfolio.projects[0];
    if (p === undefined) throw new Error('no project');
    return directiveNotImplemented(p, portfolio.leaders, asOf, days, failure);
  };

  it('missingBoth (the default): principal or mayor directives past their deadline with neither measure nor progress by it', () => {
    expect(HANDAN_2018.interview.directiveFailure).toBe('missingBoth');
    const expected = {
      rule: '3.2.3',
      departmentId: 'D1',
      projectId: 'P',
      evidence: {
        directiveFailure: 'missingBoth',
        directives: [
          row('d1', 'L1', '2025-06-01', '2025-07-01'),
          row('d3', 'L3', '2025-06-01', '2025-07-31'),
          row('d0', 'L1', '2025-08-01', '2025-10-14'),
        ],
      },
    };
    expect(checked(run(directives, 'missingBoth'))).toStrictEqual(expected);
    expect(checked(run([...directives].reverse(), 'missingBoth'))).toStrictEqual(expected);
  });

  it('missingEither: also a directive with only a measure or only progress by the deadline', () => {
    expect(checked(run(directives, 'missingEither'))).toStrictEqual({
      rule: '3.2.3',
      departmentId: 'D1',
      projectId: 'P',
      evidence: {
        directiveFailure: 'missingEither',
        directives: [
          row('dC', 'L1', '2025-04-01', '2025-05-01', true, false),
          row('dD', 'L3', '2025-04-02', '2025-05-01', false, true),
          row('d1', 'L1', '2025-06-01', '2025-07-01'),
          row('d3', 'L3', '2025-06-01', '2025-07-31'),
          row('d0', 'L1', '2025-08-01', '2025-10-14'),
        ],
      },
    });
  });

  it('is silent for a city leader, for a deadline not passed, for entries on the deadline, and without directives', () => {
    expect(run([directives[3] ?? {}], 'missingEither')).toBeUndefined();
    expect(run([directives[4] ?? {}], 'missingEither')).toBeUndefined();
    expect(run([directives[4] ?? {}], 'missingEither', d('2025-10-16'))?.evidence['directives']).toEqual([
      row('dB', 'L1', '2025-09-01', '2025-10-15'),
    ]);
    expect(run([directives[5] ?? {}, directives[6] ?? {}, directives[7] ?? {}], 'missingBoth')).toBeUndefined();
    expect(run([directives[7] ?? {}], 'missingEither')).toBeUndefined();
    expect(run([], 'missingBoth')).toBeUndefined();
    expect(
      directiveNotImplemented(parsed(project('P', reportsUpTo(9))), portfolioOf([]).leaders, AS_OF, 30, 'missingBoth'),
    ).toBeUndefined();
  });

  it('counts directiveDays from issuedOn when there is no dueOn', () => {
    expect(HANDAN_2018.interview.directiveDays).toBe(30);
    const late = [directive('x', '2025-09-01', 'L1')];
    expect(run(late, 'missingBoth')?.evidence['directives']).toEqual([row('x', 'L1', '2025-09-01', '2025-10-01')]);
    expect(run(late, 'missingBoth', AS_OF, 43)?.evidence['directives']).toEqual([row('x', 'L1', '2025-09-01', '2025-10-14')]);
    expect(run(late, 'missingBoth', AS_OF, 44)).toBeUndefined();
    // A dueOn wins over issuedOn + directiveDays.
    expect(run([directive('y', '2025-09-01', 'L1', { dueOn: '2025-10-20' })], 'missingBoth', AS_OF, 1)).toBeUndefined();
  });

  describe('messages', () => {
    const directive = (id: string, issuedOn: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      id,
      issuedOn,
      byLeaderId: 'L1',
      requirement: `要求${id}`,
      measures: [],
      progress: [],
      ...extra,
    });
    const message = (directives: Record<string, unknown>[]): LocalizedText => {
      const p = parsed(project('P', reportsUpTo(9), { directives }));
      return defined(directiveNotImplemented(p, portfolioOf([]).leaders, AS_OF, 30, 'missingBoth')).message;
    };

    it('one directive: its requirement, id and deadline, and the word "directive" in the singular', () => {
      const msg = message([directive('d1', '2025-06-01', { dueOn: '2025-07-31' })]);
      expect(msg.zh).toContain('项目P');
      expect(msg.en).toContain('P');
      expect(msg.zh).toContain('要求d1');
      expect(msg.en).toContain('d1');
      mentions(msg, ['2025-07-31']);
      expect(msg.en).toMatch(/\bdirective\b/u);
      expect(msg.en).not.toContain('directives');
    });

    it('two directives: both requirements, ids and deadlines (a computed one too), each apart, in the plural', () => {
      const msg = message([directive('d2', '2025-08-01'), directive('d1', '2025-06-01', { dueOn: '2025-07-31' })]);
      expect(msg.zh).toContain('要求d1');
      expect(msg.zh).toContain('要求d2');
      expect(msg.en).toContain('d1');
      expect(msg.en).toContain('d2');
      mentions(msg, ['2025-07-31', '2025-08-31']);
      expect(msg.en).toContain('directives');
      apart(msg.zh, '2025-07-31', '要求d2');
      apart(msg.en, '2025-07-31', 'd2');
    });
  });
});

describe('directiveStanding', () => {
  const directive = (extra: Partial<Directive>): Directive => ({
    id: 'D',
    issuedOn: d('2025-06-01'),
    byLeaderId: 'L',
    requirement: '要求',
    measures: [],
    progress: [],
    ...extra,
  });
  const on = (date: string): DirectiveEntry => ({ on: d(date), text: '落实' });

  it('is pending up to and on its deadline, then met or unmet', () => {
    const x = directive({ dueOn: d('2025-10-15') });
    expect(directiveStanding(x, AS_OF, 30, 'missingBoth').status).toBe('pending');
    expect(directiveStanding(x, d('2025-10-16'), 30, 'missingBoth')).toEqual({
      deadline: '2025-10-15',
      measureByDeadline: false,
      progressByDeadline: false,
      status: 'unmet',
    });
  });

  it('takes issuedOn + directiveDays without dueOn', () => {
    expect(directiveStanding(directive({}), AS_OF, 30, 'missingBoth').deadline).toBe('2025-07-01');
  });

  it('is met with one entry by the deadline under missingBoth, and needs both under missingEither', () => {
    const x = directive({ dueOn: d('2025-07-01'), measures: [on('2025-07-01')], progress: [on('2025-07-02')] });
    expect(directiveStanding(x, AS_OF, 30, 'missingBoth')).toMatchObject({
      measureByDeadline: true,
      progressByDeadline: false,
      status: 'met',
    });
    expect(directiveStanding(x, AS_OF, 30, 'missingEither').status).toBe('unmet');
  });
});

describe('directiveLines', () => {
  it("gives a project's directives by date then id, with their standing and entries by date, keeping only known keys", () => {
    const entry = { on: d('2025-07-05'), text: 'b', extra: 1 } as DirectiveEntry;
    const p = {
      id: 'P',
      departmentId: 'D',
      directives: [
        {
          id: 'b',
          issuedOn: d('2025-06-01'),
          byLeaderId: 'L',
          requirement: 'r',
          measures: [entry, { on: d('2025-07-01'), text: 'a' }],
          progress: [],
        },
        { id: 'a', issuedOn: d('2025-06-01'), byLeaderId: 'L', requirement: 'r', dueOn: d('2025-11-01'), measures: [], progress: [] },
      ] as Directive[],
    };
    const lines = directiveLines(p, AS_OF, 30, 'missingBoth');
    expect(lines.map((l) => [l.directiveId, l.status, l.deadline])).toEqual([
      ['a', 'pending', '2025-11-01'],
      ['b', 'met', '2025-07-01'],
    ]);
    expect(lines[1]?.measures).toEqual([
      { on: '2025-07-01', text: 'a' },
      { on: '2025-07-05', text: 'b' },
    ]);
    expect(lines[1]).toMatchObject({ projectId: 'P', departmentId: 'D', measureByDeadline: true });
  });
});

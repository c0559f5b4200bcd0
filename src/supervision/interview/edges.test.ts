// The interview triggers (3.2.1–3.2.6) called directly, each trigger compared whole (rule, department,
// project and every evidence record, in order), at the edges of every comparison.
import { describe, expect, it } from 'vitest';
import { parsed, portfolioOf } from '../../../test/fixtures/supervision.js';
import { project, report, reportsUpTo } from '../../../test/fixtures/builders.js';
import { parseCalendarDate, parseQuarter } from '../../calendar/index.js';
import type { LocalizedText } from '../../errors.js';
import { HANDAN_2018 } from '../../policy/index.js';
import type { Project } from '../../portfolio/index.js';
import { bottomThreeTwice, countedBottoms, type QuarterBottom } from './bottomThreeTwice.js';
import { directiveNotImplemented } from './directiveNotImplemented.js';
import { insufficientPreliminaryStudy } from './insufficientPreliminaryStudy.js';
import { leaderRequest } from './leaderRequest.js';
import { missedStartOrCompletion } from './missedStartOrCompletion.js';
import { interviewFinding, type InterviewTrigger } from './types.js';
import { unapprovedChange } from './unapprovedChange.js';

const d = parseCalendarDate;
const AS_OF = d('2025-10-15');

function checked<T extends { readonly message: LocalizedText }>(x: T | undefined): Omit<T, 'message'> | undefined {
  if (x === undefined) return undefined;
  const { message, ...rest } = x;
  expect(message.zh).not.toBe('');
  expect(message.en).not.toBe('');
  expect(message.zh).not.toBe(message.en);
  return rest;
}

describe('3.2.1 countedBottoms', () => {
  it('takes the ranked quarters, replaces them by issued notices (sorted), adds issued quarters, in quarter order', () => {
    const q = parseQuarter;
    const ranked = [
      { quarter: q('2025Q3'), bottom: ['A', 'C'] },
      { quarter: q('2025Q1'), bottom: ['B'] },
    ];
    const issued = [
      { quarter: q('2025Q3'), issuedOn: d('2025-10-20'), bottom: ['E', 'A'] },
      { quarter: q('2025Q2'), issuedOn: d('2025-07-20'), bottom: ['D', 'A'] },
    ];
    expect(countedBottoms(ranked, issued)).toEqual([
      { quarter: '2025Q1', bottom: ['B'], source: 'computed' },
      { quarter: '2025Q2', bottom: ['A', 'D'], source: 'issued' },
      { quarter: '2025Q3', bottom: ['A', 'E'], source: 'issued' },
    ]);
    expect(countedBottoms(ranked, [])).toEqual([
      { quarter: '2025Q1', bottom: ['B'], source: 'computed' },
      { quarter: '2025Q3', bottom: ['A', 'C'], source: 'computed' },
    ]);
    expect(countedBottoms([], [])).toEqual([]);
  });
});

describe('3.2.1 bottomThreeTwice', () => {
  const b = (quarter: string, bottom: string[], source: 'issued' | 'computed' = 'computed'): QuarterBottom => ({
    quarter: parseQuarter(quarter),
    bottom,
    source,
  });
  const bottoms = [
    b('2025Q4', ['G', 'F', 'E']),
    b('2025Q2', ['D']),
    b('2025Q3', ['G', 'E', 'C', 'A'], 'issued'),
    b('2025Q1', ['G', 'C', 'B', 'A']),
  ];
  const fired = (departmentId: string, twice: 'anyTwoInYear' | 'consecutive', quarters: [string, 'issued' | 'computed'][]) => ({
    rule: '3.2.1',
    departmentId,
    evidence: { twice, quarters: quarters.map(([quarter, source]) => ({ quarter, source })) },
  });

  it('anyTwoInYear (the default): every department in two or more bottoms, by id, its quarters in order', () => {
    expect(HANDAN_2018.interview.twice).toBe('anyTwoInYear');
    expect(bottomThreeTwice(bottoms, 'anyTwoInYear').map(checked)).toStrictEqual([
      fired('A', 'anyTwoInYear', [
        ['2025Q1', 'computed'],
        ['2025Q3', 'issued'],
      ]),
      fired('C', 'anyTwoInYear', [
        ['2025Q1', 'computed'],
        ['2025Q3', 'issued'],
      ]),
      fired('E', 'anyTwoInYear', [
        ['2025Q3', 'issued'],
        ['2025Q4', 'computed'],
      ]),
      fired('G', 'anyTwoInYear', [
        ['2025Q1', 'computed'],
        ['2025Q3', 'issued'],
        ['2025Q4', 'computed'],
      ]),
    ]);
  });

  it('consecutive: only two quarters in a row count, wherever they are in the list', () => {
    expect(bottomThreeTwice(bottoms, 'consecutive').map(checked)).toStrictEqual([
      fired('E', 'consecutive', [
        ['2025Q3', 'issued'],
        ['2025Q4', 'computed'],
      ]),
      fired('G', 'consecutive', [
        ['2025Q1', 'computed'],
        ['2025Q3', 'issued'],
        ['2025Q4', 'computed'],
      ]),
    ]);
    expect(bottomThreeTwice([b('2025Q2', ['A']), b('2025Q1', ['A'])], 'consecutive').map((t) => t.departmentId)).toEqual(['A']);
    expect(bottomThreeTwice([b('2025Q2', ['A']), b('2025Q4', ['A'])], 'consecutive')).toEqual([]);
    expect(bottomThreeTwice([b('2024Q4', ['A']), b('2025Q1', ['A'])], 'consecutive').map((t) => t.departmentId)).toEqual(['A']);
    expect(bottomThreeTwice([b('2024Q4', ['A']), b('2025Q2', ['A'])], 'consecutive')).toEqual([]);
  });

  it('needs two bottoms: one is not enough, none gives nothing', () => {
    expect(bottomThreeTwice([b('2025Q1', ['A', 'B'])], 'anyTwoInYear')).toEqual([]);
    expect(bottomThreeTwice([b('2025Q1', ['A'])], 'consecutive')).toEqual([]);
    expect(bottomThreeTwice([], 'anyTwoInYear')).toEqual([]);
  });
});

describe('3.2.2 missedStartOrCompletion', () => {
  const m = (id: string, kind: string, due: string, achievedOn?: string): Record<string, unknown> => ({
    id,
    kind,
    name: `节点${id}`,
    due,
    ...(achievedOn !== undefined && { achievedOn }),
  });
  const milestones = [
    m('s2', 'start', '2025-06-30'),
    m('c', 'completion', '2025-10-14'),
    m('c0', 'completion', '2025-10-15'),
    m('s1', 'start', '2025-06-30', '2025-07-01'),
    m('ontime', 'start', '2025-05-31', '2025-05-31'),
    m('r', 'start', '2025-04-30'),
    m('q', 'completion', '2025-04-30', '2025-05-03'),
    m('pr', 'procedure', '2025-03-01'),
    m('ph', 'physical', '2025-03-01'),
  ];
  const reports = [...reportsUpTo(4), report(5, '100', { achieved: { r: '2025-05-02', q: '2025-04-30' } }), ...reportsUpTo(9).slice(5)];
  const expected = {
    rule: '3.2.2',
    departmentId: 'D1',
    projectId: 'P',
    evidence: {
      milestones: [
        { milestoneId: 'r', kind: 'start', name: '节点r', due: '2025-04-30', achievedOn: '2025-05-02' },
        { milestoneId: 's1', kind: 'start', name: '节点s1', due: '2025-06-30', achievedOn: '2025-07-01' },
        { milestoneId: 's2', kind: 'start', name: '节点s2', due: '2025-06-30', achievedOn: null },
        { milestoneId: 'c', kind: 'completion', name: '节点c', due: '2025-10-14', achievedOn: null },
      ],
    },
  };

  it('lists every start or completion due before asOf and not achieved by its due date, by due then id', () => {
    expect(checked(missedStartOrCompletion(parsed(project('P', reports, { milestones })), AS_OF))).toStrictEqual(expected);
    expect(checked(missedStartOrCompletion(parsed(project('P', reports, { milestones: [...milestones].reverse() })), AS_OF))).toStrictEqual(
      expected,
    );
  });

  it('waits until the due day has passed, and takes an achievement on the due day as on time', () => {
    const one = (ms: Record<string, unknown>[]): Project => parsed(project('P', reportsUpTo(9), { milestones: ms }));
    expect(missedStartOrCompletion(one([m('s', 'start', '2025-10-15')]), AS_OF)).toBeUndefined();
    expect(missedStartOrCompletion(one([m('s', 'start', '2025-10-14')]), AS_OF)?.evidence).toEqual({
      milestones: [{ milestoneId: 's', kind: 'start', name: '节点s', due: '2025-10-14', achievedOn: null }],
    });
    expect(missedStartOrCompletion(one([m('s', 'completion', '2025-06-30', '2025-06-30')]), AS_OF)).toBeUndefined();
    expect(missedStartOrCompletion(one([m('s', 'physical', '2025-06-30'), m('t', 'procedure', '2025-06-30')]), AS_OF)).toBeUndefined();
    expect(missedStartOrCompletion(one([]), AS_OF)).toBeUndefined();
  });

  it('says whether a start or a completion was missed', () => {
    const zh = (kind: string): string | undefined =>
      missedStartOrCompletion(parsed(project('P', reportsUpTo(9), { milestones: [m('x', kind, '2025-06-30')] })), AS_OF)?.message.zh;
    expect(zh('start')).not.toBe(zh('completion'));
  });
});

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
});

describe('3.2.4 insufficientPreliminaryStudy', () => {
  const stall = (since: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    since,
    cause: 'insufficientPreliminaryStudy',
    ...extra,
  });
  const stalls = [
    stall('2025-10-16'),
    stall('2025-05-10', { until: '2025-06-01', note: '甲' }),
    stall('2025-10-15'),
    stall('2025-05-10', { until: '2025-06-01' }),
    stall('2025-05-10', { until: '2025-06-01', note: '乙' }),
    stall('2025-01-01', { cause: 'objective' }),
    stall('2025-01-02', { cause: 'other' }),
    stall('2025-05-10'),
    stall('2025-03-01', { until: '2025-04-01', note: 'x' }),
  ];
  const expected = {
    rule: '3.2.4',
    departmentId: 'D1',
    projectId: 'P',
    evidence: {
      stalls: [
        { since: '2025-03-01', until: '2025-04-01', note: 'x' },
        { since: '2025-05-10', until: null, note: null },
        { since: '2025-05-10', until: '2025-06-01', note: null },
        // Code-unit order: 乙 (U+4E59) before 甲 (U+7532).
        { since: '2025-05-10', until: '2025-06-01', note: '乙' },
        { since: '2025-05-10', until: '2025-06-01', note: '甲' },
        { since: '2025-10-15', until: null, note: null },
      ],
    },
  };

  it('lists every such stall begun on or before asOf, by since, until and note', () => {
    expect(checked(insufficientPreliminaryStudy(parsed(project('P', reportsUpTo(9), { stalls })), AS_OF))).toStrictEqual(expected);
    expect(
      checked(insufficientPreliminaryStudy(parsed(project('P', reportsUpTo(9), { stalls: [...stalls].reverse() })), AS_OF)),
    ).toStrictEqual(expected);
  });

  it('is silent for other causes, for a stall beginning after asOf, and without stalls', () => {
    const only = (ss: Record<string, unknown>[]) =>
      insufficientPreliminaryStudy(parsed(project('P', reportsUpTo(9), { stalls: ss })), AS_OF);
    expect(only([stall('2025-01-01', { cause: 'objective' }), stall('2025-01-01', { cause: 'other' })])).toBeUndefined();
    expect(only([stall('2025-10-16')])).toBeUndefined();
    expect(only([])).toBeUndefined();
    expect(insufficientPreliminaryStudy(parsed(project('P', reportsUpTo(9))), AS_OF)).toBeUndefined();
  });
});

describe('3.2.5 unapprovedChange', () => {
  const ms = (id: string, due: string, baselineDue?: string): Record<string, unknown> => ({
    id,
    kind: 'physical',
    name: `节点${id}`,
    due,
    ...(baselineDue !== undefined && { baselineDue }),
  });
  const milestones = [
    ms('e', '2025-07-31', '2025-06-30'),
    ms('c', '2025-06-30', '2025-06-30'),
    ms('b', '2025-07-31', '2025-05-31'),
    ms('a', '2025-06-15', '2025-04-30'),
    ms('m', '2025-06-30'),
  ];
  const change = (on: string, subject: string, approvedByPrincipal: boolean, extra: Record<string, unknown> = {}) => ({
    on,
    subject,
    approvedByPrincipal,
    ...extra,
  });
  const changes = [
    change('2025-05-01', 'scale', false),
    change('2025-05-01', 'content', false, { milestoneId: 'e', from: '2025-06-30', to: '2025-07-31', ref: '文1' }),
    change('2025-05-01', 'content', false, { milestoneId: 'e' }),
    change('2025-03-01', 'milestone', true, { milestoneId: 'a' }),
    change('2025-05-01', 'content', false, { milestoneId: 'e', from: '2025-06-30', to: '2025-07-31' }),
    change('2025-05-01', 'content', false),
    change('2025-03-02', 'scale', true),
    change('2025-05-01', 'content', false, { milestoneId: 'e', from: '2025-06-30' }),
    change('2025-04-01', 'location', false),
  ];
  const row = (on: string, subject: string, milestoneId: string | null, from: string | null, to: string | null, ref: string | null) => ({
    on,
    subject,
    milestoneId,
    from,
    to,
    ref,
  });
  const expected = {
    rule: '3.2.5',
    departmentId: 'D1',
    projectId: 'P',
    evidence: {
      changes: [
        row('2025-04-01', 'location', null, null, null, null),
        row('2025-05-01', 'content', null, null, null, null),
        row('2025-05-01', 'content', 'e', null, null, null),
        row('2025-05-01', 'content', 'e', '2025-06-30', null, null),
        row('2025-05-01', 'content', 'e', '2025-06-30', '2025-07-31', null),
        row('2025-05-01', 'content', 'e', '2025-06-30', '2025-07-31', '文1'),
        row('2025-05-01', 'scale', null, null, null, null),
      ],
      movedMilestones: [
        { milestoneId: 'b', name: '节点b', baselineDue: '2025-05-31', due: '2025-07-31' },
        { milestoneId: 'e', name: '节点e', baselineDue: '2025-06-30', due: '2025-07-31' },
      ],
    },
  };
  const run = (ms: Record<string, unknown>[], cs: Record<string, unknown>[]) =>
    unapprovedChange(parsed(project('P', reportsUpTo(9), { milestones: ms, changes: cs })));

  it('lists unapproved changes by content and moved milestones without an approved change naming them, by id', () => {
    expect(checked(run(milestones, changes))).toStrictEqual(expected);
    expect(checked(run([...milestones].reverse(), [...changes].reverse()))).toStrictEqual(expected);
  });

  it('fires on a moved milestone alone, or on an unapproved change alone', () => {
    expect(checked(run([ms('b', '2025-07-31', '2025-05-31')], []))).toStrictEqual({
      rule: '3.2.5',
      departmentId: 'D1',
      projectId: 'P',
      evidence: { changes: [], movedMilestones: [{ milestoneId: 'b', name: '节点b', baselineDue: '2025-05-31', due: '2025-07-31' }] },
    });
    expect(checked(run([], [change('2025-04-01', 'location', false)]))).toStrictEqual({
      rule: '3.2.5',
      departmentId: 'D1',
      projectId: 'P',
      evidence: { changes: [row('2025-04-01', 'location', null, null, null, null)], movedMilestones: [] },
    });
  });

  it('is silent for approved changes and milestones on their baseline or without one', () => {
    expect(
      run([ms('a', '2025-06-15', '2025-04-30'), ms('c', '2025-06-30', '2025-06-30'), ms('m', '2025-06-30')], [changes[3] ?? {}]),
    ).toBeUndefined();
    expect(run([], [])).toBeUndefined();
    expect(unapprovedChange(parsed(project('P', reportsUpTo(9))))).toBeUndefined();
  });
});

describe('3.2.6 leaderRequest', () => {
  const request = (departmentId: string, byLeaderId: string, on: string, reason: string) => ({ departmentId, byLeaderId, on, reason });
  const departments = [
    { id: 'D1', name: '市住建局', leaderId: 'L2' },
    { id: 'D2', name: '市交通局', leaderId: 'L2' },
  ];
  const requests = [
    request('D2', 'L1', '2025-09-01', '甲'),
    request('D1', 'L2', '2025-08-01', '乙'),
    request('D1', 'L1', '2025-08-01', '乙'),
    request('D1', 'L1', '2025-08-01', '丙'),
    request('D1', 'L2', '2025-07-01', '丁'),
  ];
  const expected = [
    {
      rule: '3.2.6',
      departmentId: 'D1',
      evidence: {
        requests: [
          { on: '2025-07-01', byLeaderId: 'L2', reason: '丁' },
          // 丙 (U+4E19) before 乙 (U+4E59).
          { on: '2025-08-01', byLeaderId: 'L1', reason: '丙' },
          { on: '2025-08-01', byLeaderId: 'L1', reason: '乙' },
          { on: '2025-08-01', byLeaderId: 'L2', reason: '乙' },
        ],
      },
    },
    { rule: '3.2.6', departmentId: 'D2', evidence: { requests: [{ on: '2025-09-01', byLeaderId: 'L1', reason: '甲' }] } },
  ];

  it('gives one trigger per department, by id, listing its requests by date, leader and reason', () => {
    const known = (rs: Record<string, unknown>[]) => portfolioOf([], { departments, interviewRequests: rs }).interviewRequests ?? [];
    expect(leaderRequest(known(requests)).map(checked)).toStrictEqual(expected);
    expect(leaderRequest(known([...requests].reverse())).map(checked)).toStrictEqual(expected);
    expect(leaderRequest([])).toEqual([]);
  });
});

describe('interviewFinding', () => {
  const t = (projectId?: string): InterviewTrigger => ({
    rule: '3.2.2',
    departmentId: 'D1',
    ...(projectId !== undefined && { projectId }),
    evidence: { milestones: [] },
    message: { zh: '未按时开工', en: 'start missed' },
  });

  it('makes a critical finding about the department, with the project first in the evidence when there is one', () => {
    const withProject = interviewFinding(t('P'));
    expect(checked(withProject)).toStrictEqual({
      rule: '3.2.2',
      subject: { kind: 'department', id: 'D1' },
      severity: 'critical',
      evidence: { projectId: 'P', milestones: [] },
    });
    expect(withProject.message.zh).toContain('未按时开工');
    expect(withProject.message.zh).not.toBe('未按时开工');
    expect(withProject.message.en).toContain('start missed');
    expect(withProject.message.en).not.toBe('start missed');
    expect(checked(interviewFinding(t()))).toStrictEqual({
      rule: '3.2.2',
      subject: { kind: 'department', id: 'D1' },
      severity: 'critical',
      evidence: { milestones: [] },
    });
  });
});

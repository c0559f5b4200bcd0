// The messages of the supervision findings carry the values they report: ids, names, dates, counts,
// labels and every element of a list, each list element apart from the next. Wording is not pinned:
// only the presence of the values (and a list separator between consecutive elements) is checked.
import { describe, expect, it } from 'vitest';
import { parsed, portfolioOf } from '../../test/fixtures/supervision.js';
import { doc, project, reportsUpTo, type RawProject } from '../../test/fixtures/builders.js';
import { parseCalendarDate, parseQuarter, parseYearMonth, type YearMonth } from '../calendar/index.js';
import type { LocalizedText } from '../errors.js';
import { HANDAN_2018 } from '../policy/index.js';
import { parsePortfolio, type Portfolio } from '../portfolio/index.js';
import {
  accountabilityCases,
  accountabilityFinding,
  type AccountabilityCase,
  type AccountabilityInput,
} from './accountability/accountabilityCases.js';
import { bottomThreeTwice, type QuarterBottom } from './interview/bottomThreeTwice.js';
import { directiveNotImplemented } from './interview/directiveNotImplemented.js';
import { insufficientPreliminaryStudy } from './interview/insufficientPreliminaryStudy.js';
import { leaderRequest } from './interview/leaderRequest.js';
import { missedStartOrCompletion } from './interview/missedStartOrCompletion.js';
import type { InterviewRule, InterviewTrigger } from './interview/types.js';
import { unapprovedChange } from './interview/unapprovedChange.js';

const d = parseCalendarDate;
const AS_OF = d('2025-10-15');

function defined<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('expected a value');
  return x;
}

/** List separators: a comma, a semicolon or an enumeration comma, ASCII or full width. */
const SEPARATOR = /[,;、\uFF0C\uFF1B]/u;

/** `a` then `b` occur in `text`, with a list separator between them (they are not glued together). */
function apart(text: string, a: string, b: string): void {
  const at = text.indexOf(a);
  expect(at, `${a} in ${text}`).toBeGreaterThanOrEqual(0);
  const end = at + a.length;
  const next = text.indexOf(b, end);
  expect(next, `${b} after ${a} in ${text}`).toBeGreaterThanOrEqual(end);
  expect(text.slice(end, next), `between ${a} and ${b} in ${text}`).toMatch(SEPARATOR);
}

/** Both texts contain every value. */
function mentions(message: LocalizedText, values: readonly string[]): void {
  for (const v of values) {
    expect(message.zh).toContain(v);
    expect(message.en).toContain(v);
  }
}

describe('3.2.6 leaderRequest messages', () => {
  const requests = [
    { departmentId: 'D1', byLeaderId: 'L2', on: '2025-08-01', reason: '乙事由' },
    { departmentId: 'D1', byLeaderId: 'L1', on: '2025-07-01', reason: '甲事由' },
  ];
  const known = portfolioOf([], { interviewRequests: requests }).interviewRequests ?? [];

  it('lists every request: its date and reason (zh), its date and leader (en), each apart from the next', () => {
    const [t] = leaderRequest(known);
    const { zh, en } = defined(t).message;
    mentions(defined(t).message, ['2025-07-01', '2025-08-01']);
    expect(zh).toContain('甲事由');
    expect(zh).toContain('乙事由');
    expect(en).toContain('L1');
    expect(en).toContain('L2');
    apart(zh, '甲事由', '2025-08-01');
    apart(en, 'L1', '2025-08-01');
  });
});

describe('3.2.1 bottomThreeTwice messages', () => {
  const b = (quarter: string, bottom: string[]): QuarterBottom => ({ quarter: parseQuarter(quarter), bottom, source: 'computed' });

  it('names every quarter the department was in the bottom three, each apart from the next', () => {
    const [t] = bottomThreeTwice([b('2025Q3', ['A']), b('2025Q1', ['A', 'B'])], 'anyTwoInYear');
    const message = defined(t).message;
    mentions(message, ['2025Q1', '2025Q3']);
    apart(message.zh, '2025Q1', '2025Q3');
    apart(message.en, '2025Q1', '2025Q3');
  });
});

describe('3.2.2 missedStartOrCompletion messages', () => {
  const m = (id: string, kind: string, due: string, achievedOn?: string): Record<string, unknown> => ({
    id,
    kind,
    name: `节点${id}`,
    due,
    ...(achievedOn !== undefined && { achievedOn }),
  });
  const message = (milestones: Record<string, unknown>[]): LocalizedText =>
    defined(missedStartOrCompletion(parsed(project('P', reportsUpTo(9), { milestones })), AS_OF)).message;

  it('gives each missed milestone its name, due date and achieved date, or says it is not achieved', () => {
    const msg = message([m('b', 'start', '2025-06-30'), m('a', 'start', '2025-04-30', '2025-05-02')]);
    expect(msg.zh).toContain('项目P');
    expect(msg.en).toContain('P');
    expect(msg.zh).toContain('节点a');
    expect(msg.zh).toContain('节点b');
    mentions(msg, ['2025-04-30', '2025-05-02', '2025-06-30']);
    expect(msg.zh).toContain('未完成');
    expect(msg.en).toContain('not achieved');
    expect(msg.en).toContain('start');
    expect(msg.zh).not.toContain('null');
    expect(msg.en).not.toContain('null');
    apart(msg.zh, '2025-05-02', '节点b');
    apart(msg.en, '2025-05-02', '2025-06-30');
  });

  it('does not say "not achieved" of a milestone achieved late, and gives its date', () => {
    const msg = message([m('a', 'completion', '2025-04-30', '2025-05-02')]);
    mentions(msg, ['2025-04-30', '2025-05-02']);
    expect(msg.zh).not.toContain('未完成');
    expect(msg.en).not.toContain('not achieved');
    expect(msg.en).toContain('completion');
  });

  it('says 开工 for a missed start, 竣工 for a missed completion, 开工 when a start is among them', () => {
    const start = message([m('s', 'start', '2025-06-30')]).zh;
    expect(start).toContain('开工');
    expect(start).not.toContain('竣工');
    const completion = message([m('c', 'completion', '2025-06-30')]).zh;
    expect(completion).toContain('竣工');
    expect(completion).not.toContain('开工');
    const both = message([m('c', 'completion', '2025-05-31'), m('s', 'start', '2025-06-30')]);
    expect(both.zh).toContain('开工');
    expect(both.en).toContain('start');
    expect(both.en).toContain('completion');
  });
});

describe('3.2.3 directiveNotImplemented messages', () => {
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

describe('3.2.4 insufficientPreliminaryStudy', () => {
  const stall = (since: string, note?: string): Record<string, unknown> => ({
    since,
    cause: 'insufficientPreliminaryStudy',
    ...(note !== undefined && { note }),
  });
  const run = (stalls: Record<string, unknown>[]): InterviewTrigger =>
    defined(insufficientPreliminaryStudy(parsed(project('P', reportsUpTo(9), { stalls })), AS_OF));

  it('names every date since which the project cannot proceed, each apart from the next', () => {
    const msg = run([stall('2025-07-01'), stall('2025-05-01')]).message;
    expect(msg.zh).toContain('项目P');
    expect(msg.en).toContain('P');
    mentions(msg, ['2025-05-01', '2025-07-01']);
    apart(msg.zh, '2025-05-01', '2025-07-01');
    apart(msg.en, '2025-05-01', '2025-07-01');
  });

  it('puts a stall without a note before one with a note on the same day, whatever the input order', () => {
    const expected = {
      stalls: [
        { since: '2025-05-01', until: null, note: null },
        { since: '2025-05-01', until: null, note: 'A' },
      ],
    };
    expect(run([stall('2025-05-01', 'A'), stall('2025-05-01')]).evidence).toEqual(expected);
    expect(run([stall('2025-05-01'), stall('2025-05-01', 'A')]).evidence).toEqual(expected);
  });
});

describe('3.2.5 unapprovedChange', () => {
  const change = (on: string, subject: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    on,
    subject,
    approvedByPrincipal: false,
    ...extra,
  });
  const milestones = [
    { id: 'ma', kind: 'physical', name: '节点ma', due: '2025-06-30' },
    { id: 'mv', kind: 'physical', name: '节点mv', due: '2025-07-31', baselineDue: '2025-05-31' },
  ];
  const run = (changes: Record<string, unknown>[], ms: Record<string, unknown>[] = milestones): InterviewTrigger =>
    defined(unapprovedChange(parsed(project('P', reportsUpTo(9), { milestones: ms, changes }))));

  it('gives every unapproved change its date and subject (the Chinese label in zh), and every moved milestone', () => {
    const msg = run([
      change('2025-06-01', 'location'),
      change('2025-03-01', 'content'),
      change('2025-05-01', 'scale'),
      change('2025-04-01', 'milestone', { milestoneId: 'ma' }),
    ]).message;
    expect(msg.zh).toContain('项目P');
    expect(msg.en).toContain('P');
    mentions(msg, ['2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-05-31', '2025-07-31']);
    for (const label of ['建设内容', '进度节点', '建设规模', '建设地点', '节点mv']) expect(msg.zh).toContain(label);
    for (const subject of ['content', 'milestone', 'scale', 'location', 'mv']) expect(msg.en).toContain(subject);
    expect(msg.zh).not.toContain('undefined');
    apart(msg.zh, '建设内容', '2025-04-01');
    apart(msg.zh, '建设地点', '节点mv');
    apart(msg.en, '2025-03-01', '2025-04-01');
    apart(msg.en, '2025-06-01', 'mv');
  });

  it('a moved milestone alone: its name or id, its baseline and its new due date', () => {
    const msg = run([]).message;
    expect(msg.zh).toContain('节点mv');
    expect(msg.en).toContain('mv');
    mentions(msg, ['2025-05-31', '2025-07-31']);
  });

  it('orders same-day changes without a milestone or a ref before those with one, whatever the input order', () => {
    const none = { on: '2025-04-01', subject: 'milestone', milestoneId: null, from: null, to: null, ref: null };
    const expected = { changes: [none, { ...none, milestoneId: 'ma' }], movedMilestones: [] };
    const a = change('2025-04-01', 'milestone');
    const b = change('2025-04-01', 'milestone', { milestoneId: 'ma' });
    expect(run([b, a], milestones.slice(0, 1)).evidence).toEqual(expected);
    expect(run([a, b], milestones.slice(0, 1)).evidence).toEqual(expected);
    const byRef = { changes: [none, { ...none, ref: 'A' }], movedMilestones: [] };
    const r = change('2025-04-01', 'milestone', { ref: 'A' });
    expect(run([r, a], milestones.slice(0, 1)).evidence).toEqual(byRef);
    expect(run([a, r], milestones.slice(0, 1)).evidence).toEqual(byRef);
  });
});

describe('3.3 accountability messages', () => {
  const months = (...ms: string[]): YearMonth[] => ms.map(parseYearMonth);
  const RED = months('2025-07', '2025-08', '2025-09');
  const portfolio = (projects: RawProject[]): Portfolio =>
    parsePortfolio(doc(projects, { departments: [{ id: 'D1', name: '部门D1', leaderId: 'L2' }] }));
  const p = (id: string, extra: Partial<RawProject> = {}): RawProject => project(id, reportsUpTo(9), { departmentId: 'D1', ...extra });
  const trigger = (rule: InterviewRule): InterviewTrigger => ({
    rule,
    departmentId: 'D1',
    evidence: {},
    message: { zh: `情形${rule}`, en: `trigger ${rule}` },
  });
  const input = (extra: Partial<AccountabilityInput> = {}): AccountabilityInput => ({
    missedMeetingMonths: new Map(),
    redRuns: new Map(),
    triggers: [],
    threshold: HANDAN_2018.accountability.missedMeetingMonths,
    inactionMonths: HANDAN_2018.accountability.inactionMonths,
    ...extra,
  });
  const incident = (on: string, severity: string): Record<string, unknown> => ({ on, severity, note: '事故' });
  const only = (cases: AccountabilityCase[]): AccountabilityCase => {
    expect(cases).toHaveLength(1);
    return defined(cases[0]);
  };
  const ground = (c: AccountabilityCase, kind: string): LocalizedText => defined(c.grounds.find((g) => g.kind === kind)).message;

  it('a department without missed meeting months has none, even at a threshold of one', () => {
    const pf = portfolio([p('PA')]);
    expect(accountabilityCases(pf, input({ threshold: 1 }))).toEqual([]);
    const cases = accountabilityCases(pf, input({ threshold: 1, missedMeetingMonths: new Map([['D1', months('2025-09')]]) }));
    expect(cases.map((c) => ({ ...c, grounds: c.grounds.map((g) => ({ kind: g.kind, evidence: g.evidence })) }))).toEqual([
      {
        departmentId: 'D1',
        severity: 'notice',
        grounds: [{ kind: 'notScheduling', evidence: { months: ['2025-09'], threshold: 1 } }],
        projectIds: [],
      },
    ]);
  });

  it('inaction names every inactive project and the number of months, each project apart', () => {
    const c = only(
      accountabilityCases(
        portfolio([p('PB'), p('PA')]),
        input({
          redRuns: new Map([
            ['PA', RED],
            ['PB', RED],
          ]),
        }),
      ),
    );
    const msg = ground(c, 'inaction');
    expect(msg.zh).toContain('项目PA');
    expect(msg.zh).toContain('项目PB');
    expect(msg.en).toContain('PA');
    expect(msg.en).toContain('PB');
    mentions(msg, [String(HANDAN_2018.accountability.inactionMonths)]);
    apart(msg.zh, '项目PA', '项目PB');
    apart(msg.en, 'PA', 'PB');
  });

  it('repeated triggers name every rule, each apart from the next', () => {
    const c = only(accountabilityCases(portfolio([p('PA')]), input({ triggers: [trigger('3.2.2'), trigger('3.2.1')] })));
    const msg = ground(c, 'repeatedTriggers');
    mentions(msg, ['3.2.1', '3.2.2']);
    apart(msg.zh, '3.2.1', '3.2.2');
    apart(msg.en, '3.2.1', '3.2.2');
  });

  it('incidents give their count, "incident" in the singular for one and the plural for two', () => {
    const one = ground(
      only(accountabilityCases(portfolio([p('PA', { incidents: [incident('2025-06-01', 'minor')] })]), input())),
      'incident',
    );
    expect(one.zh).toContain('1');
    expect(one.en).toMatch(/\b1 incident\b/u);
    expect(one.en).not.toContain('incidents');
    const two = ground(
      only(
        accountabilityCases(
          portfolio([p('PA', { incidents: [incident('2025-06-01', 'minor'), incident('2025-07-01', 'minor')] })]),
          input(),
        ),
      ),
      'incident',
    );
    expect(two.zh).toContain('2');
    expect(two.en).toMatch(/\b2 incidents\b/u);
  });

  it('the finding gives the severity (its Chinese label in zh) and every ground message, each apart', () => {
    const pf = portfolio([p('PA', { incidents: [incident('2025-06-01', 'minor')] })]);
    const notice = accountabilityFinding(only(accountabilityCases(pf, input()))).message;
    expect(notice.zh).toContain('提醒');
    expect(notice.en).toContain('notice');

    const c = only(accountabilityCases(pf, input({ triggers: [trigger('3.2.1'), trigger('3.2.2')] })));
    expect(c.severity).toBe('serious');
    const [g1, g2] = c.grounds.map((g) => g.message);
    const serious = accountabilityFinding(c).message;
    expect(serious.zh).toContain('较重');
    expect(serious.en).toContain('serious');
    apart(serious.zh, defined(g1).zh, defined(g2).zh);
    apart(serious.en, defined(g1).en, defined(g2).en);

    const grave = accountabilityFinding(
      only(accountabilityCases(portfolio([p('PA', { incidents: [incident('2025-06-01', 'grave')] })]), input())),
    ).message;
    expect(grave.zh).toContain('严重');
    expect(grave.en).toContain('grave');
  });
});

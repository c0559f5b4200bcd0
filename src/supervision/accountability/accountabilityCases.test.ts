import { describe, expect, it } from 'vitest';
import { doc, project, reportsUpTo, type RawDoc, type RawProject } from '../../../test/fixtures/builders.js';
import { checked } from '../../../test/fixtures/supervision.js';
import { apart, defined, mentions } from '../../../test/fixtures/wording.js';
import { parseYearMonth, type YearMonth } from '../../calendar/index.js';
import type { LocalizedText } from '../../errors.js';
import { evaluate, type Evaluation } from '../../evaluate.js';
import { HANDAN_2018 } from '../../policy/index.js';
import { parsePortfolio, type Portfolio } from '../../portfolio/index.js';
import type { InterviewRule, InterviewTrigger } from '../interview/types.js';
import {
  accountabilityCases,
  accountabilityFinding,
  type AccountabilityCase,
  type AccountabilityGround,
  type AccountabilityInput,
} from './accountabilityCases.js';

const bare = (cases: AccountabilityCase[]) => cases.map((c) => ({ ...c, grounds: c.grounds.map(checked) }));

const months = (...ms: string[]): YearMonth[] => ms.map(parseYearMonth);

const RED = months('2025-07', '2025-08', '2025-09');

function portfolioOf(projects: RawProject[], departments: string[]): Portfolio {
  return parsePortfolio(doc(projects, { departments: departments.map((id) => ({ id, name: `部门${id}`, leaderId: 'L2' })) }));
}

const p = (id: string, departmentId: string, extra: Partial<RawProject> = {}): RawProject =>
  project(id, reportsUpTo(9), { departmentId, ...extra });

const trigger = (rule: InterviewRule, departmentId: string, projectId?: string): InterviewTrigger => ({
  rule,
  departmentId,
  ...(projectId !== undefined && { projectId }),
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

const incident = (on: string, severity: string, note: string): Record<string, unknown> => ({ on, severity, note });

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

describe('accountabilityCases', () => {
  it('builds one case per department with grounds, by id, each ground and project list whole', () => {
    expect(HANDAN_2018.accountability).toEqual({ missedMeetingMonths: 2, inactionMonths: 3 });
    const portfolio = portfolioOf(
      [
        p('PB', 'D1'),
        p('PF', 'D3', { incidents: [incident('2025-06-01', 'minor', '丙'), incident('2025-05-01', 'minor', '丁')] }),
        p('PC', 'D2'),
        p('PA', 'D1'),
        p('PE', 'D3', { incidents: [incident('2025-06-01', 'serious', '甲'), incident('2025-06-01', 'minor', '乙')] }),
        p('P0', 'D1'),
        p('PD', 'D2'),
        p('PG', 'D4'),
      ],
      ['D4', 'D3', 'D2', 'D1'],
    );
    const cases = accountabilityCases(
      portfolio,
      input({
        missedMeetingMonths: new Map([
          ['D1', months('2025-08', '2025-09')],
          ['D2', months('2025-09')],
        ]),
        redRuns: new Map([
          ['PB', RED],
          ['PA', RED],
          ['PC', months('2025-08', '2025-09')],
        ]),
        triggers: [
          trigger('3.2.5', 'D1', 'P0'),
          trigger('3.2.2', 'D2', 'PC'),
          trigger('3.2.1', 'D1'),
          trigger('3.2.2', 'D1', 'PA'),
          trigger('3.2.2', 'D2', 'PD'),
          trigger('3.2.5', 'D1', 'PB'),
        ],
      }),
    );
    expect(bare(cases)).toStrictEqual([
      {
        departmentId: 'D1',
        severity: 'serious',
        grounds: [
          { kind: 'notScheduling', evidence: { months: ['2025-08', '2025-09'], threshold: 2 } },
          {
            kind: 'inaction',
            evidence: {
              projects: [
                { projectId: 'PA', redMonths: ['2025-07', '2025-08', '2025-09'] },
                { projectId: 'PB', redMonths: ['2025-07', '2025-08', '2025-09'] },
              ],
            },
          },
          { kind: 'repeatedTriggers', evidence: { rules: ['3.2.1', '3.2.2', '3.2.5'] } },
        ],
        projectIds: ['P0', 'PA', 'PB'],
      },
      {
        departmentId: 'D3',
        severity: 'notice',
        grounds: [
          {
            kind: 'incident',
            evidence: {
              incidents: [
                { projectId: 'PF', on: '2025-05-01', severity: 'minor', note: '丁' },
                // 乙 (U+4E59) before 甲 (U+7532); then PE before PF on the same day.
                { projectId: 'PE', on: '2025-06-01', severity: 'minor', note: '乙' },
                { projectId: 'PE', on: '2025-06-01', severity: 'serious', note: '甲' },
                { projectId: 'PF', on: '2025-06-01', severity: 'minor', note: '丙' },
              ],
            },
          },
        ],
        projectIds: ['PE', 'PF'],
      },
    ]);
  });

  it('不调度: at least threshold months without a department meeting', () => {
    const portfolio = portfolioOf([p('P', 'D1')], ['D1']);
    const missed = (ms: YearMonth[], threshold: number) =>
      bare(accountabilityCases(portfolio, input({ missedMeetingMonths: new Map([['D1', ms]]), threshold })));
    expect(missed(months('2025-09'), 2)).toEqual([]);
    expect(missed(months('2025-07', '2025-09'), 2)).toStrictEqual([
      {
        departmentId: 'D1',
        severity: 'notice',
        grounds: [{ kind: 'notScheduling', evidence: { months: ['2025-07', '2025-09'], threshold: 2 } }],
        projectIds: [],
      },
    ]);
    expect(missed(months('2025-07', '2025-09'), 3)).toEqual([]);
    expect(missed(months('2025-07', '2025-08', '2025-09'), 3)[0]?.grounds).toStrictEqual([
      { kind: 'notScheduling', evidence: { months: ['2025-07', '2025-08', '2025-09'], threshold: 3 } },
    ]);
    // A department with no projects can still fail to schedule.
    expect(
      accountabilityCases(portfolioOf([], ['D1']), input({ missedMeetingMonths: new Map([['D1', months('2025-08', '2025-09')]]) })).map(
        (c) => c.departmentId,
      ),
    ).toEqual(['D1']);
  });

  it('不作为: a red run of at least inactionMonths, counted for its own department only', () => {
    const portfolio = portfolioOf([p('P', 'D1'), p('Q', 'D2')], ['D1', 'D2']);
    const red = (run: YearMonth[], inactionMonths: number) =>
      bare(accountabilityCases(portfolio, input({ redRuns: new Map([['P', run]]), inactionMonths })));
    expect(red(months('2025-08', '2025-09'), 3)).toEqual([]);
    expect(red(RED, 3)).toStrictEqual([
      {
        departmentId: 'D1',
        severity: 'notice',
        grounds: [{ kind: 'inaction', evidence: { projects: [{ projectId: 'P', redMonths: ['2025-07', '2025-08', '2025-09'] }] } }],
        projectIds: ['P'],
      },
    ]);
    expect(red(months('2025-08', '2025-09'), 2)[0]?.grounds).toStrictEqual([
      { kind: 'inaction', evidence: { projects: [{ projectId: 'P', redMonths: ['2025-08', '2025-09'] }] } },
    ]);
  });

  it('repeated triggers: two distinct rules of the department, its projects involved only then', () => {
    const portfolio = portfolioOf([p('P', 'D1'), p('Q', 'D2')], ['D1', 'D2']);
    const run = (triggers: InterviewTrigger[], missed: YearMonth[] = []) =>
      bare(accountabilityCases(portfolio, input({ triggers, missedMeetingMonths: new Map([['D1', missed]]) })));
    expect(run([trigger('3.2.2', 'D1', 'P'), trigger('3.2.2', 'D1', 'Q')])).toEqual([]);
    expect(run([trigger('3.2.2', 'D1', 'P'), trigger('3.2.5', 'D2', 'Q')])).toEqual([]);
    expect(run([trigger('3.2.6', 'D1'), trigger('3.2.1', 'D1')])).toStrictEqual([
      {
        departmentId: 'D1',
        severity: 'notice',
        grounds: [{ kind: 'repeatedTriggers', evidence: { rules: ['3.2.1', '3.2.6'] } }],
        projectIds: [],
      },
    ]);
    expect(run([trigger('3.2.2', 'D1', 'P')], months('2025-08', '2025-09'))[0]?.projectIds).toEqual([]);
  });

  it('makes no case without grounds', () => {
    expect(accountabilityCases(portfolioOf([p('P', 'D1')], ['D1']), input())).toEqual([]);
    expect(accountabilityCases(portfolioOf([], []), input())).toEqual([]);
  });

  describe('severity', () => {
    // One department: P (major livelihood when asked), Q ordinary.
    const severity = (
      opts: {
        livelihood?: boolean;
        missed?: boolean;
        redP?: boolean;
        redQ?: boolean;
        triggersOn?: string;
        incidents?: [string, string][];
      } = {},
    ) => {
      const incidents = (opts.incidents ?? []).map(([severity, on]) => incident(on, severity, '事故'));
      const portfolio = portfolioOf(
        [
          p('P', 'D1', opts.livelihood === undefined ? {} : { majorLivelihood: opts.livelihood }),
          p('Q', 'D1', incidents.length > 0 ? { incidents } : {}),
        ],
        ['D1'],
      );
      const redRuns = new Map<string, readonly YearMonth[]>([
        ...(opts.redP === true ? [['P', RED] as const] : []),
        ...(opts.redQ === true ? [['Q', RED] as const] : []),
      ]);
      const triggers =
        opts.triggersOn === undefined ? [] : [trigger('3.2.2', 'D1', opts.triggersOn), trigger('3.2.5', 'D1', opts.triggersOn)];
      const missedMeetingMonths = new Map([['D1', opts.missed === true ? months('2025-08', '2025-09') : []]]);
      const cases = accountabilityCases(portfolio, input({ redRuns, triggers, missedMeetingMonths }));
      return cases.map((c) => `${c.severity} ${String(c.grounds.length)}`);
    };

    it('notice for one ground, serious for two or more', () => {
      expect(severity({ missed: true })).toEqual(['notice 1']);
      expect(severity({ redQ: true })).toEqual(['notice 1']);
      expect(severity({ missed: true, redQ: true })).toEqual(['serious 2']);
      expect(severity({ missed: true, redQ: true, triggersOn: 'Q' })).toEqual(['serious 3']);
    });

    it('one step higher when a major livelihood project is involved, not merely present', () => {
      expect(severity({ livelihood: true, missed: true })).toEqual(['notice 1']);
      expect(severity({ livelihood: true, redQ: true })).toEqual(['notice 1']);
      expect(severity({ livelihood: false, redP: true })).toEqual(['notice 1']);
      expect(severity({ livelihood: true, redP: true })).toEqual(['serious 1']);
      expect(severity({ livelihood: true, triggersOn: 'P' })).toEqual(['serious 1']);
      expect(severity({ livelihood: true, missed: true, redP: true })).toEqual(['grave 2']);
      expect(severity({ livelihood: true, missed: true, redP: true, triggersOn: 'Q' })).toEqual(['grave 3']);
    });

    it('grave for a grave incident, whatever else; other incidents count as one ground', () => {
      expect(severity({ incidents: [['minor', '2025-06-01']] })).toEqual(['notice 1']);
      expect(severity({ incidents: [['serious', '2025-06-01']] })).toEqual(['notice 1']);
      expect(severity({ incidents: [['grave', '2025-06-01']] })).toEqual(['grave 1']);
      expect(
        severity({
          incidents: [
            ['minor', '2025-05-01'],
            ['grave', '2025-06-01'],
          ],
        }),
      ).toEqual(['grave 1']);
      expect(severity({ missed: true, incidents: [['serious', '2025-06-01']] })).toEqual(['serious 2']);
    });
  });

  describe('messages', () => {
    // The file's builders, for one department D1.
    const portfolio = (projects: RawProject[]): Portfolio => portfolioOf(projects, ['D1']);
    const inD1 = (id: string, extra: Partial<RawProject> = {}): RawProject => p(id, 'D1', extra);
    const triggerD1 = (rule: InterviewRule): InterviewTrigger => trigger(rule, 'D1');
    const incident = (on: string, severity: string): Record<string, unknown> => ({ on, severity, note: '事故' });
    const only = (cases: AccountabilityCase[]): AccountabilityCase => {
      expect(cases).toHaveLength(1);
      return defined(cases[0]);
    };
    const ground = (c: AccountabilityCase, kind: string): LocalizedText => defined(c.grounds.find((g) => g.kind === kind)).message;

    it('a department without missed meeting months has none, even at a threshold of one', () => {
      const pf = portfolio([inD1('PA')]);
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
          portfolio([inD1('PB'), inD1('PA')]),
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
      const c = only(accountabilityCases(portfolio([inD1('PA')]), input({ triggers: [triggerD1('3.2.2'), triggerD1('3.2.1')] })));
      const msg = ground(c, 'repeatedTriggers');
      mentions(msg, ['3.2.1', '3.2.2']);
      apart(msg.zh, '3.2.1', '3.2.2');
      apart(msg.en, '3.2.1', '3.2.2');
    });

    it('incidents give their count, "incident" in the singular for one and the plural for two', () => {
      const one = ground(
        only(accountabilityCases(portfolio([inD1('PA', { incidents: [incident('2025-06-01', 'minor')] })]), input())),
        'incident',
      );
      expect(one.zh).toContain('1');
      expect(one.en).toMatch(/\b1 incident\b/u);
      expect(one.en).not.toContain('incidents');
      const two = ground(
        only(
          accountabilityCases(
            portfolio([inD1('PA', { incidents: [incident('2025-06-01', 'minor'), incident('2025-07-01', 'minor')] })]),
            input(),
          ),
        ),
        'incident',
      );
      expect(two.zh).toContain('2');
      expect(two.en).toMatch(/\b2 incidents\b/u);
    });

    it('the finding gives the severity (its Chinese label in zh) and every ground message, each apart', () => {
      const pf = portfolio([inD1('PA', { incidents: [incident('2025-06-01', 'minor')] })]);
      const notice = accountabilityFinding(only(accountabilityCases(pf, input()))).message;
      expect(notice.zh).toContain('提醒');
      expect(notice.en).toContain('notice');

      const c = only(accountabilityCases(pf, input({ triggers: [triggerD1('3.2.1'), triggerD1('3.2.2')] })));
      expect(c.severity).toBe('serious');
      const [g1, g2] = c.grounds.map((g) => g.message);
      const serious = accountabilityFinding(c).message;
      expect(serious.zh).toContain('较重');
      expect(serious.en).toContain('serious');
      apart(serious.zh, defined(g1).zh, defined(g2).zh);
      apart(serious.en, defined(g1).en, defined(g2).en);

      const grave = accountabilityFinding(
        only(accountabilityCases(portfolio([inD1('PA', { incidents: [incident('2025-06-01', 'grave')] })]), input())),
      ).message;
      expect(grave.zh).toContain('严重');
      expect(grave.en).toContain('grave');
    });
  });
});

describe('accountabilityFinding', () => {
  const ground = (
    kind: AccountabilityGround['kind'],
    zh: string,
    en: string,
    evidence: AccountabilityGround['evidence'],
  ): AccountabilityGround => ({
    kind,
    message: { zh, en },
    evidence,
  });
  const grounds = [
    ground('notScheduling', '不调度甲', 'no scheduling a', { months: ['2025-08', '2025-09'], threshold: 2 }),
    ground('inaction', '不作为乙', 'inaction b', { projects: [{ projectId: 'P', redMonths: ['2025-09'] }] }),
  ];
  const make = (severity: AccountabilityCase['severity']): AccountabilityCase => ({
    departmentId: 'D1',
    severity,
    grounds,
    projectIds: ['P'],
  });

  it('is a warning for a notice and critical otherwise, with every ground flattened into the evidence', () => {
    for (const [severity, level] of [
      ['notice', 'warning'],
      ['serious', 'critical'],
      ['grave', 'critical'],
    ] as const) {
      const f = accountabilityFinding(make(severity));
      expect(checked(f)).toStrictEqual({
        rule: '3.3',
        subject: { kind: 'department', id: 'D1' },
        severity: level,
        evidence: {
          severity,
          grounds: [
            { kind: 'notScheduling', months: ['2025-08', '2025-09'], threshold: 2 },
            { kind: 'inaction', projects: [{ projectId: 'P', redMonths: ['2025-09'] }] },
          ],
          projectIds: ['P'],
        },
      });
      for (const g of grounds) {
        expect(f.message.zh).toContain(g.message.zh);
        expect(f.message.en).toContain(g.message.en);
      }
    }
    const zh = (['notice', 'serious', 'grave'] as const).map((s) => accountabilityFinding(make(s)).message.zh);
    expect(new Set(zh).size).toBe(3);
  });
});

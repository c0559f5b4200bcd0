// The findings' messages: each names the values it reports (checked by content, not by wording), and
// the logic edges the whole-result tests elsewhere leave open.
import { describe, expect, it } from 'vitest';
import { colourInput, metrics } from '../../test/fixtures/colour.js';
import { doc, project, reportsUpTo, type RawProject } from '../../test/fixtures/builders.js';
import { parseCalendarDate, parseYearMonth } from '../calendar/index.js';
import type { Finding } from '../findings/index.js';
import { HANDAN_2018, JINHUA, SANYA, type ColourPolicy, type Policy } from '../policy/index.js';
import { parsePortfolio, type Milestone, type Override, type Project, type Stall } from '../portfolio/index.js';
import { colourOf, type ColourResult } from './colourOf.js';
import { reconcileProject, type ReconcileContext } from './reconcileProject.js';

const d = parseCalendarDate;
const ym = parseYearMonth;
const SEP = ym('2025-09');
const AS_OF = d('2025-10-15'); // evaluated month 2025-09, E(m) = 2025-09-30

function parsed(p: RawProject): Project {
  const first = parsePortfolio(doc([p])).projects[0];
  if (first === undefined) throw new Error('no project');
  return first;
}

const input = colourInput;

function withColour(over: Partial<ColourPolicy>): ColourPolicy {
  return { ...HANDAN_2018.colour, ...over };
}

/** The only finding of `rule`. */
function only(findings: readonly Finding[], rule: Finding['rule']): Finding {
  const found = findings.filter((f) => f.rule === rule);
  expect(found).toHaveLength(1);
  const first = found[0];
  if (first === undefined) throw new Error(`no ${rule} finding`);
  return first;
}

const messageOf = (r: ColourResult, rule: Finding['rule']): Finding['message'] => only(r.findings, rule).message;

/** Both languages contain every value of `zh` / `en` respectively. */
function expectContains(message: Finding['message'], zh: readonly string[], en: readonly string[]): void {
  for (const v of zh) expect(message.zh).toContain(v);
  for (const v of en) expect(message.en).toContain(v);
}

/** The message with the given values blanked out, to compare the wording around them. */
function template(message: Finding['message'], values: readonly string[]): { zh: string; en: string } {
  const blank = (s: string): string => values.reduce((acc, v) => acc.split(v).join('#'), s);
  return { zh: blank(message.zh), en: blank(message.en) };
}

type Bare = Omit<Finding, 'message'>;
const bare = (findings: readonly Finding[]): Bare[] => findings.map(({ message: _message, ...rest }) => rest);

const ON_PLAN: Bare = {
  rule: 'colour.investment',
  subject: { kind: 'project', id: 'P' },
  severity: 'info',
  evidence: {
    month: '2025-09',
    colour: 'green',
    plannedToDate: '900',
    completedToDate: '900',
    annualPlan: '1200',
    schedulePct: '75.00',
    progressPct: '75.00',
    lagPp: '0.00',
    band: '≤ 0',
  },
};

// ---------------------------------------------------------------------------------------------------

describe('messages: investment lag (handan-2018)', () => {
  // Planned 900 to date of 1200: each 12 of completed investment is 1 pp.
  const rate = (completed: string): ColourResult => colourOf(input({ metrics: metrics('900', completed) }), HANDAN_2018.colour);

  it.each([
    ['960', '5.00', 'green', '绿'], // ahead
    ['840', '5.00', 'white', '白'], // behind
    ['600', '25.00', 'yellow', '黄'],
    ['480', '35.00', 'red', '红'],
  ])('completed %s shows %s pp and the colour %s', (completed, shown, colour, zh) => {
    const m = messageOf(rate(completed), 'colour.investment');
    expectContains(m, [shown, zh, '序时'], [shown, colour, 'schedule']);
    expect(m.zh).not.toContain(`-${shown}`);
    expect(m.en).not.toContain(`-${shown}`);
  });

  it('on schedule names the schedule and its colour', () => {
    expectContains(messageOf(rate('900'), 'colour.investment'), ['序时', '绿'], ['schedule', 'green']);
  });

  it('says ahead, on schedule and behind differently', () => {
    const ahead = template(messageOf(rate('960'), 'colour.investment'), ['5.00', '绿', 'green']);
    const on = template(messageOf(rate('900'), 'colour.investment'), ['0.00', '绿', 'green']);
    const behind = template(messageOf(rate('840'), 'colour.investment'), ['5.00', '白', 'white']);
    for (const [x, y] of [
      [ahead, on],
      [ahead, behind],
      [on, behind],
    ] as const) {
      expect(x.zh).not.toBe(y.zh);
      expect(x.en).not.toBe(y.en);
    }
  });
});

describe('messages: investment ratio and annual share', () => {
  it.each([
    ['450', '0.5000', 'yellow', '黄'],
    ['1000', '1.1111', 'green', '绿'],
    ['449.99', '0.5000', 'red', '红'],
  ])('sanya: completed %s of 900 shows the ratio %s and %s', (completed, shown, colour, zh) => {
    const m = messageOf(colourOf(input({ metrics: metrics('900', completed) }), SANYA.colour), 'colour.investment');
    expectContains(m, [shown, zh], [shown, colour]);
  });

  it.each([
    ['540', '45.00', 'yellow', '黄'],
    ['907.2', '75.60', 'blue', '蓝'],
  ])('jinhua: completed %s of 1200 shows %s %% and %s', (completed, shown, colour, zh) => {
    const m = messageOf(colourOf(input({ metrics: metrics('900', completed) }), JINHUA.colour), 'colour.investment');
    expectContains(m, [shown, zh], [shown, colour]);
  });
});

describe('messages: investment not rated', () => {
  const zero = messageOf(colourOf(input({ metrics: metrics('900', '100', '0') }), SANYA.colour), 'colour.investment');
  const none = messageOf(colourOf(input({ metrics: metrics('0', '50') }), SANYA.colour), 'colour.investment');

  it('tells a zero annual plan from nothing planned to date', () => {
    expect(zero.zh).not.toBe(none.zh);
    expect(zero.en).not.toBe(none.en);
  });

  it('names the annual plan and its 0 only when the annual plan is 0', () => {
    expectContains(zero, ['年度', '0'], ['annual', '0']);
    expect(none.zh).not.toContain('年度');
    expect(none.en).not.toContain('annual');
  });

  it('gives the same reason the same message under every investment rule', () => {
    expect(messageOf(colourOf(input({ metrics: metrics('900', '100', '0') }), HANDAN_2018.colour), 'colour.investment')).toEqual(zero);
    expect(messageOf(colourOf(input({ metrics: metrics('0', '50') }), SANYA.colour), 'colour.investment')).toEqual(none);
  });
});

describe('messages: stalls, milestones, missing report, open stalls', () => {
  it.each([
    [['2025-09', '2025-08'], '2', 'yellow', '黄'],
    [['2025-09', '2025-08', '2025-07'], '3', 'red', '红'],
  ])('a stall run of %j shows %s and %s', (months, run, colour, zh) => {
    const m = messageOf(colourOf(input({ stalledMonths: months.map(ym) }), HANDAN_2018.colour), 'colour.stall');
    expectContains(m, [run, zh], [run, colour]);
  });

  const ms = (id: string, kind: Milestone['kind'], name: string, due: string): Milestone => ({ id, kind, name, due: d(due) });

  it('an overdue start names 开工, the milestone, its due date and the month-ends overdue', () => {
    const m = ms('pile', 'start', '桩基施工', '2025-07-31');
    const msg = messageOf(
      colourOf(input({ overdue: [{ milestone: m, overdueMonths: 2 }] }), HANDAN_2018.colour),
      'colour.overdueMilestone',
    );
    expectContains(msg, ['开工', '桩基施工', '2025-07-31', '2', '黄'], ['start', 'pile', '2025-07-31', '2', 'yellow']);
    expect(msg.zh).not.toContain('竣工');
    expect(msg.zh).not.toContain('start');
  });

  it('an overdue completion names 竣工', () => {
    const m = ms('handover', 'completion', '主体交付', '2025-06-30');
    const msg = messageOf(
      colourOf(input({ overdue: [{ milestone: m, overdueMonths: 3 }] }), HANDAN_2018.colour),
      'colour.overdueMilestone',
    );
    expectContains(msg, ['竣工', '主体交付', '2025-06-30', '3', '红'], ['completion', 'handover', '2025-06-30', '3', 'red']);
    expect(msg.zh).not.toContain('开工');
    expect(msg.zh).not.toContain('completion');
  });

  it('a missing report names the evaluated month', () => {
    const msg = messageOf(colourOf(input({ month: ym('2025-08'), hasReport: false }), HANDAN_2018.colour), 'colour.missingReport');
    expectContains(msg, ['2025-08', '黄'], ['2025-08', 'yellow']);
  });

  it('an open stall names its start date, and its evidence has no note key without a note', () => {
    const s: Stall = { since: d('2025-09-10'), cause: 'objective' };
    const r = colourOf(input({ openStalls: [s] }), HANDAN_2018.colour);
    const f = only(r.findings, 'colour.openStall');
    expectContains(f.message, ['2025-09-10', '红'], ['2025-09-10', 'red']);
    expect(bare([f])).toStrictEqual([
      {
        rule: 'colour.openStall',
        subject: { kind: 'project', id: 'P' },
        severity: 'critical',
        evidence: { month: '2025-09', colour: 'red', since: '2025-09-10', cause: 'objective' },
      },
    ]);
  });
});

describe('colourOf: colours outside the scale (unvalidated policies)', () => {
  const purpleStall = (steps: ColourPolicy['stall']['steps'], over: Partial<ColourPolicy> = {}): ColourPolicy =>
    withColour({ stall: { enabled: true, steps }, ...over });
  const stallFinding = (colour: string): Bare => ({
    rule: 'colour.stall',
    subject: { kind: 'project', id: 'P' },
    severity: 'info',
    evidence: { month: '2025-09', colour, stallRun: 1, months: ['2025-09'] },
  });

  it('a step colour outside the scale is still proposed, named by its id, without changing the colour', () => {
    const r = colourOf(input({ stalledMonths: [SEP] }), purpleStall([{ atLeast: 1, colour: 'purple' }]));
    expect({ colour: r.colour, findings: bare(r.findings) }).toEqual({ colour: 'green', findings: [ON_PLAN, stallFinding('purple')] });
    expectContains(messageOf(r, 'colour.stall'), ['purple'], ['purple']);
  });

  it('of two steps of equal rank, the first reached is kept', () => {
    const r = colourOf(
      input({ stalledMonths: [SEP] }),
      purpleStall([
        { atLeast: 1, colour: 'purple' },
        { atLeast: 1, colour: 'orange' },
      ]),
    );
    expect({ colour: r.colour, findings: bare(r.findings) }).toEqual({ colour: 'green', findings: [ON_PLAN, stallFinding('purple')] });
  });

  it('with an empty scale, a colour outside it does not replace the empty colour', () => {
    const r = colourOf(
      input({ metrics: metrics('0', '0', '0'), stalledMonths: [SEP] }),
      purpleStall([{ atLeast: 1, colour: 'purple' }], { scale: [] }),
    );
    expect({ colour: r.colour, findings: bare(r.findings) }).toEqual({
      colour: '',
      findings: [
        {
          rule: 'colour.investment',
          subject: { kind: 'project', id: 'P' },
          severity: 'info',
          evidence: { month: '2025-09', colour: null, reason: 'zeroAnnualPlan', plannedToDate: '0', completedToDate: '0', annualPlan: '0' },
        },
        stallFinding('purple'),
      ],
    });
  });

  it('shows null percentages of lag-only metrics as null', () => {
    const full = metrics('900', '840');
    const r = colourOf(input({ metrics: { ...full, schedulePct: null, progressPct: null } }), HANDAN_2018.colour);
    expect({ colour: r.colour, findings: bare(r.findings) }).toEqual({
      colour: 'white',
      findings: [
        {
          ...ON_PLAN,
          evidence: {
            ...ON_PLAN.evidence,
            colour: 'white',
            completedToDate: '840',
            schedulePct: null,
            progressPct: null,
            lagPp: '5.00',
            band: '< 10',
          },
        },
      ],
    });
  });
});

// ---------------------------------------------------------------------------------------------------

describe('reconcileProject: override messages', () => {
  const o = (colour: string): Override => ({ projectId: 'P', month: SEP, colour, reason: '现场核查', by: '市发改委' });
  const run = (p: RawProject, ctx: Partial<ReconcileContext>): Finding['message'] =>
    only(reconcileProject(parsed(p), { asOf: AS_OF, month: SEP, policy: HANDAN_2018, ...ctx }).findings, 'colour.override').message;

  it('names the computed and the new colour (zh labels, en ids), who and why', () => {
    const m = run(project('P', reportsUpTo(9)), { override: o('yellow') });
    expectContains(m, ['绿', '黄', '市发改委', '现场核查'], ['green', 'yellow', '市发改委', '现场核查']);
    expect(m.zh).not.toContain('green');
    expect(m.zh).not.toContain('白');
  });

  it('names a computed colour that is not the first of the scale', () => {
    const p = project('P', reportsUpTo(9), { stalls: [{ since: '2025-09-10', cause: 'objective' }] });
    const m = run(p, { override: o('white') });
    expectContains(m, ['红', '白'], ['red', 'white']);
    expect(m.zh).not.toContain('red');
    expect(m.zh).not.toContain('绿');
  });

  it('names an override colour outside the scale', () => {
    expectContains(run(project('P', reportsUpTo(9)), { override: o('purple') }), ['purple'], ['purple']);
  });
});

describe('reconcileProject: only start and completion milestones reach the colour rules', () => {
  it('ignores an overdue procedure milestone even under a policy that lists other kinds', () => {
    const kinds = ['start', 'completion', 'procedure', 'physical'] as unknown as Policy['colour']['overdueMilestone']['kinds'];
    const policy: Policy = {
      ...HANDAN_2018,
      colour: { ...HANDAN_2018.colour, overdueMilestone: { ...HANDAN_2018.colour.overdueMilestone, kinds } },
    };
    const p = project('P', reportsUpTo(9), {
      milestones: [
        { id: 'p', kind: 'procedure', name: '用地', due: '2025-01-31' },
        { id: 'q', kind: 'physical', name: '封顶', due: '2025-02-28' },
      ],
    });
    const line = reconcileProject(parsed(p), { asOf: AS_OF, month: SEP, policy });
    expect({ colour: line.colour, computedColour: line.computedColour, findings: bare(line.findings) }).toEqual({
      colour: 'green',
      computedColour: 'green',
      findings: [ON_PLAN],
    });
  });
});

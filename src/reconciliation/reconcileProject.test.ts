// Tests of reconcileProject (1.3): the whole line of a project for the evaluated month.
import { describe, expect, it } from 'vitest';
import { parsed, project, report, reportsUpTo, type RawProject } from '../../test/fixtures/builders.js';
import {
  type Bare,
  bare,
  expectContains,
  finding,
  lagFinding,
  ledger,
  notRated,
  ON_PLAN,
  only,
  rep,
  sev,
} from '../../test/fixtures/reconciliation.js';
import { parseCalendarDate, parseYearMonth, type YearMonth } from '../calendar/index.js';
import type { Finding } from '../findings/index.js';
import { HANDAN_2018, YINCHUAN, type Policy } from '../policy/index.js';
import type { Override, Project } from '../portfolio/index.js';
import { reconcileProject, type ProjectEvaluation, type ReconcileContext } from './reconcileProject.js';

const d = parseCalendarDate;
const ym = parseYearMonth;
const SEP = ym('2025-09');
const AS_OF = d('2025-10-15'); // evaluated month 2025-09, E(m) = 2025-09-30

type BareLine = Omit<ProjectEvaluation, 'findings'> & { findings: Bare[] };

function reconciled(p: Project, ctx: Partial<ReconcileContext> = {}): BareLine {
  const line = reconcileProject(p, { asOf: AS_OF, month: SEP, policy: HANDAN_2018, ...ctx });
  return { ...line, findings: bare(line.findings) };
}

const rp = (p: RawProject, ctx: Partial<ReconcileContext> = {}): BareLine => reconciled(parsed(p), ctx);

describe('reconcileProject', () => {
  const BASE = {
    projectId: 'P',
    name: '项目P',
    departmentId: 'D1',
    colour: 'green',
    computedColour: 'green',
    plannedToDate: '900',
    completedToDate: '900',
    annualPlan: '1200',
    schedulePct: '75.00',
    progressPct: '75.00',
    lagPp: '0.00',
    stallRun: 0,
    forecast: { runRate: '100', requiredMonthly: '100', projectedYearEnd: '1200' },
    milestones: [],
    findings: [ON_PLAN],
  };

  it('gives the whole line of a project on plan; months after m are not summed', () => {
    expect(rp(project('P', reportsUpTo(9)))).toEqual(BASE);
    expect(rp(project('P', [...reportsUpTo(9), report(10, '5000'), report(11, '-3')]))).toEqual(BASE);
  });

  it('shows a hair ahead as 0.00, never -0.00, and rates it green', () => {
    expect(rp(project('P', [...reportsUpTo(8), report(9, '100.000001')]))).toEqual({
      ...BASE,
      completedToDate: '900.000001',
      progressPct: '75.00',
      lagPp: '0.00',
      forecast: { runRate: '100', requiredMonthly: '100', projectedYearEnd: '1200' },
      findings: [lagFinding('green', '900.000001', '75.00', '0.00', '≤ 0')],
    });
  });

  it('gives the whole line of a project behind, with its forecast rounded per the policy', () => {
    const p = project('P', [...reportsUpTo(8), report(9, '0')]);
    const line = {
      ...BASE,
      colour: 'white',
      computedColour: 'white',
      completedToDate: '800',
      progressPct: '66.67',
      lagPp: '8.33',
      stallRun: 1,
      forecast: { runRate: '88.89', requiredMonthly: '133.33', projectedYearEnd: '1066.67' },
      findings: [lagFinding('white', '800', '66.67', '8.33', '< 10')],
    };
    // One stalled month is no rule; white.
    expect(rp(p)).toEqual(line);
    const whole: Policy = { ...HANDAN_2018, forecast: { decimals: 0 } };
    expect(rp(p, { policy: whole })).toEqual({
      ...line,
      forecast: { runRate: '89', requiredMonthly: '133', projectedYearEnd: '1067' },
    });
  });

  it('counts the stall run up to m: 2 months yellow, 3 red', () => {
    const two = project('P', [...reportsUpTo(7), report(8, '100', { noProgress: true }), report(9, '0')]);
    expect(rp(two)).toEqual({
      ...BASE,
      colour: 'yellow',
      computedColour: 'yellow',
      completedToDate: '800',
      progressPct: '66.67',
      lagPp: '8.33',
      stallRun: 2,
      forecast: { runRate: '88.89', requiredMonthly: '133.33', projectedYearEnd: '1066.67' },
      findings: [
        lagFinding('white', '800', '66.67', '8.33', '< 10'),
        finding('colour.stall', 'warning', { month: '2025-09', colour: 'yellow', stallRun: 2, months: ['2025-08', '2025-09'] }),
      ],
    });
    const three = project('P', [...reportsUpTo(6), report(7, '0'), report(8, '0'), report(9, '0')]);
    expect(rp(three)).toEqual({
      ...BASE,
      colour: 'red',
      computedColour: 'red',
      completedToDate: '600',
      progressPct: '50.00',
      lagPp: '25.00',
      stallRun: 3,
      forecast: { runRate: '66.67', requiredMonthly: '200', projectedYearEnd: '800' },
      findings: [
        lagFinding('yellow', '600', '50.00', '25.00', '≤ 30'),
        finding('colour.stall', 'critical', { month: '2025-09', colour: 'red', stallRun: 3, months: ['2025-07', '2025-08', '2025-09'] }),
      ],
    });
  });

  it('without a report for m: yellow, and a report for another month does not count', () => {
    expect(rp(project('P', [...reportsUpTo(8, '112.5'), report(10, '0')]))).toEqual({
      ...BASE,
      colour: 'yellow',
      computedColour: 'yellow',
      forecast: { runRate: '100', requiredMonthly: '100', projectedYearEnd: '1200' },
      findings: [ON_PLAN, finding('colour.missingReport', 'warning', { month: '2025-09', colour: 'yellow' })],
    });
  });

  it('a zero annual plan: null percentages, the sums, green', () => {
    expect(rp(project('P', reportsUpTo(9, '10'), { annualPlan: '0', ledger: ledger([]) }))).toEqual({
      ...BASE,
      plannedToDate: '0',
      completedToDate: '90',
      annualPlan: '0',
      schedulePct: null,
      progressPct: null,
      lagPp: null,
      forecast: { runRate: '10', requiredMonthly: '-30', projectedYearEnd: '120' },
      findings: [notRated('zeroAnnualPlan', '0', '90', '0')],
    });
  });

  describe('milestones', () => {
    const raw = [
      { id: 'b', kind: 'procedure', name: '施工许可', due: '2025-06-30' },
      { id: 'e', kind: 'completion', name: '竣工', due: '2025-10-14' },
      { id: 'a', kind: 'physical', name: '主体封顶', due: '2025-06-30', achievedOn: '2025-06-30' },
      { id: 'd', kind: 'completion', name: '二期竣工', due: '2025-10-15' },
      { id: 'c', kind: 'start', name: '开工', due: '2025-03-31', achievedOn: '2025-04-02' },
      { id: 'f', kind: 'start', name: '二期开工', due: '2025-08-31' },
    ];
    const withMs = (ms: Record<string, unknown>[], reports = reportsUpTo(9)): RawProject => project('P', reports, { milestones: ms });
    const achievedF = [...reportsUpTo(8), report(9, '100', { achieved: { f: '2025-09-30' } })];
    const expected = [
      { id: 'c', kind: 'start', name: '开工', due: '2025-03-31', achievedOn: '2025-04-02', state: 'late' },
      { id: 'a', kind: 'physical', name: '主体封顶', due: '2025-06-30', achievedOn: '2025-06-30', state: 'met' },
      { id: 'b', kind: 'procedure', name: '施工许可', due: '2025-06-30', achievedOn: null, state: 'overdue' },
      { id: 'f', kind: 'start', name: '二期开工', due: '2025-08-31', achievedOn: '2025-09-30', state: 'late' },
      { id: 'e', kind: 'completion', name: '竣工', due: '2025-10-14', achievedOn: null, state: 'overdue' },
      { id: 'd', kind: 'completion', name: '二期竣工', due: '2025-10-15', achievedOn: null, state: 'pending' },
    ];

    it('lists them by due date then id, with state at asOf, whatever the input order; none overdue at E(m)', () => {
      expect(rp(withMs(raw, achievedF))).toEqual({ ...BASE, milestones: expected });
      expect(rp(withMs([...raw].reverse(), achievedF))).toEqual({ ...BASE, milestones: expected });
      const shuffled = [3, 0, 5, 2, 4, 1].flatMap((i) => raw[i] ?? []);
      expect(rp(withMs(shuffled, achievedF))).toEqual({ ...BASE, milestones: expected });
    });

    const start = (due: string, achievedOn?: string): RawProject =>
      withMs([{ id: 's', kind: 'start', name: '开工', due, ...(achievedOn !== undefined && { achievedOn }) }]);
    const overdueLine = (due: string, achievedOn: string | null, state: string, colour: string, n: number): Record<string, unknown> => ({
      ...BASE,
      colour,
      computedColour: colour,
      milestones: [{ id: 's', kind: 'start', name: '开工', due, achievedOn, state }],
      findings:
        n === 0
          ? [ON_PLAN]
          : [
              ON_PLAN,
              finding('colour.overdueMilestone', sev(colour), {
                month: '2025-09',
                colour,
                milestoneId: 's',
                kind: 'start',
                due,
                overdueMonths: n,
              }),
            ],
    });

    it.each([
      ['2025-10-15', 'pending', 'green', 0], // due on asOf: not late yet
      ['2025-10-01', 'overdue', 'green', 0], // overdue at asOf, not at E(m)
      ['2025-09-30', 'overdue', 'green', 0], // due on E(m): not overdue at m
      ['2025-09-29', 'overdue', 'yellow', 1],
      ['2025-08-01', 'overdue', 'yellow', 2],
      ['2025-07-31', 'overdue', 'yellow', 2],
      ['2025-07-30', 'overdue', 'red', 3],
      ['2025-06-30', 'overdue', 'red', 3],
    ])('a start due %s, not achieved: %s, %s', (due, state, colour, n) => {
      expect(rp(start(due))).toEqual(overdueLine(due, null, state, colour, n));
    });

    it('an achievement on or before E(m) clears the overdue; one after it does not', () => {
      expect(rp(start('2025-06-30', '2025-09-30'))).toEqual(overdueLine('2025-06-30', '2025-09-30', 'late', 'green', 0));
      expect(rp(start('2025-06-30', '2025-10-01'))).toEqual(overdueLine('2025-06-30', '2025-10-01', 'late', 'red', 3));
    });

    it('rates a completion milestone too, and never a procedure one', () => {
      const line = rp(
        withMs([
          { id: 'k', kind: 'completion', name: '竣工', due: '2025-09-15' },
          { id: 'p', kind: 'procedure', name: '用地', due: '2025-01-31' },
        ]),
      );
      expect(line.colour).toBe('yellow');
      expect(line.findings).toEqual([
        ON_PLAN,
        finding('colour.overdueMilestone', 'warning', {
          month: '2025-09',
          colour: 'yellow',
          milestoneId: 'k',
          kind: 'completion',
          due: '2025-09-15',
          overdueMonths: 1,
        }),
      ]);
    });

    it('passes only overdue milestones to the rule, even when a step starts at 0', () => {
      const policy: Policy = {
        ...HANDAN_2018,
        colour: {
          ...HANDAN_2018.colour,
          overdueMilestone: {
            ...HANDAN_2018.colour.overdueMilestone,
            steps: [
              { atLeast: 0, colour: 'white' },
              { atLeast: 1, colour: 'yellow' },
            ],
          },
        },
      };
      expect(rp(start('2025-12-31'), { policy })).toEqual(overdueLine('2025-12-31', null, 'pending', 'green', 0));
    });
  });

  describe('open stalls at E(m)', () => {
    const withStalls = (stalls: Record<string, unknown>[]): RawProject => project('P', reportsUpTo(9), { stalls });
    const open = (since: string, cause: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
      finding('colour.openStall', 'critical', { month: '2025-09', colour: 'red', since, cause, ...extra });

    it.each([
      [{ since: '2025-09-30', cause: 'objective' }, true], // began on E(m)
      [{ since: '2025-10-01', cause: 'objective' }, false], // began after E(m)
      [{ since: '2025-08-01', until: '2025-09-30', cause: 'other' }, false], // resumed on E(m)
      [{ since: '2025-08-01', until: '2025-10-01', cause: 'other' }, true], // resumed after E(m)
      [{ since: '2025-10-01', until: '2025-10-02', cause: 'other' }, false],
    ])('%j open: %s', (s, isOpen) => {
      const line = rp(withStalls([s]));
      expect(line).toEqual(isOpen ? { ...BASE, colour: 'red', computedColour: 'red', findings: [ON_PLAN, open(s.since, s.cause)] } : BASE);
    });

    it('reports each open stall, with its note', () => {
      const line = rp(
        withStalls([
          { since: '2025-03-01', until: '2025-04-01', cause: 'objective' },
          { since: '2025-09-10', cause: 'insufficientPreliminaryStudy', note: '方案调整' },
        ]),
      );
      expect(line.findings).toEqual([ON_PLAN, open('2025-09-10', 'insufficientPreliminaryStudy', { note: '方案调整' })]);
    });
  });

  describe('overrides', () => {
    const o = (colour: string): Override => ({ projectId: 'P', month: SEP, colour, reason: '现场核查', by: '市发改委' });

    it('an override in the scale replaces the colour and keeps the computed one', () => {
      expect(rp(project('P', reportsUpTo(9)), { override: o('yellow') })).toEqual({
        ...BASE,
        colour: 'yellow',
        findings: [
          ON_PLAN,
          finding('colour.override', 'info', {
            month: '2025-09',
            computedColour: 'green',
            colour: 'yellow',
            reason: '现场核查',
            by: '市发改委',
          }),
        ],
      });
      expect(rp(project('P', reportsUpTo(9)), { override: o('green') }).colour).toBe('green');
      // The best colour of the scale replaces a worse one too.
      const behind = rp(project('P', reportsUpTo(9, '50')), { override: o('green') });
      expect([behind.colour, behind.computedColour]).toEqual(['green', 'red']);
    });

    it('an override outside the scale is ignored with a warning', () => {
      expect(rp(project('P', reportsUpTo(9)), { override: o('purple') })).toEqual({
        ...BASE,
        findings: [
          ON_PLAN,
          finding('colour.override', 'warning', {
            month: '2025-09',
            colour: 'purple',
            scale: ['green', 'white', 'yellow', 'red'],
            reason: '现场核查',
            by: '市发改委',
          }),
        ],
      });
      // yinchuan has no white.
      const yc = rp(project('P', reportsUpTo(9)), { override: o('white'), policy: YINCHUAN });
      expect(yc.colour).toBe('green');
      expect(yc.computedColour).toBe('green');
      expect(yc.findings[1]).toEqual(
        finding('colour.override', 'warning', {
          month: '2025-09',
          colour: 'white',
          scale: ['green', 'yellow', 'red'],
          reason: '现场核查',
          by: '市发改委',
        }),
      );
    });
  });

  it('without an evaluated month: every figure null, milestones still stated, no finding even with an override', () => {
    const p = project('P', [], {
      milestones: [
        { id: 'x', kind: 'start', name: '开工', due: '2025-02-05' },
        { id: 'w', kind: 'procedure', name: '立项', due: '2025-02-04' },
      ],
    });
    expect(
      rp(p, {
        asOf: d('2025-02-05'),
        month: null,
        override: { projectId: 'P', month: ym('2025-01'), colour: 'red', reason: 'r', by: 'b' },
      }),
    ).toEqual({
      ...BASE,
      colour: null,
      computedColour: null,
      plannedToDate: null,
      completedToDate: null,
      schedulePct: null,
      progressPct: null,
      lagPp: null,
      stallRun: null,
      forecast: { runRate: null, requiredMonthly: null, projectedYearEnd: null },
      milestones: [
        { id: 'w', kind: 'procedure', name: '立项', due: '2025-02-04', achievedOn: null, state: 'overdue' },
        { id: 'x', kind: 'start', name: '开工', due: '2025-02-05', achievedOn: null, state: 'pending' },
      ],
      findings: [],
    });
  });

  it('evaluates January, a stall run not reaching back into the previous year', () => {
    const base = parsed(project('P', []));
    const crossYear: Project = { ...base, reports: [rep('2024-12', '0', { noProgress: true }), rep('2025-01', '0', { noProgress: true })] };
    const jan: YearMonth = ym('2025-01');
    const line = reconciled(crossYear, { asOf: d('2025-02-06'), month: jan });
    expect(line).toEqual({
      ...BASE,
      colour: 'white',
      computedColour: 'white',
      plannedToDate: '100',
      completedToDate: '0',
      schedulePct: '8.33',
      progressPct: '0.00',
      lagPp: '8.33',
      stallRun: 1,
      forecast: { runRate: '0', requiredMonthly: '109.09', projectedYearEnd: '0' },
      findings: [lagFinding('white', '0', '0.00', '8.33', '< 10', { planned: '100', schedulePct: '8.33', month: '2025-01' })],
    });
  });

  describe('override messages', () => {
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

  describe('only start and completion milestones reach the colour rules', () => {
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
});

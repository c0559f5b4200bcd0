import { describe, expect, it } from 'vitest';
import { doc, project, report, reportsUpTo, type RawDoc, type RawProject } from '../test/fixtures/builders.js';
import type { WorkingCalendar } from './calendar/index.js';
import { evaluate, type Evaluation } from './evaluate.js';
import type { Finding } from './findings/index.js';
import { parsePolicy } from './policy/index.js';
import { parsePortfolio, type Portfolio } from './portfolio/index.js';

const run = (d: RawDoc, asOf = '2025-10-15'): Evaluation => evaluate(parsePortfolio(d), { asOf });

/** Department meetings on the 10th of every month up to September, listing `departmentId`. */
const monthlyMeetings = (departmentId: string): Record<string, unknown>[] =>
  ['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((mm) => ({
    level: 'department',
    on: `2025-${mm}-10`,
    departmentIds: [departmentId],
    form: 'site',
  }));

describe('evaluate: names, colours and history for readers', () => {
  const d = doc(
    [
      project('P', [...reportsUpTo(6), report(7, '0'), report(8, '0'), report(9, '0')], {
        milestones: [{ id: 's', kind: 'start', name: '开工', due: '2025-03-31', achievedOn: '2025-04-02' }],
      }),
    ],
    { city: '邯郸市', overrides: [{ projectId: 'P', month: '2025-02', colour: 'white', reason: '核查', by: '市发改委' }] },
  );
  // Evaluated in each test, so that mutation testing sees which test covers which rule.
  const run = () => evaluate(parsePortfolio(d), { asOf: '2025-10-15' });

  it('carries the city, the colour scale and the departments with their leaders', () => {
    const e = run();
    expect(e.city).toBe('邯郸市');
    expect(e.colours.map((c) => c.id)).toEqual(['green', 'white', 'yellow', 'red']);
    expect(e.departments).toEqual([{ departmentId: 'D1', name: '市住建局', leaderId: 'L2', leaderName: '副市长' }]);
  });

  it("gives each month's displayed colour up to the evaluated month, override included", () => {
    const e = run();
    const h = e.projects[0]?.history ?? [];
    expect(h.map((x) => x.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
    ]);
    expect(h.map((x) => x.colour)).toEqual(['green', 'white', 'green', 'green', 'green', 'green', 'white', 'yellow', 'red']);
    expect(h[h.length - 1]?.colour).toBe(e.projects[0]?.colour);
  });

  it('names each milestone and gives its achievement date', () => {
    const e = run();
    expect(e.projects[0]?.milestones).toEqual([
      { id: 's', kind: 'start', name: '开工', due: '2025-03-31', achievedOn: '2025-04-02', state: 'late' },
    ]);
  });

  it('has no history before the first evaluated month', () => {
    expect(evaluate(parsePortfolio(d), { asOf: '2025-02-01' }).projects[0]?.history).toEqual([]);
  });

  it('gives every history entries of its own, which a caller may change without touching another', () => {
    const two = doc([project('A', reportsUpTo(9)), project('B', reportsUpTo(9))]);
    const [a, b] = evaluate(parsePortfolio(two), { asOf: '2025-10-15' }).projects.map((p) => p.history);
    expect(a).toEqual(b);
    (a?.[0] as { colour: string | null }).colour = 'red';
    expect(b?.[0]?.colour).toBe('green');
    expect(evaluate(parsePortfolio(two), { asOf: '2025-10-15' }).projects[0]?.history[0]?.colour).toBe('green');
  });
});

describe('evaluate: the order of a project findings', () => {
  it("sorts a project's compliance gaps among its line's findings: approval warning, late, then missing reports", () => {
    // March missing, May late, a procedure due soon and no start: 1.2 gaps made in month order, then the warning.
    const reports = reportsUpTo(9).filter((r) => r['month'] !== '2025-03');
    const late = reports.map((r) => (r['month'] === '2025-05' ? { ...r, submittedOn: '2025-06-20' } : r));
    const d = doc([
      project('P', late, {
        milestones: [{ id: 'pre', kind: 'procedure', name: '施工许可', due: '2025-10-20' }],
      }),
    ]);
    const e = evaluate(parsePortfolio(d), { asOf: '2025-10-15' });
    const gaps = e.findings.filter((f) => f.subject.id === 'P' && f.rule === '1.2').map((f) => f.evidence['kind']);
    expect(gaps).toEqual(['approvalWarning', 'reportLate', 'reportMissing']);
    expect(e.findings.filter((f) => f.subject.id === 'P').map((f) => f.rule)).toEqual(['1.2', '1.2', '1.2', 'colour.investment']);
  });
});

describe('evaluate', () => {
  describe('defaults of the result', () => {
    it('gives the document unit, and 万元 when the document names none', () => {
      expect(run(doc([project('P', reportsUpTo(9))], { unit: '元' })).unit).toBe('元');
      expect(run(doc([project('P', reportsUpTo(9))], { unit: '亿元' })).unit).toBe('亿元');
      const raw = doc([project('P', reportsUpTo(9))]);
      delete raw['unit'];
      const parsed = parsePortfolio(raw);
      expect(parsed.unit).toBeUndefined();
      expect(evaluate(parsed, { asOf: '2025-10-15' }).unit).toBe('万元');
    });

    it('gives the city as named, and null when the document names none', () => {
      expect(run(doc([project('P', reportsUpTo(9))])).city).toBeNull();
      expect(run(doc([project('P', reportsUpTo(9))], { city: '邯郸市' })).city).toBe('邯郸市');
    });

    it("names a department's leader by the leader's id when the leader is unknown", () => {
      const parsed = parsePortfolio(
        doc([project('P', reportsUpTo(9))], {
          departments: [
            { id: 'D1', name: '市住建局', leaderId: 'L2' },
            { id: 'D0', name: '市水利局', leaderId: 'L2' },
          ],
        }),
      );
      const portfolio: Portfolio = {
        ...parsed,
        departments: parsed.departments.map((d) => (d.id === 'D0' ? { ...d, leaderId: 'L-gone' } : d)),
      };
      expect(evaluate(portfolio, { asOf: '2025-10-15' }).departments).toEqual([
        { departmentId: 'D0', name: '市水利局', leaderId: 'L-gone', leaderName: 'L-gone' },
        { departmentId: 'D1', name: '市住建局', leaderId: 'L2', leaderName: '副市长' },
      ]);
    });

    it('lists the projects by id (code units) whatever the input order', () => {
      const e = run(doc([project('P2', reportsUpTo(9)), project('P10', reportsUpTo(9, '0')), project('P1', reportsUpTo(9, '50'))]));
      expect(e.projects.map((p) => p.projectId)).toEqual(['P1', 'P10', 'P2']);
      expect(e.projects.map((p) => p.completedToDate)).toEqual(['450', '0', '900']);
      expect(e.projects.map((p) => p.colour)).toEqual(['red', 'red', 'green']);
    });
  });

  describe("the policy's and the calendar's deadlines", () => {
    const d = doc([project('P', reportsUpTo(9))]);

    it("uses the policy's report due day for the evaluated month", () => {
      const policy = parsePolicy({ extends: 'handan-2018', reporting: { dueDay: 10 } });
      const at = (asOf: string) => evaluate(parsePortfolio(d), { asOf, policy });
      expect(at('2025-10-08').policy).toBe('custom');
      expect(at('2025-10-08').month).toBe('2025-08');
      expect(at('2025-10-10').month).toBe('2025-08');
      expect(at('2025-10-11').month).toBe('2025-09');
      expect(evaluate(parsePortfolio(d), { asOf: '2025-10-08' }).month).toBe('2025-09');
    });

    it('moves a due date off a non-working day when a calendar is given', () => {
      const calendar: WorkingCalendar = { isWorkingDay: (day) => day !== '2025-10-05' };
      expect(evaluate(parsePortfolio(d), { asOf: '2025-10-06', calendar }).month).toBe('2025-08');
      expect(evaluate(parsePortfolio(d), { asOf: '2025-10-07', calendar }).month).toBe('2025-09');
      expect(evaluate(parsePortfolio(d), { asOf: '2025-10-06' }).month).toBe('2025-09');
    });

    it("judges a report's lateness against the moved due date", () => {
      const calendar: WorkingCalendar = { isWorkingDay: (day) => day !== '2025-10-05' };
      const late = doc([project('P', [...reportsUpTo(8), report(9, '100', { submittedOn: '2025-10-06' })])]);
      const lateSeptember = (e: Evaluation) => e.compliance.filter((c) => c.kind === 'reportLate' && c.period === '2025-09');
      expect(lateSeptember(evaluate(parsePortfolio(late), { asOf: '2025-10-15', calendar }))).toEqual([]);
      expect(lateSeptember(evaluate(parsePortfolio(late), { asOf: '2025-10-15' })).map((c) => c.subjectId)).toEqual(['P']);
    });
  });

  describe('data warnings beside the rules (D4)', () => {
    const mine = (e: Evaluation, rule: Finding['rule']) => (e.projects[0]?.findings ?? []).filter((f) => f.rule === rule);

    it('warns under 1.1 when the ledger months do not sum to the annual plan', () => {
      const e = run(doc([project('P', reportsUpTo(9), { annualPlan: '1300' })]));
      const found = mine(e, '1.1');
      expect(found).toHaveLength(1);
      const f = found[0];
      expect(f?.subject).toEqual({ kind: 'project', id: 'P' });
      expect(f?.severity).toBe('warning');
      expect(f?.evidence).toEqual({ ledgerTotal: '1200', annualPlan: '1300' });
      for (const text of [f?.message.zh ?? '', f?.message.en ?? '']) {
        expect(text).toContain('1200');
        expect(text).toContain('1300');
      }
      expect(e.findings.filter((x) => x.rule === '1.1' && x.subject.kind === 'project')).toEqual(found);
      expect(mine(run(doc([project('P', reportsUpTo(9))])), '1.1')).toEqual([]);
    });

    it('warns under 1.2 for each report without a submission date, which still counts', () => {
      const undated = (mm: number) => ({ month: `2025-0${mm}`, investment: '100' });
      const e = run(
        doc([project('P', [...reportsUpTo(2), undated(3), ...reportsUpTo(6).slice(3), undated(7), ...reportsUpTo(9).slice(7)])]),
      );
      const found = mine(e, '1.2');
      expect(found.map((f) => f.evidence)).toEqual([{ month: '2025-03' }, { month: '2025-07' }]);
      for (const [i, month] of ['2025-03', '2025-07'].entries()) {
        const f = found[i];
        expect(f?.subject).toEqual({ kind: 'project', id: 'P' });
        expect(f?.severity).toBe('warning');
        expect(f?.message.zh).toContain(month);
        expect(f?.message.en).toContain(month);
      }
      expect(e.projects[0]?.completedToDate).toBe('900');
    });
  });

  describe('interview cases', () => {
    const withTriggers = (extra: Partial<RawDoc>): RawDoc =>
      doc(
        [
          project('P2', reportsUpTo(9), { changes: [{ on: '2025-05-10', subject: 'content', approvedByPrincipal: false }] }),
          project('P1', reportsUpTo(9), { changes: [{ on: '2025-04-10', subject: 'scale', approvedByPrincipal: false }] }),
        ],
        extra,
      );

    // The one department is always in the bottom three of its quarters: 3.2.1 holds for D1.
    it('finds no 3.2.6 trigger when the document has no interview requests', () => {
      const raw = doc([project('P', reportsUpTo(9))]);
      expect('interviewRequests' in raw).toBe(false);
      const e = run(raw);
      expect(e.interviews.map((c) => [c.departmentId, c.triggers.map((t) => t.rule)])).toEqual([['D1', ['3.2.1']]]);
      expect(e.findings.filter((f) => f.rule === '3.2.6')).toEqual([]);
    });

    it('orders triggers by rule then project, and gives no project to a 3.2.6 trigger', () => {
      const e = run(withTriggers({ interviewRequests: [{ departmentId: 'D1', byLeaderId: 'L2', on: '2025-09-12', reason: '推进不力' }] }));
      expect(e.interviews.map((c) => c.departmentId)).toEqual(['D1']);
      const triggers = e.interviews[0]?.triggers ?? [];
      expect(triggers.map((t) => [t.rule, t.projectId ?? null])).toEqual([
        ['3.2.1', null],
        ['3.2.5', 'P1'],
        ['3.2.5', 'P2'],
        ['3.2.6', null],
      ]);
      const request = triggers[3];
      expect(request !== undefined && Object.hasOwn(request, 'projectId')).toBe(false);
      expect(request?.evidence).toEqual({ requests: [{ on: '2025-09-12', byLeaderId: 'L2', reason: '推进不力' }] });
    });
  });

  describe('the grounds of accountability (3.3)', () => {
    const grounds = (e: Evaluation, departmentId: string) =>
      e.accountability.find((c) => c.departmentId === departmentId)?.grounds.map((g) => g.kind) ?? [];

    it('counts the closed months without a department meeting (不调度)', () => {
      const e = run(doc([project('P', reportsUpTo(9))]));
      const ground = e.accountability[0]?.grounds.find((g) => g.kind === 'notScheduling');
      expect(ground?.evidence).toEqual({
        months: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09'],
        threshold: 2,
      });
    });

    it("does not count a bureau's missed reviews for a department of the same id", () => {
      const e = run(
        doc([project('P', reportsUpTo(9), { departmentId: 'finance' })], {
          departments: [{ id: 'finance', name: '市财政局', leaderId: 'L2' }],
          meetings: monthlyMeetings('finance'),
        }),
      );
      expect(e.compliance.filter((c) => c.kind === 'reviewMissing' && c.subjectId === 'finance').length).toBeGreaterThan(1);
      expect(e.compliance.filter((c) => c.rule === '2.1')).toEqual([]);
      expect(e.accountability).toEqual([]);
    });

    it("does not count a leader's missed meetings (2.2) for a department of the same id", () => {
      const e = run(
        doc([project('P', reportsUpTo(9))], {
          leaders: [
            { id: 'L1', name: '市长', role: 'mayor' },
            { id: 'D1', name: '副市长', role: 'cityLeader' },
          ],
          departments: [{ id: 'D1', name: '市住建局', leaderId: 'D1' }],
          meetings: monthlyMeetings('D1'),
          bureauReviews: [],
        }),
      );
      expect(e.compliance.filter((c) => c.rule === '2.2' && c.subjectId === 'D1').length).toBeGreaterThan(1);
      expect(e.compliance.filter((c) => c.rule === '2.1')).toEqual([]);
      expect(e.accountability).toEqual([]);
    });

    describe('不作为: shown red for the last three months with no directive activity in them', () => {
      // Nothing reported for nine months: red from March on (three stalled months).
      const red = (directives: Record<string, unknown>[] = []): RawProject =>
        project('P', reportsUpTo(9, '0'), directives.length > 0 ? { directives } : {});
      const directive = (measures: string[], progress: string[] = []) => ({
        id: 'd1',
        issuedOn: '2025-06-01',
        byLeaderId: 'L2',
        requirement: '尽快复工',
        measures: measures.map((on) => ({ on, text: '措施' })),
        progress: progress.map((on) => ({ on, text: '进展' })),
      });
      const inaction = (p: RawProject) => {
        const e = run(doc([p], { meetings: monthlyMeetings('D1') }));
        return e.accountability[0]?.grounds.find((g) => g.kind === 'inaction')?.evidence ?? null;
      };

      it('is found with the red months as evidence', () => {
        const e = run(doc([red()], { meetings: monthlyMeetings('D1') }));
        expect(e.projects[0]?.history.slice(-3).map((h) => h.colour)).toEqual(['red', 'red', 'red']);
        expect(grounds(e, 'D1')).toEqual(['inaction']);
        expect(e.accountability[0]?.projectIds).toEqual(['P']);
        expect(inaction(red())).toEqual({ projects: [{ projectId: 'P', redMonths: ['2025-07', '2025-08', '2025-09'] }] });
      });

      it('is cleared by a measure on the first day of the window, not by one the day before', () => {
        expect(inaction(red([directive(['2025-07-01'])]))).toBeNull();
        expect(inaction(red([directive(['2025-06-30'])]))).not.toBeNull();
      });

      it('is cleared by progress on the last day of the window, not by progress after it', () => {
        expect(inaction(red([directive([], ['2025-09-30'])]))).toBeNull();
        expect(inaction(red([directive([], ['2025-10-01'])]))).not.toBeNull();
      });
    });
  });
});

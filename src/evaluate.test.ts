import { describe, expect, it } from 'vitest';
import { doc, project, report, reportsUpTo } from '../test/fixtures/builders.js';
import { evaluate } from './evaluate.js';
import { parsePortfolio } from './portfolio/index.js';

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

  it('shares one frozen entry per month and colour between histories (D37)', () => {
    const two = doc([project('A', reportsUpTo(9)), project('B', reportsUpTo(9)), project('C', [...reportsUpTo(6), report(7, '0')])]);
    const [a, b, c] = evaluate(parsePortfolio(two), { asOf: '2025-10-15' }).projects.map((p) => p.history);
    expect(a?.map((h) => h.colour)).toEqual(b?.map((h) => h.colour));
    a?.forEach((h, i) => {
      expect(Object.isFrozen(h)).toBe(true);
      expect(h).toBe(b?.[i]);
    });
    // Equal entries are the same object in another evaluation too; a different colour is another entry.
    expect(evaluate(parsePortfolio(two), { asOf: '2025-10-15' }).projects[0]?.history[0]).toBe(a?.[0]);
    expect(c?.[6]?.colour).not.toBe(a?.[6]?.colour);
    expect(c?.[6]).not.toBe(a?.[6]);
    expect(() => {
      (a?.[0] as { colour: string | null }).colour = 'red';
    }).toThrow(TypeError);
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

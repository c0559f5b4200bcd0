import { describe, expect, it } from 'vitest';
import { doc, project, report, reportsUpTo, type RawProject } from '../../test/fixtures/builders.js';
import { evaluate } from '../evaluate.js';
import { parsePortfolio } from '../portfolio/index.js';
import type { ProjectEvaluation } from './reconcileProject.js';

const AS_OF = '2025-10-15'; // evaluated month 2025-09, E(m) = 2025-09-30

function one(p: RawProject, asOf = AS_OF, extra: Parameters<typeof doc>[1] = {}): ProjectEvaluation {
  const e = evaluate(parsePortfolio(doc([p], extra)), { asOf });
  const line = e.projects[0];
  if (!line) throw new Error('no project');
  return line;
}

const rules = (p: ProjectEvaluation): string[] =>
  p.findings.filter((f) => f.rule.startsWith('colour.')).map((f) => `${f.rule}:${JSON.stringify(f.evidence['colour'])}`);

// Plan 100 a month (900 to September, annual 1200): each 12 of completed investment is 1 pp.
const withCompleted = (completedBySep: number): RawProject => {
  const reports = reportsUpTo(8);
  reports.push(report(9, String(completedBySep - 800)));
  return project('P', reports);
};

describe('investment bands (handan-2018)', () => {
  it.each([
    [900, '0.00', 'green'],
    [1000, '-8.33', 'green'],
    [899, '0.08', 'white'],
    [780, '10.00', 'yellow'], // exactly 10 pp is yellow
    [781, '9.92', 'white'],
    [540, '30.00', 'yellow'], // exactly 30 pp is yellow
    [539, '30.08', 'red'],
  ])('completed %s gives lag %s pp and %s', (completed, lag, colour) => {
    const p = one(withCompleted(completed));
    expect(p.lagPp).toBe(lag);
    expect(p.colour).toBe(colour);
    expect(p.computedColour).toBe(colour);
    expect(p.plannedToDate).toBe('900');
    expect(p.completedToDate).toBe(String(completed));
    expect(p.schedulePct).toBe('75.00');
  });

  it('compares the exact lag, not the rounded one (9.999… pp is white)', () => {
    // plan 3 a month (36 a year); completed 27 − 3.6 + 0.0000000001 → lag just under 10 pp
    const p = project('P', [...reportsUpTo(8, '3'), report(9, '-0.5999999999')], {
      annualPlan: '36',
      ledger: {
        submittedOn: '2025-02-20',
        months: Array.from({ length: 12 }, (_, i) => ({ month: `2025-${String(i + 1).padStart(2, '0')}`, investment: '3' })),
      },
    });
    const line = one(p);
    expect(line.lagPp).toBe('10.00');
    expect(line.colour).toBe('white');
  });
});

describe('other colour rules', () => {
  it('two stalled months give yellow, three give red', () => {
    const two = project('P', [...reportsUpTo(7), report(8, '100', { noProgress: true }), report(9, '0')]);
    const r2 = one(two);
    expect(r2.stallRun).toBe(2);
    expect(rules(r2)).toContain('colour.stall:"yellow"');
    expect(r2.colour).toBe('yellow');

    const three = project('P', [...reportsUpTo(6), report(7, '0'), report(8, '-5'), report(9, '0', { noProgress: true })]);
    const r3 = one(three);
    expect(r3.stallRun).toBe(3);
    expect(r3.colour).toBe('red');
  });

  it('a month without a report ends the stall run', () => {
    const p = project('P', [...reportsUpTo(6), report(7, '0'), report(9, '0')]);
    const line = one(p);
    expect(line.stallRun).toBe(1);
  });

  it('a zero report is not stalled when the ledger plans nothing that month', () => {
    const months = Array.from({ length: 12 }, (_, i) => ({
      month: `2025-${String(i + 1).padStart(2, '0')}`,
      investment: i >= 7 && i <= 8 ? '0' : '120',
    }));
    const p = project('P', [...reportsUpTo(7, '120'), report(8, '0'), report(9, '0')], { ledger: { submittedOn: '2025-02-20', months } });
    expect(one(p).stallRun).toBe(0);
  });

  it('a start overdue by 1 month-end is yellow, by 3 red', () => {
    const m = (due: string): RawProject => project('P', reportsUpTo(9), { milestones: [{ id: 's', kind: 'start', name: '开工', due }] });
    const one1 = one(m('2025-09-15'));
    expect(rules(one1)).toContain('colour.overdueMilestone:"yellow"');
    expect(one1.findings.find((f) => f.rule === 'colour.overdueMilestone')?.evidence['overdueMonths']).toBe(1);
    expect(one1.colour).toBe('yellow');
    const two = one(m('2025-07-31'));
    expect(two.findings.find((f) => f.rule === 'colour.overdueMilestone')?.evidence['overdueMonths']).toBe(2);
    expect(two.colour).toBe('yellow');
    const three = one(m('2025-06-30'));
    expect(three.findings.find((f) => f.rule === 'colour.overdueMilestone')?.evidence['overdueMonths']).toBe(3);
    expect(three.colour).toBe('red');
  });

  it('a milestone due on the month end itself is not overdue at that month', () => {
    const p = project('P', reportsUpTo(9), { milestones: [{ id: 's', kind: 'start', name: '开工', due: '2025-09-30' }] });
    expect(one(p).colour).toBe('green');
  });

  it('a milestone achieved by the month end is not overdue; one achieved later still is at that month', () => {
    const met = project('P', reportsUpTo(9), {
      milestones: [{ id: 's', kind: 'start', name: '开工', due: '2025-06-30', achievedOn: '2025-09-30' }],
    });
    expect(one(met).colour).toBe('green');
    const after = project('P', reportsUpTo(9), {
      milestones: [{ id: 's', kind: 'start', name: '开工', due: '2025-06-30', achievedOn: '2025-10-02' }],
    });
    const line = one(after);
    expect(line.colour).toBe('red');
    expect(line.milestones[0]?.state).toBe('late');
  });

  it('counts an achievement reported in any month, earliest date first', () => {
    const p = project('P', [...reportsUpTo(8), report(9, '100', { achieved: { s: '2025-06-20' } })], {
      milestones: [{ id: 's', kind: 'start', name: '开工', due: '2025-06-30' }],
    });
    const line = one(p);
    expect(line.colour).toBe('green');
    expect(line.milestones[0]?.state).toBe('met');
  });

  it('ignores procedure and physical milestones for the colour', () => {
    const p = project('P', reportsUpTo(9), { milestones: [{ id: 'x', kind: 'procedure', name: '施工许可', due: '2025-03-31' }] });
    const line = one(p);
    expect(line.colour).toBe('green');
    expect(line.milestones[0]?.state).toBe('overdue');
  });

  it('no report for the evaluated month gives at least yellow', () => {
    const p = project('P', reportsUpTo(8, '120'));
    const line = one(p);
    expect(rules(line)).toContain('colour.missingReport:"yellow"');
    expect(line.colour).toBe('yellow');
  });

  it('a report submitted after asOf is not known', () => {
    const p = project('P', [...reportsUpTo(8), report(9, '100', { submittedOn: '2025-10-20' })]);
    expect(one(p).colour).toBe('yellow');
    expect(one(p, '2025-10-21').colour).toBe('green');
  });

  it('a stall open at the month end gives red; one that ended does not', () => {
    const open = project('P', reportsUpTo(9), { stalls: [{ since: '2025-09-01', cause: 'objective' }] });
    expect(one(open).colour).toBe('red');
    const ended = project('P', reportsUpTo(9), { stalls: [{ since: '2025-08-01', until: '2025-09-30', cause: 'other' }] });
    expect(one(ended).colour).toBe('green');
    const endsLater = project('P', reportsUpTo(9), { stalls: [{ since: '2025-08-01', until: '2025-10-01', cause: 'other' }] });
    expect(one(endsLater).colour).toBe('red');
  });

  it('the worst rule wins and every rule that fired is explained', () => {
    const p = project('P', [...reportsUpTo(7), report(8, '0'), report(9, '0')], {
      milestones: [{ id: 's', kind: 'start', name: '开工', due: '2025-06-30' }],
    });
    const line = one(p);
    expect(line.colour).toBe('red');
    expect(rules(line).sort()).toEqual(['colour.investment:"yellow"', 'colour.overdueMilestone:"red"', 'colour.stall:"yellow"']);
  });
});

describe('zero plan, overrides, no month yet', () => {
  it('a zero annual plan leaves the percentages null and the colour green', () => {
    const p = project('P', reportsUpTo(9, '0'), {
      annualPlan: '0',
      ledger: { submittedOn: '2025-02-20', months: [] },
    });
    const line = one(p);
    expect(line.schedulePct).toBeNull();
    expect(line.progressPct).toBeNull();
    expect(line.lagPp).toBeNull();
    expect(line.plannedToDate).toBe('0');
    expect(line.completedToDate).toBe('0');
    expect(line.colour).toBe('green');
    const why = line.findings.find((f) => f.rule === 'colour.investment');
    expect(why?.evidence).toMatchObject({ reason: 'zeroAnnualPlan', colour: null });
    expect(why?.severity).toBe('info');
  });

  it('says why the ratio presets do not rate a project with nothing planned to date', () => {
    const months = Array.from({ length: 12 }, (_, i) => ({
      month: `2025-${String(i + 1).padStart(2, '0')}`,
      investment: i < 9 ? '0' : '400',
    }));
    const p = project('P', reportsUpTo(9, '0'), { ledger: { submittedOn: '2025-02-20', months } });
    const line = evaluate(parsePortfolio(doc([p])), { asOf: AS_OF, policy: 'sanya' }).projects[0];
    expect(line?.colour).toBe('green');
    expect(line?.findings.find((f) => f.rule === 'colour.investment')?.evidence['reason']).toBe('nothingPlannedToDate');
  });

  it('an override replaces the colour and keeps the computed one', () => {
    const line = one(project('P', reportsUpTo(9)), AS_OF, {
      overrides: [{ projectId: 'P', month: '2025-09', colour: 'yellow', reason: '现场核查', by: '市发改委' }],
    });
    expect(line.colour).toBe('yellow');
    expect(line.computedColour).toBe('green');
    expect(line.findings.find((f) => f.rule === 'colour.override')?.evidence['reason']).toBe('现场核查');
  });

  it('an override for another month does nothing', () => {
    const line = one(project('P', reportsUpTo(9)), AS_OF, {
      overrides: [{ projectId: 'P', month: '2025-08', colour: 'red', reason: 'x', by: 'y' }],
    });
    expect(line.colour).toBe('green');
  });

  it('an override naming a colour the scale lacks is ignored with a warning', () => {
    const line = one(project('P', reportsUpTo(9)), AS_OF, {
      overrides: [{ projectId: 'P', month: '2025-09', colour: 'purple', reason: 'x', by: 'y' }],
    });
    expect(line.colour).toBe('green');
    const f = line.findings.find((x) => x.rule === 'colour.override');
    expect(f?.severity).toBe('warning');
  });

  it('before the first deadline there is no evaluated month and every metric is null', () => {
    const e = evaluate(parsePortfolio(doc([project('P', [])])), { asOf: '2025-02-05' });
    expect(e.month).toBeNull();
    const line = e.projects[0];
    expect(line?.colour).toBeNull();
    expect(line?.computedColour).toBeNull();
    expect(line?.plannedToDate).toBeNull();
    expect(line?.lagPp).toBeNull();
    expect(line?.forecast).toEqual({ runRate: null, requiredMonthly: null, projectedYearEnd: null });
  });
});

describe('forecast', () => {
  it('projects the run rate to the year end', () => {
    const line = one(withCompleted(900));
    expect(line.forecast).toEqual({ runRate: '100', requiredMonthly: '100', projectedYearEnd: '1200' });
  });

  it('has no required monthly amount in December', () => {
    const e = evaluate(parsePortfolio(doc([project('P', reportsUpTo(12))])), { asOf: '2026-01-06' });
    expect(e.month).toBe('2025-12');
    expect(e.projects[0]?.forecast).toEqual({ runRate: '100', requiredMonthly: null, projectedYearEnd: '1200' });
  });

  it('rounds each figure once, half away from zero', () => {
    const line = one(withCompleted(800)); // 800 / 9 = 88.888…, 400 / 3 = 133.33…, 800 × 12 / 9 = 1066.66…
    expect(line.forecast).toEqual({ runRate: '88.89', requiredMonthly: '133.33', projectedYearEnd: '1066.67' });
  });
});

describe('other presets', () => {
  const evalWith = (p: RawProject, policy: 'yinchuan' | 'sanya' | 'tianjin-bond' | 'jinhua'): ProjectEvaluation | undefined =>
    evaluate(parsePortfolio(doc([p])), { asOf: AS_OF, policy }).projects[0];

  it('yinchuan: below 10 pp green, 10–30 yellow, above 30 red', () => {
    expect(evalWith(withCompleted(781), 'yinchuan')?.colour).toBe('green');
    expect(evalWith(withCompleted(780), 'yinchuan')?.colour).toBe('yellow');
    expect(evalWith(withCompleted(540), 'yinchuan')?.colour).toBe('yellow');
    expect(evalWith(withCompleted(539), 'yinchuan')?.colour).toBe('red');
  });

  it('sanya: ratio ≥ 1 green, ≥ 0.5 yellow, else red', () => {
    expect(evalWith(withCompleted(900), 'sanya')?.colour).toBe('green');
    expect(evalWith(withCompleted(899), 'sanya')?.colour).toBe('yellow');
    expect(evalWith(withCompleted(450), 'sanya')?.colour).toBe('yellow');
    expect(evalWith(withCompleted(449), 'sanya')?.colour).toBe('red');
  });

  it('tianjin-bond: ratio ≥ 0.7 yellow', () => {
    expect(evalWith(withCompleted(630), 'tianjin-bond')?.colour).toBe('yellow');
    expect(evalWith(withCompleted(629), 'tianjin-bond')?.colour).toBe('red');
  });

  it('jinhua: September thresholds 75.6 % blue and 45 % yellow of the annual plan', () => {
    expect(evalWith(withCompleted(908), 'jinhua')?.colour).toBe('blue'); // 75.67 %
    expect(evalWith(withCompleted(907), 'jinhua')?.colour).toBe('yellow'); // 75.58 %
    expect(evalWith(withCompleted(540), 'jinhua')?.colour).toBe('yellow'); // 45 %
    expect(evalWith(withCompleted(539), 'jinhua')?.colour).toBe('red');
  });
});

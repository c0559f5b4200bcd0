import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { evaluate, type Evaluation } from '../evaluate.js';
import { knownAt, parsePortfolio, type Portfolio } from '../portfolio/index.js';
import { PRESETS, type PresetId } from '../policy/index.js';
import { arbAsOf, arbPortfolioDocument, arbPortfolioWithPermutation, type RawPortfolioDocument } from '../../test/arbitraries/portfolio.js';
import { SAMPLE_TEXT } from '../../test/fixtures/sampleText.js';
import { meetingMaterials, type MeetingMaterials, type MeetingScope } from './meetingMaterials.js';

const samplePortfolio = (): Portfolio => parsePortfolio(JSON.parse(SAMPLE_TEXT));
const sample = (asOf: string): Evaluation => evaluate(samplePortfolio(), { asOf });
const AT = sample('2025-10-15');

/** Every scope of an evaluation: each department, each leader, the mayor. */
function scopesOf(e: Evaluation): MeetingScope[] {
  return [
    ...e.departments.map((d): MeetingScope => ({ level: 'department', departmentId: d.departmentId })),
    ...e.leaders.map((l): MeetingScope => ({ level: 'cityLeader', leaderId: l.leaderId })),
    { level: 'mayor' },
  ];
}

describe('meetingMaterials of the sample as of 2025-10-15', () => {
  it('gives each level its period, the month it compares with and the date of its next meeting', () => {
    const at = (scope: MeetingScope): unknown[] => {
      const m = meetingMaterials(AT, scope);
      return [m.clause, m.period, m.comparedWith, m.since, m.nextMeetingBy];
    };
    expect(at({ level: 'department', departmentId: 'D-sl' })).toEqual(['2.1', '2025-09', '2025-08', '2025-09-01', '2025-11-15']);
    expect(at({ level: 'cityLeader', leaderId: 'L-zhao' })).toEqual(['2.2', '2025-B5', '2025-08', '2025-09-01', '2025-12-15']);
    expect(at({ level: 'mayor' })).toEqual(['2.3', '2025Q3', '2025-06', '2025-07-01', '2026-01-15']);
  });

  it('shows each escalation at the level it was raised to, and a department every one it raised', () => {
    const open = (scope: MeetingScope): unknown[] =>
      meetingMaterials(AT, scope).escalations.open.map((x) => [x.rule, x.toLeaderId, x.days, x.overdue]);
    expect(open({ level: 'cityLeader', leaderId: 'L-zhao' })).toEqual([['2.2', 'L-zhao', 75, true]]);
    expect(open({ level: 'mayor' })).toEqual([['2.3', 'L-mayor', 35, true]]);
    expect(open({ level: 'department', departmentId: 'D-sl' })).toEqual([
      ['2.2', 'L-zhao', 75, true],
      ['2.3', 'L-mayor', 35, true],
    ]);
    expect(open({ level: 'cityLeader', leaderId: 'L-li' })).toEqual([]);
  });

  it('lists an escalation closed since the period began, and not one closed before', () => {
    const closed = (asOf: string, scope: MeetingScope): unknown[] =>
      meetingMaterials(sample(asOf), scope).escalations.closed.map((x) => [x.raisedOn, x.resolvedOn, x.days]);
    // Resolved 2025-04-25, in the bimonth 2025-B2 (March–April) of the evaluated month 2025-03 or 2025-04.
    expect(closed('2025-05-10', { level: 'cityLeader', leaderId: 'L-li' })).toEqual([['2025-04-08', '2025-04-25', 17]]);
    expect(closed('2025-06-10', { level: 'cityLeader', leaderId: 'L-li' })).toEqual([]);
    // The mayor's on-site office of 2025-11-20 settled the chain: both records, each at its level.
    expect(closed('2025-12-10', { level: 'mayor' })).toEqual([['2025-09-10', '2025-11-20', 71]]);
    expect(closed('2025-12-10', { level: 'department', departmentId: 'D-sl' })).toEqual([
      ['2025-08-01', '2025-11-20', 111],
      ['2025-09-10', '2025-11-20', 71],
    ]);
  });

  it('lists the directives due before the next meeting and those unmet, with their measures', () => {
    const directives = (scope: MeetingScope): unknown[] =>
      meetingMaterials(AT, scope).directives.map((d) => [d.projectId, d.status, d.deadline, d.measures.length]);
    expect(directives({ level: 'department', departmentId: 'D-sl' })).toEqual([
      ['P-011', 'pending', '2025-10-31', 1],
      // The measure came on 2025-08-20, after the deadline.
      ['P-013', 'unmet', '2025-07-31', 1],
    ]);
    // Met before its deadline: not listed.
    expect(directives({ level: 'department', departmentId: 'D-jt' })).toEqual([]);
  });

  it('lists milestones due before the next meeting and those overdue, citing 3.2.2 for a missed start or completion', () => {
    const m = meetingMaterials(AT, { level: 'department', departmentId: 'D-sl' });
    expect(m.milestones.map((x) => [x.projectId, x.kind, x.due, x.state, x.rule])).toEqual([
      ['P-011', 'procedure', '2025-05-31', 'overdue', '1.1'],
      ['P-011', 'start', '2025-06-30', 'overdue', '3.2.2'],
    ]);
  });

  it('puts the worst colours first in the problem list, and says why each project is there', () => {
    const m = meetingMaterials(AT, { level: 'cityLeader', leaderId: 'L-zhao' });
    expect(m.problems.map((p) => [p.projectId, p.colour, p.listedFor])).toEqual([
      ['P-011', 'red', ['colour', 'escalation', 'directive', 'milestone']],
      ['P-012', 'red', ['colour']],
      ['P-013', 'red', ['colour', 'directive']],
      ['P-010', 'yellow', ['colour', 'milestone']],
      ['P-031', 'yellow', ['colour', 'milestone']],
      ['P-032', 'yellow', ['colour']],
    ]);
    expect(m.problems[0]?.responsible).toEqual(AT.projects.find((p) => p.projectId === 'P-011')?.responsible);
    expect(m.problems.every((p) => p.reasons.every((f) => f.subject.id === p.projectId))).toBe(true);
  });

  it('counts the colours now and at the end of the previous period, and names the moves', () => {
    const m = meetingMaterials(AT, { level: 'mayor' });
    expect(m.colours.map((c) => [c.colour, c.count, c.previous])).toEqual([
      ['green', 12, 15],
      ['white', 12, 19],
      ['yellow', 10, 4],
      ['red', 6, 2],
    ]);
    expect(m.moves.filter((x) => x.direction === 'worse')).toHaveLength(16);
    expect(m.moves.filter((x) => x.direction === 'better').map((x) => [x.projectId, x.from, x.to])).toEqual([
      ['P-008', 'red', 'white'],
      ['P-018', 'white', 'green'],
      ['P-038', 'white', 'green'],
    ]);
  });

  it("gives the mayor the latest ranked quarter's ranking, and nobody else", () => {
    expect(meetingMaterials(AT, { level: 'mayor' }).ranking?.bottom).toEqual(['D-gt', 'D-sl', 'D-wlt']);
    expect(meetingMaterials(AT, { level: 'cityLeader', leaderId: 'L-zhao' }).ranking).toBeNull();
  });

  it("cuts interview cases and compliance gaps to the scope's departments, projects and leader", () => {
    const m = meetingMaterials(AT, { level: 'cityLeader', leaderId: 'L-sun' });
    expect(m.interviews.map((c) => c.departmentId)).toEqual(['D-wlt']);
    expect(m.compliance.map((c) => [c.rule, c.kind, c.subjectId])).toEqual([
      ['1.2', 'approvalWarning', 'P-027'],
      ['2.2', 'meetingMissing', 'L-sun'],
    ]);
    const mayor = meetingMaterials(AT, { level: 'mayor' });
    expect(mayor.compliance).toStrictEqual(AT.compliance);
    expect(mayor.interviews).toStrictEqual(AT.interviews);
  });

  it('refuses a department or leader the evaluation lacks', () => {
    expect(() => meetingMaterials(AT, { level: 'department', departmentId: 'D-x' })).toThrow(
      expect.objectContaining({ code: 'unknown_reference' }),
    );
    expect(() => meetingMaterials(AT, { level: 'cityLeader', leaderId: 'L-x' })).toThrow(
      expect.objectContaining({ code: 'unknown_reference' }),
    );
  });
});

describe('meetingMaterials at the edges of the year', () => {
  it('has no period, comparison or moves before the first report deadline', () => {
    const m = meetingMaterials(sample('2025-02-01'), { level: 'mayor' });
    expect([m.month, m.period, m.comparedWith, m.since, m.moves, m.ranking]).toEqual([null, null, null, '2025-01-01', [], null]);
    expect(m.colours).toEqual([
      { colour: 'green', count: 0, previous: null },
      { colour: 'white', count: 0, previous: null },
      { colour: 'yellow', count: 0, previous: null },
      { colour: 'red', count: 0, previous: null },
      { colour: null, count: 40, previous: null },
    ]);
  });

  it('compares with nothing in the first period of the year', () => {
    const m = meetingMaterials(sample('2025-04-15'), { level: 'mayor' });
    expect([m.period, m.comparedWith, m.moves]).toEqual(['2025Q1', null, []]);
    expect(m.colours.every((c) => c.previous === null)).toBe(true);
  });

  it('puts the next meeting on the last day of a shorter month', () => {
    expect(meetingMaterials(sample('2025-11-30'), { level: 'mayor' }).nextMeetingBy).toBe('2026-02-28');
    expect(meetingMaterials(sample('2025-12-31'), { level: 'cityLeader', leaderId: 'L-li' }).nextMeetingBy).toBe('2026-02-28');
    expect(meetingMaterials(sample('2025-10-31'), { level: 'department', departmentId: 'D-sl' }).nextMeetingBy).toBe('2025-11-30');
  });

  it('speaks of a mayor the document does not name', () => {
    const p = samplePortfolio();
    const noMayor: Portfolio = { ...p, leaders: p.leaders.map((l) => (l.role === 'mayor' ? { ...l, role: 'principal' as const } : l)) };
    const m = meetingMaterials(evaluate(noMayor, { asOf: '2025-10-15' }), { level: 'mayor' });
    expect(m.subject).toEqual({ id: 'mayor', name: '市长' });
    expect(m.escalations.open).toEqual([]);
  });
});

describe('meetingMaterials at the edges of its windows', () => {
  // The sample as of 2025-06-10 (evaluated month 2025-05; 赵明轩's bimonth 2025-B3 began on 2025-05-01,
  // his next meeting is due by 2025-08-10), with records placed on either side of each edge.
  function edged(): Evaluation {
    const doc = JSON.parse(SAMPLE_TEXT) as {
      escalations: Record<string, unknown>[];
      projects: { id: string; directives?: Record<string, unknown>[]; milestones: Record<string, unknown>[] }[];
    };
    const esc = (issue: string, resolvedOn: string): Record<string, unknown> => ({
      departmentId: 'D-sl',
      raisedOn: '2025-04-01',
      toLeaderId: 'L-zhao',
      issue,
      resolvedOn,
    });
    doc.escalations.push(esc('resolved on the first day', '2025-05-01'), esc('resolved the day before', '2025-04-30'));
    const p = doc.projects.find((x) => x.id === 'P-012');
    if (p === undefined) throw new Error('the sample has no P-012');
    const directive = (id: string, dueOn: string): Record<string, unknown> => ({
      id,
      issuedOn: '2025-06-01',
      byLeaderId: 'L-zhao',
      requirement: id,
      dueOn,
      measures: [],
      progress: [],
    });
    p.directives = [directive('on-the-day', '2025-08-10'), directive('a-day-later', '2025-08-11')];
    p.milestones.push(
      { id: 'on-the-day', kind: 'physical', name: 'on the day', due: '2025-08-10' },
      { id: 'a-day-later', kind: 'physical', name: 'a day later', due: '2025-08-11' },
    );
    return evaluate(parsePortfolio(doc), { asOf: '2025-06-10' });
  }

  it('lists what falls due on the day of the next meeting, not a day later, and what closed on the first day of the period', () => {
    const m = meetingMaterials(edged(), { level: 'cityLeader', leaderId: 'L-zhao' });
    expect(m.nextMeetingBy).toBe('2025-08-10');
    expect(m.since).toBe('2025-05-01');
    expect(m.escalations.closed.map((x) => x.issue)).toEqual(['resolved on the first day']);
    expect(m.directives.filter((d) => d.projectId === 'P-012').map((d) => d.directiveId)).toEqual(['on-the-day']);
    expect(m.milestones.filter((x) => x.projectId === 'P-012').map((x) => x.milestoneId)).toEqual(['on-the-day']);
  });

  it('cites 3.2.2 for an overdue completion, as for an overdue start', () => {
    const m = meetingMaterials(sample('2026-01-20'), { level: 'mayor' });
    const completions = m.milestones.filter((x) => x.kind === 'completion' && x.state === 'overdue');
    expect(completions.length).toBeGreaterThan(0);
    expect(new Set(completions.map((x) => x.rule))).toEqual(new Set(['3.2.2']));
    expect(m.milestones.filter((x) => x.kind === 'procedure').every((x) => x.rule === '1.1')).toBe(true);
  });

  it("gives a department its own gaps: its projects' and its 2.1 meetings and escalations, no bureau's or leader's", () => {
    const m = meetingMaterials(AT, { level: 'department', departmentId: 'D-sl' });
    expect(m.compliance.map((c) => [c.rule, c.kind, c.subjectId, c.period ?? null])).toEqual([
      ['1.2', 'approvalWarning', 'P-011', null],
      ['2.1', 'escalationOpen', 'D-sl', null],
      ['2.1', 'meetingMissing', 'D-sl', '2025-07'],
      ['2.1', 'meetingMissing', 'D-sl', '2025-08'],
    ]);
  });
});

const presetIds = Object.keys(PRESETS) as PresetId[];
const run = (d: RawPortfolioDocument, asOf: string, policy: PresetId): Evaluation => evaluate(parsePortfolio(d), { asOf, policy });
const all = (e: Evaluation): MeetingMaterials[] => scopesOf(e).map((s) => meetingMaterials(e, s));

describe('properties of meetingMaterials', () => {
  const arbCase = fc.tuple(arbPortfolioDocument({ withSupervisionRecords: true }), arbAsOf(2025), fc.constantFrom(...presetIds));

  test.prop([arbCase])(
    "covers exactly its scope's projects: a department's own, a leader's departments', the whole city for the mayor",
    ([d, asOf, policy]) => {
      const e = run(d, asOf, policy);
      const ids = (departments: readonly string[]): string[] =>
        e.projects.filter((p) => departments.includes(p.departmentId)).map((p) => p.projectId);
      for (const dep of e.departments)
        expect(meetingMaterials(e, { level: 'department', departmentId: dep.departmentId }).projectIds).toEqual(ids([dep.departmentId]));
      for (const l of e.leaders) {
        const mine = e.departments.filter((x) => x.leaderId === l.leaderId).map((x) => x.departmentId);
        expect(meetingMaterials(e, { level: 'cityLeader', leaderId: l.leaderId }).projectIds).toEqual(ids(mine));
      }
      expect(meetingMaterials(e, { level: 'mayor' }).projectIds).toEqual(e.projects.map((p) => p.projectId));
    },
  );

  test.prop([arbCase])(
    'lists every project of the worst colour; a project of the best colour only for an escalation, directive or milestone listed',
    ([d, asOf, policy]) => {
      const e = run(d, asOf, policy);
      const best = e.colours[0]?.id;
      const worst = e.colours.at(-1)?.id;
      for (const m of all(e)) {
        const listed = new Map(m.problems.map((p) => [p.projectId, p]));
        const own = e.projects.filter((p) => m.projectIds.includes(p.projectId));
        for (const p of own) if (p.colour === worst) expect(listed.get(p.projectId)?.listedFor).toContain('colour');
        for (const p of m.problems) {
          expect(m.projectIds).toContain(p.projectId);
          if (p.colour === best) expect(p.listedFor).not.toContain('colour');
          const because = new Set<string>(p.listedFor);
          // Each reason is an item of the materials, and each item of a project brings it in.
          expect(because.has('escalation')).toBe([...m.escalations.open, ...m.escalations.closed].some((x) => x.projectId === p.projectId));
          expect(because.has('directive')).toBe(m.directives.some((x) => x.projectId === p.projectId));
          expect(because.has('milestone')).toBe(m.milestones.some((x) => x.projectId === p.projectId));
        }
        for (const x of [...m.directives, ...m.milestones]) expect(listed.has(x.projectId)).toBe(true);
      }
    },
  );

  test.prop([arbCase])('counts each project of the scope once, now and at the previous period', ([d, asOf, policy]) => {
    const e = run(d, asOf, policy);
    for (const m of all(e)) {
      expect(m.colours.reduce((n, c) => n + c.count, 0)).toBe(m.projectIds.length);
      if (m.comparedWith !== null) expect(m.colours.reduce((n, c) => n + (c.previous ?? 0), 0)).toBeLessThanOrEqual(m.projectIds.length);
    }
  });

  test.prop([arbPortfolioWithPermutation({ withSupervisionRecords: true }), arbAsOf(2025), fc.constantFrom(...presetIds)])(
    'is the same for any order of the input lists',
    ([a, b], asOf, policy) => {
      expect(all(run(b, asOf, policy))).toEqual(all(run(a, asOf, policy)));
    },
  );

  test.prop([arbCase])('uses only what is known at asOf', ([d, asOf, policy]) => {
    const p = parsePortfolio(d);
    const e = evaluate(p, { asOf, policy });
    expect(all(evaluate(knownAt(p, e.asOf), { asOf, policy }))).toEqual(all(e));
  });
});

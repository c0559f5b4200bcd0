import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { arbAsOf, arbPortfolioDocument } from '../../test/arbitraries/portfolio.js';
import { evaluate } from '../evaluate.js';
import { parsePortfolio } from '../portfolio/index.js';
import type { CalendarDate } from '../calendar/index.js';
import type { Department, Leader } from '../portfolio/index.js';
import type { EscalationLine } from '../scheduling/escalationLines.js';
import type { DirectiveLine } from '../supervision/interview/directiveNotImplemented.js';
import { leaderViews, type ProjectColour } from './leaderViews.js';

const leaders: Leader[] = [
  { id: 'L-zhao', name: '赵明轩', role: 'cityLeader' },
  { id: 'L-mayor', name: '周正阳', role: 'mayor' },
];
const departments: Department[] = [
  { id: 'D-zrzy', name: '市自然资源和规划局', leaderId: 'L-zhao' },
  { id: 'D-sl', name: '市水利局', leaderId: 'L-zhao' },
];
const COLOURS = ['green', 'white', 'yellow', 'red'];
const projects: ProjectColour[] = [
  { projectId: 'P-2', departmentId: 'D-sl', colour: 'red' },
  { projectId: 'P-1', departmentId: 'D-sl', colour: 'red' },
  { projectId: 'P-3', departmentId: 'D-zrzy', colour: 'green' },
  { projectId: 'P-4', departmentId: 'D-x', colour: 'green' },
];
const escalation = (toLeaderId: string, open: boolean): EscalationLine => ({
  departmentId: 'D-sl',
  projectId: null,
  raisedOn: '2025-08-01' as CalendarDate,
  toLeaderId,
  level: toLeaderId === 'L-mayor' ? 'mayor' : 'cityLeader',
  issue: `${toLeaderId} ${open}`,
  resolvedOn: open ? null : ('2025-09-01' as CalendarDate),
  open,
  days: 31,
  overdue: open,
});
const directive = (projectId: string, byLeaderId: string, status: DirectiveLine['status']): DirectiveLine => ({
  projectId,
  departmentId: 'D-sl',
  directiveId: `DIR-${status}`,
  byLeaderId,
  issuedOn: '2025-07-01' as CalendarDate,
  requirement: '要求',
  deadline: '2025-07-31' as CalendarDate,
  measureByDeadline: status === 'met',
  progressByDeadline: false,
  status,
  measures: [],
  progress: [],
});

describe('leaderViews', () => {
  const views = leaderViews(
    leaders,
    departments,
    COLOURS,
    projects,
    [escalation('L-zhao', true), escalation('L-zhao', false), escalation('L-mayor', true)],
    [
      directive('P-2', 'L-mayor', 'unmet'),
      { ...directive('P-1', 'L-mayor', 'pending'), issuedOn: '2025-08-01' as CalendarDate, directiveId: 'DIR-b' },
      directive('P-1', 'L-mayor', 'pending'),
      { ...directive('P-1', 'L-mayor', 'pending'), directiveId: 'DIR-a' },
      directive('P-1', 'L-mayor', 'met'),
    ],
  );

  it('gives every leader by id, with the departments in their charge', () => {
    expect(views.map((v) => [v.leaderId, v.role, v.departmentIds])).toEqual([
      ['L-mayor', 'mayor', []],
      ['L-zhao', 'cityLeader', ['D-sl', 'D-zrzy']],
    ]);
  });

  it("groups the departments' projects by colour, every colour of the scale best first", () => {
    expect(views[1]?.projects).toEqual([
      { colour: 'green', projectIds: ['P-3'] },
      { colour: 'white', projectIds: [] },
      { colour: 'yellow', projectIds: [] },
      { colour: 'red', projectIds: ['P-1', 'P-2'] },
    ]);
  });

  it('adds a null group only for projects without a colour of the scale', () => {
    const v = leaderViews(leaders, departments, COLOURS, [{ projectId: 'P-9', departmentId: 'D-sl', colour: null }], [], []);
    expect(v[1]?.projects.at(-1)).toEqual({ colour: null, projectIds: ['P-9'] });
    expect(v[0]?.projects).toHaveLength(4);
  });

  it('keeps the open escalations raised to the leader, and the directives they issued that are pending or unmet', () => {
    expect(views[1]?.escalations.map((e) => e.issue)).toEqual(['L-zhao true']);
    expect(views[0]?.escalations.map((e) => e.issue)).toEqual(['L-mayor true']);
    // By project, then date, then id.
    expect(views[0]?.directives.map((d) => [d.projectId, d.issuedOn, d.directiveId])).toEqual([
      ['P-1', '2025-07-01', 'DIR-a'],
      ['P-1', '2025-07-01', 'DIR-pending'],
      ['P-1', '2025-08-01', 'DIR-b'],
      ['P-2', '2025-07-01', 'DIR-unmet'],
    ]);
    expect(views[1]?.directives).toEqual([]);
  });
});

describe('properties of leaderViews (through evaluate)', () => {
  test.prop([arbPortfolioDocument({ withSupervisionRecords: true }), arbAsOf(2025)])(
    'puts every project under its department’s leader, once, by its colour',
    (d, asOf) => {
      const e = evaluate(parsePortfolio(d), { asOf });
      const listed = e.leaders.flatMap((l) => l.projects.flatMap((g) => g.projectIds.map((id) => [id, l.leaderId, g.colour])));
      const expected = e.projects.map((p) => [
        p.projectId,
        e.departments.find((x) => x.departmentId === p.departmentId)?.leaderId,
        p.colour,
      ]);
      const key = (x: readonly unknown[]): string => JSON.stringify(x);
      expect(listed.map(key).sort()).toEqual(expected.map(key).sort());
      // Each leader's open escalations are exactly the open ones raised to them.
      for (const l of e.leaders) expect(l.escalations).toEqual(e.escalations.filter((x) => x.open && x.toLeaderId === l.leaderId));
    },
  );
});

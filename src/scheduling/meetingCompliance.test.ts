// Tests of the meeting cadence (2.1, 2.2, 2.3): department, city leader and mayor meetings.
import { describe, expect, it } from 'vitest';
import { doc, project, type RawDoc, type RawProject } from '../../test/fixtures/builders.js';
import { parseCalendarDate } from '../calendar/index.js';
import { parsePortfolio, type Portfolio } from '../portfolio/index.js';
import { cityLeaderMeetingCompliance, departmentMeetingCompliance, mayorMeetingCompliance } from './meetingCompliance.js';

const d = parseCalendarDate;

function portfolio(extra: Partial<RawDoc>, projects: RawProject[] = [project('P', [])]): Portfolio {
  return parsePortfolio(doc(projects, extra));
}

const meeting = (level: string, on: string, departmentIds: string[], chairId?: string): Record<string, unknown> => ({
  level,
  on,
  departmentIds,
  form: 'collective',
  ...(chairId !== undefined && { chairId }),
});

const leader = (id: string, role: string): Record<string, unknown> => ({ id, name: `领导${id}`, role });

const department = (id: string, leaderId: string): Record<string, unknown> => ({ id, name: `部门${id}`, leaderId });

const deptMissing = (subjectId: string, period: string, from: string, to: string): unknown => ({
  rule: '2.1',
  kind: 'meetingMissing',
  subjectId,
  period,
  evidence: { level: 'department', from, to },
});

describe('departmentMeetingCompliance (2.1)', () => {
  // D3 has no project; the others are listed out of code-unit order (D1 < D10 < D2).
  const departments = [department('D2', 'L2'), department('D10', 'L2'), department('D3', 'L2'), department('D1', 'L2')];
  const projects = [project('P2', [], { departmentId: 'D2' }), project('P10', [], { departmentId: 'D10' }), project('P1', [])];
  const meetings = [
    meeting('department', '2025-01-01', ['D1']), // first day of January
    meeting('department', '2025-02-28', ['D2', 'D1']), // last day of February
    meeting('department', '2024-12-31', ['D2']), // the day before January
    meeting('department', '2025-03-01', ['D10']), // the day after February
    meeting('cityLeader', '2025-01-15', ['D2']), // not a department meeting
    meeting('department', '2025-01-20', ['D3']), // a department without projects
  ];
  const p = portfolio({ departments, meetings }, projects);

  it('lists every department with projects and closed month without its meeting, by department then month', () => {
    expect(departmentMeetingCompliance(p, d('2025-03-31'))).toEqual([
      deptMissing('D10', '2025-01', '2025-01-01', '2025-01-31'),
      deptMissing('D10', '2025-02', '2025-02-01', '2025-02-28'),
      deptMissing('D2', '2025-01', '2025-01-01', '2025-01-31'),
    ]);
    expect(departmentMeetingCompliance(p, d('2025-04-01'))).toEqual([
      deptMissing('D1', '2025-03', '2025-03-01', '2025-03-31'),
      deptMissing('D10', '2025-01', '2025-01-01', '2025-01-31'),
      deptMissing('D10', '2025-02', '2025-02-01', '2025-02-28'),
      deptMissing('D2', '2025-01', '2025-01-01', '2025-01-31'),
      deptMissing('D2', '2025-03', '2025-03-01', '2025-03-31'),
    ]);
  });

  it('judges a month only from the day after its last day', () => {
    expect(departmentMeetingCompliance(p, d('2025-01-31'))).toEqual([]);
    expect(departmentMeetingCompliance(p, d('2025-02-01'))).toEqual([
      deptMissing('D10', '2025-01', '2025-01-01', '2025-01-31'),
      deptMissing('D2', '2025-01', '2025-01-01', '2025-01-31'),
    ]);
    expect(departmentMeetingCompliance(p, d('2024-06-01'))).toEqual([]);
  });

  it('covers the twelve months of the document year once the year is over, and no more', () => {
    const ends = ['31', '28', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31'];
    const all = ends.map((end, i) => {
      const mm = String(i + 1).padStart(2, '0');
      return deptMissing('D1', `2025-${mm}`, `2025-${mm}-01`, `2025-${mm}-${end}`);
    });
    const lone = portfolio({});
    expect(departmentMeetingCompliance(lone, d('2025-12-31'))).toEqual(all.slice(0, 11));
    expect(departmentMeetingCompliance(lone, d('2026-01-01'))).toEqual(all);
    expect(departmentMeetingCompliance(lone, d('2027-06-01'))).toEqual(all);
  });

  it('asks nothing of a document without projects', () => {
    expect(departmentMeetingCompliance(portfolio({}, []), d('2026-01-01'))).toEqual([]);
  });
});

describe('cityLeaderMeetingCompliance (2.2)', () => {
  // L2 is in charge of D2 and D1, L3 of D3 (and of D5, which has no project), L4 only of D4 (no project).
  const leaders = [leader('L1', 'mayor'), leader('L2', 'cityLeader'), leader('L3', 'cityLeader'), leader('L4', 'cityLeader')];
  const departments = [
    department('D3', 'L3'),
    department('D2', 'L2'),
    department('D1', 'L2'),
    department('D4', 'L4'),
    department('D5', 'L3'),
  ];
  const projects = [project('P1', []), project('P2', [], { departmentId: 'D2' }), project('P3', [], { departmentId: 'D3' })];
  const meetings = [
    meeting('cityLeader', '2025-02-28', [], 'L2'), // B1, the day before B2: chaired by L2
    meeting('cityLeader', '2025-03-01', ['D3', 'D1']), // B2 first day, unchaired, one department of each leader
    meeting('cityLeader', '2025-05-01', ['D1'], 'L3'), // B3 first day, chaired by L3 though it lists a department of L2
    meeting('department', '2025-06-15', ['D1', 'D2'], 'L2'), // B3, not a city-leader meeting
    meeting('cityLeader', '2025-08-31', ['D2']), // B4 last day, unchaired, lists a department of L2 only
  ];
  const p = portfolio({ leaders, departments, meetings }, projects);
  const missing = (subjectId: string, period: string, from: string, to: string, departmentIds: string[]): unknown => ({
    rule: '2.2',
    kind: 'meetingMissing',
    subjectId,
    period,
    evidence: { level: 'cityLeader', from, to, departmentIds },
  });

  it('lists each leader with projects and closed bimonth from B2 on without their meeting, by leader then bimonth', () => {
    expect(cityLeaderMeetingCompliance(p, d('2025-09-01'))).toEqual([
      missing('L2', '2025-B3', '2025-05-01', '2025-06-30', ['D1', 'D2']),
      missing('L3', '2025-B4', '2025-07-01', '2025-08-31', ['D3']),
    ]);
  });

  it('judges a bimonth only from the day after its last day, and never B1', () => {
    expect(cityLeaderMeetingCompliance(p, d('2025-08-31'))).toEqual([missing('L2', '2025-B3', '2025-05-01', '2025-06-30', ['D1', 'D2'])]);
    expect(cityLeaderMeetingCompliance(p, d('2025-06-30'))).toEqual([]);
    expect(cityLeaderMeetingCompliance(p, d('2025-03-01'))).toEqual([]);
    expect(cityLeaderMeetingCompliance(portfolio({}), d('2025-04-30'))).toEqual([]);
    expect(cityLeaderMeetingCompliance(portfolio({}), d('2025-05-01'))).toEqual([
      missing('L2', '2025-B2', '2025-03-01', '2025-04-30', ['D1']),
    ]);
  });

  it('covers B2 to B6 once the year is over', () => {
    expect(cityLeaderMeetingCompliance(portfolio({}), d('2026-01-01'))).toEqual([
      missing('L2', '2025-B2', '2025-03-01', '2025-04-30', ['D1']),
      missing('L2', '2025-B3', '2025-05-01', '2025-06-30', ['D1']),
      missing('L2', '2025-B4', '2025-07-01', '2025-08-31', ['D1']),
      missing('L2', '2025-B5', '2025-09-01', '2025-10-31', ['D1']),
      missing('L2', '2025-B6', '2025-11-01', '2025-12-31', ['D1']),
    ]);
  });

  it('accepts a meeting chaired by the leader whatever it lists, and an unchaired one listing any of their departments', () => {
    const at = (ms: Record<string, unknown>[]): unknown[] => cityLeaderMeetingCompliance(portfolio({ meetings: ms }), d('2025-05-01'));
    const b2 = [missing('L2', '2025-B2', '2025-03-01', '2025-04-30', ['D1'])];
    expect(at([meeting('cityLeader', '2025-04-30', [], 'L2')])).toEqual([]);
    expect(at([meeting('cityLeader', '2025-04-30', ['D1'])])).toEqual([]);
    expect(at([meeting('cityLeader', '2025-04-30', ['D1'], 'L1')])).toEqual(b2);
    expect(at([meeting('cityLeader', '2025-05-01', [], 'L2')])).toEqual(b2);
    expect(at([meeting('cityLeader', '2025-02-28', ['D1'])])).toEqual(b2);
    expect(at([meeting('mayor', '2025-04-01', ['D1'], 'L2')])).toEqual(b2);
  });
});

describe('mayorMeetingCompliance (2.3)', () => {
  const leaders = [leader('L2', 'cityLeader'), leader('L1', 'mayor'), leader('L5', 'principal')];
  const meetings = [
    meeting('mayor', '2024-12-31', []), // the day before Q1
    meeting('mayor', '2025-03-31', []), // Q1 last day
    meeting('department', '2025-05-10', ['D1']), // Q2, not a mayor meeting
    meeting('mayor', '2025-07-01', ['D1'], 'L2'), // Q3 first day, chaired by someone else
  ];
  const p = portfolio({ leaders, meetings });
  const missing = (subjectId: string, period: string, from: string, to: string): unknown => ({
    rule: '2.3',
    kind: 'meetingMissing',
    subjectId,
    period,
    evidence: { level: 'mayor', from, to },
  });

  it('lists each closed quarter without a mayor meeting, the mayor as subject', () => {
    expect(mayorMeetingCompliance(p, d('2025-10-01'))).toEqual([missing('L1', '2025Q2', '2025-04-01', '2025-06-30')]);
    expect(mayorMeetingCompliance(p, d('2026-01-01'))).toEqual([
      missing('L1', '2025Q2', '2025-04-01', '2025-06-30'),
      missing('L1', '2025Q4', '2025-10-01', '2025-12-31'),
    ]);
  });

  it('judges a quarter only from the day after its last day', () => {
    expect(mayorMeetingCompliance(p, d('2025-06-30'))).toEqual([]);
    expect(mayorMeetingCompliance(p, d('2025-07-01'))).toEqual([missing('L1', '2025Q2', '2025-04-01', '2025-06-30')]);
    expect(mayorMeetingCompliance(p, d('2025-12-31'))).toEqual([missing('L1', '2025Q2', '2025-04-01', '2025-06-30')]);
    expect(mayorMeetingCompliance(portfolio({}), d('2025-03-31'))).toEqual([]);
    expect(mayorMeetingCompliance(portfolio({}), d('2025-04-01'))).toEqual([missing('L1', '2025Q1', '2025-01-01', '2025-03-31')]);
  });

  it('names the subject "mayor" when no leader is the mayor, a principal included', () => {
    const noMayor = portfolio({ leaders: [leader('L2', 'cityLeader'), leader('L5', 'principal')] });
    expect(mayorMeetingCompliance(noMayor, d('2025-07-01'))).toEqual([
      missing('mayor', '2025Q1', '2025-01-01', '2025-03-31'),
      missing('mayor', '2025Q2', '2025-04-01', '2025-06-30'),
    ]);
  });
});

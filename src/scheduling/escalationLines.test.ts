import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../calendar/index.js';
import type { Escalation, Leader } from '../portfolio/index.js';
import { escalationCompliance, escalationStanding } from './escalationCompliance.js';
import { escalationLines, type EscalationLine } from './escalationLines.js';

const ASOF = parseCalendarDate('2025-10-15');
const leaders: Leader[] = [
  { id: 'L-mayor', name: '周正阳', role: 'mayor' },
  { id: 'L-zhao', name: '赵明轩', role: 'cityLeader' },
  { id: 'L-chen', name: '陈立国', role: 'principal' },
];
const esc = (raisedOn: string, toLeaderId: string, extra: Partial<Escalation> = {}): Escalation =>
  ({ departmentId: 'D-sl', raisedOn, toLeaderId, issue: `问题 ${raisedOn}`, ...extra }) as Escalation;

describe('escalationStanding', () => {
  it('counts the days open to asOf, and is overdue only after escalationDays', () => {
    expect(escalationStanding(esc('2025-09-15', 'L-zhao'), ASOF, 30)).toEqual({ open: true, days: 30, overdue: false });
    expect(escalationStanding(esc('2025-09-14', 'L-zhao'), ASOF, 30)).toEqual({ open: true, days: 31, overdue: true });
  });

  it('counts the days to the resolution once resolved, on asOf itself too, and never calls it overdue', () => {
    expect(escalationStanding(esc('2025-08-01', 'L-zhao', { resolvedOn: parseCalendarDate('2025-10-15') }), ASOF, 30)).toEqual({
      open: false,
      days: 75,
      overdue: false,
    });
  });

  it('keeps an escalation open whose resolution is after asOf', () => {
    expect(escalationStanding(esc('2025-08-01', 'L-zhao', { resolvedOn: parseCalendarDate('2025-10-16') }), ASOF, 30)).toEqual({
      open: true,
      days: 75,
      overdue: true,
    });
  });

  it('is the test of escalationOpen, whichever level the escalation went to', () => {
    const list = [esc('2025-08-01', 'L-zhao'), esc('2025-09-10', 'L-mayor'), esc('2025-10-01', 'L-mayor')];
    const overdue = list.filter((e) => escalationStanding(e, ASOF, 30).overdue).map((e) => e.raisedOn);
    const evidence = escalationCompliance(list, ASOF, 30)[0]?.evidence['escalations'] as { raisedOn: string }[];
    expect(evidence.map((e) => e.raisedOn)).toEqual(overdue);
    expect(overdue).toEqual(['2025-08-01', '2025-09-10']);
  });
});

describe('escalationLines', () => {
  it('raises to the mayor an escalation to the mayor, and to a city leader any other, the principal too', () => {
    const lines = escalationLines(
      [esc('2025-09-10', 'L-mayor'), esc('2025-08-01', 'L-zhao'), esc('2025-08-02', 'L-chen')],
      leaders,
      ASOF,
      30,
    );
    expect(lines.map((l) => [l.raisedOn, l.level])).toEqual([
      ['2025-08-01', 'cityLeader'],
      ['2025-08-02', 'cityLeader'],
      ['2025-09-10', 'mayor'],
    ]);
  });

  it('gives the project or null, and the resolution only when it is known', () => {
    const lines = escalationLines(
      [
        esc('2025-08-01', 'L-zhao', { projectId: 'P-011', resolvedOn: parseCalendarDate('2025-09-01') }),
        esc('2025-08-02', 'L-zhao', { resolvedOn: parseCalendarDate('2025-11-20') }),
      ],
      leaders,
      ASOF,
      30,
    );
    expect(lines.map((l) => [l.projectId, l.resolvedOn, l.open, l.days])).toEqual([
      ['P-011', '2025-09-01', false, 31],
      [null, null, true, 74],
    ]);
  });

  it('is the same for any order of its input', () => {
    const list = [esc('2025-08-01', 'L-zhao'), esc('2025-08-01', 'L-mayor'), esc('2025-08-01', 'L-zhao', { issue: '另一问题' })];
    const a = escalationLines(list, leaders, ASOF, 30);
    expect(escalationLines([...list].reverse(), leaders, ASOF, 30)).toEqual(a);
    expect(a.map((l) => [l.toLeaderId, l.issue])).toEqual([
      ['L-mayor', '问题 2025-08-01'],
      ['L-zhao', '另一问题'],
      ['L-zhao', '问题 2025-08-01'],
    ]);
  });

  it('orders by date, department, leader, issue, project, then resolution', () => {
    const same = (extra: Partial<Escalation>): Escalation => esc('2025-08-01', 'L-zhao', { issue: '同一问题', ...extra });
    const list = [
      same({ projectId: 'P-2' }),
      same({ resolvedOn: parseCalendarDate('2025-09-02') }),
      same({ resolvedOn: parseCalendarDate('2025-09-01') }),
      same({ projectId: 'P-1' }),
      same({ departmentId: 'D-a' }),
    ];
    const key = (l: EscalationLine): string => `${l.departmentId} ${l.projectId ?? '-'} ${l.resolvedOn ?? '-'}`;
    const sorted = ['D-a - -', 'D-sl - 2025-09-01', 'D-sl - 2025-09-02', 'D-sl P-1 -', 'D-sl P-2 -'];
    expect(escalationLines(list, leaders, ASOF, 30).map(key)).toEqual(sorted);
    expect(escalationLines([...list].reverse(), leaders, ASOF, 30).map(key)).toEqual(sorted);
  });
});

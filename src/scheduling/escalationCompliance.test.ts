// Tests of escalationCompliance (2.1): escalations left open past the allowed days.
import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../calendar/index.js';
import type { Escalation } from '../portfolio/index.js';
import { escalationCompliance } from './escalationCompliance.js';

const d = parseCalendarDate;

describe('escalationCompliance (2.1)', () => {
  const esc = (departmentId: string, raisedOn: string, issue: string, resolvedOn?: string, toLeaderId = 'L2'): Escalation => ({
    departmentId,
    raisedOn: d(raisedOn),
    toLeaderId,
    issue,
    ...(resolvedOn !== undefined && { resolvedOn: d(resolvedOn) }),
  });
  const entry = (raisedOn: string, issue: string, daysOpen: number, toLeaderId = 'L2'): unknown => ({
    raisedOn,
    toLeaderId,
    issue,
    daysOpen,
  });
  const open = (subjectId: string, escalationDays: number, escalations: unknown[]): unknown => ({
    rule: '2.1',
    kind: 'escalationOpen',
    subjectId,
    evidence: { escalationDays, escalations },
  });

  const all = [
    esc('D2', '2025-07-10', 'b', undefined, 'L3'),
    esc('D1', '2025-08-01', 'b'), // 31 days open at 2025-09-01
    esc('D1', '2025-08-02', 'a'), // 30 days: not yet
    esc('D10', '2025-06-01', 'x', '2025-09-02'), // resolved the day after asOf: still open
    esc('D2', '2025-07-01', 'y', '2025-09-01'), // resolved on asOf
    esc('D2', '2025-07-05', 'c'),
    esc('D1', '2025-08-01', 'z', '2025-08-31'), // resolved before asOf
    esc('D3', '2025-08-25', 'w'), // open, but only 7 days
    esc('D2', '2025-07-10', 'a'),
  ];
  const expected = [
    open('D1', 30, [entry('2025-08-01', 'b', 31)]),
    open('D10', 30, [entry('2025-06-01', 'x', 92)]),
    open('D2', 30, [entry('2025-07-05', 'c', 58), entry('2025-07-10', 'a', 53), entry('2025-07-10', 'b', 53, 'L3')]),
  ];

  it('lists each department with an escalation open more than the allowed days, every such escalation by date then issue', () => {
    const asOf = d('2025-09-01');
    expect(escalationCompliance(all, asOf, 30)).toEqual(expected);
    expect(escalationCompliance([...all].reverse(), asOf, 30)).toEqual(expected);
    const shuffled = [8, 5, 3, 0, 6, 2, 1, 7, 4].map((i) => {
      const e = all[i];
      if (e === undefined) throw new Error(`no escalation ${String(i)}`);
      return e;
    });
    expect(escalationCompliance(shuffled, asOf, 30)).toEqual(expected);
  });

  it('reports an escalation from the day after raisedOn + escalationDays, whatever that number', () => {
    const one = [esc('D1', '2025-08-01', 'q')];
    expect(escalationCompliance(one, d('2025-08-31'), 30)).toEqual([]);
    expect(escalationCompliance(one, d('2025-09-01'), 30)).toEqual([open('D1', 30, [entry('2025-08-01', 'q', 31)])]);
    expect(escalationCompliance(one, d('2025-09-01'), 31)).toEqual([]);
    expect(escalationCompliance(one, d('2025-08-11'), 9)).toEqual([open('D1', 9, [entry('2025-08-01', 'q', 10)])]);
    expect(escalationCompliance(one, d('2025-08-01'), 0)).toEqual([]);
    expect(escalationCompliance(one, d('2025-08-02'), 0)).toEqual([open('D1', 0, [entry('2025-08-01', 'q', 1)])]);
  });

  it('counts an escalation as resolved only when resolvedOn is on or before asOf', () => {
    const at = (resolvedOn: string): unknown[] => escalationCompliance([esc('D1', '2025-07-01', 'q', resolvedOn)], d('2025-09-01'), 30);
    expect(at('2025-09-01')).toEqual([]);
    expect(at('2025-08-31')).toEqual([]);
    expect(at('2025-09-02')).toEqual([open('D1', 30, [entry('2025-07-01', 'q', 62)])]);
    expect(escalationCompliance([], d('2025-09-01'), 30)).toEqual([]);
  });
});

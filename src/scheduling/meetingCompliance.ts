import {
  bimonthsOfYear,
  firstDayOf,
  isClosed,
  lastDayOf,
  monthsOfYear,
  quartersOfYear,
  type Bimonth,
  type CalendarDate,
  type Quarter,
  type YearMonth,
} from '../calendar/index.js';
import { compareCodeUnits } from '../findings/index.js';
import type { ComplianceFinding } from '../findings/compliance.js';
import type { Meeting, Portfolio } from '../portfolio/index.js';
import { appendTo } from '../_lib/append.js';

const within = (m: Meeting, period: YearMonth | Bimonth | Quarter): boolean => m.on >= firstDayOf(period) && m.on <= lastDayOf(period);

/**
 * What the scheduling rules (2.1–2.3) read of a portfolio besides its projects: the year, the departments
 * with their leaders in charge, the leaders and the meetings (known at `asOf`).
 * @internal
 */
export type SchedulingRecords = Pick<Portfolio, 'year' | 'departments' | 'leaders' | 'meetings'>;

// The ids of the departments with at least one project: only they are bound to schedule.
function departmentsWithProjects(portfolio: Pick<Portfolio, 'projects'>): Set<string> {
  return new Set(portfolio.projects.map((p) => p.departmentId));
}

// The portfolio's departments with projects, by id.
function scheduled(records: Pick<SchedulingRecords, 'departments'>, withProjects: ReadonlySet<string>): string[] {
  return records.departments
    .map((d) => d.id)
    .filter((id) => withProjects.has(id))
    .sort(compareCodeUnits);
}

/**
 * Department monthly scheduling (责任部门月调度, clause 2.1): `meetingMissing` per department with
 * projects and closed month of the year without a `department` meeting listing it.
 *
 * @remarks Pass the portfolio known at `asOf`.
 * @example
 * ```ts
 * departmentMeetingCompliance(known, parseCalendarDate('2025-10-15'))
 *   .filter((c) => c.subjectId === 'D-sl').map((c) => c.period); //=> ['2025-07', '2025-08']
 * ```
 * @category Scheduling
 */
export function departmentMeetingCompliance(portfolio: Portfolio, asOf: CalendarDate): ComplianceFinding[] {
  return departmentMeetingGaps(portfolio, departmentsWithProjects(portfolio), asOf);
}

/**
 * {@link departmentMeetingCompliance} on what it reads: the records, and the ids of the departments with projects.
 * @internal
 */
export function departmentMeetingGaps(
  records: Pick<SchedulingRecords, 'year' | 'departments' | 'meetings'>,
  withProjects: ReadonlySet<string>,
  asOf: CalendarDate,
): ComplianceFinding[] {
  // The department meetings of each department, found once rather than per department and month.
  const meetings = new Map<string, Meeting[]>();
  for (const m of records.meetings) {
    if (m.level !== 'department') continue;
    for (const id of m.departmentIds) appendTo(meetings, id, m);
  }
  const closed = monthsOfYear(records.year).filter((month) => isClosed(month, asOf));
  const out: ComplianceFinding[] = [];
  for (const id of scheduled(records, withProjects)) {
    const held = meetings.get(id) ?? [];
    for (const month of closed) {
      const from = firstDayOf(month);
      const to = lastDayOf(month);
      if (!held.some((m) => m.on >= from && m.on <= to)) {
        out.push({
          rule: '2.1',
          kind: 'meetingMissing',
          subjectId: id,
          period: month,
          evidence: { level: 'department', from: firstDayOf(month), to: lastDayOf(month) },
        });
      }
    }
  }
  return out;
}

/**
 * City-leader bimonthly scheduling (分管市领导双月调度, clause 2.2): `meetingMissing` per leader in charge
 * of at least one department with projects and closed bimonth from B2 on (B1 is taken by setting the
 * annual plan), without a `cityLeader` meeting chaired by them — or, when unchaired, listing one of
 * their departments.
 *
 * @remarks Pass the portfolio known at `asOf`.
 * @example
 * ```ts
 * cityLeaderMeetingCompliance(known, parseCalendarDate('2025-10-15')).map((c) => `${c.subjectId} ${c.period}`); //=> ['L-sun 2025-B3']
 * ```
 * @category Scheduling
 */
export function cityLeaderMeetingCompliance(portfolio: Portfolio, asOf: CalendarDate): ComplianceFinding[] {
  return cityLeaderMeetingGaps(portfolio, departmentsWithProjects(portfolio), asOf);
}

/**
 * {@link cityLeaderMeetingCompliance} on what it reads: the records, and the ids of the departments with projects.
 * @internal
 */
export function cityLeaderMeetingGaps(
  records: Pick<SchedulingRecords, 'year' | 'departments' | 'meetings'>,
  withProjects: ReadonlySet<string>,
  asOf: CalendarDate,
): ComplianceFinding[] {
  const meetings = records.meetings.filter((m) => m.level === 'cityLeader');
  const leaders = new Map<string, string[]>();
  for (const d of records.departments) {
    if (withProjects.has(d.id)) appendTo(leaders, d.leaderId, d.id);
  }
  const out: ComplianceFinding[] = [];
  for (const leaderId of [...leaders.keys()].sort(compareCodeUnits)) {
    const departments = leaders.get(leaderId) ?? [];
    for (const b of bimonthsOfYear(records.year).slice(1)) {
      if (!isClosed(b, asOf)) break;
      const held = meetings.some(
        (m) =>
          within(m, b) && (m.chairId === leaderId || (m.chairId === undefined && m.departmentIds.some((id) => departments.includes(id)))),
      );
      if (!held) {
        out.push({
          rule: '2.2',
          kind: 'meetingMissing',
          subjectId: leaderId,
          period: b,
          evidence: { level: 'cityLeader', from: firstDayOf(b), to: lastDayOf(b), departmentIds: [...departments].sort(compareCodeUnits) },
        });
      }
    }
  }
  return out;
}

/**
 * Mayor quarterly scheduling (市长季调度, clause 2.3): `meetingMissing` per closed quarter of the year
 * without a `mayor` meeting (any chair). The subject is the mayor's id, or `"mayor"` when the document
 * names no mayor.
 *
 * @remarks Pass the portfolio known at `asOf`.
 * @example
 * ```ts
 * mayorMeetingCompliance(known, parseCalendarDate('2025-10-15')).map((c) => c.period); //=> ['2025Q3']
 * ```
 * @category Scheduling
 */
export function mayorMeetingCompliance(portfolio: Portfolio, asOf: CalendarDate): ComplianceFinding[] {
  return mayorMeetingGaps(portfolio, asOf);
}

/**
 * {@link mayorMeetingCompliance} on what it reads: the year, the leaders and the meetings.
 * @internal
 */
export function mayorMeetingGaps(
  records: Pick<SchedulingRecords, 'year' | 'leaders' | 'meetings'>,
  asOf: CalendarDate,
): ComplianceFinding[] {
  const subjectId = records.leaders.find((l) => l.role === 'mayor')?.id ?? 'mayor';
  const meetings = records.meetings.filter((m) => m.level === 'mayor');
  const out: ComplianceFinding[] = [];
  for (const q of quartersOfYear(records.year)) {
    if (!isClosed(q, asOf)) break;
    if (!meetings.some((m) => within(m, q))) {
      out.push({
        rule: '2.3',
        kind: 'meetingMissing',
        subjectId,
        period: q,
        evidence: { level: 'mayor', from: firstDayOf(q), to: lastDayOf(q) },
      });
    }
  }
  return out;
}

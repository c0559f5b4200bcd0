import type { CalendarDate } from '../calendar/index.js';
import type { Portfolio, Project, Report } from './types.js';

function without<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = o;
  return rest;
}

function knownReport(r: Report, asOf: CalendarDate): Report {
  if (!r.achieved) return r;
  const entries = Object.entries(r.achieved).filter(([, d]) => d <= asOf);
  return { ...r, achieved: Object.fromEntries(entries) };
}

/** One project as known at `asOf` (see {@link knownAt}). */
export function knownProject(p: Project, asOf: CalendarDate): Project {
  const ledger = p.ledger.submittedOn !== undefined && p.ledger.submittedOn > asOf ? without(p.ledger, 'submittedOn') : p.ledger;
  const out: Project = {
    ...p,
    ledger,
    milestones: p.milestones.map((m) => (m.achievedOn !== undefined && m.achievedOn > asOf ? without(m, 'achievedOn') : m)),
    reports: p.reports.filter((r) => r.submittedOn === undefined || r.submittedOn <= asOf).map((r) => knownReport(r, asOf)),
  };
  return {
    ...out,
    ...(p.changes && { changes: p.changes.filter((c) => c.on <= asOf) }),
    ...(p.directives && {
      directives: p.directives
        .filter((d) => d.issuedOn <= asOf)
        .map((d) => ({ ...d, measures: d.measures.filter((e) => e.on <= asOf), progress: d.progress.filter((e) => e.on <= asOf) })),
    }),
    ...(p.stalls && {
      stalls: p.stalls.filter((s) => s.since <= asOf).map((s) => (s.until !== undefined && s.until > asOf ? without(s, 'until') : s)),
    }),
    ...(p.incidents && { incidents: p.incidents.filter((i) => i.on <= asOf) }),
  };
}

/**
 * The portfolio as it was known at `asOf` (截至某日已知的信息).
 *
 * @remarks
 * Every dated record after `asOf` is dropped: reports (by `submittedOn`; an undated report is known),
 * milestone achievements, meetings, reviews, escalations, changes, directives and their entries,
 * stalls, incidents, interview requests and issued notifications. A stall's `until`, an escalation's
 * `resolvedOn` and a ledger's `submittedOn` after `asOf` have not happened yet. The ledger's monthly
 * amounts stay: they are the plan whatever its submission date.
 *
 * @example
 * ```ts
 * knownAt(portfolio, parseCalendarDate('2025-04-01')).projects[0].reports.length; //=> 2 (Jan, Feb)
 * ```
 * @category Portfolio
 */
export function knownAt(portfolio: Portfolio, asOf: CalendarDate): Portfolio {
  const p = portfolio;
  return {
    ...p,
    projects: p.projects.map((x) => knownProject(x, asOf)),
    meetings: p.meetings.filter((m) => m.on <= asOf),
    bureauReviews: p.bureauReviews.filter((r) => r.on <= asOf),
    ...(p.escalations && {
      escalations: p.escalations
        .filter((e) => e.raisedOn <= asOf)
        .map((e) => (e.resolvedOn !== undefined && e.resolvedOn > asOf ? without(e, 'resolvedOn') : e)),
    }),
    ...(p.notifications && { notifications: p.notifications.filter((n) => n.issuedOn <= asOf) }),
    ...(p.interviewRequests && { interviewRequests: p.interviewRequests.filter((r) => r.on <= asOf) }),
  };
}

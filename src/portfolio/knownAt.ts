import type { CalendarDate } from '../calendar/index.js';
import type { Milestone, Portfolio, PortfolioDocument, Project, Report } from './types.js';

// A copy of `o` without `key`, its other own keys in order (as `const { [key]: _, ...rest } = o` gives, in
// a plain loop: that rest pattern with a computed key is slow in V8).
function without<T extends object, K extends keyof T & string>(o: T, key: K): Omit<T, K> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    if (k === key) continue;
    const v = (o as Record<string, unknown>)[k];
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out as Omit<T, K>;
}

function knownReport(r: Report, asOf: CalendarDate): Report {
  const achieved = r.achieved;
  if (!achieved) return r;
  const keys = Object.keys(achieved);
  if (keys.every((k) => (achieved[k] as CalendarDate) <= asOf)) return r;
  return { ...r, achieved: Object.fromEntries(Object.entries(achieved).filter(([, d]) => d <= asOf)) };
}

/** One project as known at `asOf` (see {@link knownAt}); the project itself when nothing of it is after asOf. */
export function knownProject(p: Project, asOf: CalendarDate): Project {
  const ledger = p.ledger.submittedOn !== undefined && p.ledger.submittedOn > asOf ? without(p.ledger, 'submittedOn') : p.ledger;
  const milestones = knownMilestones(p.milestones, asOf);
  const reports = knownReports(p.reports, asOf);
  const changes = p.changes && kept(p.changes, (c) => c.on <= asOf);
  const directives =
    p.directives &&
    mapped(
      kept(p.directives, (d) => d.issuedOn <= asOf),
      (d) => {
        const measures = kept(d.measures, (e) => e.on <= asOf);
        const progress = kept(d.progress, (e) => e.on <= asOf);
        return measures === d.measures && progress === d.progress ? d : { ...d, measures, progress };
      },
    );
  const stalls =
    p.stalls &&
    mapped(
      kept(p.stalls, (s) => s.since <= asOf),
      (s) => (s.until !== undefined && s.until > asOf ? without(s, 'until') : s),
    );
  const incidents = p.incidents && kept(p.incidents, (i) => i.on <= asOf);
  if (
    ledger === p.ledger &&
    milestones === p.milestones &&
    reports === p.reports &&
    changes === p.changes &&
    directives === p.directives &&
    stalls === p.stalls &&
    incidents === p.incidents
  )
    return p;
  // The project's keys in its own order, with the known values in place (each of these keys is already
  // there whenever its value is defined).
  const out: { -readonly [K in keyof Project]: Project[K] } = { ...p };
  out.ledger = ledger;
  out.milestones = milestones;
  out.reports = reports;
  if (changes) out.changes = changes;
  if (directives) out.directives = directives;
  if (stalls) out.stalls = stalls;
  if (incidents) out.incidents = incidents;
  return out;
}

// The milestones with achievements after asOf forgotten; the list itself when there are none (as `mapped`
// gives it, in a loop: a project's milestones and reports are read in every evaluation, so no closure is
// made for them).
function knownMilestones(milestones: readonly Milestone[], asOf: CalendarDate): readonly Milestone[] {
  let out: Milestone[] | undefined;
  for (let i = 0; i < milestones.length; i += 1) {
    const m = milestones[i] as Milestone;
    const known = m.achievedOn !== undefined && m.achievedOn > asOf ? without(m, 'achievedOn') : m;
    if (out === undefined && known !== m) out = milestones.slice(0, i);
    out?.push(known);
  }
  return out ?? milestones;
}

// The reports submitted by asOf (or undated), each as known then; the list itself when that is all of them
// unchanged (as `mapped(kept(…), knownReport)` gives it).
function knownReports(reports: readonly Report[], asOf: CalendarDate): readonly Report[] {
  let out: Report[] | undefined;
  for (let i = 0; i < reports.length; i += 1) {
    const r = reports[i] as Report;
    const known = r.submittedOn === undefined || r.submittedOn <= asOf ? knownReport(r, asOf) : undefined;
    if (out === undefined && known !== r) out = reports.slice(0, i);
    if (known !== undefined) out?.push(known);
  }
  return out ?? reports;
}

// The list itself when every element passes, else the elements that pass.
function kept<T>(list: readonly T[], keep: (x: T) => boolean): readonly T[] {
  for (let i = 0; i < list.length; i += 1) if (!keep(list[i] as T)) return list.filter(keep);
  return list;
}

// The list itself when `f` returns every element unchanged, else the new list.
function mapped<T>(list: readonly T[], f: (x: T) => T): readonly T[] {
  let out: T[] | undefined;
  for (let i = 0; i < list.length; i += 1) {
    const x = list[i] as T;
    const y = f(x);
    if (out === undefined && y !== x) out = list.slice(0, i);
    out?.push(y);
  }
  return out ?? list;
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
  return { ...knownRecords(portfolio, asOf), projects: portfolio.projects.map((x) => knownProject(x, asOf)) };
}

/**
 * The records of a portfolio besides its projects (its header: meetings, reviews, escalations, issued
 * notifications, interview requests…) as known at `asOf`, as {@link knownAt} takes them.
 * @internal
 */
export function knownRecords<R extends Omit<PortfolioDocument, 'projects'>>(records: R, asOf: CalendarDate): R {
  const p = records;
  return {
    ...p,
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

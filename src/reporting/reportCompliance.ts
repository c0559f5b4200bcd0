import { monthsOfYear, reportDue, type CalendarDate, type DeadlineOptions, type YearMonth } from '../calendar/index.js';
import type { ComplianceFinding } from '../findings/compliance.js';
import type { Project, Report } from '../portfolio/index.js';

/**
 * Monthly report compliance of one project (按月报账, clause 1.2): for each month M of the year whose
 * deadline has passed (`reportDue(M) < asOf`), `reportMissing` when no report for M is known and
 * `reportLate` when it was submitted after the deadline. Submitting on the due day itself is on time.
 *
 * @remarks Pass the project as known at `asOf`. A report without `submittedOn` is neither missing nor late.
 * @example
 * ```ts
 * reportCompliance(project, 2025, parseCalendarDate('2025-10-15'));
 * //=> [{ rule: '1.2', kind: 'reportLate', subjectId: 'P-021', period: '2025-05', evidence: { due: '2025-06-05', submittedOn: '2025-06-09' } }]
 * ```
 * @category Reporting
 */
export function reportCompliance(project: Project, year: number, asOf: CalendarDate, deadlines: DeadlineOptions = {}): ComplianceFinding[] {
  return reportGaps(project, closedReportMonths(year, asOf, deadlines));
}

/** A month of the year whose report deadline has passed, with that deadline. @internal */
export interface ClosedMonth {
  readonly month: YearMonth;
  readonly due: CalendarDate;
}

/** The months of `year` whose report deadline has passed at `asOf` (`reportDue(M) < asOf`), January first. @internal */
export function closedReportMonths(year: number, asOf: CalendarDate, deadlines: DeadlineOptions = {}): ClosedMonth[] {
  const out: ClosedMonth[] = [];
  for (const month of monthsOfYear(year)) {
    const due = reportDue(month, deadlines);
    if (!(due < asOf)) break;
    out.push({ month, due });
  }
  return out;
}

/** {@link reportCompliance} over closed months worked out once for every project. @internal */
export function reportGaps(project: Project, closed: readonly ClosedMonth[]): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  const { reports } = project;
  for (const { month: m, due } of closed) {
    // The last report of the month (validation rejects a second one).
    let r: Report | undefined;
    for (let i = reports.length - 1; i >= 0 && r === undefined; i -= 1) if ((reports[i] as Report).month === m) r = reports[i];
    if (!r) out.push({ rule: '1.2', kind: 'reportMissing', subjectId: project.id, period: m, evidence: { due } });
    else if (r.submittedOn !== undefined && r.submittedOn > due) {
      out.push({ rule: '1.2', kind: 'reportLate', subjectId: project.id, period: m, evidence: { due, submittedOn: r.submittedOn } });
    }
  }
  return out;
}

import { monthsOfYear, reportDue, type CalendarDate, type DeadlineOptions } from '../calendar/index.js';
import type { ComplianceFinding } from '../findings/compliance.js';
import type { Project } from '../portfolio/index.js';

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
  const out: ComplianceFinding[] = [];
  const byMonth = new Map(project.reports.map((r) => [r.month as string, r] as const));
  for (const m of monthsOfYear(year)) {
    const due = reportDue(m, deadlines);
    if (!(due < asOf)) break;
    const r = byMonth.get(m);
    if (!r) out.push({ rule: '1.2', kind: 'reportMissing', subjectId: project.id, period: m, evidence: { due } });
    else if (r.submittedOn !== undefined && r.submittedOn > due) {
      out.push({ rule: '1.2', kind: 'reportLate', subjectId: project.id, period: m, evidence: { due, submittedOn: r.submittedOn } });
    }
  }
  return out;
}

import type { Finding } from '../findings/index.js';
import type { Project } from '../portfolio/index.js';

/**
 * A warning for each of a project's monthly reports without a submission date (月报未填报送日期, clause
 * 1.2), in the order of the reports.
 *
 * @remarks Such a report is known (it counts for every `asOf`) and cannot be late; the warning says so.
 * The same check is the validation warning `report_without_date`.
 * @example
 * ```ts
 * undatedReportWarnings(project).map((f) => f.evidence); //=> [{ month: '2025-04' }]
 * ```
 * @category Reporting
 */
export function undatedReportWarnings(p: Project): Finding[] {
  const out: Finding[] = [];
  for (const r of p.reports) {
    if (r.submittedOn !== undefined) continue;
    out.push({
      rule: '1.2',
      subject: { kind: 'project', id: p.id },
      severity: 'warning',
      message: { zh: `${r.month} 月报未填报送日期,视为已知`, en: `the ${r.month} report has no submission date; treated as known` },
      evidence: { month: r.month },
    });
  }
  return out;
}

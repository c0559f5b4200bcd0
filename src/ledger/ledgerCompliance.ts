import { ledgerDue, type CalendarDate, type DeadlineOptions } from '../calendar/index.js';
import type { ComplianceFinding } from '../findings/compliance.js';
import type { Project } from '../portfolio/index.js';

/**
 * Ledger compliance of one project (建立台账, clause 1.1): `ledgerMissing` when no submission is known
 * and the deadline (end of February) has passed; `ledgerLate` when it was submitted after the deadline.
 *
 * @remarks Pass the project as known at `asOf` (`knownAt`): a submission dated after `asOf` is not known yet.
 * @example
 * ```ts
 * ledgerCompliance(project, 2025, parseCalendarDate('2025-10-15'));
 * //=> [{ rule: '1.1', kind: 'ledgerLate', subjectId: 'P-005', evidence: { due: '2025-02-28', submittedOn: '2025-03-10' } }]
 * ```
 * @category Ledger
 */
export function ledgerCompliance(project: Project, year: number, asOf: CalendarDate, deadlines: DeadlineOptions = {}): ComplianceFinding[] {
  return ledgerGaps(project, ledgerDue(year, deadlines), asOf);
}

/** {@link ledgerCompliance} with the deadline worked out once for every project. @internal */
export function ledgerGaps(project: Project, due: CalendarDate, asOf: CalendarDate): ComplianceFinding[] {
  const submittedOn = project.ledger.submittedOn;
  if (submittedOn === undefined) {
    return due < asOf ? [{ rule: '1.1', kind: 'ledgerMissing', subjectId: project.id, evidence: { due } }] : [];
  }
  return submittedOn > due ? [{ rule: '1.1', kind: 'ledgerLate', subjectId: project.id, evidence: { due, submittedOn } }] : [];
}

import type { Evidence } from './finding.js';

/**
 * The kinds of compliance gap (合规缺口), exactly these.
 * @example
 * ```ts
 * const k: ComplianceKind = 'reportLate';
 * ```
 * @category Findings
 */
export type ComplianceKind =
  | 'ledgerMissing'
  | 'ledgerLate'
  | 'reportMissing'
  | 'reportLate'
  | 'reviewMissing'
  | 'approvalWarning'
  | 'meetingMissing'
  | 'escalationOpen';

/**
 * A gap in the procedure of clauses 1.1, 1.2 and 2.x, for a closed period (合规检查).
 *
 * @remarks
 * `subjectId` is the project id (ledger, report and approval kinds), the bureau (`finance` | `land` |
 * `approval`), the department id (2.1), the leader id (2.2) or the mayor's id (2.3; `"mayor"` when the
 * document has none). `period` is `YYYY-MM`, `YYYY-Bn` or `YYYYQn`; `ledgerMissing`, `ledgerLate`,
 * `approvalWarning` and `escalationOpen` have none.
 * @example
 * ```ts
 * const c: ComplianceFinding = { rule: '1.2', kind: 'reportLate', subjectId: 'P-021', period: '2025-05', evidence: { due: '2025-06-05', submittedOn: '2025-06-09' } };
 * ```
 * @category Findings
 */
export interface ComplianceFinding {
  /** The clause: `1.1`, `1.2`, `2.1`, `2.2` or `2.3`. */
  readonly rule: '1.1' | '1.2' | '2.1' | '2.2' | '2.3';
  /** What is missing or late. */
  readonly kind: ComplianceKind;
  /** Who is responsible: a project, bureau, department or leader id. */
  readonly subjectId: string;
  /** The closed period concerned, when the kind has one. */
  readonly period?: string;
  /** The dates and records behind it. */
  readonly evidence: Evidence;
}

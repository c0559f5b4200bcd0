import type { Evidence, Finding } from '../../findings/index.js';
import type { LocalizedText } from '../../errors.js';

/**
 * The six interview triggers (约谈情形) of clause 3.2.
 * @example
 * ```ts
 * const r: InterviewRule = '3.2.2';
 * ```
 * @category Supervision
 */
export type InterviewRule = '3.2.1' | '3.2.2' | '3.2.3' | '3.2.4' | '3.2.5' | '3.2.6';

/**
 * One reason to interview a department (约谈事由), with the records behind it.
 *
 * @remarks At most one trigger per (rule, project); 3.2.1 and 3.2.6 concern the department and have no project.
 * @example
 * ```ts
 * const t: InterviewTrigger = { rule: '3.2.2', projectId: 'P-011', evidence: { milestones: [] }, message: { zh: '…', en: '…' } };
 * ```
 * @category Supervision
 */
export interface InterviewTrigger {
  /** Which of the six conditions holds. */
  readonly rule: InterviewRule;
  /** The department the trigger is about. */
  readonly departmentId: string;
  /** The project concerned (absent for 3.2.1 and 3.2.6). */
  readonly projectId?: string;
  /** Every offending record: quarters, milestones, directives, stalls, changes, requests. */
  readonly evidence: Evidence;
  /** What happened, in Chinese and English. */
  readonly message: LocalizedText;
}

/**
 * An interview trigger as a {@link Finding} about its department.
 * @example
 * ```ts
 * interviewFinding(trigger).subject; //=> { kind: 'department', id: 'D-sl' }
 * ```
 * @category Supervision
 */
export function interviewFinding(t: InterviewTrigger): Finding {
  return {
    rule: t.rule,
    subject: { kind: 'department', id: t.departmentId },
    severity: 'critical',
    message: { zh: `约谈情形:${t.message.zh}`, en: `interview: ${t.message.en}` },
    evidence: { ...(t.projectId !== undefined && { projectId: t.projectId }), ...t.evidence },
  };
}

import type { LocalizedText } from '../errors.js';
import type { RuleId } from './rules.js';

/**
 * A JSON value used as evidence.
 * @example
 * ```ts
 * const e: EvidenceValue = { plannedToDate: '1200', month: '2025-09' };
 * ```
 * @category Findings
 */
export type EvidenceValue = string | number | boolean | null | readonly EvidenceValue[] | { readonly [key: string]: EvidenceValue };

/**
 * The numbers and dates a judgement used (依据).
 * @example
 * ```ts
 * const e: Evidence = { lagPp: '12.50', threshold: '10' };
 * ```
 * @category Findings
 */
export type Evidence = { readonly [key: string]: EvidenceValue };

/**
 * What a finding is about.
 * @example
 * ```ts
 * const s: FindingSubject = { kind: 'project', id: 'P-001' };
 * ```
 * @category Findings
 */
export interface FindingSubject {
  /** 对象类型 — a project, department, leader, bureau or the whole portfolio. */
  readonly kind: 'project' | 'department' | 'leader' | 'bureau' | 'portfolio';
  /** 对象 id — the subject's id (for a bureau, `finance`, `land` or `approval`). */
  readonly id: string;
}

/**
 * How much a finding matters: `info` (noted), `warning` (needs attention), `critical` (red, or a breach).
 * @example
 * ```ts
 * const s: Severity = 'warning';
 * ```
 * @category Findings
 */
export type Severity = 'info' | 'warning' | 'critical';

/**
 * One explained judgement (发现): the rule, the subject, a bilingual message and the evidence behind it.
 *
 * @example
 * ```ts
 * const f: Finding = {
 *   rule: 'colour.investment',
 *   subject: { kind: 'project', id: 'P-001' },
 *   severity: 'warning',
 *   message: { zh: '投资进度落后序时进度 12.50 个百分点', en: 'investment 12.50 pp behind schedule' },
 *   evidence: { lagPp: '12.50' },
 * };
 * ```
 * @category Findings
 */
export interface Finding {
  /** 规则 — a clause id (`"3.2.2"`) or a policy rule id (`"colour.investment"`). */
  readonly rule: RuleId;
  /** 对象 — what the finding is about. */
  readonly subject: FindingSubject;
  /** 严重程度 — how much the finding matters. */
  readonly severity: Severity;
  /** 说明 — the judgement in Chinese and English. */
  readonly message: LocalizedText;
  /** 依据 — the numbers and dates the judgement used. */
  readonly evidence: Evidence;
}

/**
 * Compare strings by UTF-16 code units, the one order every list of the result uses.
 * @example
 * ```ts
 * compareCodeUnits('P-10', 'P-9'); //=> -1
 * ```
 * @category Findings
 */
export function compareCodeUnits(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Order findings by subject kind, subject id, rule, then by content (a total order).
 * @example
 * ```ts
 * [...findings].sort(compareFindings);
 * ```
 * @category Findings
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareCodeUnits(a.subject.kind, b.subject.kind) ||
    compareCodeUnits(a.subject.id, b.subject.id) ||
    compareCodeUnits(a.rule, b.rule) ||
    compareCodeUnits(JSON.stringify(a.evidence), JSON.stringify(b.evidence)) ||
    compareCodeUnits(a.message.en, b.message.en)
  );
}

/**
 * The findings in {@link compareFindings} order, in a new array: the same order as
 * `[...findings].sort(compareFindings)`, with each finding's evidence written out at most once rather
 * than at every comparison that reaches it (and only for the one pass that checks the order when the list
 * is in order already).
 * @internal
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  // A list already in order (as a project's findings in id order mostly are) is copied as it is: a
  // stable sort would leave it so.
  let inOrder = true;
  for (let i = 1; i < findings.length && inOrder; i += 1)
    inOrder = compareFindings(findings[i - 1] as Finding, findings[i] as Finding) <= 0;
  if (inOrder) return [...findings];
  const keyed = findings.map((f) => ({ f, evidence: undefined as string | undefined }));
  const evidence = (k: { readonly f: Finding; evidence: string | undefined }): string => (k.evidence ??= JSON.stringify(k.f.evidence));
  keyed.sort(
    (x, y) =>
      compareCodeUnits(x.f.subject.kind, y.f.subject.kind) ||
      compareCodeUnits(x.f.subject.id, y.f.subject.id) ||
      compareCodeUnits(x.f.rule, y.f.rule) ||
      compareCodeUnits(evidence(x), evidence(y)) ||
      compareCodeUnits(x.f.message.en, y.f.message.en),
  );
  return keyed.map((k) => k.f);
}

/**
 * The findings of `a` and `b`, each already in {@link compareFindings} order, merged into that order: the
 * same as `sortFindings([...a, ...b])`, where of two findings that compare equal the one from `a` comes first.
 * @internal
 */
export function mergeFindings(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Finding;
    const y = b[j] as Finding;
    if (compareFindings(y, x) < 0) {
      out.push(y);
      j += 1;
    } else {
      out.push(x);
      i += 1;
    }
  }
  while (i < a.length) out.push(a[i++] as Finding);
  while (j < b.length) out.push(b[j++] as Finding);
  return out;
}

/**
 * Whether a finding explains a project's colour to a reader (说明): anything above `info`, and every override.
 * @example
 * ```ts
 * project.findings.filter(isReason).map((f) => f.message.zh);
 * ```
 */
export function isReason(f: Finding): boolean {
  return f.severity !== 'info' || f.rule === 'colour.override';
}

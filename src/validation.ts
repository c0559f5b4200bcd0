import { SansansanError, type LocalizedText } from './errors.js';

/**
 * The code of a validation issue (校验问题代码): stable, snake_case, one per kind of problem.
 *
 * @remarks
 * Among them:
 * - `unknown_number_changed` (warning): a number under an unknown key that writing the document back as
 *   JSON would change (`-0` → `0`, `1e999` → `null`, digits beyond double precision), at the number's path;
 * - `json_encoding_gbk`: the file is GBK/GB18030 (the default of Chinese Windows Notepad and WPS), not UTF-8;
 * - `json_encoding_utf16`: the file is UTF-16 (Notepad's "Unicode"), not UTF-8;
 * - `json_encoding`: the bytes are text in no encoding recognised (neither UTF-8, GBK/GB18030 nor UTF-16).
 * - `text_too_long`: an id longer than `MAX_ID_LENGTH` (256) or a text longer than `MAX_TEXT_LENGTH` (10 000)
 *   characters;
 * - `line_too_long`: a line of the NDJSON form is longer than any line of a portfolio (64 MiB; a file
 *   without its line breaks).
 *
 * @example
 * ```ts
 * const c: IssueCode = 'unknown_reference';
 * ```
 * @category Validation
 */
export type IssueCode =
  | 'invalid_type'
  | 'missing_key'
  | 'unknown_key'
  | 'invalid_value'
  | 'invalid_date'
  | 'invalid_month'
  | 'invalid_quarter'
  | 'amount_grammar'
  | 'amount_not_finite'
  | 'amount_out_of_range'
  | 'amount_type'
  | 'negative_amount'
  | 'out_of_range'
  | 'invalid_json'
  | 'unknown_reference'
  | 'duplicate_id'
  | 'duplicate_month'
  | 'duplicate_override'
  | 'duplicate_notification'
  | 'outside_year'
  | 'multiple_mayors'
  | 'ledger_sum_mismatch'
  | 'report_without_date'
  | 'invalid_project_code'
  | 'invalid_period'
  | 'unknown_colour'
  | 'duplicate_colour'
  | 'unknown_preset'
  | 'unknown_number_changed'
  | 'json_encoding_gbk'
  | 'json_encoding_utf16'
  | 'json_encoding'
  | 'line_too_long'
  | 'text_too_long';

/**
 * One problem found in an input document (校验问题): where (a JSONPath such as
 * `$.projects[3].annualPlan`), what (a code) and a zh/en message.
 *
 * @example
 * ```ts
 * const i: ValidationIssue = {
 *   path: '$.projects[0].departmentId',
 *   segments: ['projects', 0, 'departmentId'],
 *   code: 'unknown_reference',
 *   message: { zh: '引用了不存在的部门 "D-x"', en: 'refers to an unknown department "D-x"' },
 * };
 * ```
 * @category Validation
 */
export interface ValidationIssue {
  /** JSONPath of the offending value, `$` being the document. */
  readonly path: string;
  /** The same path as keys and indexes. */
  readonly segments: readonly (string | number)[];
  /** 问题代码 — what kind of problem, stable and snake_case. */
  readonly code: IssueCode;
  /** 说明 — the problem in Chinese and English. */
  readonly message: LocalizedText;
}

/**
 * Thrown when a document is invalid: carries **every** issue found, not just the first.
 *
 * @example
 * ```ts
 * try {
 *   parsePortfolio({});
 * } catch (e) {
 *   if (e instanceof ValidationError) e.issues.map((i) => i.code); //=> ['missing_key', …]
 * }
 * ```
 * @category Validation
 */
export class ValidationError extends SansansanError {
  /** Every error found, sorted by path (indexes as numbers). */
  readonly issues: readonly ValidationIssue[];
  /** Warnings found alongside (the document would still evaluate once the errors are fixed). */
  readonly warnings: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], warnings: readonly ValidationIssue[] = []) {
    super('invalid_document', {
      zh: `文档有 ${issues.length} 处错误`,
      en: `the document has ${issues.length} error${issues.length === 1 ? '' : 's'}`,
    });
    this.name = 'ValidationError';
    this.issues = issues;
    this.warnings = warnings;
  }
}

/**
 * JSONPath text of a path: `['projects', 0, 'id']` → `$.projects[0].id`.
 * @example
 * ```ts
 * formatPath(['projects', 0, 'id']); //=> '$.projects[0].id'
 * formatPath(['achieved', 'a b']);   //=> "$.achieved['a b']"
 * ```
 * @category Validation
 */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else out += `['${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out;
}

/** @internal */
export function makeIssue(segments: readonly (string | number)[], code: IssueCode, message: LocalizedText): ValidationIssue {
  return { path: formatPath(segments), segments, code, message };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * @internal The order of issues: by path segment by segment — indexes as numbers (`[2]` before `[10]`), an
 * index before a key at the same place, keys by UTF-16 code units, a path before the longer paths it begins
 * — then by code, then by the English message, then the Chinese one.
 */
export function compareIssues(a: ValidationIssue, b: ValidationIssue): number {
  const n = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const x = a.segments[i] as string | number;
    const y = b.segments[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number') return typeof y === 'number' ? x - y : -1;
    if (typeof y === 'number') return 1;
    return compareText(x, y);
  }
  return (
    a.segments.length - b.segments.length ||
    compareText(a.code, b.code) ||
    compareText(a.message.en, b.message.en) ||
    compareText(a.message.zh, b.message.zh)
  );
}

/** @internal Sort issues by {@link compareIssues}: a total, input-order-free order. */
export function sortIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return [...issues].sort(compareIssues);
}

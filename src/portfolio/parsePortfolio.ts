import { stringifyJson } from '../_lib/json.js';
import { fromZodIssues } from '../_lib/zodIssues.js';
import { HANDAN_2018, type Policy } from '../policy/index.js';
import { safeParseStructure } from '../policy/_safeParse.js';
import { sortIssues, ValidationError, type ValidationIssue } from '../validation.js';
import { portfolioSchema } from './schema.js';
import { semanticChecks } from './semanticChecks.js';
import type { Portfolio } from './types.js';
import { unknownKeys } from './unknownKeys.js';

/**
 * Options of {@link parsePortfolio} and {@link safeParsePortfolio}.
 * @example
 * ```ts
 * const o: ParsePortfolioOptions = { policy: { ...HANDAN_2018, ledger: { requireExactSum: true } } };
 * ```
 * @category Portfolio
 */
export interface ParsePortfolioOptions {
  /** The policy; only `ledger.requireExactSum` matters here (default {@link HANDAN_2018}). */
  readonly policy?: Policy;
}

/**
 * Result of {@link safeParsePortfolio}: the portfolio and its warnings, or the error with every issue.
 * @example
 * ```ts
 * const r: SafeParsePortfolioResult = safeParsePortfolio(json);
 * if (r.success) r.warnings.length;
 * ```
 * @category Portfolio
 */
export type SafeParsePortfolioResult =
  | {
      /** The document is valid. */
      readonly success: true;
      /** 台账文档 — the validated portfolio. */
      readonly data: Portfolio;
      /** 警告 — problems that do not stop evaluation, sorted by path. */
      readonly warnings: readonly ValidationIssue[];
    }
  | {
      /** The document is invalid. */
      readonly success: false;
      /** 错误 — the error carrying every issue and warning found. */
      readonly error: ValidationError;
    };

/**
 * Validate a portfolio document without throwing (校验台账文档).
 *
 * @remarks
 * Reports **every** problem at once, each with a JSONPath, a code and a zh/en message: types, enums,
 * impossible dates, amounts (grammar, finiteness, range, sign), references, duplicate ids and months,
 * months or quarters outside the year, more than one mayor. Warnings (the data still evaluates):
 * unknown keys (kept in the data), a ledger that does not sum to `annualPlan` (an error with
 * `policy.ledger.requireExactSum`), a report without `submittedOn`.
 *
 * @example
 * ```ts
 * const r = safeParsePortfolio({ format: 'sansansan/portfolio@1' });
 * r.success; //=> false
 * if (!r.success) r.error.issues[0]?.code; //=> 'missing_key'
 * ```
 * @category Portfolio
 */
export function safeParsePortfolio(input: unknown, options: ParsePortfolioOptions = {}): SafeParsePortfolioResult {
  const policy = options.policy ?? HANDAN_2018;
  const structural = safeParseStructure(portfolioSchema, input);
  const semantic = semanticChecks(input, policy.ledger.requireExactSum);
  const warnings = sortIssues([...unknownKeys(portfolioSchema, input), ...semantic.warnings]);
  const errors = [...(structural.success ? [] : fromZodIssues(structural.issues, input)), ...semantic.errors];
  if (errors.length > 0 || !structural.success) {
    return { success: false, error: new ValidationError(sortIssues(errors), warnings) };
  }
  const data = structural.data as Portfolio;
  keepProtoAchievements(input, data);
  return { success: true, data, warnings };
}

// The schema's record type leaves out an own `__proto__` key of a report's `achieved` (a milestone may be
// called `__proto__`; its date was checked in semanticChecks.ts). Put it back as an own data property:
// a date string cannot set a prototype, whichever way the record is later copied.
function keepProtoAchievements(input: unknown, data: Portfolio): void {
  const projects = ownValue(input, 'projects');
  if (!Array.isArray(projects)) return;
  data.projects.forEach((project, i) => {
    const reports = ownValue(projects[i], 'reports');
    if (!Array.isArray(reports)) return;
    project.reports.forEach((report, j) => {
      const date = ownValue(ownValue(reports[j], 'achieved'), '__proto__');
      if (report.achieved === undefined || typeof date !== 'string') return;
      Object.defineProperty(report.achieved, '__proto__', { value: date, enumerable: true, writable: true, configurable: true });
    });
  });
}

function ownValue(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Validate a portfolio document, throwing on any error (解析台账文档).
 *
 * @throws {@link ValidationError} (`invalid_document`) carrying every issue.
 * @example
 * ```ts
 * const portfolio = parsePortfolio(JSON.parse(text));
 * portfolio.projects.length; //=> 40
 * ```
 * @category Portfolio
 */
export function parsePortfolio(input: unknown, options: ParsePortfolioOptions = {}): Portfolio {
  const r = safeParsePortfolio(input, options);
  if (!r.success) throw r.error;
  return r.data;
}

/**
 * The document as JSON text: the inverse of {@link parsePortfolio} (`parse(serialise(p))` equals `p`).
 * @example
 * ```ts
 * parsePortfolio(JSON.parse(serializePortfolio(p))); // deep-equals p
 * ```
 * @category Portfolio
 */
export function serializePortfolio(portfolio: Portfolio, space?: number): string {
  return stringifyJson(portfolio, space);
}

import { stringifyJson } from '../_lib/json.js';
import { parseJsonText } from '../_lib/jsonText.js';
import { fromZodIssues } from '../_lib/zodIssues.js';
import { HANDAN_2018, type Policy } from '../policy/index.js';
import { safeParseStructure } from '../policy/_safeParse.js';
import { sortIssues, ValidationError, type ValidationIssue } from '../validation.js';
import { portfolioSchema } from './schema.js';
import { isSchemaForm } from './fastPath.js';
import { semanticChecks } from './semanticChecks.js';
import type { Portfolio, Project } from './types.js';
import { unknownKeys } from './unknownKeys.js';
import { unknownNumberChanges } from './unknownNumbers.js';

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
 * unknown keys (kept in the data), a number under an unknown key that JSON would not write back as it was
 * (`unknown_number_changed`: `-0`, a number that is not finite, an integer beyond ±(2^53 − 1)), a ledger
 * that does not sum to `annualPlan` (an error with `policy.ledger.requireExactSum`), a report without
 * `submittedOn`.
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
  return check(input, options, 'copy');
}

/**
 * How a document is read: `copy` returns fresh data (the caller keeps its value), `inPlace` may return the
 * input value itself (it was made by the library, as by {@link parsePortfolioText}), `schema` always takes
 * the zod path (for the tests that prove both paths equal).
 */
export type ReadMode = 'copy' | 'inPlace' | 'schema';

/**
 * {@link safeParsePortfolio} with a choice of path; see {@link ReadMode}. `text`, when given, is the JSON
 * text `input` was read from: numbers under unknown keys are then compared with their source text.
 */
export function check(input: unknown, options: ParsePortfolioOptions, mode: ReadMode, text?: string): SafeParsePortfolioResult {
  const policy = options.policy ?? HANDAN_2018;
  if (mode !== 'schema' && isSchemaForm(input)) {
    // The input is exactly what zod would return: only the checks beyond structure remain.
    const semantic = semanticChecks(input, policy.ledger.requireExactSum);
    const warnings = sortIssues(semantic.warnings);
    if (semantic.errors.length > 0) return { success: false, error: new ValidationError(sortIssues(semantic.errors), warnings) };
    return { success: true, data: (mode === 'copy' ? copyJson(input) : input) as Portfolio, warnings };
  }
  const structural = safeParseStructure(portfolioSchema, input);
  const semantic = semanticChecks(input, policy.ledger.requireExactSum);
  const unknown = unknownKeys(portfolioSchema, input);
  const warnings = sortIssues([...unknown, ...unknownNumberChanges(unknown, input, text), ...semantic.warnings]);
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
    keepProtoAchievement(projects[i], project);
  });
}

/** {@link keepProtoAchievements} for one project: `input` the raw project, `project` the schema's output. */
export function keepProtoAchievement(input: unknown, project: Project): void {
  const reports = ownValue(input, 'reports');
  if (!Array.isArray(reports)) return;
  project.reports.forEach((report, j) => {
    const date = ownValue(ownValue(reports[j], 'achieved'), '__proto__');
    if (report.achieved === undefined || typeof date !== 'string') return;
    Object.defineProperty(report.achieved, '__proto__', { value: date, enumerable: true, writable: true, configurable: true });
  });
}

// A deep copy of a value in schema form (plain objects, arrays, strings, numbers, booleans), key order kept.
function copyJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyJson);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const k in v) out[k] = copyJson((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
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
 * Read and validate a portfolio document from its JSON text (读取台账文档文本).
 *
 * @remarks
 * The result of `safeParsePortfolio(JSON.parse(text))` (but for the warnings on numbers under unknown
 * keys, below), with less work and memory: the parsed value belongs to nobody else, so a document already
 * in the form the schema returns is used as it is, without a copy. A byte-order mark is skipped; text that
 * is not JSON gives one issue `invalid_json` at `$`. A number under an unknown key is compared with its
 * source text: one whose value JSON would write back otherwise (`-0` → `0`, `1e999` → `null`,
 * `1.0000000000000000001` → `1`, digits beyond double precision) gives the warning
 * `unknown_number_changed` at its path; one written only differently (`1.50` → `1.5`, `1E2` → `100`)
 * keeps its value and gives none.
 * @example
 * ```ts
 * const r = safeParsePortfolioText(readFileSync('portfolio.json', 'utf8'));
 * if (r.success) evaluate(r.data, { asOf: '2025-10-15' });
 * ```
 * @category Portfolio
 */
export function safeParsePortfolioText(text: string, options: ParsePortfolioOptions = {}): SafeParsePortfolioResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { success: false, error: new ValidationError([parsed.issue]) };
  return check(parsed.value, options, 'inPlace', text);
}

/**
 * Read and validate a portfolio document from its JSON text, throwing on any error (解析台账文档文本).
 *
 * @throws {@link ValidationError} carrying every issue (`invalid_json` when the text is not JSON).
 * @example
 * ```ts
 * const portfolio = parsePortfolioText(readFileSync('portfolio.json', 'utf8'));
 * evaluate(portfolio, { asOf: '2025-10-15' }).month; //=> '2025-09'
 * ```
 * @category Portfolio
 */
export function parsePortfolioText(text: string, options: ParsePortfolioOptions = {}): Portfolio {
  const r = safeParsePortfolioText(text, options);
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

import {
  createEvaluationAccumulator,
  createEvaluationCollector,
  evaluationSettings,
  type EvaluationAccumulator,
} from './accumulateEvaluation.js';
import type { EvaluatedProject, EvaluateOptions, Evaluation } from './evaluate.js';
import type { ComplianceFinding, Finding } from './findings/index.js';
import { lineReader } from './portfolio/ndjson.js';
import type { InterviewTrigger } from './supervision/interview/types.js';
import { sortIssues, ValidationError, type ValidationIssue } from './validation.js';

/**
 * One project's result in {@link evaluateStream} (逐项目结果): its line of the evaluation, and its own
 * compliance gaps and findings.
 * @example
 * ```ts
 * const r: StreamProjectResult = { kind: 'project', project: line, compliance: [], findings: line.findings };
 * ```
 * @category Evaluation
 */
export interface StreamProjectResult {
  /** Always `"project"`. */
  readonly kind: 'project';
  /** The project's line, as in {@link Evaluation}'s `projects`. */
  readonly project: EvaluatedProject;
  /** Its compliance gaps (1.1 ledger, 1.2 reports and approval warning), as in `compliance`. */
  readonly compliance: readonly ComplianceFinding[];
  /** Its interview triggers (3.2.2 to 3.2.5), which `interviews` lists under its department. */
  readonly triggers: readonly InterviewTrigger[];
  /** What it adds to the flat `findings`: its line's findings and those of its compliance gaps and triggers. */
  readonly findings: readonly Finding[];
  /** 警告 — the warnings of its line (unknown keys, ledger sum, undated reports), sorted by path. */
  readonly warnings: readonly ValidationIssue[];
}

/**
 * The last result of {@link evaluateStream} (部门层面结果): everything of {@link Evaluation} but the
 * projects — ranking, department-level interview triggers (3.2.1, 3.2.6), accountability — with the
 * compliance gaps, findings and warnings not already given with a project. Each project's own triggers
 * came with its result; {@link collectEvaluation} puts them under their departments.
 * @example
 * ```ts
 * const last: StreamPortfolioResult = { kind: 'portfolio', evaluation, warnings: [] };
 * last.evaluation.notifications[0]?.bottom; //=> ['D-017', 'D-102', 'D-150']
 * ```
 * @category Evaluation
 */
export interface StreamPortfolioResult {
  /** Always `"portfolio"`. */
  readonly kind: 'portfolio';
  /** The portfolio-level part of the evaluation. */
  readonly evaluation: Omit<Evaluation, 'projects'>;
  /** 警告 — the warnings of the header line, sorted by path. */
  readonly warnings: readonly ValidationIssue[];
}

/**
 * A result of {@link evaluateStream}: one per project, then one for the portfolio.
 * @example
 * ```ts
 * for await (const r of evaluateStream(lines, { asOf: '2025-10-15' })) if (r.kind === 'project') console.log(r.project.colour);
 * ```
 * @category Evaluation
 */
export type StreamResult = StreamProjectResult | StreamPortfolioResult;

/**
 * Evaluate a portfolio in its NDJSON form (流式评价), for documents larger than one string can hold: a
 * header line (the document without `projects`), then one project per line.
 *
 * @remarks
 * Yields each project's result as soon as its line is read, then the portfolio's. Together they are
 * {@link evaluate}'s result on the same document ({@link collectEvaluation} assembles it). Memory holds the
 * header, every project id (for duplicates and references), the sums to date per department for the
 * ranking (per project with `aggregation: "meanOfProjectRates"`), and the records that the
 * portfolio-level results name: interview triggers and the projects an accountability case may list.
 * Lines are checked as `safeParsePortfolio` checks the whole document, with the same paths
 * (`$.projects[i]` is the project on line i + 2); blank lines are skipped. A project with an error is
 * not yielded, the remaining lines are still read, and the stream ends by throwing a
 * {@link ValidationError} with every issue instead of yielding the portfolio's result; an invalid header
 * line ends it at once. Warnings come with the result of their line (the header's with the portfolio's
 * result); the error carries those of the lines it did not yield. The policy's `ledger.requireExactSum` applies to the ledger sums.
 *
 * @throws {@link SansansanError} `invalid_date` when `asOf` is not a date; {@link ValidationError} when
 * `policy` is invalid or the document has errors.
 * @example
 * ```ts
 * const lines = createInterface({ input: createReadStream('portfolio.ndjson') });
 * for await (const r of evaluateStream(lines, { asOf: '2025-10-15' })) {
 *   if (r.kind === 'project') console.log(r.project.projectId, r.project.colour);
 *   else console.log(r.evaluation.notifications.at(-1)?.bottom);
 * }
 * ```
 * @category Evaluation
 */
export async function* evaluateStream(
  lines: Iterable<string> | AsyncIterable<string>,
  options: EvaluateOptions,
): AsyncGenerator<StreamResult, void, undefined> {
  const settings = evaluationSettings(options);
  const reader = lineReader(settings.policy.ledger.requireExactSum);

  // Made once the header has been read and is valid.
  let accumulator: EvaluationAccumulator | undefined;
  let index = 0;
  let seenHeader = false;
  const unyielded: ValidationIssue[] = [];

  for await (const text of lines) {
    if (text.trim() === '') continue;
    if (!seenHeader) {
      seenHeader = true;
      const header = reader.header(text);
      if (header === undefined) {
        const { errors, warnings } = reader.finish(false);
        throw new ValidationError([...errors], [...warnings]);
      }
      accumulator = createEvaluationAccumulator(header, settings);
      continue;
    }
    const { project: raw, warnings } = reader.project(text, index);
    index += 1;
    if (raw === undefined || reader.failed() || accumulator === undefined) {
      // Not yielded: its warnings go with the error the stream ends with.
      unyielded.push(...warnings);
      continue;
    }
    const r = accumulator.add(raw);
    yield { kind: 'project', project: r.project, compliance: r.compliance, triggers: r.triggers, findings: r.findings, warnings };
  }

  if (!seenHeader) throw new ValidationError([...reader.finish().errors]);
  const { errors, warnings } = reader.finish();
  if (errors.length > 0 || accumulator === undefined) {
    throw new ValidationError([...errors], sortIssues([...warnings, ...unyielded]));
  }
  yield { kind: 'portfolio', evaluation: accumulator.finish(), warnings };
}

/**
 * Assemble the results of {@link evaluateStream} into one {@link Evaluation} (汇总流式结果): equal to
 * what {@link evaluate} gives on the same document. Holds every project's line, so it is for documents
 * that fit in memory (and for checking the stream against `evaluate`).
 * @example
 * ```ts
 * const e = await collectEvaluation(evaluateStream(lines, { asOf: '2025-10-15' }));
 * e.projects.length; //=> 1000
 * ```
 * @category Evaluation
 */
export async function collectEvaluation(results: AsyncIterable<StreamResult>): Promise<Evaluation> {
  const collector = createEvaluationCollector();
  let last: StreamPortfolioResult | undefined;
  for await (const r of results) {
    if (r.kind === 'project') collector.add(r);
    else last = r;
  }
  if (last === undefined) throw new TypeError('collectEvaluation: the results have no portfolio result');
  return collector.finish(last.evaluation);
}

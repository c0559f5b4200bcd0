// The workbench's worker: reads the portfolio, evaluates it and renders its documents, off the page's
// thread, so that a large document never freezes the page. Everything stays in this browser.
import sample from '../examples/data/handan-sample-2025.json' with { type: 'json' };
import { SansansanError } from '../src/errors.js';
import { evaluate, type Evaluation } from '../src/evaluate.js';
import { collectEvaluation, evaluateStream, type StreamResult } from '../src/evaluateStream.js';
import { mergeReports, readReportsCsv, type CsvIssue } from '../src/io/csv/readReportsCsv.js';
import { chineseDaysCalendar } from '../src/io/holidays/chineseDaysCalendar.js';
import { parsePolicy, type Policy } from '../src/policy/index.js';
import { parsePortfolio, safeParsePortfolio, serializePortfolio, type Portfolio } from '../src/portfolio/index.js';
import { battleMapSvg, colourMatrixSvg, reportFiles } from '../src/render/index.js';
import { ValidationError, type ValidationIssue } from '../src/validation.js';
import type { EvaluateRequest, Problem, WorkerReply } from './protocol.js';

// The worker's global scope, as far as this file uses it.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<EvaluateRequest>) => void) | null;
  postMessage: (m: WorkerReply) => void;
};

/** The most projects whose charts the page shows. */
const CHART_LIMIT = 1000;

const post = (m: WorkerReply): void => {
  scope.postMessage(m);
};

const fromIssue =
  (file: string, severity: Problem['severity']) =>
  (i: ValidationIssue): Problem => ({
    file,
    where: i.path,
    code: i.code,
    message: i.message,
    severity,
  });

const fromCsvIssue =
  (file: string) =>
  (i: CsvIssue): Problem => ({
    file,
    where: i.cell ?? (i.row === undefined ? '' : `row ${i.row}`),
    code: i.code,
    message: i.message,
    severity: 'error',
  });

// A failure that is not the input's fault still answers, with its message.
function failure(id: number, e: unknown): WorkerReply {
  if (e instanceof SansansanError) return { type: 'failed', id, message: e.text };
  const text = e instanceof Error ? e.message : String(e);
  return { type: 'failed', id, message: { zh: `内部错误：${text}`, en: `internal error: ${text}` } };
}

function policyOf(r: EvaluateRequest, problems: Problem[]): Policy | null {
  const p = r.policy;
  try {
    if ('preset' in p) return parsePolicy(p.preset);
    return parsePolicy(JSON.parse(p.text) as unknown);
  } catch (e) {
    const file = 'name' in p ? p.name : p.preset;
    if (e instanceof ValidationError) problems.push(...e.issues.map(fromIssue(file, 'error')));
    else if (e instanceof SyntaxError)
      problems.push({
        file,
        where: '$',
        code: 'invalid_json',
        message: { zh: `不是有效的 JSON：${e.message}`, en: `not valid JSON: ${e.message}` },
        severity: 'error',
      });
    else throw e;
    return null;
  }
}

// The raw document of a JSON source or a workbook, with the reports of every CSV file merged in.
function documentOf(r: EvaluateRequest, problems: Problem[]): unknown {
  const s = r.source;
  let doc: unknown;
  if (s.kind === 'sample') doc = structuredClone(sample);
  else if (s.kind === 'document') doc = s.document;
  else if (s.kind === 'json') {
    try {
      doc = JSON.parse(s.text) as unknown;
    } catch (e) {
      problems.push({
        file: s.name,
        where: '$',
        code: 'invalid_json',
        message: { zh: `不是有效的 JSON：${String(e)}`, en: `not valid JSON: ${String(e)}` },
        severity: 'error',
      });
      return undefined;
    }
  }
  const year = typeof doc === 'object' && doc !== null ? (doc as { year?: unknown }).year : undefined;
  for (const f of r.csv) {
    const read = readReportsCsv(f.bytes, typeof year === 'number' ? { year } : {});
    if (!read.success) {
      problems.push(...read.issues.map(fromCsvIssue(f.name)));
      continue;
    }
    const merged = mergeReports(doc, read.rows);
    if (!merged.success) problems.push(...merged.issues.map(fromCsvIssue(f.name)));
    else doc = merged.document;
  }
  return doc;
}

const sourceName = (r: EvaluateRequest): string => (r.source.kind === 'sample' ? 'handan-sample-2025.json' : r.source.name);

async function evaluateNdjson(r: EvaluateRequest, text: string, policy: Policy, problems: Problem[]): Promise<Evaluation | null> {
  const lines = text.split(/\r?\n/);
  const file = sourceName(r);
  let done = 0;
  async function* counted(results: AsyncIterable<StreamResult>): AsyncGenerator<StreamResult> {
    for await (const x of results) {
      problems.push(...x.warnings.map(fromIssue(file, 'warning')));
      if (x.kind === 'project' && ++done % 500 === 0) post({ type: 'progress', id: r.id, stage: 'evaluate', done });
      yield x;
    }
  }
  try {
    return await collectEvaluation(counted(evaluateStream(lines, options(r, policy))));
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    problems.push(...e.issues.map(fromIssue(file, 'error')), ...e.warnings.map(fromIssue(file, 'warning')));
    return null;
  }
}

function options(r: EvaluateRequest, policy: Policy): { asOf: string; policy: Policy; calendar?: ReturnType<typeof chineseDaysCalendar> } {
  return { asOf: r.asOf, policy, ...(r.holidays && { calendar: chineseDaysCalendar() }) };
}

// The portfolio as one JSON document, for the NDJSON form too.
function portfolioText(r: EvaluateRequest, portfolio: Portfolio | null): string | null {
  if (portfolio !== null) return serializePortfolio(portfolio, 2);
  if (r.source.kind !== 'ndjson') return null;
  const [header, ...projects] = r.source.text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (header === undefined) return null;
  const doc = { ...(JSON.parse(header) as object), projects: projects.map((l) => JSON.parse(l) as unknown) };
  return serializePortfolio(parsePortfolio(doc), 2);
}

async function run(r: EvaluateRequest): Promise<void> {
  const problems: Problem[] = [];
  post({ type: 'progress', id: r.id, stage: 'read' });
  const policy = policyOf(r, problems);
  let evaluation: Evaluation | null = null;
  let portfolio: Portfolio | null = null;
  if (r.source.kind === 'ndjson') {
    if (r.csv.length > 0)
      problems.push({
        file: r.csv.map((f) => f.name).join(', '),
        where: '',
        code: 'csv_needs_document',
        message: { zh: '月报 CSV 只能并入 JSON 台账文档或 Excel 台账', en: 'a reports CSV merges into a JSON document or a workbook only' },
        severity: 'error',
      });
    else if (policy !== null) evaluation = await evaluateNdjson(r, r.source.text, policy, problems);
  } else {
    const doc = documentOf(r, problems);
    if (doc !== undefined && problems.every((p) => p.severity !== 'error')) {
      const parsed = safeParsePortfolio(doc, policy === null ? {} : { policy });
      const file = sourceName(r);
      if (parsed.success) {
        portfolio = parsed.data;
        problems.push(...parsed.warnings.map(fromIssue(file, 'warning')));
      } else {
        problems.push(...parsed.error.issues.map(fromIssue(file, 'error')), ...parsed.error.warnings.map(fromIssue(file, 'warning')));
      }
    }
    if (portfolio !== null && policy !== null) {
      post({ type: 'progress', id: r.id, stage: 'evaluate' });
      evaluation = evaluate(portfolio, options(r, policy));
    }
  }
  post({
    type: 'result',
    id: r.id,
    problems,
    evaluation,
    // A chart of thousands of projects is tens of megabytes that no one reads on a screen: the page shows
    // charts up to CHART_LIMIT projects; beyond, they are among the downloads.
    charts:
      evaluation === null || evaluation.projects.length > CHART_LIMIT
        ? null
        : { battleMap: battleMapSvg(evaluation), colourMatrix: colourMatrixSvg(evaluation) },
  });
  if (evaluation === null) return;
  post({ type: 'progress', id: r.id, stage: 'render' });
  const files = [...reportFiles(evaluation)];
  const json = portfolioText(r, portfolio);
  if (json !== null) files.push({ path: 'portfolio.json', content: json });
  files.push({ path: 'evaluation.json', content: `${JSON.stringify(evaluation, null, 2)}\n` });
  post({ type: 'files', id: r.id, files });
}

scope.onmessage = (e: MessageEvent<EvaluateRequest>): void => {
  const r = e.data;
  run(r).catch((err: unknown) => {
    post(failure(r.id, err));
  });
};

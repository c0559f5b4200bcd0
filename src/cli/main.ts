import { parseArgs } from 'node:util';
import sample from '../../examples/data/handan-sample-2025.json' with { type: 'json' };
import { evaluate, type Evaluation } from '../evaluate.js';
import { SansansanError } from '../errors.js';
import { isPresetId, parsePolicy, PRESETS, type Policy } from '../policy/index.js';
import { safeParsePortfolio, type Portfolio } from '../portfolio/index.js';
import { ValidationError, type ValidationIssue } from '../validation.js';
import { formatEvaluationTable } from './formatEvaluation.js';
import { paint } from './text.js';

/** The date the bundled sample is evaluated as of in `sansansan demo`. */
export const DEMO_AS_OF = '2025-10-15';

const USAGE = `用法 / usage:
  sansansan demo                         以内置示例台账演示评价 / evaluate the bundled sample
  sansansan validate <file> [--format text|json]
                                         校验台账文档 / validate a portfolio document
  sansansan evaluate <file> --as-of <YYYY-MM-DD> [--policy <preset|file>] [--format json|table]
                                         评价 / evaluate
  sansansan --help | --version

退出码 / exit codes: 0 成功 success · 1 文档无效 invalid document · 2 用法错误 usage error`;

/** Where the command writes; injectable so tests can run it in-process. */
export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readFile: (path: string) => string;
  readonly colour: boolean;
}

class UsageError extends Error {}

function formatIssue(i: ValidationIssue): string {
  return `  ${i.path}  [${i.code}]\n    ${i.message.zh}\n    ${i.message.en}`;
}

function readJson(io: CliIo, file: string): unknown {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    throw new UsageError(`无法读取文件 / cannot read file: ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (e) {
    throw new ValidationError([
      {
        path: '$',
        segments: [],
        code: 'invalid_json',
        message: { zh: `不是有效的 JSON:${(e as Error).message}`, en: `not valid JSON: ${(e as Error).message}` },
      },
    ]);
  }
}

function loadPortfolio(input: unknown, policy?: Policy): { portfolio: Portfolio; warnings: readonly ValidationIssue[] } {
  const r = safeParsePortfolio(input, policy ? { policy } : {});
  if (!r.success) throw r.error;
  return { portfolio: r.data, warnings: r.warnings };
}

function loadPolicy(io: CliIo, value: string | undefined): Policy {
  if (value === undefined) return parsePolicy('handan-2018');
  if (isPresetId(value)) return parsePolicy(value);
  try {
    return parsePolicy(readJson(io, value));
  } catch (e) {
    if (e instanceof UsageError && !/[\\/.]/.test(value)) {
      throw new UsageError(
        `未知口径 / unknown policy: ${value} (预设 presets: ${Object.keys(PRESETS).join(', ')};或策略文件 or a policy file)`,
      );
    }
    throw e;
  }
}

function departmentNames(p: Portfolio): Map<string, string> {
  return new Map(p.departments.map((d) => [d.id, d.name]));
}

function demo(io: CliIo): void {
  const policy = parsePolicy('handan-2018');
  const { portfolio } = loadPortfolio(sample);
  const e = evaluate(portfolio, { asOf: DEMO_AS_OF, policy });
  const out: string[] = [];
  out.push(paint(`三三三 · ${portfolio.city ?? ''} ${portfolio.year} 年市本级政府投资项目 · 示例台账`, 'bold', io.colour));
  out.push('');
  out.push(formatEvaluationTable(e, policy, departmentNames(portfolio), io.colour));
  out.push('');
  out.push(paint('黄色、红色项目及原因 / yellow and red projects and why', 'bold', io.colour));
  out.push(...attention(e, policy, io.colour));
  io.stdout(`${out.join('\n')}\n`);
}

function attention(e: Evaluation, policy: Policy, colour: boolean): string[] {
  const worst = policy.colour.scale.slice(-2).map((c) => c.id);
  const lines: string[] = [];
  for (const p of e.projects.filter((x) => x.colour !== null && worst.includes(x.colour))) {
    const label = policy.colour.scale.find((c) => c.id === p.colour)?.zh ?? '';
    lines.push(`${paint(`【${label}】`, p.colour ?? '', colour)} ${p.projectId} ${p.name}`);
    for (const f of p.findings.filter((x) => x.severity !== 'info' || x.rule === 'colour.override')) {
      lines.push(`    · [${f.rule}] ${f.message.zh}`);
    }
  }
  return lines;
}

function validate(io: CliIo, args: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { format: { type: 'string', default: 'text' } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('validate 需要一个文件 / validate takes one file');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`未知格式 / unknown format: ${values.format}`);
  const r = safeParsePortfolio(readJson(io, file));
  if (values.format === 'json') {
    const body = r.success
      ? { valid: true, issues: [], warnings: r.warnings }
      : { valid: false, issues: r.error.issues, warnings: r.error.warnings };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    return r.success ? 0 : 1;
  }
  if (!r.success) throw r.error;
  io.stdout(`有效 / valid: ${file} (${r.data.projects.length} 个项目 projects, ${r.warnings.length} 条警告 warnings)\n`);
  for (const w of r.warnings) io.stdout(`${formatIssue(w)}\n`);
  return 0;
}

function evaluateCommand(io: CliIo, args: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { 'as-of': { type: 'string' }, policy: { type: 'string' }, format: { type: 'string', default: 'table' } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('evaluate 需要一个文件 / evaluate takes one file');
  const asOf = values['as-of'];
  if (asOf === undefined) throw new UsageError('缺少 --as-of <YYYY-MM-DD> / --as-of is required');
  if (values.format !== 'table' && values.format !== 'json') throw new UsageError(`未知格式 / unknown format: ${values.format}`);
  const policy = loadPolicy(io, values.policy);
  const { portfolio, warnings } = loadPortfolio(readJson(io, file), policy);
  for (const w of warnings) io.stderr(`警告 / warning ${formatIssue(w).trimStart()}\n`);
  let e: Evaluation;
  try {
    e = evaluate(portfolio, { asOf, policy });
  } catch (err) {
    if (err instanceof SansansanError && err.code === 'invalid_date')
      throw new UsageError(`--as-of 不是有效日期 / not a valid date: ${asOf}`);
    throw err;
  }
  if (values.format === 'json') io.stdout(`${JSON.stringify(e, null, 2)}\n`);
  else io.stdout(`${formatEvaluationTable(e, policy, departmentNames(portfolio), io.colour)}\n`);
  return 0;
}

/** Run the command line with `argv` (without `node` and the script), returning the exit code. */
export function run(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'demo':
        demo(io);
        return 0;
      case 'validate':
        return validate(io, rest);
      case 'evaluate':
        return evaluateCommand(io, rest);
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知命令 / unknown command: ${command}`);
    }
  } catch (err) {
    if (err instanceof ValidationError) {
      io.stderr(`文档无效 / invalid document: ${err.issues.length} 处错误 errors\n`);
      for (const i of err.issues) io.stderr(`${formatIssue(i)}\n`);
      return 1;
    }
    if (
      err instanceof UsageError ||
      (err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr(`${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}

declare const __VERSION__: string | undefined;
const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

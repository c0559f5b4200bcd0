import { parseArgs, type ParseArgsConfig } from 'node:util';
import sample from '../../examples/data/handan-sample-2025.json' with { type: 'json' };
import { jsonText, showControls } from '../_lib/controlChars.js';
import { parseJsonText } from '../_lib/jsonText.js';
import { evaluate, type Evaluation } from '../evaluate.js';
import { evaluateStream } from '../evaluateStream.js';
import { SansansanError } from '../errors.js';
import { isPresetId, parsePolicy, policyJsonSchema, PRESETS, type Policy } from '../policy/index.js';
import { portfolioJsonSchema } from '../portfolio/jsonSchema.js';
import { safeParsePortfolio, safeParsePortfolioText, type Portfolio } from '../portfolio/index.js';
import { ValidationError, type ValidationIssue } from '../validation.js';
import { isQuarter, isYearMonth, lastMonthOf, parseCalendarDate, todayInChina } from '../calendar/index.js';
import { monthEndRanking, rankedQuarters } from '../supervision/notification/quarterlyRanking.js';
import { knownAt } from '../portfolio/index.js';
import { reportFiles } from '../render/reportFiles.js';
import { meetingBriefHtml, meetingBriefMarkdown } from '../render/meetingBrief.js';
import { meetingMaterials, type MeetingLevel, type MeetingScope } from '../meetings/meetingMaterials.js';
import { mdLine } from '../render/_text.js';
import { writePortfolio } from '../generate/writePortfolio.js';
import { heading, sectionMarkdown, sectionText } from './render.js';
import {
  accountabilitySection,
  complianceSection,
  evaluationSections,
  interviewSection,
  projectSection,
  monthEndSection,
  rankingSection,
} from './sections.js';
import { DEFAULT_INPUT_LIMITS, FileError, parseSize, type FileSetResult, type Sink } from './files.js';
import { paint } from './text.js';

/** The date the bundled sample is evaluated as of in `sansansan demo`. */
export const DEMO_AS_OF = '2025-10-15';

const USAGE = `用法 / usage:
  sansansan demo                         以内置示例台账演示评价 / evaluate the bundled sample
  sansansan validate <file> [--format text|json] [-o <file>]
                                         校验台账文档 / validate a portfolio document
  sansansan evaluate <file> --as-of <YYYY-MM-DD> [--policy <preset|file>] [--format table|json|md|xlsx] [-o <file>]
                                         评价 / evaluate
  sansansan evaluate <file.ndjson> --ndjson --as-of <YYYY-MM-DD> [--policy <preset|file>] [-o <file>]
                                         流式评价 NDJSON 台账,逐行输出结果 / evaluate the NDJSON form, one result per line
  sansansan report <file> --as-of <YYYY-MM-DD> --out <dir> [--policy <preset|file>]
                                         写出月度专报、季度通报、提醒函、约谈通知、调度会议材料、CSV 和图表 / write every document
  sansansan rank <file> --quarter <YYYYQn> | --through <YYYY-MM> [--as-of <YYYY-MM-DD>] [--policy <preset|file>] [--format table|json|md] [-o <file>]
                                         季度或月末排名 / a quarter's or a month-end ranking (as of today in China by default)
  sansansan brief <file> --level department|cityLeader|mayor [--department <id> | --leader <id>] --as-of <YYYY-MM-DD>
                 [--policy <preset|file>] [--format md|html|json] [-o <file>]
                                         三级调度会议材料 / the materials of a scheduling meeting (2.1, 2.2, 2.3)
  sansansan template -o <ledger.xlsx> [--year <YYYY>] [--from <portfolio.json>]
                                         写出 Excel 台账模板(可填入已有台账)/ write the Excel ledger template, optionally filled (needs exceljs)
  sansansan import <ledger.xlsx> -o <portfolio.json>
                                         Excel 台账转为台账文档 / read a ledger workbook (needs exceljs)
  sansansan generate --projects <N> [--seed <S>] [--year <YYYY>] [--ndjson] [-o <file>]
                                         生成合成台账文档(逐块写出)/ write a synthetic portfolio document, chunk by chunk
  sansansan schema portfolio|policy        打印 JSON Schema / print the JSON Schema (draft 2020-12)
  sansansan --help | --version

读文件的命令都接受 --max-input <大小>(如 800MB;默认 JSON 文档 512MiB、Excel 256MiB、NDJSON 64GiB);文件名 - 表示标准输入。
Every command that reads a file takes --max-input <size> (e.g. 800MB; defaults: JSON 512MiB, workbook 256MiB, NDJSON 64GiB); - reads standard input.
输出先写入同一文件夹的临时文件,完成后才替换目标;输出不能是输入文件。
Outputs are written to a temporary file in the same folder and renamed into place when complete; an output may not be an input.

退出码 / exit codes: 0 成功 success · 1 文档无效 invalid document or workbook · 2 用法或文件错误 usage or file error · 3 内部错误 internal error`;

/** Where the command reads and writes; injectable so tests can run it in-process. */
export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** Read a JSON document's text, at most `limit` bytes (`-` is standard input). */
  readonly readFile: (path: string, limit: number) => string;
  readonly colour: boolean;
  /** Today's date, for commands whose date defaults to today (injectable for tests). */
  readonly today?: () => string;
  /** Write a whole file, creating its folders; nothing is left at `path` if it fails. */
  readonly writeFile?: (path: string, content: string | Uint8Array) => void;
  /** Write a set of files under a folder, removing what the previous run there wrote and this one did not (for `report`). */
  readonly writeFileSet?: (folder: string, files: readonly { readonly path: string; readonly content: string }[]) => FileSetResult;
  /** Read a file's bytes, at most `limit` of them (for workbooks). */
  readonly readBytes?: (path: string, limit: number) => Uint8Array;
  /**
   * Read a file line by line (for `evaluate --ndjson`, whose input may not fit in one string). The file
   * is opened when this is called, before any output.
   */
  readonly readLines?: (path: string, limit: number) => AsyncIterable<string>;
  /**
   * Open a file for writing chunk by chunk, creating its folders (for `generate -o` and `evaluate
   * --ndjson -o`, whose text may not fit in memory): `write` appends a chunk, `close` puts the file in
   * place, `abort` drops it.
   */
  readonly openWrite?: (path: string) => Sink;
}

class UsageError extends Error {}

function formatIssue(i: ValidationIssue): string {
  return showControls(`  ${i.path}  [${i.code}]\n    ${oneLine(i.message.zh)}\n    ${oneLine(i.message.en)}`);
}

const oneLine = (s: string): string => s.replace(/\r\n?|\n/g, ' ');

/** The input limits of a command: the defaults, or every one set to `--max-input`. */
type Limits = typeof DEFAULT_INPUT_LIMITS;

function limitsOf(value: string | undefined): Limits {
  if (value === undefined) return DEFAULT_INPUT_LIMITS;
  const n = parseSize(value);
  if (n === undefined) throw new UsageError(`--max-input 须为大小,如 800MB / --max-input must be a size such as 800MB: ${value}`);
  return { document: n, workbook: n, stream: n };
}

const MAX_INPUT = { 'max-input': { type: 'string' } } as const;

// The arguments of a command: its options, strictly, and its positionals.
function argsOf<const O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O) {
  return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
}

function readText(io: CliIo, file: string, limit: number): string {
  try {
    return io.readFile(file, limit);
  } catch (e) {
    if (e instanceof FileError || e instanceof ValidationError) throw e;
    throw new FileError('无法读取文件', 'cannot read file', file, e);
  }
}

function readJson(io: CliIo, file: string, limit: number): unknown {
  const parsed = parseJsonText(readText(io, file, limit));
  if (!parsed.ok) throw new ValidationError([parsed.issue]);
  return parsed.value;
}

// A portfolio file, read from its text without a copy (safeParsePortfolioText).
function loadPortfolioFile(
  io: CliIo,
  file: string,
  limit: number,
  policy?: Policy,
): { portfolio: Portfolio; warnings: readonly ValidationIssue[] } {
  const r = safeParsePortfolioText(readText(io, file, limit), policy ? { policy } : {});
  if (!r.success) throw r.error;
  return { portfolio: r.data, warnings: r.warnings };
}

function loadPortfolio(input: unknown, policy?: Policy): { portfolio: Portfolio; warnings: readonly ValidationIssue[] } {
  const r = safeParsePortfolio(input, policy ? { policy } : {});
  if (!r.success) throw r.error;
  return { portfolio: r.data, warnings: r.warnings };
}

function loadPolicy(io: CliIo, value: string | undefined, limits: Limits): Policy {
  if (value === undefined) return parsePolicy('handan-2018');
  if (isPresetId(value)) return parsePolicy(value);
  try {
    return parsePolicy(readJson(io, value, limits.document));
  } catch (e) {
    if (e instanceof FileError && !/[\\/.]/.test(value)) {
      throw new UsageError(
        `未知口径 / unknown policy: ${value} (预设 presets: ${Object.keys(PRESETS).join(', ')};或策略文件 or a policy file)`,
      );
    }
    throw e;
  }
}

function demo(io: CliIo): void {
  const policy = parsePolicy('handan-2018');
  const { portfolio } = loadPortfolio(sample);
  const e = evaluate(portfolio, { asOf: DEMO_AS_OF, policy });
  const latest = e.notifications[e.notifications.length - 1];
  const out: string[] = [
    paint(showControls(`三三三 · ${portfolio.city ?? ''} ${portfolio.year} 年市本级政府投资项目 · 示例台账`), 'bold', io.colour),
    showControls(heading(e)),
    '',
    sectionText(projectSection(e, policy), io.colour),
    '',
    paint('黄色、红色项目及原因 / yellow and red projects and why', 'bold', io.colour),
    ...attention(e, policy, io.colour),
  ];
  if (latest) out.push('', sectionText(rankingSection(latest, e), io.colour));
  out.push('', sectionText(interviewSection(e), io.colour));
  out.push('', sectionText(accountabilitySection(e), io.colour));
  out.push('', sectionText(complianceSection(e), io.colour));
  io.stdout(`${out.join('\n')}\n`);
}

function attention(e: Evaluation, policy: Policy, colour: boolean): string[] {
  const worst = policy.colour.scale.slice(-2).map((c) => c.id);
  const lines: string[] = [];
  for (const p of e.projects.filter((x) => x.colour !== null && worst.includes(x.colour))) {
    const label = policy.colour.scale.find((c) => c.id === p.colour)?.zh ?? '';
    lines.push(`${paint(showControls(`【${label}】`), p.colour ?? '', colour)} ${showControls(`${p.projectId} ${p.name}`)}`);
    for (const f of p.findings.filter((x) => x.severity !== 'info' || x.rule === 'colour.override')) {
      lines.push(showControls(`    · [${f.rule}] ${oneLine(f.message.zh)}`));
    }
  }
  return lines;
}

// Where a command's text goes: standard output, or the file of `-o` (written whole, then its path printed).
function emit(io: CliIo, out: string | undefined, text: string): void {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  writerOf(io)(outOf(out), text);
  io.stdout(`${showControls(out)}\n`);
}

function validate(io: CliIo, args: readonly string[]): number {
  const { values, positionals } = argsOf(args, {
    format: { type: 'string', default: 'text' },
    out: { type: 'string', short: 'o' },
    ...MAX_INPUT,
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('validate 需要一个文件 / validate takes one file');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`未知格式 / unknown format: ${values.format}`);
  const limits = limitsOf(values['max-input']);
  let r: ReturnType<typeof safeParsePortfolio>;
  try {
    r = safeParsePortfolio(readJson(io, file, limits.document));
  } catch (e) {
    // Text that is not JSON (or not UTF-8) is an invalid document like any other: --format json says so in JSON.
    if (!(e instanceof ValidationError) || values.format !== 'json') throw e;
    r = { success: false, error: e };
  }
  if (values.format === 'json') {
    const body = r.success
      ? { valid: true, issues: [], warnings: r.warnings }
      : { valid: false, issues: r.error.issues, warnings: r.error.warnings };
    emit(io, values.out, `${jsonText(body, 2)}\n`);
    return r.success ? 0 : 1;
  }
  if (!r.success) throw r.error;
  const lines = [
    showControls(`有效 / valid: ${file} (${r.data.projects.length} 个项目 projects, ${r.warnings.length} 条警告 warnings)`),
    ...r.warnings.map(formatIssue),
  ];
  emit(io, values.out, `${lines.join('\n')}\n`);
  return 0;
}

const FORMATS = ['table', 'json', 'md'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(value: string | undefined): Format {
  const f = value ?? 'table';
  if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`未知格式 / unknown format: ${f} (table, json, md)`);
  return f as Format;
}

function asOfOf(value: string | undefined): string {
  if (value === undefined) throw new UsageError('缺少 --as-of <YYYY-MM-DD> / --as-of is required');
  try {
    return parseCalendarDate(value);
  } catch {
    throw new UsageError(`--as-of 不是有效日期 / not a valid date: ${value}`);
  }
}

type XlsxModule = typeof import('../io/xlsx/index.js');

// exceljs is an optional peer: load the workbook module only for the commands that need it.
async function loadXlsx(): Promise<XlsxModule> {
  try {
    return await import('../io/xlsx/index.js');
  } catch (e) {
    if (e instanceof SansansanError) throw new UsageError(`${e.text.zh}\n${e.text.en}`);
    throw e;
  }
}

function writerOf(io: CliIo): NonNullable<CliIo['writeFile']> {
  if (!io.writeFile) throw new UsageError('此环境不能写文件 / cannot write files here');
  return io.writeFile;
}

function outOf(value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError('缺少 -o <文件> / -o <file> is required');
  return value;
}

function warn(io: CliIo, warnings: readonly ValidationIssue[]): void {
  for (const w of warnings) io.stderr(`警告 / warning ${formatIssue(w).trimStart()}\n`);
}

// What `evaluate` was asked to do, once its options are read.
interface EvaluateRun {
  readonly file: string;
  readonly asOf: string;
  readonly policy: Policy;
  readonly limits: Limits;
  readonly out: string | undefined;
}

async function evaluateWorkbook(io: CliIo, { file, asOf, policy, limits, out }: EvaluateRun): Promise<number> {
  const target = outOf(out);
  const write = writerOf(io);
  const { portfolio, warnings } = loadPortfolioFile(io, file, limits.document, policy);
  warn(io, warnings);
  const xlsx = await loadXlsx();
  write(target, await xlsx.writeEvaluationWorkbook(evaluate(portfolio, { asOf, policy })));
  io.stdout(`${showControls(target)}\n`);
  return 0;
}

async function templateCommand(io: CliIo, args: readonly string[]): Promise<number> {
  const { values, positionals } = argsOf(args, {
    out: { type: 'string', short: 'o' },
    year: { type: 'string' },
    from: { type: 'string' },
    ...MAX_INPUT,
  });
  if (positionals.length > 0) throw new UsageError('template 不接受文件参数 / template takes no file');
  const target = outOf(values.out);
  const write = writerOf(io);
  if (values.from !== undefined) {
    const { portfolio } = loadPortfolio(readJson(io, values.from, limitsOf(values['max-input']).document));
    const xlsx = await loadXlsx();
    write(target, await xlsx.writeLedgerWorkbook(portfolio));
    io.stdout(`${showControls(target)}\n`);
    return 0;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1000 && year <= 9998))
    throw new UsageError(`--year 须为年份 / --year must be a year: ${values.year ?? ''}`);
  const xlsx = await loadXlsx();
  write(target, await xlsx.writeLedgerTemplate(year === undefined ? {} : { year }));
  io.stdout(`${showControls(target)}\n`);
  return 0;
}

async function importCommand(io: CliIo, args: readonly string[]): Promise<number> {
  const { values, positionals } = argsOf(args, { out: { type: 'string', short: 'o' }, ...MAX_INPUT });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('import 需要一个 Excel 文件 / import takes one workbook');
  const target = outOf(values.out);
  const write = writerOf(io);
  if (!io.readBytes) throw new UsageError('此环境不能读文件 / cannot read files here');
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(file, limitsOf(values['max-input']).workbook);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError('无法读取文件', 'cannot read file', file, e);
  }
  const xlsx = await loadXlsx();
  const r = await xlsx.readLedgerWorkbook(bytes);
  for (const w of r.warnings)
    io.stderr(showControls(`警告 / warning ${w.cell} [${w.code}] ${oneLine(w.message.zh)} / ${oneLine(w.message.en)}\n`));
  if (!r.success) {
    io.stderr(`工作簿有 ${r.issues.length} 处错误 / the workbook has ${r.issues.length} errors\n`);
    for (const i of r.issues)
      io.stderr(showControls(`  ${i.cell}  [${i.code}]\n    ${oneLine(i.message.zh)}\n    ${oneLine(i.message.en)}\n`));
    return 1;
  }
  write(target, `${jsonText(r.document, 2)}\n`);
  io.stdout(`${showControls(target)} (${r.portfolio.projects.length} 个项目 projects)\n`);
  return 0;
}

function evaluateCommand(io: CliIo, args: readonly string[]): number | Promise<number> {
  const { values, positionals } = argsOf(args, {
    'as-of': { type: 'string' },
    policy: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ndjson: { type: 'boolean' },
    ...MAX_INPUT,
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('evaluate 需要一个文件 / evaluate takes one file');
  const asOf = asOfOf(values['as-of']);
  const limits = limitsOf(values['max-input']);
  if (values.ndjson === true) {
    if (values.format !== undefined && values.format !== 'json')
      throw new UsageError('--ndjson 只输出 JSON 行 / --ndjson writes JSON lines only (--format json)');
    return evaluateNdjson(io, { file, asOf, policy: loadPolicy(io, values.policy, limits), limits, out: values.out });
  }
  if (values.format === 'xlsx')
    return evaluateWorkbook(io, { file, asOf, policy: loadPolicy(io, values.policy, limits), limits, out: values.out });
  const format = formatOf(values.format);
  const policy = loadPolicy(io, values.policy, limits);
  const { portfolio, warnings } = loadPortfolioFile(io, file, limits.document, policy);
  warn(io, warnings);
  const e = evaluate(portfolio, { asOf, policy });
  const sections = evaluationSections(e, policy);
  // Colour only on a terminal, never in a file.
  const colour = io.colour && values.out === undefined;
  let text: string;
  if (format === 'json') text = `${jsonText(e, 2)}\n`;
  else if (format === 'md')
    text = `# ${mdLine(`${portfolio.city ?? ''} ${portfolio.year} 年市本级政府投资项目评价`)}\n\n${mdLine(heading(e))}\n\n${sections.map(sectionMarkdown).join('\n\n')}\n`;
  else text = `${paint(showControls(heading(e)), 'bold', colour)}\n\n${sections.map((x) => sectionText(x, colour)).join('\n\n')}\n`;
  emit(io, values.out, text);
  return 0;
}

// `evaluate --ndjson`: the NDJSON form in, one JSON line per result out (each project, then the portfolio).
async function evaluateNdjson(io: CliIo, { file, asOf, policy, limits, out }: EvaluateRun): Promise<number> {
  if (!io.readLines) throw new UsageError('此环境不能逐行读文件 / cannot read files line by line here');
  if (out !== undefined && !io.openWrite) throw new UsageError('此环境不能写文件 / cannot write files here');
  // The input is opened first: a missing input fails before the output is touched.
  const lines = io.readLines(file, limits.stream);
  const sink: Sink =
    out === undefined
      ? {
          write: (s) => {
            io.stdout(String(s));
          },
          close: () => undefined,
          abort: () => undefined,
        }
      : openOutput(io, out);
  let projects = 0;
  try {
    for await (const r of evaluateStream(lines, { asOf, policy })) {
      sink.write(`${jsonText(r)}\n`);
      if (r.kind === 'project') projects += 1;
      warn(io, r.warnings);
    }
  } catch (e) {
    sink.abort();
    throw e;
  }
  sink.close();
  if (out !== undefined) io.stdout(`${showControls(out)} (${projects} 个项目 projects)\n`);
  return 0;
}

function openOutput(io: CliIo, out: string): Sink {
  const open = io.openWrite as NonNullable<CliIo['openWrite']>;
  try {
    return open(outOf(out));
  } catch (e) {
    if (e instanceof FileError || e instanceof UsageError) throw e;
    throw new FileError('无法写入文件', 'cannot write file', out, e);
  }
}

function rankCommand(io: CliIo, args: readonly string[], today: () => string): number {
  const { values, positionals } = argsOf(args, {
    quarter: { type: 'string' },
    through: { type: 'string' },
    'as-of': { type: 'string' },
    policy: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ...MAX_INPUT,
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('rank 需要一个文件 / rank takes one file');
  const { quarter, through } = values;
  if (quarter !== undefined && through !== undefined)
    throw new UsageError('--quarter 与 --through 只能用一个 / give --quarter or --through, not both');
  if (through !== undefined && !isYearMonth(through))
    throw new UsageError(`--through 须为 YYYY-MM / --through must look like 2025-02: ${through}`);
  const badQuarter = (): UsageError => new UsageError(`--quarter 须为 YYYYQn / --quarter must look like 2025Q2: ${quarter ?? '(missing)'}`);
  if (through === undefined && !isQuarter(quarter)) throw badQuarter();
  const asOf = asOfOf(values['as-of'] ?? today());
  const format = formatOf(values.format);
  const limits = limitsOf(values['max-input']);
  const policy = loadPolicy(io, values.policy, limits);
  const { portfolio, warnings } = loadPortfolioFile(io, file, limits.document, policy);
  warn(io, warnings);
  const period = through ?? (quarter as string);
  if (Number(period.slice(0, 4)) !== portfolio.year)
    throw new UsageError(`${period} 不在文档年度 ${portfolio.year} 内 / is outside the document's year`);
  const e = evaluate(portfolio, { asOf, policy });
  const colour = io.colour && values.out === undefined;
  if (through !== undefined) {
    // A month-end ranking is a report of its own: ranked as the notification is, through the month.
    if (e.month === null || through > e.month) {
      throw new UsageError(`${asOf} 时 ${through} 尚不能排名(月报尚未到期)/ ${through} cannot be ranked as of ${asOf} yet`);
    }
    const m = monthEndRanking(knownAt(portfolio, e.asOf), through, policy);
    const section = monthEndSection(m, e);
    emit(
      io,
      values.out,
      `${format === 'json' ? jsonText(m, 2) : format === 'md' ? sectionMarkdown(section) : sectionText(section, colour)}\n`,
    );
    return 0;
  }
  if (!isQuarter(quarter)) throw badQuarter();
  const n = e.notifications.find((x) => x.quarter === quarter);
  if (n === undefined || !rankedQuarters(portfolio.year, e.month).includes(quarter)) {
    throw new UsageError(
      `${asOf} 时 ${quarter} 尚不能排名(${lastMonthOf(quarter)} 月报尚未到期)/ ${quarter} cannot be ranked as of ${asOf} yet`,
    );
  }
  const section = rankingSection(n, e);
  const text = format === 'json' ? jsonText(n, 2) : format === 'md' ? sectionMarkdown(section) : sectionText(section, colour);
  emit(io, values.out, `${text}\n`);
  return 0;
}

function reportCommand(io: CliIo, args: readonly string[]): number {
  const { values, positionals } = argsOf(args, {
    'as-of': { type: 'string' },
    out: { type: 'string' },
    policy: { type: 'string' },
    ...MAX_INPUT,
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('report 需要一个文件 / report takes one file');
  const asOf = asOfOf(values['as-of']);
  const out = values.out;
  if (out === undefined || out === '') throw new UsageError('缺少 --out <目录> / --out <dir> is required');
  const write = io.writeFileSet;
  if (!write) throw new UsageError('此环境不能写文件 / cannot write files here');
  const limits = limitsOf(values['max-input']);
  const policy = loadPolicy(io, values.policy, limits);
  const { portfolio, warnings } = loadPortfolioFile(io, file, limits.document, policy);
  warn(io, warnings);
  const r = write(out, reportFiles(evaluate(portfolio, { asOf, policy })));
  for (const path of r.written) io.stdout(`${showControls(path)}\n`);
  for (const path of r.removed) io.stderr(showControls(`已删除上次写出的 / removed from the previous run: ${path}\n`));
  for (const path of r.kept) io.stderr(showControls(`上次写出后已被修改,保留 / changed since the previous run, kept: ${path}\n`));
  io.stderr(`已写出 ${r.written.length} 个文件 / wrote ${r.written.length} files\n`);
  return 0;
}

const LEVELS = ['department', 'cityLeader', 'mayor'] as const;
const BRIEF_FORMATS = ['md', 'html', 'json'] as const;

function levelOf(value: string | undefined): MeetingLevel {
  if (value === undefined || !(LEVELS as readonly string[]).includes(value))
    throw new UsageError(
      `--level 须为 department、cityLeader 或 mayor / --level must be department, cityLeader or mayor: ${showControls(value ?? '(missing)')}`,
    );
  return value as MeetingLevel;
}

// The scope `--level` with `--department` or `--leader` names: checked before any file is read.
function scopeOf(level: MeetingLevel, department: string | undefined, leader: string | undefined): MeetingScope {
  if (level === 'department') {
    if (leader !== undefined)
      throw new UsageError('--level department 不用 --leader / --level department takes --department, not --leader');
    if (department === undefined)
      throw new UsageError('--level department 需要 --department <id> / --level department needs --department <id>');
    return { level, departmentId: department };
  }
  if (level === 'cityLeader') {
    if (department !== undefined)
      throw new UsageError('--level cityLeader 不用 --department / --level cityLeader takes --leader, not --department');
    if (leader === undefined) throw new UsageError('--level cityLeader 需要 --leader <id> / --level cityLeader needs --leader <id>');
    return { level, leaderId: leader };
  }
  if (department !== undefined || leader !== undefined)
    throw new UsageError('--level mayor 不用 --department 或 --leader / --level mayor covers the whole city: no --department or --leader');
  return { level: 'mayor' };
}

// The department or leader a scope names must be the document's.
function checkScope(scope: MeetingScope, e: Evaluation): void {
  const [kind, id, ids] =
    scope.level === 'department'
      ? (['部门 department', scope.departmentId, e.departments.map((d) => d.departmentId)] as const)
      : scope.level === 'cityLeader'
        ? (['领导 leader', scope.leaderId, e.leaders.map((l) => l.leaderId)] as const)
        : [undefined, undefined, []];
  if (kind === undefined || ids.includes(id)) return;
  throw new UsageError(`文档中没有该${kind}: ${showControls(id)} / not in the document; known: ${ids.map(showControls).join(', ')}`);
}

function briefCommand(io: CliIo, args: readonly string[]): number {
  const { values, positionals } = argsOf(args, {
    level: { type: 'string' },
    department: { type: 'string' },
    leader: { type: 'string' },
    'as-of': { type: 'string' },
    policy: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ...MAX_INPUT,
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('brief 需要一个文件 / brief takes one file');
  const format = values.format ?? 'md';
  if (!(BRIEF_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`未知格式 / unknown format: ${showControls(format)} (md, html, json)`);
  const scope = scopeOf(levelOf(values.level), values.department, values.leader);
  const asOf = asOfOf(values['as-of']);
  const limits = limitsOf(values['max-input']);
  const policy = loadPolicy(io, values.policy, limits);
  const { portfolio, warnings } = loadPortfolioFile(io, file, limits.document, policy);
  warn(io, warnings);
  const e = evaluate(portfolio, { asOf, policy });
  checkScope(scope, e);
  const text =
    format === 'json'
      ? `${jsonText(meetingMaterials(e, scope), 2)}\n`
      : format === 'html'
        ? meetingBriefHtml(e, scope)
        : meetingBriefMarkdown(e, scope);
  emit(io, values.out, text);
  return 0;
}

// A whole number written in decimal digits (with a minus sign when `signed`), within the safe integers.
function integerOf(name: string, value: string, signed: boolean): number {
  const n = Number(value);
  if (!(signed ? /^-?\d+$/ : /^\d+$/).test(value) || !Number.isSafeInteger(n))
    throw new UsageError(`${name} 须为${signed ? '' : '非负'}整数 / ${name} must be a${signed ? 'n' : ' non-negative'} integer: ${value}`);
  return n;
}

function generateCommand(io: CliIo, args: readonly string[]): number {
  const { values, positionals } = argsOf(args, {
    projects: { type: 'string' },
    seed: { type: 'string' },
    year: { type: 'string' },
    ndjson: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
  });
  if (positionals.length > 0) throw new UsageError('generate 不接受文件参数 / generate takes no file');
  if (values.projects === undefined) throw new UsageError('缺少 --projects <N> / --projects is required');
  const projects = integerOf('--projects', values.projects, false);
  const seed = values.seed === undefined ? undefined : integerOf('--seed', values.seed, true);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(/^\d{4}$/.test(values.year ?? '') && year >= 1000 && year <= 9998))
    throw new UsageError(`--year 须为年份 / --year must be a year: ${values.year ?? ''}`);
  const options = {
    projects,
    ...(seed !== undefined && { seed }),
    ...(year !== undefined && { year }),
    ...(values.ndjson === true && { ndjson: true }),
  };
  if (values.out === undefined) {
    writePortfolio(options, io.stdout);
    return 0;
  }
  const target = outOf(values.out);
  if (!io.openWrite) throw new UsageError('此环境不能写文件 / cannot write files here');
  const file = openOutput(io, target);
  try {
    writePortfolio(options, file.write);
  } catch (e) {
    file.abort();
    throw e;
  }
  file.close();
  io.stdout(`${showControls(target)}\n`);
  return 0;
}

/** Run the command line with `argv` (without `node` and the script), returning the exit code. */
export function run(argv: readonly string[], io: CliIo): number | Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'demo':
        demo(io);
        return 0;
      case 'validate':
        return validate(io, rest);
      case 'evaluate': {
        const code = evaluateCommand(io, rest);
        return typeof code === 'number' ? code : handled(code, io);
      }
      case 'report':
        return reportCommand(io, rest);
      case 'brief':
        return briefCommand(io, rest);
      case 'template':
        return handled(templateCommand(io, rest), io);
      case 'import':
        return handled(importCommand(io, rest), io);
      case 'schema': {
        const which = rest[0];
        if (rest.length !== 1 || (which !== 'portfolio' && which !== 'policy')) throw new UsageError('schema portfolio|policy');
        io.stdout(`${jsonText(which === 'portfolio' ? portfolioJsonSchema() : policyJsonSchema(), 2)}\n`);
        return 0;
      }
      case 'generate':
        return generateCommand(io, rest);
      case 'rank':
        return rankCommand(io, rest, io.today ?? (() => todayInChina()));
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
        throw new UsageError(`未知命令 / unknown command: ${showControls(command)}`);
    }
  } catch (err) {
    return failure(err, io);
  }
}

// Peers that are missing or of the wrong version are a problem of the installation, not of the input.
const SETUP_CODES: ReadonlySet<string> = new Set(['missing_peer_dependency', 'unsupported_peer_dependency']);

// Exit codes for what went wrong: 1 an invalid document or workbook, 2 a usage or file error; anything
// else is a bug.
function failure(err: unknown, io: CliIo): number {
  if (err instanceof ValidationError) {
    io.stderr(`文档无效 / invalid document: ${err.issues.length} 处错误 errors\n`);
    for (const i of err.issues) io.stderr(`${formatIssue(i)}\n`);
    return 1;
  }
  if (err instanceof SansansanError) {
    io.stderr(showControls(`${oneLine(err.text.zh)}\n${oneLine(err.text.en)} [${err.code}]\n`));
    return SETUP_CODES.has(err.code) ? 2 : 1;
  }
  if (err instanceof FileError) {
    io.stderr(`${showControls(err.message)}\n`);
    return 2;
  }
  if (
    err instanceof UsageError ||
    (err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))
  ) {
    io.stderr(`${showControls(err.message)}\n\n${USAGE}\n`);
    return 2;
  }
  throw err;
}

function handled(p: Promise<number>, io: CliIo): Promise<number> {
  return p.catch((err: unknown) => failure(err, io));
}

declare const __VERSION__: string | undefined;
const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

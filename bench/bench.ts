// `npm run bench [-- --sizes 1000,10000] [-- --runs k] [-- --stream-projects N]`: build, then time
// text → Evaluation on synthetic portfolios (seed 1) of 1 000, 10 000 and 100 000 projects, and
// evaluateStream on an NDJSON portfolio of 1 000 000 projects (0 skips it); measure peak RSS; print a
// summary against the targets and write every figure to bench/.data/results.json.
//
// This parent only generates (and caches) the documents and prints. Every timed or measured step runs in a
// fresh plain-node child on the built package, dist/index.js, as users run it: bench/measure.mjs for the
// times, bench/rss.mjs for the peak RSS. Never under tsx, whose keepNames wraps every closure in a call.
// A measurement, not a test: it exits 0 whether the targets are met or not.
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  cachedDocument,
  childPeakRss,
  count,
  DATA_DIR,
  defaultRuns,
  DIST_ENTRY,
  growthExponent,
  machineInfo,
  mb,
  measureDocument,
  measureStream,
  mib,
  monthNumber,
  ms,
  parseBenchArgs,
  ratio,
  ROOT_DIR,
  seconds,
  table,
  targetFigure,
  verdict,
  writeJson,
  type DocumentFile,
  type MachineInfo,
  type RssMode,
  type StreamReport,
  type Target,
  type Timing,
} from './lib.js';

const SEED = 1;
const AS_OF = '2025-10-15';
const TARGETS = { pipelineOverJson: 3, rssRatio: 2, exponent: 1.1, streamOverLines: 3, streamRssBytes: 1_000_000_000 } as const;
const EXPONENT_FROM = 10_000;
const EXPONENT_TO = 100_000;
const WARMUPS = 1;
// Runs of the stream by default: two, one in each order, to cancel a drift of the machine's speed.
const STREAM_RUNS = 2;

/** Figures of one size. */
interface SizeResult {
  readonly projects: number;
  readonly file: string;
  readonly textBytes: number;
  /** Milliseconds to generate and write the document, or null when it came from the cache. */
  readonly generatedMs: number | null;
  readonly runs: number;
  readonly warmups: number;
  /** (a) JSON.parse(text). */
  readonly jsonParse: Timing;
  /** (b) parsePortfolio on a freshly parsed value. */
  readonly parsePortfolio: Timing;
  /** (c) evaluate on a validated portfolio. */
  readonly evaluate: Timing;
  /** (d) evaluate(parsePortfolioText(text)). */
  readonly pipeline: Timing;
  /** The evaluated month of the result, `YYYY-MM`, or null. */
  readonly evaluatedMonth: string | null;
  /** Projects × the evaluated month's number. */
  readonly projectMonths: number;
  /** Project-months per second of the pipeline's median. */
  readonly projectMonthsPerSecond: number;
  /** Median (d) ÷ median (a). */
  readonly pipelineOverJson: number;
  /** Median (b) ÷ median (a). */
  readonly parseOverJson: number;
}

/** Growth exponent of (d) between two consecutive sizes. */
interface Growth {
  readonly from: number;
  readonly to: number;
  readonly exponent: number;
}

/** Peak RSS of fresh children on one document: KiB per mode, null when the child failed. */
interface RssFigures<M extends RssMode> {
  readonly maxRssKiB: Readonly<Record<M, number | null>>;
  /** Why a child failed, per mode. */
  readonly errors: Readonly<Partial<Record<M, string>>>;
}

/** Peak RSS of the JSON document of the largest size. */
interface RssResult extends RssFigures<'baseline' | 'json' | 'pipeline'> {
  readonly projects: number;
  readonly file: string;
  /** pipeline ÷ json, raw. */
  readonly ratio: number | null;
  /** (pipeline − baseline) ÷ (json − baseline): the same without the process overhead. */
  readonly ratioNetOfBaseline: number | null;
}

/** Figures of the stream section: evaluateStream against the lines floor on an NDJSON document. */
interface StreamResult {
  readonly projects: number;
  readonly file: string;
  readonly fileBytes: number;
  /** Milliseconds to generate and write the document, or null when it came from the cache. */
  readonly generatedMs: number | null;
  readonly runs: number;
  /** Why the timing child failed, or null. */
  readonly error: string | null;
  /** (1) readline + JSON.parse of each line, or null when the child failed. */
  readonly lines: Timing | null;
  /** (2) the same lines into evaluateStream, every result consumed, or null when the child failed. */
  readonly stream: Timing | null;
  /** The evaluated month of the portfolio result, or null. */
  readonly evaluatedMonth: string | null;
  /** Projects per second of the medians of (1) and (2). */
  readonly projectsPerSecond: { readonly lines: number; readonly stream: number } | null;
  /** Median (2) ÷ median (1). */
  readonly streamOverLines: number | null;
  /** Peak RSS of `rss.mjs baseline`, `lines` and `stream` in fresh children. */
  readonly rss: RssFigures<'baseline' | 'lines' | 'stream'>;
  /** Peak RSS of `stream` in bytes (KiB × 1024), or null. */
  readonly streamRssBytes: number | null;
}

/** Everything results.json holds. */
interface BenchResults {
  readonly startedAt: string;
  readonly machine: MachineInfo;
  readonly options: {
    readonly seed: number;
    readonly asOf: string;
    readonly sizes: readonly number[];
    readonly runs: number | null;
    readonly streamProjects: number;
  };
  /** What was measured: the built entry and when it was built. */
  readonly measured: { readonly entry: string; readonly builtAt: string };
  /** Whether every timing child could collect garbage between runs (null before the first child). */
  gcExposed: boolean | null;
  readonly sizes: SizeResult[];
  readonly growth: Growth[];
  rss: RssResult | null;
  stream: StreamResult | null;
  readonly targets: Target[];
  totalMs: number;
}

function heading(title: string): void {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 100 - title.length))}`);
}

function describe(doc: DocumentFile): string {
  const source = doc.generatedMs === null ? 'cached' : `generated in ${seconds(doc.generatedMs)}`;
  return `${relative(ROOT_DIR, doc.file)}, ${mb(doc.bytes)} (${source})`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Peak RSS of each mode in a fresh child; a failed child leaves null and its message.
function peakRssOf<M extends RssMode>(modes: readonly M[], file: string): RssFigures<M> {
  const maxRssKiB = {} as Record<M, number | null>;
  const errors: Partial<Record<M, string>> = {};
  for (const mode of modes) {
    try {
      maxRssKiB[mode] = childPeakRss(mode, file);
    } catch (error) {
      maxRssKiB[mode] = null;
      errors[mode] = errorMessage(error);
    }
  }
  return { maxRssKiB, errors };
}

// One table row of a peak RSS: MiB, MB and the same net of the baseline.
function rssRow(label: string, kib: number | null, baselineKiB: number | null): string[] {
  if (kib === null) return [label, 'failed', 'failed', '', ''];
  const net = baselineKiB === null || label.startsWith('baseline') ? null : (kib - baselineKiB) * 1024;
  return [label, mib(kib * 1024), mb(kib * 1024), net === null ? '' : mib(net), net === null ? '' : mb(net)];
}

const RSS_HEADER = ['mode', 'peak RSS MiB', 'peak RSS MB', 'minus baseline MiB', 'minus baseline MB'];
const RSS_UNITS = 'MiB = 2^20 bytes, MB = 10^6 bytes; process.resourceUsage().maxRSS (KiB) x 1024';

// The peak RSS table of some modes (labelled, in the labels' order), its units and any failed child.
function printRss<M extends RssMode>(figures: RssFigures<M>, labels: Readonly<Record<M, string>>): void {
  const kib: Partial<Record<RssMode, number | null>> = figures.maxRssKiB;
  const baseline = kib.baseline ?? null;
  const modes = Object.keys(labels) as M[];
  console.log(table([RSS_HEADER, ...modes.map((m) => rssRow(labels[m], figures.maxRssKiB[m], baseline))]));
  console.log(RSS_UNITS);
  for (const [mode, message] of Object.entries(figures.errors)) console.log(`${mode}: ${String(message)}`);
}

// ─── Per size: (a) JSON.parse, (b) parsePortfolio, (c) evaluate, (d) the whole pipeline ───────────────

function measureSize(projects: number, runs: number): SizeResult {
  const doc = cachedDocument(projects, SEED, false);
  heading(`${count(projects)} projects: ${describe(doc)}`);
  console.log(`child: node --expose-gc bench/measure.mjs doc; ${runs} timed runs after ${WARMUPS} warm-up; medians, gc before each run`);

  const report = measureDocument(doc.file, runs, WARMUPS, AS_OF);
  results.gcExposed = (results.gcExposed ?? true) && report.gc;
  if (report.projects !== projects) throw new Error(`expected ${projects} evaluated projects, got ${report.projects}`);
  const { jsonParse, parsePortfolio, evaluate, pipeline, evaluatedMonth } = report;
  const projectMonths = projects * monthNumber(evaluatedMonth);
  const projectMonthsPerSecond = projectMonths / (pipeline.median / 1000);

  const rows = [
    ['step', 'median ms', 'min ms', 'max ms'],
    ...(
      [
        ['(a) JSON.parse(text)', jsonParse],
        ['(b) parsePortfolio(fresh value)', parsePortfolio],
        ['(c) evaluate(portfolio)', evaluate],
        ['(d) evaluate(parsePortfolioText(text))', pipeline],
      ] as const
    ).map(([name, t]) => [name, ms(t.median), ms(t.min), ms(t.max)]),
  ];
  console.log(table(rows));
  console.log(
    `throughput (d): ${count(projectMonthsPerSecond)} project-months/s ` +
      `(${count(projects)} projects x ${monthNumber(evaluatedMonth)} months to ${String(evaluatedMonth)})`,
  );
  const pipelineOverJson = pipeline.median / jsonParse.median;
  const parseOverJson = parsePortfolio.median / jsonParse.median;
  console.log(`d/a = ${ratio(pipelineOverJson)}   b/a = ${ratio(parseOverJson)}`);

  return {
    projects,
    file: doc.file,
    textBytes: doc.bytes,
    generatedMs: doc.generatedMs,
    runs,
    warmups: WARMUPS,
    jsonParse,
    parsePortfolio,
    evaluate,
    pipeline,
    evaluatedMonth,
    projectMonths,
    projectMonthsPerSecond,
    pipelineOverJson,
    parseOverJson,
  };
}

// ─── Growth of (d) between consecutive sizes ────────────────────────────────────────────────────────────

function growthOf(sizes: readonly SizeResult[]): Growth[] {
  heading('growth of (d): log(t2/t1) / log(n2/n1), 1 = linear');
  const growth: Growth[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const [s1, s2] = [sizes[i - 1], sizes[i]];
    if (s1 === undefined || s2 === undefined) continue;
    growth.push({
      from: s1.projects,
      to: s2.projects,
      exponent: growthExponent(s1.projects, s1.pipeline.median, s2.projects, s2.pipeline.median),
    });
  }
  if (growth.length === 0) console.log('(needs at least two sizes)');
  else console.log(table([['sizes', 'exponent'], ...growth.map((g) => [`${count(g.from)} -> ${count(g.to)}`, g.exponent.toFixed(3)])]));
  return growth;
}

// ─── Peak RSS of the largest JSON document, each mode in a fresh child ─────────────────────────────────

function peakRss(size: SizeResult): RssResult {
  heading(`peak RSS, fresh plain-node child per mode (node bench/rss.mjs <mode>): ${count(size.projects)} projects`);
  const figures = peakRssOf(['baseline', 'json', 'pipeline'] as const, size.file);
  const { baseline, json, pipeline } = figures.maxRssKiB;
  printRss(figures, {
    baseline: 'baseline (start + exit)',
    json: 'json (read + JSON.parse)',
    pipeline: 'pipeline (read + parsePortfolioText + evaluate)',
  });
  const rssRatio = json === null || pipeline === null ? null : pipeline / json;
  const ratioNetOfBaseline = json === null || pipeline === null || baseline === null ? null : (pipeline - baseline) / (json - baseline);
  console.log(
    `pipeline/json = ${rssRatio === null ? 'n/a' : ratio(rssRatio)}   ` +
      `net of baseline = ${ratioNetOfBaseline === null ? 'n/a' : ratio(ratioNetOfBaseline)}`,
  );
  return { projects: size.projects, file: size.file, ...figures, ratio: rssRatio, ratioNetOfBaseline };
}

// ─── Stream: evaluateStream on an NDJSON document against reading and parsing its lines ────────────────

// The stream timing child's report, or why it failed.
function timeStream(file: string, projects: number, runs: number): { report: StreamReport | null; error: string | null } {
  try {
    const report = measureStream(file, AS_OF, runs);
    results.gcExposed = (results.gcExposed ?? true) && report.gc;
    if (report.projects !== projects) throw new Error(`expected ${projects} project results, got ${report.projects}`);
    return { report, error: null };
  } catch (e) {
    return { report: null, error: errorMessage(e) };
  }
}

function measureStreamSection(projects: number, runs: number): StreamResult {
  heading(`stream: ${count(projects)} projects, NDJSON`);
  console.log(`generating or reading the cache (node --import tsx bench/generate.ts --projects ${projects} --seed ${SEED} --ndjson) ...`);
  const doc = cachedDocument(projects, SEED, true);
  console.log(`document: ${describe(doc)}`);
  console.log(
    `child: node --expose-gc bench/measure.mjs stream; ${runs} run${runs === 1 ? '' : 's'} each, no warm-up, order alternating ` +
      `(lines then stream, then stream then lines); gc before each run; ` +
      `lines via readline.createInterface(createReadStream(file, utf8), crlfDelay: Infinity)`,
  );

  const started = performance.now();
  const { report, error } = timeStream(doc.file, projects, runs);
  console.log(`(timing child took ${seconds(performance.now() - started)})`);

  let projectsPerSecond: StreamResult['projectsPerSecond'] = null;
  let streamOverLines: number | null = null;
  if (report === null) {
    console.log(`timing child failed: ${String(error)}`);
  } else {
    const { lines, stream } = report;
    projectsPerSecond = { lines: projects / (lines.median / 1000), stream: projects / (stream.median / 1000) };
    streamOverLines = stream.median / lines.median;
    console.log(
      table([
        ['step', 'median ms', 'min ms', 'max ms', 'projects/s'],
        ['(1) lines: readline + JSON.parse per line', ms(lines.median), ms(lines.min), ms(lines.max), count(projectsPerSecond.lines)],
        [
          '(2) lines -> evaluateStream, results consumed',
          ms(stream.median),
          ms(stream.min),
          ms(stream.max),
          count(projectsPerSecond.stream),
        ],
      ]),
    );
    console.log(
      `${count(report.lineCount)} lines (header + projects), ${count(report.projects)} project results, then the portfolio result ` +
        `(month ${String(report.evaluatedMonth)})`,
    );
    console.log(`stream/lines = ${ratio(streamOverLines)}`);
  }

  console.log(`\npeak RSS, fresh plain-node child per mode (node bench/rss.mjs <mode> ${relative(ROOT_DIR, doc.file)}):`);
  const rss = peakRssOf(['baseline', 'lines', 'stream'] as const, doc.file);
  const { stream } = rss.maxRssKiB;
  printRss(rss, {
    baseline: 'baseline (start + exit)',
    lines: 'lines (readline + JSON.parse)',
    stream: 'stream (lines -> evaluateStream)',
  });
  const streamRssBytes = stream === null ? null : stream * 1024;
  if (streamRssBytes !== null) {
    console.log(`stream peak RSS = ${count(streamRssBytes)} bytes vs target < 1 GB = 1,000,000,000 bytes (decimal GB, not GiB)`);
  }

  return {
    projects,
    file: doc.file,
    fileBytes: doc.bytes,
    generatedMs: doc.generatedMs,
    runs,
    error,
    lines: report?.lines ?? null,
    stream: report?.stream ?? null,
    evaluatedMonth: report?.evaluatedMonth ?? null,
    projectsPerSecond,
    streamOverLines,
    rss,
    streamRssBytes,
  };
}

// ─── Run ────────────────────────────────────────────────────────────────────────────────────────────────

const benchStarted = performance.now();
const args = parseBenchArgs(process.argv.slice(2));
if (!existsSync(DIST_ENTRY))
  throw new Error(`${relative(ROOT_DIR, DIST_ENTRY)} is missing: run \`npm run build\` first (npm run bench does)`);
const results: BenchResults = {
  startedAt: new Date().toISOString(),
  machine: machineInfo(),
  options: { seed: SEED, asOf: AS_OF, sizes: args.sizes, runs: args.runs, streamProjects: args.streamProjects },
  measured: { entry: relative(ROOT_DIR, DIST_ENTRY), builtAt: statSync(DIST_ENTRY).mtime.toISOString() },
  gcExposed: null,
  sizes: [],
  growth: [],
  rss: null,
  stream: null,
  targets: [],
  totalMs: 0,
};

heading('machine');
const m = results.machine;
const machineRows: readonly (readonly [string, string])[] = [
  ['cpu', m.cpu],
  ['cores', String(m.cores)],
  ['memory', `${(m.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB`],
  ['node', m.node],
  ['v8', m.v8],
  ['platform', m.platform],
  ['measured', `${results.measured.entry} (built ${results.measured.builtAt}) in plain node children, no tsx`],
];
for (const [key, value] of machineRows) console.log(`${key.padEnd(10)} ${value}`);

for (const projects of args.sizes) results.sizes.push(measureSize(projects, args.runs ?? defaultRuns(projects)));
results.growth.push(...growthOf(results.sizes));
const largest = results.sizes[results.sizes.length - 1];
if (largest !== undefined) results.rss = peakRss(largest);
if (args.streamProjects > 0) results.stream = measureStreamSection(args.streamProjects, args.runs ?? STREAM_RUNS);

const exponent = results.growth.find((g) => g.from === EXPONENT_FROM && g.to === EXPONENT_TO);
const streamNote = (measured: boolean): string => {
  const s = results.stream;
  if (s === null) return 'skipped (--stream-projects 0)';
  return measured ? `N = ${count(s.projects)} (NDJSON)` : 'a child failed';
};
results.targets.push(
  {
    name: 'd/a: text -> Evaluation / JSON.parse',
    value: largest?.pipelineOverJson ?? null,
    limit: TARGETS.pipelineOverJson,
    bound: '<=',
    unit: 'ratio',
    note: largest === undefined ? 'no size ran' : `N = ${count(largest.projects)}`,
  },
  {
    name: 'peak RSS pipeline / json',
    value: results.rss?.ratio ?? null,
    limit: TARGETS.rssRatio,
    bound: '<=',
    unit: 'ratio',
    note: results.rss === null ? 'no size ran' : results.rss.ratio === null ? 'a child failed' : `N = ${count(results.rss.projects)}`,
  },
  {
    name: 'growth exponent of (d)',
    value: exponent?.exponent ?? null,
    limit: TARGETS.exponent,
    bound: '<=',
    unit: 'ratio',
    note: exponent === undefined ? `needs sizes ${EXPONENT_FROM} and ${EXPONENT_TO}` : `${count(EXPONENT_FROM)} -> ${count(EXPONENT_TO)}`,
  },
  {
    name: 'stream time / lines time',
    value: results.stream?.streamOverLines ?? null,
    limit: TARGETS.streamOverLines,
    bound: '<=',
    unit: 'ratio',
    note: streamNote(results.stream?.streamOverLines != null),
  },
  {
    name: 'stream peak RSS (1 GB = 10^9 bytes)',
    value: results.stream?.streamRssBytes ?? null,
    limit: TARGETS.streamRssBytes,
    bound: '<',
    unit: 'bytes',
    note: streamNote(results.stream?.streamRssBytes != null),
  },
);

// ─── Summary against the targets ────────────────────────────────────────────────────────────────────────

heading('summary: targets (d/a, RSS ratio: largest JSON size; stream: the NDJSON document)');
console.log(
  table(
    [
      ['target', 'value', 'limit', 'status', 'note'],
      ...results.targets.map((t) => [t.name, targetFigure(t, t.value), `${t.bound} ${targetFigure(t, t.limit)}`, verdict(t), t.note]),
    ],
    'lrrll',
  ),
);
if (results.gcExposed === false) console.log('WARNING: a timing child could not collect garbage between runs (node without --expose-gc)');

results.totalMs = performance.now() - benchStarted;
const resultsFile = join(DATA_DIR, 'results.json');
writeJson(resultsFile, { ...results, targets: results.targets.map((t) => ({ ...t, status: verdict(t) })) });
console.log(`\nfigures written to ${relative(ROOT_DIR, resultsFile)}; bench took ${seconds(results.totalMs)} (after the build)`);

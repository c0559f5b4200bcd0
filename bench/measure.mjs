// Timing child of bench/bench.ts. Plain node on the built package (dist/, as users run it), never tsx:
//   node --expose-gc bench/measure.mjs doc <file> <runs> <warmups> <asOf>
//     medians of (a) JSON.parse(text), (b) parsePortfolio(freshly parsed value), (c) evaluate(portfolio),
//     (d) evaluate(parsePortfolioText(text)), each after its warm-ups, a full collection before every run;
//   node --expose-gc bench/measure.mjs stream <file.ndjson> <asOf> [runs]
//     per run: (1) the lines of the file through readline + JSON.parse of each (the floor) and (2) the same
//     lines into evaluateStream, every result consumed and dropped; (1) first in even runs, (2) first in odd ones.
// Prints one JSON line on stdout with every sample. Only the timed work runs here: the parent generates the
// documents and prints the tables.
import { createReadStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { evaluate, evaluateStream, parsePortfolio, parsePortfolioText } from '../dist/index.js';

/** Run a full collection when node runs with --expose-gc; report whether it could. */
function collectGarbage() {
  if (typeof globalThis.gc !== 'function') return false;
  globalThis.gc();
  return true;
}

/** How this child runs: whether it can collect garbage, and its flags (the parent checks that tsx is absent). */
function runtime() {
  return { gc: collectGarbage(), execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS ?? null };
}

/** Median, min, max and every sample of a non-empty list of milliseconds. */
function timingOf(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples };
}

/** Time `run(prepare())` after `warmups` untimed runs, with a collection before each run; returns the timing and the last output. */
function timeStep(prepare, run, runs, warmups) {
  const samples = [];
  let last;
  // One run per call, so that its input and (unless kept) its output die with the frame before the next run.
  // The output never reaches the loop: held in a variable there, it would stay alive through the next run
  // (until that variable is assigned again), and that run would carry a whole extra result in its heap.
  const once = (keep) => {
    const input = prepare();
    collectGarbage();
    const start = performance.now();
    const output = run(input);
    const elapsed = performance.now() - start;
    if (keep) last = output;
    return elapsed;
  };
  for (let k = 0; k < warmups + runs; k++) {
    const elapsed = once(k === warmups + runs - 1);
    if (k >= warmups) samples.push(elapsed);
  }
  return { timing: timingOf(samples), last };
}

/** The lines of a file, read the way the stream benchmark reads them. */
function linesOf(file) {
  return createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

/** `text` as an integer of at least `min`; throws otherwise. */
function integer(text, name, min) {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`measure.mjs: ${name} must be an integer >= ${min}, got '${text}'`);
  return n;
}

// (b) then (c): the validated portfolio that (c) evaluates lives only in this frame.
function validateThenEvaluate(text, asOf, runs, warmups) {
  const { timing: parse, last: portfolio } = timeStep(
    () => JSON.parse(text),
    (value) => parsePortfolio(value),
    runs,
    warmups,
  );
  const { timing: evaluation } = timeStep(
    () => portfolio,
    (p) => evaluate(p, { asOf }),
    runs,
    warmups,
  );
  return { parse, evaluation };
}

function measureDocument(file, runs, warmups, asOf) {
  const text = readFileSync(file, 'utf8');
  const { timing: jsonParse } = timeStep(
    () => text,
    (t) => JSON.parse(t),
    runs,
    warmups,
  );
  const { parse, evaluation } = validateThenEvaluate(text, asOf, runs, warmups);
  const { timing: pipeline, last } = timeStep(
    () => text,
    (t) => evaluate(parsePortfolioText(t), { asOf }),
    runs,
    warmups,
  );
  return {
    mode: 'doc',
    ...runtime(),
    projects: last.projects.length,
    evaluatedMonth: last.month,
    jsonParse,
    parsePortfolio: parse,
    evaluate: evaluation,
    pipeline,
  };
}

// (1) The floor: every line through readline and JSON.parse, nothing kept.
async function readLines(file) {
  let lines = 0;
  let objects = 0;
  for await (const line of linesOf(file)) {
    const value = JSON.parse(line);
    lines += 1;
    if (typeof value === 'object' && value !== null) objects += 1;
  }
  return { lines, objects };
}

// (2) The same lines into evaluateStream; counts the project results, keeps only the last result's kind.
async function streamLines(file, asOf) {
  let projects = 0;
  let lastKind = null;
  let month = null;
  for await (const result of evaluateStream(linesOf(file), { asOf })) {
    lastKind = result.kind;
    if (result.kind === 'project') projects += 1;
    else month = result.evaluation.month;
  }
  if (lastKind !== 'portfolio') throw new Error(`measure.mjs stream: the last result is '${String(lastKind)}', not the portfolio`);
  return { projects, month };
}

async function measureStream(file, asOf, runs) {
  const lines = [];
  const stream = [];
  let counts = { lines: 0, objects: 0 };
  let streamed = { projects: 0, month: null };
  const timeLines = async () => {
    collectGarbage();
    const start = performance.now();
    counts = await readLines(file);
    lines.push(performance.now() - start);
  };
  const timeStream = async () => {
    collectGarbage();
    const start = performance.now();
    streamed = await streamLines(file, asOf);
    stream.push(performance.now() - start);
  };
  // Runs alternate the order (lines then stream, stream then lines, …), so that a machine whose speed drifts
  // over the minutes a million lines take favours neither step.
  for (let k = 0; k < runs; k++) {
    if (k % 2 === 0) {
      await timeLines();
      await timeStream();
    } else {
      await timeStream();
      await timeLines();
    }
  }
  if (counts.objects !== counts.lines) throw new Error(`measure.mjs stream: ${counts.lines - counts.objects} lines are not JSON objects`);
  if (streamed.projects !== counts.lines - 1) {
    throw new Error(`measure.mjs stream: ${counts.lines} lines (header + projects) but ${streamed.projects} project results`);
  }
  return {
    mode: 'stream',
    ...runtime(),
    lineCount: counts.lines,
    projects: streamed.projects,
    evaluatedMonth: streamed.month,
    lines: timingOf(lines),
    stream: timingOf(stream),
  };
}

const [mode, file, ...rest] = process.argv.slice(2);
const usage = 'usage: measure.mjs doc <file> <runs> <warmups> <asOf> | measure.mjs stream <file> <asOf> [runs]';
let report;
if (mode === 'doc' && file !== undefined && rest.length === 3) {
  const [runs, warmups, asOf] = rest;
  report = measureDocument(file, integer(runs, 'runs', 1), integer(warmups, 'warmups', 0), asOf);
} else if (mode === 'stream' && file !== undefined && (rest.length === 1 || rest.length === 2)) {
  const [asOf, runs = '1'] = rest;
  report = await measureStream(file, asOf, integer(runs, 'runs', 1));
} else {
  throw new Error(`${usage}; got '${process.argv.slice(2).join(' ')}'`);
}
process.stdout.write(`${JSON.stringify(report)}\n`);

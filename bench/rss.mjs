// Peak-RSS child of bench/bench.ts, plain node on the built package (no tsx): `node bench/rss.mjs <mode> [file]`.
//   baseline  start and exit (the overhead of node)
//   json      readFileSync(file, 'utf8') + JSON.parse
//   pipeline  readFileSync(file, 'utf8') + parsePortfolioText + evaluate
//   lines     the lines of an NDJSON file through readline + JSON.parse of each, nothing kept
//   stream    the same lines into evaluateStream, every result consumed and dropped
// Prints one JSON line on stdout: { "mode": …, "maxRssKiB": process.resourceUsage().maxRSS, "size": … }.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const ASOF = '2025-10-15';
const MODES = ['baseline', 'json', 'pipeline', 'lines', 'stream'];

const [mode, file] = process.argv.slice(2);
if (!MODES.includes(mode)) throw new Error(`usage: rss.mjs ${MODES.join('|')} <file>; got mode '${String(mode)}'`);
if (mode !== 'baseline' && file === undefined) throw new Error(`rss.mjs ${mode}: missing <file>`);

/** The lines of a file, read as bench/measure.mjs reads them. */
function linesOf(path) {
  return createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
}

// What each mode produced; printed as a size check so that the work cannot be skipped.
let size = 0;
if (mode === 'json') {
  const value = JSON.parse(readFileSync(file, 'utf8'));
  size = Array.isArray(value) ? value.length : Object.keys(value).length;
} else if (mode === 'pipeline') {
  // The library is loaded only by the modes that use it, so that `baseline`, `json` and `lines` do not pay for it.
  const { evaluate, parsePortfolioText } = await import('../dist/index.js');
  size = evaluate(parsePortfolioText(readFileSync(file, 'utf8')), { asOf: ASOF }).projects.length;
} else if (mode === 'lines') {
  for await (const line of linesOf(file)) if (typeof JSON.parse(line) === 'object') size += 1;
} else if (mode === 'stream') {
  const { evaluateStream } = await import('../dist/index.js');
  let last = null;
  for await (const result of evaluateStream(linesOf(file), { asOf: ASOF })) {
    last = result.kind;
    if (last === 'project') size += 1;
  }
  if (last !== 'portfolio') throw new Error(`rss.mjs stream: the last result is '${String(last)}', not the portfolio`);
}

process.stdout.write(`${JSON.stringify({ mode, maxRssKiB: process.resourceUsage().maxRSS, size })}\n`);

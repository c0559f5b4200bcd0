// Write a synthetic portfolio document, chunk by chunk, for benchmarks:
//   npx tsx bench/generate.ts --projects 1000000 --seed 1 [--year 2025] [--ndjson] [-o portfolio.json]
// Without -o the text goes to stdout; the time taken goes to stderr.
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writePortfolio } from '../src/generate/writePortfolio.js';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    year: { type: 'string', default: '2025' },
    ndjson: { type: 'boolean', default: false },
    out: { type: 'string', short: 'o' },
  },
});
const projects = Number(values.projects);
if (!Number.isSafeInteger(projects) || projects < 0) throw new Error(`--projects must be a non-negative integer: ${values.projects}`);

const fd = values.out === undefined ? 1 : openSync(values.out, 'w');
const started = performance.now();
let bytes = 0;
writePortfolio({ projects, seed: Number(values.seed), year: Number(values.year), ndjson: values.ndjson }, (chunk) => {
  const b = Buffer.from(chunk, 'utf8');
  for (let at = 0; at < b.length;) {
    try {
      at += writeSync(fd, b, at);
    } catch (e) {
      // A non-blocking pipe that is full: wait a millisecond and try again.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
  bytes += b.length;
});
if (fd !== 1) closeSync(fd);
const seconds = (performance.now() - started) / 1000;
process.stderr.write(
  `${projects} projects, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${(bytes / 1e6 / seconds).toFixed(1)} MB/s)\n`,
);

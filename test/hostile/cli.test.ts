// The sample portfolio with its ids replaced by names that Object.prototype carries, through every CLI
// command that prints or writes: each exits 0, prints no stack trace and leaves Object.prototype clean.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../../src/cli/main.js';
import { caseCount, checkEvaluateCli, checkText, expectNoPollution } from './_harness.js';

afterAll(() => {
  console.log(`hostile CLI runs: ${caseCount()} cases`);
});

const SAMPLE = readFileSync(new URL('../../examples/data/handan-sample-2025.json', import.meta.url), 'utf8');
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf'];
// Subjects of findings in the sample as of 2025-10-15: departments with triggers and compliance gaps,
// projects with approval warnings and stalls, leaders with missing meetings.
const IDS = ['D-sl', 'D-jt', 'P-011', 'P-027', 'P-009', 'L-sun', 'L-mayor'];

function renamed(shift: number): string {
  let text = SAMPLE;
  IDS.forEach((id, i) => {
    text = text.split(JSON.stringify(id)).join(JSON.stringify(NAMES[(i + shift) % NAMES.length]));
  });
  return text;
}

function runQuiet(argv: readonly string[], text: string): number {
  const files = new Map<string, string | Uint8Array>();
  const io: CliIo = {
    stdout: (s) => {
      if (/^\s*at \S/m.test(s)) expect.fail(`stack trace on stdout: ${s.slice(0, 300)}`);
    },
    stderr: (s) => {
      if (/^\s*at \S|\bError: /m.test(s)) expect.fail(`stack trace on stderr: ${s.slice(0, 300)}`);
    },
    readFile: () => text,
    writeFileSet: (folder, set) => {
      for (const f of set) files.set(`${folder}/${f.path}`, f.content);
      return { written: set.map((f) => `${folder}/${f.path}`), removed: [], kept: [] };
    },
    colour: false,
  };
  const code = run(argv, io);
  if (typeof code !== 'number') return expect.fail(`${argv[0] ?? ''} answers synchronously`);
  if (argv[0] === 'report') expect(files.size).toBeGreaterThan(30);
  expectNoPollution();
  return code;
}

describe('prototype-named ids through the CLI', () => {
  it.each(NAMES.map((_, shift) => shift))('evaluates, ranks and reports the renamed sample (rotation %i)', (shift) => {
    const text = renamed(shift);
    expect(text).not.toContain('"D-sl"');
    checkText(text);
    for (const asOf of ['2025-10-15', '2026-01-31', '9999-12-31']) expect(checkEvaluateCli(text, asOf)).toBe(0);
    expect(runQuiet(['rank', 'doc.json', '--quarter', '2025Q3'], text)).toBe(0);
    expect(runQuiet(['report', 'doc.json', '--as-of', '2025-10-15', '--out', 'out'], text)).toBe(0);
  });
});

// The checks every hostile input must pass, shared by the hostile suites: the parsers answer with data
// (never another exception), a valid document evaluates, Object.prototype stays clean, and the CLI exits
// 0 or 1 with the issues on stderr and no stack trace.
import { expect } from 'vitest';
import { run, type CliIo } from '../../src/cli/main.js';
import { evaluate, parsePolicy, safeParsePolicy, safeParsePortfolio, ValidationError } from '../../src/index.js';
import type { SafeParsePortfolioResult } from '../../src/index.js';
import { isSchemaForm } from '../../src/portfolio/fastPath.js';
import { check } from '../../src/portfolio/parsePortfolio.js';

/** The `asOf` every valid hostile document is evaluated at. */
export const AS_OF = '2025-10-15';

let cases = 0;

/** How many hostile cases this file has run. */
export function caseCount(): number {
  return cases;
}

function protoKeys(): string {
  return Reflect.ownKeys(Object.prototype).map(String).sort().join(',');
}

const PROTO_KEYS = protoKeys();

/** Asserts that nothing leaked onto `Object.prototype`. */
export function expectNoPollution(): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(protoKeys()).toBe(PROTO_KEYS);
}

/**
 * `safeParsePortfolio` answers with data: either issues (each with a `$`-path and a code) or a portfolio
 * that evaluates without throwing. `parsePolicy` on the same input returns or throws a `ValidationError`.
 */
export function checkValue(input: unknown): SafeParsePortfolioResult {
  cases += 1;
  const r = safeParsePortfolio(input);
  expect(typeof r.success).toBe('boolean');
  if (isSchemaForm(input)) {
    // The fast path answered: the zod path must give the same answer.
    const slow = check(input, {}, 'schema');
    const plain = (x: SafeParsePortfolioResult): string =>
      JSON.stringify(x.success ? { data: x.data, warnings: x.warnings } : { issues: x.error.issues, warnings: x.error.warnings });
    if (plain(slow) !== plain(r)) expect.fail('the fast path and the zod path disagree');
  }
  if (r.success) {
    expect(() => evaluate(r.data, { asOf: AS_OF })).not.toThrow();
  } else {
    expect(r.error).toBeInstanceOf(ValidationError);
    expect(r.error.issues.length).toBeGreaterThan(0);
    for (const issue of r.error.issues) {
      if (!issue.path.startsWith('$') || !/^[a-z]+(?:_[a-z]+)*$/.test(issue.code)) {
        expect.fail(`malformed issue ${issue.path} ${issue.code}`);
      }
    }
  }
  policyAnswers(input);
  expectNoPollution();
  return r;
}

/** A hostile policy: `safeParsePolicy` answers with data; `parsePolicy` returns or throws a `ValidationError`. */
export function checkPolicy(input: unknown): void {
  cases += 1;
  policyAnswers(input);
}

function policyAnswers(input: unknown): void {
  const r = safeParsePolicy(input);
  expect(typeof r.success).toBe('boolean');
  if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
  try {
    parsePolicy(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
  }
  expectNoPollution();
}

// A stack frame line, or the `TypeError:` / `RangeError:` / `Error:` prefix of a JavaScript error.
const STACK_FRAME = /^\s*at \S/m;
const JS_ERROR = /\b(?:[A-Z][A-Za-z]*)?Error: /;

// How `validate` prints one issue: `  <$-path>  [<code>]`, then the zh and en messages.
const ISSUE_CODE = / {2}\[[a-z]+(?:_[a-z]+)*\]\n/;

export interface CliOutcome {
  readonly code: number;
  /** The first characters of stderr (the whole of it can be a hundred megabytes). */
  readonly stderrHead: string;
  readonly stdoutHead: string;
  /** How many issues stderr lists, each with its `$`-path and code. */
  readonly issues: number;
  /** The count stderr announces (`invalid document: <n>`), or -1. */
  readonly announced: number;
}

/**
 * `sansansan validate x.json` on the text: exits 0 or 1, never throws, never prints a stack trace.
 * Every chunk written is checked as it comes, so enormous issue lists need not be held in memory.
 */
export function runValidate(text: string): CliOutcome {
  let stderrHead = '';
  let stdoutHead = '';
  let issues = 0;
  let announced = -1;
  // Output is checked for stack traces a megabyte at a time: a million issues make a million writes.
  let pending = '';
  const scan = (force: boolean): void => {
    if (!force && pending.length < 1_000_000) return;
    if (STACK_FRAME.test(pending) || JS_ERROR.test(pending)) expect.fail(`stack trace in the output: ${pending.slice(0, 500)}`);
    pending = '';
  };
  const io: CliIo = {
    stdout: (s) => {
      pending += s;
      scan(false);
      if (stdoutHead.length < 4096) stdoutHead += s.slice(0, 4096);
    },
    stderr: (s) => {
      pending += s;
      scan(false);
      if (stderrHead.length < 4096) stderrHead += s.slice(0, 4096);
      if (s.startsWith('  $') && ISSUE_CODE.test(s)) issues += 1;
      else {
        const count = /^文档无效 \/ invalid document: (\d+)/.exec(s);
        if (count) announced = Number(count[1]);
        else expect.fail(`stderr holds neither the count nor an issue: ${s.slice(0, 500)}`);
      }
    },
    readFile: () => text,
    colour: false,
  };
  const code = run(['validate', 'x.json'], io);
  scan(true);
  if (typeof code !== 'number') return expect.fail('validate answers synchronously');
  expect([0, 1]).toContain(code);
  if (code === 1) expect(issues).toBe(announced);
  expectNoPollution();
  return { code, stderrHead, stdoutHead, issues, announced };
}

/** `JSON.parse` as the CLI reads a file: one leading byte-order mark is dropped. */
export function parseJsonText(text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * A hostile JSON text: the library checks on what `JSON.parse` makes of it, and the CLI on the text;
 * both must agree (exit 1 with the issues on stderr exactly when the document is invalid). `known` is
 * the library's answer when the caller already has it for the same document (a million-element list
 * need not be checked twice).
 */
export function checkText(text: string, known?: SafeParsePortfolioResult): CliOutcome {
  let r = known;
  if (r === undefined) {
    const parsed = parseJsonText(text);
    if (parsed.ok) r = checkValue(parsed.value);
    else cases += 1;
  }
  const out = runValidate(text);
  if (r?.success === true) {
    expect(out.code).toBe(0);
    expect(out.stdoutHead).toContain('valid');
  } else {
    expect(out.code).toBe(1);
    expect(out.stderrHead).toMatch(/invalid document: \d+/);
    const first = r === undefined ? 'invalid_json' : r.error.issues[0]?.code;
    expect(out.stderrHead).toContain(`[${first ?? ''}]`);
    expect(out.issues).toBe(r === undefined ? 1 : r.error.issues.length);
  }
  return out;
}

/** The JSON text of a value, or `undefined` when JSON cannot express it (BigInt, symbols at the top). */
export function jsonText(value: unknown): string | undefined {
  try {
    const text = JSON.stringify(value) as string | undefined;
    return text;
  } catch {
    return undefined;
  }
}

/**
 * A document too large to check twice: only through `sansansan validate`, which parses it with
 * `safeParsePortfolio` and lists every issue with its `$`-path and code (counted as they are written).
 */
export function checkThroughCli(text: string): CliOutcome {
  cases += 1;
  return runValidate(text);
}

/**
 * `sansansan evaluate doc.json --policy policy.json` with a hostile policy file: exits 0 (a valid
 * policy), 1 (an invalid one, its issues on stderr) or 2 (a usage error), and never prints a stack trace.
 */
export function runWithPolicy(document: string, policy: string): number {
  cases += 1;
  let err = '';
  const io: CliIo = {
    stdout: (s) => {
      if (STACK_FRAME.test(s) || JS_ERROR.test(s)) expect.fail(`stack trace on stdout: ${s.slice(0, 500)}`);
    },
    stderr: (s) => {
      if (STACK_FRAME.test(s) || JS_ERROR.test(s)) expect.fail(`stack trace on stderr: ${s.slice(0, 500)}`);
      if (err.length < 4096) err += s.slice(0, 4096);
    },
    readFile: (path) => (path === 'policy.json' ? policy : document),
    colour: false,
  };
  const code = run(['evaluate', 'doc.json', '--as-of', AS_OF, '--policy', 'policy.json', '--format', 'json'], io);
  if (typeof code !== 'number') return expect.fail('evaluate --format json answers synchronously');
  expect([0, 1]).toContain(code);
  if (code === 1) expect(err).toMatch(/invalid document: \d+/);
  expectNoPollution();
  return code;
}

/**
 * `sansansan evaluate doc.json --as-of <asOf>` in every text format (table, md, json): each exits 0 or 1
 * with no stack trace, and all agree. Returns the exit code.
 */
export function checkEvaluateCli(document: string, asOf: string = AS_OF): number {
  cases += 1;
  const codes = (['table', 'md', 'json'] as const).map((format) => {
    const io: CliIo = {
      stdout: (s) => {
        if (STACK_FRAME.test(s) || JS_ERROR.test(s)) expect.fail(`stack trace on stdout: ${s.slice(0, 500)}`);
      },
      stderr: (s) => {
        if (STACK_FRAME.test(s) || JS_ERROR.test(s)) expect.fail(`stack trace on stderr: ${s.slice(0, 500)}`);
      },
      readFile: () => document,
      colour: false,
    };
    const code = run(['evaluate', 'doc.json', '--as-of', asOf, '--format', format], io);
    if (typeof code !== 'number') return expect.fail(`evaluate --format ${format} answers synchronously`);
    return code;
  });
  expect(new Set(codes).size).toBe(1);
  expect([0, 1]).toContain(codes[0]);
  expectNoPollution();
  return codes[0] ?? -1;
}

import type { LocalizedText } from '../errors.js';
import { makeIssue, type ValidationIssue } from '../validation.js';

// The values under unknown keys are kept, and written back with JSON.stringify — which cannot write every
// number as it was read: `-0` becomes `0`, `1e999` (read as Infinity) `null`, `1.0000000000000000001` `1`,
// and an integer beyond double precision loses its digits. Each such number is reported at its path with
// `unknown_number_changed`. Only the value counts: `1.50` written as `1.5` or `1E2` as `100` keeps the
// value and is not reported (a figure, not its spelling, is what an analyst reads), except that a minus
// sign on zero is part of the value here (`-0` → `0` is reported). Documents without unknown keys holding
// numbers never reach the scan below.

type Seg = string | number;

/**
 * A number found under an unknown key: its value, the array or object holding it and its key there, where
 * it is (a chain of segments, turned into a path only for a number reported) and which unknown key it is under.
 */
interface Found {
  readonly n: number;
  readonly holder: object;
  readonly at: Chain;
  readonly root: number;
}
interface Chain {
  readonly seg: Seg;
  readonly parent: Chain | undefined;
  /** The number of segments. */
  readonly depth: number;
}

const segmentsOf = (chain: Chain | undefined): Seg[] => {
  const out: Seg[] = [];
  for (let c = chain; c !== undefined; c = c.parent) out.push(c.seg);
  return out.reverse();
};

/**
 * Warnings `unknown_number_changed` for the numbers under the unknown keys of `unknown` (the issues of
 * `unknownKeys`) that JSON would not write back as they were.
 *
 * @param unknown The unknown-key issues of `value`, their segments starting with `base`.
 * @param value The document (or NDJSON line) as read.
 * @param text Its JSON text, when read from text: each number is then compared with its source text.
 *   Without it the value alone tells: `-0`, a non-finite number, an integer beyond ±(2^53 − 1) (whose
 *   source digits may have been lost).
 * @param base The path of `value` in the document (`['projects', i]` for an NDJSON project line).
 */
export function unknownNumberChanges(
  unknown: readonly ValidationIssue[],
  value: unknown,
  text?: string,
  base: readonly Seg[] = [],
): ValidationIssue[] {
  const roots: Seg[][] = [];
  for (const issue of unknown) {
    const segs = issue.segments;
    if (issue.code !== 'unknown_key' || segs[segs.length - 1] === '__proto__') continue;
    roots.push(segs.slice(base.length));
  }
  if (roots.length === 0) return [];
  const found: Found[] = [];
  // A value made in code may hold a cycle or share a part: each array or object is read once.
  const seen = new Set<object>();
  roots.forEach((root, r) => {
    const holder = valueAt(value, root.slice(0, -1));
    if (typeof holder === 'object' && holder !== null) collectNumbers(valueAt(holder, root.slice(-1)), holder, root, r, seen, found);
  });
  if (found.length === 0) return [];
  const sources = text === undefined ? undefined : sourceNumbers(text, value, roots);
  const out: ValidationIssue[] = [];
  let budget = MAX_SEGMENTS;
  let omitted = 0;
  let omittedRoot: readonly Seg[] = [];
  for (const { n, holder, at, root } of found) {
    const source = sources?.get(holder)?.get(at.seg);
    const change = source === undefined ? fromValue(n) : fromSource(n, source);
    if (change === undefined) continue;
    if (out.length >= MAX_REPORTED || at.depth + base.length > budget) {
      if (omitted === 0) omittedRoot = roots[root] ?? [];
      omitted += 1;
      continue;
    }
    budget -= at.depth + base.length;
    out.push(makeIssue([...base, ...segmentsOf(at)], 'unknown_number_changed', change));
  }
  if (omitted > 0) {
    out.push(
      makeIssue([...base, ...omittedRoot], 'unknown_number_changed', {
        zh: `未知字段中另有 ${omitted} 个数字写回 JSON 时会改变(未逐一列出)`,
        en: `${omitted} more numbers under unknown keys are written back to JSON changed (not listed one by one)`,
      }),
    );
  }
  return out;
}

// A document with a great many changed numbers, or very deep ones, gets its first ones listed (their paths
// at most this many segments in all) and one more warning counting the rest: the paths of numbers nested
// 20 000 deep, one at each level, would not fit in memory.
const MAX_REPORTED = 1_000;
const MAX_SEGMENTS = 20_000;

function valueAt(value: unknown, segments: readonly Seg[]): unknown {
  let cur = value;
  for (const s of segments) {
    if (typeof cur !== 'object' || cur === null || !Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
    cur = (cur as Record<Seg, unknown>)[s];
  }
  return cur;
}

interface Visit {
  readonly v: unknown;
  readonly holder: object | undefined;
  readonly at: Chain | undefined;
}

/** Every number in `value`, at any depth (an explicit stack: the value may be deeper than the call stack), each array or object once. */
function collectNumbers(value: unknown, rootHolder: object, root: readonly Seg[], r: number, seen: Set<object>, out: Found[]): void {
  let rootChain: Chain | undefined;
  for (const seg of root) rootChain = { seg, parent: rootChain, depth: (rootChain?.depth ?? 0) + 1 };
  const stack: Visit[] = [{ v: value, holder: rootHolder, at: rootChain }];
  while (stack.length > 0) {
    const { v, holder, at } = stack.pop() as Visit;
    if (typeof v === 'number') {
      if (at !== undefined && holder !== undefined) out.push({ n: v, holder, at, root: r });
    } else if (typeof v !== 'object' || v === null || seen.has(v)) {
      continue;
    } else if (Array.isArray(v)) {
      seen.add(v);
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], holder: v, at: { seg: i, parent: at, depth: (at?.depth ?? 0) + 1 } });
    } else {
      seen.add(v);
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        stack.push({ v: (v as Record<string, unknown>)[k], holder: v, at: { seg: k, parent: at, depth: (at?.depth ?? 0) + 1 } });
      }
    }
  }
}

const shown = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

function changed(source: string, written: string): LocalizedText {
  return {
    zh: `未知字段中的数字 ${shown(source)} 写回 JSON 时会变为 ${shown(written)}`,
    en: `the number ${shown(source)} under an unknown key is written back to JSON as ${shown(written)}`,
  };
}

/** The message for a number known only by its value, if JSON cannot be trusted to write it back. */
function fromValue(n: number): LocalizedText | undefined {
  if (Object.is(n, -0)) return changed('-0', '0');
  if (!Number.isFinite(n)) return changed(String(n), 'null');
  if (Number.isInteger(n) && Math.abs(n) > Number.MAX_SAFE_INTEGER) {
    const written = JSON.stringify(n);
    return {
      zh: `未知字段中的整数 ${written} 超出 ±${Number.MAX_SAFE_INTEGER}:原文中超出双精度的数字可能已丢失,写回 JSON 为 ${written}`,
      en: `the integer ${written} under an unknown key is beyond ±${Number.MAX_SAFE_INTEGER}: digits of the source beyond double precision may have been lost; it is written back to JSON as ${written}`,
    };
  }
  return undefined;
}

/** The message for a number read from `source`, if JSON writes another value back. */
function fromSource(n: number, source: string): LocalizedText | undefined {
  const written = JSON.stringify(n);
  if (source === written) return undefined;
  if (!Number.isFinite(n) || decimalValue(source) !== decimalValue(written)) return changed(source, written);
  return undefined;
}

const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * The exact value of a JSON number text, as `sign digits e exponent` with no leading or trailing zero
 * digit: equal for texts of equal value (`1.50`, `1.5`, `15e-1`), the sign of zero kept (`-0` ≠ `0`).
 */
export function decimalValue(text: string): string {
  const m = NUMBER.exec(text);
  if (m === null) return text;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  let digits = (int + frac).replace(/^0+/, '');
  if (digits === '') return `${sign}0`;
  // A loop, not /0+$/: an unanchored-start regex is quadratic on a long run of zeros followed by a digit.
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end -= 1;
  const trailing = digits.length - end;
  digits = digits.slice(0, end);
  return `${sign}${digits}e${(BigInt(exp) - BigInt(frac.length) + BigInt(trailing)).toString()}`;
}

// ---------------------------------------------------------------------------------------------------
// The source text of the numbers under given paths of a JSON text (already known to be valid JSON).

interface Trie {
  end: boolean;
  readonly children: Map<Seg, Trie>;
}

interface Frame {
  readonly array: boolean;
  /** The index of the current element (arrays). */
  index: number;
  /** The current key (objects), and whether a key comes next. */
  key: string;
  expectKey: boolean;
  /** The parsed array or object this text is (the last of duplicate keys wins, as in JSON.parse). */
  readonly value: object | undefined;
  readonly node: Trie | undefined;
  readonly inside: boolean;
}

const NUMBER_AT = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The source text of every number at or under one of `roots` in `text`, by the array or object of `value`
 * (the value JSON.parse made of `text`) holding it and its key there. Of duplicate keys the last is read
 * last, as JSON.parse keeps it; an earlier one is read into the holder it would have had, where no key of
 * the later one's is left unwritten.
 */
export function sourceNumbers(text: string, value: unknown, roots: readonly (readonly Seg[])[]): Map<object, Map<Seg, string>> {
  const trie: Trie = { end: false, children: new Map() };
  for (const root of roots) {
    let node = trie;
    for (const s of root) {
      let next = node.children.get(s);
      if (next === undefined) {
        next = { end: false, children: new Map() };
        node.children.set(s, next);
      }
      node = next;
    }
    node.end = true;
  }
  const out = new Map<object, Map<Seg, string>>();
  const stack: Frame[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3a /* : */) {
      i += 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const top = stack[stack.length - 1];
      let v: unknown = value;
      let node: Trie | undefined = trie;
      let inside = trie.end;
      if (top !== undefined) {
        const seg = top.array ? top.index : top.key;
        v = valueAt(top.value, [seg]);
        node = top.node?.children.get(seg);
        inside = top.inside || node?.end === true;
      }
      const held = typeof v === 'object' && v !== null ? v : undefined;
      stack.push({ array: c === 0x5b, index: 0, key: '', expectKey: c === 0x7b, value: held, node, inside });
      i += 1;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      i += 1;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top !== undefined) {
        if (top.array) top.index += 1;
        else top.expectKey = true;
      }
      i += 1;
    } else if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top !== undefined && top.expectKey) {
        const raw = text.slice(i + 1, end);
        top.key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        top.expectKey = false;
      }
      i = end + 1;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      NUMBER_AT.lastIndex = i;
      const source = NUMBER_AT.exec(text)?.[0] ?? text.charAt(i);
      const top = stack[stack.length - 1];
      if (top?.value !== undefined) {
        const seg = top.array ? top.index : top.key;
        if (top.inside || top.node?.children.get(seg)?.end === true) {
          let held = out.get(top.value);
          if (held === undefined) {
            held = new Map();
            out.set(top.value, held);
          }
          held.set(seg, source);
        }
      }
      i += Math.max(1, source.length);
    } else {
      // true, false, null: one character at a time is enough.
      i += 1;
    }
  }
  return out;
}

/** The index of the quote closing the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    const k = text.indexOf('"', j);
    if (k < 0) return text.length;
    let slashes = 0;
    while (text.charCodeAt(k - 1 - slashes) === 0x5c) slashes += 1;
    if (slashes % 2 === 0) return k;
    j = k + 1;
  }
}

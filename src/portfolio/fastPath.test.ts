// The fast path of validation (fastPath.ts) against the zod path: the same success, the same data to the
// last key and digit (in the same key order), the same warnings and the same issues, on valid documents,
// on documents in the schema's own form, and on documents broken at a random place.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { arbPortfolioDocument } from '../../test/arbitraries/portfolio.js';
import { generatePortfolio, generateProject } from '../generate/generatePortfolio.js';
import { isHeaderSchemaForm, isProjectSchemaForm, isSchemaForm } from './fastPath.js';
import { check, safeParsePortfolioText, serializePortfolio, type ReadMode } from './parsePortfolio.js';
import { HANDAN_2018 } from '../policy/index.js';

type Json = unknown;

/** The answer of one path as plain comparable data (key order included, through JSON text). */
function answer(input: Json, mode: ReadMode, requireExactSum = false): string {
  const options = requireExactSum ? { policy: { ...HANDAN_2018, ledger: { requireExactSum: true } } } : {};
  const r = check(structuredClone(input), options, mode);
  return JSON.stringify(r.success ? { data: r.data, warnings: r.warnings } : { issues: r.error.issues, warnings: r.error.warnings });
}

function expectSamePaths(input: Json, requireExactSum = false): void {
  const slow = answer(input, 'schema', requireExactSum);
  expect(answer(input, 'copy', requireExactSum)).toBe(slow);
  expect(answer(input, 'inPlace', requireExactSum)).toBe(slow);
}

// Every place in a value, as a key path.
function places(
  v: Json,
  at: readonly (string | number)[] = [],
  out: (readonly (string | number)[])[] = [],
): (readonly (string | number)[])[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => places(x, [...at, i], out));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) places(x, [...at, k], out);
  return out;
}

function setAt(root: Json, path: readonly (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1] as string | number] = value;
  return copy;
}

// Values that break or change a document: wrong types, non-canonical amounts, empty ids, bad dates.
const replacement = fc.oneof(
  fc.constantFrom<Json>(
    null,
    undefined,
    '',
    'x',
    0,
    1.5,
    -1,
    '1.50',
    '007',
    '-0',
    '-5',
    '2025-02-30',
    '2025-13',
    '2024-01',
    '2025Q5',
    true,
    [],
    {},
    { zz: 1 },
    '1e3',
    '0.00000000001',
  ),
  fc.string({ maxLength: 6 }),
);

describe('fast path equals the zod path', () => {
  test.prop([arbPortfolioDocument()])('valid documents', (doc) => {
    expectSamePaths(doc);
  });

  test.prop([arbPortfolioDocument({ numericAmounts: true })])('documents with number amounts (the zod path)', (doc) => {
    expectSamePaths(doc);
  });

  test.prop([arbPortfolioDocument()])('documents in the schema form, as serializePortfolio writes them, take the fast path', (doc) => {
    const r = check(doc, {}, 'schema');
    if (!r.success) return;
    const text = serializePortfolio(r.data);
    expect(isSchemaForm(JSON.parse(text))).toBe(true);
    expectSamePaths(JSON.parse(text));
    expectSamePaths(JSON.parse(text), true);
  });

  test.prop([
    arbPortfolioDocument().chain((doc) => {
      const r = check(doc, {}, 'schema');
      const base = r.success ? (JSON.parse(serializePortfolio(r.data)) as Json) : doc;
      return fc.tuple(fc.constant(base), fc.constantFrom(...places(base)), replacement);
    }),
  ])('documents with one value replaced anywhere', ([doc, path, value]) => {
    expectSamePaths(setAt(doc, path, value));
  });

  test.prop([
    arbPortfolioDocument().chain((doc) => {
      const r = check(doc, {}, 'schema');
      const base = r.success ? (JSON.parse(serializePortfolio(r.data)) as Json) : doc;
      const objects = places(base).filter((p) => {
        let v: unknown = base;
        for (const k of p) v = (v as Record<string | number, unknown>)[k];
        return typeof v === 'object' && v !== null && !Array.isArray(v);
      });
      return fc.tuple(fc.constant(base), fc.constantFrom(...objects), fc.constantFrom('zz', 'id', 'month', '__proto__', 'constructor'));
    }),
  ])('documents with a key added or moved to the end of an object', ([doc, path, key]) => {
    let o: unknown = doc;
    for (const k of path) o = (o as Record<string | number, unknown>)[k];
    const target = o as Record<string, unknown>;
    const value = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : 'v';
    const moved = setAt(doc, path, Object.fromEntries([...Object.entries(target).filter(([k]) => k !== key), [key, value]]));
    expectSamePaths(moved);
  });

  test.prop([
    arbPortfolioDocument().chain((doc) => {
      const r = check(doc, {}, 'schema');
      const base = r.success ? (JSON.parse(serializePortfolio(r.data)) as Json) : doc;
      const keyed = places(base).filter((p) => {
        if (p.length === 0 || typeof p[p.length - 1] !== 'string') return false;
        let v: unknown = base;
        for (const k of p.slice(0, -1)) v = (v as Record<string | number, unknown>)[k];
        return !Array.isArray(v);
      });
      return fc.tuple(fc.constant(base), fc.constantFrom(...keyed));
    }),
  ])('documents with a key removed from an object', ([doc, path]) => {
    const parent = path.slice(0, -1);
    let o: unknown = doc;
    for (const k of parent) o = (o as Record<string | number, unknown>)[k];
    const rest = Object.entries(o as Record<string, unknown>).filter(([k]) => k !== path[path.length - 1]);
    expectSamePaths(setAt(doc, parent, Object.fromEntries(rest)));
  });

  it('generated documents take the fast path and give the same answer', () => {
    for (const seed of [1, 2, 3]) {
      const doc = generatePortfolio({ projects: 60, seed });
      expect(isSchemaForm(doc)).toBe(true);
      expectSamePaths(doc);
    }
  });

  it('the header and project checks match the whole-document check', () => {
    const doc = generatePortfolio({ projects: 3, seed: 9 }) as unknown as Record<string, unknown>;
    const { projects, ...header } = doc;
    expect(isHeaderSchemaForm(header)).toBe(true);
    expect(isHeaderSchemaForm(doc)).toBe(false);
    expect((projects as unknown[]).every(isProjectSchemaForm)).toBe(true);
    expect(isProjectSchemaForm({ ...generateProject({ projects: 1 }, 0), annualPlan: 5 })).toBe(false);
  });
});

describe('safeParsePortfolioText', () => {
  it('reads in place what the zod path returns', () => {
    const doc = generatePortfolio({ projects: 20, seed: 4 });
    const text = JSON.stringify(doc);
    const r = safeParsePortfolioText(`\uFEFF${text}`);
    expect(JSON.stringify(r.success && r.data)).toBe(JSON.stringify(check(doc, {}, 'schema').success && doc));
  });

  it('answers invalid_json at $ for text that is not JSON', () => {
    const r = safeParsePortfolioText('{"format":');
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.path, i.code])).toEqual([['$', 'invalid_json']]);
  });
});

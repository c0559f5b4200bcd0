// The part-by-part fallback of safeParseStructure finds the issues zod finds, with the same codes and paths.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { issuesPartByPart, safeParseStructure } from './_safeParse.js';

const item = z.strictObject({ id: z.string(), n: z.number().int().optional(), tags: z.array(z.string()).optional() });
const shape = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('a'), a: z.number() }),
  z.strictObject({ kind: z.literal('c'), list: z.array(z.number()) }),
]);
const schema = z.strictObject({
  name: z.string(),
  items: z.array(item),
  map: z.record(z.string().regex(/^k\d+$/), z.number()),
  maybe: z.array(z.number()).nullable().optional(),
  withDefault: z.array(z.number()).default([]),
  ro: z.array(z.string()).readonly(),
  shape,
});

type Issue = z.core.$ZodIssue;
// Codes, paths and unknown keys: what a caller of either path sees (zod's messages are replaced later).
const seen = (issues: readonly Issue[]): string[] =>
  issues.map((i) => JSON.stringify([i.code, i.path, 'keys' in i ? i.keys : null])).sort();
const zodIssues = (value: unknown): Issue[] => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues;
};

// A valid document of the test schema, with `n` list entries and `k` record entries.
function valid(n: number, k: number): Record<string, unknown> {
  return {
    name: 'x',
    items: Array.from({ length: n }, (_, i) => ({ id: `i${String(i)}`, n: i, tags: ['t'] })),
    map: Object.fromEntries(Array.from({ length: k }, (_, i) => [`k${String(i)}`, i])),
    maybe: null,
    ro: ['r'],
    shape: { kind: 'c', list: Array.from({ length: n }, (_, i) => i) },
  };
}

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 3 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant({}),
  fc.constant([1]),
);

// Damage: put junk at a path of the document (created when missing).
const damage = fc.oneof(
  fc.tuple(fc.constant('items'), fc.nat(), fc.constantFrom('id', 'n', 'tags', 'extra', ''), junk),
  fc.tuple(fc.constant('map'), fc.nat(), fc.constantFrom('key', 'value', 'both'), junk),
  fc.tuple(fc.constant('shape'), fc.nat(), fc.constantFrom('kind', 'a', 'list', 'extra'), junk),
  fc.tuple(fc.constant('top'), fc.nat(), fc.constantFrom('name', 'items', 'map', 'maybe', 'withDefault', 'ro', 'shape', 'extra'), junk),
);

const rec = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

// The generated value is copied: fast-check hands the same values again while it shrinks.
function apply(doc: Record<string, unknown>, [where, at, field, generated]: [string, number, string, unknown]): void {
  const value: unknown = structuredClone(generated);
  const items = doc['items'];
  const map = rec(doc['map']);
  const sh = rec(doc['shape']);
  if (where === 'items' && Array.isArray(items) && items.length > 0) {
    const i = at % items.length;
    const it = rec(items[i]);
    if (field === '' || it === undefined) items[i] = value;
    else it[field] = value;
  } else if (where === 'map' && map) {
    const keys = Object.keys(map);
    if (field === 'value' && keys.length > 0) map[keys[at % keys.length] as string] = value;
    else map[field === 'key' ? `bad${String(at)}` : `x${String(at)}`] = value;
  } else if (where === 'shape' && sh) {
    const list = sh['list'];
    if (field === 'list' && Array.isArray(list) && list.length > 0) list[at % list.length] = value;
    else sh[field] = value;
  } else if (where === 'top') doc[field] = value;
}

describe('issuesPartByPart', () => {
  test.prop([fc.nat({ max: 2_500 }), fc.nat({ max: 2_500 }), fc.array(damage, { maxLength: 6 })])(
    'finds the codes and paths zod finds, on small and long lists and records',
    (n, k, damages) => {
      const doc = valid(n, k);
      for (const d of damages) apply(doc, d);
      const parts = issuesPartByPart(schema, doc);
      expect(parts).toBeDefined();
      expect(seen(parts ?? [])).toEqual(seen(zodIssues(doc)));
    },
  );

  it('renumbers the issues of a long list to their place in the whole list', () => {
    const doc = valid(3_500, 0);
    const items = doc['items'] as Record<string, unknown>[];
    for (const i of [0, 999, 1_000, 1_001, 2_345, 3_499]) (items[i] as Record<string, unknown>)['n'] = 'x';
    expect((issuesPartByPart(schema, doc) ?? []).map((i) => i.path)).toEqual(
      [0, 999, 1_000, 1_001, 2_345, 3_499].map((i) => ['items', i, 'n']),
    );
  });

  it('reports the unknown keys of a strict object, and each bad key and value of a long record', () => {
    const doc: Record<string, unknown> = { ...valid(0, 2_500), extra: 1, more: 2 };
    const map = doc['map'] as Record<string, unknown>;
    map['k7'] = 'seven';
    map['bad'] = 1;
    const issues = issuesPartByPart(schema, doc) ?? [];
    expect(seen(issues)).toEqual(seen(zodIssues(doc)));
    expect(issues.find((i) => i.code === 'unrecognized_keys')).toMatchObject({ path: [], keys: ['extra', 'more'] });
    expect(issues.filter((i) => i.path[0] === 'map').map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['invalid_type', ['map', 'k7']],
        ['invalid_key', ['map', 'bad']],
      ]),
    );
  });

  it('takes a record with an own "__proto__" key apart as zod reads it, polluting no prototype', () => {
    const doc = valid(0, 1_500);
    Object.defineProperty(doc['map'], '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
    (doc['map'] as Record<string, unknown>)['k3'] = 'three';
    const issues = issuesPartByPart(schema, doc) ?? [];
    expect(seen(issues)).toEqual(seen(zodIssues(doc)));
    expect(issues.map((i) => i.path)).toContainEqual(['map', 'k3']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('follows the option a discriminator names, down to a long list inside it', () => {
    const doc = valid(2_600, 0);
    ((doc['shape'] as Record<string, unknown>)['list'] as unknown[])[2_050] = 'x';
    expect((issuesPartByPart(schema, doc) ?? []).map((i) => [i.code, i.path])).toEqual([['invalid_type', ['shape', 'list', 2_050]]]);
  });

  it('goes through optional, nullable, default and readonly wrappers', () => {
    const doc = { ...valid(0, 0), maybe: [1, 'a'], withDefault: ['b'], ro: [3] };
    expect((issuesPartByPart(schema, doc) ?? []).map((i) => i.path).sort()).toEqual([
      ['maybe', 1],
      ['ro', 0],
      ['withDefault', 0],
    ]);
    for (const wrapped of [
      z.array(z.number()).optional(),
      z.array(z.number()).nullable(),
      z.array(z.number()).default([]),
      z.array(z.number()).readonly(),
    ]) {
      expect(issuesPartByPart(wrapped, [1, 'a'])?.map((i) => i.path)).toEqual([[1]]);
      expect(issuesPartByPart(wrapped, undefined)).toBeUndefined();
      expect(issuesPartByPart(wrapped, null)).toBeUndefined();
    }
  });

  it('does not split a leaf, a value of the wrong type or a union without a matching option', () => {
    expect(issuesPartByPart(z.string(), 1)).toBeUndefined();
    expect(issuesPartByPart(schema, [])).toBeUndefined();
    expect(issuesPartByPart(schema, 'x')).toBeUndefined();
    expect(issuesPartByPart(z.array(z.number()), {})).toBeUndefined();
    expect(issuesPartByPart(z.record(z.string(), z.number()), [1])).toBeUndefined();
    expect(issuesPartByPart(shape, { kind: 'z' })).toBeUndefined();
    expect(issuesPartByPart(shape, ['a'])).toBeUndefined();
    expect(issuesPartByPart(z.union([z.string(), z.number()]), { kind: 'a' })).toBeUndefined();
  });

  it('checks a record of one entry by its value alone', () => {
    const r = z.record(z.string(), z.array(z.number()));
    expect(issuesPartByPart(r, { only: [1, 'x'] })?.map((i) => [i.code, i.path])).toEqual([['invalid_type', ['only', 1]]]);
    expect(issuesPartByPart(r, { a: ['x'], b: [2, 'y'] })?.map((i) => i.path)).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
  });
});

describe('safeParseStructure', () => {
  it('is safeParse when zod does not overflow', () => {
    expect(safeParseStructure(schema, valid(3, 3))).toMatchObject({ success: true, data: { withDefault: [] } });
    const bad = { ...valid(3, 0), name: 1 };
    const r = safeParseStructure(schema, bad);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues).toEqual(zodIssues(bad));
  });

  it('gathers every issue of a list too long for zod, part by part', () => {
    // zod overflows the stack handing 300 000 issues of an inner list up to the outer one (how many it
    // takes depends on the stack size; the result is the same either way).
    const nested = z.strictObject({ a: z.array(z.strictObject({ values: z.array(z.number()) })) });
    const values = Array.from({ length: 300_000 }, () => 'x');
    const r = safeParseStructure(nested, { a: [{ values }] });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.issues).toHaveLength(300_000);
      expect(r.issues[0]?.path).toEqual(['a', 0, 'values', 0]);
      expect(r.issues[299_999]?.path).toEqual(['a', 0, 'values', 299_999]);
      expect(new Set(r.issues.map((i) => i.code))).toEqual(new Set(['invalid_type']));
    }
  });

  it('takes the document apart when zod overflows, checking each part on its own', () => {
    // A refinement of the whole that overflows stands for zod running out of stack on a huge document.
    const overflowing = z.strictObject({ name: z.string(), items: z.array(item) }).superRefine(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const r = safeParseStructure(overflowing, { name: 1, items: [{ id: 'a' }, { id: 2 }], extra: true });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([
        ['invalid_type', ['name']],
        ['invalid_type', ['items', 1, 'id']],
        ['unrecognized_keys', []],
      ]);
  });

  it('rethrows what it cannot take apart, and every error other than a stack overflow', () => {
    const boom = z.string().transform(() => {
      throw new TypeError('boom');
    });
    expect(() => safeParseStructure(boom, 'x')).toThrow(TypeError);
    const deep = z.unknown().transform(() => {
      throw new RangeError('deep');
    });
    expect(() => safeParseStructure(deep, 'x')).toThrow(RangeError);
  });
});

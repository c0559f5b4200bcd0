// Hostile values and ways to plant them in a document, shared by the hostile suites.
import fc from 'fast-check';
import { arbPortfolioDocument, type RawPortfolioDocument } from '../arbitraries/portfolio.js';

export type Segment = string | number;
export type Path = readonly Segment[];

/** A small valid document with every kind of record (fixed seed, so the sweeps are reproducible). */
export function smallDocument(seed = 2018): RawPortfolioDocument {
  const [doc] = fc.sample(arbPortfolioDocument({ withSupervisionRecords: true, maxProjects: 2 }), { numRuns: 1, seed });
  if (doc === undefined) throw new Error('no document');
  return doc;
}

/** JSON text of an array nested `depth` levels deep around `inner`. */
export function deepArrayText(depth: number, inner = ''): string {
  return `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

/** JSON text of an object nested `depth` levels deep (`{"a":{"a":…}}`) around `inner`. */
export function deepObjectText(depth: number, inner = '1'): string {
  return `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;
}

/** JSON text whose `__proto__`, `constructor` and `prototype` keys `JSON.parse` makes own properties. */
export const PROTO_TEXTS: readonly string[] = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
  '{"__proto__":null}',
  '{"__proto__":"2025-01-01"}',
  '{"__proto__":[{"polluted":"yes"}]}',
];

/** A null-prototype object with the given own entries. */
export function bare(entries: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, entries);
}

const DEEP = 10_000;

/** Hostile JSON texts, by name: what a database export may hold where a value belongs. */
export const JSON_HOSTILE_TEXTS: ReadonlyMap<string, string> = new Map<string, string>([
  ['deep array', deepArrayText(DEEP)],
  ['deep array around a date', deepArrayText(DEEP, '"2025-01-01"')],
  ['deep object', deepObjectText(DEEP)],
  ...PROTO_TEXTS.map((t): [string, string] => [t, t]),
  ['1e308', '1e308'],
  ['-0', '-0'],
  ['1e-400 (reads as 0)', '1e-400'],
  ['1e21', '1e21'],
  ['1e400 (reads as Infinity)', '1e400'],
  ['MAX_VALUE', '1.7976931348623157e308'],
  ['MIN_VALUE', '5e-324'],
  ['-1', '-1'],
  ['1.5', '1.5'],
  ['2^53 + 1', '9007199254740993'],
  ['40 digits', '"1234567890123456789012345678901234567890"'],
  ['40 digits, negative', '"-9999999999999999999999999999999999999999"'],
  ['40 fractional digits', `"0.${'1'.repeat(40)}"`],
  ['40-digit number', '1234567890123456789012345678901234567890'],
  ...['2025-02-29', '0000-01-01', '2025-1-5', '2025-13-01', '9999-12-31', '0001-01-01'].map((d): [string, string] => [d, `"${d}"`]),
  ...['2025-00', '2025-13', '0000-01', '9999-12', '2025Q0', '2025Q5', '9999Q4'].map((d): [string, string] => [d, `"${d}"`]),
  ['lone high surrogate', '"\ud800"'],
  ['lone low surrogate', '"\udc00"'],
  ['id with a lone surrogate', '"P-\ud800"'],
  ['BOM', '"\ufeff"'],
  ['BOM-prefixed id', '"\ufeffP-1"'],
  ['empty string', '""'],
  ['"__proto__"', '"__proto__"'],
  ['"constructor"', '"constructor"'],
  ['"prototype"', '"prototype"'],
  ['"toString"', '"toString"'],
  ['100 kB of digits', `"${'9'.repeat(100_000)}"`],
  ['100 kB of text', `"${'市'.repeat(100_000)}"`],
  ['null', 'null'],
  ['true', 'true'],
  ['empty array', '[]'],
  ['empty object', '{}'],
  ['1000 nulls', `[${Array<string>(1000).fill('null').join(',')}]`],
]);

/** The same hostile values, parsed. Built once: they are read, never written. */
export const JSON_HOSTILE: ReadonlyMap<string, unknown> = new Map(
  [...JSON_HOSTILE_TEXTS].map(([name, text]): [string, unknown] => [name, JSON.parse(text)]),
);

/** Values JSON cannot carry, passed to the library directly. */
export const NON_JSON_HOSTILE: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['undefined', undefined],
  ['bigint', 2n ** 70n],
  ['symbol', Symbol('hostile')],
  ['function', () => 'hostile'],
  ['null-prototype object', bare({ id: 'P-x', polluted: 'yes' })],
  ['empty null-prototype object', bare()],
  ['Map', new Map<unknown, unknown>([['id', 'P-x']])],
  ['Set', new Set(['P-x'])],
  ['Date', new Date(Number.NaN)],
  ['boxed string', Object('2025-01-01') as unknown],
  ['boxed number', Object(5) as unknown],
  ['typed array', new Uint8Array(4)],
  ['sparse array', Array<unknown>(5)],
  ['regular expression', /x/],
  ['proxy', new Proxy({}, {})],
]);

/** Every hostile value. */
export const ALL_HOSTILE: ReadonlyMap<string, unknown> = new Map([...JSON_HOSTILE, ...NON_JSON_HOSTILE]);

/** Every path to a value in `value`, the root first. */
export function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  }
  return out;
}

const SENTINEL = 'HOSTILE-SENTINEL-7f3a';

/**
 * The JSON text of `doc` with the raw JSON text `raw` at `path` (a new key when the path does not
 * exist yet): values `JSON.stringify` cannot write back, such as 10 000 levels of nesting or `-0`.
 */
export function textWith(doc: unknown, path: Path, raw: string): string {
  if (path.length === 0) return raw;
  return JSON.stringify(replaceAt(doc, path, SENTINEL)).replace(`"${SENTINEL}"`, () => raw);
}

/** A copy of `doc` with the value at `path` replaced (the root replaced is the value itself). */
export function replaceAt(doc: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(doc) as Record<Segment, unknown>;
  let parent: Record<Segment, unknown> = copy;
  for (const s of path.slice(0, -1)) parent = parent[s] as Record<Segment, unknown>;
  parent[path[path.length - 1] as Segment] = value;
  return copy;
}

/** The value at `path`. */
export function valueAt(doc: unknown, path: Path): unknown {
  let v = doc;
  for (const s of path) v = (v as Record<Segment, unknown>)[s];
  return v;
}

/**
 * JSON text of `value` with the raw JSON text `extra` spliced in as the first member of the object at
 * `target` (every object when `target` is undefined): the way to give `JSON.parse` an own `__proto__`.
 */
export function textWithMembers(value: unknown, extra: string, target?: Path, at: Path = []): string {
  if (Array.isArray(value)) return `[${value.map((v, i) => textWithMembers(v, extra, target, [...at, i])).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${textWithMembers(v, extra, target, [...at, k])}`);
    const here = target === undefined || (target.length === at.length && target.every((s, i) => s === at[i]));
    return `{${[...(here ? [extra] : []), ...members].join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Arbitrary hostile values: the fixed list, arbitrary JSON and arbitrary JavaScript values. */
export const arbHostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ALL_HOSTILE.values()),
  fc.jsonValue(),
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    stringUnit: 'binary',
  }),
);

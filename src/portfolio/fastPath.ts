import type * as z from 'zod';
import { defOf, type ZodDef } from '../_lib/zodDef.js';
import { isCalendarDate, isQuarter, isYearMonth } from '../calendar/index.js';
import { isCanonicalText } from '../money/amount.js';
import { amountSchema, dateSchema, monthSchema, nonNegativeAmountSchema, quarterSchema } from '../policy/_primitives.js';
import { headerSchema, portfolioSchema, projectSchema } from './schema.js';

// The fast path of validation. `schema.ts` (zod) reads any valid document and reports every problem; most
// documents, though, are already in the form it would return: every key known and in the schema's order,
// every amount a canonical decimal string. For those, zod's output equals the input value, so checking
// that form is enough — and a plain walk over the value is several times faster than zod building a copy.
// A document that is not in that form (an unknown key, a number amount, `"1.50"`, keys in another order, a
// problem of any kind) takes the zod path, which gives the issues. The two paths give equal results:
// see fastPath.test.ts.
//
// The walk is derived from the zod schemas when this module loads, as zod derives its own fast path: the
// document's shape is written once, in schema.ts. A construct the derivation does not know throws here,
// at load, rather than letting the two paths drift apart.

type Node =
  | { readonly t: 'string'; readonly min: number; readonly max: number }
  | { readonly t: 'bool' | 'date' | 'month' | 'quarter' | 'amount' | 'nonNegative' }
  | { readonly t: 'enum'; readonly values: ReadonlySet<unknown> }
  | { readonly t: 'int'; readonly min: number; readonly max: number }
  | { readonly t: 'array'; readonly of: Node }
  | { readonly t: 'record'; readonly key: Node; readonly of: Node }
  | { readonly t: 'object'; readonly keys: readonly string[]; readonly nodes: readonly Node[]; readonly required: readonly boolean[] };

// The custom leaves of the schema (transforms, which zod cannot describe), known by identity.
const LEAVES: ReadonlyMap<unknown, Node> = new Map<unknown, Node>([
  [dateSchema, { t: 'date' }],
  [monthSchema, { t: 'month' }],
  [quarterSchema, { t: 'quarter' }],
  [amountSchema, { t: 'amount' }],
  [nonNegativeAmountSchema, { t: 'nonNegative' }],
]);

// The bounds a schema's checks put on a length or a value.
function bounds(def: ZodDef, low: number, high: number): { readonly min: number; readonly max: number } {
  let min = low;
  let max = high;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length' && d.minimum !== undefined) min = Math.max(min, d.minimum);
    else if (d.check === 'max_length' && d.maximum !== undefined) max = Math.min(max, d.maximum);
    else if (d.check === 'greater_than' && d.value !== undefined && d.inclusive === true) min = Math.max(min, d.value);
    else if (d.check === 'less_than' && d.value !== undefined && d.inclusive === true) max = Math.min(max, d.value);
    else throw new Error(`fastPath: no walk for the check ${d.check}`);
  }
  return { min, max };
}

// The node of a schema, and whether a key holding it may be left out.
function derive(schema: z.ZodType): { readonly node: Node; readonly optional: boolean } {
  const leaf = LEAVES.get(schema);
  if (leaf !== undefined) return { node: leaf, optional: false };
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
      return { node: derive(def.innerType as z.ZodType).node, optional: true };
    case 'string':
      return { node: { t: 'string', ...bounds(def, 0, Number.POSITIVE_INFINITY) }, optional: false };
    case 'boolean':
      return { node: { t: 'bool' }, optional: false };
    case 'number':
      if (def.format !== 'safeint') throw new Error(`fastPath: no walk for the number format ${String(def.format)}`);
      return { node: { t: 'int', ...bounds(def, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) }, optional: false };
    case 'enum':
      return { node: { t: 'enum', values: new Set(Object.values(def.entries ?? {})) }, optional: false };
    case 'literal':
      return { node: { t: 'enum', values: new Set(def.values) }, optional: false };
    case 'array':
      return { node: { t: 'array', of: derive(def.element as z.ZodType).node }, optional: false };
    case 'record':
      return {
        node: { t: 'record', key: derive(def.keyType as z.ZodType).node, of: derive(def.valueType as z.ZodType).node },
        optional: false,
      };
    case 'object': {
      const entries = Object.entries(def.shape ?? {}).map(([k, v]) => [k, derive(v)] as const);
      return {
        node: {
          t: 'object',
          keys: entries.map(([k]) => k),
          nodes: entries.map(([, d]) => d.node),
          required: entries.map(([, d]) => !d.optional),
        },
        optional: false,
      };
    }
    default:
      throw new Error(`fastPath: no walk for the zod type ${def.type}`);
  }
}

// A canonical amount, exactly as safeParseAmount writes it (no leading zeros, no trailing fraction zeros,
// no sign on zero, at most 18 integer and 10 fraction digits), read character by character.
function isCanonical(v: unknown, nonNegative: boolean): boolean {
  if (typeof v !== 'string') return false;
  return isCanonicalText(v) && !(nonNegative && v.charCodeAt(0) === 45);
}

type Check = (v: unknown) => boolean;

const isBool: Check = (v) => typeof v === 'boolean';
const isAmount: Check = (v) => isCanonical(v, false);
const isNonNegative: Check = (v) => isCanonical(v, true);

// A node as a function that checks a value against it: built once, so that the walk over a document does
// not dispatch on node kinds at every value.
function compile(node: Node): Check {
  switch (node.t) {
    case 'string': {
      const { min, max } = node;
      return (v) => typeof v === 'string' && v.length >= min && v.length <= max;
    }
    case 'bool':
      return isBool;
    case 'date':
      return isCalendarDate;
    case 'month':
      return isYearMonth;
    case 'quarter':
      return isQuarter;
    case 'amount':
      return isAmount;
    case 'nonNegative':
      return isNonNegative;
    case 'enum': {
      const values = node.values;
      return (v) => typeof v === 'string' && values.has(v);
    }
    case 'int': {
      const { min, max } = node;
      return (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    }
    case 'array': {
      const of = compile(node.of);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i += 1) if (!of(v[i])) return false;
        return true;
      };
    }
    case 'record': {
      const key = compile(node.key);
      const of = compile(node.of);
      return (v) => {
        if (!isPlainObject(v)) return false;
        for (const k in v) {
          if (k === '__proto__' || !key(k) || !of(v[k])) return false;
        }
        return true;
      };
    }
    case 'object':
      return compileObject(node);
  }
}

// Every key known, present keys in the shape's order, required keys present, no undefined values.
function compileObject(node: {
  readonly keys: readonly string[];
  readonly nodes: readonly Node[];
  readonly required: readonly boolean[];
}): Check {
  const { keys, required } = node;
  const checks = node.nodes.map(compile);
  const n = keys.length;
  return (v) => {
    if (!isPlainObject(v)) return false;
    let next = 0;
    for (const k in v) {
      // k must come at or after `next` in the shape's order, found by stepping along it (a key in order is
      // the next one or a few further on); a required key stepped over is missing, a key not found is
      // unknown or out of order.
      let i = next;
      while (i < n && keys[i] !== k) {
        if (required[i] === true) return false;
        i += 1;
      }
      if (i === n || !(checks[i] as Check)(v[k])) return false;
      next = i + 1;
    }
    for (let j = next; j < n; j += 1) if (required[j] === true) return false;
    return true;
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const fitsPortfolio = compile(derive(portfolioSchema).node);
const fitsHeader = compile(derive(headerSchema).node);
const fitsProject = compile(derive(projectSchema).node);

/** Whether a whole portfolio document is already in the form the schema returns (see the note above). */
export function isSchemaForm(input: unknown): boolean {
  return fitsPortfolio(input);
}

/** Whether the document without its projects is already in the schema's form. */
export function isHeaderSchemaForm(input: unknown): boolean {
  return fitsHeader(input);
}

/** Whether one project is already in the schema's form. */
export function isProjectSchemaForm(input: unknown): boolean {
  return fitsProject(input);
}

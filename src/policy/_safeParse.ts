import type * as z from 'zod';
import { defOf } from '../_lib/zodDef.js';

type Issue = z.core.$ZodIssue;
type Key = string | number;

/** Result of {@link safeParseStructure}: the parsed value, or zod's issues. */
export type StructureResult<T> =
  { readonly success: true; readonly data: T } | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * `schema.safeParse(input)`, made total. zod hands a list element's issues on with `push(...issues)`,
 * which overflows the stack past about 100 000 issues (a list of a million bad entries inside a
 * project); then the parts are checked one by one, each small enough, and their issues gathered. Only
 * object refinements and size checks of the parts taken apart are lost, on a document that fails anyway.
 */
export function safeParseStructure<T>(schema: z.ZodType<T>, input: unknown): StructureResult<T> {
  try {
    const r = schema.safeParse(input);
    return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const issues = issuesPartByPart(schema, input);
    if (issues === undefined) throw e;
    return { success: false, issues };
  }
}

/**
 * The issues of `input` found by checking its parts one by one (the fallback of
 * {@link safeParseStructure}), or undefined when `schema` does not split at the top (a leaf, or a value
 * of the wrong type). On a schema without object refinements they are the issues of `safeParse`.
 */
export function issuesPartByPart(schema: z.ZodType, input: unknown): Issue[] | undefined {
  const issues: Issue[] = [];
  return takeApart(schema, input, [], issues) ? issues : undefined;
}

// A part of at most this many values yields at most ~10 issues a value: well within any engine's limit.
const SMALL = 2_000;
// Long lists and records are checked this many entries at a time.
const CHUNK = 1_000;

function collect(schema: z.ZodType, value: unknown, path: readonly Key[], out: Issue[]): void {
  if (isLarge(value) && takeApart(schema, value, path, out)) return;
  let r: ReturnType<z.ZodType['safeParse']>;
  try {
    r = schema.safeParse(value);
  } catch (e) {
    if (e instanceof RangeError && takeApart(schema, value, path, out)) return;
    throw e;
  }
  if (!r.success) for (const issue of r.error.issues) out.push({ ...issue, path: [...path, ...issue.path] });
}

/** Check the parts of `value` one by one; false when `schema` does not split (a leaf, or the wrong type). */
function takeApart(schema: z.ZodType, value: unknown, path: readonly Key[], out: Issue[]): boolean {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      if (value === undefined || value === null || !def.innerType) return false;
      collect(def.innerType, value, path, out);
      return true;
    case 'array': {
      if (!Array.isArray(value) || !def.element) return false;
      const element = def.element;
      if (value.length <= CHUNK) for (let i = 0; i < value.length; i++) collect(element, value[i], [...path, i], out);
      else for (let i = 0; i < value.length; i += CHUNK) collectSlice(schema, value.slice(i, i + CHUNK), i, path, out);
      return true;
    }
    case 'object': {
      if (!isRecord(value) || !def.shape) return false;
      const shape = def.shape;
      for (const k of Object.keys(shape)) collect(shape[k] as z.ZodType, value[k], [...path, k], out);
      if (def.catchall && defOf(def.catchall).type === 'never') {
        const keys = Object.keys(value).filter((k) => !Object.prototype.hasOwnProperty.call(shape, k));
        if (keys.length > 0) out.push({ code: 'unrecognized_keys', keys, path: [...path], message: '' });
      }
      return true;
    }
    case 'record': {
      if (!isRecord(value) || !def.valueType) return false;
      const keys = Object.keys(value);
      // Smaller and smaller records keep the key checks; a single entry still too large loses only them.
      if (keys.length === 1) collect(def.valueType, value[keys[0] as string], [...path, keys[0] as string], out);
      else if (keys.length <= CHUNK) for (const k of keys) collect(schema, { [k]: value[k] }, path, out);
      else for (let i = 0; i < keys.length; i += CHUNK) collect(schema, pick(value, keys.slice(i, i + CHUNK)), path, out);
      return true;
    }
    case 'union': {
      const disc = def.discriminator;
      if (disc === undefined || !isRecord(value)) return false;
      const option = def.options?.find((o) => defOf(o).shape?.[disc]?.safeParse(value[disc]).success === true);
      if (!option) return false;
      collect(option, value, path, out);
      return true;
    }
    default:
      return false;
  }
}

// A slice of a long list, checked whole when small enough; its issues renumbered to the full list.
function collectSlice(schema: z.ZodType, slice: readonly unknown[], start: number, path: readonly Key[], out: Issue[]): void {
  const issues: Issue[] = [];
  collect(schema, slice, [], issues);
  for (const issue of issues) {
    const [index, ...rest] = issue.path;
    out.push({ ...issue, path: [...path, typeof index === 'number' ? index + start : (index as Key), ...rest] });
  }
}

function pick(value: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Own data properties, as JSON.parse makes them: an own "__proto__" stays a key, not a prototype.
  for (const k of keys) Object.defineProperty(out, k, { value: value[k], enumerable: true, writable: true, configurable: true });
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether `value` holds more than {@link SMALL} values (counted without recursion: it may be deep). */
function isLarge(value: unknown): boolean {
  const stack: unknown[] = [value];
  let seen = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    seen += 1;
    if (seen > SMALL) return true;
    if (Array.isArray(v)) {
      if (v.length > SMALL) return true;
      for (const x of v) stack.push(x);
    } else if (isRecord(v)) {
      const keys = Object.keys(v);
      if (keys.length > SMALL) return true;
      for (const k of keys) stack.push(v[k]);
    }
  }
  return false;
}

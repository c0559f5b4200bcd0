import type * as z from 'zod';
import { defOf } from '../_lib/zodDef.js';
import { makeIssue, type ValidationIssue } from '../validation.js';

/**
 * Keys of `value` that `schema` does not declare, walking objects, arrays, records and optionals: the
 * data keeps them (objects are loose), the caller reports them as warnings.
 */
// An own `__proto__` key cannot be kept: a consumer copying the data with `{ ...x }` or `Object.assign`
// would set a prototype from it. It is reported and left out of the data (docs/decisions.md D28).
const PROTO_DROPPED = {
  zh: '未知字段 "__proto__"(已舍弃:此名称无法安全保留)',
  en: 'unknown key "__proto__" (dropped: the name cannot be kept safely)',
} as const;

export function unknownKeys(
  schema: z.ZodType,
  value: unknown,
  segments: (string | number)[] = [],
  out: ValidationIssue[] = [],
): ValidationIssue[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      if (def.innerType) unknownKeys(def.innerType, value, segments, out);
      break;
    case 'pipe':
      if (def.in) unknownKeys(def.in, value, segments, out);
      break;
    case 'array':
      if (Array.isArray(value) && def.element) {
        value.forEach((v, i) => unknownKeys(def.element as z.ZodType, v, [...segments, i], out));
      }
      break;
    case 'record':
      if (isRecord(value) && def.valueType) {
        for (const k of Object.keys(value)) unknownKeys(def.valueType, value[k], [...segments, k], out);
      }
      break;
    case 'object':
      if (isRecord(value) && def.shape) {
        const shape = def.shape;
        for (const k of Object.keys(value)) {
          const child = Object.prototype.hasOwnProperty.call(shape, k) ? shape[k] : undefined;
          if (child) unknownKeys(child, value[k], [...segments, k], out);
          else if (k === '__proto__') out.push(makeIssue([...segments, k], 'unknown_key', PROTO_DROPPED));
          else out.push(makeIssue([...segments, k], 'unknown_key', { zh: `未知字段 "${k}"(已保留)`, en: `unknown key "${k}" (kept)` }));
        }
      }
      break;
    default:
      break;
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

import { fromZodIssues } from '../_lib/zodIssues.js';
import { makeIssue, sortIssues, ValidationError, type ValidationIssue } from '../validation.js';
import { PRESETS, type PresetId } from './presets/index.js';
import { safeParseStructure } from './_safeParse.js';
import { policySchema } from './schema.js';
import type { Policy } from './types.js';

/**
 * Result of {@link safeParsePolicy}.
 * @example
 * ```ts
 * const r: SafeParsePolicyResult = safeParsePolicy('sanya');
 * ```
 * @category Policy
 */
export type SafeParsePolicyResult =
  | {
      /** The input is a valid policy. */
      readonly success: true;
      /** 政策参数 — the complete policy. */
      readonly data: Policy;
    }
  | {
      /** The input is not a valid policy. */
      readonly success: false;
      /** 错误 — the error carrying every issue found. */
      readonly error: ValidationError;
    };

/**
 * Whether a string names a preset.
 * @example
 * ```ts
 * isPresetId('handan-2018'); //=> true
 * ```
 * @category Policy
 */
export function isPresetId(value: unknown): value is PresetId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PRESETS, value);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Objects merge key by key; arrays and scalars replace. Every key of the patch stays an own data
// property, so that "__proto__", "constructor" or "prototype" is reported as an unknown key, as it is
// in a complete policy, and never reaches a prototype.
function merge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const value = merge(Object.prototype.hasOwnProperty.call(base, k) ? base[k] : undefined, v);
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Read a policy (政策参数) without throwing: a preset id, a complete policy, or a partial one that
 * names the preset it `extends` (objects merge key by key, arrays replace).
 *
 * @example
 * ```ts
 * const r = safeParsePolicy({ extends: 'handan-2018', interview: { twice: 'consecutive' } });
 * r.success && r.data.interview.twice; //=> 'consecutive'
 * ```
 * @category Policy
 */
export function safeParsePolicy(input: unknown): SafeParsePolicyResult {
  if (typeof input === 'string') {
    if (isPresetId(input)) return { success: true, data: PRESETS[input] };
    return { success: false, error: new ValidationError([unknownPreset([], input)]) };
  }
  let candidate: unknown = input;
  if (isPlainObject(input) && 'extends' in input) {
    const { extends: base, ...rest } = input;
    if (!isPresetId(base)) return { success: false, error: new ValidationError([unknownPreset(['extends'], base)]) };
    candidate = merge(PRESETS[base], rest);
  }
  const r = safeParseStructure(policySchema, candidate);
  if (r.success) return { success: true, data: r.data };
  const issues: ValidationIssue[] = sortIssues(fromZodIssues(r.issues, candidate));
  return { success: false, error: new ValidationError(issues) };
}

function unknownPreset(segments: (string | number)[], value: unknown): ValidationIssue {
  const names = Object.keys(PRESETS).join(', ');
  // Never String() an object: a null-prototype one throws, a deeply nested array overflows the stack.
  const shown = typeof value === 'object' && value !== null ? (Array.isArray(value) ? 'array' : 'object') : String(value);
  return makeIssue(segments, 'unknown_preset', {
    zh: `未知的预设:${shown}(可选:${names})`,
    en: `unknown preset: ${shown} (one of ${names})`,
  });
}

/**
 * Read a policy, throwing on invalid input.
 *
 * @throws {@link ValidationError} with every issue when the input is not a valid policy.
 * @example
 * ```ts
 * parsePolicy('yinchuan').colour.scale.length; //=> 3
 * ```
 * @category Policy
 */
export function parsePolicy(input: unknown): Policy {
  const r = safeParsePolicy(input);
  if (!r.success) throw r.error;
  return r.data;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

const PRESET_KEYS: ReadonlyMap<string, PresetId> = new Map((Object.keys(PRESETS) as PresetId[]).map((id) => [canonical(PRESETS[id]), id]));

/**
 * The preset a policy is, or `"custom"` when it differs from every preset in any field.
 * @example
 * ```ts
 * policyIdOf(HANDAN_2018); //=> 'handan-2018'
 * policyIdOf({ ...HANDAN_2018, approval: { warnDays: 60 } }); //=> 'custom'
 * ```
 * @category Policy
 */
export function policyIdOf(policy: Policy): PresetId | 'custom' {
  return PRESET_KEYS.get(canonical(withDefaults(policy))) ?? 'custom';
}

// A policy that leaves out a key added later with a default means that default: the ranking's `ties`,
// `compareOn` and `rateDecimals` (a policy written before they existed is still its preset).
function withDefaults(p: Policy): Policy {
  const r = p.ranking;
  return { ...p, ranking: { ...r, ties: r.ties ?? 'competition', compareOn: r.compareOn ?? 'exact', rateDecimals: r.rateDecimals ?? 2 } };
}

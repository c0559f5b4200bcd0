import type * as z from 'zod';
import type { LocalizedText } from '../errors.js';
import { makeIssue, type IssueCode, type ValidationIssue } from '../validation.js';

/** Data a custom zod check attaches so the issue keeps our code and bilingual message. */
export interface CustomIssueParams {
  readonly code: IssueCode;
  readonly message: LocalizedText;
}

function show(v: unknown): string {
  const s =
    typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' && v !== null ? (Array.isArray(v) ? 'array' : 'object') : String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

const TYPE_ZH: Readonly<Record<string, string>> = {
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
};

/** Turn zod issues into ours: our code, a JSONPath and a zh/en message. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const segments = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'custom') {
      const params = issue.params as CustomIssueParams | undefined;
      if (params) out.push(makeIssue(segments, params.code, params.message));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        out.push(makeIssue([...segments, k], 'unknown_key', { zh: `未知字段 "${k}"`, en: `unknown key "${k}"` }));
      }
      continue;
    }
    if (issue.code === 'invalid_union') {
      // Our unions are discriminated by shape; report the branch errors of the closest branch.
      const branches = issue.errors;
      const best = branches.reduce<readonly z.core.$ZodIssue[] | undefined>(
        (a, b) => (a === undefined || b.length < a.length ? b : a),
        undefined,
      );
      if (best && best.length > 0) {
        out.push(
          ...fromZodIssues(
            best.map((b) => ({ ...b, path: [...issue.path, ...b.path] })),
            input,
          ),
        );
      } else {
        out.push(makeIssue(segments, 'invalid_value', { zh: '值不符合任何允许的形式', en: 'the value matches none of the allowed forms' }));
      }
      continue;
    }
    out.push(convert(issue, segments, valueAt(input, segments)));
  }
  return out;
}

function valueAt(input: unknown, segments: readonly (string | number)[]): unknown {
  let v: unknown = input;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, s) ? (v as Record<string | number, unknown>)[s] : undefined;
  }
  return v;
}

function convert(issue: z.core.$ZodIssue, segments: readonly (string | number)[], value: unknown): ValidationIssue {
  const key = String(segments[segments.length - 1] ?? '$');
  const make = (code: IssueCode, zh: string, en: string): ValidationIssue => makeIssue(segments, code, { zh, en });
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return make('missing_key', `缺少必填字段 "${key}"`, `missing required key "${key}"`);
  }
  switch (issue.code) {
    case 'invalid_type':
      return make(
        'invalid_type',
        `"${key}" 应为${TYPE_ZH[issue.expected] ?? issue.expected},实际为 ${show(value)}`,
        `"${key}" must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}, got ${show(value)}`,
      );
    case 'invalid_value':
      return make(
        'invalid_value',
        `"${key}" 只能取 ${issue.values.map(String).join(' / ')},实际为 ${show(value)}`,
        `"${key}" must be one of ${issue.values.map(String).join(', ')}, got ${show(value)}`,
      );
    case 'too_big':
      if (issue.origin === 'string')
        return make(
          'text_too_long',
          `"${key}" 过长:${typeof value === 'string' ? value.length : '?'} 个字符,最多 ${String(issue.maximum)} 个`,
          `"${key}" is too long: ${typeof value === 'string' ? value.length : '?'} characters, at most ${String(issue.maximum)}`,
        );
      return make('out_of_range', `"${key}" 超出允许范围:${show(value)}`, `"${key}" is out of range: ${show(value)}`);
    case 'too_small':
      return make('out_of_range', `"${key}" 超出允许范围:${show(value)}`, `"${key}" is out of range: ${show(value)}`);
    case 'invalid_format':
      return make('invalid_value', `"${key}" 格式不正确:${show(value)}`, `"${key}" has the wrong format: ${show(value)}`);
    default:
      return make('invalid_value', `"${key}" 无效:${show(value)}`, `"${key}" is invalid: ${show(value)}`);
  }
}

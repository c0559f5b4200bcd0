import * as z from 'zod';
import type { LocalizedText } from '../errors.js';
import { isBimonth, isCalendarDate, isQuarter, isYearMonth } from '../calendar/index.js';
import type { Bimonth, CalendarDate, Quarter, YearMonth } from '../calendar/index.js';
import { safeParseAmount, type Amount, type AmountIssueCode } from '../money/index.js';
import type { IssueCode } from '../validation.js';
import type { CustomIssueParams } from '../_lib/zodIssues.js';

/** Attach our code and message to a zod custom issue. */
export function issueParams(code: IssueCode, zh: string, en: string): CustomIssueParams {
  const message: LocalizedText = { zh, en };
  return { code, message };
}

function show(v: unknown): string {
  // Never String() an object: a null-prototype one throws, a deeply nested array overflows the stack.
  const s =
    typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' && v !== null ? (Array.isArray(v) ? 'array' : 'object') : String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

const AMOUNT_MESSAGES: Readonly<Record<AmountIssueCode, readonly [string, string]>> = {
  amount_grammar: ['金额须为十进制数字(如 "1250.5"):', 'an amount must be a plain decimal such as "1250.5": '],
  amount_not_finite: ['金额须为有限数:', 'an amount must be finite: '],
  amount_out_of_range: [
    '金额超出范围(整数部分至多 18 位、小数至多 10 位):',
    'amount out of range (at most 18 integer and 10 fractional digits): ',
  ],
  amount_type: ['金额须为字符串或数字:', 'an amount must be a string or a number: '],
};

/** An amount: a decimal string or a finite number, to a canonical {@link Amount}. */
export const amountSchema: z.ZodType<Amount> = z.unknown().transform((v, ctx) => {
  if (v === undefined) {
    ctx.addIssue({ code: 'custom', input: v, params: issueParams('missing_key', '缺少金额', 'missing amount') });
    return z.NEVER;
  }
  const r = safeParseAmount(v);
  if (r.success) return r.data;
  const [zh, en] = AMOUNT_MESSAGES[r.code];
  ctx.addIssue({ code: 'custom', input: v, params: issueParams(r.code, zh + show(v), en + show(v)) });
  return z.NEVER;
});

/** A non-negative amount. */
export const nonNegativeAmountSchema: z.ZodType<Amount> = amountSchema.superRefine((a, ctx) => {
  if (a.startsWith('-'))
    ctx.addIssue({
      code: 'custom',
      input: a,
      params: issueParams('negative_amount', `金额不能为负:${a}`, `the amount must not be negative: ${a}`),
    });
});

function branded<T extends string>(is: (v: unknown) => v is T, code: IssueCode, zh: string, en: string): z.ZodType<T> {
  return z.unknown().transform((v, ctx) => {
    if (is(v)) return v;
    if (typeof v !== 'string') {
      ctx.addIssue({
        code: 'custom',
        input: v,
        params: issueParams(
          v === undefined ? 'missing_key' : 'invalid_type',
          v === undefined ? `缺少${zh}` : `${zh}须为字符串:${show(v)}`,
          v === undefined ? `missing ${en}` : `${en} must be a string: ${show(v)}`,
        ),
      });
    } else {
      ctx.addIssue({ code: 'custom', input: v, params: issueParams(code, `${zh}无效:${show(v)}`, `not a valid ${en}: ${show(v)}`) });
    }
    return z.NEVER;
  });
}

/** A real ISO calendar date. */
export const dateSchema: z.ZodType<CalendarDate> = branded(isCalendarDate, 'invalid_date', '日期', 'date (YYYY-MM-DD)');
/** A month `YYYY-MM`. */
export const monthSchema: z.ZodType<YearMonth> = branded(isYearMonth, 'invalid_month', '月份', 'month (YYYY-MM)');
/** A quarter `YYYYQn`. */
export const quarterSchema: z.ZodType<Quarter> = branded(isQuarter, 'invalid_quarter', '季度', 'quarter (YYYYQn)');
/** A bimonth `YYYY-Bn`. */
export const bimonthSchema: z.ZodType<Bimonth> = branded(isBimonth, 'invalid_period', '双月', 'bimonth (YYYY-Bn)');

const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/**
 * The JSON Schema of each primitive above, for the generated schema: JSON Schema cannot see through a
 * transform, so the converter is told what each one accepts.
 */
export const PRIMITIVE_JSON_SCHEMAS: ReadonlyMap<z.ZodType, Readonly<Record<string, unknown>>> = new Map<
  z.ZodType,
  Readonly<Record<string, unknown>>
>([
  [
    amountSchema,
    {
      anyOf: [{ type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' }, { type: 'number' }],
      description: '金额,十进制字符串或有限数字 · amount: a plain decimal string or a finite number',
    },
  ],
  [
    nonNegativeAmountSchema,
    {
      anyOf: [
        { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
        { type: 'number', minimum: 0 },
      ],
      description: '非负金额 · non-negative amount: a plain decimal string or a finite number',
    },
  ],
  [dateSchema, { type: 'string', format: 'date', pattern: DATE_PATTERN, description: '日期 YYYY-MM-DD · calendar date' }],
  [monthSchema, { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM · month' }],
  [quarterSchema, { type: 'string', pattern: '^\\d{4}Q[1-4]$', description: '季度 YYYYQn · quarter' }],
  [bimonthSchema, { type: 'string', pattern: '^\\d{4}-B[1-6]$', description: '双月 YYYY-Bn · bimonth' }],
]);

// The shared zod primitives of the policy and portfolio schemas: what each accepts and in which canonical
// form, the issue code of each rejection at its boundary, what the message shows of the offending value,
// and the JSON Schema fragment each one hands the schema generator.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { fromZodIssues } from '../_lib/zodIssues.js';
import type { ValidationIssue } from '../validation.js';
import {
  amountSchema,
  bimonthSchema,
  dateSchema,
  issueParams,
  monthSchema,
  nonNegativeAmountSchema,
  PRIMITIVE_JSON_SCHEMAS,
  quarterSchema,
} from './_primitives.js';

const HAN = /\p{Script=Han}/u;

/** The value a primitive reads, failing the test when it rejects the input. */
function accepted(schema: z.ZodType, input: unknown): unknown {
  const r = schema.safeParse(input);
  if (!r.success) throw new Error(`expected ${String(input)} to be accepted: ${JSON.stringify(fromZodIssues(r.error.issues, input))}`);
  return r.data;
}

/** The single issue a primitive reports for the input, as the parsers turn it into ours. */
function rejected(schema: z.ZodType, input: unknown): ValidationIssue {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected the input to be rejected');
  const issues = fromZodIssues(r.error.issues, input);
  expect(issues).toHaveLength(1);
  const [issue] = issues;
  if (issue === undefined) throw new Error('no issue');
  expect(issue.path).toBe('$');
  return issue;
}

/** Both messages show `shown` and explain it: more text than the value, the zh one in Chinese. */
function expectShows(issue: ValidationIssue, shown: string): void {
  const { zh, en } = issue.message;
  expect(zh).toContain(shown);
  expect(en).toContain(shown);
  expect(zh.length).toBeGreaterThan(shown.length);
  expect(en.length).toBeGreaterThan(shown.length);
  expect(zh).toMatch(HAN);
}

/** A missing value: both messages are non-empty, the zh one in Chinese, and there is no value to show. */
function expectMissing(issue: ValidationIssue): void {
  expect(issue.code).toBe('missing_key');
  expect(issue.message.zh).toMatch(HAN);
  expect(issue.message.en.trim()).not.toBe('');
  expect(issue.message.zh).not.toContain('undefined');
  expect(issue.message.en).not.toContain('undefined');
}

function nullPrototypeObject(): object {
  return Object.create(null) as object;
}

function deepArray(depth: number): unknown[] {
  let v: unknown[] = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('issueParams', () => {
  it('carries the code and the message in both languages', () => {
    expect(issueParams('invalid_value', '值无效', 'invalid value')).toEqual({
      code: 'invalid_value',
      message: { zh: '值无效', en: 'invalid value' },
    });
  });
});

describe('amountSchema', () => {
  it.each<[unknown, string]>([
    ['1250.5', '1250.5'],
    ['0012.300', '12.3'],
    ['-0.0', '0'],
    ['-00', '0'],
    ['-12.50', '-12.5'],
    ['0', '0'],
    [1234.56, '1234.56'],
    [-0, '0'],
    [-7, '-7'],
    [1e17, '100000000000000000'],
    [1e-10, '0.0000000001'],
    ['123456789012345678', '123456789012345678'],
    ['0.1234567890', '0.123456789'],
    ['1.1234567891', '1.1234567891'],
    ['000000000000000000001', '1'],
    ['5.00000000000000000000', '5'],
  ])('reads %j as the canonical %s', (input, canonical) => {
    expect(accepted(amountSchema, input)).toBe(canonical);
  });

  it.each<[unknown, string, string]>([
    ['1e5', 'amount_grammar', '"1e5"'],
    ['+1', 'amount_grammar', '"+1"'],
    ['.5', 'amount_grammar', '".5"'],
    ['1.', 'amount_grammar', '"1."'],
    [' 1', 'amount_grammar', '" 1"'],
    ['1,000', 'amount_grammar', '"1,000"'],
    ['', 'amount_grammar', '""'],
    ['--1', 'amount_grammar', '"--1"'],
    [Number.NaN, 'amount_not_finite', 'NaN'],
    [Number.POSITIVE_INFINITY, 'amount_not_finite', 'Infinity'],
    [Number.NEGATIVE_INFINITY, 'amount_not_finite', '-Infinity'],
    ['1234567890123456789', 'amount_out_of_range', '"1234567890123456789"'],
    ['-1234567890123456789', 'amount_out_of_range', '"-1234567890123456789"'],
    ['0.12345678901', 'amount_out_of_range', '"0.12345678901"'],
    [1e18, 'amount_out_of_range', '1000000000000000000'],
    [1e-11, 'amount_out_of_range', '1e-11'],
    [true, 'amount_type', 'true'],
    [null, 'amount_type', 'null'],
    [10n, 'amount_type', '10'],
  ])('rejects %s with %s, showing %s', (input, code, shown) => {
    const issue = rejected(amountSchema, input);
    expect(issue.code).toBe(code);
    expectShows(issue, shown);
  });

  it('shows an object as "object" and an array as "array", never their contents', () => {
    for (const [input, shown] of [
      [{ amount: '1' }, 'object'],
      [nullPrototypeObject(), 'object'],
      [['1'], 'array'],
      [deepArray(100_000), 'array'],
    ] as const) {
      const issue = rejected(amountSchema, input);
      expect(issue.code).toBe('amount_type');
      expectShows(issue, shown);
      expect(issue.message.en).not.toContain('[object');
      expect(issue.message.en).not.toContain('"1"');
    }
  });

  it('reports a missing amount as missing_key', () => {
    expectMissing(rejected(amountSchema, undefined));
  });

  it('gives each rejection its own explanation', () => {
    const messages = [rejected(amountSchema, 'x'), rejected(amountSchema, Number.NaN), rejected(amountSchema, '1'.repeat(19))].map(
      (i) => i.message.en,
    );
    expect(new Set(messages).size).toBe(3);
    const types = [rejected(amountSchema, true), rejected(amountSchema, undefined)].map((i) => i.message.zh);
    expect(new Set(types).size).toBe(2);
  });

  it('cuts a shown value longer than 40 characters to 40, followed by "…"', () => {
    // 38 characters in JSON quotes make 40: shown whole.
    const forty = rejected(amountSchema, 'x'.repeat(38));
    expectShows(forty, `"${'x'.repeat(38)}"`);
    expect(forty.message.zh).not.toContain('…');
    expect(forty.message.en).not.toContain('…');
    // 39 make 41: the closing quote is cut.
    const fortyOne = rejected(amountSchema, 'x'.repeat(39));
    expectShows(fortyOne, `"${'x'.repeat(39)}…`);
    expect(fortyOne.message.en).not.toContain(`${'x'.repeat(39)}"`);
    // A very long value shows its first 40 characters only.
    const long = rejected(amountSchema, `${'9'.repeat(60)}.5`);
    expect(long.code).toBe('amount_out_of_range');
    expectShows(long, `"${'9'.repeat(39)}…`);
    expect(long.message.en).not.toContain('9'.repeat(40));
  });
});

describe('nonNegativeAmountSchema', () => {
  it.each<[unknown, string]>([
    ['0', '0'],
    ['-0', '0'],
    ['-0.000', '0'],
    [-0, '0'],
    ['12.50', '12.5'],
    [3, '3'],
  ])('accepts %j as %s', (input, canonical) => {
    expect(accepted(nonNegativeAmountSchema, input)).toBe(canonical);
  });

  it.each<[unknown, string]>([
    ['-5.50', '-5.5'],
    ['-0.0000000001', '-0.0000000001'],
    [-3, '-3'],
  ])('rejects %j with negative_amount, showing the canonical %s', (input, shown) => {
    const issue = rejected(nonNegativeAmountSchema, input);
    expect(issue.code).toBe('negative_amount');
    expectShows(issue, shown);
  });

  it('reports a bad amount once, with the amount code', () => {
    expect(rejected(nonNegativeAmountSchema, '-1e5').code).toBe('amount_grammar');
    expect(rejected(nonNegativeAmountSchema, undefined).code).toBe('missing_key');
    expect(rejected(nonNegativeAmountSchema, false).code).toBe('amount_type');
  });
});

const BRANDED = [
  {
    name: 'dateSchema',
    schema: dateSchema,
    code: 'invalid_date',
    valid: ['2025-01-01', '2024-02-29', '2025-12-31', '0001-01-01', '9999-12-31'],
    invalid: [
      '2025-02-29',
      '2025-02-30',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '0000-12-31',
      '2025-1-05',
      '2025/01/05',
      '20250105',
      '',
    ],
  },
  {
    name: 'monthSchema',
    schema: monthSchema,
    code: 'invalid_month',
    valid: ['2025-01', '2025-09', '2025-12', '0001-01'],
    invalid: ['2025-13', '2025-00', '2025-9', '0000-01', '2025-09-01', '202509', ''],
  },
  {
    name: 'quarterSchema',
    schema: quarterSchema,
    code: 'invalid_quarter',
    valid: ['2025Q1', '2025Q4', '0001Q2'],
    invalid: ['2025Q0', '2025Q5', '2025q1', '2025-Q1', '0000Q1', '25Q1', ''],
  },
  {
    name: 'bimonthSchema',
    schema: bimonthSchema,
    code: 'invalid_period',
    valid: ['2025-B1', '2025-B6', '0001-B3'],
    invalid: ['2025-B0', '2025-B7', '2025B1', '2025-b1', '0000-B1', ''],
  },
] as const;

describe.each(BRANDED)('$name', ({ schema, code, valid, invalid }) => {
  it('accepts the canonical forms unchanged', () => {
    for (const v of valid) expect(accepted(schema, v)).toBe(v);
  });

  it(`rejects every other string with ${code}, showing it in JSON quotes`, () => {
    for (const v of invalid) {
      const issue = rejected(schema, v);
      expect(issue.code).toBe(code);
      expectShows(issue, JSON.stringify(v));
    }
  });

  it('rejects a non-string with invalid_type, showing the value', () => {
    for (const [v, shown] of [
      [20250105, '20250105'],
      [null, 'null'],
      [true, 'true'],
      [{ y: 2025 }, 'object'],
      [nullPrototypeObject(), 'object'],
      [['2025-01-01'], 'array'],
      [deepArray(100_000), 'array'],
    ] as const) {
      const issue = rejected(schema, v);
      expect(issue.code).toBe('invalid_type');
      expectShows(issue, shown);
      expect(issue.message.en).not.toContain('[object');
    }
  });

  it('reports a missing value as missing_key', () => {
    expectMissing(rejected(schema, undefined));
  });

  it('cuts a long value at 40 characters', () => {
    const issue = rejected(schema, `2025-01-01${'x'.repeat(40)}`);
    expect(issue.code).toBe(code);
    expectShows(issue, `"2025-01-01${'x'.repeat(29)}…`);
    expect(issue.message.en).not.toContain('x'.repeat(30));
  });
});

describe('PRIMITIVE_JSON_SCHEMAS', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv, { mode: 'full', formats: ['date'] });

  function fragment(schema: z.ZodType): Readonly<Record<string, unknown>> {
    const f = PRIMITIVE_JSON_SCHEMAS.get(schema);
    if (f === undefined) throw new Error('no JSON Schema for this primitive');
    return f;
  }

  // What JSON Schema can check of each primitive: its grammar. It may accept more than zod (digit
  // limits, impossible dates under a pattern) but never less.
  const CASES = [
    {
      name: 'amount',
      schema: amountSchema,
      accepts: ['1250.5', '-3', '0', '007.50', 12.5, -1, 0],
      rejects: ['1e5', '+1', '.5', '1.', '', 'abc', '-', true, null, {}, ['1']],
    },
    {
      name: 'non-negative amount',
      schema: nonNegativeAmountSchema,
      accepts: ['0', '12.5', '007', 0, 3.5],
      rejects: ['-1', '-0.5', '1e5', -0.5, -1, true, null],
    },
    {
      name: 'date',
      schema: dateSchema,
      accepts: ['2025-02-28', '2024-02-29', '2025-12-31'],
      rejects: ['2025-13-01', '2025-02-32', '2025-00-01', '2025-2-01', '2025-02-30', '20250201', 20250201, null],
    },
    {
      name: 'month',
      schema: monthSchema,
      accepts: ['2025-01', '2025-12'],
      rejects: ['2025-13', '2025-00', '2025-9', '2025-09-01', 202509],
    },
    {
      name: 'quarter',
      schema: quarterSchema,
      accepts: ['2025Q1', '2025Q4'],
      rejects: ['2025Q0', '2025Q5', '2025-Q1', '2025q1', 2025],
    },
    {
      name: 'bimonth',
      schema: bimonthSchema,
      accepts: ['2025-B1', '2025-B6'],
      rejects: ['2025-B0', '2025-B7', '2025B1', 2025],
    },
  ] as const;

  it('describes every primitive, and only those', () => {
    expect(PRIMITIVE_JSON_SCHEMAS.size).toBe(CASES.length);
    for (const c of CASES) expect(PRIMITIVE_JSON_SCHEMAS.has(c.schema)).toBe(true);
  });

  it.each(CASES)('the $name grammar accepts what the schema accepts and rejects what its grammar forbids', (c) => {
    const valid = ajv.compile(fragment(c.schema));
    for (const v of c.accepts) {
      expect(c.schema.safeParse(v).success).toBe(true);
      expect(valid(v)).toBe(true);
    }
    for (const v of c.rejects) {
      expect(c.schema.safeParse(v).success).toBe(false);
      expect(valid(v)).toBe(false);
    }
  });

  it.each(CASES)('the $name fragment has a zh and en description', (c) => {
    const description = fragment(c.schema)['description'];
    expect(typeof description).toBe('string');
    expect(description).toMatch(HAN);
    expect(description).toMatch(/[A-Za-z]{3}/);
  });

  it('pins the fragments', () => {
    expect(fragment(amountSchema)['anyOf']).toEqual([{ type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' }, { type: 'number' }]);
    expect(fragment(nonNegativeAmountSchema)['anyOf']).toEqual([
      { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
      { type: 'number', minimum: 0 },
    ]);
    expect(fragment(dateSchema)).toMatchObject({
      type: 'string',
      format: 'date',
      pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
    });
    expect(fragment(monthSchema)).toMatchObject({ type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
    expect(fragment(quarterSchema)).toMatchObject({ type: 'string', pattern: '^\\d{4}Q[1-4]$' });
    expect(fragment(bimonthSchema)).toMatchObject({ type: 'string', pattern: '^\\d{4}-B[1-6]$' });
  });
});

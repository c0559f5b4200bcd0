// Numbers under unknown keys are kept, then written back by JSON.stringify: every one whose value JSON
// would not write back is reported at its path with unknown_number_changed, and no other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doc, project, report } from '../../test/fixtures/builders.js';
import type { ValidationIssue } from '../validation.js';
import { lineReader } from './ndjson.js';
import { safeParsePortfolio, safeParsePortfolioText, serializePortfolio } from './parsePortfolio.js';
import { decimalValue, sourceNumbers } from './unknownNumbers.js';

const base = doc([project('P1', [report(1, '10')])]);
/** The document's JSON text with `"extra":<json>` as its first key. */
const withExtra = (json: string): string => `{"extra":${json},${JSON.stringify(base).slice(1)}`;

function warningsOf(r: ReturnType<typeof safeParsePortfolioText>): readonly ValidationIssue[] {
  return r.success ? r.warnings : r.error.warnings;
}
const changes = (r: ReturnType<typeof safeParsePortfolioText>): string[] =>
  warningsOf(r)
    .filter((w) => w.code === 'unknown_number_changed')
    .map((w) => w.path);

describe('unknown_number_changed from the text (safeParsePortfolioText)', () => {
  it('reports -0, 1e999 and a 30-digit integer at their paths, naming the source text and what it becomes', () => {
    const r = safeParsePortfolioText(withExtra('[-0, 1e999, 123456789012345678901234567890, 1, 0.5]'));
    expect(r.success).toBe(true);
    expect(changes(r)).toEqual(['$.extra[0]', '$.extra[1]', '$.extra[2]']);
    const [zero, huge, big] = warningsOf(r).filter((w) => w.code === 'unknown_number_changed');
    for (const [w, source, written] of [
      [zero, '-0', '0'],
      [huge, '1e999', 'null'],
      [big, '123456789012345678901234567890', '1.2345678901234568e+29'],
    ] as const) {
      expect(w?.message.en).toContain(source);
      expect(w?.message.en).toContain(written);
      expect(w?.message.zh).toContain(source);
      expect(w?.message.zh).toContain(written);
    }
    if (r.success)
      expect((JSON.parse(serializePortfolio(r.data)) as { extra: unknown }).extra).toEqual([0, null, 1.2345678901234568e29, 1, 0.5]);
  });

  it('reports digits lost beyond double precision: 1.0000000000000000001, 9007199254740993, 1e-400', () => {
    const r = safeParsePortfolioText(withExtra('{"a": 1.0000000000000000001, "b": [9007199254740993, 9007199254740992], "c": 1e-400}'));
    expect(changes(r)).toEqual(['$.extra.a', '$.extra.b[0]', '$.extra.c']);
  });

  it('does not report a number written only differently, keeping its value: 1.50, 1E2, 0e5, 10.0', () => {
    const r = safeParsePortfolioText(withExtra('[1.50, 1E2, 0e5, 10.0, -2.5e-3, 1e21, 123456789012345680000]'));
    expect(r.success).toBe(true);
    expect(changes(r)).toEqual([]);
  });

  it('reports numbers under unknown keys at any depth, and in a project', () => {
    const text = JSON.stringify(doc([project('P1', [report(1, '10', { note: { list: [[1], [2, 'x', -0]] } })])])).replace(
      '"list":[[1],[2,"x",0]]',
      '"list":[[1],[2,"x",-0]]',
    );
    expect(changes(safeParsePortfolioText(text))).toEqual(['$.projects[0].reports[0].note.list[1][2]']);
  });

  it('follows escaped keys, strings that look like numbers and the last of duplicate keys', () => {
    const r = safeParsePortfolioText(withExtra('{"a\\"b": [-0], "s": "1e999", "d": 1e999, "d": 2, "e\\u0041": -0}'));
    expect(changes(r)).toEqual([`$.extra['a"b'][0]`, '$.extra.eA']);
  });

  it('reports nothing for unknown keys without numbers, or documents without unknown keys', () => {
    expect(changes(safeParsePortfolioText(withExtra('{"a": ["1e999", true, null]}')))).toEqual([]);
    expect(changes(safeParsePortfolioText(JSON.stringify(base)))).toEqual([]);
  });

  it('reports the numbers of an invalid document too, with its warnings', () => {
    const r = safeParsePortfolioText(withExtra('[-0]').replace('"year":2025', '"year":"2025"'));
    expect(r.success).toBe(false);
    expect(changes(r)).toEqual(['$.extra[0]']);
  });
});

describe('unknown_number_changed from a value (safeParsePortfolio)', () => {
  it('reports -0, non-finite numbers and integers beyond ±(2^53 − 1), and nothing else', () => {
    const extra = [-0, Infinity, -Infinity, NaN, 2 ** 60, -(2 ** 60), 1.5, Number.MAX_SAFE_INTEGER, 0, Number.MIN_VALUE / 2];
    const r = safeParsePortfolio({ ...base, extra });
    expect(changes(r)).toEqual(['$.extra[0]', '$.extra[1]', '$.extra[2]', '$.extra[3]', '$.extra[4]', '$.extra[5]']);
    const big = warningsOf(r).find((w) => w.path === '$.extra[4]');
    expect(big?.message.en).toContain(JSON.stringify(2 ** 60));
  });

  it('reads a value holding a cycle under an unknown key once, without looping', () => {
    const cyclic: unknown[] = [-0];
    cyclic.push(cyclic);
    expect(changes(safeParsePortfolio({ ...base, extra: cyclic }))).toEqual(['$.extra[0]']);
  });

  it('reads a number of a JSON.parse value by its value: 1e999 is Infinity, written as null', () => {
    expect(changes(safeParsePortfolio(JSON.parse(withExtra('[1e999, -0, 1.0000000000000000001]'))))).toEqual(['$.extra[0]', '$.extra[1]']);
  });
});

describe('unknown_number_changed in the NDJSON form', () => {
  it('reports the numbers of the header line and of a project line, at their paths in the document', () => {
    const { projects, ...header } = base;
    const reader = lineReader(false);
    reader.header(`{"extra":[1e999],${JSON.stringify(header).slice(1)}`);
    const line = JSON.stringify({ ...projects[0], note: 0 }).replace('"note":0', '"note":-0');
    const { warnings } = reader.project(line, 0);
    expect(warnings.filter((w) => w.code === 'unknown_number_changed').map((w) => w.path)).toEqual(['$.projects[0].note']);
    expect(
      reader
        .finish()
        .warnings.filter((w) => w.code === 'unknown_number_changed')
        .map((w) => w.path),
    ).toEqual(['$.extra[0]']);
  });
});

describe('decimalValue', () => {
  it('is equal for texts of equal value, keeping the sign of zero', () => {
    expect(decimalValue('1.50')).toBe(decimalValue('1.5'));
    expect(decimalValue('1E2')).toBe(decimalValue('100'));
    expect(decimalValue('15e-1')).toBe(decimalValue('1.5'));
    expect(decimalValue('0e5')).toBe(decimalValue('0'));
    expect(decimalValue('-0')).not.toBe(decimalValue('0'));
    expect(decimalValue('1.0000000000000000001')).not.toBe(decimalValue('1'));
  });
});

describe('sourceNumbers', () => {
  it('finds the source text of the numbers under the given paths only, by holder and key', () => {
    const text = '\ufeff{"a": [1.50, {"b": -0}], "c": 3, "a2": 4}';
    const value = JSON.parse(text.slice(1)) as { a: [number, { b: number }] };
    const found = sourceNumbers(text, value, [['a']]);
    expect(found.size).toBe(2);
    expect([...(found.get(value.a) ?? [])]).toEqual([[0, '1.50']]);
    expect([...(found.get(value.a[1]) ?? [])]).toEqual([['b', '-0']]);
  });
});

describe('many or deep changed numbers', () => {
  it('lists the first thousand and counts the rest in one more warning at the unknown key', () => {
    const r = safeParsePortfolioText(withExtra(`[${Array.from({ length: 1500 }, () => '-0').join(',')}]`));
    const found = warningsOf(r).filter((w) => w.code === 'unknown_number_changed');
    expect(found).toHaveLength(1001);
    expect(found[0]?.path).toBe('$.extra');
    expect(found[0]?.message.en).toContain('500 more');
    expect(found[1000]?.path).toBe('$.extra[999]');
  });

  it('reads numbers nested 20 000 deep, one at each level, without running out of memory', () => {
    const depth = 20_000;
    const r = safeParsePortfolioText(withExtra(`${'[-0,'.repeat(depth)}-0${']'.repeat(depth)}`));
    const found = warningsOf(r).filter((w) => w.code === 'unknown_number_changed');
    expect(found.length).toBeLessThan(300);
    expect(found.map((w) => w.segments.length).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20_000 + 1);
    expect(found.some((w) => w.path === '$.extra' && w.message.en.includes('more'))).toBe(true);
  });
});

describe('properties', () => {
  // Any JSON number text: sign, integer part, fraction, exponent (up to 3 digits: overflow and underflow).
  const digits = (min: number, max: number): fc.Arbitrary<string> =>
    fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: min, maxLength: max });
  const numberText: fc.Arbitrary<string> = fc
    .tuple(
      fc.constantFrom('', '-'),
      fc.oneof(
        fc.constant('0'),
        fc.tuple(fc.constantFrom('1', '2', '5', '9'), digits(0, 30)).map(([a, b]) => a + b),
      ),
      fc.option(digits(1, 25), { nil: undefined }),
      fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 3)), { nil: undefined }),
    )
    .map(([sign, int, frac, exp]) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}${exp === undefined ? '' : exp.join('')}`);

  /** The exact value of a JSON number text as a sign and a fraction m × 10^e; null for `null`. */
  function exact(text: string): { readonly negative: boolean; readonly m: bigint; readonly e: number } | null {
    const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (match === null) return null;
    const [, sign = '', int = '', frac = '', exp = '0'] = match;
    return { negative: sign === '-', m: BigInt(int + frac), e: Number(exp) - frac.length };
  }
  function sameValue(a: string, b: string): boolean {
    const x = exact(a);
    const y = exact(b);
    if (x === null || y === null) return false;
    if (x.negative !== y.negative) return false;
    const low = Math.min(x.e, y.e);
    return x.m * 10n ** BigInt(x.e - low) === y.m * 10n ** BigInt(y.e - low);
  }

  it('names the path of a number under an unknown key exactly when JSON does not write its value back', () => {
    fc.assert(
      fc.property(fc.array(numberText, { minLength: 1, maxLength: 5 }), (texts) => {
        const r = safeParsePortfolioText(withExtra(`[${texts.join(', ')}]`));
        const expected = texts.flatMap((t, i) => (sameValue(t, JSON.stringify(JSON.parse(t))) ? [] : [`$.extra[${i}]`]));
        expect(changes(r)).toEqual(expected);
      }),
    );
  });
});

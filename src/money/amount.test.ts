import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { SansansanError } from '../errors.js';
import {
  addAmounts,
  amountOf,
  compareAmounts,
  isAmount,
  isCanonicalText,
  parseAmount,
  parseAmountInput,
  safeParseAmount,
  signOf,
  subtractAmounts,
  sumAmounts,
  type Amount,
} from './amount.js';

const a = parseAmount;

function thrown(input: unknown): SansansanError {
  try {
    parseAmount(input);
  } catch (e) {
    if (e instanceof SansansanError) return e;
  }
  throw new Error('expected a SansansanError');
}

const code = (input: unknown): string | undefined => {
  const r = safeParseAmount(input);
  return r.success ? undefined : r.code;
};

describe('safeParseAmount’s shortcut for canonical strings', () => {
  // Strings near the grammar: signs, zeros, dots, and digit runs around the 18 + 10 digit limits.
  const chunk = fc.constantFrom('-', '0', '00', '1', '9', '.', '5', '10', '123456789', '000000000', 'x', ' ');
  const text = fc.array(chunk, { maxLength: 8 }).map((xs) => xs.join(''));
  test.prop([text])('gives the general reading’s result', (s) => {
    expect(safeParseAmount(s)).toEqual(parseAmountInput(s));
    const r = parseAmountInput(s);
    expect(amountOf(s)).toBe(r.success ? r.data : undefined);
  });
  test.prop([fc.oneof(text, fc.string())])('takes exactly the strings the general reading writes as they are', (s) => {
    const r = parseAmountInput(s);
    expect(isCanonicalText(s)).toBe(r.success && r.data === s);
  });
  it('takes canonical strings at the limits and rejects their neighbours', () => {
    for (const s of ['0', '-0.5', '123456789012345678', '1.0000000001', '-123456789012345678.1234567891']) {
      expect(safeParseAmount(s)).toEqual({ success: true, data: s });
    }
    for (const s of ['-0', '1234567890123456789', '1.00000000001', '1.50', '01', '1.', '.5', '-']) {
      expect(safeParseAmount(s)).toEqual(parseAmountInput(s));
      expect([s, isCanonicalText(s)]).toEqual([s, false]);
    }
    for (const s of ['0', '-0.5', '123456789012345678', '1.0000000001', '7', '-9.9', '10', '0.1'])
      expect([s, isCanonicalText(s)]).toEqual([s, true]);
    for (const s of ['', '-.5', '0.', '00.5', '-00', '0x1', '1.2.3', '+1', ' 1', '1e5', '٣'])
      expect([s, isCanonicalText(s)]).toEqual([s, false]);
    expect([amountOf(12.5), amountOf('1.50'), amountOf('x'), amountOf(Number.NaN), amountOf(null)]).toEqual([
      '12.5',
      '1.5',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('parseAmount', () => {
  it('reads decimal strings into canonical form', () => {
    expect(parseAmount('0012.300')).toBe('12.3');
    expect(parseAmount('100.00')).toBe('100');
    expect(parseAmount('-0.0')).toBe('0');
    expect(parseAmount('-3.50')).toBe('-3.5');
    expect(parseAmount('0')).toBe('0');
  });

  it('reads finite numbers through their shortest decimal form', () => {
    expect(parseAmount(1234.56)).toBe('1234.56');
    expect(parseAmount(0.1)).toBe('0.1');
    expect(parseAmount(-0)).toBe('0');
    expect(parseAmount(1e-7)).toBe('0.0000001');
    expect(parseAmount(1e17)).toBe('100000000000000000');
  });

  it('rejects what is not an amount, each with its code', () => {
    expect(code(Number.NaN)).toBe('amount_not_finite');
    expect(code(Number.POSITIVE_INFINITY)).toBe('amount_not_finite');
    expect(code('1e400')).toBe('amount_grammar');
    expect(code('1e5')).toBe('amount_grammar');
    expect(code('abc')).toBe('amount_grammar');
    expect(code('')).toBe('amount_grammar');
    expect(code(' 1')).toBe('amount_grammar');
    expect(code('+1')).toBe('amount_grammar');
    expect(code('1.')).toBe('amount_grammar');
    expect(code('.5')).toBe('amount_grammar');
    expect(code('1,000')).toBe('amount_grammar');
    expect(code(null)).toBe('amount_type');
    expect(code(true)).toBe('amount_type');
    expect(code('1'.repeat(19))).toBe('amount_out_of_range');
    expect(code(`0.${'1'.repeat(11)}`)).toBe('amount_out_of_range');
    expect(code(1e21)).toBe('amount_out_of_range');
    expect(code('1'.repeat(18))).toBeUndefined();
    expect(code(`0.${'1'.repeat(10)}`)).toBeUndefined();
  });

  it('throws a SansansanError with the code', () => {
    expect(() => parseAmount('x')).toThrow(SansansanError);
    try {
      parseAmount('x');
    } catch (e) {
      expect((e as SansansanError).code).toBe('amount_grammar');
    }
  });

  it('recognises canonical amounts only', () => {
    expect(isAmount('12.5')).toBe(true);
    expect(isAmount('12.50')).toBe(false);
    expect(isAmount(12.5)).toBe(false);
  });

  describe('the sign of zero', () => {
    it('reads -0 and -0.000 as 0', () => {
      expect(parseAmount('-0')).toBe('0');
      expect(parseAmount('-0.000')).toBe('0');
      expect(parseAmount('-00.10')).toBe('-0.1');
      expect(parseAmount('000')).toBe('0');
      expect(parseAmount('0.5')).toBe('0.5');
    });
  });

  describe('a bad amount', () => {
    it('is described in both messages: quoted strings, arrays and objects by kind, others as written', () => {
      const cases: readonly (readonly [unknown, string])[] = [
        ['12,5', '"12,5"'],
        [['1'], 'array'],
        [{ value: '1' }, 'object'],
        [Object.create(null), 'object'],
        [true, 'true'],
        [null, 'null'],
        [Number.NaN, 'NaN'],
      ];
      for (const [input, shown] of cases) {
        const e = thrown(input);
        expect(e.text.zh.endsWith(shown)).toBe(true);
        expect(e.text.en.endsWith(shown)).toBe(true);
        expect(e.text.zh).not.toBe(e.text.en);
      }
    });

    it('is cut to 40 characters with an ellipsis, and only past 40', () => {
      const forty = `"${'x'.repeat(38)}"`;
      expect(thrown('x'.repeat(38)).text.en.endsWith(forty)).toBe(true);
      const long = thrown('x'.repeat(39)).text.en;
      expect(long.endsWith(`${`"${'x'.repeat(39)}"`.slice(0, 40)}…`)).toBe(true);
      expect(thrown('y'.repeat(10_000)).text.zh.length).toBeLessThan(60);
    });

    it('has the code of what is wrong with it', () => {
      expect(thrown(1n).code).toBe('amount_type');
      expect(thrown('1e3').code).toBe('amount_grammar');
      expect(thrown(Number.POSITIVE_INFINITY).code).toBe('amount_not_finite');
      expect(thrown('1'.repeat(19)).code).toBe('amount_out_of_range');
      expect(thrown(`0.${'1'.repeat(11)}`).code).toBe('amount_out_of_range');
      expect(safeParseAmount(`0.${'1'.repeat(10)}0000`).success).toBe(true);
    });
  });
});

describe('arithmetic', () => {
  it('adds without binary rounding', () => {
    expect(sumAmounts(['0.1', '0.2'] as Amount[])).toBe('0.3');
    expect(addAmounts('1.5' as Amount, '2' as Amount)).toBe('3.5');
    expect(subtractAmounts('1' as Amount, '2.5' as Amount)).toBe('-1.5');
    expect(sumAmounts([])).toBe('0');
  });

  it('compares and signs', () => {
    expect(compareAmounts('10' as Amount, '9.99' as Amount)).toBe(1);
    expect(compareAmounts('-1' as Amount, '0' as Amount)).toBe(-1);
    expect(compareAmounts('2.0' as Amount, '2' as Amount)).toBe(0);
    expect(signOf('-3' as Amount)).toBe(-1);
    expect(signOf('0' as Amount)).toBe(0);
    expect(signOf('0.01' as Amount)).toBe(1);
  });

  describe('exactness past 20 significant digits', () => {
    it('adds 28-digit amounts to the last digit', () => {
      expect(sumAmounts([a('123456789012345678.0123456789'), a('0.0000000001')])).toBe('123456789012345678.012345679');
      expect(addAmounts(a('999999999999999999.9999999999'), a('0.0000000001'))).toBe('1000000000000000000');
      expect(subtractAmounts(a('100000000000000000'), a('0.0000000001'))).toBe('99999999999999999.9999999999');
    });
  });
});

// Integers scaled by 10^4, the exact reference.
const scaled = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
const toText = (n: bigint): string => {
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const s = abs.toString().padStart(5, '0');
  return `${neg ? '-' : ''}${s.slice(0, -4)}.${s.slice(-4)}`;
};

describe('properties', () => {
  test.prop([fc.array(scaled, { maxLength: 50 })])('sums exactly: sumAmounts equals the sum of the scaled integers', (xs) => {
    const total = xs.reduce((a, b) => a + b, 0n);
    expect(sumAmounts(xs.map((x) => parseAmount(toText(x))))).toBe(parseAmount(toText(total)));
  });

  test.prop([scaled])('parses its own output back to itself (canonical form is a fixed point)', (x) => {
    const a = parseAmount(toText(x));
    expect(parseAmount(a)).toBe(a);
    expect(isAmount(a)).toBe(true);
  });

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })])(
    'reads a number and its String() form alike',
    (n) => {
      const a = safeParseAmount(n);
      const b = safeParseAmount(String(n).includes('e') ? 'skip' : String(n));
      if (b.success) expect(a).toEqual(b);
    },
  );

  test.prop([scaled, scaled])('compares like the scaled integers', (x, y) => {
    expect(compareAmounts(parseAmount(toText(x)), parseAmount(toText(y)))).toBe(x < y ? -1 : x > y ? 1 : 0);
  });
});

describe('isAmount', () => {
  describe('canonical amounts', () => {
    it('are strings only', () => {
      expect(isAmount(12)).toBe(false);
      expect(isAmount(0)).toBe(false);
      expect(isAmount('12')).toBe(true);
      expect(isAmount('-0')).toBe(false);
    });
  });
});

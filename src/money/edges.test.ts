// Edges of the money module that its laws do not pin down: exactness past 20 significant digits, the
// sign of rounded zero, the messages of a bad amount and the list of units.
import { describe, expect, it } from 'vitest';
import { SansansanError } from '../errors.js';
import { addAmounts, isAmount, parseAmount, safeParseAmount, subtractAmounts, sumAmounts } from './amount.js';
import { formatRatio, ratioOf, ratioToAmount } from './ratio.js';
import { convertAmount, MONEY_UNITS, UNIT_IN_YUAN } from './unit.js';

const a = parseAmount;

function thrown(input: unknown): SansansanError {
  try {
    parseAmount(input);
  } catch (e) {
    if (e instanceof SansansanError) return e;
  }
  throw new Error('expected a SansansanError');
}

describe('exactness past 20 significant digits', () => {
  it('adds 28-digit amounts to the last digit', () => {
    expect(sumAmounts([a('123456789012345678.0123456789'), a('0.0000000001')])).toBe('123456789012345678.012345679');
    expect(addAmounts(a('999999999999999999.9999999999'), a('0.0000000001'))).toBe('1000000000000000000');
    expect(subtractAmounts(a('100000000000000000'), a('0.0000000001'))).toBe('99999999999999999.9999999999');
  });

  it('rounds a quotient once, from its exact value', () => {
    // 0.4999…9 with 26 nines: rounding it first to 20 digits would give 0.5 and then 1.
    const r = ratioOf(a('4999999999999999.9999999999'), a('10000000000000000'));
    expect(formatRatio(r, 0)).toBe('0');
    expect(ratioToAmount(r, 0)).toBe('0');
    expect(formatRatio(r, 26)).toBe('0.49999999999999999999999999');
    expect(ratioToAmount(r, 2)).toBe('0.5');
  });

  it('converts units exactly, and not at all between equal units', () => {
    expect(convertAmount(a('123456789012345678.0123456789'), '亿元', '亿元')).toBe('123456789012345678.0123456789');
    expect(convertAmount(a('0.0000000001'), '亿元', '元')).toBe('0.01');
    expect(convertAmount(a('1'), '元', '亿元')).toBe('0.00000001');
  });
});

describe('the sign of zero', () => {
  it('never writes -0, whatever the decimals', () => {
    const tiny = ratioOf(a('-1'), a('800'));
    expect(formatRatio(tiny, 0)).toBe('0');
    expect(formatRatio(tiny, 1)).toBe('0.0');
    expect(formatRatio(tiny, 2)).toBe('0.00');
    expect(formatRatio(tiny, 3)).toBe('-0.001');
    expect(formatRatio(ratioOf(a('-10'), a('1')), 0)).toBe('-10');
    expect(formatRatio(ratioOf(a('-1'), a('10')), 2)).toBe('-0.10');
    expect(ratioToAmount(tiny, 2)).toBe('0');
  });

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

describe('canonical amounts', () => {
  it('are strings only', () => {
    expect(isAmount(12)).toBe(false);
    expect(isAmount(0)).toBe(false);
    expect(isAmount('12')).toBe(true);
    expect(isAmount('-0')).toBe(false);
  });
});

describe('units', () => {
  it('lists every unit, smallest first, with its size in 元', () => {
    expect(MONEY_UNITS).toEqual(['元', '万元', '亿元']);
    expect(MONEY_UNITS.map((u) => UNIT_IN_YUAN[u])).toEqual(['1', '10000', '100000000']);
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { stringifyDeep, stringifyJson } from './json.js';

describe('stringifyJson', () => {
  test.prop([fc.jsonValue(), fc.constantFrom(0, 1, 2, 4)])('writes what JSON.stringify writes', (value, space) => {
    expect(stringifyDeep(value, ' '.repeat(space))).toBe(JSON.stringify(value, null, space));
    expect(stringifyJson(value, space)).toBe(JSON.stringify(value, null, space));
  });

  test.prop([fc.anything({ withObjectString: true, withNullPrototype: true, withSparseArray: true })])(
    'writes what JSON.stringify writes for values JSON cannot fully express',
    (value) => {
      let expected: unknown;
      try {
        expected = JSON.stringify(value);
      } catch {
        return;
      }
      if (typeof expected === 'string') expect(stringifyDeep(value, '')).toBe(expected);
    },
  );

  it('omits undefined members, writes null for them in arrays and keeps empty containers short', () => {
    const value = { a: undefined, b: [undefined, () => 1, 1], c: {}, d: [], e: -0, f: Number.NaN };
    for (const gap of ['', '  ']) expect(stringifyDeep(value, gap)).toBe(JSON.stringify(value, null, gap.length));
  });

  it('writes 100 000 levels of arrays and objects that JSON.stringify cannot', () => {
    let array: unknown = 1;
    let object: unknown = 'x';
    for (let i = 0; i < 100_000; i += 1) {
      array = [array];
      object = { k: object };
    }
    expect(() => JSON.stringify(array)).toThrow(RangeError);
    const text = stringifyJson(array);
    expect(text).toBe(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`);
    expect(stringifyJson(JSON.parse(text) as unknown)).toBe(text);
    const objectText = stringifyJson(object);
    expect(objectText.length).toBe(100_000 * 6 + 3);
    expect(stringifyJson(JSON.parse(objectText) as unknown)).toBe(objectText);
  });

  it('indents deep values as JSON.stringify does', () => {
    let object: unknown = [1, { a: [] }];
    for (let i = 0; i < 2_000; i += 1) object = { k: object, l: [i] };
    expect(stringifyDeep(object, '  ')).toBe(JSON.stringify(object, null, 2));
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeCellText, decodeXmlText, encodeCellText, hasLoneSurrogate } from './_ooxmlText.js';

describe('encodeCellText', () => {
  it('escapes a literal _xHHHH_ (either case) as _x005F_xHHHH_', () => {
    expect(encodeCellText('_x0041_')).toBe('_x005F_x0041_');
    expect(encodeCellText('a_x00e9_b')).toBe('a_x005F_x00e9_b');
    expect(encodeCellText('_x12')).toBe('_x12');
  });

  it('escapes controls XML cannot hold, CR, DEL, C1 controls, U+FFFE and U+FFFF; keeps tab and LF', () => {
    expect(encodeCellText('\u0000\u0001\u000B\r\u007F\u0085\uFFFE\uFFFF\t\n')).toBe(
      '_x0000__x0001__x000B__x000D__x007F__x0085__xFFFE__xFFFF_\t\n',
    );
  });

  it('finds lone surrogates but not pairs', () => {
    expect(hasLoneSurrogate('a\uD800')).toBe(true);
    expect(hasLoneSurrogate('\uDC00b')).toBe(true);
    expect(hasLoneSurrogate('😀')).toBe(false);
  });

  it('decodes entities once', () => {
    expect(decodeXmlText('&amp;lt; &#x41;&#66; &quot;')).toBe('&lt; AB "');
  });

  describe('properties', () => {
    const wellFormed = fc.string({ unit: 'binary' }).filter((s) => !hasLoneSurrogate(s));
    test.prop([wellFormed], { numRuns: 500 })('round-trips: decodeCellText(encodeCellText(s)) equals s', (s) => {
      expect(decodeCellText(encodeCellText(s))).toBe(s);
    });
    const escapes = fc.string({ unit: fc.constantFrom('_', 'x', '0', '4', '1', 'A', 'f', '\r', '\u0001', 'y') });
    test.prop([escapes], { numRuns: 500 })('round-trips strings dense in escape-like runs', (s) => {
      expect(decodeCellText(encodeCellText(s))).toBe(s);
    });
  });
});

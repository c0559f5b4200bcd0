import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { jsonText, showControls, showControlsInLine } from './controlChars.js';

// What a terminal acts on: C0 but the line feed, DEL, C1, U+2028/U+2029 and the bidirectional controls.
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u001b', '\u0007', '\u009b', '\u202e', '\n', '\r', '\t', '\u2028', '\u0000'),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
});

describe('showControls', () => {
  it('writes the escapes of a window title, a clipboard write and a hidden link out as text', () => {
    expect(showControls('\u001b]0;pwned\u0007')).toBe('\\u001b]0;pwned\\u0007');
    expect(showControls('\u001b]52;c;SGVsbG8=\u0007')).toBe('\\u001b]52;c;SGVsbG8=\\u0007');
    expect(showControls('a\u009b2Jb\u202ec')).toBe('a\\u009b2Jb\\u202ec');
    expect(showControls('市水利局\n第二行')).toBe('市水利局\n第二行');
    expect(showControlsInLine('a\nb\tc')).toBe('a\\u000ab\\u0009c');
  });

  test.prop([text])('leaves nothing a terminal acts on, and text without controls as it is', (s) => {
    expect(ACTIVE.test(showControls(s))).toBe(false);
    expect(showControlsInLine(s)).not.toContain('\n');
    if (!ACTIVE.test(s)) expect(showControls(s)).toBe(s);
  });
});

describe('jsonText', () => {
  test.prop([fc.jsonValue(), text])('is JSON of the same value, with nothing a terminal acts on but its own line feeds', (v, s) => {
    const value = { v, s };
    const out = jsonText(value, 2);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(ACTIVE.test(out)).toBe(false);
    expect(jsonText(value)).not.toContain('\n');
  });

  it('writes what JSON.stringify writes for plain data', () => {
    const value = { name: '市水利局', amount: '1.5', list: [1, null, true] };
    expect(jsonText(value, 2)).toBe(JSON.stringify(value, null, 2));
    expect(jsonText(value)).toBe(JSON.stringify(value));
  });
});

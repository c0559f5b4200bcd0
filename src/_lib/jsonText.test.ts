import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from './jsonText.js';

describe('parseJsonText', () => {
  it('reads JSON, dropping one leading byte-order mark', () => {
    expect(parseJsonText('{"a":[1,"x"]}')).toEqual({ ok: true, value: { a: [1, 'x'] } });
    expect(parseJsonText('\ufeff[1]')).toEqual({ ok: true, value: [1] });
    expect(parseJsonText('\ufeff\ufeff[1]').ok).toBe(false);
  });

  it('answers text that is not JSON with invalid_json at the given place', () => {
    const whole = parseJsonText('{ nope');
    expect(whole.ok ? undefined : [whole.issue.path, whole.issue.code]).toEqual(['$', 'invalid_json']);
    const line = parseJsonText('', ['projects', 3], 5);
    expect(line.ok ? undefined : [line.issue.path, line.issue.code]).toEqual(['$.projects[3]', 'invalid_json']);
  });

  test.prop([fc.jsonValue()])('round-trips: parseJsonText(JSON.stringify(v)) is JSON.parse of the same text', (v) => {
    const text = JSON.stringify(v);
    expect(parseJsonText(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
    expect(parseJsonText(`\ufeff${text}`)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
  });
});

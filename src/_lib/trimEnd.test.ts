import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { trimEnd } from './trimEnd.js';

describe('trimEnd', () => {
  it('drops the trailing characters that match, and only those', () => {
    expect(trimEnd('12.3400', (c) => c === '0')).toBe('12.34');
    expect(trimEnd('000', (c) => c === '0')).toBe('');
    expect(trimEnd('完成。；', (c) => '。；'.includes(c))).toBe('完成');
    expect(trimEnd('', () => true)).toBe('');
  });

  test.prop([fc.string(), fc.string({ unit: fc.constantFrom('0', '.') })])(
    'is the text before a run of dropped characters: trimEnd(a + run) = trimEnd(a)',
    (a, run) => {
      const drop = (c: string): boolean => c === '0' || c === '.';
      expect(trimEnd(a + run, drop)).toBe(trimEnd(a, drop));
      const kept = trimEnd(a, drop);
      expect(a.startsWith(kept)).toBe(true);
      expect(kept === '' || !drop(kept.charAt(kept.length - 1))).toBe(true);
    },
  );

  it('stays linear on a long run followed by another character', () => {
    const s = `${'0'.repeat(1_000_000)}1${'0'.repeat(1_000_000)}`;
    expect(trimEnd(s, (c) => c === '0')).toHaveLength(1_000_001);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSize } from './files.js';

describe('parseSize', () => {
  it('reads bytes and binary units, case-insensitively', () => {
    expect(parseSize('1000')).toBe(1000);
    expect(parseSize('1KB')).toBe(1024);
    expect(parseSize('800mb')).toBe(800 * 1024 * 1024);
    expect(parseSize('1.5GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('2 g')).toBe(2 * 1024 ** 3);
  });

  it('refuses what is not a positive size', () => {
    for (const bad of ['', '0', '-1', 'lots', '1XB', '1e9', 'Infinity', '99999999999T'])
      expect([bad, parseSize(bad)]).toEqual([bad, undefined]);
  });
});

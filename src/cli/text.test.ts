import { describe, expect, it } from 'vitest';
import { displayWidth, paint, table } from './text.js';

describe('paint', () => {
  it('colours with a known style only: a style named after a key of Object.prototype has no code', () => {
    expect(paint('x', 'red', true)).toBe('\u001b[31mx\u001b[0m');
    expect(paint('x', 'red', false)).toBe('x');
    for (const style of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(paint('x', style, true)).toBe('x');
  });
});

describe('table', () => {
  it('shows control characters and line breaks of a cell as text, so the columns stay aligned', () => {
    const out = table([{ title: '名称' }, { title: 'n', align: 'right' }], [['a\u001b[2J\nb', '1']]);
    expect(out).toContain('a\\u001b[2J\\u000ab');
    expect(out).not.toContain('\u001b');
    expect(out.split('\n')).toHaveLength(3);
  });

  it('counts CJK characters as two columns', () => {
    expect(displayWidth('市水利局')).toBe(8);
    expect(table([{ title: '部门' }, { title: 'x' }], [['市水利局', '1']]).split('\n')[2]).toBe('市水利局  1');
  });
});

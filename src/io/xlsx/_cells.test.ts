import { describe, expect, it } from 'vitest';
import { readEnum } from './_cells.js';
import { MEETING_LEVEL, MILESTONE_KIND, ROLE } from './_layout.js';

describe('readEnum', () => {
  it('reads a value, its Chinese label and an alias', () => {
    expect(readEnum({ kind: 'text', value: 'Mayor' }, ROLE)).toEqual({ ok: true, value: 'mayor' });
    expect(readEnum({ kind: 'text', value: '市长' }, ROLE)).toEqual({ ok: true, value: 'mayor' });
    expect(readEnum({ kind: 'text', value: '主要领导' }, ROLE)).toEqual({ ok: true, value: 'principal' });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
    'finds no value for the prototype name %s: invalid_value, never a member of Object.prototype',
    (name) => {
      for (const def of [ROLE, MILESTONE_KIND, MEETING_LEVEL]) {
        expect(readEnum({ kind: 'text', value: name }, def)).toMatchObject({ ok: false, code: 'invalid_value' });
      }
    },
  );
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isProjectCode, parseProjectCode, PROJECT_CODE_PATTERN } from './projectCode.js';

describe('project code (项目代码)', () => {
  it('splits 2411-130402-89-01-637015 into time, region, department, type and serial', () => {
    expect(parseProjectCode('2411-130402-89-01-637015')).toEqual({
      code: '2411-130402-89-01-637015',
      time: '2411',
      region: '130402',
      department: '89',
      type: '01',
      serial: '637015',
    });
    expect(parseProjectCode('2411-130402-89-01-637015')?.region).toBe('130402');
  });

  it.each(['2411-130402-89-01-637015', '2017-130000-48-01-000001', '0000-000000-00-00-000000'])('accepts %s', (code) => {
    expect(isProjectCode(code)).toBe(true);
    expect(parseProjectCode(code)?.code).toBe(code);
  });

  it.each([
    ['a block too short', '2411-130402-89-01-63701'],
    ['a block too long', '2411-1304021-89-01-637015'],
    ['no hyphens', '241113040289016370150000'],
    ['a letter', '2411-13040X-89-01-637015'],
    ['surrounding space', ' 2411-130402-89-01-637015'],
    ['a trailing newline', '2411-130402-89-01-637015\n'],
    ['full-width digits', '２４１１-130402-89-01-637015'],
    ['full-width hyphens', '2411－130402－89－01－637015'],
    ['the empty string', ''],
  ])('rejects %s', (_why, code) => {
    expect(isProjectCode(code)).toBe(false);
    expect(parseProjectCode(code)).toBeUndefined();
  });

  it('rejects values that are not strings', () => {
    expect(isProjectCode(241113040289016)).toBe(false);
    expect(isProjectCode(undefined)).toBe(false);
    expect(isProjectCode(null)).toBe(false);
  });

  it('matches exactly 24 characters', () => {
    expect('2411-130402-89-01-637015').toHaveLength(24);
    expect(PROJECT_CODE_PATTERN.source).toBe('^(\\d{4})-(\\d{6})-(\\d{2})-(\\d{2})-(\\d{6})$');
  });

  describe('properties', () => {
    const digits = (n: number): fc.Arbitrary<string> =>
      fc.string({ unit: fc.constantFrom(...Array.from('0123456789')), minLength: n, maxLength: n });
    test.prop([digits(4), digits(6), digits(2), digits(2), digits(6)])(
      'joining the blocks with hyphens and parsing gives the blocks back',
      (time, region, department, type, serial) => {
        const code = [time, region, department, type, serial].join('-');
        expect(parseProjectCode(code)).toEqual({ code, time, region, department, type, serial });
      },
    );
    test.prop([fc.string()])('parses exactly what isProjectCode accepts', (s) => {
      expect(parseProjectCode(s) !== undefined).toBe(isProjectCode(s));
    });
  });
});

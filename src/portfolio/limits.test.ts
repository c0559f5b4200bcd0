import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { doc, project } from '../../test/fixtures/builders.js';
import { check } from './parsePortfolio.js';
import { isSchemaForm } from './fastPath.js';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './limits.js';
import { safeParsePortfolio, serializePortfolio } from './index.js';

const codesAt = (input: unknown): string[] => {
  const r = safeParsePortfolio(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path} ${i.code}`);
};

describe('MAX_TEXT_LENGTH and MAX_ID_LENGTH', () => {
  it('takes a name of exactly MAX_TEXT_LENGTH characters and refuses one more with text_too_long', () => {
    expect(codesAt(doc([project('P-1', [], { name: 'x'.repeat(MAX_TEXT_LENGTH) })]))).toEqual([]);
    expect(codesAt(doc([project('P-1', [], { name: 'x'.repeat(MAX_TEXT_LENGTH + 1) })]))).toEqual(['$.projects[0].name text_too_long']);
  });

  it('takes an id of exactly MAX_ID_LENGTH characters and refuses one more, the references to it too', () => {
    const id = 'P'.repeat(MAX_ID_LENGTH);
    expect(codesAt(doc([project(id, [])]))).toEqual([]);
    expect(codesAt(doc([project(`${id}1`, [])]))).toEqual(['$.projects[0].id text_too_long']);
    const d = doc([project('P-1', [])]);
    const long = 'D'.repeat(MAX_ID_LENGTH + 1);
    expect(
      codesAt({ ...d, departments: [{ ...d.departments[0], id: long }], projects: [{ ...d.projects[0], departmentId: long }] }),
    ).toEqual(['$.departments[0].id text_too_long', '$.projects[0].departmentId text_too_long']);
  });

  it("bounds the keys of a report's achievements as ids, on the fast path and on the zod path alike", () => {
    const base = safeParsePortfolio(doc([project('P-1', [])]));
    if (!base.success) return expect.fail('the base document is valid');
    const canonical = JSON.parse(serializePortfolio(base.data)) as { projects: Record<string, unknown>[] };
    const withKey = (key: string): unknown => ({
      ...canonical,
      projects: [{ ...canonical.projects[0], reports: [{ month: '2025-01', investment: '1', achieved: { [key]: '2025-01-10' } }] }],
    });
    expect(isSchemaForm(withKey('m'.repeat(MAX_ID_LENGTH)))).toBe(true);
    expect(isSchemaForm(withKey('m'.repeat(MAX_ID_LENGTH + 1)))).toBe(false);
    expect(codesAt(withKey('m'.repeat(MAX_ID_LENGTH + 1))).map((c) => c.split(' ')[1])).toContain('invalid_value');
  });

  it('refuses a ten-million-character name at once, naming its length, not its text', () => {
    const r = safeParsePortfolio(doc([project('P-1', [], { name: '市'.repeat(10_000_000) })]));
    expect(r.success).toBe(false);
    const issue = r.success ? undefined : r.error.issues[0];
    expect(issue?.code).toBe('text_too_long');
    expect(issue?.message.en.length).toBeLessThan(200);
  });

  test.prop([fc.nat({ max: 3 * MAX_TEXT_LENGTH }), fc.integer({ min: 1, max: 2 * MAX_ID_LENGTH })], { numRuns: 40 })(
    'the schema-form walk and zod draw the same line: valid exactly when every length is within its bound',
    (nameLength, idLength) => {
      const base = safeParsePortfolio(doc([project('P-1', [])]));
      if (!base.success) return expect.fail('the base document is valid');
      const canonical = JSON.parse(serializePortfolio(base.data)) as { projects: Record<string, unknown>[] };
      const first = canonical.projects[0] ?? {};
      const input = { ...canonical, projects: [{ ...first, id: 'P'.repeat(idLength), name: '名'.repeat(nameLength) }] };
      const within = nameLength <= MAX_TEXT_LENGTH && idLength <= MAX_ID_LENGTH;
      expect(isSchemaForm(input)).toBe(within);
      expect(safeParsePortfolio(input).success).toBe(within);
      expect(check(input, {}, 'schema').success).toBe(within);
    },
  );
});
